package org.reachpbx.rules.view;

import java.util.List;

/** One set of group forwards (GRP-04): each a list of destinations rung in parallel (GRP-06). */
public record GroupForwardsView(List<String> always, List<String> onBusy, List<String> onNoAnswer, int noAnswerTimeout) {
    public GroupForwardsView {
        always = List.copyOf(always);
        onBusy = List.copyOf(onBusy);
        onNoAnswer = List.copyOf(onNoAnswer);
    }
}
