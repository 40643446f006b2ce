package org.reachpbx.server.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.queue.QueueCallEventRepository;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.server.queue.QueueProperties;
import org.reachpbx.directory.queue.QueueStatistics;
import org.reachpbx.directory.queue.QueueStatistics.Interval;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A queue's statistics (QUE-39) per 15 minutes, hour or day of the tenant's clock, for [from, to)
 * (default: today in the tenant's zone). JSON, or CSV with {@code Accept: text/csv} or
 * {@code format=csv}: one line per interval and one per agent and interval.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/queues/{number}/stats")
public class QueueStatsController {

    private final QueueCallEventRepository events;
    private final TenantRepository tenants;
    private final QueueProperties properties;
    private final Clock clock;

    public QueueStatsController(QueueCallEventRepository events, TenantRepository tenants,
                                ObjectProvider<QueueProperties> properties, Clock clock) {
        this.events = events;
        this.tenants = tenants;
        this.properties = properties.getIfAvailable(QueueProperties::new);
        this.clock = clock;
    }

    public record QueueStats(long tenantId, String queue, String zone, Interval interval, int serviceLevelSeconds,
                             Instant from, Instant to, List<QueueStatistics.Row> intervals) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    public QueueStats stats(@PathVariable long tenantId, @PathVariable String number,
                            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String interval,
                            @RequestParam(required = false) String format) {
        if (format != null && !"json".equalsIgnoreCase(format)) {
            throw new BadRequestException("format must be json or csv");
        }
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("No tenant " + tenantId));
        ZoneId zone = zone(tenant);
        Interval size = interval(interval);
        Instant since = instant("from", from, QueueStatistics.floor(clock.instant(), zone, Interval.DAY).toInstant());
        Instant until = instant("to", to, QueueStatistics.floor(since, zone, Interval.DAY).plusDays(1).toInstant());
        if (!since.isBefore(until)) {
            throw new BadRequestException("from must be before to");
        }
        try {
            return new QueueStats(tenantId, number, zone.getId(), size, properties.getServiceLevelSeconds(), since, until,
                    QueueStatistics.of(events.between(tenantId, number, since, until), since, until, zone, size,
                            properties.getServiceLevelSeconds()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @GetMapping(produces = "text/csv")
    @Transactional(readOnly = true)
    public ResponseEntity<StreamingResponseBody> csv(@PathVariable long tenantId, @PathVariable String number,
                                                     @RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     @RequestParam(required = false) String interval) {
        QueueStats stats = stats(tenantId, number, from, to, interval, null);
        StreamingResponseBody body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("start,end,agent,offered,answered,answered_within_service_level,abandoned,"
                    + "abandoned_average_wait_seconds,left,average_wait_seconds,longest_wait_seconds,talk_seconds,"
                    + "wrap_up_seconds,service_level_percent\r\n");
            for (QueueStatistics.Row r : stats.intervals()) {
                w.write(r.start() + "," + r.end() + ",," + r.offered() + "," + r.answered() + ","
                        + r.answeredWithinServiceLevel() + "," + r.abandoned() + "," + r.abandonedAverageWaitSeconds()
                        + "," + r.left() + "," + r.averageWaitSeconds() + "," + r.longestWaitSeconds() + ","
                        + r.talkSeconds() + "," + r.wrapUpSeconds() + ","
                        + (r.serviceLevelPercent() == null ? "" : r.serviceLevelPercent()) + "\r\n");
                for (QueueStatistics.AgentRow a : r.agents()) {
                    w.write(r.start() + "," + r.end() + "," + CallRecordController.cell(a.agent()) + ",," + a.answered()
                            + ",,,,,,," + a.talkSeconds() + "," + a.wrapUpSeconds() + ",\r\n");
                }
            }
            w.flush();
        };
        return ResponseEntity.ok().contentType(CallRecordController.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("queue-" + number.replaceAll("[^0-9A-Za-z]", "") + "-stats.csv").build().toString())
                .body(body);
    }

    /** The same for {@code format=csv}, where a browser link cannot set Accept. */
    @GetMapping(params = "format=csv")
    public ResponseEntity<StreamingResponseBody> csvByFormat(@PathVariable long tenantId, @PathVariable String number,
                                                             @RequestParam(required = false) String from,
                                                             @RequestParam(required = false) String to,
                                                             @RequestParam(required = false) String interval) {
        return csv(tenantId, number, from, to, interval);
    }

    private static ZoneId zone(Tenant tenant) {
        try {
            return tenant.getTimeZone() == null ? ZoneId.of("Europe/Amsterdam") : ZoneId.of(tenant.getTimeZone());
        } catch (DateTimeException e) {
            return ZoneId.of("Europe/Amsterdam");
        }
    }

    private static Interval interval(String text) {
        if (text == null || text.isBlank()) {
            return Interval.HOUR;
        }
        try {
            return Interval.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("interval must be one of " + List.of(Interval.values()));
        }
    }

    private static Instant instant(String name, String text, Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
        }
    }
}
