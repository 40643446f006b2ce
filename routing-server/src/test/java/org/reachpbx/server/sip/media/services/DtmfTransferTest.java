package org.reachpbx.server.sip.media.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.server.sip.TestPhone;

/**
 * Transfer by DTMF code for phones without a transfer key (GEN-06/07) over SIP and RTP: the called
 * user keys {@code ##*<dest>#} as RFC 4733 events in an anchored call; the server reads them from
 * its media session and transfers the caller blind, as by REFER (barring applies).
 */
class DtmfTransferTest extends TransferTestSupport {

    @Test
    void hashHashStarDestinationHashTransfersTheCallerBlindToTheDestination() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        RtpTestPeer corRtp = peer();
        TestPhone bram = phone("302", bramRtp);
        TestPhone anna = phone("301", annaRtp);
        TestPhone cor = phone("303", corRtp);
        TestPhone.Call[] call = new TestPhone.Call[1];
        answeredCall(bram, bramRtp, anna, annaRtp, "301", call);
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 440, 880)).as("302 and 301 talk").isTrue();

        cor.answering(TestPhone.Answering.ANSWER, 300);
        annaRtp.sendDigits("##*303#").get(10, TimeUnit.SECONDS);
        assertThat(anna.byes.poll(10, TimeUnit.SECONDS)).as("the transferring user's leg ends").isNotNull();
        TestPhone.Incoming atCor = cor.awaitCall(10);
        corRtp.remoteFromSdp(new String(atCor.request.getRawContent(), StandardCharsets.UTF_8));
        assertThat(awaitTrue(() -> !cor.acks.isEmpty(), Duration.ofSeconds(5))).isTrue();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, corRtp, 500, 1200)).as("302 talks to 303").isTrue();
        assertThat(bram.reinvites).as("the caller was not re-INVITEd").isEmpty();

        call[0].hangUp();
        assertThat(cor.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aCodeForABarredNumberLeavesTheCallAsItWas() throws Exception {
        RtpTestPeer bramRtp = peer();
        RtpTestPeer annaRtp = peer();
        TestPhone bram = phone("302", bramRtp);
        TestPhone anna = phone("301", annaRtp);
        TestPhone.Call[] call = new TestPhone.Call[1];
        answeredCall(bram, bramRtp, anna, annaRtp, "301", call);

        annaRtp.sendDigits("##*09061234567#").get(10, TimeUnit.SECONDS);
        assertThat(anna.byes.poll(2, TimeUnit.SECONDS)).as("CB-07: the call stays").isNull();
        assertThat(InCallServicesTest.hearsEachOther(bramRtp, annaRtp, 440, 880)).as("still talking").isTrue();
        call[0].hangUp();
        assertThat(anna.byes.poll(5, TimeUnit.SECONDS)).isNotNull();
    }
}
