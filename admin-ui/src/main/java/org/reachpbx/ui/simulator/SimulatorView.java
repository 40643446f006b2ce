package org.reachpbx.ui.simulator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import org.reachpbx.directory.store.TenantStore;
import org.reachpbx.directory.store.TenantStore.TenantSummary;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.rules.attempt.CallAttempt;
import org.reachpbx.rules.decision.FiredRule;
import org.reachpbx.rules.decision.RoutingDecision;
import org.reachpbx.rules.engine.RoutingEngine;
import org.reachpbx.rules.view.TenantView;
import org.reachpbx.rules.vocabulary.DeviceType;
import org.reachpbx.ui.Grids;
import org.reachpbx.ui.MainLayout;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.Roles;
import org.reachpbx.ui.i18n.ConstantLabels;

/**
 * The routing simulator: what the rules decide for a call, at any date and time, and which rules
 * fired, with the same engine, tenant view and analyst tables as live calls. Nothing is changed.
 */
@Route(value = "simulator", layout = MainLayout.class)
@PageTitle("ReachPBX – Simulator")
@RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.ANALYST})
public class SimulatorView extends VerticalLayout {

    static final String FROM_TRUNK = "sim.from.trunk";
    static final String FROM_DEVICE = "sim.from.device";

    private final TenantViewCache views;
    private final RoutingEngine engine;
    private final Clock clock;

    private final ComboBox<TenantSummary> tenant = new ComboBox<>(getTranslation("sim.tenant"));
    private final RadioButtonGroup<String> from = new RadioButtonGroup<>(getTranslation("sim.call"));
    private final TextField caller = new TextField(getTranslation("sim.caller"));
    private final TextField callerExtension = new TextField(getTranslation("sim.callerExtension"));
    private final TextField channel = new TextField(getTranslation("sim.channel"));
    private final ComboBox<DeviceType> deviceType = new ComboBox<>(getTranslation("sim.deviceType"));
    private final TextField dialled = new TextField(getTranslation("sim.dialled"));
    private final DateTimePicker time = new DateTimePicker(getTranslation("sim.time"));
    private final H3 outcome = new H3();
    private final Pre decision = new Pre();
    private final Grid<FiredRule> trace = new Grid<>();

    public SimulatorView(TenantStore store, TenantViewCache views, RoutingEngine engine, Clock clock,
                         CurrentUser current) {
        this.views = views;
        this.engine = engine;
        this.clock = clock;
        List<TenantSummary> tenants = store.list().stream().filter(t -> current.user().seesTenant(t.id())).toList();
        tenant.setItems(tenants);
        tenant.setItemLabelGenerator(TenantSummary::name);
        tenants.stream().findFirst().ifPresent(tenant::setValue);
        from.setItems(FROM_TRUNK, FROM_DEVICE);
        from.setItemLabelGenerator(key -> getTranslation(key));
        from.setValue(FROM_TRUNK);
        from.addValueChangeListener(e -> showFields());
        deviceType.setItems(DeviceType.values());
        deviceType.setItemLabelGenerator(d -> org.reachpbx.ui.config.Labels.choice(DeviceType.class, d.name(), this::getTranslation));
        deviceType.setClearButtonVisible(true);
        tenant.setId("sim-tenant");
        caller.setId("sim-caller");
        callerExtension.setId("sim-caller-extension");
        channel.setId("sim-channel");
        dialled.setId("sim-dialled");
        time.setId("sim-time");
        org.reachpbx.ui.i18n.UiTexts.localize(time, getLocale());
        outcome.setId("outcome");
        decision.setId("decision");
        decision.getStyle().set("white-space", "pre-wrap");
        trace.setId("trace");
        Button simulate = new Button(getTranslation("sim.simulate"), e -> simulate());
        simulate.setId("simulate");
        simulate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(tenant, from, caller, callerExtension, channel, deviceType, dialled, time);
        trace.addColumn(r -> org.reachpbx.ui.i18n.RuleSentences.sentence(r, this::getTranslation)).setHeader(getTranslation("sim.rule")).setAutoWidth(true).setFlexGrow(0);
        trace.addColumn(FiredRule::requirement).setHeader(getTranslation("sim.requirement")).setAutoWidth(true).setFlexGrow(0);
        trace.addColumn(r -> org.reachpbx.ui.i18n.RuleDetails.inText(r.detail(), this::getTranslation)).setHeader(getTranslation("sim.detail")).setFlexGrow(1);
        trace.setAllRowsVisible(true);
        Grids.sortable(trace); // unsorted it keeps the order in which the rules fired
        showFields();
        add(new H2(getTranslation("sim.title")), new Paragraph(getTranslation("sim.intro")),
                form, simulate, outcome, decision, new H3(getTranslation("sim.fired")), trace);
    }

    private void showFields() {
        boolean device = FROM_DEVICE.equals(from.getValue());
        caller.setVisible(!device);
        callerExtension.setVisible(device);
        channel.setVisible(device);
        deviceType.setVisible(device);
    }

    private void simulate() {
        if (tenant.getValue() == null || dialled.isEmpty()) {
            error(getTranslation("sim.missing"));
            return;
        }
        TenantView view = views.byId(tenant.getValue().id()).orElse(null);
        if (view == null) {
            error(getTranslation("sim.tenantGone"));
            return;
        }
        try {
            RoutingDecision result = engine.decide(attempt(view), view, clock);
            outcome.setText(DecisionText.outcome(result, this::getTranslation));
            decision.setText(String.join("\n", DecisionText.lines(result, this::getTranslation)));
            trace.setItems(result.trace() == null ? List.of() : result.trace());
        } catch (IllegalArgumentException e) {
            error(ConstantLabels.inText(e.getMessage(), this::getTranslation));
        }
    }

    private CallAttempt attempt(TenantView view) {
        boolean device = FROM_DEVICE.equals(from.getValue());
        CallAttempt.Builder b = device
                ? CallAttempt.fromDevice(blankToNull(callerExtension.getValue()), blankToNull(channel.getValue()),
                        dialled.getValue().trim())
                : CallAttempt.fromTrunk(blankToNull(caller.getValue()), dialled.getValue().trim());
        if (device && deviceType.getValue() != null) {
            b.deviceType(deviceType.getValue());
        }
        if (time.getValue() != null) {
            b.time(time.getValue().atZone(view.zone()).toInstant());
        }
        return b.build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void error(String message) {
        Notification.show(message, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
