-- Admin UI, version 4: the users who log in to the admin UI with their role (PLATFORM_ADMIN,
-- TENANT_ADMIN, ANALYST, END_USER) and, for tenant roles, their tenant; passwords only as bcrypt
-- hashes. And the audit trail: who changed what through the UI, and when. Ids come from config_seq.
-- An audit entry keeps the tenant id only (history outlives the tenant).
-- Written from the JPA entities in org.reachpbx.directory.access and reviewed by hand; keep it
-- equal in meaning to h2/V4__ui_users_audit.sql.

create table ui_user (id bigint not null, username varchar(100) not null, password_hash varchar(100) not null, role varchar(20) not null, tenant_id bigint, enabled bit not null, primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
alter table ui_user add constraint uk_ui_user_username unique (username);
alter table ui_user add constraint fk_ui_user_tenant_id foreign key (tenant_id) references tenant (id) on delete cascade;

create table ui_audit_entry (id bigint not null, at datetime(6) not null, username varchar(100) not null, tenant_id bigint, action varchar(100) not null, detail varchar(2000), primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
create index ix_ui_audit_entry_at on ui_audit_entry (at);
