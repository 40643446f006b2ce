-- Queue statistics (issue 13, QUE-39): one row per event of a queue call; the statistics per 15
-- minutes, hour and day are summed from them in the tenant's time zone. No foreign key to tenant
-- (history, written in the background); the retention purge removes old rows.
-- Keep equal in meaning to h2/V12__queue_call_events.sql.
create sequence queue_event_seq start with 1 increment by 50 nocache;
create table queue_call_event (id bigint not null, tenant_id bigint not null, queue_number varchar(20) not null, call_id varchar(255), kind varchar(10) not null, agent varchar(32), happened_at datetime(6) not null, wait_seconds bigint not null, talk_seconds bigint not null, wrap_up_seconds bigint not null, reason varchar(30), primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_unicode_ci;
create index ix_queue_call_event_queue_time on queue_call_event (tenant_id, queue_number, happened_at);
create index ix_queue_call_event_time on queue_call_event (happened_at);
