-- The admin audit log, owned by the admin feature: every admin action (deleting a Discord
-- guild mapping now; bot-control toggles later) is written `pending` before it runs and marked
-- `ok` or `failed` after, so an action that dies half-way still shows. No foreign key to the
-- account or the target: the log outlives what it names.

CREATE TABLE admin_audit_log (
    id           UUID PRIMARY KEY,
    actor_id     UUID REFERENCES users (id) ON DELETE SET NULL,
    actor_name   TEXT NOT NULL,
    permission   TEXT NOT NULL,
    action       TEXT NOT NULL,
    target_kind  TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    account_id   UUID,
    details      JSONB NOT NULL DEFAULT '{}',
    outcome      TEXT NOT NULL CHECK (outcome IN ('pending', 'ok', 'failed')),
    error        TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ
);
CREATE INDEX admin_audit_log_created_idx ON admin_audit_log (created_at DESC, id DESC);
