package org.reachpbx.media.engine;

/** RTCP counters of one session: reports received from the far end and sender reports we sent. */
public record RtcpStats(long senderReportsReceived, long receiverReportsReceived, long senderReportsSent) {
}
