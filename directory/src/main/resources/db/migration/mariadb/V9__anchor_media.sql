-- Media anchoring per tenant and per channel (issue 11): ALWAYS or WHEN_NEEDED; null inherits
-- (channel: the tenant's setting; tenant: the server's pbx.media.anchor-media).
alter table tenant add column anchor_media varchar(12);
alter table channel add column anchor_media varchar(12);
