-- Discord guilds (seed 001 "Discord Server Mapping"), owned by the discord feature: a guild is
-- connected to one lumio account (UNIQUE guild_id), has per-guild JSON settings, and routes
-- lumio features (live_notification, event_feed, chat_mirror, announcement, moderation_log,
-- clip_feed, and any added later: `feature` is free text checked in code, so a new key needs
-- no migration) to one of its channels each.

CREATE TABLE discord_guild_connections (
    id                 UUID PRIMARY KEY,
    account_id         UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    guild_id           TEXT NOT NULL,
    guild_name         TEXT NOT NULL,
    guild_icon         TEXT,
    connected_by       UUID REFERENCES users (id) ON DELETE SET NULL,
    connected_by_name  TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT discord_guild_connections_guild_id_key UNIQUE (guild_id)
);
CREATE INDEX discord_guild_connections_account_idx ON discord_guild_connections (account_id);

CREATE TABLE discord_guild_settings (
    guild_id    TEXT PRIMARY KEY REFERENCES discord_guild_connections (guild_id) ON DELETE CASCADE,
    settings    JSONB NOT NULL DEFAULT '{}',
    updated_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE discord_guild_channel_mappings (
    id          UUID PRIMARY KEY,
    guild_id    TEXT NOT NULL REFERENCES discord_guild_connections (guild_id) ON DELETE CASCADE,
    feature     TEXT NOT NULL,
    channel_id  TEXT NOT NULL,
    enabled     BOOLEAN NOT NULL DEFAULT true,
    updated_by  UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT discord_guild_channel_mappings_guild_feature_key UNIQUE (guild_id, feature)
);
