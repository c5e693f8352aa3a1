-- (SQLite dialect of postgres/0001_foundation.sql: BLOB uuids, TEXT times and JSON.)
-- Foundation: accounts, users, roles, memberships, API tokens, channel connections,
-- platform users and moderator notes. Times are always written by the server (UTC).

CREATE TABLE accounts (
    id          BLOB PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    plan        TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'enterprise')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE users (
    id                 BLOB PRIMARY KEY,
    username           TEXT NOT NULL UNIQUE,
    display_name       TEXT NOT NULL,
    password_hash      TEXT,
    admin_permissions  TEXT NOT NULL DEFAULT '[]',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);

-- Custom roles of an account; the built-in roles (owner, moderator, editor, viewer) live in code.
CREATE TABLE roles (
    id           BLOB PRIMARY KEY,
    account_id   BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    permissions  TEXT NOT NULL DEFAULT '[]',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (account_id, name)
);

CREATE TABLE memberships (
    user_id     BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    account_id  BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (user_id, account_id)
);
CREATE INDEX memberships_account_idx ON memberships (account_id);

-- Only the SHA-256 of a token is stored. permissions NULL = everything the user holds.
CREATE TABLE api_tokens (
    id            BLOB PRIMARY KEY,
    user_id       BLOB NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('session', 'api')),
    token_hash    TEXT NOT NULL UNIQUE,
    permissions   TEXT,
    created_at    TEXT NOT NULL,
    expires_at    TEXT,
    last_used_at  TEXT
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE channel_connections (
    id            BLOB PRIMARY KEY,
    account_id    BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    platform      TEXT NOT NULL CHECK (platform IN ('twitch', 'youtube', 'kick', 'trovo', 'discord')),
    channel_name  TEXT NOT NULL,
    channel_id    TEXT,
    bot_enabled   BOOLEAN NOT NULL DEFAULT 1,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (account_id, platform, channel_name)
);

CREATE TABLE platform_users (
    id                   BLOB PRIMARY KEY,
    account_id           BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    platform             TEXT NOT NULL CHECK (platform IN ('twitch', 'youtube', 'kick', 'trovo', 'discord')),
    platform_user_id     TEXT NOT NULL,
    username             TEXT NOT NULL,
    display_name         TEXT,
    color                TEXT,
    is_mod               BOOLEAN NOT NULL DEFAULT 0,
    is_sub               BOOLEAN NOT NULL DEFAULT 0,
    is_vip               BOOLEAN NOT NULL DEFAULT 0,
    sub_tier             TEXT,
    first_seen_at        TEXT,
    last_seen_at         TEXT,
    message_count        INTEGER NOT NULL DEFAULT 0,
    treatment            TEXT NOT NULL DEFAULT 'none' CHECK (treatment IN ('none', 'active_monitoring', 'restricted')),
    banned_at            TEXT,
    ban_expires_at       TEXT,
    ban_reason           TEXT,
    followed_at          TEXT,
    follower_checked_at  TEXT,
    enrichment           TEXT,
    enriched_at          TEXT,
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    UNIQUE (account_id, platform, platform_user_id)
);
CREATE INDEX platform_users_username_idx ON platform_users (account_id, platform, lower(username));

CREATE TABLE platform_user_notes (
    id                BLOB PRIMARY KEY,
    account_id        BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    platform          TEXT NOT NULL CHECK (platform IN ('twitch', 'youtube', 'kick', 'trovo', 'discord')),
    platform_user_id  TEXT NOT NULL,
    note              TEXT NOT NULL,
    created_by        BLOB REFERENCES users (id) ON DELETE SET NULL,
    created_by_name   TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX platform_user_notes_user_idx
    ON platform_user_notes (account_id, platform, platform_user_id, created_at);
