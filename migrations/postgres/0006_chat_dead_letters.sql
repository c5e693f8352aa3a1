-- Rows the database refused during a chat flush (owned by chat). A batch the database refuses
-- is split until the refused rows are found; each goes here with the database's error, and
-- every other row and account keeps flowing. `lumio-server deadletter list` shows them,
-- `lumio-server deadletter replay` checks and stores them again (a row still refused stays,
-- with its new error).
CREATE TABLE chat_dead_letters (
    -- The message's id (for an unreadable buffered item: one derived from its content).
    id          UUID PRIMARY KEY,
    account_id  UUID NOT NULL,
    -- The buffered message exactly as it was (JSON; text, since jsonb refuses \u0000).
    payload     TEXT NOT NULL,
    -- The database's error the last time the row was tried.
    error       TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 1,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX chat_dead_letters_account_idx ON chat_dead_letters (account_id, created_at);
