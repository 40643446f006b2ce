package org.reachpbx.directory.sound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoundNamesTest {

    @Test
    void aNameIsAReferenceThatIsAlsoASafePath() {
        assertThat(SoundNames.valid("moh/demo-bv-lounge.mp3")).isTrue();
        assertThat(SoundNames.valid("prompts/600-begroeting.wav")).isTrue();
        assertThat(SoundNames.valid("_intro")).isTrue();
        assertThat(SoundNames.valid("")).isFalse();
        assertThat(SoundNames.valid("../etc/passwd")).isFalse();
        assertThat(SoundNames.valid("/absolute.wav")).isFalse();
        assertThat(SoundNames.valid("moh//double.wav")).isFalse();
        assertThat(SoundNames.valid("with space.wav")).isFalse();
        assertThat(SoundNames.valid("a".repeat(256))).isFalse();
    }

    @Test
    void anUploadedFileNameBecomesAUsableName() {
        assertThat(SoundNames.fromFileName("C:\\music\\Wachtmuziek 1.mp3")).isEqualTo("Wachtmuziek-1.mp3");
        assertThat(SoundNames.fromFileName("/home/x/.hidden.wav")).isEqualTo("hidden.wav");
        assertThat(SoundNames.fromFileName("Café Mélodie.wav")).isEqualTo("Caf-M-lodie.wav");
        assertThat(SoundNames.fromFileName(null)).isEqualTo("sound");
        assertThat(SoundNames.valid(SoundNames.fromFileName("x".repeat(300) + ".mp3"))).isTrue();
    }
}
