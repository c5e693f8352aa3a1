-- (SQLite dialect of postgres/0009_admin_audit_log.sql.)
-- The admin audit log, owned by the admin feature: every admin action is written `pending`
-- before it runs and marked `ok` or `failed` after.

CREATE TABLE admin_audit_log (
    id           BLOB PRIMARY KEY,
    actor_id     BLOB REFERENCES users (id) ON DELETE SET NULL,
    actor_name   TEXT NOT NULL,
    permission   TEXT NOT NULL,
    action       TEXT NOT NULL,
    target_kind  TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    account_id   BLOB,
    details      TEXT NOT NULL DEFAULT '{}',
    outcome      TEXT NOT NULL CHECK (outcome IN ('pending', 'ok', 'failed')),
    error        TEXT,
    created_at   TEXT NOT NULL,
    finished_at  TEXT
);
CREATE INDEX admin_audit_log_created_idx ON admin_audit_log (created_at DESC, id DESC);
