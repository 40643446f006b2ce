package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.NumberKind;

/**
 * A public phone number of the account (ACC-05). Without an owner it is a company number, usable in
 * number plans and as emergency fallback; with an owner it is that user's personal number, linked
 * to the user's REACH configuration with a default and an anonymous call class (REACH-20).
 */
@Entity
@Table(name = "phone_number", uniqueConstraints = @UniqueConstraint(name = "uk_phone_number_tenant_number",
        columnNames = {"tenant_id", "number"}))
@Getter
@Setter
@JsonPropertyOrder({"number", "kind", "active", "owner", "defaultCallClass", "anonymousCallClass"})
public class PhoneNumber extends Persistent {

    @NotBlank
    @Pattern(regexp = Patterns.E164, message = "must be a phone number in E.164 form (+31201110000) or Dutch national form (0201110000)")
    @Column(name = "number", nullable = false, length = 20)
    private String number;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 10)
    private NumberKind kind = NumberKind.FIXED;

    /** Only numbers whose order status is ACTIEF can be assigned (ACC-05). */
    @Column(name = "active", nullable = false)
    private boolean active = true;

    /** Extension number of the user this personal number belongs to; empty for a company number. */
    @Pattern(regexp = Patterns.EXTENSION)
    @Column(name = "owner", length = 5)
    private String owner;

    /** Call class used when a caller on this number matches no class (REACH-06). */
    @Size(max = 100)
    @Column(name = "default_call_class", length = 100)
    private String defaultCallClass;

    /** Call class for anonymous callers on this number (REACH-06). */
    @Size(max = 100)
    @Column(name = "anonymous_call_class", length = 100)
    private String anonymousCallClass;

    public void setNumber(String number) {
        this.number = PhoneNumbers.toE164(number);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isCompanyNumber() {
        return owner == null;
    }
}
