package org.reachpbx.server.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.reachpbx.directory.recording.CallRecording;
import org.reachpbx.directory.recording.CallRecordingRepository;
import org.reachpbx.media.record.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recordings kept: a WAV file in {@code pbx.recordings.directory} and a row with the call's
 * metadata; deleted together, by a user or after the retention (REC-02).
 */
public class RecordingStore {

    private static final Logger log = LoggerFactory.getLogger(RecordingStore.class);

    private final CallRecordingRepository rows;
    private final RecordingProperties properties;
    private final Clock clock;

    public RecordingStore(CallRecordingRepository rows, RecordingProperties properties, Clock clock) {
        this.rows = rows;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores one recorded call: the file first, so a row never names a missing file. */
    @Transactional
    public CallRecording store(long tenantId, String callId, String user, String caller, String destination,
                               Instant startedAt, Recording callerSide, Recording calleeSide) throws IOException {
        Path folder = folder().resolve(Long.toString(tenantId));
        Files.createDirectories(folder);
        String name = tenantId + "/" + startedAt.toEpochMilli() + "-" + Integer.toHexString(callId.hashCode()) + "-"
                + user + ".wav";
        Path file = folder().resolve(name);
        long samples;
        try (OutputStream out = Files.newOutputStream(file)) {
            samples = StereoWav.write(callerSide.wav(), calleeSide.wav(), out);
        }
        CallRecording r = new CallRecording();
        r.setTenantId(tenantId);
        r.setCallId(callId.length() > 100 ? callId.substring(0, 100) : callId);
        r.setUserExtension(user);
        r.setCaller(caller);
        r.setDestination(destination);
        r.setStartedAt(startedAt);
        r.setDurationMillis(samples / 8);
        r.setAudioSize(Files.size(file));
        r.setAudioFile(name);
        return rows.save(r);
    }

    public Optional<CallRecording> find(long id) {
        return rows.findById(id);
    }

    public List<CallRecording> ofTenant(long tenantId) {
        return rows.findByTenantIdOrderByStartedAtDesc(tenantId);
    }

    public Path file(CallRecording r) {
        return folder().resolve(r.getAudioFile());
    }

    /** Deletes the recording's file and row. */
    @Transactional
    public void delete(CallRecording r) {
        try {
            Files.deleteIfExists(file(r));
        } catch (IOException e) {
            log.warn("Recording file {} not deleted: {}", r.getAudioFile(), e.toString());
        }
        rows.deleteById(r.getId());
    }

    /** REC-02: deletes every recording older than the retention (31 days); the number deleted. */
    @Transactional
    public int purge() {
        Instant before = clock.instant().minus(properties.getRetention());
        List<CallRecording> old = rows.findByStartedAtBefore(before);
        old.forEach(this::delete);
        if (!old.isEmpty()) {
            log.info("Deleted {} call recordings older than {} days", old.size(), properties.getRetention().toDays());
        }
        return old.size();
    }

    private Path folder() {
        return Path.of(properties.getDirectory());
    }

    Duration maxLength() {
        return properties.getMaxLength();
    }
}
