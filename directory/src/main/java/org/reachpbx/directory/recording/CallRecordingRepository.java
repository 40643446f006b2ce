package org.reachpbx.directory.recording;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface CallRecordingRepository extends JpaRepository<CallRecording, Long>,
        JpaSpecificationExecutor<CallRecording> {

    List<CallRecording> findByStartedAtBefore(Instant before);

    List<CallRecording> findByTenantIdOrderByStartedAtDesc(long tenantId);
}
