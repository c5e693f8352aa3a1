-- (SQLite dialect of postgres/0006_bot_commands.sql: BLOB uuids, TEXT times and JSON.)
-- Bot commands (seed 004): account commands and global ones (account_id NULL, made by admins,
-- inherited by every account), accounts' overrides of global commands, usage statistics
-- (flushed from a live counter on the bus), the history of every change, and per-account
-- features that gate template variables ({song}: widget:spotify_now_playing).

CREATE TABLE bot_commands (
    id                        BLOB PRIMARY KEY,
    account_id                BLOB REFERENCES accounts (id) ON DELETE CASCADE,
    name                      TEXT NOT NULL,
    aliases                   TEXT NOT NULL DEFAULT '[]',
    kind                      TEXT NOT NULL CHECK (kind IN ('text', 'template', 'automation')),
    response                  TEXT NOT NULL DEFAULT '',
    automation                TEXT,
    platforms                 TEXT NOT NULL,
    discord_style             TEXT NOT NULL DEFAULT 'prefix' CHECK (discord_style IN ('prefix', 'slash')),
    min_role                  TEXT NOT NULL DEFAULT 'everyone'
        CHECK (min_role IN ('broadcaster', 'moderator', 'vip', 'subscriber', 'follower', 'everyone')),
    global_cooldown_seconds   INTEGER NOT NULL DEFAULT 0 CHECK (global_cooldown_seconds >= 0),
    user_cooldown_seconds     INTEGER NOT NULL DEFAULT 0 CHECK (user_cooldown_seconds >= 0),
    cooldown_applies_to_mods  BOOLEAN NOT NULL DEFAULT false,
    cooldown_reply            TEXT,
    enabled                   BOOLEAN NOT NULL DEFAULT true,
    needs_review              BOOLEAN NOT NULL DEFAULT false,
    source                    TEXT,
    source_id                 TEXT,
    created_at                TEXT NOT NULL,
    updated_at                TEXT NOT NULL
);
CREATE UNIQUE INDEX bot_commands_account_name ON bot_commands (account_id, name)
    WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX bot_commands_global_name ON bot_commands (name) WHERE account_id IS NULL;
CREATE UNIQUE INDEX bot_commands_source ON bot_commands (account_id, source, source_id)
    WHERE source_id IS NOT NULL;

CREATE TABLE bot_command_overrides (
    id                       BLOB PRIMARY KEY,
    account_id               BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    command_id               BLOB NOT NULL REFERENCES bot_commands (id) ON DELETE CASCADE,
    response                 TEXT,
    platforms                TEXT,
    global_cooldown_seconds  INTEGER CHECK (global_cooldown_seconds >= 0),
    user_cooldown_seconds    INTEGER CHECK (user_cooldown_seconds >= 0),
    cooldown_reply           TEXT,
    min_role                 TEXT
        CHECK (min_role IN ('broadcaster', 'moderator', 'vip', 'subscriber', 'follower', 'everyone')),
    enabled                  BOOLEAN,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    CONSTRAINT bot_command_overrides_account_command UNIQUE (account_id, command_id)
);

CREATE TABLE bot_command_stats (
    account_id    BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    command_id    BLOB NOT NULL REFERENCES bot_commands (id) ON DELETE CASCADE,
    uses          INTEGER NOT NULL DEFAULT 0,
    last_used_at  TEXT,
    PRIMARY KEY (account_id, command_id)
);

-- Kept after the command is deleted: no foreign key on command_id.
CREATE TABLE bot_command_history (
    id               BLOB PRIMARY KEY,
    command_id       BLOB NOT NULL,
    account_id       BLOB REFERENCES accounts (id) ON DELETE CASCADE,
    target           TEXT NOT NULL CHECK (target IN ('command', 'override')),
    action           TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import')),
    before_json      TEXT,
    after_json       TEXT,
    changed_fields   TEXT NOT NULL DEFAULT '[]',
    changed_by       BLOB REFERENCES users (id) ON DELETE SET NULL,
    changed_by_name  TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX bot_command_history_command_idx ON bot_command_history (command_id, created_at);

CREATE TABLE account_features (
    account_id  BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    feature     TEXT NOT NULL,
    enabled_at  TEXT NOT NULL,
    PRIMARY KEY (account_id, feature)
);

-- Seed 002's item commands, run by lumio itself, as global commands disabled by default:
-- an account turns one on with an override (enabled: true).
INSERT INTO bot_commands (id, account_id, name, aliases, kind, response, automation, platforms,
        min_role, global_cooldown_seconds, user_cooldown_seconds, enabled, created_at, updated_at)
VALUES
    (X'00000000000070008000000000000001', NULL, 'grenade', '[]', 'automation',
     '{user} throws a grenade!', 'builtin:grenade', '["twitch","youtube","kick","trovo","discord"]',
     'everyone', 30, 300, false, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    (X'00000000000070008000000000000002', NULL, 'tnt', '[]', 'automation',
     '{user} lights the TNT!', 'builtin:tnt', '["twitch","youtube","kick","trovo","discord"]',
     'everyone', 60, 600, false, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    (X'00000000000070008000000000000003', NULL, 'silverbullet', '[]', 'automation',
     '{user} fires a silver bullet at {touser}!', 'builtin:silverbullet',
     '["twitch","youtube","kick","trovo","discord"]', 'everyone', 30, 300, false, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now')),
    (X'00000000000070008000000000000004', NULL, 'roulette', '[]', 'automation',
     '{user} spins the cylinder…', 'builtin:roulette',
     '["twitch","youtube","kick","trovo","discord"]', 'everyone', 0, 30, false, strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));
