package org.reachpbx.rules.queue;

import org.kie.api.definition.type.ClassReactive;

/** 903 (login) or 904 (logout) dialled for this queue now (QUE-10, QUE-11). */
@ClassReactive
public final class LoginRequest {
    private final String extension;
    private final boolean login;
    private boolean decided;

    LoginRequest(String extension, boolean login) {
        this.extension = extension;
        this.login = login;
    }

    public String getExtension() { return extension; }
    public boolean isLogin() { return login; }
    public boolean isDecided() { return decided; }
    public void markDecided() { this.decided = true; }
}
