package org.reachpbx.media.sdp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.reachpbx.media.codec.Codec;

/**
 * SDP offer/answer (RFC 3264) for one media session: one instance per session (call leg), because
 * it owns the o= line whose version must go up with every changed SDP we send. Answers with the
 * first codec of our preference that the offer has, telephone-event with the offer's payload type
 * when offered, ptime 20, and the direction both sides allow; refuses with {@link SdpNotAcceptable}
 * (SIP 488) when there is no audio or no common codec. Makes offers for late offer (INVITE without
 * SDP) and re-INVITEs (hold/resume). Thread-safe.
 */
public final class SdpNegotiator {
    /** The telephone-event payload type we offer when the caller does not choose one. */
    public static final int DEFAULT_TELEPHONE_EVENT_PT = 101;

    private final SdpOrigin origin = new SdpOrigin();

    /** The far end's audio stream; {@link SdpNotAcceptable} without one. */
    public RemoteMedia parse(String sdp) {
        return SdpParser.parse(sdp).audio();
    }

    /** Our answer to {@code offer}; other m-lines (video, …) are refused with port 0. */
    public SdpAnswer answer(String offer, List<Codec> preference, String ourAddress, int ourPort, Direction ourDirection) {
        SdpParser.Parsed parsed = SdpParser.parse(offer);
        RemoteMedia remote = parsed.audio();
        Codec codec = remote.firstCommon(preference).orElseThrow(() -> new SdpNotAcceptable(
                "no common codec: offered payload types " + remote.payloadTypes() + ", we speak " + preference));
        int pt = remote.payloadTypeOf(codec);
        Direction direction = agree(ourDirection, remote.direction());
        StringBuilder media = new StringBuilder();
        for (int i = 0; i < parsed.lines().size(); i++) {
            media.append(i == parsed.audioIndex()
                    ? SdpWriter.audio(ourPort, List.of(pt), List.of(codec), remote.telephoneEventPt(), direction)
                    : SdpWriter.rejected(parsed.lines().get(i)));
        }
        String sdp = SdpWriter.session(origin, ourAddress, media.toString());
        return new SdpAnswer(sdp, codec, pt, remote.telephoneEventPt(), remote.socketAddress(), remote.direction(), direction);
    }

    /** Our offer: every codec of {@code preference} in order, telephone-event when {@code telephoneEventPt >= 0}. */
    public String offer(List<Codec> preference, String ourAddress, int ourPort, Direction direction, int telephoneEventPt) {
        if (preference.isEmpty()) {
            throw new IllegalArgumentException("an offer needs at least one codec");
        }
        List<Integer> pts = new ArrayList<>();
        preference.forEach(c -> pts.add(c.payloadType));
        return SdpWriter.session(origin, ourAddress, SdpWriter.audio(ourPort, pts, preference, telephoneEventPt, direction));
    }

    /**
     * Reads the far end's answer to our offer: the codec is the first of the answer's that we offered
     * (an answer normally holds just one). {@link SdpNotAcceptable} when it has none of ours.
     */
    public SdpAnswer acceptAnswer(String answer, List<Codec> offered, Direction ourDirection) {
        RemoteMedia remote = parse(answer);
        Codec codec = null;
        for (int pt : remote.payloadTypes()) {
            for (Codec c : offered) {
                if (codec == null && remote.payloadTypeOf(c) == pt) {
                    codec = c;
                }
            }
        }
        if (codec == null) {
            throw new SdpNotAcceptable("the answer has none of our codecs: " + remote.payloadTypes());
        }
        InetSocketAddress address = remote.socketAddress();
        return new SdpAnswer(answer, codec, remote.payloadTypeOf(codec), remote.telephoneEventPt(), address,
                remote.direction(), agree(ourDirection, remote.direction()));
    }

    /** The SDP version of our o= line (for tests and logs). */
    public long originVersion() {
        return origin.version();
    }

    /** What we may do given what we want and what the far end allows (RFC 3264 §6.1). */
    static Direction agree(Direction ours, Direction theirs) {
        boolean send = sends(ours) && receives(theirs);
        boolean receive = receives(ours) && sends(theirs);
        return send && receive ? Direction.SENDRECV : send ? Direction.SENDONLY : receive ? Direction.RECVONLY : Direction.INACTIVE;
    }

    private static boolean sends(Direction d) {
        return d == Direction.SENDRECV || d == Direction.SENDONLY;
    }

    private static boolean receives(Direction d) {
        return d == Direction.SENDRECV || d == Direction.RECVONLY;
    }
}
