package org.reachpbx.server.sip.media.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.SdpDirection;
import org.reachpbx.server.sip.TestPhone;
import org.reachpbx.server.sip.TestTenants;
import org.reachpbx.server.sip.media.MediaTestSupport;

/**
 * The transfer tests' tenant ({@code sip/transfers-tenant.yaml}: every call's media anchored, users
 * 301–303 on channels h14a301–h14a303) and their phones with RTP.
 */
abstract class TransferTestSupport extends MediaTestSupport {

    static final String DOMAIN = "h14a-transfers.test";

    @BeforeEach
    void transfersTenant() throws Exception {
        TestTenants.ensure(store, views, "Transfers Test BV", "sip/transfers-tenant.yaml");
    }

    TestPhone phone(String ext, RtpTestPeer rtp) throws Exception {
        TestPhone phone = new TestPhone("h14a" + ext, DOMAIN, "pw-t" + ext + "-secret", server.port());
        closeAfterTest(phone);
        Response r = phone.register(300, "SHA-256");
        assertThat(r).isNotNull();
        assertThat(r.getStatusCode()).as("h14a%s registers", ext).isEqualTo(200);
        return phone.withMedia(rtp.sdpOffer(List.of("PCMA"), true));
    }

    /** {@code from} calls {@code to}, which answers; both RTP peers point at the server. */
    TestPhone.Incoming answeredCall(TestPhone from, RtpTestPeer fromRtp, TestPhone to, RtpTestPeer toRtp,
                                    String dialled, TestPhone.Call[] call) throws Exception {
        to.answering(TestPhone.Answering.ANSWER, 100);
        call[0] = from.call(dialled);
        connected(call[0], fromRtp);
        TestPhone.Incoming in = to.awaitCall(5);
        toRtp.remoteFromSdp(new String(in.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !to.acks.isEmpty(), Duration.ofSeconds(5))).as("%s gets the ACK", dialled).isTrue();
        to.acks.clear();
        return in;
    }

    static String holdSdp(RtpTestPeer rtp) {
        return rtp.sdpOffer(List.of("PCMA"), true, SdpDirection.SENDONLY);
    }

    /** Waits for {@code count} BYEs at the phone. */
    static boolean byes(TestPhone phone, int count) throws InterruptedException {
        return awaitTrue(() -> phone.byes.size() >= count, Duration.ofSeconds(5));
    }

}
