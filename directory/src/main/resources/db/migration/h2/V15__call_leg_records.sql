-- Leg records of call detail records (issue 17): one row per segment of a call (each routing
-- decision executed: the first ring, a forward, a menu, a media service, a transfer), written in the
-- same transaction as its call's record; deleted with it by the retention purge (on delete cascade).
create sequence cdr_leg_seq start with 1 increment by 50;
create table call_leg_record (id bigint not null, cdr_id bigint not null, leg_index integer not null, kind varchar(8) not null, target varchar(255), forwarded_by varchar(64), outcome varchar(12) not null, answered_by varchar(64), started_at timestamp(6) with time zone not null, answered_at timestamp(6) with time zone, ended_at timestamp(6) with time zone not null, primary key (id), constraint fk_call_leg_record_cdr foreign key (cdr_id) references call_detail_record (id) on delete cascade);
create index ix_call_leg_record_cdr on call_leg_record (cdr_id, leg_index);
