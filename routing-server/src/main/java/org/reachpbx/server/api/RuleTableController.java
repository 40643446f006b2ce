package org.reachpbx.server.api;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.reachpbx.directory.validation.MalformedDocumentException;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.rules.tables.TableName;
import org.reachpbx.rules.tables.TableRegistry;
import org.reachpbx.rules.tables.TableState;
import org.reachpbx.rules.tables.TableValidationException;
import org.reachpbx.rules.tables.TableVersion;
import org.reachpbx.rules.tables.TableViolation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The analyst tables over REST (docs/analyst-tables.md): list the versions, read a version's CSV
 * tables, upload a draft, validate it, publish it, roll back. A publish is all-or-nothing: an
 * invalid draft is refused with 422 and the row and reason of every problem, and the active
 * version stays.
 */
@RestController
@RequestMapping("/api/rule-tables")
public class RuleTableController {

    static final String CSV = "text/csv";
    private static final MediaType CSV_UTF8 = MediaType.parseMediaType(CSV + ";charset=UTF-8");
    private static final String ACTIVE = "active";

    private final TableRegistry registry;

    public RuleTableController(TableRegistry registry) {
        this.registry = registry;
    }

    /** One version without its tables. */
    public record VersionSummary(int version, TableState state, boolean active, String author, Instant created,
                                 Instant publishedAt, String publishedBy) {
    }

    public record VersionList(int active, List<VersionSummary> versions) {
    }

    /** One version with links to the CSV text of its tables. */
    public record VersionDetail(int version, TableState state, boolean active, String author, Instant created,
                                Instant publishedAt, String publishedBy, Map<String, String> tables) {
    }

    /** A draft after an upload, with what is still wrong with it (publish refuses it while {@code valid} is false). */
    public record DraftResult(VersionDetail draft, boolean valid, List<TableViolation> violations) {
    }

    public record ValidationResult(int version, boolean valid, List<TableViolation> violations) {
    }

    public record Published(int active, VersionSummary version) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public VersionList list() {
        int active = registry.activeVersion();
        return new VersionList(active, registry.list().stream().map(v -> summary(v, active)).toList());
    }

    /** {@code version} is a number or {@code active}. */
    @GetMapping(value = "/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    public VersionDetail get(@PathVariable String version) {
        return detail(find(version));
    }

    @GetMapping(value = "/{version}/{table}", produces = CSV)
    public ResponseEntity<String> table(@PathVariable String version, @PathVariable String table) {
        TableVersion v = find(version);
        TableName name = tableName(table);
        String text = v.tables().text(name)
                .orElseThrow(() -> new NotFoundException("version " + v.version() + " has no table " + name.id()));
        return ResponseEntity.ok().contentType(CSV_UTF8)
                .header("Content-Disposition", ContentDisposition.inline().filename(name.fileName()).build().toString())
                .body(text);
    }

    /**
     * A new draft from the published version, with the tables of this request replaced: either a
     * {@code multipart/form-data} request with one part per table (the part's name or file name is
     * the table, e.g. {@code region-groups} or {@code region-groups.csv}), or a {@code text/csv} body
     * with {@code ?table=…}.
     */
    @Audited("Rule tables: upload draft")
    @PostMapping(value = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DraftResult> createDraftFromParts(MultipartHttpServletRequest request, Principal user) {
        Map<TableName, String> tables = new EnumMap<>(TableName.class);
        for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
            for (MultipartFile file : part.getValue()) {
                TableName name = TableName.find(part.getKey())
                        .or(() -> TableName.find(file.getOriginalFilename()))
                        .orElseThrow(() -> unknownPart(part.getKey(), file.getOriginalFilename()));
                try {
                    tables.put(name, decode(name, file.getBytes(), charset(file.getContentType())));
                } catch (java.io.IOException e) {
                    throw new MalformedDocumentException(List.of(new Violation(name.id(), "the upload cannot be read")));
                }
            }
        }
        if (tables.isEmpty()) {
            throw new MalformedDocumentException(List.of(new Violation("", "no table in the upload; the parts are named "
                    + tableIds())));
        }
        return created(registry.createDraft(tables, user.getName()));
    }

    @Audited("Rule tables: upload draft")
    @PostMapping(value = "/drafts", consumes = {CSV, MediaType.TEXT_PLAIN_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<DraftResult> createDraftFromCsv(@RequestParam String table, HttpEntity<byte[]> body,
                                                          Principal user) {
        TableName name = tableName(table);
        String text = decode(name, body.getBody(), charset(body.getHeaders().getContentType()));
        return created(registry.createDraft(Map.of(name, text), user.getName()));
    }

    /** Replaces one table of a draft. */
    @Audited("Rule tables: edit draft")
    @PutMapping(value = "/drafts/{draft}/{table}", consumes = {CSV, MediaType.TEXT_PLAIN_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public DraftResult updateDraft(@PathVariable int draft, @PathVariable String table, HttpEntity<byte[]> body,
                                   Principal user) {
        TableName name = tableName(table);
        String text = decode(name, body.getBody(), charset(body.getHeaders().getContentType()));
        DraftResult result = draftResult(registry.updateDraft(draft, Map.of(name, text), user.getName()));
        ApiAudit.note("version " + draft + ", table " + name.id() + (result.valid() ? "" : ", "
                + result.violations().size() + " violations"));
        return result;
    }

    @Audited("Rule tables: discard draft")
    @DeleteMapping("/drafts/{draft}")
    public ResponseEntity<Void> discardDraft(@PathVariable int draft) {
        registry.discardDraft(draft);
        return ResponseEntity.noContent().build();
    }

    /** 200 with {@code valid: true}, or 422 with every violation (table, row, column, message). */
    @NotAudited("a validation changes nothing")
    @PostMapping(value = "/drafts/{draft}/validate", produces = MediaType.APPLICATION_JSON_VALUE)
    public ValidationResult validate(@PathVariable int draft) {
        registry.get(draft);
        List<TableViolation> violations = registry.validate(draft);
        if (!violations.isEmpty()) {
            throw new TableValidationException(violations);
        }
        return new ValidationResult(draft, true, List.of());
    }

    /** 200 with the new active version, or 422 with every violation; the active version then stays. */
    @Audited("Rule tables: publish")
    @PostMapping(value = "/drafts/{draft}/publish", produces = MediaType.APPLICATION_JSON_VALUE)
    public Published publish(@PathVariable int draft, Principal user) {
        TableVersion published = registry.publish(draft, user.getName());
        ApiAudit.note("version " + published.version());
        return new Published(registry.activeVersion(), summary(published, registry.activeVersion()));
    }

    /** Publishes again the previous version, or version {@code to}. */
    @Audited("Rule tables: roll back")
    @PostMapping(value = "/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    public Published rollback(@RequestParam(required = false) Integer to, Principal user) {
        int from = registry.activeVersion();
        TableVersion published = to == null ? registry.rollback(user.getName()) : registry.rollback(to, user.getName());
        ApiAudit.note("from version " + from + " to version " + published.version());
        return new Published(registry.activeVersion(), summary(published, registry.activeVersion()));
    }

    // ---- helpers ----

    private ResponseEntity<DraftResult> created(TableVersion draft) {
        ApiAudit.note("version " + draft.version() + ", tables " + draft.tables().texts().keySet().stream()
                .map(TableName::id).collect(Collectors.joining(", ")));
        return ResponseEntity.created(URI.create("/api/rule-tables/" + draft.version())).body(draftResult(draft));
    }

    private DraftResult draftResult(TableVersion draft) {
        List<TableViolation> violations = registry.validate(draft.version());
        return new DraftResult(detail(draft), violations.isEmpty(), violations);
    }

    private TableVersion find(String version) {
        if (ACTIVE.equalsIgnoreCase(version)) {
            return registry.get(registry.activeVersion());
        }
        try {
            return registry.get(Integer.parseInt(version));
        } catch (NumberFormatException e) {
            throw new NotFoundException("no analyst-table version '" + version + "'");
        }
    }

    private static VersionSummary summary(TableVersion v, int active) {
        return new VersionSummary(v.version(), v.state(), v.version() == active, v.author(), v.created(),
                v.publishedAt(), v.publishedBy());
    }

    private VersionDetail detail(TableVersion v) {
        Map<String, String> links = new LinkedHashMap<>();
        v.tables().texts().keySet().forEach(t -> links.put(t.id(), "/api/rule-tables/" + v.version() + "/" + t.id()));
        return new VersionDetail(v.version(), v.state(), v.version() == registry.activeVersion(), v.author(),
                v.created(), v.publishedAt(), v.publishedBy(), links);
    }

    private static TableName tableName(String table) {
        return TableName.find(table).orElseThrow(() -> new NotFoundException("no analyst table '" + table
                + "'; the tables are " + tableIds()));
    }

    private static MalformedDocumentException unknownPart(String part, String fileName) {
        return new MalformedDocumentException(List.of(new Violation(part, "unknown table '"
                + (fileName == null || fileName.isBlank() ? part : fileName) + "'; the parts are named " + tableIds())));
    }

    private static String tableIds() {
        return Arrays.stream(TableName.values()).map(TableName::id).collect(Collectors.joining(", "));
    }

    private static Charset charset(String contentType) {
        try {
            return contentType == null ? StandardCharsets.UTF_8 : charset(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static Charset charset(MediaType type) {
        return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
    }

    /** The text of an upload; UTF-8 unless the request names another charset, and refused when it is not. */
    private static String decode(TableName table, byte[] bytes, Charset charset) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedDocumentException(List.of(new Violation(table.id(), "the table is empty")));
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedDocumentException(List.of(new Violation(table.id(), "the file is not " + charset.name()
                    + " text; save it as \"CSV UTF-8\" or name its charset in the Content-Type")));
        }
    }
}
