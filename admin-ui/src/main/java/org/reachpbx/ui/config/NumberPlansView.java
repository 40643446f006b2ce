package org.reachpbx.ui.config;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.reachpbx.directory.model.Holiday;
import org.reachpbx.directory.model.NumberPlan;
import org.reachpbx.directory.model.NumberPlanSchema;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.store.TenantEditor;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.engine.RoutingEngine;
import org.reachpbx.rules.view.SchemaView;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.ui.Grids;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;
import org.reachpbx.ui.i18n.ViolationMessages;

/**
 * Number plan schemas (NP-01): the schemas with their plans and entries, and for the selected
 * schema the active plan now and why (decided by the routing rules, NP-10…NP-14), the manual
 * override, the time configuration as a weekly picture and the holiday table.
 */
@Route(value = "config/number-plans", layout = MainLayout.class)
@PageTitle("ReachPBX – Number plans")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST})
public class NumberPlansView extends VerticalLayout {

    /** A holiday entry and its place in the schema's table. */
    record HolidayRow(int index, Holiday holiday) {
    }

    private final ConfigSupport support;
    private final TenantViewCache views;
    private final RoutingEngine engine;
    private final Clock clock;
    private final ComboBox<TenantStore.TenantSummary> tenant;
    private final ComboBox<Integer> schema = new ComboBox<>();
    private final Span active = new Span();
    private final Div activeTrace = new Div();
    private final Span overrideNow = new Span();
    private final ComboBox<Integer> override = new ComboBox<>();
    private final Div week = new Div();
    private final Div legend = new Div();
    private final Grid<NumberPlan> plans = new Grid<>();
    private final Grid<HolidayRow> holidays = new Grid<>();
    private final TextField hDescription = new TextField();
    private final DateTimePicker hStart = new DateTimePicker();
    private final DateTimePicker hEnd = new DateTimePicker();
    private final ComboBox<Integer> hPlan = new ComboBox<>();
    private final Checkbox hTemporary = new Checkbox();
    private final ListEditor schemas;
    private Map<Integer, String> planNames = Map.of();

    public NumberPlansView(TenantStore store, TenantEditor editor, CurrentUser current, TenantViewCache views,
                           RoutingEngine engine, Clock clock) {
        this.support = new ConfigSupport(store, editor, current);
        this.views = views;
        this.engine = engine;
        this.clock = clock;
        this.tenant = support.tenantPicker(getTranslation("config.tenant"));
        boolean editable = support.canEdit();

        schemas = new ListEditor("np-schemas", "Number plans", List.of(Kinds.schemas()), support,
                () -> tenant.getValue().id(), this::getTranslation, List.of()).compact();
        schemas.afterChange(this::reload);     // a changed schedule or plan redraws the week and the active plan

        schema.setId("np-schema");
        schema.setLabel(getTranslation("config.np.schema"));
        schema.addValueChangeListener(e -> showSchema());
        active.setId("np-active");
        active.getStyle().set("font-weight", "bold");
        activeTrace.setId("np-active-trace");
        activeTrace.getStyle().set("white-space", "pre-line").set("font-size", "var(--lumo-font-size-s)");

        overrideNow.setId("np-override-now");
        override.setId("np-override");
        override.setLabel(getTranslation("config.np.overridePlan"));
        override.setItemLabelGenerator(this::planLabel);
        Button setOverride = new Button(getTranslation("config.np.overrideSet"), e -> confirmOverride(override.getValue()));
        setOverride.setId("np-override-set");
        Button clearOverride = new Button(getTranslation("config.np.overrideClear"), e -> confirmOverride(null));
        clearOverride.setId("np-override-clear");
        HorizontalLayout overrideBar = new HorizontalLayout(override);
        overrideBar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (editable) {
            overrideBar.add(setOverride, clearOverride);
        }

        plans.setId("np-plans");
        plans.addColumn(NumberPlan::getNumber).setHeader(getTranslation("config.np.plan")).setSortable(true).setAutoWidth(true);
        plans.addColumn(NumberPlan::getName).setHeader(getTranslation("config.col.name")).setSortable(true).setAutoWidth(true);
        plans.addColumn(p -> p.getEntries().stream()
                        .map(en -> en.getNumber() + " → " + en.getExtension() + (en.getPrefix() == null ? "" : " (" + en.getPrefix() + ")"))
                        .collect(Collectors.joining(", ")))
                .setHeader(getTranslation("config.np.entries")).setFlexGrow(1);
        plans.setAllRowsVisible(true);
        Grids.sortable(plans);

        week.setId("np-week");
        week.getStyle().set("display", "grid").set("grid-template-columns", "4em repeat(24, 1fr)")
                .set("gap", "1px").set("font-size", "var(--lumo-font-size-xs)").set("width", "100%");
        legend.setId("np-legend");

        holidays.setId("np-holidays");
        holidays.addColumn(r -> r.holiday().getDescription()).setHeader(getTranslation("config.np.description")).setSortable(true).setFlexGrow(1);
        Grids.sortBy(holidays.addColumn(r -> when(r.holiday().getStart())).setHeader(getTranslation("config.np.start")).setAutoWidth(true),
                r -> r.holiday().getStart());
        Grids.sortBy(holidays.addColumn(r -> when(r.holiday().getEnd())).setHeader(getTranslation("config.np.end")).setAutoWidth(true),
                r -> r.holiday().getEnd());
        holidays.addColumn(r -> planLabel(r.holiday().getPlan())).setHeader(getTranslation("config.np.plan")).setSortable(true).setAutoWidth(true);
        holidays.addColumn(r -> r.holiday().isTemporary() ? getTranslation("config.yes") : "").setHeader(getTranslation("config.np.temporary")).setAutoWidth(true);
        holidays.setAllRowsVisible(true);
        Grids.sortable(holidays);
        holidays.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::fillHoliday));
        hDescription.setId("np-h-description");
        hDescription.setLabel(getTranslation("config.np.description"));
        hStart.setId("np-h-start");
        hStart.setLabel(getTranslation("config.np.start"));
        hEnd.setId("np-h-end");
        hEnd.setLabel(getTranslation("config.np.end"));
        org.reachpbx.ui.i18n.UiTexts.localize(hStart, getLocale());
        org.reachpbx.ui.i18n.UiTexts.localize(hEnd, getLocale());
        hPlan.setId("np-h-plan");
        hPlan.setLabel(getTranslation("config.np.plan"));
        hPlan.setItemLabelGenerator(this::planLabel);
        hTemporary.setId("np-h-temporary");
        hTemporary.setLabel(getTranslation("config.np.temporary"));
        for (HasValidation f : List.of(hDescription, hStart, hEnd, hPlan)) {
            f.setManualValidation(true);
        }
        HorizontalLayout holidayForm = new HorizontalLayout(hDescription, hStart, hEnd, hPlan, hTemporary);
        holidayForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        // five fields do not fit beside each other on every screen: they wrap rather than being cut off (issue 17, defect 8)
        holidayForm.getStyle().set("flex-wrap", "wrap");
        holidayForm.setWidthFull();
        holidayForm.setVisible(editable);
        Button add = new Button(getTranslation("config.np.holidayAdd"), e -> saveHoliday(null));
        add.setId("np-h-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button update = new Button(getTranslation("config.np.holidayUpdate"),
                e -> holidays.getSelectedItems().stream().findFirst().ifPresent(r -> saveHoliday(r.index())));
        update.setId("np-h-update");
        Button delete = new Button(getTranslation("config.delete"),
                e -> holidays.getSelectedItems().stream().findFirst().ifPresent(r -> confirmDelete(
                        getTranslation("config.confirmDelete.holiday", r.holiday().getDescription(),
                                when(r.holiday().getStart()), when(r.holiday().getEnd())),
                        () -> deleteHolidays(List.of(r.index()), "delete"))));
        delete.setId("np-h-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button expired = new Button(getTranslation("config.np.deleteExpired"), e -> deleteExpired());
        expired.setId("np-h-delete-expired");
        HorizontalLayout holidayButtons = new HorizontalLayout(add, update, delete, expired);
        holidayButtons.setVisible(editable);

        tenant.addValueChangeListener(e -> reload());
        add(new H2(getTranslation("config.np.title")), tenant, schemas,
                new H3(getTranslation("config.np.selected")), schema,
                new H3(getTranslation("config.np.activeNow")), active, activeTrace,
                new H3(getTranslation("config.np.override")), overrideNow, overrideBar,
                new H3(getTranslation("config.np.plans")), plans,
                new H3(getTranslation("config.np.week")),
                new Paragraph(getTranslation("config.np.weekHelp")), week, legend,
                new H3(getTranslation("config.np.holidays")), holidays, holidayForm, holidayButtons);
        reload();
    }

    private long tenantId() {
        return tenant.getValue().id();
    }

    private void reload() {
        if (tenant.getValue() == null) {
            return;
        }
        schemas.reload();
        Integer selected = schema.getValue();
        List<Integer> numbers = support.read(tenantId()).getNumberPlanSchemas().stream()
                .map(NumberPlanSchema::getNumber).toList();
        schema.setItems(numbers);
        schema.setValue(selected != null && numbers.contains(selected) ? selected : numbers.isEmpty() ? null : numbers.get(0));
        showSchema();
    }

    private Optional<NumberPlanSchema> selectedSchema(Tenant t) {
        return t.getNumberPlanSchemas().stream().filter(s -> s.getNumber().equals(schema.getValue())).findFirst();
    }

    private int schemaIndex(Tenant t) {
        for (int i = 0; i < t.getNumberPlanSchemas().size(); i++) {
            if (t.getNumberPlanSchemas().get(i).getNumber().equals(schema.getValue())) {
                return i;
            }
        }
        throw new IllegalStateException("schema " + schema.getValue() + " no longer exists");
    }

    private String planLabel(Integer plan) {
        if (plan == null) {
            return "";
        }
        String name = planNames.get(plan);
        return name == null ? String.valueOf(plan) : plan + " " + name;
    }

    private void showSchema() {
        if (tenant.getValue() == null || schema.getValue() == null) {
            return;
        }
        Tenant t = support.read(tenantId());
        NumberPlanSchema s = selectedSchema(t).orElse(null);
        if (s == null) {
            return;
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        s.getPlans().forEach(p -> names.put(p.getNumber(), p.getName()));
        planNames = names;
        List<Integer> planNumbers = List.copyOf(names.keySet());
        override.setItems(planNumbers);
        hPlan.setItems(planNumbers);
        overrideNow.setText(s.getManualOverride() == null ? getTranslation("config.np.overrideOff")
                : getTranslation("config.np.overrideOn", planLabel(s.getManualOverride())));
        override.setValue(s.getManualOverride());
        plans.setItems(s.getPlans());
        List<HolidayRow> rows = new ArrayList<>();
        for (int i = 0; i < s.getHolidays().size(); i++) {
            rows.add(new HolidayRow(i, s.getHolidays().get(i)));
        }
        holidays.setItems(rows);
        Optional<TenantView> view = views.byId(tenantId());
        SchemaView schemaView = view.map(v -> v.schemas().get(s.getNumber())).orElse(null);
        drawWeek(schemaView);
        explainActive(view.orElse(null), schemaView);
    }

    private void drawWeek(SchemaView schemaView) {
        week.removeAll();
        legend.removeAll();
        if (schemaView == null) {
            return;
        }
        WeekPicture picture = WeekPicture.of(schemaView.schedule());
        week.add(new Span());
        for (int h = 0; h < 24; h++) {
            week.add(new Span(String.format("%02d", h)));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(new Span(day.getDisplayName(TextStyle.SHORT, getLocale())));
            for (int h = 0; h < 24; h++) {
                Integer plan = picture.planAt(day, h);
                Span cell = new Span(plan == null ? "–" : String.valueOf(plan));
                cell.setId("week-" + day + "-" + h);
                cell.getElement().setAttribute("title", plan == null ? getTranslation("config.np.noPlan") : planLabel(plan));
                cell.getStyle().set("background", WeekPicture.colour(plan)).set("text-align", "center")
                        .set("padding", "2px 0");
                week.add(cell);
            }
        }
        planNames.forEach((number, name) -> {
            Span item = new Span(number + " " + name);
            item.getStyle().set("background", WeekPicture.colour(number)).set("padding", "2px 8px")
                    .set("margin-right", "8px");
            legend.add(item);
        });
        Span none = new Span("– " + getTranslation("config.np.noPlan"));
        none.getStyle().set("background", WeekPicture.colour(null)).set("padding", "2px 8px");
        legend.add(none);
    }

    /**
     * Asks the routing rules: a call from outside to a number of this schema, now. The rules that
     * fired name the reason (NP-10 manual override, NP-12 holiday, NP-13 time schedule, NP-14 none).
     */
    private void explainActive(TenantView view, SchemaView schemaView) {
        activeTrace.setText("");
        if (view == null || schemaView == null) {
            active.setText("");
            return;
        }
        String number = schemaView.plans().values().stream().flatMap(p -> p.entries().keySet().stream())
                .sorted().findFirst().orElse(null);
        if (number == null) {
            active.setText(getTranslation("config.np.noNumbers"));
            return;
        }
        RoutingDecision decision = engine.decide(CallAttempt.fromTrunk(null, number).build(), view, clock);
        List<FiredRule> np = decision.trace().stream().filter(r -> r.rule().startsWith("NP-")).toList();
        String reason = np.stream().map(FiredRule::rule)
                .filter(r -> r.startsWith("NP-10") || r.startsWith("NP-12") || r.startsWith("NP-13") || r.startsWith("NP-14"))
                .findFirst().orElse("");
        Integer plan = reason.startsWith("NP-10") ? schemaView.manualOverride() : activePlanOf(schemaView, view.zone());
        String why = reason.startsWith("NP-10") ? getTranslation("config.np.byOverride")
                : reason.startsWith("NP-12") ? getTranslation("config.np.byHoliday")
                : reason.startsWith("NP-13") ? getTranslation("config.np.bySchedule")
                : getTranslation("config.np.byNothing");
        active.setText(reason.startsWith("NP-14") || plan == null ? why
                : getTranslation("config.np.activeIs", planLabel(plan), why));
        activeTrace.setText(getTranslation("config.np.rules") + "\n" + np.stream()
                .map(r -> org.reachpbx.ui.i18n.RuleSentences.line(r, this::getTranslation))
                .collect(Collectors.joining("\n")));
    }

    /** The plan the holiday table or the schedule gives now (for the label; the rules decide which applies). */
    /** A holiday's wall-clock time in the tenant's zone, named (issue 17, defect 7). */
    private String when(LocalDateTime local) {
        return org.reachpbx.ui.Times.format(local,
                org.reachpbx.ui.Times.zoneOf(tenant.getValue() == null ? null : tenant.getValue().id(), views));
    }

    private Integer activePlanOf(SchemaView s, ZoneId zone) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        Integer holiday = s.holidays().stream().filter(h -> h.covers(now))
                .max(java.util.Comparator.comparing(org.reachpbx.rules.view.HolidayView::start))
                .map(org.reachpbx.rules.view.HolidayView::plan).orElse(null);
        if (holiday != null) {
            return holiday;
        }
        LocalDateTime t = now;
        return s.schedule().stream().filter(e -> e.window().contains(t))
                .min(java.util.Comparator.comparingInt(e -> e.window().minutesPerWeek()))
                .map(org.reachpbx.rules.view.ScheduleEntryView::plan).orElse(null);
    }

    /**
     * A manual override changes at once where every call of the schema goes: it asks first, naming
     * the plan (or that the override ends) (issue 17, defect 6).
     */
    private void confirmOverride(Integer plan) {
        String text = plan == null ? getTranslation("config.np.confirmClear.text")
                : getTranslation("config.np.confirmSet.text", planLabel(plan));
        org.reachpbx.ui.ConfirmDelete.open(getTranslation("config.np.override"), text,
                getTranslation(plan == null ? "config.np.overrideClear" : "config.np.overrideSet"),
                getTranslation("config.cancel"), () -> setOverride(plan));
    }

    private void setOverride(Integer plan) {
        List<Violation> violations = support.save(tenantId(), t -> selectedSchema(t).orElseThrow().setManualOverride(plan),
                "Number plans: " + (plan == null ? "clear manual override" : "set manual override"),
                "schema " + schema.getValue() + (plan == null ? "" : " plan " + plan));
        if (violations.isEmpty()) {
            ConfigSupport.saved(getTranslation("config.saved"));
            showSchema();
        } else {
            ConfigSupport.refused(getTranslation("config.refused"), violations);
        }
    }

    private void fillHoliday(HolidayRow row) {
        Holiday h = row.holiday();
        hDescription.setValue(h.getDescription() == null ? "" : h.getDescription());
        hStart.setValue(h.getStart());
        hEnd.setValue(h.getEnd());
        hPlan.setValue(h.getPlan());
        hTemporary.setValue(h.isTemporary());
    }

    private void clearHolidayForm() {
        hDescription.clear();
        hStart.clear();
        hEnd.clear();
        hPlan.clear();
        hTemporary.clear();
    }

    /** The picked moment; a picker left empty, or holding text it cannot read, has none. */
    private LocalDateTime parse(DateTimePicker field, List<Violation> problems, String name) {
        if (field.getValue() == null) {
            problems.add(new Violation(name, getTranslation(field.isInvalid() ? "config.np.badTime" : "config.required")));
        }
        return field.getValue();
    }

    private void saveHoliday(Integer index) {
        List<Violation> problems = new ArrayList<>();
        Holiday h = new Holiday();
        h.setDescription(hDescription.getValue().isBlank() ? null : hDescription.getValue().trim());
        h.setStart(parse(hStart, problems, "start"));
        h.setEnd(parse(hEnd, problems, "end"));
        h.setPlan(hPlan.getValue());
        h.setTemporary(hTemporary.getValue());
        if (!problems.isEmpty()) {
            showHolidayViolations(problems, "");
            return;
        }
        String[] prefix = new String[1];
        List<Violation> violations = support.save(tenantId(), t -> {
            List<Holiday> list = selectedSchema(t).orElseThrow().getHolidays();
            int i = index == null ? list.size() : index;
            if (index == null) {
                list.add(h);
            } else {
                list.set(index, h);
            }
            prefix[0] = "numberPlanSchemas[" + schemaIndex(t) + "].holidays[" + i + "]";
        }, "Number plans: " + (index == null ? "add holiday" : "update holiday"),
                "schema " + schema.getValue() + " " + h.getDescription() + " " + h.getStart() + " – " + h.getEnd());
        if (violations.isEmpty()) {
            showHolidayViolations(List.of(), "");
            ConfigSupport.saved(getTranslation("config.saved"));
            showSchema();
            if (index == null) {
                clearHolidayForm(); // ready for the next one (issue 17, defect 8)
            }
        } else {
            showHolidayViolations(violations, prefix[0]);
        }
    }

    private void showHolidayViolations(List<Violation> violations, String prefix) {
        Map<String, HasValidation> fields = Map.of("description", hDescription, "start", hStart, "end", hEnd, "plan", hPlan);
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        ViolationPaths.Mapped mapped = ViolationPaths.map(ViolationMessages.in(violations, getLocale()), prefix, fields.keySet());
        mapped.byField().forEach((name, messages) -> {
            fields.get(name).setErrorMessage(String.join("; ", messages));
            fields.get(name).setInvalid(true);
        });
        if (!mapped.unmatched().isEmpty()) {
            ConfigSupport.refused(getTranslation("config.refused"), mapped.unmatched());
        }
    }

    private void deleteHolidays(List<Integer> indexes, String what) {
        List<Violation> violations = support.save(tenantId(), t -> {
            List<Holiday> list = selectedSchema(t).orElseThrow().getHolidays();
            indexes.stream().sorted(java.util.Comparator.reverseOrder()).forEach(i -> list.remove((int) i));
        }, "Number plans: " + what, "schema " + schema.getValue() + ", " + indexes.size() + " holiday entries");
        if (violations.isEmpty()) {
            ConfigSupport.saved(getTranslation("config.saved"));
            showSchema();
        } else {
            ConfigSupport.refused(getTranslation("config.refused"), violations);
        }
    }

    /** Removes the entries whose end has passed in the tenant's time zone. */
    private void deleteExpired() {
        Tenant t = support.read(tenantId());
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneId.of(t.getTimeZone())));
        List<Holiday> list = selectedSchema(t).orElseThrow().getHolidays();
        List<Integer> expired = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).getEnd().isAfter(now)) {
                expired.add(i);
            }
        }
        if (expired.isEmpty()) {
            ConfigSupport.saved(getTranslation("config.np.noneExpired"));
            return;
        }
        confirmDelete(getTranslation("config.confirmDelete.expired", String.valueOf(expired.size())),
                () -> deleteHolidays(expired, "delete expired holidays"));
    }

    /** Asks first, naming what goes; Cancel keeps it. */
    private void confirmDelete(String what, Runnable delete) {
        org.reachpbx.ui.ConfirmDelete.open(getTranslation("config.confirmDelete.title"),
                getTranslation("config.confirmDelete.text", what), getTranslation("config.delete"),
                getTranslation("config.cancel"), delete);
    }
}
