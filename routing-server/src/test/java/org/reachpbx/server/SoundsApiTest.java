package org.reachpbx.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reachpbx.ReachPbxApplication;
import org.reachpbx.directory.access.AuditEntry;
import org.reachpbx.directory.access.AuditTrail;
import org.reachpbx.directory.sound.StoredSoundAudioRepository;
import org.reachpbx.directory.sound.StoredSoundRepository;
import org.reachpbx.directory.sound.TestSounds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The sound files of the demo tenant over REST (docs/sounds.md): upload as multipart or as the raw
 * body, list, fetch the converted 8 kHz WAV, replace, delete; every refusal with its status and a
 * sentence naming the problem. The upload limit is 1 MB here, so a too-large file is small to send.
 */
@SpringBootTest(classes = ReachPbxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pbx.sounds.max-upload-size=1MB")
@ActiveProfiles("test")
class SoundsApiTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    AuditTrail audit;
    @Autowired
    StoredSoundRepository sounds;
    @Autowired
    StoredSoundAudioRepository audio;

    private TestRestTemplate http;
    private final ObjectMapper json = new ObjectMapper();
    private long demo;
    private String base;

    @BeforeEach
    void findDemoTenant() throws Exception {
        http = anonymous.withBasicAuth("admin", "demo-admin");
        for (JsonNode t : json.readTree(http.getForObject("/api/tenants", String.class))) {
            if (t.get("name").asText().equals("Demo BV")) {
                demo = t.get("id").asLong();
            }
        }
        assertThat(demo).isPositive();
        base = "/api/tenants/" + demo + "/sounds";
    }

    /** The demo tenant is shared with other tests: leave it without sound files. */
    @AfterEach
    void removeSounds() {
        sounds.findByTenantIdOrderByNameAsc(demo).forEach(s -> {
            audio.deleteById(s.getId());
            sounds.delete(s);
        });
    }

    private ResponseEntity<String> uploadForm(String name, String fileName, byte[] bytes) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity(base + "/" + name, new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> uploadBody(String path, String contentType, byte[] bytes) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return http.postForEntity(path, new HttpEntity<>(bytes, headers), String.class);
    }

    private String error(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody()).get("error").asText();
    }

    @Test
    void uploadListPlayReplaceAndDelete() throws Exception {
        ResponseEntity<String> created = uploadForm("moh/api-tone.wav", "API Tone.wav",
                TestSounds.tone(44100, 2, 16, 440, 1.0, 0.5));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString(base + "/moh/api-tone.wav");
        JsonNode view = json.readTree(created.getBody());
        assertThat(view.get("name").asText()).isEqualTo("moh/api-tone.wav");
        assertThat(view.get("originalFileName").asText()).isEqualTo("API Tone.wav");
        assertThat(view.get("format").asText()).isEqualTo("WAV");
        assertThat(view.get("durationMillis").asLong()).isEqualTo(1000);
        assertThat(view.get("audioSize").asLong()).isEqualTo(44 + 16000);
        AuditEntry entry = audit.latest(1).get(0);
        assertThat(entry.getAction()).isEqualTo("Sounds: upload");
        assertThat(entry.getTenantId()).isEqualTo(demo);
        assertThat(entry.getDetail()).isEqualTo("added moh/api-tone.wav: WAV, 1.0 s, from API Tone.wav"
                + " (POST " + base + "/moh/api-tone.wav)");

        // the raw file as the body, an MP3, named by the query
        ResponseEntity<String> mp3 = uploadBody(base + "/api-intro.mp3?fileName=intro v2.mp3", "audio/mpeg",
                TestSounds.resource("tone-1khz-16k-mono.mp3"));
        assertThat(mp3.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(mp3.getBody()).get("originalFileName").asText()).isEqualTo("intro v2.mp3");
        assertThat(json.readTree(mp3.getBody()).get("format").asText()).isEqualTo("MP3");

        JsonNode list = json.readTree(http.getForObject(base, String.class));
        assertThat(list.findValuesAsText("name")).containsExactly("api-intro.mp3", "moh/api-tone.wav");
        assertThat(list.get(1).get("durationMillis").asLong()).isEqualTo(1000);

        ResponseEntity<byte[]> wav = http.getForEntity(base + "/moh/api-tone.wav", byte[].class);
        assertThat(wav.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(wav.getHeaders().getContentType()).hasToString("audio/wav");
        AudioFormat f = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav.getBody())).getFormat();
        assertThat(f.getSampleRate()).isEqualTo(8000f);
        assertThat(f.getChannels()).isEqualTo(1);
        assertThat(f.getSampleSizeInBits()).isEqualTo(16);
        assertThat(wav.getBody()).hasSize(44 + 16000);

        // the same name again replaces the file: 200; curl's default form content type works too
        ResponseEntity<String> replaced = uploadBody(base + "/moh/api-tone.wav", "application/x-www-form-urlencoded",
                TestSounds.tone(8000, 1, 16, 440, 2.0, 0.5));
        assertThat(replaced.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(replaced.getBody()).get("durationMillis").asLong()).isEqualTo(2000);
        assertThat(audit.latest(1).get(0).getDetail()).startsWith("replaced moh/api-tone.wav: WAV, 2.0 s");

        assertThat(http.exchange(base + "/moh/api-tone.wav", HttpMethod.DELETE, null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(audit.latest(1).get(0).getAction()).isEqualTo("Sounds: delete");
        ResponseEntity<String> gone = http.getForEntity(base + "/moh/api-tone.wav", String.class);
        assertThat(gone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.readTree(http.getForObject(base, String.class)).findValuesAsText("name"))
                .containsExactly("api-intro.mp3");
    }

    @Test
    void refusedUploadsSayWhyWithTheirStatus() throws Exception {
        ResponseEntity<String> text = uploadForm("notes.wav", "notes.wav", "just text".getBytes());
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(error(text)).isEqualTo("the file is neither a WAV nor an MP3 file (judged by its content, not its name)");

        ResponseEntity<String> large = uploadBody(base + "/large.wav", "audio/wav", TestSounds.tone(44100, 2, 16, 440, 6.0, 0.5));
        assertThat(large.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(error(large)).isEqualTo("the file is 1.0 MB; at most 1 MB may be uploaded");
        ResponseEntity<String> largeForm = uploadForm("large.wav", "large.wav", TestSounds.tone(44100, 2, 16, 440, 6.0, 0.5));
        assertThat(largeForm.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

        ResponseEntity<String> silent = uploadForm("silent.wav", "silent.wav", TestSounds.tone(8000, 1, 16, 440, 1.0, 0));
        assertThat(silent.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(error(silent)).contains("silent");

        ResponseEntity<String> adpcm = uploadForm("adpcm.wav", "adpcm.wav", TestSounds.wavWithFormatTag(0x11));
        assertThat(adpcm.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(error(adpcm)).contains("IMA ADPCM");

        ResponseEntity<String> badName = uploadForm("-dash.wav", "x.wav", TestSounds.tone(8000, 1, 16, 440, 1.0, 0.5));
        assertThat(badName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(error(badName)).startsWith("the name '-dash.wav' cannot be used");

        ResponseEntity<String> empty = uploadBody(base + "/empty.wav", "audio/wav", new byte[0]);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(error(empty)).isEqualTo("the upload is empty");

        ResponseEntity<String> noTenant = uploadForm("x.wav", "x.wav", TestSounds.tone(8000, 1, 16, 440, 1.0, 0.5));
        assertThat(http.getForEntity("/api/tenants/999999/sounds", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noTenant.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(http.getForObject(base, String.class)).findValuesAsText("name")).containsExactly("x.wav");
    }

    @Test
    void aFileTheConfigurationUsesCannotBeDeletedAndMissingFilesAreListed() throws Exception {
        // the demo playlist names moh/demo-bv-lounge.mp3, which is not uploaded: a warning, not an error
        JsonNode refs = json.readTree(http.getForObject("/api/tenants/" + demo + "/sound-references", String.class));
        JsonNode lounge = null;
        for (JsonNode r : refs) {
            if (r.get("name").asText().equals("moh/demo-bv-lounge.mp3")) {
                lounge = r;
            }
        }
        assertThat(lounge).isNotNull();
        assertThat(lounge.get("uploaded").asBoolean()).isFalse();
        assertThat(lounge.get("usedBy").get(0).asText()).isEqualTo("musicOnHold[0].file");

        assertThat(uploadBody(base + "/moh/demo-bv-lounge.mp3", "audio/mpeg",
                TestSounds.resource("tone-440hz-44k-stereo.mp3")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode listed = json.readTree(http.getForObject(base, String.class)).get(0);
        assertThat(listed.get("usedBy").get(0).asText()).isEqualTo("musicOnHold[0].file");

        ResponseEntity<String> refused = http.exchange(base + "/moh/demo-bv-lounge.mp3", HttpMethod.DELETE, null, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode body = json.readTree(refused.getBody());
        assertThat(body.get("error").asText()).isEqualTo("the sound file moh/demo-bv-lounge.mp3 is still used by"
                + " musicOnHold[0].file; remove it there first");
        assertThat(body.get("violations").get(0).get("path").asText()).isEqualTo("musicOnHold[0].file");
        assertThat(http.getForEntity(base + "/moh/demo-bv-lounge.mp3", byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
