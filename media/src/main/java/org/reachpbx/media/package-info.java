/**
 * The media plane: RTP/RTCP endpoints on one media clock, G.711 and RFC 4733, the jitter buffer,
 * prompt players, recorders, digit collection and the relay. Knows no SIP, Spring, rules or database:
 * the server's B2BUA drives it through {@link org.reachpbx.media.MediaEngine}.
 */
package org.reachpbx.media;
