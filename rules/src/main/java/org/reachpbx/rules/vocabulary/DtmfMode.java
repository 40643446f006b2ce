package org.reachpbx.rules.vocabulary;

/** DTMF transport of a VoIP channel (CH-02). */
public enum DtmfMode {
    RFC4733, SIP_INFO, INBAND
}
