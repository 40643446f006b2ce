-- Sound files, version 6 (see docs/sounds.md): the MP3/WAV files a tenant uploaded, by the name its
-- configuration refers to (unique per tenant), and their audio converted once at upload to 8 kHz mono
-- 16-bit PCM WAV, kept apart so that listing never loads it. Ids come from config_seq. Both go with
-- the tenant. Written from the JPA entities in org.reachpbx.directory.sound and reviewed by hand;
-- keep it equal in meaning to h2/V6__sound_files.sql.

create table sound_file (id bigint not null, tenant_id bigint not null, name varchar(255) not null, original_file_name varchar(255), format varchar(10) not null, duration_millis bigint not null, upload_size bigint not null, audio_size bigint not null, created_at datetime(6) not null, primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
alter table sound_file add constraint uk_sound_file_tenant_name unique (tenant_id, name);
alter table sound_file add constraint fk_sound_file_tenant_id foreign key (tenant_id) references tenant (id) on delete cascade;

create table sound_file_audio (sound_id bigint not null, wav longblob not null, primary key (sound_id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
alter table sound_file_audio add constraint fk_sound_file_audio_sound_id foreign key (sound_id) references sound_file (id) on delete cascade;
