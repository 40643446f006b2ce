package org.reachpbx.media.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

/**
 * Reads an SDP with the JAIN SDP parser ({@code javax.sdp}, NIST implementation in jain-sip-ri) and
 * extracts the first usable audio stream (RTP/AVP, port not 0) and a summary of every m-line, which
 * an answer must repeat in order (RFC 3264 §6).
 */
final class SdpParser {

    /** One m-line as offered: the answer rejects all but the audio one with port 0. */
    record MediaLine(String type, String protocol, List<String> formats) {
    }

    /** The whole offer: its audio stream and where it is among the m-lines. */
    record Parsed(RemoteMedia audio, List<MediaLine> lines, int audioIndex) {
    }

    private SdpParser() {
    }

    static Parsed parse(String sdp) {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpNotAcceptable("no SDP");
        }
        try {
            SessionDescription session = SdpFactory.getInstance().createSessionDescription(normalise(sdp));
            @SuppressWarnings("unchecked")
            Vector<MediaDescription> descriptions = session.getMediaDescriptions(false);
            List<MediaLine> lines = new ArrayList<>();
            RemoteMedia audio = null;
            int audioIndex = -1;
            if (descriptions != null) {
                for (MediaDescription md : descriptions) {
                    @SuppressWarnings("unchecked")
                    Vector<String> formats = md.getMedia().getMediaFormats(false);
                    List<String> fmts = formats == null ? List.of() : List.copyOf(formats);
                    String type = md.getMedia().getMediaType();
                    String protocol = md.getMedia().getProtocol();
                    lines.add(new MediaLine(type, protocol, fmts));
                    if (audio == null && "audio".equalsIgnoreCase(type) && "RTP/AVP".equalsIgnoreCase(protocol)
                            && md.getMedia().getMediaPort() > 0) {
                        audio = audio(session, md, fmts);
                        audioIndex = lines.size() - 1;
                    }
                }
            }
            if (audio == null) {
                throw new SdpNotAcceptable("no audio stream (RTP/AVP with a port) in the SDP");
            }
            return new Parsed(audio, lines, audioIndex);
        } catch (SdpException | RuntimeException e) {
            if (e instanceof SdpNotAcceptable notAcceptable) {
                throw notAcceptable;
            }
            throw new SdpNotAcceptable("unparsable SDP: " + e.getMessage(), e);
        }
    }

    private static RemoteMedia audio(SessionDescription session, MediaDescription md, List<String> formats)
            throws SdpException {
        Connection connection = md.getConnection() != null ? md.getConnection() : session.getConnection();
        if (connection == null || connection.getAddress() == null) {
            throw new SdpNotAcceptable("no connection address (c=) for the audio stream");
        }
        String address = connection.getAddress().trim();
        int slash = address.indexOf('/');
        if (slash > 0) {
            address = address.substring(0, slash); // multicast TTL; not expected from phones
        }
        List<Integer> pts = new ArrayList<>();
        for (String f : formats) {
            try {
                pts.add(Integer.parseInt(f.trim()));
            } catch (NumberFormatException e) {
                throw new SdpNotAcceptable("payload type '" + f + "' is not a number");
            }
        }
        Map<Integer, String> encodings = new LinkedHashMap<>();
        int telephoneEvent = -1;
        int ptime = 20;
        Direction direction = direction(session.getAttributes(false), Direction.SENDRECV);
        direction = direction(md.getAttributes(false), direction);
        for (Object o : attributes(md.getAttributes(false))) {
            Attribute a = (Attribute) o;
            String name = a.getName();
            String value = a.hasValue() ? a.getValue().trim() : "";
            if ("rtpmap".equalsIgnoreCase(name)) {
                String[] parts = value.split("\\s+", 2);
                if (parts.length == 2) {
                    int pt = Integer.parseInt(parts[0]);
                    encodings.put(pt, parts[1]);
                    if (parts[1].toLowerCase().startsWith("telephone-event/8000") && pts.contains(pt)
                            && telephoneEvent < 0) {
                        telephoneEvent = pt;
                    }
                }
            } else if ("ptime".equalsIgnoreCase(name) && !value.isEmpty()) {
                ptime = (int) Double.parseDouble(value);
            }
        }
        if ("0.0.0.0".equals(address)) {
            direction = switch (direction) {
                case SENDRECV, SENDONLY -> Direction.SENDONLY;
                default -> Direction.INACTIVE;
            };
        }
        return new RemoteMedia(address, md.getMedia().getMediaPort(), pts, encodings, telephoneEvent, direction, ptime);
    }

    private static Direction direction(Vector<?> attributes, Direction otherwise) throws SdpException {
        for (Object o : attributes(attributes)) {
            String name = ((Attribute) o).getName().toLowerCase();
            switch (name) {
                case "sendrecv": return Direction.SENDRECV;
                case "sendonly": return Direction.SENDONLY;
                case "recvonly": return Direction.RECVONLY;
                case "inactive": return Direction.INACTIVE;
                default: break;
            }
        }
        return otherwise;
    }

    private static List<?> attributes(Vector<?> attributes) {
        return attributes == null ? List.of() : attributes;
    }

    /** The NIST parser wants CRLF line ends and a final line end; phones are not always so tidy. */
    private static String normalise(String sdp) {
        String text = sdp.replace("\r\n", "\n").replace('\r', '\n').strip();
        return text.replace("\n", "\r\n") + "\r\n";
    }
}
