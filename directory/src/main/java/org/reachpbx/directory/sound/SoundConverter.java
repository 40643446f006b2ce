package org.reachpbx.directory.sound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * Turns an uploaded MP3 or WAV file into what the media plane plays: 8 kHz mono 16-bit PCM WAV.
 * The format is recognised by the content (a RIFF/WAVE header; an ID3 tag or an MPEG audio frame
 * header), never by the file name. WAV is read with {@code javax.sound.sampled} (PCM of any width,
 * float, µ-law, A-law; any rate; mono or more channels), MP3 with JLayer. Channels are averaged to
 * mono and the rate is changed by {@link Resampler}. Refused, each with one short sentence naming
 * the problem: an empty upload, one larger than the upload limit, anything that is neither WAV nor
 * MP3, an encoding that cannot be decoded, a file that plays longer than the length limit, and one
 * with no audio or only silence (no sample louder than −60 dBFS).
 * <p>
 * No Spring, no database: one instance per limits, safe to share between threads.
 */
public final class SoundConverter {

    /** A sample quieter than this (−60 dBFS) everywhere means the file is silent. */
    static final int SILENCE_PEAK = 33;
    private static final int BLOCK_FRAMES = 4096;

    private final long maxBytes;
    private final Duration maxDuration;

    public SoundConverter(long maxBytes, Duration maxDuration) {
        this.maxBytes = maxBytes;
        this.maxDuration = maxDuration;
    }

    /** The converted audio and what the upload was. */
    public record Converted(SoundFormat format, int sourceRate, int sourceChannels, long durationMillis, byte[] wav) {
    }

    public Converted convert(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new SoundRejectedException(SoundProblem.EMPTY, "the upload is empty");
        }
        if (upload.length > maxBytes) {
            throw tooLarge("is " + megabytes(upload.length));
        }
        SoundFormat format = recognise(upload);
        if (format == null) {
            throw new SoundRejectedException(SoundProblem.UNRECOGNISED,
                    "the file is neither a WAV nor an MP3 file (judged by its content, not its name)");
        }
        Converted converted = format == SoundFormat.WAV ? wav(upload) : mp3(upload);
        return converted;
    }

    /** The largest upload accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The refusal of a file larger than the limit; {@code size} says how large ("is 25.3 MB", "is larger than 20 MB"). */
    public SoundRejectedException tooLarge(String size) {
        return new SoundRejectedException(SoundProblem.TOO_LARGE, "the file " + size + "; at most "
                + megabytes(maxBytes) + " may be uploaded");
    }

    /** WAV or MP3 by the first bytes; null when neither. */
    public static SoundFormat recognise(byte[] b) {
        if (b.length >= 12 && ascii(b, 0, 4).equals("RIFF") && ascii(b, 8, 4).equals("WAVE")) {
            return SoundFormat.WAV;
        }
        if (b.length >= 10 && ascii(b, 0, 3).equals("ID3")) {
            return SoundFormat.MP3;
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xe0) == 0xe0
                && ((b[1] >> 3) & 3) != 1 && ((b[1] >> 1) & 3) != 0 && ((b[2] >> 4) & 0xf) != 0xf) {
            return SoundFormat.MP3; // an MPEG audio frame header: sync, a known version and layer, a valid bit rate
        }
        return null;
    }

    private Converted wav(byte[] upload) {
        AudioInputStream source;
        try {
            source = AudioSystem.getAudioInputStream(new ByteArrayInputStream(upload));
        } catch (UnsupportedAudioFileException e) {
            throw new SoundRejectedException(SoundProblem.UNSUPPORTED_ENCODING, "the WAV file's encoding ("
                    + wavEncodingName(upload) + ") is not supported; save it as PCM, µ-law or A-law");
        } catch (IOException e) {
            throw new SoundRejectedException(SoundProblem.DAMAGED, "the WAV file cannot be read: " + e.getMessage());
        }
        AudioFormat f = source.getFormat();
        int rate = Math.round(f.getSampleRate());
        int channels = f.getChannels();
        if (rate <= 0 || channels <= 0) {
            throw new SoundRejectedException(SoundProblem.DAMAGED, "the WAV file's format is invalid (" + rate
                    + " Hz, " + channels + " channels)");
        }
        if (source.getFrameLength() != AudioSystem.NOT_SPECIFIED && f.getFrameRate() > 0) {
            checkLength((long) (source.getFrameLength() * 1000 / f.getFrameRate()));
        }
        AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.getSampleRate(), 16, channels,
                2 * channels, f.getSampleRate(), false);
        AudioInputStream decoded;
        try {
            decoded = f.matches(pcm) ? source : AudioSystem.getAudioInputStream(pcm, source);
        } catch (IllegalArgumentException e) {
            throw new SoundRejectedException(SoundProblem.UNSUPPORTED_ENCODING, "the WAV file's encoding ("
                    + f.getEncoding() + ", " + f.getSampleSizeInBits() + " bit) is not supported; save it as PCM,"
                    + " µ-law or A-law");
        }
        Resampler resampler = new Resampler(rate);
        try (InputStream in = decoded) {
            byte[] block = new byte[BLOCK_FRAMES * 2 * channels];
            float[] mono = new float[BLOCK_FRAMES];
            int carry = 0;
            while (true) {
                int n = in.read(block, carry, block.length - carry);
                if (n < 0) {
                    break;
                }
                int bytes = carry + n;
                int frames = bytes / (2 * channels);
                ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < frames; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += b.getShort((i * channels + c) * 2);
                    }
                    mono[i] = sum / (32768f * channels);
                }
                resampler.accept(mono, frames);
                carry = bytes - frames * 2 * channels;
                System.arraycopy(block, frames * 2 * channels, block, 0, carry);
            }
        } catch (IOException e) {
            throw new SoundRejectedException(SoundProblem.DAMAGED, "the WAV file cannot be read: " + e.getMessage());
        }
        return finish(SoundFormat.WAV, rate, channels, resampler);
    }

    private Converted mp3(byte[] upload) {
        Bitstream stream = new Bitstream(new ByteArrayInputStream(upload));
        Decoder decoder = new Decoder();
        Resampler resampler = null;
        int rate = 0;
        int channels = 0;
        long frames = 0;
        float[] mono = new float[0];
        try {
            Header header;
            while ((header = stream.readFrame()) != null) {
                SampleBuffer decoded = (SampleBuffer) decoder.decodeFrame(header, stream);
                if (resampler == null) {
                    rate = decoded.getSampleFrequency();
                    channels = decoded.getChannelCount();
                    resampler = new Resampler(rate);
                }
                short[] pcm = decoded.getBuffer();
                int count = decoded.getBufferLength() / channels;
                if (mono.length < count) {
                    mono = new float[count];
                }
                for (int i = 0; i < count; i++) {
                    int sum = 0;
                    for (int c = 0; c < channels; c++) {
                        sum += pcm[i * channels + c];
                    }
                    mono[i] = sum / (32768f * channels);
                }
                resampler.accept(mono, count);
                frames += count;
                if (frames / rate > maxDuration.toSeconds()) {
                    checkLength(frames * 1000 / rate);
                }
                stream.closeFrame();
            }
        } catch (BitstreamException | DecoderException | RuntimeException e) {
            if (e instanceof SoundRejectedException rejected) {
                throw rejected;
            }
            if (resampler == null || frames == 0) {
                throw new SoundRejectedException(SoundProblem.DAMAGED, "the MP3 file cannot be decoded");
            }
            // a damaged tail: keep what played up to there
        } finally {
            try {
                stream.close();
            } catch (BitstreamException ignored) {
                // a byte array: nothing to release
            }
        }
        if (resampler == null) {
            throw new SoundRejectedException(SoundProblem.DAMAGED, "the MP3 file has no audio frames that can be decoded");
        }
        return finish(SoundFormat.MP3, rate, channels, resampler);
    }

    private Converted finish(SoundFormat format, int rate, int channels, Resampler resampler) {
        resampler.finish();
        if (resampler.samples() == 0) {
            throw new SoundRejectedException(SoundProblem.SILENT, "the file contains no audio");
        }
        long millis = resampler.samples() * 1000 / Resampler.RATE;
        checkLength(millis);
        if (resampler.peak() < SILENCE_PEAK) {
            throw new SoundRejectedException(SoundProblem.SILENT, "the file is silent (no sound louder than -60 dBFS)");
        }
        return new Converted(format, rate, channels, millis, TelephoneWav.of(resampler.pcm()));
    }

    private void checkLength(long millis) {
        if (millis > maxDuration.toMillis()) {
            throw new SoundRejectedException(SoundProblem.TOO_LONG, "the file plays " + minutes(millis)
                    + "; at most " + minutes(maxDuration.toMillis()) + " is allowed");
        }
    }

    static String minutes(long millis) {
        long s = (millis + 500) / 1000;
        return s < 60 ? s + " s" : s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    public static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    /** The name of a WAV file's encoding tag, for the message that refuses it. */
    static String wavEncodingName(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 10 <= wav.length) {
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            if (ascii(wav, pos, 4).equals("fmt ")) {
                int tag = b.getShort(pos + 8) & 0xffff;
                return switch (tag) {
                    case 0x0002 -> "Microsoft ADPCM";
                    case 0x0011 -> "IMA ADPCM";
                    case 0x0031 -> "GSM 6.10";
                    case 0x0055 -> "MP3 inside WAV";
                    case 0x0064, 0x0040 -> "G.721 ADPCM";
                    default -> String.format("format tag 0x%04x", tag);
                };
            }
            pos += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - pos - 8);
        }
        return "unknown";
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }
}
