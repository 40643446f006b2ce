package org.reachpbx.directory.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What changed between two versions of a tenant document, as audit lines. */
class AuditDiffTest {

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode tree(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    @Test
    void aChangedFieldOfAListedItemIsNamedByTheItemsNumber() throws Exception {
        JsonNode before = tree("{'users': [{'number': '201', 'name': 'Jan', 'twinning': true},"
                + " {'number': '202', 'name': 'Piet'}]}");
        JsonNode after = tree("{'users': [{'number': '201', 'name': 'Jans', 'twinning': false},"
                + " {'number': '202', 'name': 'Piet'}]}");
        assertThat(AuditDiff.changes(before, after))
                .containsExactly("users[201].name: Jan → Jans", "users[201].twinning: true → false");
    }

    @Test
    void addedAndRemovedItemsAndListsOfValues() throws Exception {
        JsonNode before = tree("{'callBarring': ['0900'], 'channels': [{'name': 'a', 'type': 'SIP'}]}");
        JsonNode after = tree("{'callBarring': ['0900', '0906'], 'channels': [{'name': 'b', 'type': 'SIP'}]}");
        assertThat(AuditDiff.changes(before, after)).containsExactly("callBarring: [0900] → [0900, 0906]",
                "channels[a].name: a → –", "channels[a].type: SIP → –",
                "channels[b].name: – → b", "channels[b].type: – → SIP");
    }

    @Test
    void secretsAndTheirHashesNeverShow() throws Exception {
        JsonNode before = tree("{'users': [{'number': '201', 'pinHash': '{bcrypt}$2a$10$old'}],"
                + " 'channels': [{'name': 'desk', 'passwordHash': {'ha1': 'abc'}}]}");
        JsonNode after = tree("{'users': [{'number': '201', 'pin': '4826', 'pinHash': '{bcrypt}$2a$10$old'},"
                + " {'number': '299', 'pin': '1234'}], 'channels': [{'name': 'desk', 'password': 'geheim'}]}");
        List<String> changes = AuditDiff.changes(before, after);
        assertThat(changes).containsExactly("users[201].pin: (set)", "users[299].number: – → 299",
                "users[299].pin: (set)", "channels[desk].passwordHash: (removed)", "channels[desk].password: (set)");
        assertThat(String.join(" ", changes)).doesNotContain("4826", "1234", "geheim", "abc", "$2a$");
    }

    @Test
    void theDetailListsAtMostTheLimit() {
        assertThat(AuditDiff.detail("user 201", List.of("a: 1 → 2", "b: 1 → 2", "c: 1 → 2"), 2))
                .isEqualTo("user 201; a: 1 → 2, b: 1 → 2 … and 1 more");
        assertThat(AuditDiff.detail("user 201", List.of(), 2)).isEqualTo("user 201; no changes");
    }
}
