package org.reachpbx.server.api;

import java.time.Instant;
import java.util.List;
import org.reachpbx.directory.integrations.ContactPullSource;
import org.reachpbx.directory.model.Contact;
import org.reachpbx.integrations.crm.ContactPulls;
import org.reachpbx.integrations.crm.ContactSync;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * CRM contact sync: a CRM pushes the contacts of a user's REACH call class (PUT replaces them,
 * POST adds to them; a missing class is created), and the tenant's optional periodic pull. Every
 * change is validated with the whole tenant: an invalid contact is a 422 and stores nothing.
 */
@RestController
public class ContactSyncController {

    private final ContactSync sync;
    private final ContactPulls pulls;

    public ContactSyncController(ContactSync sync, ContactPulls pulls) {
        this.sync = sync;
        this.pulls = pulls;
    }

    public record ContactsRequest(List<ContactSync.CrmContact> contacts) {
    }

    public record ContactsView(String user, String callClass, List<ContactSync.CrmContact> contacts) {
        static ContactsView of(String user, String callClass, List<Contact> contacts) {
            return new ContactsView(user, callClass,
                    contacts.stream().map(c -> new ContactSync.CrmContact(c.getName(), c.getNumber())).toList());
        }
    }

    private static final String CONTACTS = "/api/tenants/{tenantId}/users/{user}/call-classes/{callClass}/contacts";

    @Audited("Contacts: replace")
    @PutMapping(value = CONTACTS, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ContactsView replace(@PathVariable long tenantId, @PathVariable String user, @PathVariable String callClass,
                                @RequestBody ContactsRequest request) {
        ContactsView view = ContactsView.of(user, callClass, sync.replace(tenantId, user, callClass, contacts(request)));
        ApiAudit.note("user " + user + ", call class " + callClass + ": " + view.contacts().size() + " contacts");
        return view;
    }

    @Audited("Contacts: add")
    @PostMapping(value = CONTACTS, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ContactsView merge(@PathVariable long tenantId, @PathVariable String user, @PathVariable String callClass,
                              @RequestBody ContactsRequest request) {
        ContactsView view = ContactsView.of(user, callClass, sync.merge(tenantId, user, callClass, contacts(request)));
        ApiAudit.note("user " + user + ", call class " + callClass + ": " + request.contacts().size() + " sent, "
                + view.contacts().size() + " now");
        return view;
    }

    private static List<ContactSync.CrmContact> contacts(ContactsRequest request) {
        if (request == null || request.contacts() == null) {
            throw new BadRequestException("the body needs a list \"contacts\" of {name, number}");
        }
        return request.contacts();
    }

    // ---- periodic pull ----

    private static final String PULL = "/api/tenants/{tenantId}/contact-pull";

    /** {@code authorization} is write-only: an absent value keeps the stored one, "" removes it. */
    public record PullRequest(String url, String authorization, Integer intervalSeconds, Boolean enabled) {
    }

    public record PullView(String url, boolean authorizationSet, int intervalSeconds, boolean enabled,
                           Instant lastPullAt, String lastResult) {
        static PullView of(ContactPullSource s) {
            return new PullView(s.getUrl(), s.getAuthorization() != null, s.getIntervalSeconds(), s.isEnabled(),
                    s.getLastPullAt(), s.getLastResult());
        }
    }

    @GetMapping(value = PULL, produces = MediaType.APPLICATION_JSON_VALUE)
    public PullView pull(@PathVariable long tenantId) {
        return PullView.of(pulls.get(tenantId));
    }

    @Audited("Contact pull: configure")
    @PutMapping(value = PULL, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public PullView configurePull(@PathVariable long tenantId, @RequestBody PullRequest r) {
        PullView view = PullView.of(pulls.configure(tenantId,
                new ContactPulls.Settings(r.url(), r.authorization(), r.intervalSeconds(), r.enabled())));
        // the authorization header is a credential: only whether it changed
        ApiAudit.note("url " + ApiAudit.safeUrl(view.url()) + ", every " + view.intervalSeconds() + " s, enabled "
                + view.enabled() + ", authorization " + (r.authorization() == null ? "kept"
                : r.authorization().isEmpty() ? "removed" : "changed"));
        return view;
    }

    @Audited("Contact pull: remove")
    @DeleteMapping(PULL)
    public ResponseEntity<Void> removePull(@PathVariable long tenantId) {
        pulls.remove(tenantId);
        return ResponseEntity.noContent().build();
    }
}
