package org.reachpbx.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.reachpbx.directory.sound.SoundConverter;
import org.reachpbx.directory.sound.SoundFiles;
import org.reachpbx.directory.sound.SoundFormat;
import org.reachpbx.directory.sound.SoundNotFoundException;
import org.reachpbx.directory.sound.StoredSound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A tenant's sound files (docs/sounds.md): upload an MP3 or WAV under the name the configuration
 * refers to (multipart part {@code file}, or the raw file as the body), list them, fetch the
 * converted 8 kHz mono WAV, delete one no longer referred to. A name may contain {@code /}
 * ({@code moh/lounge.mp3}); it is the rest of the path.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}")
public class SoundController {

    private static final MediaType WAV = MediaType.parseMediaType("audio/wav");

    private final SoundFiles sounds;
    private final SoundConverter converter;

    public SoundController(SoundFiles sounds, SoundConverter converter) {
        this.sounds = sounds;
        this.converter = converter;
    }

    /** One sound file; {@code usedBy} lists the places of the configuration that name it. */
    public record SoundView(String name, String originalFileName, SoundFormat format, long durationMillis,
                            long uploadSize, long audioSize, Instant createdAt, List<String> usedBy, String audio) {
        static SoundView of(long tenantId, StoredSound s, List<String> usedBy) {
            return new SoundView(s.getName(), s.getOriginalFileName(), s.getFormat(), s.getDurationMillis(),
                    s.getUploadSize(), s.getAudioSize(), s.getCreatedAt(), usedBy,
                    "/api/tenants/" + tenantId + "/sounds/" + s.getName());
        }
    }

    /** A name the configuration refers to, whether it is uploaded, and where it is used. */
    public record ReferenceView(String name, boolean uploaded, List<String> usedBy) {
    }

    @GetMapping(value = "/sounds", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<SoundView> list(@PathVariable long tenantId) {
        List<StoredSound> list = sounds.list(tenantId);
        Map<String, List<String>> refs = sounds.references(tenantId);
        return list.stream().map(s -> SoundView.of(tenantId, s, refs.getOrDefault(s.getName(), List.of()))).toList();
    }

    /** Every sound name the configuration refers to; {@code uploaded} false = nothing plays there (a warning). */
    @GetMapping(value = "/sound-references", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ReferenceView> references(@PathVariable long tenantId) {
        Map<String, List<String>> missing = sounds.missing(tenantId);
        return sounds.references(tenantId).entrySet().stream()
                .map(e -> new ReferenceView(e.getKey(), !missing.containsKey(e.getKey()), e.getValue())).toList();
    }

    @Audited("Sounds: upload")
    @PostMapping(value = "/sounds/{*name}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SoundView> uploadForm(@PathVariable long tenantId, @PathVariable String name,
                                                @RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > converter.maxBytes()) {
            throw converter.tooLarge("is " + SoundConverter.megabytes(file.getSize()));
        }
        return stored(tenantId, name(name), file.getOriginalFilename(), file.getBytes());
    }

    /**
     * The raw file as the body (any content type but multipart); the query parameter
     * {@code fileName} is kept as its original name. It is read from the query string itself:
     * asking the servlet for a parameter would consume a body sent as a form (curl's default
     * content type for {@code --data-binary}).
     */
    @Audited("Sounds: upload")
    @PostMapping(value = "/sounds/{*name}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SoundView> uploadBody(@PathVariable long tenantId, @PathVariable String name,
                                                HttpServletRequest request) throws IOException {
        long max = converter.maxBytes();
        if (request.getContentLengthLong() > max) {
            throw converter.tooLarge("is " + SoundConverter.megabytes(request.getContentLengthLong()));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (body.length > max) {
            throw converter.tooLarge("is larger than " + SoundConverter.megabytes(max));
        }
        return stored(tenantId, name(name), queryParameter(request, "fileName"), body);
    }

    private static String queryParameter(HttpServletRequest request, String parameter) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals(parameter)) {
                return java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private ResponseEntity<SoundView> stored(long tenantId, String name, String originalFileName, byte[] bytes) {
        SoundFiles.Stored stored = sounds.store(tenantId, name, originalFileName, bytes);
        StoredSound s = stored.sound();
        SoundView view = SoundView.of(tenantId, s, sounds.references(tenantId).getOrDefault(name, List.of()));
        ApiAudit.note((stored.replaced() ? "replaced " : "added ") + name + ": " + s.getFormat() + ", "
                + s.getDurationMillis() / 1000.0 + " s" + (originalFileName == null ? "" : ", from " + originalFileName));
        return stored.replaced() ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create(view.audio())).body(view);
    }

    /** The converted audio: 8 kHz mono 16-bit PCM WAV. */
    @GetMapping(value = "/sounds/{*name}", produces = "audio/wav")
    public ResponseEntity<byte[]> audio(@PathVariable long tenantId, @PathVariable String name) {
        String n = name(name);
        byte[] wav = sounds.find(tenantId, n)
                .orElseThrow(() -> new SoundNotFoundException("tenant " + tenantId + " has no sound file " + n));
        String file = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\.(mp3|wav)$", "") + ".wav";
        return ResponseEntity.ok().contentType(WAV)
                .header("Content-Disposition", ContentDisposition.inline().filename(file).build().toString())
                .body(wav);
    }

    @Audited("Sounds: delete")
    @DeleteMapping("/sounds/{*name}")
    public ResponseEntity<Void> delete(@PathVariable long tenantId, @PathVariable String name) {
        String n = name(name);
        sounds.delete(tenantId, n);
        ApiAudit.note("deleted " + n);
        return ResponseEntity.noContent().build();
    }

    /** The captured rest of the path ({@code /moh/lounge.mp3}) without its leading slash. */
    private static String name(String captured) {
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }
}
