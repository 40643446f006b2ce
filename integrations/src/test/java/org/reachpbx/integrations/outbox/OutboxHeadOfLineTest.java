package org.reachpbx.integrations.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.OutboxChannel;
import org.reachpbx.directory.integrations.OutboxMessage;
import org.reachpbx.directory.integrations.OutboxMessageRepository;
import org.reachpbx.integrations.IntegrationTest;
import org.reachpbx.integrations.IntegrationsTestApplication.TestRegistrations;
import org.reachpbx.integrations.mwi.MessageWaiting;
import org.reachpbx.integrations.peers.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15 item 17: a phone that does not answer must not hold up the outbox. Its NOTIFYs used to
 * be sent one message at a time, each waiting 5 s for the dead phone, with e-mails, webhooks and
 * the NOTIFYs of live phones queued behind them.
 */
class OutboxHeadOfLineTest extends IntegrationTest {

    @Autowired
    MessageWaiting messageWaiting;
    @Autowired
    Outbox outbox;
    @Autowired
    OutboxMessageRepository messages;
    @Autowired
    TestRegistrations registrations;

    private GreenMail smtp;
    private TestPhone live;
    private DatagramSocket dead;

    @AfterEach
    void stopPeers() {
        registrations.clear();
        if (smtp != null) {
            smtp.stop();
        }
        if (live != null) {
            live.close();
        }
        if (dead != null) {
            dead.close();
        }
        jdbc.update("update outbox_message set state = 'DEAD' where state = 'PENDING'");
    }

    @Test
    void aDeadPhoneDelaysNeitherTheLivePhonesNotifyNorAnEmail() throws Exception {
        // A phone that is gone: its port takes datagrams and never answers.
        dead = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        String deadContact = "sip:204@127.0.0.1:" + dead.getLocalPort();
        registrations.register(demo, "204", deadContact);
        live = new TestPhone(PHONE_PORT);
        registrations.register(demo, "203", live.contact("203"));
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        // Ten updates for the dead phone first (before: 10 x 5 s in a row), then the live phone's, then an e-mail.
        List<Long> forDead = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            messageWaiting.changed(demo, "204");
        }
        messages.findAll().stream().filter(m -> m.getChannel() == OutboxChannel.MWI && "204".equals(m.getBox())
                && m.getAttempts() == 0 && "PENDING".equals(m.getState().name())).forEach(m -> forDead.add(m.getId()));
        assertThat(forDead).hasSize(10);
        messageWaiting.changed(demo, "203");
        OutboxMessage mail = new OutboxMessage();
        mail.setTenantId(demo);
        mail.setChannel(OutboxChannel.EMAIL);
        mail.setDestination("anna@example.net");
        mail.setSubject("Outbox head-of-line test");
        mail.setBody("sent while a phone is dead");
        long mailId = outbox.enqueue(mail).getId();

        eventually().until(() -> !live.notifies().isEmpty() && smtp.getReceivedMessages().length > 0);
        assertThat(live.notifies().get(0).requestUri()).isEqualTo(live.contact("203"));
        // GreenMail has the message before the outbox marks it delivered: wait for the mark, not the mail.
        eventually().until(() -> outboxState(mailId).equals("DELIVERED"));
        // The dead phone's messages go one at a time: most were not even tried yet.
        long untried = forDead.stream().filter(id -> jdbc.queryForObject(
                "select attempts from outbox_message where id = ?", Integer.class, id) == 0).count();
        assertThat(untried).as("dead phone's messages not tried yet when the others had arrived").isGreaterThanOrEqualTo(7);

        // And the dead phone's do fail and wait for their next attempt, still kept (PENDING), none lost.
        eventually().until(() -> jdbc.queryForObject("select attempts from outbox_message where id = ?",
                Integer.class, forDead.get(0)) >= 1);
        assertThat(outboxState(forDead.get(0))).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select last_error from outbox_message where id = ?", String.class,
                forDead.get(0))).contains("no answer within 2000 ms");
    }

    @Test
    void aRegistrationQueuesANotifyForThatPhoneAloneAndNoneOnceItIsGone() throws Exception {
        dead = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        registrations.register(demo, "203", "sip:203@127.0.0.1:" + dead.getLocalPort());
        live = new TestPhone(PHONE_PORT);
        registrations.register(demo, "203", live.contact("203"));

        messageWaiting.registered(demo, "203", live.contact("203"));
        eventually().until(() -> !live.notifies().isEmpty());
        OutboxMessage sent = messages.findAll().stream().filter(m -> live.contact("203").equals(m.getTarget()))
                .findFirst().orElseThrow();
        eventually().until(() -> outboxState(sent.getId()).equals("DELIVERED"));
        // The user's other phone (the dead one) was not sent anything.
        dead.setSoTimeout(500);
        assertThat(receivedSomething(dead)).as("a NOTIFY at the user's other phone").isFalse();

        // A registration that is no longer there gets nothing queued.
        long before = messages.count();
        messageWaiting.registered(demo, "203", "sip:203@127.0.0.1:1");
        assertThat(messages.count()).isEqualTo(before);
    }

    private static boolean receivedSomething(DatagramSocket socket) throws java.io.IOException {
        try {
            socket.receive(new java.net.DatagramPacket(new byte[2048], 2048));
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        }
    }
}
