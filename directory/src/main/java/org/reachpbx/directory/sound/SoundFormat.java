package org.reachpbx.directory.sound;

/** The kinds of file a tenant may upload (MOH-01: MP3 and WAV), recognised by their content. */
public enum SoundFormat {
    WAV,
    MP3
}
