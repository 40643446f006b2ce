package org.reachpbx.media;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.media.dtmf.DigitSpec;
import org.reachpbx.media.dtmf.ToneListening;
import org.reachpbx.media.play.Prompt;
import org.reachpbx.media.record.RecordSpec;
import org.reachpbx.media.record.Recording;

/**
 * One RTP endpoint of the server (an even RTP port, RTCP on the next odd one) and what it does:
 * play prompts, record, collect digits, or relay to another session. The building blocks a
 * service script combines. Callbacks run on the engine's event thread, never on the media clock,
 * one at a time per session; a callback may start the next block.
 */
public interface MediaSession extends AutoCloseable {

    /** Local RTP port (even); RTCP is {@code rtpPort() + 1}. */
    int rtpPort();

    /** The address the SDP announces. */
    String advertisedAddress();

    /**
     * Where to send, in which codec, and the negotiated telephone-event payload type (-1: none).
     * May be called again mid-call (re-INVITE: new address or codec); timestamps stay continuous.
     * Until the first packet arrives packets go here; afterwards to the latched source (symmetric RTP).
     */
    void connect(InetSocketAddress remote, Codec codec, int telephoneEventPt);

    /** Stop sending (hold: the far end asked not to receive), or start again. */
    void setSending(boolean sending);

    /** Play the prompts one after the other (looped when {@code loop}); replaces what was playing. */
    void play(List<Prompt> prompts, boolean loop, Runnable whenDone);

    /** Stop the current playback (its whenDone does not run). */
    void stopPlaying();

    /** Record what arrives; ends on max length, silence, the terminator digit or {@link #stopRecording()}. */
    void record(RecordSpec spec, Consumer<Recording> whenDone);

    /** Ends a running recording now (e.g. the caller hung up): its whenDone runs with what was recorded. */
    void stopRecording();

    /** Collect digits as the spec says; {@code whenDone} gets what was keyed (possibly empty: timeout). */
    void collect(DigitSpec spec, Consumer<String> whenDone);

    /** A digit that came by signalling (SIP INFO dtmf-relay/dtmf): it feeds the same collector. */
    void digitFromSignalling(char digit);

    /**
     * When keys keyed as sound count ({@link ToneListening#WITHOUT_EVENTS} unless set): the channel's
     * DTMF mode (CH-02). In-band keys feed the same collector and listeners as RFC 4733 and INFO.
     */
    void listenForTones(ToneListening when);

    /** Every digit seen on this session (RFC 4733 or signalling), also while relaying; for ## codes. */
    void onDigit(Consumer<Character> listener);

    /** Send a digit as RFC 4733 events (when negotiated). */
    void sendDigit(char digit);

    /**
     * Relay RTP (and RFC 4733 events) between this session and {@code other} in both directions,
     * without transcoding when both legs use the same codec. {@code null} ends the relay.
     */
    void bridge(MediaSession other);

    /** Counters for tests, logs and the benchmark. */
    MediaStats stats();

    /** Frees the ports and stops everything; idempotent. */
    @Override
    void close();
}
