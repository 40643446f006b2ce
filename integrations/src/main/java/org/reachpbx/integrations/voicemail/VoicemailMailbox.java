package org.reachpbx.integrations.voicemail;

import java.time.Clock;
import java.util.Optional;
import org.reachpbx.directory.integrations.VoicemailGreeting;
import org.reachpbx.directory.integrations.VoicemailGreetingRepository;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.model.VoicemailExtension;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.store.TenantChangedEvent;
import org.reachpbx.directory.store.TenantSecrets;
import org.reachpbx.directory.validation.PinPolicy;
import org.reachpbx.rules.vocabulary.Language;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a box owner does by phone (920, 1233; VM-03, VM-07) besides listening: prove the password,
 * change it, change the box's language and record the greeting. PIN and language are configuration
 * (the tenant view is rebuilt after the change); a recorded greeting is kept apart, per box.
 */
@Service
public class VoicemailMailbox {

    /** Why a new password was refused, or null when it was taken. */
    public record PinChange(String refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    private final TenantRepository tenants;
    private final TenantSecrets secrets;
    private final VoicemailGreetingRepository greetings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.reachpbx.directory.access.PhoneAudit audit;

    public VoicemailMailbox(TenantRepository tenants, TenantSecrets secrets, VoicemailGreetingRepository greetings,
                            ApplicationEventPublisher events, Clock clock, org.reachpbx.directory.access.PhoneAudit audit) {
        this.audit = audit;
        this.tenants = tenants;
        this.secrets = secrets;
        this.greetings = greetings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether {@code pin} opens the box. A voicemail extension always needs it; a user's personal
     * box only when its "voicemail PIN required" setting is on (VM-07), unless {@code always}.
     */
    @Transactional(readOnly = true)
    public boolean pinOpens(long tenantId, String box, String pin) {
        return extension(tenantId, box).map(e -> secrets.pinMatches(pin, pinHash(e))).orElse(false);
    }

    /** Whether the box asks for a password at all (a user's box may not, VM-07). */
    @Transactional(readOnly = true)
    public boolean needsPin(long tenantId, String box) {
        return extension(tenantId, box).map(e -> !(e instanceof UserExtension u) || u.isVoicemailPinRequired())
                .orElse(true);
    }

    @Transactional
    public PinChange changePin(long tenantId, String box, String newPin) {
        Optional<String> problem = PinPolicy.check(newPin);
        if (problem.isPresent()) {
            return new PinChange(problem.get());
        }
        Extension e = extension(tenantId, box).orElseThrow();
        if (e instanceof UserExtension u) {
            u.setPin(newPin);
        } else if (e instanceof VoicemailExtension v) {
            v.setPin(newPin);
        }
        Tenant t = tenants.findById(tenantId).orElseThrow();
        secrets.seal(t);
        events.publishEvent(new TenantChangedEvent(tenantId));
        // By phone (907, the first 901 login, the voicemail menu): audited like a PIN set in the UI, never the PIN.
        audit.record(box, tenantId, "Extensions: PIN by phone",
                (e instanceof UserExtension ? "user " : "voicemail ") + box + "; pin: (changed)");
        return new PinChange(null);
    }

    @Transactional
    public void changeLanguage(long tenantId, String box, Language language) {
        Extension e = extension(tenantId, box).orElseThrow();
        if (e instanceof UserExtension u) {
            u.setLanguage(language);
        } else if (e instanceof VoicemailExtension v) {
            v.setLanguage(language);
        }
        events.publishEvent(new TenantChangedEvent(tenantId));
    }

    /** The greeting recorded by phone, as an 8 kHz WAV. */
    @Transactional(readOnly = true)
    public Optional<byte[]> greeting(long tenantId, String box) {
        return greetings.findById(key(tenantId, box)).map(VoicemailGreeting::getWav);
    }

    @Transactional
    public void saveGreeting(long tenantId, String box, byte[] wav) {
        WavFormat.read(wav); // refuse anything that is not a WAV the players can read
        greetings.save(new VoicemailGreeting(key(tenantId, box), wav, clock.instant()));
    }

    private static VoicemailGreeting.Key key(long tenantId, String box) {
        return new VoicemailGreeting.Key(tenantId, box, VoicemailGreeting.Kind.UNAVAILABLE.name());
    }

    private Optional<Extension> extension(long tenantId, String box) {
        return tenants.findById(tenantId).flatMap(t -> t.extension(box))
                .filter(e -> e instanceof UserExtension || e instanceof VoicemailExtension);
    }

    private static String pinHash(Extension e) {
        return e instanceof UserExtension u ? u.getPinHash() : e instanceof VoicemailExtension v ? v.getPinHash() : null;
    }
}
