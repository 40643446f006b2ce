package org.reachpbx.media.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RTP in pcap files, for SIPp's {@code play_pcap_audio} (the Debian package {@code sip-tester}
 * ships {@code g711a.pcap} and the RFC 4733 {@code dtmf_2833_*.pcap} in /usr/share/sip-tester):
 * read the RTP packets of a capture (Ethernet or Linux cooked, IPv4, UDP), decode its G.711 audio,
 * and write G.711 audio as a capture SIPp can play, with the packet size of our choice (SIPp's own
 * {@code g711a.pcap} has 30 ms packets; phones and the server use 20 ms).
 *
 * <p>{@code java -cp <media test-jar> org.reachpbx.media.testing.RtpPcap repacketize in.pcap out.pcap 160}
 * writes {@code in}'s audio as 160-sample (20 ms) packets; {@code ... info in.pcap} prints the packet
 * count, the audio length and its sound (10 ms windows above {@link AudioCheck#SILENCE}); {@code ... raw
 * in.pcap out.raw} writes its G.711 bytes without any header (SIPp's {@code rtp_stream} plays such a file).
 */
public final class RtpPcap {

    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_LINUX_SLL = 113;

    /** One RTP packet of a capture; {@code nanos} is its capture time, the ports its UDP ports. */
    public record Packet(long nanos, int sourcePort, int destinationPort, int payloadType, boolean marker, int seq,
                         long timestamp, long ssrc, byte[] payload) {
    }

    private RtpPcap() {
    }

    /** The RTP packets (UDP over IPv4) of a capture, in file order. */
    public static List<Packet> read(Path pcap) {
        byte[] file;
        try {
            file = Files.readAllBytes(pcap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt(0);
        boolean nanoResolution;
        if (magic == 0xa1b2c3d4 || magic == 0xa1b23c4d) {
            nanoResolution = magic == 0xa1b23c4d;
        } else {
            b.order(ByteOrder.BIG_ENDIAN);
            magic = b.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                throw new IllegalArgumentException(pcap + ": not a pcap file");
            }
            nanoResolution = magic == 0xa1b23c4d;
        }
        int linkType = b.getInt(20);
        int link = switch (linkType) {
            case LINKTYPE_ETHERNET -> 14;
            case LINKTYPE_LINUX_SLL -> 16;
            default -> throw new IllegalArgumentException(pcap + ": link type " + linkType + " not supported");
        };
        List<Packet> packets = new ArrayList<>();
        int at = 24;
        while (at + 16 <= file.length) {
            long seconds = b.getInt(at) & 0xFFFFFFFFL;
            long fraction = b.getInt(at + 4) & 0xFFFFFFFFL;
            int captured = b.getInt(at + 8);
            int p = at + 16;
            at = p + captured;
            int ip = p + link;
            if (captured < link + 28 || (file[ip] >> 4) != 4 || file[ip + 9] != 17) {
                continue; // not UDP over IPv4
            }
            int udp = ip + (file[ip] & 0x0F) * 4;
            int udpLength = ((file[udp + 4] & 0xFF) << 8) | (file[udp + 5] & 0xFF);
            int rtp = udp + 8;
            int rtpLength = Math.min(udpLength - 8, at - rtp);
            if (rtpLength < 12 || (file[rtp] & 0xC0) != 0x80) {
                continue;
            }
            int cc = file[rtp] & 0x0F;
            int header = 12 + 4 * cc;
            ByteBuffer r = ByteBuffer.wrap(file, rtp, rtpLength).order(ByteOrder.BIG_ENDIAN);
            byte[] payload = new byte[rtpLength - header];
            System.arraycopy(file, rtp + header, payload, 0, payload.length);
            packets.add(new Packet(seconds * 1_000_000_000L + (nanoResolution ? fraction : fraction * 1000),
                    ((file[udp] & 0xFF) << 8) | (file[udp + 1] & 0xFF), ((file[udp + 2] & 0xFF) << 8) | (file[udp + 3] & 0xFF),
                    file[rtp + 1] & 0x7F, (file[rtp + 1] & 0x80) != 0, r.getShort(rtp + 2) & 0xFFFF,
                    r.getInt(rtp + 4) & 0xFFFFFFFFL, r.getInt(rtp + 8) & 0xFFFFFFFFL, payload));
        }
        return packets;
    }

    /** The decoded audio of the G.711 packets (payload types 0 and 8), in file order. */
    public static short[] audio(List<Packet> packets) {
        List<short[]> parts = new ArrayList<>();
        int total = 0;
        for (Packet p : packets) {
            if (G711.isG711(p.payloadType())) {
                short[] s = G711.decode(p.payloadType(), p.payload());
                parts.add(s);
                total += s.length;
            }
        }
        short[] all = new short[total];
        int at = 0;
        for (short[] s : parts) {
            System.arraycopy(s, 0, all, at, s.length);
            at += s.length;
        }
        return all;
    }

    /** The encoded G.711 bytes of the audio packets of one payload type, in file order. */
    public static byte[] encoded(List<Packet> packets, int payloadType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Packet p : packets) {
            if (p.payloadType() == payloadType) {
                out.writeBytes(p.payload());
            }
        }
        return out.toByteArray();
    }

    /** The G.711 audio of {@code in} written to {@code out} as packets of {@code samplesPerPacket}. */
    public static void repacketize(Path in, Path out, int samplesPerPacket) {
        List<Packet> packets = read(in);
        int pt = packets.stream().filter(p -> G711.isG711(p.payloadType())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(in + " has no G.711 packets")).payloadType();
        writeG711(out, pt, encoded(packets, pt), samplesPerPacket);
    }

    /**
     * Writes encoded G.711 audio as an Ethernet/IPv4/UDP capture of RTP packets of
     * {@code samplesPerPacket} samples, one every {@code samplesPerPacket / 8} ms, from
     * 127.0.0.1:6000 to 127.0.0.1:6002 (SIPp replaces the addresses), sequence numbers and
     * timestamps continuous, the marker on the first packet.
     */
    public static void writeG711(Path out, int payloadType, byte[] encoded, int samplesPerPacket) {
        ByteBuffer file = ByteBuffer.allocate(24 + (encoded.length / samplesPerPacket + 1) * (16 + 42 + 12 + samplesPerPacket))
                .order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535)
                .putInt(LINKTYPE_ETHERNET);
        int seq = 1000;
        long timestamp = 160;
        long micros = 1_000_000L; // 1 s after the epoch; SIPp plays relative to the first packet
        long step = samplesPerPacket * 1_000_000L / 8000;
        for (int off = 0; off + samplesPerPacket <= encoded.length; off += samplesPerPacket) {
            int rtpLength = 12 + samplesPerPacket;
            int frame = 14 + 20 + 8 + rtpLength;
            file.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frame).putInt(frame);
            ByteBuffer f = file.slice().order(ByteOrder.BIG_ENDIAN);
            // Ethernet
            f.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) 0x0800);
            // IPv4, no options, UDP, checksum left 0 (nobody checks it on replay)
            f.put((byte) 0x45).put((byte) 0).putShort((short) (20 + 8 + rtpLength)).putShort((short) 0)
                    .putShort((short) 0).put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
            // UDP, checksum 0 (none)
            f.putShort((short) 6000).putShort((short) 6002).putShort((short) (8 + rtpLength)).putShort((short) 0);
            // RTP
            f.put((byte) 0x80).put((byte) ((off == 0 ? 0x80 : 0) | payloadType)).putShort((short) seq)
                    .putInt((int) timestamp).putInt(0x5ee0_0001);
            f.put(encoded, off, samplesPerPacket);
            file.position(file.position() + frame);
            seq = (seq + 1) & 0xFFFF;
            timestamp += samplesPerPacket;
            micros += step;
        }
        try {
            Files.write(out, java.util.Arrays.copyOf(file.array(), file.position()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) {
        if (args.length == 4 && args[0].equals("repacketize")) {
            repacketize(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            args = new String[] {"info", args[2]};
        }
        if (args.length == 3 && args[0].equals("raw")) {
            // the bare G.711 bytes, for SIPp's rtp_stream action (it plays a headerless file)
            Path in = Path.of(args[1]);
            List<Packet> packets = read(in);
            int pt = packets.stream().filter(p -> G711.isG711(p.payloadType())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(in + " has no G.711 packets")).payloadType();
            try {
                Files.write(Path.of(args[2]), encoded(packets, pt));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (args.length == 2 && args[0].equals("info")) {
            List<Packet> packets = read(Path.of(args[1]));
            short[] audio = audio(packets);
            System.out.printf(Locale.ROOT, "%s: %d packets, audio %d ms, sound %d ms, sound span %d ms%n", args[1],
                    packets.size(), AudioCheck.duration(audio).toMillis(), AudioCheck.durationOfSound(audio).toMillis(),
                    AudioCheck.soundSpan(audio, AudioCheck.SILENCE).toMillis());
            return;
        }
        System.err.println("usage: RtpPcap repacketize in.pcap out.pcap samplesPerPacket | RtpPcap info file.pcap"
                + " | RtpPcap raw in.pcap out.raw");
        System.exit(2);
    }
}
