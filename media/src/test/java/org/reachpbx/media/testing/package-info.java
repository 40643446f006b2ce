/**
 * Test witnesses for the media plane, shared with the server's SIP+RTP tests through the media
 * test-jar: {@link org.reachpbx.media.testing.RtpTestPeer} (a phone's RTP side on loopback),
 * {@link org.reachpbx.media.testing.AudioCheck} (what was heard: energy, duration, tones, DTMF,
 * similarity), {@link org.reachpbx.media.testing.ToneGenerator} (what to send) and
 * {@link org.reachpbx.media.testing.PacketTiming} (how evenly it arrived).
 *
 * <p>Pure JDK and deliberately independent of {@code src/main}: its own G.711 ({@link
 * org.reachpbx.media.testing.G711}), RTP and RFC 4733 code, so a bug in the engine cannot hide
 * behind the same bug in the test. All audio here is 8 kHz, mono, 16-bit signed samples in a
 * {@code short[]}.
 */
package org.reachpbx.media.testing;
