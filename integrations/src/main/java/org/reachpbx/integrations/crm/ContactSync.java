package org.reachpbx.integrations.crm;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reachpbx.directory.model.CallClass;
import org.reachpbx.directory.model.Contact;
import org.reachpbx.directory.model.PhoneNumbers;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.directory.model.UserExtension;
import org.reachpbx.directory.repository.TenantRepository;
import org.reachpbx.directory.store.TenantChangedEvent;
import org.reachpbx.directory.validation.InvalidConfigurationException;
import org.reachpbx.directory.validation.TenantValidator;
import org.reachpbx.directory.validation.Violation;
import org.reachpbx.integrations.NoSuchResourceException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts from a CRM become contacts of a user's REACH call class (REACH-05), e.g. "VIP customers".
 * The change is made on the stored tenant and the whole tenant is validated again before the
 * commit, exactly as an import would be; an invalid change rolls back and stores nothing. The
 * tenant's version is raised, so a concurrent import of the same tenant fails rather than mixes.
 */
@Service
public class ContactSync {

    /** One contact as a CRM sends it; the number may be national, international or E.164. */
    public record CrmContact(String name, String number) {
    }

    private final TenantRepository tenants;
    private final TenantValidator validator;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;

    public ContactSync(TenantRepository tenants, TenantValidator validator, EntityManager entityManager,
                       ApplicationEventPublisher events) {
        this.tenants = tenants;
        this.validator = validator;
        this.entityManager = entityManager;
        this.events = events;
    }

    /** The class's contacts become exactly {@code contacts}; the class is created when missing. */
    @Transactional
    public List<Contact> replace(long tenantId, String user, String callClass, List<CrmContact> contacts) {
        return change(tenantId, Map.of(new ClassKey(user, callClass), contacts), true).get(new ClassKey(user, callClass));
    }

    /** Adds {@code contacts} to the class, updating the name of a number it already has. */
    @Transactional
    public List<Contact> merge(long tenantId, String user, String callClass, List<CrmContact> contacts) {
        return change(tenantId, Map.of(new ClassKey(user, callClass), contacts), false).get(new ClassKey(user, callClass));
    }

    /** Several classes at once, all or nothing (a pull). */
    @Transactional
    public Map<ClassKey, List<Contact>> replaceAll(long tenantId, Map<ClassKey, List<CrmContact>> classes) {
        return change(tenantId, classes, true);
    }

    public record ClassKey(String user, String callClass) {
    }

    private Map<ClassKey, List<Contact>> change(long tenantId, Map<ClassKey, List<CrmContact>> classes, boolean replace) {
        Tenant tenant = tenants.findById(tenantId).orElseThrow(() -> new NoSuchResourceException("no tenant " + tenantId));
        Map<ClassKey, List<Contact>> result = new LinkedHashMap<>();
        for (Map.Entry<ClassKey, List<CrmContact>> entry : classes.entrySet()) {
            CallClass target = callClass(tenant, entry.getKey());
            Map<String, Contact> byNumber = new LinkedHashMap<>();
            if (!replace) {
                target.getContacts().forEach(c -> byNumber.put(c.getNumber(), c));
            }
            for (CrmContact c : entry.getValue() == null ? List.<CrmContact>of() : entry.getValue()) {
                Contact contact = new Contact();
                contact.setName(c.name() == null || c.name().isBlank() ? null : c.name().strip());
                contact.setNumber(national(c.number()));
                byNumber.put(contact.getNumber(), contact);
            }
            target.getContacts().clear();
            target.getContacts().addAll(byNumber.values());
            result.put(entry.getKey(), new ArrayList<>(target.getContacts()));
        }
        List<Violation> violations = validator.validate(tenant, Optional.of(tenant));
        if (!violations.isEmpty()) {
            // Thrown inside the transaction: everything changed above is rolled back.
            throw new InvalidConfigurationException(violations);
        }
        entityManager.lock(tenant, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        entityManager.flush();
        events.publishEvent(new TenantChangedEvent(tenantId));
        return result;
    }

    private static CallClass callClass(Tenant tenant, ClassKey key) {
        UserExtension user = tenant.extension(key.user()).filter(UserExtension.class::isInstance)
                .map(UserExtension.class::cast)
                .orElseThrow(() -> new NoSuchResourceException("tenant " + tenant.getId() + " has no user " + key.user()));
        return user.getReach().getCallClasses().stream().filter(c -> c.getName().equals(key.callClass())).findFirst()
                .orElseGet(() -> {
                    CallClass created = new CallClass();
                    created.setName(key.callClass());
                    user.getReach().getCallClasses().add(created);
                    return created;
                });
    }

    /** Call classes match callers in national form (ACC-08): +31 10… → 010…, other + → 00…. */
    static String national(String number) {
        if (number == null) {
            return null;
        }
        String n = number.replaceAll("[\\s\\-().]", "");
        return PhoneNumbers.toNational(n);
    }
}
