package org.reachpbx.directory;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the directory module alone (JPA, Flyway, validation) for its tests. */
@SpringBootApplication
public class DirectoryTestApplication {
}
