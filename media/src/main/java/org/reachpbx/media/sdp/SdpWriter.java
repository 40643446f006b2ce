package org.reachpbx.media.sdp;

import java.util.List;
import org.reachpbx.media.codec.Codec;

/**
 * Writes our SDP text. Plain text by template rather than through the {@code javax.sdp} object model,
 * so the line order is the one RFC 4566 §5 prescribes and phones expect, byte for byte the same for
 * the same input (which keeps the o= version stable on repeats); the tests parse it back with
 * {@code javax.sdp}.
 */
final class SdpWriter {
    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    /** One audio stream line with its attributes; {@code pts} are the payload types, {@code codecs} their codecs. */
    static String audio(int port, List<Integer> pts, List<Codec> codecs, int telephoneEventPt, Direction direction) {
        StringBuilder b = new StringBuilder("m=audio ").append(port).append(" RTP/AVP");
        pts.forEach(pt -> b.append(' ').append(pt));
        if (telephoneEventPt >= 0) {
            b.append(' ').append(telephoneEventPt);
        }
        b.append(CRLF);
        for (int i = 0; i < pts.size(); i++) {
            b.append("a=rtpmap:").append(pts.get(i)).append(' ').append(codecs.get(i).rtpmap()).append(CRLF);
            if (codecs.get(i) == Codec.OPUS) {
                // we decode to and encode from 8 kHz (RFC 7587 §6.1): the far end need not send wideband
                b.append("a=fmtp:").append(pts.get(i)).append(" maxplaybackrate=8000;sprop-maxcapturerate=8000").append(CRLF);
            }
        }
        if (telephoneEventPt >= 0) {
            b.append("a=rtpmap:").append(telephoneEventPt).append(" telephone-event/8000").append(CRLF);
            b.append("a=fmtp:").append(telephoneEventPt).append(" 0-15").append(CRLF);
        }
        b.append("a=ptime:20").append(CRLF);
        b.append("a=").append(direction.attribute()).append(CRLF);
        return b.toString();
    }

    /** A refused m-line (port 0), as RFC 3264 §6 asks for each stream we do not take. */
    static String rejected(SdpParser.MediaLine line) {
        String formats = line.formats().isEmpty() ? "0" : String.join(" ", line.formats());
        return "m=" + line.type() + " 0 " + line.protocol() + " " + formats + CRLF;
    }

    /** The whole SDP: session lines, then the media lines. */
    static String session(SdpOrigin origin, String address, String mediaLines) {
        String body = "s=ReachPBX" + CRLF
                + "c=IN " + addressType(address) + " " + address + CRLF
                + "t=0 0" + CRLF
                + mediaLines;
        return "v=0" + CRLF + origin.line(address, body) + CRLF + body;
    }

    static String addressType(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }
}
