package org.reachpbx.server.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Replaces tags name a call's dialog with its caller (pickup by Replaces, RFC 3891). */
class CallerDialogTest {

    private final CallerDialog dialog = new CallerDialog("c1@127.0.0.1", "server-tag", "caller-tag");

    @Test
    void theTagsAsRfc3891WritesThemForTheServerNameTheDialog() {
        assertThat(dialog.namedBy("server-tag", "caller-tag")).isTrue();
    }

    @Test
    void theTagsTheOtherWayRoundNameItToo() {
        assertThat(dialog.namedBy("caller-tag", "server-tag")).isTrue();
    }

    @Test
    void noTagsAtAllNameItByItsCallIdAlone() {
        assertThat(dialog.namedBy(null, null)).isTrue();
        assertThat(dialog.namedBy("", "")).isTrue();
    }

    @Test
    void tagsOfAnotherDialogOrOnlyOneOfTheTwoDoNot() {
        assertThat(dialog.namedBy("server-tag", "other")).isFalse();
        assertThat(dialog.namedBy("other", "caller-tag")).isFalse();
        assertThat(dialog.namedBy("server-tag", null)).isFalse();
        assertThat(dialog.namedBy(null, "caller-tag")).isFalse();
    }
}
