package org.reachpbx.media.rtp;

/**
 * The little RTCP we speak (RFC 3550 §6.4): a sender report without report blocks every few seconds
 * so the far end sees we are alive and can map our timestamps, and a reader that walks an incoming
 * compound packet and counts its sender and receiver reports. We answer each leg's RTCP locally;
 * RTCP is never relayed between bridged legs.
 */
public final class Rtcp {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SR_LENGTH = 28;
    /** Seconds between 1900 (NTP era) and 1970 (Unix epoch). */
    private static final long NTP_OFFSET = 2_208_988_800L;

    private Rtcp() {
    }

    /** What a compound packet held. */
    public record Summary(int senderReports, int receiverReports, boolean valid) {
    }

    /** Writes a 28-byte sender report (RC = 0) into {@code out}; returns its length. */
    public static int writeSenderReport(byte[] out, long ssrc, long wallMillis, long rtpTimestamp,
                                        long packets, long octets) {
        out[0] = (byte) 0x80;
        out[1] = (byte) SR;
        RtpPacket.put16(out, 2, SR_LENGTH / 4 - 1);
        RtpPacket.put32(out, 4, ssrc);
        long seconds = wallMillis / 1000 + NTP_OFFSET;
        long fraction = ((wallMillis % 1000) << 32) / 1000;
        RtpPacket.put32(out, 8, seconds);
        RtpPacket.put32(out, 12, fraction);
        RtpPacket.put32(out, 16, rtpTimestamp);
        RtpPacket.put32(out, 20, packets);
        RtpPacket.put32(out, 24, octets);
        return SR_LENGTH;
    }

    /** Walks a compound packet; invalid when a header is wrong or a length runs past the end. */
    public static Summary read(byte[] buf, int length) {
        int at = 0;
        int sr = 0;
        int rr = 0;
        if (length < 8) {
            return new Summary(0, 0, false);
        }
        while (at + 4 <= length) {
            if ((buf[at] & 0xC0) != 0x80) {
                return new Summary(sr, rr, false);
            }
            int pt = buf[at + 1] & 0xFF;
            int words = RtpPacket.u16(buf, at + 2) + 1;
            if (pt < 192 || pt > 223 || at + 4 * words > length) {
                return new Summary(sr, rr, false);
            }
            if (pt == SR) {
                sr++;
            } else if (pt == RR) {
                rr++;
            }
            at += 4 * words;
        }
        return new Summary(sr, rr, at == length);
    }
}
