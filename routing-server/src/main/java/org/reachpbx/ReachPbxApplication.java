package org.reachpbx;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The routing server. It lives in the root package so that component, entity and repository
 * scanning covers every module: rules, directory, integrations, admin UI and the server itself.
 */
@SpringBootApplication
public class ReachPbxApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReachPbxApplication.class, args);
    }
}
