package org.reachpbx.directory.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.core.util.RequestPayload;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.reachpbx.directory.validation.MalformedDocumentException;
import org.reachpbx.directory.validation.Violation;

/**
 * What the tenant format refuses although YAML allows it, each with the line: an alias
 * ({@code *name}; Jackson would read the anchor's name as a text), a second document after
 * {@code ---} (it would be ignored) and bytes that are not UTF-8 (they would become U+FFFD).
 */
final class StrictYaml {

    private StrictYaml() {
    }

    /** Thrown by {@link Parser}: something YAML allows that the tenant format refuses. */
    static final class RefusedConstructException extends StreamReadException {
        RefusedConstructException(JsonParser parser, String message) {
            super(parser, message, parser.currentTokenLocation());
        }

        @Override
        public RefusedConstructException withParser(JsonParser parser) {
            _processor = parser;
            return this;
        }

        @Override
        public RefusedConstructException withRequestPayload(RequestPayload payload) {
            _requestPayload = payload;
            return this;
        }
    }

    /**
     * Refuses aliases. Every {@code next…} method of {@link JsonParser} goes through
     * {@link #nextToken()} here, so no token reaches the deserializers unchecked.
     */
    static final class Parser extends JsonParserDelegate {
        private final YAMLParser yaml;

        Parser(JsonParser yaml) {
            super(yaml);
            this.yaml = (YAMLParser) yaml;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            if (yaml.isCurrentAlias()) {
                throw new RefusedConstructException(this, "aliases (*" + yaml.getText()
                        + ") are not allowed: write the value out");
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }
    }

    /** After the tenant: nothing more, in particular no second document. */
    static void requireEnd(JsonParser parser) throws IOException {
        JsonToken next = parser.nextToken();
        if (next != null) {
            throw new RefusedConstructException(parser, "a second document (after ---) is not allowed:"
                    + " one tenant per document");
        }
    }

    /** The bytes as UTF-8 (a leading byte order mark is dropped); anything else is refused with its line. */
    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new MalformedDocumentException(List.of(new Violation("", String.format(
                    "the document is not UTF-8: byte 0x%02X (line %d) is not valid UTF-8", bytes[at] & 0xff, line))));
        }
        out.flip();
        if (out.hasRemaining() && out.charAt(0) == '\uFEFF') {
            out.position(1);
        }
        return out.toString();
    }
}
