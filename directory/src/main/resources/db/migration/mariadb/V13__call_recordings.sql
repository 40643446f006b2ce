-- Recorded calls (REC-01): metadata here, the WAV in the recordings folder; purged after 31 days (REC-02).
create table call_recording (id bigint not null, tenant_id bigint not null, call_id varchar(100) not null, user_extension varchar(5) not null, caller varchar(32), destination varchar(32), started_at datetime(6) not null, duration_millis bigint not null, audio_size bigint not null, audio_file varchar(255) not null, primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
create index ix_call_recording_tenant on call_recording (tenant_id, started_at);
create index ix_call_recording_started on call_recording (started_at);
alter table call_recording add constraint fk_call_recording_tenant_id foreign key (tenant_id) references tenant (id) on delete cascade;
