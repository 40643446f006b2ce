package org.reachpbx.media.engine;

import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.codec.G711;
import org.reachpbx.media.relay.Mixer.Role;

/**
 * One session's place in an {@link RtpMixer}: its role, whom it whispers to, and this tick's frame
 * of what its phone sent, decoded once to 16-bit PCM. The frame is written by the session's own
 * tick and read by the mixer's, both on the media clock thread; role and whisper target change on
 * service threads and are read on the clock, hence volatile.
 */
final class MixMember {
    static final int FRAME = 160;

    final RtpSession session;
    final RtpMixer mixer;
    final short[] heard = new short[FRAME];
    final short[] out = new short[FRAME];
    private volatile Role role;
    private volatile RtpSession whisperTo;
    private long voicedTick = Long.MIN_VALUE;

    MixMember(RtpSession session, RtpMixer mixer, Role role) {
        this.session = session;
        this.mixer = mixer;
        this.role = role;
    }

    Role role() {
        return role;
    }

    void role(Role role) {
        this.role = role;
        this.whisperTo = null;
    }

    void whisperTo(RtpSession target) {
        this.role = Role.LISTEN_ONLY;
        this.whisperTo = target;
    }

    /** The session's tick hands over what arrived ({@code len <= 0}: nothing this tick). */
    void capture(Codec codec, byte[] frame, int len, long tick) {
        if (len <= 0) {
            return;
        }
        int n = Math.min(len, FRAME);
        G711.decode(codec, frame, 0, n, heard, 0);
        java.util.Arrays.fill(heard, n, FRAME, (short) 0);
        voicedTick = tick;
    }

    /** Whether this tick's frame of ours goes into {@code listener}'s mix. */
    boolean heardBy(MixMember listener, long tick) {
        if (listener == this || voicedTick != tick) {
            return false;
        }
        return switch (role) {
            case SPEAK_AND_LISTEN, SPEAK_ONLY -> true;
            case LISTEN_ONLY -> whisperTo == listener.session;
        };
    }

    boolean listens() {
        return role != Role.SPEAK_ONLY;
    }
}
