package org.reachpbx.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import org.reachpbx.ui.i18n.UiTexts;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;

/** The frame of every admin page: title, the logged-in user, logout and the views this role may open. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser current, AccessAnnotationChecker access) {
        PbxUser user = current.user();
        H1 title = new H1("ReachPBX");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        // the role's label, never its constant (TENANT_ADMIN): issue 17, defect 2
        Span who = new Span(user.getUsername() + " (" + org.reachpbx.ui.config.Labels.choice(
                org.reachpbx.directory.access.UiRole.class, user.role().name(), this::getTranslation) + ")");
        who.setId("current-user");
        Button logout = new Button(getTranslation("app.logout"), e -> current.logout());
        logout.setId("logout");
        // The other language, for this browser session; the page is drawn again in it.
        Button language = new Button(getTranslation("app.language"), e -> {
            Locale next = UiTexts.DUTCH.getLanguage().equals(getLocale().getLanguage()) ? UiTexts.ENGLISH : UiTexts.DUTCH;
            VaadinSession.getCurrent().setLocale(next);
            UI.getCurrent().getPage().reload();
        });
        language.setId("language");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who, language, logout);
        header.setId("pbx-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        if (!current.is(org.reachpbx.directory.access.UiRole.END_USER) // an end user's start page is the own REACH
                && !current.is(org.reachpbx.directory.access.UiRole.RECORDINGS_ACCOUNT) // a recordings login's, the recordings
                && !current.is(org.reachpbx.directory.access.UiRole.RECORDINGS_END_USER)) {
            add(nav, access, getTranslation("nav.tenants"), TenantsView.class);
        }
        add(nav, access, getTranslation("nav.simulator"), org.reachpbx.ui.simulator.SimulatorView.class);
        add(nav, access, getTranslation("nav.ruleTables"), org.reachpbx.ui.tables.RuleTablesView.class);
        add(nav, access, getTranslation("nav.audit"), AuditView.class);
        add(nav, access, getTranslation("nav.config.extensions"), org.reachpbx.ui.config.ExtensionsView.class);
        add(nav, access, getTranslation("nav.config.numberPlans"), org.reachpbx.ui.config.NumberPlansView.class);
        add(nav, access, getTranslation("nav.config.channels"), org.reachpbx.ui.config.ChannelsView.class);
        add(nav, access, getTranslation("nav.config.account"), org.reachpbx.ui.config.AccountView.class);
        add(nav, access, getTranslation("nav.sounds"), org.reachpbx.ui.sounds.SoundsView.class);
        add(nav, access, getTranslation("nav.reach"), org.reachpbx.ui.reach.ReachView.class);
        add(nav, access, getTranslation("nav.voicemail"), org.reachpbx.ui.voicemail.VoicemailView.class);
        add(nav, access, getTranslation("nav.recordings"), org.reachpbx.ui.recordings.RecordingsView.class);
        add(nav, access, getTranslation("nav.uiUsers"), org.reachpbx.ui.users.UsersView.class);
        add(nav, access, getTranslation("nav.outbox"), org.reachpbx.ui.outbox.OutboxView.class);
        add(nav, access, getTranslation("nav.sipEdge"), org.reachpbx.ui.edge.SipEdgeView.class);
        add(nav, access, getTranslation("nav.calls"), org.reachpbx.ui.calls.CallHistoryView.class);
        add(nav, access, getTranslation("nav.queues"), org.reachpbx.ui.queues.QueuesView.class);
        addToDrawer(nav);
    }

    private static void add(SideNav nav, AccessAnnotationChecker access, String label,
                            Class<? extends com.vaadin.flow.component.Component> view) {
        if (access.hasAccess(view)) {
            nav.addItem(new SideNavItem(label, view));
        }
    }
}
