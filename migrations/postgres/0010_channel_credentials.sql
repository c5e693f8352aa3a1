-- The tokens lumio acts with on a channel connection (issue 15 §1), owned by the connections
-- feature (server/src/connections/). One row per connection and role: the broadcaster's own
-- token, or a bot account's. Access and refresh tokens are sealed with XChaCha20-Poly1305 under
-- LUMIO_SECRET_KEY (format: version byte, key id byte, 24-byte nonce, ciphertext and tag; the
-- row id and column name are the associated data), so the database never holds a token in
-- clear. `status` turns to 'needs_reauth' when Twitch refuses a refresh.

CREATE TABLE channel_credentials (
    id                UUID PRIMARY KEY,
    account_id        UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    connection_id     UUID NOT NULL REFERENCES channel_connections (id) ON DELETE CASCADE,
    role              TEXT NOT NULL CHECK (role IN ('broadcaster', 'bot')),
    platform_user_id  TEXT NOT NULL,
    platform_login    TEXT NOT NULL,
    access_token      BYTEA NOT NULL,
    refresh_token     BYTEA,
    scopes            JSONB NOT NULL DEFAULT '[]',
    expires_at        TIMESTAMPTZ,
    status            TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'needs_reauth')),
    status_reason     TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    CONSTRAINT channel_credentials_connection_role_key UNIQUE (connection_id, role)
);
CREATE INDEX channel_credentials_account_idx ON channel_credentials (account_id);
