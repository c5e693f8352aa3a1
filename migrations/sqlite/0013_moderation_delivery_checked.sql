-- (SQLite dialect of postgres/0013_moderation_delivery_checked.sql.)
ALTER TABLE moderation_deliveries ADD COLUMN checked_at TEXT;
CREATE INDEX moderation_deliveries_unchecked_idx
    ON moderation_deliveries (sent_at) WHERE status = 'sent' AND checked_at IS NULL;
