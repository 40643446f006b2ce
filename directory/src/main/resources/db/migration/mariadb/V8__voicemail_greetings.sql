-- Greetings recorded by phone (920/1233 options, 1): one per box and kind; the newest replaces the older.
create table voicemail_greeting (tenant_id bigint not null, box varchar(5) not null, kind varchar(12) not null, wav longblob not null, recorded_at datetime(6) not null, primary key (tenant_id, box, kind)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
alter table voicemail_greeting add constraint fk_voicemail_greeting_tenant_id foreign key (tenant_id) references tenant (id) on delete cascade;
