package org.reachpbx.server.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.reachpbx.directory.recording.CallRecording;
import org.reachpbx.ui.recordings.RecordingLibrary;

/**
 * Who sees which recordings (REC-03, REC-04): the account role sees, plays, downloads and deletes
 * every recording of its tenant; the end-user role only the user's own (recorded for that user),
 * downloads them as a ZIP and deletes nothing. The one place this is decided, for REST and UI
 * (the viewer types are {@link RecordingLibrary}'s, so the admin UI module can use them).
 */
public class RecordingAccess implements RecordingLibrary {

    private final RecordingStore store;

    public RecordingAccess(RecordingStore store) {
        this.store = store;
    }

    /** The viewer's recordings matching the filter, newest first. */
    @Override
    public List<CallRecording> list(Viewer viewer, Filter f) {
        return store.ofTenant(viewer.tenantId()).stream()
                .filter(r -> sees(viewer, r))
                .filter(r -> f.from() == null || !r.getStartedAt().isBefore(f.from()))
                .filter(r -> f.to() == null || r.getStartedAt().isBefore(f.to()))
                .filter(r -> matches(f.caller(), r.getCaller()))
                .filter(r -> matches(f.destination(), r.getDestination()))
                .filter(r -> f.user() == null || f.user().isBlank() || f.user().equals(r.getUserExtension()))
                .toList();
    }

    /** One recording the viewer may see; empty otherwise (as if it did not exist). */
    @Override
    public Optional<CallRecording> find(Viewer viewer, long id) {
        return store.find(id).filter(r -> sees(viewer, r));
    }

    /** Deletes a recording: the account role only (REC-04: end users cannot delete). */
    @Override
    public void delete(Viewer viewer, CallRecording r) {
        if (!viewer.account()) {
            throw new NotAllowed("end users cannot delete recordings");
        }
        if (!sees(viewer, r)) {
            throw new NotAllowed("not a recording of this account");
        }
        store.delete(r);
    }

    /** The viewer's recordings matching the filter as one ZIP of WAV files (REC-04). */
    @Override
    public void zip(Viewer viewer, Filter f, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (CallRecording r : list(viewer, f)) {
                zip.putNextEntry(new ZipEntry(fileName(r)));
                Files.copy(store.file(r), zip);
                zip.closeEntry();
            }
        }
    }

    /** A download name: when, who called, whom. */
    public static String fileName(CallRecording r) {
        return RecordingLibrary.fileName(r);
    }

    @Override
    public java.nio.file.Path file(CallRecording r) {
        return store.file(r);
    }

    private static boolean sees(Viewer viewer, CallRecording r) {
        return r.getTenantId() == viewer.tenantId()
                && (viewer.account() || (viewer.extension() != null && viewer.extension().equals(r.getUserExtension())));
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.isBlank() || (value != null && value.contains(wanted.trim()));
    }
}
