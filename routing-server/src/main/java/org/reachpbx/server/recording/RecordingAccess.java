package org.reachpbx.server.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.reachpbx.directory.recording.CallRecording;

/**
 * Who sees which recordings (REC-03, REC-04): the account role sees, plays, downloads and deletes
 * every recording of its tenant; the end-user role only the user's own (recorded for that user),
 * downloads them as a ZIP and deletes nothing. The one place this is decided, for REST and UI.
 */
public class RecordingAccess {

    /** Who asks: the account role, or the end-user role of one user extension. */
    public record Viewer(long tenantId, String extension, boolean account) {
        public static Viewer account(long tenantId) {
            return new Viewer(tenantId, null, true);
        }

        public static Viewer endUser(long tenantId, String extension) {
            return new Viewer(tenantId, extension, false);
        }
    }

    /** The list's filters (REC-03); null: any. {@code to} is exclusive. */
    public record Filter(Instant from, Instant to, String caller, String destination, String user) {
    }

    /** An end user deleting a recording, or anyone touching another tenant's or user's recording. */
    public static class NotAllowed extends RuntimeException {
        NotAllowed(String message) {
            super(message);
        }
    }

    private final RecordingStore store;

    public RecordingAccess(RecordingStore store) {
        this.store = store;
    }

    /** The viewer's recordings matching the filter, newest first. */
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
    public Optional<CallRecording> find(Viewer viewer, long id) {
        return store.find(id).filter(r -> sees(viewer, r));
    }

    /** Deletes a recording: the account role only (REC-04: end users cannot delete). */
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
        String when = r.getStartedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace(':', '-');
        return when + "_" + safe(r.getCaller()) + "_" + safe(r.getDestination()) + ".wav";
    }

    public java.nio.file.Path file(CallRecording r) {
        return store.file(r);
    }

    private static String safe(String s) {
        return s == null ? "anonymous" : s.replaceAll("[^0-9A-Za-z+]", "");
    }

    private static boolean sees(Viewer viewer, CallRecording r) {
        return r.getTenantId() == viewer.tenantId()
                && (viewer.account() || (viewer.extension() != null && viewer.extension().equals(r.getUserExtension())));
    }

    private static boolean matches(String wanted, String value) {
        return wanted == null || wanted.isBlank() || (value != null && value.contains(wanted.trim()));
    }
}
