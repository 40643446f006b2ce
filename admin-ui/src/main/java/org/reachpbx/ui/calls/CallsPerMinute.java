package org.reachpbx.ui.calls;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A small bar chart of calls started per minute over the last hour, drawn with plain elements
 * (Vaadin's chart component is commercial): one bar per minute, the newest on the right, each
 * with its minute's count as a tooltip.
 */
final class CallsPerMinute extends Div {

    static final int MINUTES = 60;
    private final Div bars = new Div();
    private final Span summary = new Span();

    CallsPerMinute() {
        setId("dash-cpm");
        bars.getStyle().set("display", "flex").set("align-items", "flex-end").set("gap", "1px")
                .set("height", "60px").set("max-width", "100%").set("border-bottom", "1px solid var(--lumo-contrast-30pct)");
        summary.setId("dash-cpm-summary");
        summary.getStyle().set("font-size", "var(--lumo-font-size-s)");
        add(bars, summary);
    }

    /** Redraws from the start times of the calls of the last hour. */
    void show(List<Instant> starts, Instant now, String summaryText) {
        int[] perMinute = count(starts, now);
        int max = 1;
        for (int n : perMinute) {
            max = Math.max(max, n);
        }
        bars.removeAll();
        for (int i = 0; i < MINUTES; i++) {
            Div bar = new Div();
            int percent = perMinute[i] == 0 ? 0 : Math.max(4, perMinute[i] * 100 / max);
            bar.getStyle().set("flex", "1 1 0").set("min-width", "2px").set("height", percent + "%")
                    .set("background", "var(--lumo-primary-color)");
            bar.getElement().setAttribute("title", perMinute[i] + " @ -" + (MINUTES - 1 - i) + " min");
            bars.add(bar);
        }
        summary.setText(summaryText);
    }

    /** Calls per minute, index 59 the current minute. */
    static int[] count(List<Instant> starts, Instant now) {
        int[] perMinute = new int[MINUTES];
        for (Instant s : starts) {
            long ago = Duration.between(s, now).toMinutes();
            if (ago >= 0 && ago < MINUTES) {
                perMinute[MINUTES - 1 - (int) ago]++;
            }
        }
        return perMinute;
    }
}
