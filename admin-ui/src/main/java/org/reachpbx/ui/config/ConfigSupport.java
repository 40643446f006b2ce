package org.reachpbx.ui.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.function.Consumer;
import org.reachpbx.directory.access.AuditDiff;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.i18n.ViolationMessages;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * What every configuration editor shares: the tenants this user may see, whether the user may
 * change them, and the one way a change is stored: a {@link TenantEditor} draft, changed, validated
 * and saved as a whole, then recorded in the audit trail.
 */
public final class ConfigSupport {

    /** At most this many changed fields are listed in one audit entry (then: "… and N more"). */
    static final int AUDITED_CHANGES = 25;

    private final TenantStore store;
    private final TenantEditor editor;
    private final CurrentUser current;

    public ConfigSupport(TenantStore store, TenantEditor editor, CurrentUser current) {
        this.store = store;
        this.editor = editor;
        this.current = current;
    }

    /** Platform and tenant admins edit (a tenant admin only the own tenant, the only one it sees). */
    public boolean canEdit() {
        return current.is(UiRole.PLATFORM_ADMIN) || current.is(UiRole.TENANT_ADMIN);
    }

    public List<TenantStore.TenantSummary> tenants() {
        return store.list().stream().filter(t -> current.user().seesTenant(t.id())).toList();
    }

    /** A tenant chooser (id {@code config-tenant}) with the first visible tenant selected. */
    public ComboBox<TenantStore.TenantSummary> tenantPicker(String label) {
        ComboBox<TenantStore.TenantSummary> picker = new ComboBox<>(label);
        picker.setId("config-tenant");
        picker.setItemLabelGenerator(TenantStore.TenantSummary::name);
        List<TenantStore.TenantSummary> tenants = tenants();
        picker.setItems(tenants);
        picker.setWidth("20em");
        if (!tenants.isEmpty()) {
            picker.setValue(tenants.get(0));
        }
        return picker;
    }

    /** A detached copy of the tenant, read-only use (nothing is stored). */
    public Tenant read(long tenantId) {
        if (!current.user().seesTenant(tenantId)) {
            throw new IllegalStateException("tenant " + tenantId + " is not visible to this user");
        }
        return editor.draft(tenantId).orElseThrow(() -> new IllegalStateException("no tenant " + tenantId));
    }

    /**
     * Changes a draft of the tenant and saves it; on success records {@code action} and
     * {@code detail} in the audit trail, followed by what changed: every changed field of the
     * tenant's document, old → new, secrets masked ({@link AuditDiff}).
     *
     * @return the violations when the change is refused (nothing is stored then); empty when saved
     */
    public List<Violation> save(long tenantId, Consumer<Tenant> change, String action, String detail) {
        if (!canEdit() || !current.user().seesTenant(tenantId)) {
            return List.of(Violation.of("", "notAllowed"));
        }
        Tenant draft = read(tenantId);
        JsonNode before = editor.tree(draft);
        change.accept(draft);
        // taken before the save, which replaces plain PINs and passwords by hashes in the draft
        List<String> changes = AuditDiff.changes(before, editor.tree(draft));
        try {
            editor.save(draft);
        } catch (InvalidConfigurationException e) {
            return e.getViolations();
        } catch (OptimisticLockingFailureException e) {
            return List.of(Violation.of("", "changedMeanwhile"));
        }
        current.audit(tenantId, action, AuditDiff.detail(detail, changes, AUDITED_CHANGES));
        return List.of();
    }

    /** Shows a short success message. */
    public static void saved(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Shows violations that belong to no field, in the UI's language. */
    public static void refused(String title, List<Violation> violations) {
        StringBuilder text = new StringBuilder(title);
        for (Violation v : ViolationMessages.inUiLanguage(violations)) {
            text.append("\n").append(v);
        }
        Notification n = Notification.show(text.toString(), 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
