package org.reachpbx.server.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.validation.annotation.Validated;

/**
 * Throttling of failed logins ({@code pbx.security.login.*}, docs/security.md), for the admin UI's
 * form and HTTP Basic alike. A bad value stops the start with the property's name.
 *
 * @param maxFailures            failures of one account from one address within {@code window} after
 *                               which that account is locked for that address (default 5)
 * @param maxFailuresPerAddress  failures of any accounts from one address within {@code window} after
 *                               which the address is locked (default 20)
 * @param maxFailuresPerAccount  failures of one account from all addresses within {@code window} after
 *                               which the account is locked everywhere (default 50; never the platform
 *                               admin, which can only be locked per address)
 * @param window                 how far back failures count (default 5 minutes)
 * @param lock                   how long a lock lasts after the failure that caused it (default 5 minutes)
 * @param adminAddresses         addresses or CIDR ranges (e.g. {@code 10.0.0.0/8}) from which the platform
 *                               admin is never locked (default none)
 */
@ConfigurationProperties("pbx.security.login")
@Validated
public record LoginThrottleProperties(
        @DefaultValue("5") @Min(1) @Max(1000) int maxFailures,
        @DefaultValue("20") @Min(1) @Max(100000) int maxFailuresPerAddress,
        @DefaultValue("50") @Min(1) @Max(100000) int maxFailuresPerAccount,
        @DefaultValue("5m") Duration window,
        @DefaultValue("5m") Duration lock,
        @DefaultValue List<String> adminAddresses) {

    public LoginThrottleProperties {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("pbx.security.login.window must be positive, e.g. 5m");
        }
        if (lock.isNegative() || lock.isZero()) {
            throw new IllegalArgumentException("pbx.security.login.lock must be positive, e.g. 5m");
        }
        for (String address : adminAddresses) {
            try {
                new IpAddressMatcher(address.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pbx.security.login.admin-addresses: '" + address
                        + "' is not an IP address or CIDR range such as 10.0.0.0/8");
            }
        }
        adminAddresses = List.copyOf(adminAddresses);
    }
}
