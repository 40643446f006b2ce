package org.reachpbx.directory.tables;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import lombok.Getter;
import org.hibernate.Length;
import lombok.Setter;
import org.reachpbx.directory.model.Persistent;
import org.reachpbx.rules.tables.TableName;
import org.reachpbx.rules.tables.TableSet;
import org.reachpbx.rules.tables.TableState;
import org.reachpbx.rules.tables.TableVersion;

/**
 * One stored version of the analyst tables (see {@code docs/analyst-tables.md}): its number,
 * state, authorship and the CSV text of each table, as uploaded (a CLOB, {@code longtext} on
 * MariaDB). Platform-wide, not per tenant.
 */
@Entity
@Table(name = "rule_table_version")
@Getter
@Setter
public class RuleTableVersion extends Persistent {

    @Column(name = "version", nullable = false, unique = true)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 20)
    private TableState state;

    @Column(name = "author", nullable = false, length = 100)
    private String author;

    @Column(name = "created", nullable = false)
    private Instant created;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by", length = 100)
    private String publishedBy;

    @Lob
    @Column(name = "destination_categories", length = Length.LONG32)
    private String destinationCategories;

    @Lob
    @Column(name = "region_groups", length = Length.LONG32)
    private String regionGroups;

    @Lob
    @Column(name = "alert_info", length = Length.LONG32)
    private String alertInfo;

    @Lob
    @Column(name = "default_timeouts", length = Length.LONG32)
    private String defaultTimeouts;

    /** Copies everything of {@code v} into this row (the id stays). */
    public RuleTableVersion fill(TableVersion v) {
        version = v.version();
        state = v.state();
        author = v.author();
        created = v.created();
        publishedAt = v.publishedAt();
        publishedBy = v.publishedBy();
        TableSet tables = v.tables();
        destinationCategories = tables.text(TableName.DESTINATION_CATEGORIES).orElse(null);
        regionGroups = tables.text(TableName.REGION_GROUPS).orElse(null);
        alertInfo = tables.text(TableName.ALERT_INFO).orElse(null);
        defaultTimeouts = tables.text(TableName.DEFAULT_TIMEOUTS).orElse(null);
        return this;
    }

    public TableVersion toVersion() {
        Map<TableName, String> texts = new EnumMap<>(TableName.class);
        texts.put(TableName.DESTINATION_CATEGORIES, destinationCategories);
        texts.put(TableName.REGION_GROUPS, regionGroups);
        texts.put(TableName.ALERT_INFO, alertInfo);
        texts.put(TableName.DEFAULT_TIMEOUTS, defaultTimeouts);
        return new TableVersion(version, state, author, created, publishedAt, publishedBy, TableSet.of(texts));
    }
}
