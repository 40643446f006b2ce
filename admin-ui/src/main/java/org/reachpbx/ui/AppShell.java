package org.reachpbx.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The page around every admin view, the login page included: a favicon (issue 17, defect 9),
 * inline as an SVG data URL, so it needs no static file outside {@code /ui} and no login to fetch;
 * and the few style rules a phone needs (defect 1), inline too, as there is no custom theme.
 */
public class AppShell implements AppShellConfigurator {

    /** A blue rounded square with a white "R". */
    static final String FAVICON = "data:image/svg+xml,"
            + "%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E"
            + "%3Crect width='32' height='32' rx='6' fill='%231676f3'/%3E"
            + "%3Ctext x='16' y='23' font-family='Arial,sans-serif' font-size='20' font-weight='bold' fill='white'"
            + " text-anchor='middle'%3ER%3C/text%3E%3C/svg%3E";

    /**
     * On a phone (390 px) the header keeps the menu, Log out and the language within the screen:
     * the user's name gives way (it is in the menu's tooltip-free header on wider screens) and the
     * header's items may wrap rather than run off the edge.
     */
    static final String NARROW = """
            #pbx-header { flex-wrap: wrap; row-gap: var(--lumo-space-xs); min-width: 0; }
            #current-user { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
            @media (max-width: 640px) {
              #current-user { display: none; }
              #pbx-header h1 { font-size: var(--lumo-font-size-m) !important; }
              #pbx-header vaadin-button { padding: 0 var(--lumo-space-s); margin: 0; }
            }
            """;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", FAVICON, "any");
        settings.addInlineWithContents(NARROW, Inline.Wrapping.STYLESHEET);
    }
}
