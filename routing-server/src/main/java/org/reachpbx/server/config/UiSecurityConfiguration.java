package org.reachpbx.server.config;

import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.reachpbx.ui.LoginView;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * The admin UI below {@code /ui}: a login form at {@code /ui/login} (session cookie), and each view
 * open only to the roles its {@code @RolesAllowed} names. HTTP Basic is accepted as well, so that
 * scripts and the platform admin's API credentials can fetch UI pages too.
 */
@Configuration
@SuppressWarnings("deprecation") // VaadinWebSecurity: its successor VaadinSecurityConfigurer is new in 24.9
public class UiSecurityConfiguration extends VaadinWebSecurity {

    static boolean isUiPath(String path) {
        return path.equals("/ui") || path.startsWith("/ui/");
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.httpBasic(Customizer.withDefaults());
        super.configure(http);
        setLoginView(http, LoginView.class);
    }
}
