package org.reachpbx.media.engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.reachpbx.media.MediaSession;
import org.reachpbx.media.relay.Mixer;

/**
 * The {@link Mixer} of an {@link RtpMediaEngine}. Membership changes copy the member array under
 * this mixer's lock (service threads); the media clock reads the array without locking and, after
 * every session has taken its frame ({@link MixMember#capture}), calls {@link #mix} once per tick.
 * Lock order: this mixer, then a session; a session never calls into a mixer under its own lock.
 */
final class RtpMixer implements Mixer {
    private final RtpMediaEngine engine;
    private final int[] sum = new int[MixMember.FRAME];
    private volatile MixMember[] members = new MixMember[0];
    private boolean closed;

    RtpMixer(RtpMediaEngine engine) {
        this.engine = engine;
    }

    @Override
    public void add(MediaSession session, Role role) {
        join(session).role(role);
    }

    @Override
    public void whisper(MediaSession listener, MediaSession target) {
        RtpSession to = (RtpSession) target;
        MixMember existing = find(to);
        if (existing == null) {
            add(target, Role.SPEAK_AND_LISTEN);
        }
        join(listener).whisperTo(to);
    }

    /** The member for {@code session}, joining it first (out of its bridge or other mixer) when it is not one. */
    private MixMember join(MediaSession session) {
        RtpSession s = sessionOf(session);
        MixMember member = find(s);
        if (member != null) {
            return member;
        }
        s.bridge(null);
        MixMember elsewhere = s.mixMember();
        if (elsewhere != null && elsewhere.mixer != this) {
            elsewhere.mixer.remove(s);
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the mixer is closed");
            }
            member = find(s);
            if (member != null) {
                return member;
            }
            member = new MixMember(s, this, Role.SPEAK_AND_LISTEN);
            if (!s.enterMix(member)) {
                return member; // closed meanwhile: a member of nothing, ignored
            }
            MixMember[] next = Arrays.copyOf(members, members.length + 1);
            next[members.length] = member;
            members = next;
            return member;
        }
    }

    @Override
    public void remove(MediaSession session) {
        if (!(session instanceof RtpSession s)) {
            return;
        }
        synchronized (this) {
            MixMember member = find(s);
            if (member == null) {
                return;
            }
            members = Arrays.stream(members).filter(m -> m != member).toArray(MixMember[]::new);
            s.leaveMix(member);
        }
    }

    @Override
    public Set<MediaSession> members() {
        Set<MediaSession> out = new LinkedHashSet<>();
        for (MixMember m : members) {
            out.add(m.session);
        }
        return out;
    }

    @Override
    public Role roleOf(MediaSession session) {
        MixMember m = session instanceof RtpSession s ? find(s) : null;
        return m == null ? null : m.role();
    }

    @Override
    public void close() {
        MixMember[] before;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            before = members;
            members = new MixMember[0];
            for (MixMember m : before) {
                m.session.leaveMix(m);
            }
        }
        engine.dropMixer(this);
    }

    /** Media clock, after every session's tick: each listener gets the saturated sum of what it may hear. */
    void mix(long tick) {
        MixMember[] now = members;
        for (MixMember listener : now) {
            if (!listener.listens()) {
                continue;
            }
            Arrays.fill(sum, 0);
            for (MixMember speaker : now) {
                if (speaker.heardBy(listener, tick)) {
                    short[] pcm = speaker.heard;
                    for (int i = 0; i < MixMember.FRAME; i++) {
                        sum[i] += pcm[i];
                    }
                }
            }
            short[] out = listener.out;
            for (int i = 0; i < MixMember.FRAME; i++) {
                out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
            }
            listener.session.sendMixed(listener, out, tick);
        }
    }

    private MixMember find(RtpSession s) {
        for (MixMember m : members) {
            if (m.session == s) {
                return m;
            }
        }
        return null;
    }

    private RtpSession sessionOf(MediaSession session) {
        if (!(session instanceof RtpSession s) || s.engine() != engine) {
            throw new IllegalArgumentException("can only mix sessions of the same engine");
        }
        return s;
    }
}
