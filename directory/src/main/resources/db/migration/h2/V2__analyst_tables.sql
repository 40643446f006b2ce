-- Analyst tables, version 2: the versions of the hot decision tables (destination categories,
-- region groups, Alert-Info, default timeouts; see docs/analyst-tables.md). One row per version,
-- platform-wide; the CSV text of each table is kept as uploaded. Ids come from config_seq.
-- Derived from the JPA entity RuleTableVersion (SchemaScriptGenerator) for H2 and reviewed by hand;
-- keep it equal in meaning to mariadb/V2__analyst_tables.sql.

create table rule_table_version (version integer not null, created timestamp(6) with time zone not null, id bigint not null, published_at timestamp(6) with time zone, author varchar(100) not null, published_by varchar(100), alert_info clob, default_timeouts clob, destination_categories clob, region_groups clob, state varchar(20) not null, primary key (id), constraint uk_rule_table_version_version unique (version));
