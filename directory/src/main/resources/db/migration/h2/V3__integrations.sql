-- Integrations, version 3 (see docs/integrations.md): voicemail messages and their audio, the
-- outbox of e-mail, SMS, webhook and message-waiting deliveries, CRM webhook endpoints, SMS billing
-- records (VM-05) and contact pull sources. Ids come from config_seq. Rows that belong to a tenant's
-- live data go with the tenant; the outbox and billing records are history and keep the tenant id only.
-- Written from the JPA entities in org.reachpbx.directory.integrations and reviewed by hand; keep it
-- equal in meaning to mariadb/V3__integrations.sql.

create table voicemail_message (id bigint not null, tenant_id bigint not null, box varchar(5) not null, caller_number varchar(32), caller_name varchar(100), call_id varchar(100), received_at timestamp(6) with time zone not null, duration_millis bigint not null, state varchar(10) not null, audio_size bigint not null, audio_file varchar(255), primary key (id));
create index ix_voicemail_message_box on voicemail_message (tenant_id, box, state);
alter table voicemail_message add constraint fk_voicemail_message_tenant_id foreign key (tenant_id) references tenant on delete cascade;

create table voicemail_audio (message_id bigint not null, wav blob not null, primary key (message_id));
alter table voicemail_audio add constraint fk_voicemail_audio_message_id foreign key (message_id) references voicemail_message on delete cascade;

create table outbox_message (id bigint not null, tenant_id bigint not null, channel varchar(10) not null, state varchar(10) not null, destination varchar(1000) not null, subject varchar(255), body clob, voicemail_message_id bigint, attach_audio boolean not null, delete_after_delivery boolean not null, webhook_endpoint_id bigint, box varchar(5), idempotency_key varchar(36) not null, attempts integer not null, next_attempt_at timestamp(6) with time zone not null, last_attempt_at timestamp(6) with time zone, last_error varchar(1000), created_at timestamp(6) with time zone not null, delivered_at timestamp(6) with time zone, primary key (id), constraint uk_outbox_message_idempotency_key unique (idempotency_key));
create index ix_outbox_message_due on outbox_message (state, next_attempt_at);

create table webhook_endpoint (id bigint not null, tenant_id bigint not null, url varchar(1000) not null, secret varchar(200) not null, events varchar(200) not null, enabled boolean not null, description varchar(255), created_at timestamp(6) with time zone not null, primary key (id));
alter table webhook_endpoint add constraint fk_webhook_endpoint_tenant_id foreign key (tenant_id) references tenant on delete cascade;

create table sms_billing_record (id bigint not null, tenant_id bigint not null, box varchar(5) not null, destination varchar(32) not null, outbox_message_id bigint not null, voicemail_message_id bigint, created_at timestamp(6) with time zone not null, submitted_at timestamp(6) with time zone, smsc_message_id varchar(64), primary key (id));
create index ix_sms_billing_record_tenant on sms_billing_record (tenant_id, created_at);

create table contact_pull_source (id bigint not null, tenant_id bigint not null, url varchar(1000) not null, authorization_header varchar(500), interval_seconds integer not null, enabled boolean not null, last_pull_at timestamp(6) with time zone, last_result varchar(1000), primary key (id), constraint uk_contact_pull_source_tenant_id unique (tenant_id));
alter table contact_pull_source add constraint fk_contact_pull_source_tenant_id foreign key (tenant_id) references tenant on delete cascade;
