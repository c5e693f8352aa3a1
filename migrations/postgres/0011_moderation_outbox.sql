-- Moderation out (issue 15 §4): the outbox of actions lumio owes a platform, written in the
-- same transaction as the action's moderation_log entry, and delivered by the delivery
-- worker (moderation/delivery.rs). Owned by the moderation feature.
-- status: queued (not yet confirmed sent) → sent (the platform answered 2xx) → confirmed (the
-- platform's own event echoed it back), or failed (last_error says why).

CREATE TABLE moderation_deliveries (
    id                   UUID PRIMARY KEY,
    log_id               UUID REFERENCES moderation_log (id) ON DELETE CASCADE,
    account_id           UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    platform             TEXT NOT NULL,
    action               TEXT NOT NULL CHECK (action IN ('ban', 'unban', 'timeout', 'delete', 'warn', 'mod', 'unmod', 'treatment')),
    platform_user_id     TEXT NOT NULL,
    platform_message_id  TEXT,
    payload              TEXT NOT NULL,
    status               TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'confirmed', 'failed')),
    attempts             INTEGER NOT NULL DEFAULT 0,
    next_attempt_at      TIMESTAMPTZ NOT NULL,
    lease_owner          TEXT,
    lease_until          TIMESTAMPTZ,
    last_error           TEXT,
    platform_ref         TEXT,
    created_at           TIMESTAMPTZ NOT NULL,
    sent_at              TIMESTAMPTZ,
    confirmed_at         TIMESTAMPTZ
);
CREATE INDEX moderation_deliveries_due_idx
    ON moderation_deliveries (next_attempt_at) WHERE status = 'queued';
CREATE INDEX moderation_deliveries_echo_idx
    ON moderation_deliveries (account_id, platform, platform_user_id, action)
    WHERE status IN ('queued', 'sent');
CREATE INDEX moderation_deliveries_log_idx ON moderation_deliveries (log_id);
