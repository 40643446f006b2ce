package org.reachpbx.server.recording;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Call recording (REC-01/02): {@code pbx.recordings.*}. */
@ConfigurationProperties("pbx.recordings")
public class RecordingProperties {
    /** Folder of the recordings' WAV files. */
    private String directory = "data/recordings";
    /** Recordings older than this are deleted, file and row (REC-02). */
    private Duration retention = Duration.ofDays(31);
    /** A call longer than this is recorded up to this length. */
    private Duration maxLength = Duration.ofHours(4);

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public Duration getMaxLength() {
        return maxLength;
    }

    public void setMaxLength(Duration maxLength) {
        this.maxLength = maxLength;
    }
}
