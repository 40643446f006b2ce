package org.reachpbx.rules.vocabulary;

/**
 * Whether a bridged call's media runs through the server (issue 11 "media anchoring"), per tenant
 * and per channel: {@code ALWAYS} anchors every call whose caller makes an offer (phones behind
 * NAT, ## codes as RTP events, recording, listen-in); {@code WHEN_NEEDED} passes the SDP end to
 * end and the server steps in only for a service (music on hold).
 */
public enum AnchorMedia {
    ALWAYS, WHEN_NEEDED
}
