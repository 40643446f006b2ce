package org.reachpbx.integrations.crm;

import java.util.List;

/**
 * What a CRM serves for the periodic contact pull (docs/integrations.md):
 * {@code {"callClasses": [{"user": "201", "callClass": "VIP customers", "contacts": [{"name", "number"}]}]}}.
 * Each listed class gets exactly the listed contacts; classes not listed stay as they are.
 */
public record ContactDocument(List<ClassContacts> callClasses) {

    public record ClassContacts(String user, String callClass, List<ContactSync.CrmContact> contacts) {
    }
}
