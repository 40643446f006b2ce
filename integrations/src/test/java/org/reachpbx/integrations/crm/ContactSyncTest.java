package org.reachpbx.integrations.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.ContactPullSource;
import org.reachpbx.directory.integrations.ContactPullSourceRepository;
import org.reachpbx.directory.model.Contact;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.integrations.IntegrationTest;
import org.reachpbx.integrations.peers.TestCrm;
import org.springframework.beans.factory.annotation.Autowired;

/** CRM contacts into a user's REACH call class: pushed, and pulled periodically over HTTP. */
class ContactSyncTest extends IntegrationTest {

    @Autowired
    ContactSync sync;
    @Autowired
    ContactPulls pulls;
    @Autowired
    ContactPullSourceRepository sources;

    private List<String> storedContacts(String callClass) {
        return jdbc.queryForList("select c.name || '=' || c.number from call_class_contact c join call_class k"
                + " on k.id = c.call_class_id where k.name = ? order by c.position", String.class, callClass);
    }

    @Test
    void pushedContactsBecomeTheContactsOfANewCallClass() {
        List<Contact> contacts = sync.replace(demo, "201", "VIP customers", List.of(
                new ContactSync.CrmContact("Van Dijk Logistiek", "+31 10 456 7890"),
                new ContactSync.CrmContact("Müller GmbH", "+49301234567")));
        assertThat(contacts).extracting(Contact::getNumber).containsExactly("0104567890", "0049301234567");
        assertThat(storedContacts("VIP customers")).containsExactly("Van Dijk Logistiek=0104567890",
                "Müller GmbH=0049301234567");
        assertThat(store.exportYaml(demo).orElseThrow()).contains("VIP customers").contains("Müller GmbH");

        sync.merge(demo, "201", "VIP customers", List.of(new ContactSync.CrmContact("Van Dijk BV", "0104567890"),
                new ContactSync.CrmContact("Nieuw", "0612340000")));
        assertThat(storedContacts("VIP customers")).containsExactly("Van Dijk BV=0104567890",
                "Müller GmbH=0049301234567", "Nieuw=0612340000");

        sync.replace(demo, "201", "VIP customers", List.of(new ContactSync.CrmContact("Enige", "0301112222")));
        assertThat(storedContacts("VIP customers")).containsExactly("Enige=0301112222");
    }

    @Test
    void anInvalidContactIsRefusedAndNothingIsStored() {
        List<String> before = storedContacts("Zakelijk");
        assertThatThrownBy(() -> sync.replace(demo, "201", "Zakelijk", List.of(
                new ContactSync.CrmContact("Goed", "0104560000"), new ContactSync.CrmContact("Fout", "12"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("contacts[1].number");
        assertThat(storedContacts("Zakelijk")).isEqualTo(before);
    }

    @Test
    void thePeriodicPullFetchesTheDocumentAndReplacesTheListedClasses() throws Exception {
        try (TestCrm crm = new TestCrm(CRM_PORT)) {
            crm.serveContacts("""
                    {"callClasses": [{"user": "202", "callClass": "Sleutelklanten",
                      "contacts": [{"name": "Bakkerij Zoet", "number": "0207778888"}]}]}""");
            pulls.configure(demo, new ContactPulls.Settings("http://127.0.0.1:" + CRM_PORT + "/contacts",
                    "Bearer pull-token", 1, true));
            eventually().until(() -> storedContacts("Sleutelklanten").contains("Bakkerij Zoet=0207778888"));
            TestCrm.Request get = crm.requests().get(0);
            assertThat(get.method()).isEqualTo("GET");
            assertThat(get.header("Authorization")).isEqualTo("Bearer pull-token");

            // The next pull, one interval later, follows the CRM's changes.
            crm.serveContacts("""
                    {"callClasses": [{"user": "202", "callClass": "Sleutelklanten",
                      "contacts": [{"name": "Slagerij Vers", "number": "0207779999"}]}]}""");
            eventually().until(() -> storedContacts("Sleutelklanten").equals(List.of("Slagerij Vers=0207779999")));
            ContactPullSource source = sources.findByTenantId(demo).orElseThrow();
            assertThat(source.getLastResult()).startsWith("OK: 1 call class(es), 1 contact(s)");

            // A broken document changes nothing and is reported.
            crm.serveContacts("{\"callClasses\": [{\"user\": \"999\", \"callClass\": \"X\", \"contacts\": []}]}");
            eventually().until(() -> sources.findByTenantId(demo).orElseThrow().getLastResult().startsWith("FAILED"));
            assertThat(storedContacts("Sleutelklanten")).containsExactly("Slagerij Vers=0207779999");
        } finally {
            pulls.remove(demo);
        }
    }
}
