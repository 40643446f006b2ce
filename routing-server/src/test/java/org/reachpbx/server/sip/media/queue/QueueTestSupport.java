package org.reachpbx.server.sip.media.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.queue.QueueLiveState;
import org.reachpbx.server.queue.QueueLiveState.QueueKey;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.media.MediaTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The queue tests of {@code sip/queue-tenant.yaml} (agents 211, 212, 213, caller 219, a queue per
 * strategy and queues for 903/904): phones with real RTP, and every agent logged out of every
 * queue after each test, so one test's logins never ring in the next.
 */
abstract class QueueTestSupport extends MediaTestSupport {

    protected static final String QUEUE_DOMAIN = "h13-queues.test";
    private static final List<String> QUEUES = List.of("410", "411", "421", "422", "423", "424", "425", "426", "427", "430", "431", "432", "433", "435", "436", "437");

    @Autowired
    protected QueueLiveState queues;

    protected long queueTenant;

    @BeforeEach
    void queueTenant() throws Exception {
        queueTenant = org.reachpbx.server.sip.TestTenants.ensure(store, views, "Queue Test BV", "sip/queue-tenant.yaml");
    }

    @AfterEach
    void everyoneLoggedOut() throws Exception {
        awaitTrue(() -> QUEUES.stream().allMatch(q -> queues.waiting(queue(q)).isEmpty()), Duration.ofSeconds(5));
        for (String q : QUEUES) {
            for (String a : queues.loggedIn(queue(q))) {
                queues.logout(queue(q), a);
            }
        }
    }

    protected QueueKey queue(String number) {
        return new QueueKey(queueTenant, number);
    }

    /** A registered phone of user {@code ext} (channel qch{ext}) with RTP through {@code rtp}. */
    protected TestPhone queuePhone(String ext, RtpTestPeer rtp) throws Exception {
        TestPhone phone = new TestPhone("qch" + ext, QUEUE_DOMAIN, "pw-q" + ext + "-secret", server.port());
        closeAfterTest(phone);
        Response r = phone.register(300, "SHA-256");
        if (r == null || r.getStatusCode() != 200) {
            throw new AssertionError("qch" + ext + " could not register: " + r);
        }
        return phone.withMedia(rtp.sdpOffer(List.of("PCMA"), true));
    }

    /** The agents in the order their phones ring, {@code count} rings or until the timeout. */
    protected static List<String> ringOrder(java.util.Map<String, TestPhone> agents, int count, Duration timeout)
            throws InterruptedException {
        List<String> order = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        while (order.size() < count && System.nanoTime() < end) {
            boolean any = false;
            for (var a : agents.entrySet()) {
                if (a.getValue().incoming.poll() != null) {
                    order.add(a.getKey());
                    any = true;
                }
            }
            if (!any) {
                Thread.sleep(10);
            }
        }
        return order;
    }
}
