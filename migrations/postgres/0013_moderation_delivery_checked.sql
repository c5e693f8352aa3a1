-- Issue 15 §4: the delivery worker's reconciler reads `sent` rows whose EventSub echo was
-- missed back from the platform; `checked_at` marks a row it has looked at and settled or
-- could not read back (delete, warn, treatment), so it is not polled again.
ALTER TABLE moderation_deliveries ADD COLUMN checked_at TIMESTAMPTZ;
CREATE INDEX moderation_deliveries_unchecked_idx
    ON moderation_deliveries (sent_at) WHERE status = 'sent' AND checked_at IS NULL;
