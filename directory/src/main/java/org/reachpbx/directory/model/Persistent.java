package org.reachpbx.directory.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import lombok.Getter;

/**
 * Base of every stored configuration entity. Identity is a database detail: the YAML format and
 * the rules refer to things by their natural keys (extension number, phone number, name).
 */
@MappedSuperclass
@Getter
public abstract class Persistent {

    /** One pooled sequence for all configuration rows keeps batch inserts possible on H2 and MariaDB. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "config_seq")
    @SequenceGenerator(name = "config_seq", sequenceName = "config_seq", allocationSize = 50)
    @JsonIgnore
    private Long id;
}
