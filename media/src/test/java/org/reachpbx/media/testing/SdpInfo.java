package org.reachpbx.media.testing;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audio part of an SDP body as a test needs it: where to send, which payload types in which
 * order, the telephone-event type, the direction and ptime. A small tolerant parser, not a
 * validator; the first {@code m=audio} line counts.
 *
 * @param address         connection address (media level over session level), null if none
 * @param port            audio port; 0 when the stream is rejected; -1 when there is no m=audio
 * @param payloadTypes    the payload types of the m=audio line, in its order
 * @param encodings       payload type to rtpmap encoding, e.g. 0 → "PCMU/8000" (static types filled in)
 * @param telephoneEventPt the telephone-event payload type, -1 if none
 * @param direction       the direction attribute (media level over session level; default sendrecv)
 * @param ptime           a=ptime, -1 if absent
 */
public record SdpInfo(String address, int port, List<Integer> payloadTypes, Map<Integer, String> encodings,
                      int telephoneEventPt, SdpDirection direction, int ptime) {

    public static SdpInfo parse(String sdp) {
        String sessionAddress = null;
        String mediaAddress = null;
        SdpDirection sessionDirection = null;
        SdpDirection mediaDirection = null;
        int port = -1;
        int ptime = -1;
        List<Integer> pts = new ArrayList<>();
        Map<Integer, String> encodings = new LinkedHashMap<>();
        boolean inAudio = false;
        boolean seenAudio = false;
        for (String raw : sdp.split("\r?\n")) {
            String line = raw.trim();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'm') {
                inAudio = !seenAudio && value.startsWith("audio ");
                if (inAudio) {
                    seenAudio = true;
                    String[] f = value.split("\\s+");
                    port = Integer.parseInt(f[1].split("/")[0]);
                    for (int i = 3; i < f.length; i++) {
                        pts.add(Integer.parseInt(f[i]));
                    }
                }
                continue;
            }
            boolean session = !seenAudio;
            if (!session && !inAudio) {
                continue;
            }
            if (type == 'c') {
                String[] f = value.split("\\s+");
                String addr = f.length >= 3 ? f[2].split("/")[0] : null;
                if (session) {
                    sessionAddress = addr;
                } else {
                    mediaAddress = addr;
                }
            } else if (type == 'a') {
                String attr = value.toLowerCase(Locale.ROOT);
                if (attr.equals("sendrecv") || attr.equals("sendonly") || attr.equals("recvonly") || attr.equals("inactive")) {
                    if (session) {
                        sessionDirection = SdpDirection.of(attr);
                    } else {
                        mediaDirection = SdpDirection.of(attr);
                    }
                } else if (!session && attr.startsWith("rtpmap:")) {
                    String[] f = value.substring(7).split("\\s+", 2);
                    encodings.put(Integer.parseInt(f[0]), f.length > 1 ? f[1].trim() : "");
                } else if (!session && attr.startsWith("ptime:")) {
                    ptime = Integer.parseInt(attr.substring(6).trim());
                }
            }
        }
        for (int pt : pts) {
            if (pt == 0) {
                encodings.putIfAbsent(0, "PCMU/8000");
            } else if (pt == 8) {
                encodings.putIfAbsent(8, "PCMA/8000");
            }
        }
        int te = -1;
        for (int pt : pts) {
            String enc = encodings.get(pt);
            if (enc != null && enc.toLowerCase(Locale.ROOT).startsWith("telephone-event/")) {
                te = pt;
                break;
            }
        }
        SdpDirection direction = mediaDirection != null ? mediaDirection
                : sessionDirection != null ? sessionDirection : SdpDirection.SENDRECV;
        return new SdpInfo(mediaAddress != null ? mediaAddress : sessionAddress, port, List.copyOf(pts),
                Map.copyOf(encodings), te, direction, ptime);
    }

    public boolean hasAudio() {
        return port > 0;
    }

    public InetSocketAddress mediaAddress() {
        return new InetSocketAddress(address, port);
    }

    /** The first G.711 payload type in m-line order (0 or 8), -1 if neither is there. */
    public int firstG711PayloadType() {
        return payloadTypes.stream().filter(G711::isG711).findFirst().orElse(-1);
    }

    /** Whether the connection address is the RFC 2543 hold address 0.0.0.0. */
    public boolean holdAddress() {
        return "0.0.0.0".equals(address);
    }
}
