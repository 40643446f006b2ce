package org.reachpbx.media.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated prompts in src/main/resources/prompts match media/prompts (README and texts). */
class PromptFilesTest {
    private static final Path PROMPTS = Path.of("prompts");
    private static final Path RESOURCES = Path.of("src/main/resources/prompts");
    private static final List<String> LANGUAGES = List.of("nl", "en", "de");

    @Test
    void everyNameInTheReadmeIsThereInDutchEnglishAndGerman() throws IOException {
        List<String> names = readmeNames();
        assertThat(names).hasSizeGreaterThan(200).contains("vm-greeting-default", "number-99", "day-31", "hour-23");
        List<String> missing = new ArrayList<>();
        for (String lang : LANGUAGES) {
            for (String name : names) {
                if (PromptFilesTest.class.getResource("/prompts/" + lang + "/" + name + ".wav") == null) {
                    missing.add(lang + "/" + name);
                }
            }
        }
        assertThat(missing).as("prompts listed in media/prompts/README.md without a WAV").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en", "de"})
    void theTextsTheReadmeAndTheWavFilesNameTheSamePrompts(String lang) throws IOException {
        Set<String> texts = textNames(lang);
        assertThat(texts).isEqualTo(new TreeSet<>(readmeNames()));
        try (Stream<Path> files = Files.list(RESOURCES.resolve(lang))) {
            Set<String> wavs = new TreeSet<>(files.map(p -> p.getFileName().toString().replaceFirst("\\.wav$", "")).toList());
            assertThat(wavs).as("WAVs in %s: regenerate with media/prompts/generate.sh", lang).isEqualTo(texts);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en", "de"})
    void everyPromptIsAnEightKilohertzMonoWavWithSpeechInIt(String lang) throws Exception {
        for (String name : textNames(lang)) {
            String resource = "/prompts/" + lang + "/" + name + ".wav";
            try (InputStream in = PromptFilesTest.class.getResourceAsStream(resource)) {
                AudioFormat format = AudioSystem.getAudioFileFormat(new java.io.BufferedInputStream(in)).getFormat();
                assertThat(format.getEncoding()).as(resource).isEqualTo(AudioFormat.Encoding.ULAW);
                assertThat(format.getSampleRate()).as(resource).isEqualTo(8000f);
                assertThat(format.getChannels()).as(resource).isEqualTo(1);
            }
            short[] audio = read(resource);
            Duration length = AudioCheck.duration(audio);
            assertThat(length).as(resource).isBetween(Duration.ofMillis(300), Duration.ofSeconds(15));
            assertThat(AudioCheck.durationOfSound(audio)).as(resource).isGreaterThan(Duration.ofMillis(150));
            // trimmed: the 50 ms lead-in, then (perhaps soft) speech; the 100 ms tail, and no more
            assertThat(AudioCheck.firstSound(audio, 30)).as(resource).isLessThan(8 * 80);
            assertThat(audio.length - AudioCheck.lastSound(audio, 30)).as(resource).isLessThan(8 * 130);
        }
    }

    @Test
    void theVoicemailGreetingReadsWithJavaSoundAndIsSpeech() {
        short[] greeting = read("/prompts/en/vm-greeting-default.wav");
        assertThat(AudioCheck.duration(greeting)).isGreaterThan(Duration.ofSeconds(3));
        assertThat(AudioCheck.dbfs(AudioCheck.rms(greeting))).isBetween(-35.0, -12.0);
        assertThat(AudioCheck.durationOfSound(greeting).toMillis()).isGreaterThan(AudioCheck.duration(greeting).toMillis() / 2);
        assertThat(AudioCheck.dtmfDigits(greeting)).isEmpty();
    }

    @Test
    void musicOnHoldIsAboutTenQuietSecondsAndTheBeepIsOneKilohertz() {
        short[] moh = read("/prompts/moh/default.wav");
        assertThat(AudioCheck.duration(moh)).isEqualTo(Duration.ofSeconds(10));
        assertThat(AudioCheck.durationOfSound(moh)).isGreaterThan(Duration.ofSeconds(8));
        assertThat(AudioCheck.dbfs(AudioCheck.rms(moh))).isBetween(-30.0, -16.0);

        short[] beep = read("/prompts/tones/beep.wav");
        assertThat(AudioCheck.duration(beep)).isEqualTo(Duration.ofMillis(400));
        assertThat(AudioCheck.dominantTone(beep)).isBetween(995.0, 1005.0);
    }

    @Test
    void differentPromptsAreToldApart() {
        short[] a = read("/prompts/nl/vm-menu-new.wav");
        short[] b = read("/prompts/nl/vm-menu-main.wav");
        assertThat(AudioCheck.similarity(a, a)).isGreaterThan(0.99);
        assertThat(AudioCheck.similarity(a, G711.decodeAlaw(G711.encodeAlaw(a)))).isGreaterThan(0.95);
        assertThat(AudioCheck.similarity(a, b)).isLessThan(0.6);
    }

    private static short[] read(String resource) {
        try (InputStream in = PromptFilesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return AudioCheck.readWav(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> textNames(String lang) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(PROMPTS.resolve("texts").resolve(lang + ".properties"), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    /** The names between the prompt-names markers of the README, with {a..b} ranges expanded. */
    static List<String> readmeNames() throws IOException {
        String readme = Files.readString(PROMPTS.resolve("README.md"));
        int start = readme.indexOf("<!-- prompt-names:start -->");
        int end = readme.indexOf("<!-- prompt-names:end -->");
        assertThat(start).isNotNegative();
        List<String> names = new ArrayList<>();
        Pattern range = Pattern.compile("(.*)\\{(\\d+)\\.\\.(\\d+)}(.*)");
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("<!--") || line.startsWith("```")) {
                continue;
            }
            for (String word : line.trim().split("\\s+")) {
                Matcher m = range.matcher(word);
                if (m.matches()) {
                    for (int i = Integer.parseInt(m.group(2)); i <= Integer.parseInt(m.group(3)); i++) {
                        names.add(m.group(1) + i + m.group(4));
                    }
                } else {
                    names.add(word);
                }
            }
        }
        return names;
    }
}
