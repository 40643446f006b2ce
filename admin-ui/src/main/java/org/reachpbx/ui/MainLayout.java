package org.reachpbx.ui;

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
import jakarta.annotation.security.PermitAll;
import org.reachpbx.ui.access.CurrentUser;
import org.reachpbx.ui.access.PbxUser;

/** The frame of every admin page: title, the logged-in user, logout and the views this role may open. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser current, AccessAnnotationChecker access) {
        PbxUser user = current.user();
        H1 title = new H1("ReachPBX");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span who = new Span(user.getUsername() + " (" + user.role() + ")");
        who.setId("current-user");
        Button logout = new Button("Log out", e -> current.logout());
        logout.setId("logout");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        add(nav, access, "Tenants", TenantsView.class);
        add(nav, access, "Simulator", org.reachpbx.ui.simulator.SimulatorView.class);
        add(nav, access, "Rule tables", org.reachpbx.ui.tables.RuleTablesView.class);
        add(nav, access, "Audit", AuditView.class);
        addToDrawer(nav);
    }

    private static void add(SideNav nav, AccessAnnotationChecker access, String label,
                            Class<? extends com.vaadin.flow.component.Component> view) {
        if (access.hasAccess(view)) {
            nav.addItem(new SideNavItem(label, view));
        }
    }
}
