package org.reachpbx.ui.config;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.reachpbx.directory.model.PrivacyGroup;
import org.reachpbx.directory.model.PrivacyRight;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.rules.vocabulary.AnchorMedia;
import org.reachpbx.rules.vocabulary.BarringCategory;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;
import org.reachpbx.ui.i18n.ViolationMessages;

/**
 * Account settings (emergency fallback caller ID, external call limit, IP listing and its
 * allowlist, call barring, media anchoring) and the privacy groups with their rights matrix (PRV-01, PRV-02).
 */
@Route(value = "config/account", layout = MainLayout.class)
@PageTitle("ReachPBX – Account")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST})
public class AccountView extends VerticalLayout {

    private final ConfigSupport support;
    private final ComboBox<TenantStore.TenantSummary> tenant;
    private final TextField fallback = new TextField();
    private final IntegerField callLimit = new IntegerField();
    private final Checkbox ipListing = new Checkbox();
    private final TextArea allowlist = new TextArea();
    private final CheckboxGroup<BarringCategory> barring = new CheckboxGroup<>();
    private final ComboBox<AnchorMedia> anchorMedia = new ComboBox<>();
    private final ListEditor groups;
    private final Grid<PrivacyRight> rights = new Grid<>();
    private final TextField newTarget = new TextField();
    private List<PrivacyRight> rightRows = new ArrayList<>();
    private String group;

    public AccountView(TenantStore store, TenantEditor editor, CurrentUser current) {
        this.support = new ConfigSupport(store, editor, current);
        this.tenant = support.tenantPicker(getTranslation("config.tenant"));
        boolean editable = support.canEdit();

        fallback.setId("acc-fallback");
        fallback.setLabel(getTranslation("config.acc.fallback"));
        fallback.setWidth("20em");
        callLimit.setId("acc-call-limit");
        callLimit.setLabel(getTranslation("config.acc.callLimit"));
        callLimit.setStepButtonsVisible(true);
        ipListing.setId("acc-ip-listing");
        ipListing.setLabel(getTranslation("config.acc.ipListing"));
        allowlist.setId("acc-allowlist");
        allowlist.setLabel(getTranslation("config.acc.allowlist"));
        allowlist.setHelperText(getTranslation("config.acc.allowlistHelp"));
        allowlist.setWidth("40em");
        barring.setId("acc-barring");
        barring.setLabel(getTranslation("config.acc.barring"));
        barring.setItems(EnumSet.allOf(BarringCategory.class));
        barring.setItemLabelGenerator(c -> Labels.choice(BarringCategory.class, c.name(), this::getTranslation));
        anchorMedia.setId("acc-anchor-media");
        anchorMedia.setLabel(getTranslation("config.acc.anchorMedia"));
        anchorMedia.setHelperText(getTranslation("config.acc.anchorMediaHelp"));
        anchorMedia.setItems(AnchorMedia.values());
        anchorMedia.setItemLabelGenerator(c -> Labels.choice(AnchorMedia.class, c.name(), this::getTranslation));
        anchorMedia.setClearButtonVisible(true); // empty: the server's default
        anchorMedia.setWidth("20em");
        for (HasValidation f : List.of(fallback, callLimit, allowlist, barring, anchorMedia)) {
            f.setManualValidation(true);
        }
        fallback.setReadOnly(!editable);
        callLimit.setReadOnly(!editable);
        ipListing.setReadOnly(!editable);
        allowlist.setReadOnly(!editable);
        barring.setReadOnly(!editable);
        anchorMedia.setReadOnly(!editable);
        Button save = new Button(getTranslation("config.save"), e -> saveAccount());
        save.setId("acc-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(editable);

        groups = new ListEditor("pg", "Privacy groups", List.of(Kinds.privacyGroups()), support,
                () -> tenant.getValue().id(), this::getTranslation,
                List.of(new ListEditor.Column("config.pg.members",
                        r -> String.join(", ", ((PrivacyGroup) r.item()).getMembers())))).compact()
                .nameHeader("config.field.description");
        groups.onSelect(row -> showRights(row == null ? null : (PrivacyGroup) row.item()));

        rights.setId("pg-rights");
        rights.addColumn(PrivacyRight::getTarget).setHeader(getTranslation("config.pg.target")).setSortable(true).setAutoWidth(true);
        right("pickup", PrivacyRight::isPickup, PrivacyRight::setPickup, editable);
        right("presence", PrivacyRight::isPresence, PrivacyRight::setPresence, editable);
        right("notifications", PrivacyRight::isNotifications, PrivacyRight::setNotifications, editable);
        right("listenIn", PrivacyRight::isListenIn, PrivacyRight::setListenIn, editable);
        right("retrieveParked", PrivacyRight::isRetrieveParked, PrivacyRight::setRetrieveParked, editable);
        rights.addComponentColumn(r -> {
            IntegerField delay = new IntegerField();
            delay.setValue(r.getNotificationDelay());
            delay.setReadOnly(!editable);
            delay.setWidth("6em");
            delay.setId("pg-" + r.getTarget() + "-notificationDelay");
            delay.addValueChangeListener(e -> r.setNotificationDelay(e.getValue() == null ? 0 : e.getValue()));
            return delay;
        }).setHeader(getTranslation("config.pg.notificationDelay")).setAutoWidth(true);
        if (editable) {
            rights.addComponentColumn(r -> {
                Button remove = new Button(getTranslation("config.delete"), e -> {
                    rightRows.remove(r);
                    rights.setItems(rightRows);
                });
                remove.setId("pg-" + r.getTarget() + "-remove");
                return remove;
            });
        }
        rights.setAllRowsVisible(true);
        newTarget.setId("pg-new-target");
        newTarget.setPlaceholder(getTranslation("config.pg.target"));
        Button addRow = new Button(getTranslation("config.pg.addTarget"), e -> {
            if (!newTarget.getValue().isBlank() && group != null) {
                PrivacyRight r = new PrivacyRight();
                r.setTarget(newTarget.getValue().trim());
                rightRows.add(r);
                rights.setItems(rightRows);
                newTarget.clear();
            }
        });
        addRow.setId("pg-add-target");
        Button saveRights = new Button(getTranslation("config.pg.saveRights"), e -> saveRights());
        saveRights.setId("pg-rights-save");
        saveRights.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout rightsBar = new HorizontalLayout(newTarget, addRow, saveRights);
        rightsBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        rightsBar.setVisible(editable);

        tenant.addValueChangeListener(e -> reload());
        add(new H2(getTranslation("config.acc.title")), tenant,
                new H3(getTranslation("config.acc.settings")), fallback, callLimit, ipListing, allowlist, barring, anchorMedia, save,
                new H3(getTranslation("config.pg.title")), groups,
                new H3(getTranslation("config.pg.rights")), rights, rightsBar);
        reload();
    }

    private void right(String name, Predicate<PrivacyRight> get, BiConsumer<PrivacyRight, Boolean> set, boolean editable) {
        rights.addComponentColumn(r -> {
            Checkbox box = new Checkbox(get.test(r));
            box.setReadOnly(!editable);
            box.setId("pg-" + r.getTarget() + "-" + name);
            box.addValueChangeListener(e -> set.accept(r, e.getValue()));
            return box;
        }).setHeader(getTranslation("config.pg." + name)).setAutoWidth(true);
    }

    private void reload() {
        if (tenant.getValue() == null) {
            return;
        }
        Tenant t = support.read(tenant.getValue().id());
        fallback.setValue(t.getEmergencyFallbackCallerId() == null ? "" : t.getEmergencyFallbackCallerId());
        callLimit.setValue(t.getExternalCallLimit());
        ipListing.setValue(t.isIpListing());
        allowlist.setValue(IpAllowlist.format(t.getIpAllowlist()));
        barring.setValue(t.getCallBarring().isEmpty() ? EnumSet.noneOf(BarringCategory.class) : EnumSet.copyOf(t.getCallBarring()));
        anchorMedia.setValue(t.getAnchorMedia());
        groups.reload();
        showRights(null);
    }

    private void saveAccount() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("emergencyFallbackCallerId", fallback);
        fields.put("externalCallLimit", callLimit);
        fields.put("ipAllowlist", allowlist);
        fields.put("callBarring", barring);
        fields.put("anchorMedia", anchorMedia);
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        if (callLimit.getValue() == null) {
            callLimit.setErrorMessage(getTranslation("config.required"));
            callLimit.setInvalid(true);
            return;
        }
        List<Violation> violations = support.save(tenant.getValue().id(), t -> {
            t.setEmergencyFallbackCallerId(fallback.getValue().isBlank() ? null : fallback.getValue().trim());
            t.setExternalCallLimit(callLimit.getValue());
            t.setIpListing(ipListing.getValue());
            t.setIpAllowlist(new ArrayList<>(IpAllowlist.parse(allowlist.getValue())));
            t.setCallBarring(new ArrayList<>(barring.getValue().stream().sorted().toList()));
            t.setAnchorMedia(anchorMedia.getValue());
        }, "Account: update settings", "fallback " + fallback.getValue() + ", call limit " + callLimit.getValue()
                + ", IP listing " + ipListing.getValue() + ", barring " + barring.getValue().stream().sorted().toList()
                + ", anchor media " + (anchorMedia.getValue() == null ? "server default" : anchorMedia.getValue()));
        if (violations.isEmpty()) {
            ConfigSupport.saved(getTranslation("config.saved"));
            reload();
            return;
        }
        ViolationPaths.Mapped mapped = ViolationPaths.map(ViolationMessages.in(violations, getLocale()), "", fields.keySet());
        mapped.byField().forEach((name, messages) -> {
            fields.get(name).setErrorMessage(String.join("; ", messages));
            fields.get(name).setInvalid(true);
        });
        if (!mapped.unmatched().isEmpty()) {
            ConfigSupport.refused(getTranslation("config.refused"), mapped.unmatched());
        }
    }

    private void showRights(PrivacyGroup selected) {
        group = selected == null ? null : selected.getName();
        rightRows = selected == null ? new ArrayList<>() : new ArrayList<>(selected.getRights());
        rights.setItems(rightRows);
    }

    private void saveRights() {
        if (group == null) {
            return;
        }
        String name = group;
        List<PrivacyRight> rows = List.copyOf(rightRows);
        List<Violation> violations = support.save(tenant.getValue().id(), t -> t.getPrivacyGroups().stream()
                        .filter(g -> g.getName().equals(name)).findFirst().orElseThrow()
                        .setRights(new ArrayList<>(rows)),
                "Privacy groups: update rights", name + ", " + rows.size() + " targets");
        if (violations.isEmpty()) {
            ConfigSupport.saved(getTranslation("config.saved"));
            groups.reload();
            showRights(null);
        } else {
            ConfigSupport.refused(getTranslation("config.refused"), violations);
        }
    }
}
