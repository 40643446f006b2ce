package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.sound.SoundFiles;
import org.reachpbx.directory.sound.StoredSound;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.ToneGenerator;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;

/** 905 by phone (SND-01): what Cor says after the tone is in the sound list once he keys #. */
class SoundRecordingTest extends MediaTestSupport {

    @Autowired
    SoundFiles sounds;

    private List<StoredSound> recordings() {
        return sounds.list(mediaTenant).stream().filter(s -> s.getName().startsWith("905/203-")).toList();
    }

    @Test
    void aRecordingEndedWithHashIsSavedInTheSoundListAndAHangUpSavesNothing() throws Exception {
        recordings().forEach(s -> sounds.delete(mediaTenant, s.getName()));
        RtpTestPeer rtp = peer();
        TestPhone cor = mediaPhone("203", rtp, List.of("PCMA"));
        TestPhone.Call call = cor.call("905");
        connected(call, rtp);
        assertThat(awaitBeep(rtp, Duration.ofSeconds(15))).as("the tone").isTrue();
        rtp.sendSilence(Duration.ofMillis(300));
        rtp.sendPcm(ToneGenerator.sine(700, Duration.ofMillis(1500)));
        rtp.sendDigits("#").get(10, TimeUnit.SECONDS);
        assertThat(cor.byes.poll(15, TimeUnit.SECONDS)).as("recording-saved, then released").isNotNull();
        List<StoredSound> saved = recordings();
        assertThat(saved).hasSize(1);
        short[] audio = AudioCheck.readWav(sounds.find(mediaTenant, saved.get(0).getName()).orElseThrow());
        assertThat(AudioCheck.hasTone(audio, 700)).as("what was said").isTrue();
        assertThat(AudioCheck.durationOfSound(audio).toMillis()).isBetween(1300L, 1700L);

        RtpTestPeer again = peer();
        cor.withMedia(again.sdpOffer(List.of("PCMA"), true));
        TestPhone.Call hungUp = cor.call("905");
        connected(hungUp, again);
        assertThat(awaitBeep(again, Duration.ofSeconds(15))).isTrue();
        again.sendPcm(ToneGenerator.sine(700, Duration.ofMillis(1000))).get(5, TimeUnit.SECONDS);
        hungUp.hangUp();
        Thread.sleep(500);
        assertThat(recordings()).as("hang-up before #: nothing more saved").hasSize(1);
        sounds.delete(mediaTenant, saved.get(0).getName());
    }
}
