package org.reachpbx.ui.calls;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.calls.CallDetailRecord;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.reachpbx.directory.calls.CallDisposition;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.access.Roles;
import org.reachpbx.ui.i18n.UiTexts;
import org.springframework.data.domain.PageRequest;

/**
 * Call history (issue 17): a tenant's call detail records, newest first, filtered by time, number,
 * extension and disposition; a row opens the rules that decided the call. Times are in the
 * tenant's time zone, named. A tenant admin sees the own tenant, the platform admin picks one, an
 * end user sees only the calls the own extension made, answered or was dialled on.
 */
@Route(value = "calls", layout = MainLayout.class)
@PageTitle("ReachPBX – Call history")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.END_USER})
public class CallHistoryView extends VerticalLayout {

    static final int SHOWN = 500;

    private final CallDetailRecordRepository records;
    private final org.reachpbx.directory.calls.CallLegRecordRepository legs;
    private final TenantViewCache views;
    private final Clock clock;
    private final PbxUser me;
    private final ComboBox<TenantStore.TenantSummary> tenant = new ComboBox<>();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final TextField number = new TextField();
    private final TextField user = new TextField();
    private final ComboBox<CallDisposition> disposition = new ComboBox<>();
    private final Grid<CallDetailRecord> grid = new Grid<>();
    private final Paragraph count = new Paragraph();

    public CallHistoryView(CallDetailRecordRepository records, TenantStore tenants, TenantViewCache views,
                           CurrentUser current, Clock clock,
                           org.reachpbx.directory.calls.CallLegRecordRepository legs) {
        this.records = records;
        this.legs = legs;
        this.views = views;
        this.clock = clock;
        this.me = current.user();
        tenant.setId("calls-tenant");
        tenant.setLabel(getTranslation("calls.tenant"));
        tenant.setItemLabelGenerator(TenantStore.TenantSummary::name);
        List<TenantStore.TenantSummary> visible = tenants.list().stream().filter(t -> me.seesTenant(t.id()))
                .sorted(Comparator.comparing(TenantStore.TenantSummary::name)).toList();
        tenant.setItems(visible);
        visible.stream().filter(t -> me.tenantId() == null || t.id() == me.tenantId()).findFirst()
                .ifPresent(tenant::setValue);
        tenant.setVisible(me.role() == UiRole.PLATFORM_ADMIN);
        from.setId("calls-from");
        to.setId("calls-to");
        UiTexts.localize(from, getLocale());
        UiTexts.localize(to, getLocale());
        number.setId("calls-number");
        number.setLabel(getTranslation("calls.number"));
        number.setClearButtonVisible(true);
        number.setValueChangeMode(ValueChangeMode.LAZY);
        user.setId("calls-user");
        user.setLabel(getTranslation("calls.user"));
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.setVisible(me.role() != UiRole.END_USER);
        disposition.setId("calls-disposition");
        disposition.setLabel(getTranslation("calls.disposition"));
        disposition.setItems(CallDisposition.values());
        disposition.setItemLabelGenerator(d -> getTranslation("calls.disposition." + d.name()));
        disposition.setClearButtonVisible(true);
        from.setValue(LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), zone()));
        labelTimes();

        grid.setId("calls");
        grid.addColumn(r -> org.reachpbx.ui.Times.format(r.getStartedAt(), zone())).setHeader(getTranslation("calls.started"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.getCallerNumber() == null ? "" : r.getCallerNumber()
                + (r.getCallerUser() == null || r.getCallerUser().equals(r.getCallerNumber()) ? "" : " (" + r.getCallerUser() + ")"))
                .setHeader(getTranslation("calls.caller")).setAutoWidth(true);
        grid.addColumn(r -> text(r.getDialled())).setHeader(getTranslation("calls.dialled")).setAutoWidth(true);
        grid.addColumn(r -> text(r.getFinalDestination())).setHeader(getTranslation("calls.destination")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("calls.disposition." + r.getDisposition().name())
                + (r.getCause() == null ? "" : " – " + org.reachpbx.ui.i18n.RuleDetails.cause(r.getCause(), this::getTranslation))).setHeader(getTranslation("calls.disposition"))
                .setFlexGrow(1);
        grid.addColumn(CallDetailRecord::getDurationSeconds).setHeader(getTranslation("calls.duration")).setAutoWidth(true);
        grid.addColumn(CallDetailRecord::getBillableSeconds).setHeader(getTranslation("calls.billable")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("calls.type." + r.getCallType().name())).setHeader(getTranslation("calls.type"))
                .setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::trace));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);

        tenant.addValueChangeListener(e -> {
            labelTimes();
            refresh();
        });
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        number.addValueChangeListener(e -> refresh());
        user.addValueChangeListener(e -> refresh());
        disposition.addValueChangeListener(e -> refresh());
        FlexLayout filters = new FlexLayout(tenant, from, to, number, user, disposition);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H2(getTranslation("calls.title")), new Paragraph(getTranslation("calls.intro", SHOWN)), filters,
                count, grid);
        refresh();
    }

    private VerticalLayout trace(CallDetailRecord r) {
        Pre trace = new Pre(r.getRuleTrace() == null ? getTranslation("calls.noTrace")
                : org.reachpbx.ui.i18n.RuleSentences.storedTrace(r.getRuleTrace(), this::getTranslation));
        trace.setId("calls-trace-" + r.getId());
        trace.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        Paragraph facts = new Paragraph(getTranslation("calls.facts", text(r.getCallId()), text(r.getOutcome()),
                text(r.getRuleIds()), text(r.getForwardedBy()), text(r.getTrunk()), r.getSipStatus()));
        // The call's segments (forwards, menus, media services), read for the opened row only.
        Pre segments = new Pre(legs.ofRecords(List.of(r.getId())).stream()
                .map(l -> l.getPosition() + ". " + label(l.getKind()) + (l.getTarget() == null ? "" : " " + l.getTarget())
                        + (l.getForwardedBy() == null ? "" : " (" + getTranslation("calls.legForwardedBy", l.getForwardedBy()) + ")")
                        + ": " + label(l.getOutcome()) + (l.getAnsweredBy() == null ? "" : " " + l.getAnsweredBy()))
                .collect(java.util.stream.Collectors.joining("\n")));
        segments.setId("calls-legs-" + r.getId());
        segments.getStyle().set("white-space", "pre-wrap").set("margin", "0");
        VerticalLayout details = new VerticalLayout(facts, segments, trace);
        details.setPadding(false);
        return details;
    }

    /** A segment's kind or outcome by its label ("Ring", "busy"), not its constant. */
    private String label(Enum<?> value) {
        return value == null ? "" : org.reachpbx.ui.config.Labels.choice(value.getDeclaringClass(), value.name(), this::getTranslation);
    }

    private ZoneId zone() {
        Long id = tenant.getValue() == null ? me.tenantId() : Long.valueOf(tenant.getValue().id());
        return id == null ? ZoneOffset.UTC : views.byId(id).map(v -> v.zone()).orElse(ZoneOffset.UTC);
    }

    private void labelTimes() {
        from.setLabel(getTranslation("calls.from", zone().getId()));
        to.setLabel(getTranslation("calls.to", zone().getId()));
    }

    private void refresh() {
        if (tenant.getValue() == null) {
            grid.setItems(List.of());
            count.setText(getTranslation("calls.noTenant"));
            return;
        }
        ZoneId zone = zone();
        Instant until = to.getValue() == null ? clock.instant().plusSeconds(60) : to.getValue().atZone(zone).toInstant();
        Instant since = from.getValue() == null ? Instant.EPOCH : from.getValue().atZone(zone).toInstant();
        String extension = me.role() == UiRole.END_USER ? me.extension() : blank(user.getValue());
        if (me.role() == UiRole.END_USER && extension == null) {
            // An end user without an extension has no calls of their own to see.
            grid.setItems(List.of());
            count.setText(getTranslation("calls.count", 0));
            return;
        }
        var page = records.search(tenant.getValue().id(), since, until, blank(number.getValue()), extension,
                disposition.getValue(), PageRequest.of(0, SHOWN));
        grid.setItems(page.getContent());
        count.setId("calls-count");
        count.setText(getTranslation("calls.count", page.getTotalElements()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String text(Object s) {
        return s == null ? "–" : s.toString();
    }
}
