-- (SQLite dialect of postgres/0006_chat_dead_letters.sql.)
-- Rows the database refused during a chat flush (owned by chat). A batch the database refuses
-- is split until the refused rows are found; each goes here with the database's error, and
-- every other row and account keeps flowing. `lumio-server deadletter list` shows them,
-- `lumio-server deadletter replay` checks and stores them again (a row still refused stays,
-- with its new error).
CREATE TABLE chat_dead_letters (
    id          BLOB PRIMARY KEY,
    account_id  BLOB NOT NULL,
    payload     TEXT NOT NULL,
    error       TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX chat_dead_letters_account_idx ON chat_dead_letters (account_id, created_at);
