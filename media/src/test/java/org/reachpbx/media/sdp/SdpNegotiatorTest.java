package org.reachpbx.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import javax.sdp.MediaDescription;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;
import org.junit.jupiter.api.Test;
import org.reachpbx.media.codec.Codec;

class SdpNegotiatorTest {
    private static final List<Codec> OURS = List.of(Codec.PCMA, Codec.PCMU);
    private final SdpNegotiator negotiator = new SdpNegotiator();

    private static String offer(String mLine, String... attributes) {
        StringBuilder b = new StringBuilder("v=0\r\no=phone 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n");
        b.append(mLine).append("\r\n");
        for (String a : attributes) {
            b.append(a).append("\r\n");
        }
        return b.toString();
    }

    @Test
    void aPcmaOnlyOfferIsAnsweredWithPcmaAndItsTelephoneEventType() throws Exception {
        SdpAnswer answer = negotiator.answer(offer("m=audio 4000 RTP/AVP 8 96", "a=rtpmap:96 telephone-event/8000",
                "a=fmtp:96 0-15"), List.of(Codec.PCMU, Codec.PCMA), "198.51.100.1", 20000, Direction.SENDRECV);

        assertThat(answer.codec()).isEqualTo(Codec.PCMA);
        assertThat(answer.telephoneEventPt()).isEqualTo(96);
        assertThat(answer.remote().getHostString()).isEqualTo("192.0.2.7");
        assertThat(answer.remote().getPort()).isEqualTo(4000);
        assertThat(answer.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(answer.sdp()).contains("m=audio 20000 RTP/AVP 8 96\r\n", "a=rtpmap:96 telephone-event/8000",
                "a=ptime:20", "c=IN IP4 198.51.100.1", "a=sendrecv");

        SessionDescription parsed = SdpFactory.getInstance().createSessionDescription(answer.sdp());
        MediaDescription audio = (MediaDescription) parsed.getMediaDescriptions(false).get(0);
        assertThat(audio.getMedia().getMediaPort()).isEqualTo(20000);
    }

    @Test
    void aPcmuOnlyOfferIsAnsweredWithPcmuWithoutTelephoneEventWhenNotOffered() {
        SdpAnswer answer = negotiator.answer(offer("m=audio 4000 RTP/AVP 0"), OURS, "198.51.100.1", 20000, Direction.SENDRECV);
        assertThat(answer.codec()).isEqualTo(Codec.PCMU);
        assertThat(answer.telephoneEventPt()).isEqualTo(-1);
        assertThat(answer.sdp()).contains("m=audio 20000 RTP/AVP 0\r\n").doesNotContain("telephone-event");
    }

    @Test
    void anOpusOnlyOfferIsAnsweredWithOpusUnderTheOfferedPayloadType() {
        SdpAnswer answer = negotiator.answer(offer("m=audio 4000 RTP/AVP 109 101", "a=rtpmap:109 opus/48000/2",
                        "a=fmtp:109 useinbandfec=1", "a=rtpmap:101 telephone-event/8000"),
                List.of(Codec.PCMA, Codec.PCMU, Codec.OPUS), "198.51.100.1", 20000, Direction.SENDRECV);
        assertThat(answer.codec()).isEqualTo(Codec.OPUS);
        assertThat(answer.payloadType()).isEqualTo(109);
        assertThat(answer.sdp()).contains("m=audio 20000 RTP/AVP 109 101\r\n", "a=rtpmap:109 opus/48000/2\r\n",
                "a=fmtp:109 maxplaybackrate=8000;sprop-maxcapturerate=8000");
    }

    @Test
    void opusIsOfferedUnderItsDynamicTypeAndNotTakenForAnUnmappedPayloadType111() {
        String ours = negotiator.offer(List.of(Codec.PCMA, Codec.OPUS), "198.51.100.1", 20000, Direction.SENDRECV, 101);
        assertThat(ours).contains("m=audio 20000 RTP/AVP 8 111 101\r\n", "a=rtpmap:111 opus/48000/2\r\n");
        // an opus at another clock rate, or a bare 111 without rtpmap, is not Opus
        assertThatThrownBy(() -> negotiator.answer(offer("m=audio 4000 RTP/AVP 111"), List.of(Codec.OPUS), "198.51.100.1",
                20000, Direction.SENDRECV)).isInstanceOf(SdpNotAcceptable.class);
        assertThatThrownBy(() -> negotiator.answer(offer("m=audio 4000 RTP/AVP 96", "a=rtpmap:96 opus/16000"),
                List.of(Codec.OPUS), "198.51.100.1", 20000, Direction.SENDRECV)).isInstanceOf(SdpNotAcceptable.class);
    }

    @Test
    void ourPreferenceDecidesWhenBothAreOffered() {
        SdpAnswer answer = negotiator.answer(offer("m=audio 4000 RTP/AVP 0 8 101", "a=rtpmap:101 telephone-event/8000"),
                OURS, "198.51.100.1", 20000, Direction.SENDRECV);
        assertThat(answer.codec()).isEqualTo(Codec.PCMA);
        assertThat(answer.telephoneEventPt()).isEqualTo(101);
    }

    @Test
    void aG729OnlyOfferIsNotAcceptable() {
        assertThatThrownBy(() -> negotiator.answer(offer("m=audio 4000 RTP/AVP 18", "a=rtpmap:18 G729/8000"),
                OURS, "198.51.100.1", 20000, Direction.SENDRECV))
                .isInstanceOf(SdpNotAcceptable.class).hasMessageContaining("no common codec");
    }

    @Test
    void anOfferWithoutAudioIsNotAcceptable() {
        assertThatThrownBy(() -> negotiator.parse(offer("m=video 5000 RTP/AVP 96", "a=rtpmap:96 H264/90000")))
                .isInstanceOf(SdpNotAcceptable.class).hasMessageContaining("no audio");
        assertThatThrownBy(() -> negotiator.parse("this is not SDP")).isInstanceOf(SdpNotAcceptable.class);
        assertThatThrownBy(() -> negotiator.parse("")).isInstanceOf(SdpNotAcceptable.class);
    }

    @Test
    void aVideoStreamNextToAudioIsRefusedWithPortZero() {
        String offer = offer("m=audio 4000 RTP/AVP 8") + "m=video 5000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n";
        SdpAnswer answer = negotiator.answer(offer, OURS, "198.51.100.1", 20000, Direction.SENDRECV);
        assertThat(answer.sdp()).contains("m=audio 20000 RTP/AVP 8\r\n", "m=video 0 RTP/AVP 96\r\n");
    }

    @Test
    void holdIsDetectedFromSendonlyInactiveAndTheOldZeroAddress() {
        assertThat(negotiator.parse(offer("m=audio 4000 RTP/AVP 8", "a=sendonly")).onHold()).isTrue();
        assertThat(negotiator.parse(offer("m=audio 4000 RTP/AVP 8", "a=inactive")).onHold()).isTrue();
        String zero = offer("m=audio 4000 RTP/AVP 8").replace("c=IN IP4 192.0.2.7", "c=IN IP4 0.0.0.0");
        assertThat(negotiator.parse(zero).onHold()).isTrue();
        assertThat(negotiator.parse(offer("m=audio 4000 RTP/AVP 8")).onHold()).isFalse();

        SdpAnswer answer = negotiator.answer(offer("m=audio 4000 RTP/AVP 8", "a=sendonly"), OURS, "198.51.100.1", 20000,
                Direction.SENDRECV);
        assertThat(answer.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(answer.weSend()).isFalse();
        assertThat(answer.sdp()).contains("a=recvonly");
    }

    @Test
    void mediaLevelConnectionAndPtimeWinOverSessionLevel() {
        RemoteMedia media = negotiator.parse(offer("m=audio 4000 RTP/AVP 0 8", "c=IN IP4 203.0.113.9", "a=ptime:30",
                "a=recvonly"));
        assertThat(media.address()).isEqualTo("203.0.113.9");
        assertThat(media.ptime()).isEqualTo(30);
        assertThat(media.payloadTypes()).containsExactly(0, 8);
        assertThat(media.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(media.telephoneEventPt()).isEqualTo(-1);
    }

    @Test
    void aCodecOfferedUnderADynamicTypeIsFoundByName() {
        SdpAnswer answer = negotiator.answer(offer("m=audio 4000 RTP/AVP 97", "a=rtpmap:97 pcma/8000"), OURS,
                "198.51.100.1", 20000, Direction.SENDRECV);
        assertThat(answer.codec()).isEqualTo(Codec.PCMA);
        assertThat(answer.payloadType()).isEqualTo(97);
    }

    @Test
    void theOriginVersionGoesUpOnlyWhenOurSdpChanges() {
        String first = negotiator.offer(OURS, "198.51.100.1", 20000, Direction.SENDRECV, 101);
        long v1 = negotiator.originVersion();
        negotiator.offer(OURS, "198.51.100.1", 20000, Direction.SENDRECV, 101);
        assertThat(negotiator.originVersion()).isEqualTo(v1);
        String hold = negotiator.offer(OURS, "198.51.100.1", 20000, Direction.SENDONLY, 101);
        assertThat(negotiator.originVersion()).isEqualTo(v1 + 1);
        assertThat(first).contains("m=audio 20000 RTP/AVP 8 0 101", "a=rtpmap:8 PCMA/8000", "a=rtpmap:0 PCMU/8000");
        assertThat(hold).contains("a=sendonly");
    }

    @Test
    void aLateOfferAnswerIsRead() {
        SdpAnswer result = negotiator.acceptAnswer(offer("m=audio 4000 RTP/AVP 0 101", "a=rtpmap:101 telephone-event/8000"),
                OURS, Direction.SENDRECV);
        assertThat(result.codec()).isEqualTo(Codec.PCMU);
        assertThat(result.telephoneEventPt()).isEqualTo(101);
        assertThat(result.remote().getPort()).isEqualTo(4000);
    }
}
