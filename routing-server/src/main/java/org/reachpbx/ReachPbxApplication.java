package org.reachpbx;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The routing server. It lives in the root package so that component, entity and repository
 * scanning covers every module: rules, directory, integrations, admin UI and the server itself.
 * Other Spring Boot applications found on the class path (a module's own test application, in
 * tests) are not scanned: they would register the same beans a second time.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
public class ReachPbxApplication {
    public static void main(String[] args) {
        SpringApplication.run(ReachPbxApplication.class, args);
    }
}
