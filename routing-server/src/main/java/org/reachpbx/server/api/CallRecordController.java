package org.reachpbx.server.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.regex.Pattern;
import org.reachpbx.directory.calls.CallDetailRecord;
import org.reachpbx.directory.calls.CallDetailRecordRepository;
import org.reachpbx.directory.calls.CallDisposition;
import org.reachpbx.directory.calls.CallLegRecord;
import org.reachpbx.directory.calls.CallLegRecordRepository;
import org.reachpbx.directory.calls.CallType;
import org.reachpbx.directory.repository.TenantRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A tenant's call detail records (docs/operations.md): calls that started in [from, to), newest
 * first, optionally of one number, extension or disposition. JSON is one page; CSV ({@code
 * Accept: text/csv} or {@code format=csv}) is every matching record, streamed a page at a time.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/cdrs")
public class CallRecordController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final int MAX_PAGE = 1000;
    private static final Duration DEFAULT_SPAN = Duration.ofDays(7);
    /** A value a spreadsheet would run as a formula; phone numbers such as +31... are left as they are. */
    private static final Pattern FORMULA = Pattern.compile("^[=@\\t\\r].*|^[+-](?![0-9 ]*$).*", Pattern.DOTALL);

    private final CallDetailRecordRepository records;
    private final CallLegRecordRepository legs;
    private final TenantRepository tenants;
    private final Clock clock;

    public CallRecordController(CallDetailRecordRepository records, CallLegRecordRepository legs,
                                TenantRepository tenants, Clock clock) {
        this.records = records;
        this.legs = legs;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** One record as the API shows it. */
    public record CallRecordView(long id, String callId, String callerNumber, String callerName, String callerUser,
                                 String callerChannel, String dialled, String finalDestination,
                                 String answeredByUser, String outcome, List<String> ruleIds, String ruleTrace,
                                 Instant startedAt, Instant answeredAt, Instant endedAt, long durationSeconds,
                                 long billableSeconds, CallDisposition disposition, String cause, int sipStatus,
                                 String forwardedBy, CallType callType, String trunk, List<LegView> legs) {
        static CallRecordView of(CallDetailRecord r, List<LegView> legs) {
            return new CallRecordView(r.getId(), r.getCallId(), r.getCallerNumber(), r.getCallerName(),
                    r.getCallerUser(), r.getCallerChannel(), r.getDialled(), r.getFinalDestination(),
                    r.getAnsweredByUser(), r.getOutcome(),
                    r.getRuleIds() == null || r.getRuleIds().isEmpty() ? List.of() : List.of(r.getRuleIds().split(",")),
                    r.getRuleTrace(), r.getStartedAt(), r.getAnsweredAt(), r.getEndedAt(), r.getDurationSeconds(),
                    r.getBillableSeconds(), r.getDisposition(), r.getCause(), r.getSipStatus(), r.getForwardedBy(),
                    r.getCallType(), r.getTrunk(), legs);
        }
    }

    /** One segment of a call: a ring, a forward, a menu, a media service, a transfer (docs/operations.md). */
    public record LegView(int leg, CallLegRecord.Kind kind, String target, String forwardedBy,
                          CallLegRecord.Outcome outcome, String answeredBy, Instant startedAt, Instant answeredAt,
                          Instant endedAt) {
        static LegView of(CallLegRecord l) {
            return new LegView(l.getPosition(), l.getKind(), l.getTarget(), l.getForwardedBy(), l.getOutcome(),
                    l.getAnsweredBy(), l.getStartedAt(), l.getAnsweredAt(), l.getEndedAt());
        }
    }

    /** A page of records and where it is in the whole. */
    public record CallRecordPage(Instant from, Instant to, int page, int size, long total,
                                 List<CallRecordView> records) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public CallRecordPage list(@PathVariable long tenantId, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String number,
                               @RequestParam(required = false) String user,
                               @RequestParam(required = false) String disposition,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
                               @RequestParam(required = false) String format) {
        if (format != null && !"json".equalsIgnoreCase(format)) {
            throw new BadRequestException("format must be json or csv");
        }
        Filter filter = filter(tenantId, from, to, number, user, disposition);
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw new BadRequestException("page must be 0 or more and size between 1 and " + MAX_PAGE);
        }
        Page<CallDetailRecord> found = filter.page(records, page, size);
        Map<Long, List<LegView>> legsOf = legsOf(found.getContent());
        return new CallRecordPage(filter.from(), filter.to(), page, size, found.getTotalElements(),
                found.getContent().stream().map(r -> CallRecordView.of(r, legsOf.getOrDefault(r.getId(), List.of())))
                        .toList());
    }

    /** Every matching record as CSV, for {@code Accept: text/csv}. */
    @GetMapping(produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> csv(@PathVariable long tenantId,
                                                     @RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     @RequestParam(required = false) String number,
                                                     @RequestParam(required = false) String user,
                                                     @RequestParam(required = false) String disposition) {
        Filter filter = filter(tenantId, from, to, number, user, disposition);
        StreamingResponseBody body = out -> writeCsv(filter, out);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("cdrs-tenant-" + tenantId + ".csv").build().toString())
                .body(body);
    }

    /** The same for {@code format=csv}, where a browser link cannot set Accept. */
    @GetMapping(params = "format=csv")
    public ResponseEntity<StreamingResponseBody> csvByFormat(@PathVariable long tenantId,
                                                             @RequestParam(required = false) String from,
                                                             @RequestParam(required = false) String to,
                                                             @RequestParam(required = false) String number,
                                                             @RequestParam(required = false) String user,
                                                             @RequestParam(required = false) String disposition) {
        return csv(tenantId, from, to, number, user, disposition);
    }

    private Filter filter(long tenantId, String from, String to, String number, String user, String disposition) {
        if (!tenants.existsById(tenantId)) {
            throw new NotFoundException("No tenant " + tenantId);
        }
        Instant until = instant("to", to, clock.instant());
        Instant since = instant("from", from, until.minus(DEFAULT_SPAN));
        if (!since.isBefore(until)) {
            throw new BadRequestException("from must be before to");
        }
        return new Filter(tenantId, since, until, blankToNull(number), blankToNull(user), disposition(disposition));
    }

    private record Filter(long tenantId, Instant from, Instant to, String number, String user,
                          CallDisposition disposition) {
        Page<CallDetailRecord> page(CallDetailRecordRepository records, int page, int size) {
            return records.search(tenantId, from, to, number, user, disposition, PageRequest.of(page, size));
        }
    }

    static final String[] COLUMNS = {"id", "call_id", "started_at", "answered_at", "ended_at", "duration_seconds",
            "billable_seconds", "disposition", "sip_status", "cause", "call_type", "caller_number", "caller_name",
            "caller_user", "caller_channel", "dialled", "final_destination", "answered_by_user", "forwarded_by",
            "trunk", "outcome", "rule_ids", "legs"};

    private void writeCsv(Filter filter, java.io.OutputStream out) throws java.io.IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(String.join(",", COLUMNS));
        w.write("\r\n");
        for (int p = 0; ; p++) {
            Page<CallDetailRecord> chunk = filter.page(records, p, MAX_PAGE);
            Map<Long, List<LegView>> legsOf = legsOf(chunk.getContent());
            for (CallDetailRecord r : chunk.getContent()) {
                Object[] values = {r.getId(), r.getCallId(), r.getStartedAt(), r.getAnsweredAt(), r.getEndedAt(),
                        r.getDurationSeconds(), r.getBillableSeconds(), r.getDisposition(), r.getSipStatus(),
                        r.getCause(), r.getCallType(), r.getCallerNumber(), r.getCallerName(), r.getCallerUser(),
                        r.getCallerChannel(), r.getDialled(), r.getFinalDestination(), r.getAnsweredByUser(),
                        r.getForwardedBy(), r.getTrunk(), r.getOutcome(), r.getRuleIds(),
                        legsCell(legsOf.getOrDefault(r.getId(), List.of()))};
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(cell(values[i]));
                }
                w.write("\r\n");
            }
            w.flush();
            if (!chunk.hasNext()) {
                return;
            }
        }
    }

    /** The legs of a page of records, in one query rather than one per record. */
    private Map<Long, List<LegView>> legsOf(List<CallDetailRecord> page) {
        if (page.isEmpty()) {
            return Map.of();
        }
        return legs.ofRecords(page.stream().map(CallDetailRecord::getId).toList()).stream()
                .collect(Collectors.groupingBy(l -> l.getRecord().getId(), LinkedHashMap::new,
                        Collectors.mapping(LegView::of, Collectors.toList())));
    }

    /** The legs in one CSV cell: "RING 201 BUSY > RING 203 ANSWERED". */
    static String legsCell(List<LegView> legs) {
        return legs.stream().map(l -> l.kind() + (l.target() == null ? "" : " " + l.target()) + " " + l.outcome())
                .collect(Collectors.joining(" > "));
    }

    /** RFC 4180 quoting; a value a spreadsheet would run as a formula gets a leading quote mark. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (FORMULA.matcher(s).matches()) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.startsWith("'")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
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

    private static CallDisposition disposition(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CallDisposition.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("disposition must be one of " + List.of(CallDisposition.values()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
