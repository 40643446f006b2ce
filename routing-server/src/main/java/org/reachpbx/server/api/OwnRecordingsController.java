package org.reachpbx.server.api;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.reachpbx.directory.recording.CallRecording;
import org.reachpbx.directory.view.TenantViewCache;
import org.reachpbx.server.api.RecordingController.RecordingView;
import org.reachpbx.server.recording.RecordingAccess;
import org.reachpbx.ui.access.PbxUser;
import org.reachpbx.ui.recordings.RecordingLibrary;
import org.reachpbx.ui.recordings.RecordingLibrary.Filter;
import org.reachpbx.ui.recordings.RecordingLibrary.NotAllowed;
import org.reachpbx.ui.recordings.RecordingLibrary.Viewer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The call recordings of the login's own tenant, for the web roles "call recordings (account)"
 * (REC-03: all of the tenant's; list, WAV, delete) and "call recordings (end user)" (REC-04: only the
 * own extension's; list, WAV, ZIP; no delete: 403), and for tenant admins as the account role. The
 * same list and filters as {@link RecordingController}; who sees what is {@link RecordingLibrary}'s
 * decision ({@link Viewer#of}); a recording the login may not see answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/recordings")
public class OwnRecordingsController {

    private final RecordingLibrary recordings;
    private final TenantViewCache views;
    private final Clock clock;

    public OwnRecordingsController(RecordingLibrary recordings, TenantViewCache views, Clock clock) {
        this.recordings = recordings;
        this.views = views;
        this.clock = clock;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RecordingView> list(@AuthenticationPrincipal PbxUser me, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String caller,
                                    @RequestParam(required = false) String destination,
                                    @RequestParam(required = false) String user) {
        return recordings.list(viewer(me), filter(me, from, to, caller, destination, user)).stream()
                .map(RecordingView::of).toList();
    }

    /** The filtered list's WAV files as one ZIP (REC-04; the account role may use it too). */
    @GetMapping(value = "/zip", produces = "application/zip")
    public ResponseEntity<StreamingResponseBody> zip(@AuthenticationPrincipal PbxUser me,
                                                     @RequestParam(required = false) String from,
                                                     @RequestParam(required = false) String to,
                                                     @RequestParam(required = false) String caller,
                                                     @RequestParam(required = false) String destination,
                                                     @RequestParam(required = false) String user) {
        Viewer viewer = viewer(me);
        Filter filter = filter(me, from, to, caller, destination, user);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("recordings.zip").build().toString())
                .body(out -> recordings.zip(viewer, filter, out));
    }

    @GetMapping(value = "/{id}", produces = "audio/wav")
    public ResponseEntity<Resource> download(@AuthenticationPrincipal PbxUser me, @PathVariable long id) {
        CallRecording r = recording(me, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(RecordingAccess.fileName(r)).build().toString())
                .body(new FileSystemResource(recordings.file(r)));
    }

    @Audited("Call recordings: delete")
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@AuthenticationPrincipal PbxUser me, @PathVariable long id) {
        CallRecording r = recording(me, id);
        ApiAudit.note(r.getTenantId(), "recording " + id);
        recordings.delete(viewer(me), r);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(NotAllowed.class)
    ResponseEntity<ApiErrors.ErrorBody> notAllowed(NotAllowed e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiErrors.ErrorBody(e.getMessage(), List.of()));
    }

    private CallRecording recording(PbxUser me, long id) {
        return recordings.find(viewer(me), id).orElseThrow(() -> new NotFoundException("No recording " + id));
    }

    private Filter filter(PbxUser me, String from, String to, String caller, String destination, String user) {
        return RecordingQuery.filter(zone(me), clock, from, to, caller, destination, user);
    }

    /** The login's own tenant: these endpoints are for tenant roles (the platform admin names the tenant in the path). */
    private static Viewer viewer(PbxUser me) {
        if (me == null || me.tenantId() == null) {
            throw new NotAllowed("the recordings of a tenant are under /api/tenants/{id}/recordings");
        }
        return Viewer.of(me, me.tenantId());
    }

    private ZoneId zone(PbxUser me) {
        long tenantId = viewer(me).tenantId();
        return views.byId(tenantId).map(v -> v.zone()).orElseThrow(() -> new NotFoundException("No tenant " + tenantId));
    }
}
