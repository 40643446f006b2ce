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
     * header's items may wrap rather than run off the edge. Below 640 px every row of controls
     * (toolbars, a field beside its buttons) wraps instead of running off the screen, no field is
     * wider than the screen (a date-time picker's two halves share the width), and a grid keeps its
     * row buttons on one line. {@code UiPhoneWidthTest} checks every view against this.
     */
    static final String NARROW = """
            #pbx-header { flex-wrap: wrap; row-gap: var(--lumo-space-xs); min-width: 0; }
            #current-user { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; }
            @media (max-width: 640px) {
              #current-user { display: none; }
              #pbx-header h1 { font-size: var(--lumo-font-size-m) !important; }
              #pbx-header vaadin-button { padding: 0 var(--lumo-space-s); margin: 0; }
              vaadin-horizontal-layout { flex-wrap: wrap; }
              vaadin-grid vaadin-horizontal-layout { flex-wrap: nowrap; }
              vaadin-text-field, vaadin-password-field, vaadin-email-field, vaadin-integer-field,
              vaadin-number-field, vaadin-text-area, vaadin-combo-box, vaadin-multi-select-combo-box,
              vaadin-select, vaadin-date-picker, vaadin-time-picker, vaadin-date-time-picker,
              vaadin-upload, vaadin-checkbox-group, vaadin-form-layout { max-width: 100%; }
              vaadin-date-time-picker { --vaadin-field-default-width: 8.5em; }
              vaadin-date-time-picker > vaadin-date-picker, vaadin-date-time-picker > vaadin-time-picker {
                min-width: 0; flex: 1 1 0;
              }
              vaadin-vertical-layout > *, vaadin-horizontal-layout > * { max-width: 100%; min-width: 0; }
              vaadin-vertical-layout > vaadin-grid, vaadin-vertical-layout > vaadin-horizontal-layout { align-self: stretch; }
            }
            #np-week { max-width: 100%; overflow-x: auto; }
            """;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", FAVICON, "any");
        settings.addInlineWithContents(NARROW, Inline.Wrapping.STYLESHEET);
    }
}
