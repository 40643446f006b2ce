package org.reachpbx.directory.store;

import org.reachpbx.directory.model.Channel;
import org.reachpbx.directory.model.SipPasswordHash;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.VoicemailExtension;
import org.reachpbx.directory.validation.PinPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Turns the plain secrets a document may carry (PINs, SIP passwords) into what is stored: a salted
 * PIN hash, and the digest-authentication HA1 values of a channel. Plain secrets are then dropped.
 */
@Component
public class TenantSecrets {

    private final PasswordEncoder pinEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** Hashes every plain secret of the tenant in place. */
    public void seal(Tenant tenant) {
        tenant.getUsers().parallelStream().filter(u -> u.getPin() != null).forEach(this::sealPin);
        tenant.getVoicemails().parallelStream().filter(v -> v.getPin() != null).forEach(v -> {
            v.setPinHash(pinEncoder.encode(v.getPin()));
            v.setPin(null);
        });
        for (Channel c : tenant.getChannels()) {
            if (c.getPassword() != null) {
                c.setPasswordHash(SipPasswordHash.of(c.getName(), tenant.getSipDomain(), c.getPassword()));
                c.setPassword(null);
            }
        }
    }

    private void sealPin(UserExtension u) {
        u.setPinChangeRequired(PinPolicy.MUST_CHANGE.equals(u.getPin()));
        u.setPinHash(pinEncoder.encode(u.getPin()));
        u.setPin(null);
    }

    /** Whether {@code pin} is the PIN behind {@code pinHash}. */
    public boolean pinMatches(String pin, String pinHash) {
        return pin != null && pinHash != null && pinEncoder.matches(pin, pinHash);
    }
}
