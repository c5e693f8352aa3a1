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

-- PostgreSQL refuses NUL (0x00) in text, and \u0000 in jsonb; SQLite would store them. The
-- same refusal here keeps the two databases alike: such a row is dead-lettered on both.
CREATE TRIGGER platform_messages_no_nul BEFORE INSERT ON platform_messages
WHEN instr(CAST(NEW.channel_name AS BLOB), x'00') > 0
  OR instr(CAST(NEW.user_id AS BLOB), x'00') > 0
  OR instr(CAST(NEW.username AS BLOB), x'00') > 0
  OR instr(CAST(NEW.display_name AS BLOB), x'00') > 0
  OR instr(CAST(NEW.message AS BLOB), x'00') > 0
  OR instr(CAST(NEW.color AS BLOB), x'00') > 0
  OR instr(CAST(NEW.sub_tier AS BLOB), x'00') > 0
  OR instr(CAST(NEW.platform_message_id AS BLOB), x'00') > 0
  OR instr(CAST(NEW.reply_to_message_id AS BLOB), x'00') > 0
  OR instr(CAST(NEW.reply_to_user_id AS BLOB), x'00') > 0
  OR instr(CAST(NEW.reply_to_username AS BLOB), x'00') > 0
  OR instr(CAST(NEW.reply_to_message AS BLOB), x'00') > 0
  OR instr(CAST(NEW.deleted_by AS BLOB), x'00') > 0
  OR instr(CAST(NEW.treatment AS BLOB), x'00') > 0
  OR instr(NEW.emotes, '\u0000') > 0
  OR instr(NEW.badges, '\u0000') > 0
BEGIN
  SELECT RAISE(ABORT, 'invalid byte sequence: text must not contain NUL (0x00)');
END;
