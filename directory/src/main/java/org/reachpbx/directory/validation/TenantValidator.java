package org.reachpbx.directory.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reachpbx.directory.model.Extension;
import org.reachpbx.directory.model.QueueExtension;
import org.reachpbx.directory.model.Tenant;
import org.reachpbx.rules.vocabulary.ExtensionType;
import org.springframework.stereotype.Component;

/**
 * Checks one tenant's configuration as a whole before anything is stored: field constraints of the
 * entities (bean validation) and every rule that relates one configured thing to another, within the
 * tenant. Saving goes through {@code TenantStore.save}, which adds the rules across tenants, so an
 * import and the admin UI judge a configuration the same way.
 * Each violation names the path in the tenant document and the reason.
 */
@Component
public class TenantValidator {

    /** Maximum number of plans per schema (NP-05). */
    static final int MAX_PLANS = 99;
    /** Maximum members of a ring-all queue (QUE-16). */
    static final int MAX_RING_ALL_MEMBERS = 15;


    private final Validator beanValidator;

    public TenantValidator(Validator beanValidator) {
        this.beanValidator = beanValidator;
    }

    /**
     * All violations of {@code tenant}; empty when it may be stored. {@code stored} is the version
     * currently in the database when the tenant is being replaced.
     */
    public List<Violation> validate(Tenant tenant, Optional<Tenant> stored) {
        List<Violation> violations = new ArrayList<>(fieldViolations(tenant));
        for (Checks checks : List.of(new AccountChecks(tenant, violations, stored), new UserChecks(tenant, violations),
                new ExtensionChecks(tenant, violations), new NumberPlanChecks(tenant, violations))) {
            checks.run();
        }
        violations.sort(Comparator.comparing(Violation::path, TenantValidator::documentOrder));
        return violations;
    }

    /** Orders paths as they appear in a document: list positions compare as numbers (2 before 10). */
    public static int documentOrder(String a, String b) {
        String[] x = a.split("(?=\\[)|(?<=\\])");
        String[] y = b.split("(?=\\[)|(?<=\\])");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\[\\d+]") && y[i].matches("\\[\\d+]")
                    ? Integer.compare(Integer.parseInt(x[i].substring(1, x[i].length() - 1)),
                            Integer.parseInt(y[i].substring(1, y[i].length() - 1)))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private List<Violation> fieldViolations(Tenant tenant) {
        List<Violation> result = new ArrayList<>();
        for (ConstraintViolation<Tenant> v : beanValidator.validate(tenant)) {
            Violation violation = fieldViolation(documentPath(tenant, v.getPropertyPath().toString()), v);
            // Hibernate Validator may report one constraint twice (seen for QueueExtension.ringTimeout).
            if (!result.contains(violation)) {
                result.add(violation);
            }
        }
        return result;
    }

    /** The constraints of Bean Validation whose standard message has a sentence of our own. */
    private static final java.util.regex.Pattern STANDARD_MESSAGE =
            java.util.regex.Pattern.compile("\\{jakarta\\.validation\\.constraints\\.(\\w+)\\.message}");

    /**
     * A field constraint's violation with the text key of its sentence: a standard constraint by its
     * name ({@code @Size} → {@code size}, with its bounds as data), one with a message of its own by
     * that message's English text. A message without a sentence stays in words only.
     */
    static Violation fieldViolation(String path, ConstraintViolation<?> v) {
        java.util.regex.Matcher standard = STANDARD_MESSAGE.matcher(v.getMessageTemplate());
        if (standard.matches()) {
            String constraint = standard.group(1);
            String key = Character.toLowerCase(constraint.charAt(0)) + constraint.substring(1);
            java.util.Map<String, Object> a = v.getConstraintDescriptor().getAttributes();
            List<String> args = switch (constraint) {
                case "Size" -> List.of(String.valueOf(a.get("min")), String.valueOf(a.get("max")));
                case "Min", "Max" -> List.of(String.valueOf(a.get("value")));
                case "Pattern" -> List.of(String.valueOf(a.get("regexp")));
                default -> List.of();
            };
            return ViolationTexts.keys().contains(key) ? new Violation(path, v.getMessage(), key, args)
                    : new Violation(path, v.getMessage());
        }
        return ViolationTexts.keyOf(v.getMessage()).map(key -> new Violation(path, v.getMessage(), key, List.of()))
                .orElseGet(() -> new Violation(path, v.getMessage()));
    }

    /**
     * Bean validation reports extensions as {@code extensions[k]}; the document has one list per
     * type ({@code users[j]}). Translate, and drop the validator's container markers.
     */
    static String documentPath(Tenant tenant, String path) {
        String p = path.replace(".<list element>", "").replace("<list element>", "");
        // A REACH configuration keeps its default profile first in one list of all profiles.
        p = p.replace("allProfiles[0]", "defaultProfile");
        java.util.regex.Matcher custom = java.util.regex.Pattern.compile("allProfiles\\[(\\d+)]").matcher(p);
        if (custom.find()) {
            p = custom.replaceFirst("profiles[" + (Integer.parseInt(custom.group(1)) - 1) + "]");
        }
        if (p.startsWith("extensions[")) {
            int close = p.indexOf(']');
            int k = Integer.parseInt(p.substring("extensions[".length(), close));
            Extension e = tenant.getExtensions().get(k);
            int j = 0;
            for (int i = 0; i < k; i++) {
                if (tenant.getExtensions().get(i).getType() == e.getType()) {
                    j++;
                }
            }
            p = listName(e.getType()) + "[" + j + "]" + p.substring(close + 1);
        }
        return p;
    }

    /** The document's list name for an extension type. */
    static String listName(ExtensionType type) {
        return switch (type) {
            case USER -> "users";
            case GROUP -> "groups";
            case VOICEMAIL -> "voicemails";
            case AUTO_ANSWER -> "autoAnswers";
            case IVR -> "ivrs";
            case QUEUE -> "queues";
            case EXTENSION_CHOOSER -> "extensionChoosers";
            case SYSTEM -> "systemExtensions";
            case LBR -> "lbrs";
            case TBR -> "tbrs";
            case CALL_LIMIT -> "callLimits";
            case FORWARD -> "forwards";
            case AI -> "aiExtensions";
        };
    }
}
