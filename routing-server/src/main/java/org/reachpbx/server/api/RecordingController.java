package org.reachpbx.server.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.reachpbx.directory.recording.CallRecording;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.server.recording.RecordingAccess;
import org.reachpbx.ui.recordings.RecordingLibrary.Filter;
import org.reachpbx.ui.recordings.RecordingLibrary.Viewer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's call recordings (REC-03) for the platform admin (the recording roles use
 * {@link OwnRecordingsController}): the list (by default today's, in
 * the tenant's zone; filters on start and end date, caller, destination and user extension), the
 * WAV of one, and deleting one. Visibility is {@link RecordingAccess}'s decision.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/recordings")
public class RecordingController {

    private final RecordingAccess access;
    private final TenantViewCache views;
    private final Clock clock;

    public RecordingController(RecordingAccess access, TenantViewCache views, Clock clock) {
        this.access = access;
        this.views = views;
        this.clock = clock;
    }

    /** One recording as the API shows it. */
    public record RecordingView(long id, String callId, String userExtension, String caller, String destination,
                                Instant startedAt, long durationSeconds, long size) {
        static RecordingView of(CallRecording r) {
            return new RecordingView(r.getId(), r.getCallId(), r.getUserExtension(), r.getCaller(), r.getDestination(),
                    r.getStartedAt(), r.getDurationMillis() / 1000, r.getAudioSize());
        }
    }

    /** {@code from}/{@code to}: dates (yyyy-mm-dd, the tenant's zone, both included); default today ({@link RecordingQuery}). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RecordingView> list(@PathVariable long tenantId, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String caller,
                                    @RequestParam(required = false) String destination,
                                    @RequestParam(required = false) String user) {
        Filter filter = RecordingQuery.filter(zone(tenantId), clock, from, to, caller, destination, user);
        return access.list(Viewer.account(tenantId), filter).stream().map(RecordingView::of).toList();
    }

    @GetMapping(value = "/{id}", produces = "audio/wav")
    public ResponseEntity<Resource> download(@PathVariable long tenantId, @PathVariable long id) {
        CallRecording r = recording(tenantId, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(RecordingAccess.fileName(r)).build().toString())
                .body(new FileSystemResource(access.file(r)));
    }

    @Audited("Call recordings: delete")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long tenantId, @PathVariable long id) {
        access.delete(Viewer.account(tenantId), recording(tenantId, id));
        return ResponseEntity.noContent().build();
    }

    private CallRecording recording(long tenantId, long id) {
        zone(tenantId);
        return access.find(Viewer.account(tenantId), id)
                .orElseThrow(() -> new NotFoundException("No recording " + id + " in tenant " + tenantId));
    }

    private ZoneId zone(long tenantId) {
        return views.byId(tenantId).map(v -> v.zone())
                .orElseThrow(() -> new NotFoundException("No tenant " + tenantId));
    }
}
