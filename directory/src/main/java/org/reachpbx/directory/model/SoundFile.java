package org.reachpbx.directory.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;

/** One MP3/WAV file of a playlist (music on hold, infotainment) with its volume (MOH-01). */
@Embeddable
@Getter
@Setter
public class SoundFile {
    @NotBlank
    @Size(max = 255)
    @Column(name = "file", nullable = false)
    private String file;
    @Min(0)
    @Max(100)
    @Column(name = "volume", nullable = false)
    private int volume = 100;
}
