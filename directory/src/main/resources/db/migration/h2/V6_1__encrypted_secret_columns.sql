-- Secrets encrypted at rest (issue 15, item 16): an encrypted value is longer than the plain one
-- ("enc:v1:" + Base64 of nonce, ciphertext and tag). Keep it equal in meaning to
-- mariadb/V6_1__encrypted_secret_columns.sql. Numbered 6.1 so that it does not collide with a V6 of
-- work done at the same time.

alter table webhook_endpoint alter column secret set data type varchar(1000);
alter table contact_pull_source alter column authorization_header set data type varchar(2000);
