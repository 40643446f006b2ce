package org.reachpbx.ui.recordings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.reachpbx.directory.access.UiRole;
import org.reachpbx.directory.recording.CallRecording;
import org.reachpbx.ui.access.PbxUser;

/**
 * The call recordings as the admin UI and the REST API see them (REC-03, REC-04); the server's
 * recording store implements it. Which recordings a viewer sees, and that only the account role
 * deletes, is decided by the implementation; which viewer a login is, by {@link Viewer#of}.
 */
public interface RecordingLibrary {

    /** Who asks: the account role, or the end-user role of one user extension. */
    record Viewer(long tenantId, String extension, boolean account) {
        public static Viewer account(long tenantId) {
            return new Viewer(tenantId, null, true);
        }

        public static Viewer endUser(long tenantId, String extension) {
            return new Viewer(tenantId, extension, false);
        }

        /**
         * The viewer a login is for a tenant: the platform admin, a tenant admin of that tenant and
         * "call recordings (account)" see the whole account; "call recordings (end user)" the own
         * extension's recordings. Other roles see none.
         *
         * @throws NotAllowed for any other role, or another tenant
         */
        public static Viewer of(PbxUser user, long tenantId) {
            if (!user.seesTenant(tenantId)) {
                throw new NotAllowed("not a recording of this account");
            }
            UiRole role = user.role();
            if (role == UiRole.PLATFORM_ADMIN || role == UiRole.TENANT_ADMIN || role == UiRole.RECORDINGS_ACCOUNT) {
                return account(tenantId);
            }
            if (role == UiRole.RECORDINGS_END_USER && user.extension() != null) {
                return endUser(tenantId, user.extension());
            }
            throw new NotAllowed(role + " has no access to call recordings");
        }
    }

    /** The list's filters (REC-03); null: any. {@code to} is exclusive. */
    record Filter(Instant from, Instant to, String caller, String destination, String user) {
    }

    /** An end user deleting a recording, or anyone touching another tenant's or user's recording. */
    class NotAllowed extends RuntimeException {
        public NotAllowed(String message) {
            super(message);
        }
    }

    /** The viewer's recordings matching the filter, newest first. */
    List<CallRecording> list(Viewer viewer, Filter filter);

    /** One recording the viewer may see; empty otherwise (as if it did not exist). */
    Optional<CallRecording> find(Viewer viewer, long id);

    /** Deletes a recording, file and row: the account role only (REC-04: end users cannot delete). */
    void delete(Viewer viewer, CallRecording recording);

    /** The viewer's recordings matching the filter as one ZIP of WAV files (REC-04). */
    void zip(Viewer viewer, Filter filter, OutputStream out) throws IOException;

    /** The recording's WAV file. */
    Path file(CallRecording recording);

    /** A download name: when, who called, whom. */
    static String fileName(CallRecording r) {
        String when = r.getStartedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace(':', '-');
        return when + "_" + safe(r.getCaller()) + "_" + safe(r.getDestination()) + ".wav";
    }

    private static String safe(String s) {
        return s == null ? "anonymous" : s.replaceAll("[^0-9A-Za-z+]", "");
    }
}
