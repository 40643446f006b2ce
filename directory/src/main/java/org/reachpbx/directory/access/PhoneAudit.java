package org.reachpbx.directory.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Changes a user makes by phone (915 plan menu, 910 forwards, 907 and first-login PINs, 901/902
 * device logins) go into the audit trail like changes made in the admin UI (issue 12): who is
 * {@code phone <extension>}, the action is named like the UI's ({@code Area: verb}) and a
 * configuration change lists its changed fields old → new, secrets only as (set)/(changed).
 */
@Service
public class PhoneAudit {

    /** As many changed fields as the UI's saves list. */
    static final int LISTED_CHANGES = 20;

    private final AuditTrail trail;

    public PhoneAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** The audit trail's "who" of a change made from the phone of {@code extension}. */
    public static String who(String extension) {
        return "phone " + (extension == null ? "?" : extension);
    }

    public void record(String extension, long tenantId, String action, String detail) {
        trail.record(who(extension), tenantId, action, detail);
    }

    /** A configuration change by phone: {@code what} and the fields that differ between the two documents. */
    public void saved(String extension, long tenantId, String action, String what, JsonNode before, JsonNode after) {
        List<String> changes = AuditDiff.changes(before, after);
        record(extension, tenantId, action, AuditDiff.detail(what, changes, LISTED_CHANGES));
    }
}
