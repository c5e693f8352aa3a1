-- (SQLite dialect of postgres/0008_discord_guilds.sql.)
-- Discord guilds (seed 001 "Discord Server Mapping"), owned by the discord feature: a guild is
-- connected to one lumio account (UNIQUE guild_id), has per-guild JSON settings, and routes
-- lumio features to one of its channels each (`feature` is free text checked in code).

CREATE TABLE discord_guild_connections (
    id                 BLOB PRIMARY KEY,
    account_id         BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    guild_id           TEXT NOT NULL,
    guild_name         TEXT NOT NULL,
    guild_icon         TEXT,
    connected_by       BLOB REFERENCES users (id) ON DELETE SET NULL,
    connected_by_name  TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    CONSTRAINT discord_guild_connections_guild_id_key UNIQUE (guild_id)
);
CREATE INDEX discord_guild_connections_account_idx ON discord_guild_connections (account_id);

CREATE TABLE discord_guild_settings (
    guild_id    TEXT PRIMARY KEY REFERENCES discord_guild_connections (guild_id) ON DELETE CASCADE,
    settings    TEXT NOT NULL DEFAULT '{}',
    updated_at  TEXT NOT NULL
);

CREATE TABLE discord_guild_channel_mappings (
    id          BLOB PRIMARY KEY,
    guild_id    TEXT NOT NULL REFERENCES discord_guild_connections (guild_id) ON DELETE CASCADE,
    feature     TEXT NOT NULL,
    channel_id  TEXT NOT NULL,
    enabled     BOOLEAN NOT NULL DEFAULT 1,
    updated_by  BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CONSTRAINT discord_guild_channel_mappings_guild_feature_key UNIQUE (guild_id, feature)
);
