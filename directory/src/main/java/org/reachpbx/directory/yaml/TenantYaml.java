package org.reachpbx.directory.yaml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import org.yaml.snakeyaml.LoaderOptions;
import java.util.List;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.validation.MalformedDocumentException;
import org.reachpbx.directory.validation.Violation;
import org.springframework.stereotype.Component;

/**
 * The tenant YAML format (docs/tenant-yaml.md): the entity tree under {@link Tenant} written and
 * read by Jackson. Unknown fields are errors, so a typo never silently drops a setting; a parse error
 * names the path and the line.
 */
@Component
public class TenantYaml {

    /** Largest document read: room for tenants of about 20,000 users. */
    static final int MAX_DOCUMENT_CODE_POINTS = 64 * 1024 * 1024;

    private final YAMLMapper mapper;
    /** {@link #mapper}, but writing write-only properties too (for {@link #tree}, never for a document). */
    private final YAMLMapper treeMapper;

    public TenantYaml() {
        LoaderOptions loader = new LoaderOptions();
        // SnakeYAML refuses documents over 3 MB by default; a tenant of 1,000 users is ~2.7 MB.
        loader.setCodePointLimit(MAX_DOCUMENT_CODE_POINTS);
        // Aliases are refused by StrictYaml.Parser; these keep SnakeYAML's own composer strict too.
        loader.setMaxAliasesForCollections(0);
        loader.setAllowDuplicateKeys(false);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .stringQuotingChecker(new QuoteTimesAndDates())
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                // Extension numbers and phone numbers are text: quote them so no YAML reader takes
                // 0201110000 for an octal number (times and dates: see QuoteTimesAndDates).
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .build();
        this.mapper = YAMLMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // 29.9 where a whole number is expected is a mistake, not 29.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // Internal fields (id, version, type) are not part of the format: naming them is an error.
                .enable(DeserializationFeature.FAIL_ON_IGNORED_PROPERTIES)
                // "x: null" (or "x:" with no value) means "not set": the default stays. An empty
                // list element ("- ~") means nothing and is refused with its path.
                .defaultSetterInfo(JsonSetter.Value.construct(Nulls.SKIP, Nulls.FAIL))
                // A key given twice is a typo or a merge accident, never intended: refuse it.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .serializationInclusion(JsonInclude.Include.NON_EMPTY)
                .build();
        // "x:" with no value reads as an empty string: for a list or an object it means "not set" too.
        for (LogicalType type : new LogicalType[] {LogicalType.Collection, LogicalType.POJO, LogicalType.Map}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        }
        this.treeMapper = mapper.copy();
        treeMapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public JsonProperty.Access findPropertyAccess(Annotated member) {
                return null;
            }
        });
    }

    /**
     * Reads one tenant document given as bytes, which must be UTF-8: a byte sequence that is not
     * UTF-8 is refused with its line instead of being replaced by U+FFFD.
     */
    public Tenant read(byte[] yaml) {
        return read(StrictYaml.decodeUtf8(yaml));
    }

    /**
     * Reads one tenant document; a malformed document throws {@link MalformedDocumentException}.
     * Strict beyond YAML itself ({@link StrictYaml}): no aliases, one document only, no fraction
     * where a whole number is expected, no key twice.
     */
    public Tenant read(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new MalformedDocumentException(List.of(new Violation("", "the document is empty")));
        }
        try (JsonParser parser = new StrictYaml.Parser(mapper.getFactory().createParser(new StringReader(yaml)))) {
            Tenant tenant = mapper.readValue(parser, Tenant.class);
            if (tenant == null) {
                throw new MalformedDocumentException(List.of(new Violation("", "the document is empty")));
            }
            StrictYaml.requireEnd(parser);
            return tenant;
        } catch (IOException e) {
            throw readFailure(e);
        }
    }

    private static MalformedDocumentException readFailure(IOException failure) {
        // A refused alias deep in the tree arrives wrapped in a JsonMappingException with its path.
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StrictYaml.RefusedConstructException refused) {
                String path = failure instanceof JsonMappingException m ? path(m) : "";
                return new MalformedDocumentException(List.of(new Violation(path, refused.getOriginalMessage()
                        + at(refused.getLocation()))));
            }
        }
        if (failure instanceof JsonMappingException e) {
            return new MalformedDocumentException(List.of(e.getPath().isEmpty() ? new Violation("", rootReason(e))
                    : new Violation(path(e), reason(e))));
        }
        if (failure instanceof JacksonException e) {
            return new MalformedDocumentException(List.of(new Violation("", "not valid YAML" + at(e.getLocation())
                    + ": " + e.getOriginalMessage())));
        }
        return new MalformedDocumentException(List.of(new Violation("", "cannot read the document: "
                + failure.getMessage())));
    }

    /** Writes one tenant document; collections must be loadable (call inside a transaction). */
    public String write(Tenant tenant) {
        try {
            return mapper.writeValueAsString(tenant);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write tenant " + tenant.getName() + " as YAML", e);
        }
    }

    /**
     * The tenant as its document's tree, e.g. to compare two versions: what {@link #write} writes plus
     * the write-only secrets a draft may carry (a new PIN or SIP password), so that a change to them
     * shows; whoever shows the tree masks them ({@code AuditDiff}).
     */
    public com.fasterxml.jackson.databind.JsonNode tree(Tenant tenant) {
        try {
            return treeMapper.valueToTree(tenant);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot write tenant " + tenant.getName() + " as a tree", e);
        }
    }

    /**
     * Quotes, besides what YAML itself needs, times such as {@code 18:00} and dates such as
     * {@code 2026-12-25T00:00:00}: YAML 1.1 readers (PyYAML, SnakeYAML 1.x) would read them as the
     * number 1080 and as a timestamp.
     */
    private static final class QuoteTimesAndDates extends StringQuotingChecker.Default {
        private static final java.util.regex.Pattern TIME_OR_DATE =
                java.util.regex.Pattern.compile("\\d+(:\\d+)+|\\d{4}-\\d{2}-\\d{2}.*");

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || TIME_OR_DATE.matcher(value).matches();
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                p.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!p.isEmpty()) {
                    p.append('.');
                }
                p.append(ref.getFieldName());
            }
        }
        return p.toString();
    }

    /** A problem with the document as a whole: empty, or not a mapping of tenant fields. */
    private static String rootReason(JsonMappingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("end-of-input") || message.contains("empty String")) {
            return "the document is empty";
        }
        return "the document must describe one tenant: a mapping with fields such as name, sipDomain and"
                + " extensionLength" + at(e.getLocation());
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'" + at(e.getLocation())
                    + "; known fields here: " + u.getKnownPropertyIds();
        }
        if (e instanceof PropertyBindingException ignored) {
            return "unknown field '" + ignored.getPropertyName() + "'" + at(e.getLocation())
                    + ": internal fields are not part of the format";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "'" + f.getValue() + "' is not one of " + Arrays.toString(f.getTargetType().getEnumConstants())
                    + at(e.getLocation());
        }
        String message = e.getOriginalMessage();
        int hint = message.indexOf(" (set DeserializationConfig");
        if (hint >= 0) {
            message = message.substring(0, hint);
        }
        return message.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1") + at(e.getLocation());
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? "" : " (line " + location.getLineNr() + ")";
    }
}
