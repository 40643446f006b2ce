-- Analyst tables, version 2: the versions of the hot decision tables (destination categories,
-- region groups, Alert-Info, default timeouts; see docs/analyst-tables.md). One row per version,
-- platform-wide; the CSV text of each table is kept as uploaded. Ids come from config_seq.
-- Derived from the JPA entity RuleTableVersion (SchemaScriptGenerator) for MariaDB and reviewed by
-- hand; keep it equal in meaning to h2/V2__analyst_tables.sql.

create table rule_table_version (version integer not null, created datetime(6) not null, id bigint not null, published_at datetime(6), author varchar(100) not null, published_by varchar(100), alert_info longtext, default_timeouts longtext, destination_categories longtext, region_groups longtext, state varchar(20) not null, primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
alter table rule_table_version add constraint uk_rule_table_version_version unique (version);
