package org.reachpbx.server.sip.media;

import org.reachpbx.media.dtmf.ToneListening;
import org.reachpbx.rules.vocabulary.DtmfMode;

/**
 * What the caller's channel's DTMF mode (CH-02) means for the keys the server takes. RFC 4733 events
 * and SIP INFO are taken in every mode, because phones mix them (a phone set to INFO still sends
 * events when it negotiated them); the mode decides about tones in the audio:
 * <ul>
 *   <li>RFC 4733 (also trunks): tones only from a phone that negotiated no telephone-event, which has
 *       no other way to key;</li>
 *   <li>in-band: tones always, also with telephone-event negotiated, until the phone sends a key as
 *       an event or INFO (then its leaked tones would count twice);</li>
 *   <li>SIP INFO: never, the keys come as INFO; a tone in the audio is speech or music.</li>
 * </ul>
 */
final class ChannelDtmf {

    private ChannelDtmf() {
    }

    static ToneListening toneListening(DtmfMode mode) {
        return switch (mode == null ? DtmfMode.RFC4733 : mode) {
            case RFC4733 -> ToneListening.WITHOUT_EVENTS;
            case INBAND -> ToneListening.UNTIL_SIGNALLED;
            case SIP_INFO -> ToneListening.NEVER;
        };
    }
}
