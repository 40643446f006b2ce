package org.reachpbx.media.rtp;

/**
 * A reusable view on one RTP packet (RFC 3550 §5.1) inside a byte array: {@link #parse} checks the
 * header and finds the payload without copying or allocating, the setters rewrite header fields in
 * place (relay), and {@link #write} lays out a fresh packet into a caller's buffer. One instance per
 * thread or per session, reused for every packet.
 */
public final class RtpPacket {
    public static final int HEADER = 12;

    private byte[] buf;
    private int length;
    private int payloadOffset;
    private int payloadLength;

    /**
     * Points this view at {@code buf[0..length)} and checks it: version 2, header, CSRCs, extension and
     * padding inside the packet, and a payload type that is not RTCP (72–76, RFC 5761).
     *
     * @return false for anything that is not a valid RTP packet (the view is then unusable)
     */
    public boolean parse(byte[] buf, int length) {
        this.buf = buf;
        this.length = length;
        if (length < HEADER || (buf[0] & 0xC0) != 0x80) {
            return false;
        }
        int pt = buf[1] & 0x7F;
        if (pt >= 72 && pt <= 76) {
            return false;
        }
        int offset = HEADER + 4 * (buf[0] & 0x0F);
        if ((buf[0] & 0x10) != 0) {
            if (offset + 4 > length) {
                return false;
            }
            offset += 4 + 4 * u16(buf, offset + 2);
        }
        int end = length;
        if ((buf[0] & 0x20) != 0) {
            int padding = buf[length - 1] & 0xFF;
            if (padding == 0) {
                return false;
            }
            end -= padding;
        }
        if (offset > end) {
            return false;
        }
        payloadOffset = offset;
        payloadLength = end - offset;
        return true;
    }

    public byte[] buffer() {
        return buf;
    }

    public int length() {
        return length;
    }

    public boolean marker() {
        return (buf[1] & 0x80) != 0;
    }

    public int payloadType() {
        return buf[1] & 0x7F;
    }

    public int sequence() {
        return u16(buf, 2);
    }

    public long timestamp() {
        return u32(buf, 4);
    }

    public long ssrc() {
        return u32(buf, 8);
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public void setMarker(boolean marker) {
        buf[1] = (byte) (marker ? buf[1] | 0x80 : buf[1] & 0x7F);
    }

    public void setPayloadType(int pt) {
        buf[1] = (byte) ((buf[1] & 0x80) | (pt & 0x7F));
    }

    public void setSequence(int seq) {
        put16(buf, 2, seq);
    }

    public void setTimestamp(long ts) {
        put32(buf, 4, ts);
    }

    public void setSsrc(long ssrc) {
        put32(buf, 8, ssrc);
    }

    /**
     * Writes a 12-byte header and the payload into {@code out}.
     *
     * @return the packet length
     */
    public static int write(byte[] out, boolean marker, int pt, int seq, long ts, long ssrc,
                            byte[] payload, int off, int len) {
        writeHeader(out, marker, pt, seq, ts, ssrc);
        System.arraycopy(payload, off, out, HEADER, len);
        return HEADER + len;
    }

    /** Writes only the 12-byte header; the caller fills the payload from {@link #HEADER}. */
    public static void writeHeader(byte[] out, boolean marker, int pt, int seq, long ts, long ssrc) {
        out[0] = (byte) 0x80;
        out[1] = (byte) ((marker ? 0x80 : 0) | (pt & 0x7F));
        put16(out, 2, seq);
        put32(out, 4, ts);
        put32(out, 8, ssrc);
    }

    /** The timestamp field of a packet laid out in {@code b}. */
    public static long timestampOf(byte[] b) {
        return u32(b, 4);
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    static long u32(byte[] b, int i) {
        return ((long) (b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    static void put16(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 8);
        b[i + 1] = (byte) v;
    }

    static void put32(byte[] b, int i, long v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }

    /** Signed distance from sequence {@code a} to {@code b} on the 16-bit circle (RFC 1982 style). */
    public static int seqDelta(int a, int b) {
        return (short) (b - a);
    }
}
