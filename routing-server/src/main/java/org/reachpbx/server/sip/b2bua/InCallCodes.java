package org.reachpbx.server.sip.b2bua;

/**
 * The DTMF codes a user keys during a call (GEN-06/07), read from the digits the server's media
 * session sees: a code starts with {@code ##}; {@code ##*<dest>#} is a blind transfer, {@code
 * ##<dest>#} a consultation, {@code ##} alone (nothing keyed after it for a moment) hold. Everything else is no code (the digits reach the other party anyway,
 * e.g. to drive a remote IVR). One instance per party of a call; fed on the media event thread.
 */
final class InCallCodes {

    /** A complete code. */
    sealed interface Code permits BlindTransfer, Consultation {
    }

    /** {@code ##*<dest>#}: the other party goes straight to {@code destination} (GEN-04). */
    record BlindTransfer(String destination) implements Code {
    }

    /** {@code ##<dest>#}: the user calls {@code destination} while the other party waits (GEN-05). */
    record Consultation(String destination) implements Code {
    }

    /** Longer than any number the rules route: a runaway code is dropped. */
    private static final int MAX_DESTINATION = 24;

    private enum Step { IDLE, ONE_HASH, CODE }

    private Step step = Step.IDLE;
    private boolean blind;
    private final StringBuilder destination = new StringBuilder();
    private int keys;

    /** One keyed digit; the code it completes, or null. */
    synchronized Code keyed(char digit) {
        keys++;
        switch (step) {
            case IDLE -> step = digit == '#' ? Step.ONE_HASH : Step.IDLE;
            case ONE_HASH -> {
                if (digit == '#') {
                    step = Step.CODE;
                    blind = false;
                    destination.setLength(0);
                } else {
                    step = Step.IDLE;
                }
            }
            case CODE -> {
                return inCode(digit);
            }
        }
        return null;
    }

    /** How many keys were keyed so far (a later key tells a waiting {@code ##} it was not alone). */
    synchronized int keys() {
        return keys;
    }

    /** Whether {@code ##} was keyed and nothing after it yet: alone it means hold (GEN-06). */
    synchronized boolean onlyHashes() {
        return step == Step.CODE && destination.isEmpty() && !blind;
    }

    /** Forgets a half-keyed code (its keys meant something else). */
    synchronized void reset() {
        step = Step.IDLE;
        destination.setLength(0);
        blind = false;
    }

    private Code inCode(char digit) {
        if (digit == '*' && destination.isEmpty() && !blind) {
            blind = true;
            return null;
        }
        if (digit == '#') {
            step = Step.IDLE;
            if (destination.isEmpty()) {
                return null;
            }
            String dest = destination.toString();
            return blind ? new BlindTransfer(dest) : new Consultation(dest);
        }
        if (Character.isDigit(digit) || digit == '*') {
            destination.append(digit);
            if (destination.length() > MAX_DESTINATION) {
                step = Step.IDLE;
            }
            return null;
        }
        step = Step.IDLE; // A–D: no part of a code
        return null;
    }
}
