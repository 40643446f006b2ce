package org.reachpbx.rules.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reachpbx.rules.decision.MediaService;
import org.reachpbx.rules.decision.Presentation;
import org.reachpbx.rules.decision.Reject;

/** What the rules decided for one hop; turned into a {@code RoutingDecision} by {@link DecisionAssembler}. */
final class HopResult {
    enum Kind { FORWARD, RING, REJECT, MEDIA, COLLECT }

    /** A ring target under construction: a device, an external number, or a member leg (a child hop). */
    record Target(String user, String device, String channel, String number, Hop leg) {
    }

    Kind kind;
    Hop next;
    final List<List<Target>> steps = new ArrayList<>();
    final List<Integer> stepTimeouts = new ArrayList<>();
    Integer noAnswerTimeout;
    Hop onBusy;
    Hop onNoAnswer;
    Hop onUnreachable;
    Reject reject;
    MediaService media;
    String collectPrompt;
    int collectDigits;
    int ringbackCycles;
    Integer collectTimeout;
    Hop collectFallback;
    List<String> choices;
    final Map<String, String> headers = new LinkedHashMap<>();
    Presentation presentation;
}
