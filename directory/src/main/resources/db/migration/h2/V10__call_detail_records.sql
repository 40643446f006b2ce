-- Call detail records (issue 17): one row per call the B2BUA handled, written when it ended.
-- No foreign key to tenant: records are billing history and are written off the SIP threads in
-- batches; a tenant deleted meanwhile must not make the batch fail. The retention purge removes them.
create sequence cdr_seq start with 1 increment by 50;
create table call_detail_record (id bigint not null, tenant_id bigint not null, call_id varchar(255) not null, caller_number varchar(64), caller_name varchar(128), caller_user varchar(32), caller_channel varchar(64), dialled varchar(64), final_destination varchar(64), answered_by_user varchar(32), outcome varchar(12), rule_ids varchar(500), rule_trace varchar(4000), started_at timestamp(6) with time zone not null, answered_at timestamp(6) with time zone, ended_at timestamp(6) with time zone not null, duration_seconds bigint not null, billable_seconds bigint not null, disposition varchar(12) not null, cause varchar(255), sip_status integer not null, forwarded_by varchar(255), call_type varchar(12) not null, trunk varchar(64), primary key (id));
create index ix_call_detail_record_tenant_time on call_detail_record (tenant_id, started_at);
create index ix_call_detail_record_ended on call_detail_record (ended_at);
