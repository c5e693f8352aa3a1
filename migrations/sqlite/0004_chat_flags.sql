-- (SQLite dialect of postgres/0004_chat_flags.sql.)
-- What lumio knew of the chatter when the message arrived (seed 002's chatter state):
-- the first message they ever sent in the channel, the first of the current stream, and the
-- treatment they were under (active_monitoring / restricted; NULL for none), so that history
-- shows the same flags the live stream showed.
ALTER TABLE platform_messages ADD COLUMN is_first_message BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE platform_messages ADD COLUMN is_first_in_stream BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE platform_messages ADD COLUMN treatment TEXT;
