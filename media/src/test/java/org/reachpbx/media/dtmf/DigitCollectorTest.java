package org.reachpbx.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigitCollectorTest {
    private final DigitCollector collector = new DigitCollector();
    private final List<String> results = new ArrayList<>();

    private static DigitSpec spec(int max, char terminator, boolean typeAhead) {
        return new DigitSpec(max, terminator, Duration.ofSeconds(5), Duration.ofSeconds(3), typeAhead);
    }

    private void key(String digits, long nowMs) {
        for (char c : digits.toCharArray()) {
            collector.onDigit(c, nowMs);
        }
    }

    @Test
    void collectionEndsAtMaxDigits() {
        collector.start(spec(4, '#', false), results::add, 0);
        key("12345", 100);
        assertThat(results).containsExactly("1234");
    }

    @Test
    void theTerminatorEndsCollectionAndIsNotIncluded() {
        collector.start(spec(10, '#', false), results::add, 0);
        key("42#", 100);
        assertThat(results).containsExactly("42");
    }

    @Test
    void nothingKeyedReturnsEmptyAfterTheFirstDigitTimeout() {
        collector.start(spec(4, '#', false), results::add, 1000);
        collector.onTick(5999);
        assertThat(results).isEmpty();
        collector.onTick(6000);
        assertThat(results).containsExactly("");
    }

    @Test
    void theInterDigitTimeoutReturnsWhatWasKeyedSoFar() {
        collector.start(spec(4, '#', false), results::add, 0);
        key("9", 4000); // after 4 s: within the 5 s first-digit time
        collector.onTick(6999);
        assertThat(results).isEmpty();
        collector.onTick(7000);
        assertThat(results).containsExactly("9");
    }

    @Test
    void typeAheadCountsWhenTheSpecKeepsIt() {
        key("12", 0); // during the prompt, before collecting
        collector.start(spec(3, '#', true), results::add, 100);
        key("3", 200);
        assertThat(results).containsExactly("123");
    }

    @Test
    void typeAheadIsDroppedWhenTheSpecDoesNotKeepIt() {
        key("12", 0);
        collector.start(spec(3, '#', false), results::add, 100);
        key("3", 200);
        collector.onTick(200 + 3000);
        assertThat(results).containsExactly("3");
    }

    @Test
    void typeAheadThatAlreadyCompletesTheSpecEndsAtOnce() {
        key("7#", 0);
        collector.start(spec(5, '#', true), results::add, 100);
        assertThat(results).containsExactly("7");
        assertThat(collector.collecting()).isFalse();
    }

    @Test
    void aCancelledCollectionReportsNothing() {
        collector.start(spec(5, '#', false), results::add, 0);
        collector.cancel();
        collector.onTick(60_000);
        assertThat(results).isEmpty();
    }

    private static DigitSpec menu(String... choices) {
        return new DigitSpec(2, '#', Duration.ofSeconds(5), Duration.ofSeconds(3), true, List.of(choices));
    }

    @Test
    void aMenuChoiceNoOtherChoiceExtendsEndsTheCollectionAtOnce() {
        collector.start(menu("1", "2", "12"), results::add, 0);
        key("2", 100);
        assertThat(results).as("2 is complete: no option begins with 2 and is longer").containsExactly("2");
    }

    @Test
    void aChoiceThatAnotherExtendsWaitsForTheNextDigitOrTheTimeout() {
        collector.start(menu("1", "2", "12"), results::add, 0);
        key("1", 100);
        assertThat(results).as("12 may follow").isEmpty();
        key("2", 200);
        assertThat(results).containsExactly("12");
        collector.start(menu("1", "2", "12"), results::add, 1000);
        key("1", 1100);
        collector.onTick(1100 + 2999);
        assertThat(results).hasSize(1);
        collector.onTick(1100 + 3000);
        assertThat(results).as("the inter-digit timeout takes 1 as it stands").containsExactly("12", "1");
    }

    @Test
    void typedAheadMenuDigitsCountTowardsTheChoice() {
        key("2", 0);
        collector.start(menu("1", "2", "12"), results::add, 100);
        assertThat(results).containsExactly("2");
    }
}
