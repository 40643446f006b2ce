package org.reachpbx.ui.queues;

import java.util.List;
import org.reachpbx.directory.queue.QueueStatistics;

/**
 * A small SVG bar chart of a day (QUE-39), drawn by the view itself (Vaadin's chart component is
 * commercial): per interval a bar of answered calls and, on top of it, abandoned calls in red,
 * each with a tooltip.
 */
public final class DayChart {

    static final int WIDTH = 480;
    static final int HEIGHT = 120;

    private DayChart() {
    }

    public static String svg(List<QueueStatistics.Row> rows) {
        int max = 1;
        for (QueueStatistics.Row r : rows) {
            max = Math.max(max, r.answered() + r.abandoned());
        }
        StringBuilder s = new StringBuilder();
        // drawn in a 480-wide box and scaled to the width there is: as wide as 480 px on a desk,
        // narrower on a phone (390 px, issue 17, defect 1), never wider than the screen
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT + 14)
                .append("\" width=\"100%\" style=\"max-width: ").append(WIDTH).append("px; display: block\" role=\"img\">");
        s.append("<line x1=\"0\" y1=\"").append(HEIGHT).append("\" x2=\"").append(WIDTH).append("\" y2=\"")
                .append(HEIGHT).append("\" stroke=\"#999\"/>");
        double w = rows.isEmpty() ? WIDTH : (double) WIDTH / rows.size();
        for (int i = 0; i < rows.size(); i++) {
            QueueStatistics.Row r = rows.get(i);
            double x = i * w;
            int answered = r.answered() * HEIGHT / max;
            int abandoned = r.abandoned() * HEIGHT / max;
            String title = r.start().toLocalTime() + " " + r.answered() + " / " + r.abandoned();
            if (answered > 0) {
                s.append(rect(x, HEIGHT - answered, w, answered, "#1676f3", title, "answered"));
            }
            if (abandoned > 0) {
                s.append(rect(x, HEIGHT - answered - abandoned, w, abandoned, "#e3342f", title, "abandoned"));
            }
            if (rows.size() <= 24 ? i % 3 == 0 : i % 12 == 0) {
                s.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT + 12)
                        .append("\" font-size=\"10\">").append(r.start().toLocalTime()).append("</text>");
            }
        }
        return s.append("</svg>").toString();
    }

    private static String rect(double x, int y, double w, int h, String color, String title, String kind) {
        return "<rect class=\"" + kind + "\" x=\"" + fmt(x + 1) + "\" y=\"" + y + "\" width=\"" + fmt(Math.max(1, w - 2))
                + "\" height=\"" + h + "\" fill=\"" + color + "\"><title>" + title + "</title></rect>";
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
