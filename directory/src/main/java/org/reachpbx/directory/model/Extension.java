package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.reachpbx.rules.vocabulary.ExtensionType;

/**
 * Every function of an account is an extension with a 3-, 4- or 5-digit number, unique within the
 * account (ACC-01, ACC-03). The common columns live in one table so uniqueness is a database
 * constraint; each type adds its own table.
 */
@Entity
@Table(name = "extension", uniqueConstraints = @UniqueConstraint(name = "uk_extension_tenant_number",
        columnNames = {"tenant_id", "number"}))
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "type", length = 20)
@Getter
@Setter
public abstract class Extension extends Persistent {

    @NotBlank
    @Pattern(regexp = Patterns.EXTENSION, message = "must be an extension number of 3 to 5 digits")
    @Column(name = "number", nullable = false, length = 5)
    private String number;

    @NotBlank
    @Size(max = 100)
    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @JsonIgnore
    public abstract ExtensionType getType();
}
