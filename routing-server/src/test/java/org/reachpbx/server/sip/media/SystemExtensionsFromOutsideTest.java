package org.reachpbx.server.sip.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reachpbx.directory.integrations.VoicemailState;
import org.reachpbx.directory.sound.SoundFiles;
import org.reachpbx.directory.sound.StoredSound;
import org.reachpbx.integrations.voicemail.VoicemailDeposit;
import org.reachpbx.media.testing.AudioCheck;
import org.reachpbx.media.testing.RtpTestPeer;
import org.reachpbx.media.testing.ToneGenerator;
import org.reachpbx.server.sip.TestPhone;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 920 and 905 from outside through the h12 tenant's system extensions (SYS-01/02): the carrier calls
 * 0301290920 (system extension 850, voicemail management) and 0301290905 (852, sound recording).
 * An outside caller has no channel, so the built-in prompts are Dutch until the call knows more:
 * the voicemail box keyed speaks its own language (VM-01, German here; CH-05).
 */
class SystemExtensionsFromOutsideTest extends MenusTenantSupport {

    @Autowired
    VoicemailDeposit deposit;
    @Autowired
    SoundFiles sounds;

    @Test
    void theVoicemailSystemExtensionOpensABoxInItsLanguageAndSixMakesTheMessageOld() throws Exception {
        voicemail.list(menusTenant, "600", null).forEach(m -> voicemail.delete(menusTenant, "600", m.getId()));
        long id = deposit.deposit(new VoicemailDeposit.Deposit(menusTenant, "600", "0612345678", "Beller", "h12-920",
                null, wav(ToneGenerator.sine(440, Duration.ofMillis(1500))))).getId();
        RtpTestPeer rtp = peer();
        TestPhone carrier = trunk().withMedia(rtp.sdpOffer(List.of("PCMA"), true));
        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301290920");
        connected(call, rtp);
        int at = awaitPrompt(rtp, 0, Duration.ofSeconds(15)); // "enter the mailbox number"
        assertThat(at).isPositive();
        rtp.sendDigits("600#").get(5, TimeUnit.SECONDS);
        int password = awaitPrompt(rtp, at, Duration.ofSeconds(15));
        assertThat(password).as("the password prompt").isPositive();
        long heard = AudioCheck.durationOfSound(RtpTestPeer.audioOf(rtp.received().subList(at, password))).toMillis();
        long german = spoken("de", "vm-enter-password");
        assertThat(heard).as("box 600 speaks German (VM-01)").isBetween(german - 300, german + 300);
        assertThat(Math.abs(heard - spoken("nl", "vm-enter-password"))).as("not Dutch").isGreaterThan(300);
        rtp.sendDigits("3958#").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> AudioCheck.hasTone(audioSince(rtp, password), 440), Duration.ofSeconds(20)))
                .as("the new message is played").isTrue();
        rtp.sendDigits("6").get(5, TimeUnit.SECONDS);
        assertThat(awaitTrue(() -> voicemail.get(menusTenant, "600", id).getState() == VoicemailState.OLD,
                Duration.ofSeconds(10))).as("SYS-01: 920 from outside, 6 made the message old").isTrue();
        call.hangUp();
        voicemail.delete(menusTenant, "600", id);
    }

    @Test
    void theSoundRecordingSystemExtensionSavesWhatAnOutsideCallerSays() throws Exception {
        RtpTestPeer rtp = peer();
        TestPhone carrier = trunk().withMedia(rtp.sdpOffer(List.of("PCMA"), true));
        TestPhone.Call call = carrier.callAsTrunk("0612345678", "0301290905");
        connected(call, rtp);
        assertThat(awaitBeep(rtp, Duration.ofSeconds(15))).as("the tone after 'record after the tone'").isTrue();
        rtp.sendSilence(Duration.ofMillis(300));
        rtp.sendPcm(ToneGenerator.sine(700, Duration.ofMillis(1500)));
        rtp.sendDigits("#").get(10, TimeUnit.SECONDS);
        assertThat(carrier.byes.poll(15, TimeUnit.SECONDS)).as("recording-saved, then released").isNotNull();
        List<StoredSound> saved = sounds.list(menusTenant).stream()
                .filter(s -> s.getName().startsWith("905/extern-")).toList();
        assertThat(saved).as("SND-01 through SYS-01: in the tenant's sound list").hasSize(1);
        short[] audio = AudioCheck.readWav(sounds.find(menusTenant, saved.get(0).getName()).orElseThrow());
        assertThat(AudioCheck.hasTone(audio, 700)).as("what was said").isTrue();
        sounds.delete(menusTenant, saved.get(0).getName());
    }
}
