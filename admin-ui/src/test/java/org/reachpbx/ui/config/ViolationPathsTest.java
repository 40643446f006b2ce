package org.reachpbx.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.validation.Violation;

class ViolationPathsTest {

    @Test
    void theFirstPropertyBelowTheItemIsTheField() {
        assertThat(ViolationPaths.fieldOf("users[3].name", "users[3]")).isEqualTo("name");
        assertThat(ViolationPaths.fieldOf("users[3].reach.profiles[1].callerId", "users[3]")).isEqualTo("reach");
        assertThat(ViolationPaths.fieldOf("users[3].devices[0]", "users[3]")).isEqualTo("devices");
        assertThat(ViolationPaths.fieldOf("ipAllowlist[2].from", "")).isEqualTo("ipAllowlist");
        assertThat(ViolationPaths.fieldOf("emergencyFallbackCallerId", "")).isEqualTo("emergencyFallbackCallerId");
    }

    @Test
    void aPathOfAnotherItemIsNotBelowIt() {
        assertThat(ViolationPaths.fieldOf("users[31].name", "users[3]")).isNull();
        assertThat(ViolationPaths.fieldOf("groups[3].name", "users[3]")).isNull();
        assertThat(ViolationPaths.fieldOf("users[3]", "users[3]")).isNull();
        assertThat(ViolationPaths.fieldOf("", "")).isNull();
    }

    @Test
    void violationsGoToTheirFieldsAndTheRestToTheTop() {
        ViolationPaths.Mapped mapped = ViolationPaths.map(List.of(
                        new Violation("users[2].number", "201 is already used by user 'Jan'"),
                        new Violation("users[2].number", "must be 3 digits"),
                        new Violation("users[2].name", "must not be blank"),
                        new Violation("users[2].unknown", "odd"),
                        new Violation("groups[0].members[1]", "202 is not a user")),
                "users[2]", Set.of("number", "name"));
        assertThat(mapped.byField()).containsOnlyKeys("number", "name");
        assertThat(mapped.byField().get("number")).containsExactly("201 is already used by user 'Jan'", "must be 3 digits");
        assertThat(mapped.unmatched()).extracting(Violation::path).containsExactly("users[2].unknown", "groups[0].members[1]");
    }
}
