package org.reachpbx.directory.store;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.reachpbx.directory.model.PhoneNumber;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.directory.validation.TenantValidator;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.directory.yaml.TenantYaml;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and retrieves whole tenants. Saving is all-or-nothing: the tenant is validated as a whole
 * before anything is written, and written in one transaction, so a refused or failed save leaves
 * the database as it was. Every successful change publishes a {@link TenantChangedEvent}.
 */
@Service
public class TenantStore {

    private final TenantRepository tenants;
    private final TenantValidator validator;
    private final TenantSecrets secrets;
    private final TenantYaml yaml;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;

    public TenantStore(TenantRepository tenants, TenantValidator validator, TenantSecrets secrets, TenantYaml yaml,
                       EntityManager entityManager, ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.validator = validator;
        this.secrets = secrets;
        this.yaml = yaml;
        this.entityManager = entityManager;
        this.events = events;
    }

    /** The outcome of an import: the tenant's id and whether it replaced an existing tenant. */
    public record Saved(long id, String name, boolean replaced) {
    }

    /**
     * Creates the tenant named in the document, or replaces all configuration of the existing tenant
     * of that name (its id stays the same).
     *
     * @throws org.reachpbx.directory.validation.InvalidConfigurationException when the document is
     *         malformed or invalid; nothing is stored then
     */
    @Transactional
    public Saved importYaml(String document) {
        return save(yaml.read(document));
    }

    /** {@link #importYaml(String)} for a document as received: bytes that must be UTF-8. */
    @Transactional
    public Saved importYaml(byte[] document) {
        return save(yaml.read(document));
    }

    /** Validates and stores a tenant tree built in memory (import, generators, UI). */
    @Transactional
    public Saved save(Tenant incoming) {
        Optional<Tenant> stored = incoming.getName() == null ? Optional.empty() : tenants.findByName(incoming.getName());
        List<Violation> violations = new ArrayList<>(validator.validate(incoming, stored));
        // The SIP domain identifies the tenant of a SIP request, so no two tenants may share one.
        tenants.findBySipDomain(incoming.getSipDomain())
                .filter(other -> stored.map(s -> !s.getId().equals(other.getId())).orElse(true))
                .ifPresent(other -> violations.add(Violation.of("sipDomain", "sipDomainTaken",
                        incoming.getSipDomain(), other.getName())));
        // A public number routes to one tenant only: a call from a trunk finds its tenant by it.
        List<String> numbers = incoming.getNumbers().stream().map(PhoneNumber::getNumber).filter(Objects::nonNull).toList();
        if (!numbers.isEmpty() && incoming.getName() != null) {
            for (Object[] taken : tenants.numbersOfOtherTenants(numbers, incoming.getName())) {
                violations.add(Violation.of("numbers[" + numbers.indexOf((String) taken[0]) + "].number",
                        "numberOfOtherTenant", taken[0], taken[1]));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::path, TenantValidator::documentOrder));
            throw new InvalidConfigurationException(violations);
        }
        secrets.seal(incoming);
        if (stored.isEmpty()) {
            Tenant saved = tenants.save(incoming);
            events.publishEvent(new TenantChangedEvent(saved.getId()));
            return new Saved(saved.getId(), saved.getName(), false);
        }
        Tenant target = stored.get();
        replaceContents(target, incoming);
        events.publishEvent(new TenantChangedEvent(target.getId()));
        return new Saved(target.getId(), target.getName(), true);
    }

    /** The tenant as a YAML document. */
    @Transactional(readOnly = true)
    public Optional<String> exportYaml(long id) {
        return tenants.findById(id).map(yaml::write);
    }

    @Transactional(readOnly = true)
    public Optional<String> exportYaml(String name) {
        return tenants.findByName(name).map(yaml::write);
    }

    /** Id and name of every tenant, by name. */
    @Transactional(readOnly = true)
    public List<TenantSummary> list() {
        return tenants.findAll().stream().map(t -> new TenantSummary(t.getId(), t.getName(), t.getSipDomain()))
                .sorted(java.util.Comparator.comparing(TenantSummary::name)).toList();
    }

    public record TenantSummary(long id, String name, String sipDomain) {
    }

    @Transactional
    public boolean delete(long id) {
        return tenants.findById(id).map(t -> {
            tenants.delete(t);
            events.publishEvent(new TenantChangedEvent(id));
            return true;
        }).orElse(false);
    }

    /**
     * Moves everything of {@code incoming} into the stored tenant. Children are removed and flushed
     * before the new ones are added: Hibernate inserts before it deletes, which would trip the
     * unique (tenant, number) constraints otherwise.
     */
    private void replaceContents(Tenant target, Tenant incoming) {
        target.setSipDomain(incoming.getSipDomain());
        target.setExtensionLength(incoming.getExtensionLength());
        target.setTimeZone(incoming.getTimeZone());
        target.setEmergencyFallbackCallerId(incoming.getEmergencyFallbackCallerId());
        target.setExternalCallLimit(incoming.getExternalCallLimit());
        target.setIpListing(incoming.isIpListing());
        target.setFacilities(incoming.getFacilities());
        target.setAnchorMedia(incoming.getAnchorMedia());
        target.getCallBarring().clear();
        target.getIpAllowlist().clear();
        target.getMusicOnHold().clear();
        target.getNumbers().clear();
        target.getChannels().clear();
        target.getPrivacyGroups().clear();
        target.getExtensions().clear();
        target.getNumberPlanSchemas().clear();
        entityManager.flush();
        target.getCallBarring().addAll(incoming.getCallBarring());
        target.getIpAllowlist().addAll(incoming.getIpAllowlist());
        target.getMusicOnHold().addAll(incoming.getMusicOnHold());
        target.getNumbers().addAll(incoming.getNumbers());
        target.getChannels().addAll(incoming.getChannels());
        target.getPrivacyGroups().addAll(incoming.getPrivacyGroups());
        target.getExtensions().addAll(incoming.getExtensions());
        target.getNumberPlanSchemas().addAll(incoming.getNumberPlanSchemas());
        entityManager.flush();
    }
}
