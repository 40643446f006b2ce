package org.reachpbx.server.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST endpoint that changes something: each successful call is recorded in the audit trail by
 * {@link ApiAudit} under this action (the Audit view's "what"), e.g. {@code "Tenants: delete"}.
 * Every POST, PUT, PATCH and DELETE endpoint carries this or {@link NotAudited}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    /** The action, as the admin UI names its own: "Area: verb". */
    String value();
}
