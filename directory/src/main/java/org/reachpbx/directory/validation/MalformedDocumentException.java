package org.reachpbx.directory.validation;

import java.util.List;

/** The document could not be read at all (not YAML, unknown field, wrong value type); nothing was stored. */
public class MalformedDocumentException extends InvalidConfigurationException {
    public MalformedDocumentException(List<Violation> violations) {
        super(violations);
    }
}
