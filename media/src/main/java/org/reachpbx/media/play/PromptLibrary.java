package org.reachpbx.media.play;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.reachpbx.media.codec.G711;

/**
 * Where prompts come from: WAV files on the classpath ({@code <base>/<lang>/<name>.wav}, languages
 * nl, en, de, falling back to {@link #FALLBACK_LANGUAGE} when a prompt is missing in the asked one),
 * WAV bytes (a tenant's own greeting), tones and silence. Every prompt is decoded once and kept
 * pre-encoded in µ-law and A-law, so playing never transcodes. WAVs must be 8 kHz; 16-bit PCM,
 * µ-law and A-law, mono or stereo are converted by {@code javax.sound.sampled}. Thread-safe.
 */
public final class PromptLibrary {
    public static final String FALLBACK_LANGUAGE = "en";
    public static final String DEFAULT_BASE = "/prompts";
    private static final float RATE = 8000f;
    private static final AudioFormat PCM16 = new AudioFormat(RATE, 16, 1, true, false);
    /** Tone level: about -10 dBFS, loud enough for a beep, far from clipping. */
    private static final double TONE_AMPLITUDE = 10000;

    private final String base;
    private final Map<String, Prompt> cache = new ConcurrentHashMap<>();

    /** Prompts under {@code /prompts} on the classpath. */
    public PromptLibrary() {
        this(DEFAULT_BASE);
    }

    /** Prompts under another classpath folder (tests, a tenant pack). */
    public PromptLibrary(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * The prompt {@code name} in {@code language}, else in English.
     *
     * @throws PromptNotFoundException when neither exists or the file cannot be read
     */
    public Prompt get(String language, String name) {
        String key = language + "/" + name;
        Prompt cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Prompt prompt = load(language, name);
        if (prompt == null && !FALLBACK_LANGUAGE.equals(language)) {
            prompt = load(FALLBACK_LANGUAGE, name);
        }
        if (prompt == null) {
            throw new PromptNotFoundException("prompt '" + name + "' not found for language '" + language
                    + "' nor '" + FALLBACK_LANGUAGE + "' under " + base);
        }
        cache.put(key, prompt);
        return prompt;
    }

    private Prompt load(String language, String name) {
        String path = base + "/" + language + "/" + name + ".wav";
        try (InputStream in = PromptLibrary.class.getResourceAsStream(path)) {
            return in == null ? null : fromWav(name, in.readAllBytes(), 100);
        } catch (IOException e) {
            throw new PromptNotFoundException("prompt " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A prompt from WAV bytes, its volume scaled to {@code volumePercent} (0–100) once, here.
     *
     * @throws PromptNotFoundException when the bytes are not a WAV we can convert to 8 kHz mono
     */
    public static Prompt fromWav(String name, byte[] wav, int volumePercent) {
        if (volumePercent < 0 || volumePercent > 100) {
            throw new IllegalArgumentException("volume " + volumePercent + "%: must be 0..100");
        }
        try (AudioInputStream source = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = source.getFormat();
            if (Math.abs(format.getSampleRate() - RATE) > 1) {
                throw new PromptNotFoundException("prompt '" + name + "' is " + format.getSampleRate()
                        + " Hz; prompts must be 8000 Hz (sox in.wav -r 8000 -c 1 out.wav)");
            }
            byte[] pcm = toPcm16Mono(source, format);
            short[] samples = new short[pcm.length / 2];
            for (int i = 0; i < samples.length; i++) {
                int s = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
                samples[i] = (short) (s * volumePercent / 100);
            }
            return fromSamples(name, samples);
        } catch (UnsupportedAudioFileException | IOException | IllegalArgumentException e) {
            throw new PromptNotFoundException("prompt '" + name + "' is not a usable WAV: " + e.getMessage(), e);
        }
    }

    private static byte[] toPcm16Mono(AudioInputStream source, AudioFormat format) throws IOException {
        AudioInputStream pcm = source;
        if (!format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED) || format.getSampleSizeInBits() != 16
                || format.isBigEndian()) {
            pcm = AudioSystem.getAudioInputStream(new AudioFormat(RATE, 16, format.getChannels(), true, false), pcm);
        }
        if (pcm.getFormat().getChannels() != 1) {
            pcm = AudioSystem.getAudioInputStream(PCM16, pcm);
        }
        return pcm.readAllBytes();
    }

    /** A prompt from 8 kHz 16-bit samples: encodes both laws once. */
    public static Prompt fromSamples(String name, short[] samples) {
        byte[] ulaw = new byte[samples.length];
        byte[] alaw = new byte[samples.length];
        G711.encode(org.reachpbx.media.codec.Codec.PCMU, samples, 0, samples.length, ulaw, 0);
        G711.encode(org.reachpbx.media.codec.Codec.PCMA, samples, 0, samples.length, alaw, 0);
        return new Prompt(name, ulaw, alaw);
    }

    /** A sine tone, e.g. the record beep {@code tone(1000, 400)}. */
    public static Prompt tone(int frequencyHz, int millis) {
        short[] samples = new short[millis * 8];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(TONE_AMPLITUDE * Math.sin(2 * Math.PI * frequencyHz * i / RATE));
        }
        return fromSamples("tone-" + frequencyHz + "Hz-" + millis + "ms", samples);
    }

    /** Silence, e.g. a pause between prompts. */
    public static Prompt silence(int millis) {
        return fromSamples("silence-" + millis + "ms", new short[millis * 8]);
    }
}
