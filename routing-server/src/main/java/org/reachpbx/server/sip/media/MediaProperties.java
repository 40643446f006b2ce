package org.reachpbx.server.sip.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.reachpbx.media.codec.Codec;
import org.reachpbx.rules.vocabulary.AnchorMedia;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The media plane's settings ({@code pbx.media.*}); the engine checks the port range and address
 * again when it is made, so a bad value stops the start with a message naming the setting.
 */
@ConfigurationProperties("pbx.media")
@Validated
public class MediaProperties {

    /**
     * Whether bridged calls run their media through the server ({@link AnchorMedia}), for tenants and
     * channels that do not set it themselves: {@code when-needed} passes the SDP end to end (the
     * server steps in for music on hold); {@code always} anchors every call whose caller makes an offer.
     */
    private AnchorMedia anchorMedia = AnchorMedia.WHEN_NEEDED;

    public AnchorMedia getAnchorMedia() {
        return anchorMedia;
    }

    public void setAnchorMedia(AnchorMedia anchorMedia) {
        this.anchorMedia = anchorMedia;
    }

    /** Off: MEDIA decisions are refused with 480 as before the media plane existed. */
    private boolean enabled = true;
    /** Address the RTP sockets bind to. */
    private String bindAddress = "0.0.0.0";
    /** Address written into our SDP; empty = the SIP server's advertised host. */
    private String address = "";
    /** RTP port range, {@code min-max}; RTP on even ports, RTCP on the next odd one. */
    @Pattern(regexp = "\\d{4,5}-\\d{4,5}", message = "must be a range like 20000-29999")
    private String rtpPorts = "20000-29999";
    /**
     * Codecs in our order of preference (the first one the phone also has wins). Opus last: a phone
     * that also has G.711 keeps it (no transcoding in a relay, no encoding per frame); an Opus-only
     * phone (WebRTC-style clients) gets Opus.
     */
    @NotEmpty
    private List<Codec> codecs = new ArrayList<>(List.of(Codec.PCMA, Codec.PCMU, Codec.OPUS));
    /** Receive delay of the jitter buffer (multiple of 20 ms). */
    @Min(0)
    @Max(500)
    private int jitterBufferMs = 60;
    /**
     * Voicemail: a message with less sound than this is not kept (the caller hung up at the tone).
     * Counted in 20 ms frames above the silence threshold, so the pauses of speech do not count:
     * half a second of sound is about a one-second "hello, call me back".
     */
    private Duration minMessage = Duration.ofMillis(500);
    /**
     * Threads reading and relaying RTP (each a selector over its share of the sockets); 0 = one per
     * processor. One thread tops out near 300 relayed calls (a receive and a send per packet).
     */
    @Min(0)
    @Max(64)
    private int ioThreads = 0;
    /**
     * Real-time priority (SCHED_FIFO, 1–99) for the RTP reader threads, 0 = normal scheduling. For
     * hosts relaying hundreds of calls next to other busy processes; needs CAP_SYS_NICE
     * ({@link ReaderPriority}).
     */
    @Min(0)
    @Max(99)
    private int readerPriority = 0;
    /** Voicemail: the longest message. */
    private Duration maxMessage = Duration.ofMinutes(3);
    /** Voicemail: this much silence ends a message. */
    private Duration messageSilence = Duration.ofSeconds(5);
    /**
     * Voicemail: at most this much of the silence at a message's end is kept (the silence that
     * ended it, or the pause before {@code #} or the hang-up), so a listener does not sit through
     * seconds of nothing. Negative: keep it all.
     */
    private Duration messageTrailingSilence = Duration.ofMillis(500);
    /** Menus: how long to wait for the first key, and between keys. */
    private Duration firstDigit = Duration.ofSeconds(6);
    private Duration interDigit = Duration.ofSeconds(4);
    /** One ringback cycle (IVR-02 plays two before a menu with the ringback option): 1 s tone, 4 s pause. */
    private Duration ringbackCycle = Duration.ofSeconds(5);
    /** A session whose caller never answers the menu is ended after this many unanswered prompts. */
    @Min(1)
    private int menuRetries = 3;

    public int rtpPortMin() {
        return Integer.parseInt(rtpPorts.substring(0, rtpPorts.indexOf('-')));
    }

    public int rtpPortMax() {
        return Integer.parseInt(rtpPorts.substring(rtpPorts.indexOf('-') + 1));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getRtpPorts() {
        return rtpPorts;
    }

    public void setRtpPorts(String rtpPorts) {
        this.rtpPorts = rtpPorts;
    }

    public List<Codec> getCodecs() {
        return codecs;
    }

    public void setCodecs(List<Codec> codecs) {
        this.codecs = codecs;
    }

    public int getReaderPriority() {
        return readerPriority;
    }

    public void setReaderPriority(int readerPriority) {
        this.readerPriority = readerPriority;
    }

    public int getIoThreads() {
        return ioThreads;
    }

    public void setIoThreads(int ioThreads) {
        this.ioThreads = ioThreads;
    }

    public int getJitterBufferMs() {
        return jitterBufferMs;
    }

    public void setJitterBufferMs(int jitterBufferMs) {
        this.jitterBufferMs = jitterBufferMs;
    }

    public Duration getMinMessage() {
        return minMessage;
    }

    public void setMinMessage(Duration minMessage) {
        this.minMessage = minMessage;
    }

    public Duration getMaxMessage() {
        return maxMessage;
    }

    public void setMaxMessage(Duration maxMessage) {
        this.maxMessage = maxMessage;
    }

    public Duration getMessageSilence() {
        return messageSilence;
    }

    public void setMessageSilence(Duration messageSilence) {
        this.messageSilence = messageSilence;
    }

    public Duration getMessageTrailingSilence() {
        return messageTrailingSilence;
    }

    public void setMessageTrailingSilence(Duration messageTrailingSilence) {
        this.messageTrailingSilence = messageTrailingSilence;
    }

    public Duration getFirstDigit() {
        return firstDigit;
    }

    public void setFirstDigit(Duration firstDigit) {
        this.firstDigit = firstDigit;
    }

    public Duration getInterDigit() {
        return interDigit;
    }

    public void setInterDigit(Duration interDigit) {
        this.interDigit = interDigit;
    }

    public int getMenuRetries() {
        return menuRetries;
    }

    public void setMenuRetries(int menuRetries) {
        this.menuRetries = menuRetries;
    }

    public Duration getRingbackCycle() {
        return ringbackCycle;
    }

    public void setRingbackCycle(Duration ringbackCycle) {
        this.ringbackCycle = ringbackCycle;
    }
}
