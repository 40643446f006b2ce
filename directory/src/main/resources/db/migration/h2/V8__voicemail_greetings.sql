-- Greetings recorded by phone (920/1233 options, 1): one per box and kind; the newest replaces the older.
create table voicemail_greeting (tenant_id bigint not null, box varchar(5) not null, kind varchar(12) not null, wav blob not null, recorded_at timestamp(6) with time zone not null, primary key (tenant_id, box, kind));
alter table voicemail_greeting add constraint fk_voicemail_greeting_tenant_id foreign key (tenant_id) references tenant on delete cascade;
