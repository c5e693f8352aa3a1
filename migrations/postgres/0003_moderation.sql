-- Moderation (seed 000: moderation_log): every ban, unban, timeout, delete and treatment
-- change, with who did it; and the durable schedule of delayed platform actions (re-mod
-- after a timeout) that survives restarts and runs once across instances.

CREATE TABLE moderation_log (
    id                 UUID PRIMARY KEY,
    account_id         UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    platform           TEXT NOT NULL CHECK (platform IN ('twitch', 'youtube', 'kick', 'trovo', 'discord')),
    platform_user_id   TEXT NOT NULL,
    target_username    TEXT,
    target_message_id  TEXT,
    action             TEXT NOT NULL CHECK (action IN ('ban', 'unban', 'timeout', 'delete', 'treatment')),
    reason             TEXT,
    duration_seconds   BIGINT,
    moderator_id       UUID REFERENCES users (id) ON DELETE SET NULL,
    moderator_name     TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX moderation_log_user_idx
    ON moderation_log (account_id, platform, platform_user_id, created_at DESC);
CREATE INDEX moderation_log_account_idx ON moderation_log (account_id, created_at DESC);

CREATE TABLE scheduled_actions (
    id                UUID PRIMARY KEY,
    account_id        UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    platform          TEXT NOT NULL,
    platform_user_id  TEXT NOT NULL,
    action            TEXT NOT NULL,
    due_at            TIMESTAMPTZ NOT NULL,
    claimed_by        TEXT,
    claimed_until     TIMESTAMPTZ,
    done_at           TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX scheduled_actions_due_idx ON scheduled_actions (due_at) WHERE done_at IS NULL;
