package org.reachpbx.media.dtmf;

/**
 * When a session takes keys keyed as sound (in-band DTMF, {@link InbandDetector}) besides RFC 4733
 * events and SIP INFO: what the channel's configured DTMF mode (CH-02) asks of the server.
 */
public enum ToneListening {
    /** Only when no telephone-event was negotiated: a phone without RFC 4733 can only key as sound. */
    WITHOUT_EVENTS,
    /**
     * Always, also with telephone-event negotiated (a channel set to in-band), until the first key
     * arrives as an RFC 4733 event or by SIP INFO: from then on the phone evidently signals its keys,
     * and tones it leaks into the audio must not count twice.
     */
    UNTIL_SIGNALLED,
    /** Never (a channel set to SIP INFO): tones in the audio are speech or music, not keys. */
    NEVER
}
