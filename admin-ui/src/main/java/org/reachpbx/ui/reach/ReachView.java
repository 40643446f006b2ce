package org.reachpbx.ui.reach;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.DeviceSelection;
import org.reachpbx.directory.model.DynamicCallerId;
import org.reachpbx.directory.model.ManualDeviceOverride;
import org.reachpbx.directory.model.ManualStatus;
import org.reachpbx.directory.model.MatrixCell;
import org.reachpbx.directory.model.ReachConfig;
import org.reachpbx.directory.model.ReachProfile;
import org.reachpbx.directory.model.ReachStatus;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.TimeWindow;
import org.reachpbx.directory.model.UserDevice;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.store.TenantStore.TenantSummary;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.rules.vocabulary.BarringCategory;
import org.reachpbx.rules.vocabulary.ProfileSetting;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.access.Roles;
import org.reachpbx.ui.i18n.ViolationMessages;

/**
 * A user's REACH configuration (FEATURES.md REACH chapter): profiles with what they inherit,
 * statuses with their times, call classes, the editable call class × status matrix, dynamic caller
 * IDs, barring, manual status and device override, and (admins) copying, reassigning or clearing
 * the whole configuration ({@link ReachTransfers}).
 * Admins choose the user; an END_USER sees and changes only the own one; an ANALYST sees every
 * tenant's users read-only (no add, delete, save or copy; {@link #store} refuses too). Every save goes through
 * {@link TenantEditor} (all-or-nothing, the import's validation) and is audited.
 */
@Route(value = "reach", layout = MainLayout.class)
@PageTitle("ReachPBX – REACH")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.END_USER, Roles.ANALYST})
public class ReachView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver {

    static final List<String> CODES = List.of("#30#", "#32#", "#33#", "#34#", "#35#", "#36#", "#37#", "#38#", "#39#");

    private final TenantEditor editor;
    private final CurrentUser current;
    private final PbxUser me;
    /** Analysts see REACH read-only ("rule tables and simulator, read-only elsewhere"). */
    private final boolean readOnly;

    private final ComboBox<TenantSummary> tenant = new ComboBox<>();
    private final ComboBox<UserExtension> user = new ComboBox<>();
    private final UnorderedList errors = new UnorderedList();
    private final VerticalLayout content = new VerticalLayout();

    /** The editors of the shown user, keyed by matrix cell "class index-status index" (0 = no status). */
    private final Map<String, ComboBox<String>> matrix = new LinkedHashMap<>();
    private final Map<String, TextField> dynamicIds = new LinkedHashMap<>();
    /** Per call class (by index): its prefixes and its internal extensions, comma-separated. */
    private final List<TextField> classPrefixes = new ArrayList<>();
    private final List<TextField> classExtensions = new ArrayList<>();
    private CheckboxGroup<BarringCategory> barring;
    private ComboBox<String> manualStatus;
    private DateTimePicker manualUntil;
    private MultiSelectComboBox<String> overrideDevices;
    private DateTimePicker overrideUntil;
    private List<CallClass> shownClasses = List.of();
    private List<ReachStatus> shownStatuses = List.of();
    private final ReachEditors editors = new ReachEditors((key, params) -> getTranslation(key, params));

    public ReachView(TenantStore store, TenantEditor editor, CurrentUser current) {
        this.editor = editor;
        this.current = current;
        this.me = current.user();
        this.readOnly = me.role() == UiRole.ANALYST;
        tenant.setId("reach-tenant");
        tenant.setLabel(getTranslation("reach.tenant"));
        tenant.setItemLabelGenerator(TenantSummary::name);
        user.setId("reach-user");
        user.setLabel(getTranslation("reach.user"));
        user.setItemLabelGenerator(u -> u.getNumber() + " " + u.getName());
        user.setWidth("22em");
        errors.setId("reach-errors");
        errors.getStyle().set("color", "var(--lumo-error-text-color)");
        content.setPadding(false);

        List<TenantSummary> tenants = store.list().stream().filter(t -> me.seesTenant(t.id())).toList();
        tenant.setItems(tenants);
        tenant.addValueChangeListener(e -> loadUsers());
        user.addValueChangeListener(e -> show());
        HorizontalLayout choose = new HorizontalLayout(tenant, user);
        boolean endUser = me.role() == UiRole.END_USER;
        choose.setVisible(!endUser);
        add(new H2(getTranslation("reach.title")), new Paragraph(getTranslation(endUser ? "reach.intro.own"
                : "reach.intro")), choose, errors, content);
        if (readOnly) {
            Paragraph note = new Paragraph(getTranslation("reach.readOnly"));
            note.setId("reach-read-only");
            addComponentAtIndex(2, note);
        }
        tenants.stream().filter(t -> me.tenantId() == null || t.id() == me.tenantId()).findFirst()
                .ifPresent(tenant::setValue);
    }

    /**
     * {@code reach?tenant=1&user=201} opens that user (the extensions form links here: REACH is
     * edited in this view only). A tenant or user this login may not see is not offered, so it is
     * not chosen either.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        String tenantId = query.getOrDefault("tenant", List.of()).stream().findFirst().orElse(null);
        String number = query.getOrDefault("user", List.of()).stream().findFirst().orElse(null);
        if (tenantId != null) {
            tenant.getListDataView().getItems().filter(t -> String.valueOf(t.id()).equals(tenantId)).findFirst()
                    .ifPresent(tenant::setValue);
        }
        if (number != null) {
            user.getListDataView().getItems().filter(u -> u.getNumber().equals(number)).findFirst()
                    .ifPresent(user::setValue);
        }
    }

    private void loadUsers() {
        content.removeAll();
        if (tenant.getValue() == null) {
            user.setItems(List.of());
            return;
        }
        List<UserExtension> users = draft().getUsers().stream()
                .filter(u -> me.role() != UiRole.END_USER || u.getNumber().equals(me.extension()))
                .sorted(Comparator.comparing(UserExtension::getNumber)).toList();
        user.setItems(users);
        users.stream().findFirst().ifPresent(user::setValue);
    }

    private Tenant draft() {
        return editor.draft(tenant.getValue().id()).orElseThrow(() -> new IllegalStateException("tenant is gone"));
    }

    private void show() {
        content.removeAll();
        matrix.clear();
        dynamicIds.clear();
        classPrefixes.clear();
        classExtensions.clear();
        errors.removeAll();
        UserExtension u = user.getValue();
        if (u == null) {
            return;
        }
        ReachConfig reach = u.getReach();
        shownClasses = List.copyOf(reach.getCallClasses());
        shownStatuses = List.copyOf(reach.getStatuses());
        content.add(new H3(getTranslation("reach.profiles")), profiles(reach),
                editors.profileEditors(reach, u, this::confirmDeleteProfile),
                adder("profile", getTranslation("reach.profile.add"), this::addProfile),
                new H3(getTranslation("reach.statuses")), statuses(reach),
                editors.statusEditors(reach, this::confirmDeleteStatus),
                adder("status", getTranslation("reach.status.add"), this::addStatus),
                new H3(getTranslation("reach.callClasses")), callClasses(reach),
                editors.classEditors(reach, this::confirmDeleteCallClass),
                adder("callclass", getTranslation("reach.callClass.add"), this::addCallClass), callClassEditors(),
                new H3(getTranslation("reach.matrix")), new Paragraph(getTranslation("reach.matrix.help",
                        reach.getDefaultProfile().getName())), matrix(reach),
                new H3(getTranslation("reach.dynamicCallerIds")), dynamicCallerIds(reach),
                new H3(getTranslation("reach.barring")), barring(reach),
                new H3(getTranslation("reach.manual")), manual(reach, u));
        if (readOnly) {
            readOnly(content);
            return;
        }
        Button save = new Button(getTranslation("reach.save"), e -> save());
        save.setId("reach-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(save);
        if (me.role() != UiRole.END_USER) {
            content.add(transfers(u));
        }
    }

    /** Every field below {@code c} read-only, every button and every add line (a name and its button) gone. */
    private static void readOnly(Component c) {
        if (c instanceof Button || c.getId().filter(id -> id.endsWith("-add-line")).isPresent()) {
            c.setVisible(false);
            return;
        }
        if (c instanceof com.vaadin.flow.component.HasValue<?, ?> field) {
            field.setReadOnly(true);
        }
        c.getChildren().forEach(ReachView::readOnly);
    }

    // ---- read-only parts ----------------------------------------------------------------------

    private Component profiles(ReachConfig reach) {
        ReachProfile base = reach.getDefaultProfile();
        Grid<ReachProfile> grid = new Grid<>();
        grid.setId("reach-profiles");
        grid.addColumn(p -> p == base ? p.getName() + " (" + getTranslation("reach.profile.default") + ")"
                : p.getName()).setHeader(getTranslation("reach.profile.name")).setAutoWidth(true);
        grid.addColumn(p -> p == base ? "" : p.getInherit().stream().map(x -> getTranslation("reach.setting." + x.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("reach.profile.inherits"))
                .setWidth("8em").setFlexGrow(1);
        // the value columns share the width and wrap, so the forwards and devices are never cut off (issue 17, defect 8)
        grid.addColumn(p -> setting(p, base, ProfileSetting.CALLER_ID, ReachProfile::getCallerId))
                .setHeader(getTranslation("reach.profile.callerId")).setWidth("8em").setFlexGrow(1);
        grid.addColumn(p -> setting(p, base, ProfileSetting.FORWARD_ALWAYS, ReachProfile::getForwardAlways))
                .setHeader(getTranslation("reach.profile.forwardAlways")).setWidth("8em").setFlexGrow(1);
        grid.addColumn(p -> setting(p, base, ProfileSetting.FORWARD_ON_BUSY, ReachProfile::getForwardOnBusy))
                .setHeader(getTranslation("reach.profile.forwardOnBusy")).setWidth("8em").setFlexGrow(1);
        grid.addColumn(p -> setting(p, base, ProfileSetting.FORWARD_ON_NO_ANSWER,
                q -> q.getForwardOnNoAnswer() == null ? null : q.getForwardOnNoAnswer() + " (" + q.getNoAnswerTimeout()
                        + " s)")).setHeader(getTranslation("reach.profile.forwardOnNoAnswer")).setWidth("8em").setFlexGrow(1);
        grid.addColumn(p -> setting(p, base, ProfileSetting.DEVICES, q -> q.getDevices().stream()
                .map(ReachView::device).collect(Collectors.joining(", "))))
                .setHeader(getTranslation("reach.profile.devices")).setWidth("10em").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        org.reachpbx.ui.Grids.sortable(grid);
        grid.setItems(ReachCopy.allProfiles(reach));
        grid.setAllRowsVisible(true);
        return grid;
    }

    /** A profile's value of one setting; an inherited one shows the default profile's value and says so. */
    private String setting(ReachProfile p, ReachProfile base, ProfileSetting setting,
                           Function<ReachProfile, String> value) {
        if (p != base && p.inherits(setting)) {
            String v = value.apply(base);
            return getTranslation("reach.inherited", v == null || v.isBlank() ? "–" : v);
        }
        String v = value.apply(p);
        return v == null || v.isBlank() ? "–" : v;
    }

    private static String device(DeviceSelection d) {
        return d.getDevice() + (d.isEnabled() ? "" : " ✗") + " [" + d.getStep() + "]";
    }

    private Component statuses(ReachConfig reach) {
        Grid<ReachStatus> grid = new Grid<>();
        grid.setId("reach-statuses");
        grid.addColumn(ReachStatus::getName).setHeader(getTranslation("reach.status.name")).setAutoWidth(true);
        grid.addColumn(s -> s.getPresence() == null ? "" : getTranslation("reach.presence." + s.getPresence().name())).setHeader(getTranslation("reach.status.presence"))
                .setAutoWidth(true);
        grid.addColumn(s -> s.getTimes().stream().map(this::window).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("reach.status.times")).setFlexGrow(1);
        org.reachpbx.ui.Grids.sortable(grid);
        grid.setItems(reach.getStatuses());
        grid.setAllRowsVisible(true);
        return grid;
    }

    String window(TimeWindow w) {
        if (w.isPeriod()) {
            return day(w.getFromDay()) + " " + w.getFrom() + " → " + day(w.getToDay()) + " " + w.getTo();
        }
        return w.getDays().stream().map(this::day).collect(Collectors.joining(",")) + " " + w.getFrom() + "–"
                + w.getTo();
    }

    private String day(java.time.DayOfWeek d) {
        return d == null ? "" : getTranslation("reach.day." + d.name());
    }

    private Component callClasses(ReachConfig reach) {
        Grid<CallClass> grid = new Grid<>();
        grid.setId("reach-callclasses");
        grid.addColumn(CallClass::getName).setHeader(getTranslation("reach.callClass.name")).setAutoWidth(true);
        grid.addColumn(c -> c.getContacts().stream().map(k -> (k.getName() == null ? "" : k.getName() + " ")
                + k.getNumber()).collect(Collectors.joining(", "))).setHeader(getTranslation("reach.callClass.contacts"))
                .setFlexGrow(1);
        grid.addColumn(c -> String.join(", ", c.getExtensions())).setHeader(getTranslation("reach.callClass.extensions"))
                .setAutoWidth(true);
        grid.addColumn(c -> String.join(", ", c.getPrefixes())).setHeader(getTranslation("reach.callClass.prefixes"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.getCallerId() == null ? "" : c.getCallerId())
                .setHeader(getTranslation("reach.profile.callerId")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        org.reachpbx.ui.Grids.sortable(grid);
        grid.setItems(reach.getCallClasses());
        grid.setAllRowsVisible(true);
        return grid;
    }

    // ---- editable parts -----------------------------------------------------------------------

    /** The prefixes and extensions of each call class, comma-separated (ids cc-prefixes-{i}, cc-extensions-{i}). */
    private Component callClassEditors() {
        FormLayout form = new FormLayout();
        for (int i = 0; i < shownClasses.size(); i++) {
            CallClass c = shownClasses.get(i);
            TextField prefixes = new TextField(getTranslation("reach.callClass.prefixesOf", c.getName()));
            prefixes.setId("cc-prefixes-" + i);
            prefixes.setValue(String.join(", ", c.getPrefixes()));
            TextField extensions = new TextField(getTranslation("reach.callClass.extensionsOf", c.getName()));
            extensions.setId("cc-extensions-" + i);
            extensions.setValue(String.join(", ", c.getExtensions()));
            classPrefixes.add(prefixes);
            classExtensions.add(extensions);
            form.add(prefixes, extensions);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        return form;
    }

    static List<String> list(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split("[,;\\s]+")).map(String::trim).filter(x -> !x.isEmpty())
                .toList();
    }

    /** Rows: call classes; columns: no status, then each status. Cell ids: matrix-{class}-{status}, 0 = no status. */
    private Component matrix(ReachConfig reach) {
        List<String> profiles = ReachCopy.allProfiles(reach).stream().map(ReachProfile::getName).toList();
        Div table = new Div();
        table.setId("reach-matrix");
        HorizontalLayout header = new HorizontalLayout(cellLabel(getTranslation("reach.matrix.callClass"), true),
                cellLabel(getTranslation("reach.matrix.noStatus"), true));
        shownStatuses.forEach(s -> header.add(cellLabel(s.getName(), true)));
        table.add(header);
        for (int c = 0; c < shownClasses.size(); c++) {
            CallClass cls = shownClasses.get(c);
            HorizontalLayout row = new HorizontalLayout(cellLabel(cls.getName(), false));
            for (int s = 0; s <= shownStatuses.size(); s++) {
                String status = s == 0 ? null : shownStatuses.get(s - 1).getName();
                ComboBox<String> cell = new ComboBox<>();
                cell.setId("matrix-" + c + "-" + s);
                cell.setItems(profiles);
                cell.setClearButtonVisible(true);
                cell.setPlaceholder(reach.getDefaultProfile().getName());
                cell.setWidth("11em");
                cell.getElement().setAttribute("title", cls.getName() + " × "
                        + (status == null ? getTranslation("reach.matrix.noStatus") : status));
                reach.getMatrix().stream()
                        .filter(m -> m.getCallClass().equals(cls.getName()) && Objects.equals(blank(m.getStatus()), status))
                        .findFirst().ifPresent(m -> cell.setValue(m.getProfile()));
                matrix.put(c + "-" + s, cell);
                row.add(cell);
            }
            table.add(row);
        }
        return table;
    }

    private static Span cellLabel(String text, boolean bold) {
        Span s = new Span(text);
        s.setWidth("11em");
        if (bold) {
            s.getStyle().set("font-weight", "bold");
        }
        return s;
    }

    private Component dynamicCallerIds(ReachConfig reach) {
        FormLayout form = new FormLayout();
        for (String code : CODES) {
            TextField f = new TextField(code);
            f.setId("dcid-" + code.substring(1, 3));
            reach.getDynamicCallerIds().stream().filter(d -> d.getCode().equals(code)).findFirst()
                    .ifPresent(d -> f.setValue(d.getCallerId()));
            dynamicIds.put(code, f);
            form.add(f);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 3), new FormLayout.ResponsiveStep("40em", 5));
        return form;
    }

    private Component barring(ReachConfig reach) {
        barring = new CheckboxGroup<>();
        barring.setId("reach-barring");
        barring.setItems(BarringCategory.values());
        // the categories' labels (issue 17, defect 2); the stored value stays the constant
        barring.setItemLabelGenerator(c -> org.reachpbx.ui.config.Labels.choice(BarringCategory.class, c.name(),
                this::getTranslation));
        barring.setValue(java.util.Set.copyOf(reach.getCallBarring()));
        barring.setReadOnly(me.role() == UiRole.END_USER);
        return barring;
    }

    private Component manual(ReachConfig reach, UserExtension u) {
        manualStatus = new ComboBox<>(getTranslation("reach.manual.status"));
        manualStatus.setId("manual-status");
        manualStatus.setItems(shownStatuses.stream().map(ReachStatus::getName).toList());
        manualStatus.setClearButtonVisible(true);
        manualStatus.setPlaceholder(getTranslation("reach.manual.automatic"));
        manualUntil = new DateTimePicker(getTranslation("reach.manual.until"));
        org.reachpbx.ui.i18n.UiTexts.localize(manualUntil, getLocale());
        manualUntil.setId("manual-status-until");
        if (reach.getManualStatus() != null) {
            manualStatus.setValue(reach.getManualStatus().getStatus());
            manualUntil.setValue(reach.getManualStatus().getUntil());
        }
        overrideDevices = new MultiSelectComboBox<>(getTranslation("reach.override.devices"));
        overrideDevices.setId("override-devices");
        overrideDevices.setItems(u.getDevices().stream().map(UserDevice::getName).toList());
        overrideDevices.setPlaceholder(getTranslation("reach.override.none"));
        overrideUntil = new DateTimePicker(getTranslation("reach.manual.until"));
        org.reachpbx.ui.i18n.UiTexts.localize(overrideUntil, getLocale());
        overrideUntil.setId("override-until");
        ManualDeviceOverride o = reach.getManualDeviceOverride();
        if (o != null) {
            overrideDevices.setValue(java.util.Set.copyOf(o.getDevices()));
            overrideUntil.setValue(o.getUntil());
        }
        return new VerticalLayout(new HorizontalLayout(manualStatus, manualUntil),
                new HorizontalLayout(overrideDevices, overrideUntil));
    }

    private void save() {
        UserExtension shown = user.getValue();
        long tenantId = tenant.getValue().id();
        Tenant draft = draft();
        UserExtension u = find(draft, shown.getNumber());
        ReachConfig reach = u.getReach();
        List<String> changes = new ArrayList<>();
        List<MatrixCell> cells = new ArrayList<>();
        for (int c = 0; c < shownClasses.size(); c++) {
            for (int s = 0; s <= shownStatuses.size(); s++) {
                String profile = matrix.get(c + "-" + s).getValue();
                String cls = shownClasses.get(c).getName();
                String status = s == 0 ? null : shownStatuses.get(s - 1).getName();
                String before = reach.getMatrix().stream().filter(m -> m.getCallClass().equals(cls)
                        && Objects.equals(blank(m.getStatus()), status)).map(MatrixCell::getProfile).findFirst().orElse(null);
                if (!Objects.equals(before, profile)) {
                    changes.add(cls + "/" + (status == null ? "-" : status) + ": " + (before == null ? "-" : before)
                            + " → " + (profile == null ? "-" : profile));
                }
                if (profile != null) {
                    MatrixCell cell = new MatrixCell();
                    cell.setCallClass(cls);
                    cell.setStatus(status);
                    cell.setProfile(profile);
                    cells.add(cell);
                }
            }
        }
        reach.setMatrix(cells);
        for (int c = 0; c < shownClasses.size(); c++) {
            String name = shownClasses.get(c).getName();
            CallClass target = reach.getCallClasses().stream().filter(x -> x.getName().equals(name)).findFirst()
                    .orElse(null);
            if (target == null) {
                continue;
            }
            List<String> prefixes = list(classPrefixes.get(c).getValue());
            List<String> extensions = list(classExtensions.get(c).getValue());
            if (!prefixes.equals(target.getPrefixes()) || !extensions.equals(target.getExtensions())) {
                changes.add("call class " + name + ": prefixes " + String.join(" ", prefixes) + ", extensions "
                        + String.join(" ", extensions));
            }
            target.setPrefixes(new ArrayList<>(prefixes));
            target.setExtensions(new ArrayList<>(extensions));
        }
        List<DynamicCallerId> ids = new ArrayList<>();
        dynamicIds.forEach((code, field) -> {
            if (!field.getValue().isBlank()) {
                DynamicCallerId d = new DynamicCallerId();
                d.setCode(code);
                d.setCallerId(field.getValue().trim());
                ids.add(d);
            }
        });
        reach.setDynamicCallerIds(ids);
        if (me.role() != UiRole.END_USER) {
            reach.setCallBarring(barring.getValue().stream().sorted().toList());
        }
        if (manualStatus.getValue() == null) {
            reach.setManualStatus(null);
        } else {
            ManualStatus m = new ManualStatus();
            m.setStatus(manualStatus.getValue());
            m.setUntil(manualUntil.getValue());
            reach.setManualStatus(m);
        }
        if (overrideDevices.getValue().isEmpty()) {
            reach.setManualDeviceOverride(null);
        } else {
            ManualDeviceOverride o = new ManualDeviceOverride();
            o.setDevices(u.getDevices().stream().map(UserDevice::getName)
                    .filter(overrideDevices.getValue()::contains).toList());
            o.setUntil(overrideUntil.getValue());
            reach.setManualDeviceOverride(o);
        }
        changes.addAll(editors.apply(reach));
        if (store(draft, draft.getUsers().indexOf(u))) {
            current.audit(tenantId, "REACH: save", "user " + u.getNumber() + (changes.isEmpty() ? ""
                    : "; " + String.join(", ", changes)));
            Notification.show(getTranslation("reach.saved", u.getNumber()), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refreshUser(u.getNumber());
        }
    }

    private boolean store(Tenant draft) {
        return store(draft, -1);
    }

    /**
     * Saves through the editor; nothing is stored when it is invalid. Each violation below the shown
     * user's REACH ({@code users[userIndex].reach....}) is shown at its field when one is on the page,
     * the others are listed at the top.
     */
    private boolean store(Tenant draft, int userIndex) {
        errors.removeAll();
        if (readOnly || tenant.getValue() == null || !me.seesTenant(tenant.getValue().id())) { // the server side of the hidden buttons
            errors.add(new ListItem(getTranslation("reach.readOnly")));
            return false;
        }
        Map<String, com.vaadin.flow.component.HasValidation> fields = editors.fields();
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            editor.save(draft);
            return true;
        } catch (InvalidConfigurationException e) {
            errors.add(new ListItem(getTranslation("reach.invalid")));
            Map<com.vaadin.flow.component.HasValidation, List<String>> atField = new LinkedHashMap<>();
            for (Violation v : ViolationMessages.in(e.getViolations(), getLocale())) {
                String relative = userIndex < 0 ? null : ReachEdits.relativePath(v.path(), "users[" + userIndex + "]");
                com.vaadin.flow.component.HasValidation field = relative == null ? null
                        : ReachEdits.candidates(relative).stream().map(fields::get).filter(Objects::nonNull)
                        .findFirst().orElse(null);
                if (field == null) {
                    errors.add(new ListItem(v.toString()));
                } else {
                    atField.computeIfAbsent(field, k -> new ArrayList<>()).add(v.message());
                }
            }
            atField.forEach((field, messages) -> {
                field.setErrorMessage(String.join("; ", messages));
                field.setInvalid(true);
                if (field instanceof Component c) {
                    c.getParent().ifPresent(this::openDetails);
                }
            });
            if (!atField.isEmpty()) {
                errors.add(new ListItem(getTranslation("reach.invalid.atFields", atField.size())));
            }
            errors.scrollIntoView();
            return false;
        }
    }

    /** Opens the collapsed profile editor around a field with an error. */
    private void openDetails(Component c) {
        if (c instanceof com.vaadin.flow.component.details.Details d) {
            d.setOpened(true);
        }
        c.getParent().ifPresent(this::openDetails);
    }

    // ---- add and delete (saved at once; deletes after a confirmation) -------------------------

    private Component adder(String kind, String label, java.util.function.Consumer<String> add) {
        TextField name = new TextField();
        name.setId(kind + "-new-name");
        name.setPlaceholder(getTranslation("reach.newName"));
        Button button = new Button(label, e -> {
            if (!name.getValue().isBlank()) {
                add.accept(name.getValue().trim());
            }
        });
        button.setId(kind + "-add");
        HorizontalLayout line = new HorizontalLayout(name, button);
        line.setId(kind + "-add-line");
        line.setAlignItems(Alignment.BASELINE);
        return line;
    }

    private void addProfile(String name) {
        structural("REACH: add profile", name, r -> {
            ReachEdits.addProfile(r, name);
            return true;
        });
    }

    private void addStatus(String name) {
        structural("REACH: add status", name, r -> {
            ReachEdits.addStatus(r, name);
            return true;
        });
    }

    private void addCallClass(String name) {
        structural("REACH: add call class", name, r -> {
            ReachEdits.addCallClass(r, name);
            return true;
        });
    }

    private void confirmDeleteProfile(String name) {
        confirmDelete(getTranslation("reach.delete.profile", name),
                () -> structural("REACH: delete profile", name, r -> ReachEdits.deleteProfile(r, name)));
    }

    private void confirmDeleteStatus(String name) {
        confirmDelete(getTranslation("reach.delete.status", name),
                () -> structural("REACH: delete status", name, r -> ReachEdits.deleteStatus(r, name)));
    }

    private void confirmDeleteCallClass(String name) {
        confirmDelete(getTranslation("reach.delete.callClass", name),
                () -> structural("REACH: delete call class", name, r -> ReachEdits.deleteCallClass(r, name)));
    }

    private void confirmDelete(String what, Runnable delete) {
        org.reachpbx.ui.ConfirmDelete.open(getTranslation("reach.delete.title"), getTranslation("reach.delete.text",
                what), getTranslation("reach.delete"), getTranslation("reach.cancel"), delete);
    }

    /** One add or delete on a fresh draft, saved at once (unsaved edits of the page are dropped). */
    private void structural(String action, String name, java.util.function.Predicate<ReachConfig> change) {
        UserExtension shown = user.getValue();
        Tenant draft = draft();
        UserExtension u = find(draft, shown.getNumber());
        if (!change.test(u.getReach())) {
            return;
        }
        if (store(draft, draft.getUsers().indexOf(u))) {
            current.audit(tenant.getValue().id(), action, "user " + u.getNumber() + "; " + name);
            Notification.show(getTranslation("reach.saved", u.getNumber()), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refreshUser(u.getNumber());
        }
    }

    private void refreshUser(String number) {
        List<UserExtension> users = draft().getUsers().stream()
                .filter(x -> me.role() != UiRole.END_USER || x.getNumber().equals(me.extension()))
                .sorted(Comparator.comparing(UserExtension::getNumber)).toList();
        user.setItems(users);
        users.stream().filter(x -> x.getNumber().equals(number)).findFirst().ifPresent(user::setValue);
    }

    private static UserExtension find(Tenant tenant, String number) {
        return tenant.getUsers().stream().filter(x -> x.getNumber().equals(number)).findFirst()
                .orElseThrow(() -> new IllegalStateException("user " + number + " is gone"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---- copy, reassign, clear ---------------------------------------------------------------

    /** The whole-configuration actions, on this view's tenant, save and feedback. */
    private ReachTransfers transfers(UserExtension u) {
        return new ReachTransfers(new ReachTransfers.Host() {
            @Override
            public Tenant draft() {
                return ReachView.this.draft();
            }

            @Override
            public boolean store(Tenant draft) {
                return ReachView.this.store(draft);
            }

            @Override
            public void stored(String action, String detail, String message, String number) {
                current.audit(tenant.getValue().id(), action, detail);
                Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refreshUser(number);
            }

            @Override
            public String text(String key, Object... params) {
                return getTranslation(key, params);
            }
        }, u);
    }

    Optional<UserExtension> shown() {
        return Optional.ofNullable(user.getValue());
    }
}
