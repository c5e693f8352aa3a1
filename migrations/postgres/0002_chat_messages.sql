-- Chat messages (seed 000: platform_messages). Ids are UUIDv7 assigned at ingest, so they
-- sort by time: history pages by id. Rows arrive from the flush worker in batches.
-- (Where TimescaleDB is installed a later migration can turn this into a hypertable.)

CREATE TABLE platform_messages (
    id                    UUID PRIMARY KEY,
    account_id            UUID NOT NULL,
    platform              TEXT NOT NULL,
    channel_name          TEXT NOT NULL,
    user_id               TEXT NOT NULL,
    username              TEXT NOT NULL,
    display_name          TEXT,
    message               TEXT NOT NULL,
    emotes                JSONB NOT NULL DEFAULT '[]',
    badges                JSONB NOT NULL DEFAULT '[]',
    color                 TEXT,
    is_mod                BOOLEAN NOT NULL DEFAULT false,
    is_sub                BOOLEAN NOT NULL DEFAULT false,
    is_vip                BOOLEAN NOT NULL DEFAULT false,
    sub_tier              TEXT,
    platform_message_id   TEXT,
    reply_to_message_id   TEXT,
    reply_to_user_id      TEXT,
    reply_to_username     TEXT,
    reply_to_message      TEXT,
    created_at            TIMESTAMPTZ NOT NULL,
    deleted_at            TIMESTAMPTZ,
    deleted_by            TEXT
);
CREATE INDEX platform_messages_account_idx ON platform_messages (account_id, id DESC);
CREATE INDEX platform_messages_user_idx ON platform_messages (account_id, platform, user_id, id DESC);
CREATE UNIQUE INDEX platform_messages_platform_id_idx
    ON platform_messages (account_id, platform, platform_message_id)
    WHERE platform_message_id IS NOT NULL;
