-- Admin UI, version 5: an END_USER login is linked to one user extension of its tenant (by its
-- extension number), whose REACH and voicemail it may see and change. Keep it equal in meaning to
-- mariadb/V5__ui_user_extension.sql.

alter table ui_user add column extension varchar(5);
