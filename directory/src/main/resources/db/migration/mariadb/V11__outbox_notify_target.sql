-- Outbox head-of-line blocking (issue 15, item 17): a message-waiting NOTIFY queued because a phone
-- registered goes to that one contact only, not to all the user's phones (a dead one among them
-- made every registration's NOTIFY wait for it). Null: all the user's registered phones, as before.
-- Keep equal in meaning to h2/V11__outbox_notify_target.sql.

alter table outbox_message add column target varchar(1000);
