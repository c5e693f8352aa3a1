-- (SQLite dialect of postgres/0012_moderation_warn.sql.)
-- A warn action (issue 15): the moderation log takes `warn` (the outbox already does).
-- SQLite cannot change a CHECK in place, so moderation_log is rebuilt, and with it
-- moderation_deliveries, which refers to it: both are copied into new tables, the old ones
-- dropped child first (so no ON DELETE CASCADE fires on rows that are kept), and the new ones
-- renamed into place (a rename carries the outbox's reference along).

CREATE TABLE moderation_log_new (
    id                 BLOB PRIMARY KEY,
    account_id         BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    platform           TEXT NOT NULL CHECK (platform IN ('twitch', 'youtube', 'kick', 'trovo', 'discord')),
    platform_user_id   TEXT NOT NULL,
    target_username    TEXT,
    target_message_id  TEXT,
    action             TEXT NOT NULL CHECK (action IN ('ban', 'unban', 'timeout', 'delete', 'warn', 'treatment')),
    reason             TEXT,
    duration_seconds   INTEGER,
    moderator_id       BLOB REFERENCES users (id) ON DELETE SET NULL,
    moderator_name     TEXT NOT NULL,
    created_at         TEXT NOT NULL
);
INSERT INTO moderation_log_new
    (id, account_id, platform, platform_user_id, target_username, target_message_id, action,
     reason, duration_seconds, moderator_id, moderator_name, created_at)
SELECT id, account_id, platform, platform_user_id, target_username, target_message_id, action,
       reason, duration_seconds, moderator_id, moderator_name, created_at
FROM moderation_log;

CREATE TABLE moderation_deliveries_new (
    id                   BLOB PRIMARY KEY,
    log_id               BLOB REFERENCES moderation_log_new (id) ON DELETE CASCADE,
    account_id           BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    platform             TEXT NOT NULL,
    action               TEXT NOT NULL CHECK (action IN ('ban', 'unban', 'timeout', 'delete', 'warn', 'mod', 'unmod', 'treatment')),
    platform_user_id     TEXT NOT NULL,
    platform_message_id  TEXT,
    payload              TEXT NOT NULL,
    status               TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'confirmed', 'failed')),
    attempts             INTEGER NOT NULL DEFAULT 0,
    next_attempt_at      TEXT NOT NULL,
    lease_owner          TEXT,
    lease_until          TEXT,
    last_error           TEXT,
    platform_ref         TEXT,
    created_at           TEXT NOT NULL,
    sent_at              TEXT,
    confirmed_at         TEXT
);
INSERT INTO moderation_deliveries_new SELECT
    id, log_id, account_id, platform, action, platform_user_id, platform_message_id, payload,
    status, attempts, next_attempt_at, lease_owner, lease_until, last_error, platform_ref,
    created_at, sent_at, confirmed_at
FROM moderation_deliveries;

DROP TABLE moderation_deliveries;
DROP TABLE moderation_log;
ALTER TABLE moderation_log_new RENAME TO moderation_log;
ALTER TABLE moderation_deliveries_new RENAME TO moderation_deliveries;

CREATE INDEX moderation_log_user_idx
    ON moderation_log (account_id, platform, platform_user_id, created_at DESC);
CREATE INDEX moderation_log_account_idx ON moderation_log (account_id, created_at DESC);
CREATE INDEX moderation_deliveries_due_idx
    ON moderation_deliveries (next_attempt_at) WHERE status = 'queued';
CREATE INDEX moderation_deliveries_echo_idx
    ON moderation_deliveries (account_id, platform, platform_user_id, action)
    WHERE status IN ('queued', 'sent');
CREATE INDEX moderation_deliveries_log_idx ON moderation_deliveries (log_id);
