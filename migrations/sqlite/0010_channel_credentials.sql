-- (SQLite dialect of postgres/0010_channel_credentials.sql.)
-- The tokens lumio acts with on a channel connection, owned by the connections feature; access
-- and refresh tokens are sealed (XChaCha20-Poly1305 under LUMIO_SECRET_KEY), never in clear.

CREATE TABLE channel_credentials (
    id                BLOB PRIMARY KEY,
    account_id        BLOB NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    connection_id     BLOB NOT NULL REFERENCES channel_connections (id) ON DELETE CASCADE,
    role              TEXT NOT NULL CHECK (role IN ('broadcaster', 'bot')),
    platform_user_id  TEXT NOT NULL,
    platform_login    TEXT NOT NULL,
    access_token      BLOB NOT NULL,
    refresh_token     BLOB,
    scopes            TEXT NOT NULL DEFAULT '[]',
    expires_at        TEXT,
    status            TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'needs_reauth')),
    status_reason     TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CONSTRAINT channel_credentials_connection_role_key UNIQUE (connection_id, role)
);
CREATE INDEX channel_credentials_account_idx ON channel_credentials (account_id);
