package org.reachpbx.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

    @Test
    void aWrittenPacketParsesBackWithItsFields() {
        byte[] payload = new byte[160];
        payload[0] = 42;
        byte[] buf = new byte[200];
        int len = RtpPacket.write(buf, true, 8, 65535, 0xFFFFFFF0L, 0xCAFEBABEL, payload, 0, 160);

        RtpPacket packet = new RtpPacket();
        assertThat(packet.parse(buf, len)).isTrue();
        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isEqualTo(8);
        assertThat(packet.sequence()).isEqualTo(65535);
        assertThat(packet.timestamp()).isEqualTo(0xFFFFFFF0L);
        assertThat(packet.ssrc()).isEqualTo(0xCAFEBABEL);
        assertThat(packet.payloadLength()).isEqualTo(160);
        assertThat(buf[packet.payloadOffset()]).isEqualTo((byte) 42);
    }

    @Test
    void csrcsExtensionAndPaddingAreSkipped() {
        byte[] buf = new byte[12 + 4 + 8 + 10 + 3];
        RtpPacket.writeHeader(buf, false, 0, 1, 2, 3);
        buf[0] = (byte) (0x80 | 0x20 | 0x10 | 1); // padding, extension, one CSRC
        buf[12 + 4 + 3] = 1; // extension length 1 word
        buf[buf.length - 1] = 3;
        RtpPacket packet = new RtpPacket();
        assertThat(packet.parse(buf, buf.length)).isTrue();
        assertThat(packet.payloadOffset()).isEqualTo(24);
        assertThat(packet.payloadLength()).isEqualTo(10);
    }

    @Test
    void garbageIsRefusedWithoutAnException() {
        RtpPacket packet = new RtpPacket();
        Random random = new Random(7);
        byte[] buf = new byte[300];
        for (int i = 0; i < 10_000; i++) {
            random.nextBytes(buf);
            int len = random.nextInt(buf.length + 1);
            packet.parse(buf, len); // must not throw, whatever it says
        }
        assertThat(packet.parse(new byte[5], 5)).isFalse();
        assertThat(packet.parse("hello world, not RTP".getBytes(), 20)).isFalse();
        byte[] rtcp = new byte[12];
        rtcp[0] = (byte) 0x80;
        rtcp[1] = (byte) 200; // an RTCP sender report on the RTP port
        assertThat(packet.parse(rtcp, 12)).isFalse();
    }

    @Test
    void sequenceDistanceWrapsAround() {
        assertThat(RtpPacket.seqDelta(65535, 0)).isEqualTo(1);
        assertThat(RtpPacket.seqDelta(0, 65535)).isEqualTo(-1);
        assertThat(RtpPacket.seqDelta(100, 110)).isEqualTo(10);
    }
}
