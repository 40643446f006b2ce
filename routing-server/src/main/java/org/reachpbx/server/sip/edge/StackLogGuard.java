package org.reachpbx.server.sip.edge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A safety net under the JAIN-SIP stack's own error logging (which can write a whole receive
 * buffer as decimal bytes plus a stack trace for one bad packet): every WARN/ERROR event that comes
 * from the stack is replaced by one short line without bytes or stack trace, at most one per kind
 * of message per interval (the rest counted in a summary line). The stack logs through log4j-over-
 * slf4j under the name of whichever stack was created last, so events are recognised by what they
 * carry: a message the stack prefixed with its class name, or an exception thrown in the stack.
 */
final class StackLogGuard extends TurboFilter {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger("org.reachpbx.server.sip.edge.StackLog");
    private static volatile StackLogGuard installed;

    private final RateLimitedLog lines;
    volatile SipEdge edge;

    private StackLogGuard(Duration interval) {
        this.lines = new RateLimitedLog(log, Clock.systemUTC(), interval, 20);
    }

    /** Installs the guard once per logging context (idempotent); stack errors are counted in {@code edge}. */
    static synchronized void install(SipEdge edge) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        StackLogGuard guard = installed;
        if (guard == null || !context.getTurboFilterList().contains(guard)) {
            guard = new StackLogGuard(edge.properties().logInterval());
            guard.setName("sip-stack-log-guard");
            guard.start();
            context.addTurboFilter(guard);
            installed = guard;
        }
        guard.edge = edge;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        try {
            return guard(logger, level, format, t);
        } catch (RuntimeException | StackOverflowError e) {
            return FilterReply.DENY; // the guard must never take the logging thread down
        }
    }

    private FilterReply guard(Logger logger, Level level, String format, Throwable t) {
        if (level == null || format == null || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        if (t instanceof EdgeConnections.Refused) {
            return FilterReply.DENY; // counted and logged by the edge already
        }
        if (!fromStack(logger.getName(), format, t)) {
            return FilterReply.NEUTRAL;
        }
        SipEdge e = edge;
        if (e != null) {
            e.count("stack-errors");
        }
        String text = shorten(format);
        String key = text.length() > 48 ? text.substring(0, 48) : text;
        lines.warn(key, "SIP stack: " + text + (t == null ? "" : " (" + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + RateLimitedLog.clean(t.getMessage())) + ")"));
        return FilterReply.DENY;
    }

    private static boolean fromStack(String logger, String format, Throwable t) {
        if (format.startsWith("gov.nist.") || format.startsWith("javax.sip.") || logger.startsWith("gov.nist")
                || SipEdge.forStack(logger) != null || format.startsWith("Error while processing incoming UDP packet")
                || format.length() > 4000) {
            return true; // (a hot NullPointerException may come without stack trace: not only by frames)
        }
        if (t != null) {
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(4, frames.length); i++) {
                if (frames[i].getClassName().startsWith("gov.nist.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The message without byte dumps, message copies or the stack's class prefix (no regex: inputs can be huge). */
    static String shorten(String format) {
        String s = format.length() > 2000 ? format.substring(0, 2000) : format;
        int bracket = s.indexOf(") [");
        if (s.startsWith("gov.nist.") && bracket > 0 && bracket < 200) {
            s = s.substring(bracket + 3); // "gov.nist.X.m(X.java:1) [message]"
        }
        for (int i = 0; i + 1 < s.length(); i++) { // "...packet[73, 78, 86, ..." → "...packet[bytes]"
            char next = s.charAt(i + 1);
            if (s.charAt(i) == '[' && (Character.isDigit(next) || next == '-') && s.indexOf(", ", i) == s.indexOf(',', i)
                    && s.indexOf(',', i) > 0 && s.indexOf(',', i) < i + 6) {
                s = s.substring(0, i) + "[bytes]";
                break;
            }
        }
        int newline = s.indexOf('\n');
        if (newline >= 0) {
            s = s.substring(0, newline) + " ...";
        }
        return RateLimitedLog.clean(s.length() > 300 ? s.substring(0, 300) : s);
    }
}
