package org.reachpbx.rules.engine;

import org.reachpbx.rules.view.LbrEntryView;
import org.reachpbx.rules.view.LbrView;
import org.reachpbx.rules.vocabulary.LbrType;

/**
 * A call to a location-based routing extension (LBR-01) and the entry that matches it: the longest
 * area code (LBR-02), the best caller pattern (exact beats wildcard, longer fixed part beats
 * shorter, LBR-04), the called number (LBR-05) or the keyed postal code (LBR-03).
 */
public final class LbrLookup {
    private final Hop hop;
    private final LbrView lbr;
    private final Call call;
    private final LbrEntryView entry;
    private final String keyed;

    public LbrLookup(Hop hop, LbrView lbr, Call call, String keyed) {
        this.hop = hop;
        this.lbr = lbr;
        this.call = call;
        this.keyed = keyed;
        this.entry = match();
    }

    private LbrEntryView match() {
        String subject = switch (lbr.lbrType()) {
            case AREA_CODE, CALLER_NUMBER -> call.getCallerNumber();
            case CALLED_NUMBER -> call.getDialled();
            case POSTAL_CODE -> keyed;
        };
        if (subject == null) {
            return null;
        }
        LbrEntryView best = null;
        int bestScore = -1;
        for (LbrEntryView e : lbr.entries()) {
            int score;
            if (lbr.lbrType() == LbrType.AREA_CODE) {
                score = subject.startsWith(e.match()) ? e.match().length() : -1;
            } else if (e.wildcard()) {
                score = subject.startsWith(e.fixedPart()) ? e.fixedPart().length() : -1;
            } else {
                score = subject.equals(e.match()) ? 1000 : -1;
            }
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return best;
    }

    public Hop getHop() { return hop; }
    public LbrView getLbr() { return lbr; }
    public LbrType getType() { return lbr.lbrType(); }
    public LbrEntryView getEntry() { return entry; }
    public boolean isAnonymous() { return call.isAnonymous(); }
    public boolean isMobileCaller() { return call.isMobileCaller(); }
    public boolean isResumed() { return keyed != null; }
    /** An anonymous fallback is configured; without one a withheld caller takes the default fallback. */
    public boolean isAnonymousFallbackSet() { return lbr.anonymousDestination() != null; }
    /** A mobile fallback is configured; without one a mobile caller is matched like any other caller. */
    public boolean isMobileFallbackSet() { return lbr.mobileDestination() != null; }
    public boolean isFourDigits() { return keyed != null && keyed.length() == 4 && Numbers.digitsOnly(keyed); }
}
