package org.reachpbx.integrations.voicemail;

import java.time.ZoneId;
import java.util.Optional;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.VoicemailExtension;
import org.reachpbx.directory.model.VoicemailNotification;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.integrations.NoSuchResourceException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds voicemail boxes in the stored configuration: user extensions and voicemail extensions. */
@Service
public class VoicemailBoxes {

    private final TenantRepository tenants;

    public VoicemailBoxes(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public Optional<Box> find(long tenantId, String number) {
        return tenants.findById(tenantId).flatMap(t -> t.extension(number).flatMap(e -> box(t, e)));
    }

    /** The box, or a {@link NoSuchResourceException} naming what is missing. */
    @Transactional(readOnly = true)
    public Box require(long tenantId, String number) {
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new NoSuchResourceException("no tenant " + tenantId));
        return tenant.extension(number).flatMap(e -> box(tenant, e)).orElseThrow(() -> new NoSuchResourceException(
                "tenant " + tenantId + " has no voicemail box " + number
                        + " (a user extension or a voicemail extension)"));
    }

    private static Optional<Box> box(Tenant t, Extension e) {
        if (e instanceof UserExtension u) {
            return Optional.of(box(t, u, true, u.getLanguage(), u.getVoicemail(), u.isConnectCrm()));
        }
        if (e instanceof VoicemailExtension v) {
            return Optional.of(box(t, v, false, v.getLanguage(), v.getNotification(), false));
        }
        return Optional.empty();
    }

    private static Box box(Tenant t, Extension e, boolean personal, org.reachpbx.rules.vocabulary.Language language,
                           VoicemailNotification n, boolean connectCrm) {
        VoicemailNotification notification = n == null ? new VoicemailNotification() : n;
        return new Box(t.getId(), t.getName(), t.getSipDomain(), ZoneId.of(t.getTimeZone()), e.getNumber(), e.getName(),
                personal, language, blankToNull(notification.getEmail()), notification.isAttachAudio(),
                notification.isDeleteAfterEmail(), blankToNull(notification.getSmsNumber()), connectCrm);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
