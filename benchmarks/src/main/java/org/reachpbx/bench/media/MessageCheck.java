package org.reachpbx.bench.media;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpPcap;

/**
 * Checks the messages the media benchmark left (benchmarks/media/run-media.sh) over the REST API
 * (docs/integrations.md): every message of the box is fetched and its sound compared with the
 * capture SIPp played, as SippMediaInteropTest does for one: the sound (10 ms windows above the
 * silence threshold) and its span (first to last sound). A lost frame shortens the sound, a
 * stretched or late one lengthens the span. Prints one summary line and {@code key=value} lines,
 * then deletes the messages (so the next step starts with an empty box).
 *
 * <pre>java -cp … org.reachpbx.bench.media.MessageCheck http://127.0.0.1:18190 admin:demo-admin 1 600 message.pcap</pre>
 */
public final class MessageCheck {

    private static final Pattern ID = Pattern.compile("\\{\\s*\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: MessageCheck <base url> <user:password> <tenant id> <box> <sent.pcap>");
            System.exit(2);
        }
        String base = args[0] + "/api/tenants/" + args[2] + "/voicemail/" + args[3] + "/messages";
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        short[] sent = RtpPcap.audio(RtpPcap.read(Path.of(args[4])));
        long sentSound = AudioCheck.durationOfSound(sent).toMillis();
        long sentSpan = AudioCheck.soundSpan(sent, AudioCheck.SILENCE).toMillis();

        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create(base)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<Long> ids = new ArrayList<>();
        Matcher m = ID.matcher(list);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        int within20 = 0;
        int within100 = 0;
        long minSound = Long.MAX_VALUE;
        long maxSound = Long.MIN_VALUE;
        long minSpan = Long.MAX_VALUE;
        long maxSpan = Long.MIN_VALUE;
        for (long id : ids) {
            byte[] wav = http.send(HttpRequest.newBuilder(URI.create(base + "/" + id + "/audio")).header("Authorization", auth)
                    .build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            short[] stored = AudioCheck.readWav(wav);
            long dSound = AudioCheck.durationOfSound(stored).toMillis() - sentSound;
            long dSpan = AudioCheck.soundSpan(stored, AudioCheck.SILENCE).toMillis() - sentSpan;
            minSound = Math.min(minSound, dSound);
            maxSound = Math.max(maxSound, dSound);
            minSpan = Math.min(minSpan, dSpan);
            maxSpan = Math.max(maxSpan, dSpan);
            if (Math.abs(dSound) <= 20 && Math.abs(dSpan) <= 20) {
                within20++;
            }
            if (Math.abs(dSound) <= 100 && Math.abs(dSpan) <= 100) {
                within100++;
            }
            http.send(HttpRequest.newBuilder(URI.create(base + "/" + id)).header("Authorization", auth).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        if (ids.isEmpty()) {
            minSound = maxSound = minSpan = maxSpan = 0;
        }
        System.out.printf(Locale.ROOT, "messages=%d%nwithin20=%d%nwithin100=%d%nsound_delta_min_ms=%d%nsound_delta_max_ms=%d%n"
                        + "span_delta_min_ms=%d%nspan_delta_max_ms=%d%nsent_sound_ms=%d%nsent_span_ms=%d%n",
                ids.size(), within20, within100, minSound, maxSound, minSpan, maxSpan, sentSound, sentSpan);
    }
}
