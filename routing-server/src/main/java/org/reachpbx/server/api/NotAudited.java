package org.reachpbx.server.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A POST endpoint that changes nothing (a simulation, a validation): {@link ApiAudit} records nothing. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface NotAudited {

    /** Why nothing changes. */
    String value();
}
