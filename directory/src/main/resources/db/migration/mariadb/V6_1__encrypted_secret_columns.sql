-- Secrets encrypted at rest (issue 15, item 16): an encrypted value is longer than the plain one
-- ("enc:v1:" + Base64 of nonce, ciphertext and tag). Keep it equal in meaning to
-- h2/V6_1__encrypted_secret_columns.sql. Numbered 6.1 so that it does not collide with a V6 of
-- work done at the same time.

alter table webhook_endpoint modify column secret varchar(1000) not null;
alter table contact_pull_source modify column authorization_header varchar(2000);
