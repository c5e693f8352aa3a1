//! Queries of the moderation feature, for both databases (over 600 lines: the log, the due
//! actions and the outbox with its reconciler share the one `db.moderation()` handle).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::ModerationLogEntry;
use crate::on_db;
use crate::store::Db;

const LOG_COLS: &str = "id, account_id, platform, platform_user_id, target_username, \
    target_message_id, action, reason, duration_seconds, moderator_id, moderator_name, created_at";

/// A log entry as read, with its delivery's status (the outbox row of the same action; a
/// timeout's `unmod` row is not the entry's own).
const LOG_SELECT: &str = "SELECT l.id, l.account_id, l.platform, l.platform_user_id, \
    l.target_username, l.target_message_id, l.action, l.reason, l.duration_seconds, \
    l.moderator_id, l.moderator_name, l.created_at, d.status AS delivery_status, \
    d.last_error AS delivery_error FROM moderation_log l \
    LEFT JOIN moderation_deliveries d ON d.log_id = l.id AND d.action = l.action";

const DELIVERY_COLS: &str = "id, log_id, account_id, platform, action, platform_user_id, \
    platform_message_id, payload, status, attempts, last_error, sent_at";

/// An outbox row: an action lumio owes a platform (`moderation_deliveries`).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Delivery {
    pub id: Uuid,
    /// The log entry it delivers (none for a re-mod after a timeout).
    pub log_id: Option<Uuid>,
    pub account_id: Uuid,
    pub platform: String,
    /// ban, unban, timeout, delete, warn, mod, unmod or treatment.
    pub action: String,
    pub platform_user_id: String,
    pub platform_message_id: Option<String>,
    /// What the platform call needs, as JSON (channel, duration, reason, treatment…).
    pub payload: String,
    /// queued, sent, confirmed or failed.
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    /// When the platform answered 2xx (None while queued).
    pub sent_at: Option<DateTime<Utc>>,
}

/// An outbox row to write with an action.
#[derive(Debug, Clone)]
pub struct NewDelivery {
    pub action: &'static str,
    pub platform_user_id: String,
    pub platform_message_id: Option<String>,
    pub payload: serde_json::Value,
}

const INSERT_DELIVERY: &str = "INSERT INTO moderation_deliveries (id, log_id, account_id, \
    platform, action, platform_user_id, platform_message_id, payload, status, attempts, \
    next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', 0, $9, $9)";

/// A ban or timeout to record: since when, until when (none: permanent), why. `None`
/// lifts it.
pub type BanState<'a> = Option<(DateTime<Utc>, Option<DateTime<Utc>>, Option<&'a str>)>;

/// A due delayed action, claimed by one instance.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ScheduledAction {
    pub id: Uuid,
    pub account_id: Uuid,
    pub platform: String,
    pub platform_user_id: String,
    pub action: String,
    pub due_at: DateTime<Utc>,
}

/// What happens to the chatter's pending re-mod in an action's transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemodChange {
    Keep,
    /// Schedule it (replacing an earlier pending one) for when the timeout ends.
    Schedule(DateTime<Utc>),
    /// Drop it: the caller gives mod back at once (an unban).
    Cancel,
}

/// The database writes of one moderation action: the chatter's state and its log entry,
/// made together in [`ModerationStore::record_action`] or not at all.
#[derive(Debug, Clone)]
pub struct ActionWrites<'a> {
    pub log: &'a ModerationLogEntry,
    /// The chatter's username, for a row lumio has not seen yet.
    pub username: &'a str,
    /// Set (`Some(Some(..))`) or lift (`Some(None)`) a ban or timeout; `None` leaves it.
    pub ban: Option<BanState<'a>>,
    pub treatment: Option<&'a str>,
    pub remod: RemodChange,
    /// A message to mark deleted (`platform_messages`, with chat's own statement).
    pub deleted: Option<(Uuid, &'a str, DateTime<Utc>)>,
    /// Outbox rows for the platform (none for an action taken on the platform itself).
    pub deliveries: &'a [NewDelivery],
}

impl<'a> ActionWrites<'a> {
    /// Only the log entry; the other fields are set by the action.
    pub fn log_only(log: &'a ModerationLogEntry, username: &'a str) -> Self {
        ActionWrites {
            log,
            username,
            ban: None,
            treatment: None,
            remod: RemodChange::Keep,
            deleted: None,
            deliveries: &[],
        }
    }
}

const DROP_PENDING: &str = "DELETE FROM scheduled_actions WHERE account_id = $1 \
    AND platform = $2 AND platform_user_id = $3 AND action = $4 AND done_at IS NULL \
    AND claimed_by IS NULL";

const SCHEDULE: &str = "INSERT INTO scheduled_actions (id, account_id, platform, \
    platform_user_id, action, due_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// The action name of the re-mod in `scheduled_actions`.
pub const REMOD: &str = "remod";

/// The store handle of the moderation feature: `db.moderation()`.
pub struct ModerationStore<'a> {
    db: &'a Db,
}

impl Db {
    pub fn moderation(&self) -> ModerationStore<'_> {
        ModerationStore { db: self }
    }
}

impl ModerationStore<'_> {
    /// Write one moderation action in one transaction: the chatter's ban or treatment, the
    /// re-mod schedule, a message's deletion and the log entry. Nothing is written when any
    /// of them fails, so the caller publishes to the bus only after this returns.
    pub async fn record_action(&self, w: &ActionWrites<'_>) -> sqlx::Result<()> {
        let e = w.log;
        let now = crate::store::now();
        let insert_log = format!(
            "INSERT INTO moderation_log ({LOG_COLS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
        );
        on_db!(self.db, |pool| {
            let mut tx = pool.begin().await?;
            if let Some(ban) = w.ban {
                let (banned_at, expires, reason) = match ban {
                    Some((at, exp, reason)) => (Some(at), exp, reason),
                    None => (None, None, None),
                };
                sqlx::query(crate::chatter::store::UPSERT_BAN)
                    .bind(Uuid::now_v7())
                    .bind(e.account_id)
                    .bind(&e.platform)
                    .bind(&e.platform_user_id)
                    .bind(w.username)
                    .bind(banned_at)
                    .bind(expires)
                    .bind(reason)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            if let Some(treatment) = w.treatment {
                sqlx::query(crate::chatter::store::UPSERT_TREATMENT)
                    .bind(Uuid::now_v7())
                    .bind(e.account_id)
                    .bind(&e.platform)
                    .bind(&e.platform_user_id)
                    .bind(w.username)
                    .bind(treatment)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            if w.remod != RemodChange::Keep {
                sqlx::query(DROP_PENDING)
                    .bind(e.account_id)
                    .bind(&e.platform)
                    .bind(&e.platform_user_id)
                    .bind(REMOD)
                    .execute(&mut *tx)
                    .await?;
            }
            if let RemodChange::Schedule(due_at) = w.remod {
                sqlx::query(SCHEDULE)
                    .bind(Uuid::now_v7())
                    .bind(e.account_id)
                    .bind(&e.platform)
                    .bind(&e.platform_user_id)
                    .bind(REMOD)
                    .bind(due_at)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            if let Some((id, by, at)) = w.deleted {
                sqlx::query(crate::chat::store::MARK_DELETED)
                    .bind(at)
                    .bind(by)
                    .bind(e.account_id)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query(&insert_log)
                .bind(e.id)
                .bind(e.account_id)
                .bind(&e.platform)
                .bind(&e.platform_user_id)
                .bind(&e.target_username)
                .bind(&e.target_message_id)
                .bind(&e.action)
                .bind(&e.reason)
                .bind(e.duration_seconds)
                .bind(e.moderator_id)
                .bind(&e.moderator_name)
                .bind(e.created_at)
                .execute(&mut *tx)
                .await?;
            for d in w.deliveries {
                sqlx::query(INSERT_DELIVERY)
                    .bind(Uuid::now_v7())
                    .bind(Some(e.id))
                    .bind(e.account_id)
                    .bind(&e.platform)
                    .bind(d.action)
                    .bind(&d.platform_user_id)
                    .bind(&d.platform_message_id)
                    .bind(d.payload.to_string())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await
        })
    }

    /// A page of a user's log, newest first, and the user's total.
    pub async fn mod_log_of_user(
        &self,
        account: Uuid,
        platform: &str,
        user: &str,
        offset: i64,
        limit: i64,
    ) -> sqlx::Result<(Vec<ModerationLogEntry>, i64)> {
        let sql = format!(
            "{LOG_SELECT} \
             WHERE l.account_id = $1 AND l.platform = $2 AND l.platform_user_id = $3 \
             ORDER BY l.created_at DESC, l.id DESC LIMIT $4 OFFSET $5"
        );
        let rows = on_db!(self.db, |pool| sqlx::query_as::<_, ModerationLogEntry>(
            &sql
        )
        .bind(account)
        .bind(platform)
        .bind(user)
        .bind(limit)
        .bind(offset)
        .fetch_all(pool)
        .await)?;
        let total: i64 = on_db!(self.db, |pool| sqlx::query_scalar(
            "SELECT COUNT(*) FROM moderation_log \
             WHERE account_id = $1 AND platform = $2 AND platform_user_id = $3"
        )
        .bind(account)
        .bind(platform)
        .bind(user)
        .fetch_one(pool)
        .await)?;
        Ok((rows, total))
    }

    /// A page of the whole account's log, newest first, and the account's total.
    pub async fn mod_log_of_account(
        &self,
        account: Uuid,
        offset: i64,
        limit: i64,
    ) -> sqlx::Result<(Vec<ModerationLogEntry>, i64)> {
        let sql = format!(
            "{LOG_SELECT} WHERE l.account_id = $1 \
             ORDER BY l.created_at DESC, l.id DESC LIMIT $2 OFFSET $3"
        );
        let rows = on_db!(self.db, |pool| sqlx::query_as::<_, ModerationLogEntry>(
            &sql
        )
        .bind(account)
        .bind(limit)
        .bind(offset)
        .fetch_all(pool)
        .await)?;
        let total: i64 = on_db!(self.db, |pool| sqlx::query_scalar(
            "SELECT COUNT(*) FROM moderation_log WHERE account_id = $1"
        )
        .bind(account)
        .fetch_one(pool)
        .await)?;
        Ok((rows, total))
    }

    /// Claim one due action for `instance` for `lease` (a claim whose lease ran out, of an
    /// instance that died, can be claimed again). The claim is one conditional UPDATE, so
    /// two instances never both get the same action.
    pub async fn claim_due_action(
        &self,
        instance: &str,
        now: DateTime<Utc>,
        lease: chrono::Duration,
    ) -> sqlx::Result<Option<ScheduledAction>> {
        let candidates: Vec<Uuid> = on_db!(self.db, |pool| sqlx::query_scalar(
            "SELECT id FROM scheduled_actions WHERE done_at IS NULL AND due_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY due_at LIMIT 10"
        )
        .bind(now)
        .fetch_all(pool)
        .await)?;
        for id in candidates {
            let claimed: Option<ScheduledAction> = on_db!(self.db, |pool| sqlx::query_as(
                "UPDATE scheduled_actions SET claimed_by = $1, claimed_until = $2 \
                 WHERE id = $3 AND done_at IS NULL \
                 AND (claimed_until IS NULL OR claimed_until < $4) \
                 RETURNING id, account_id, platform, platform_user_id, action, due_at"
            )
            .bind(instance)
            .bind(now + lease)
            .bind(id)
            .bind(now)
            .fetch_optional(pool)
            .await)?;
            if claimed.is_some() {
                return Ok(claimed);
            }
        }
        Ok(None)
    }

    pub async fn finish_action(&self, id: Uuid, instance: &str) -> sqlx::Result<()> {
        let now = crate::store::now();
        on_db!(self.db, |pool| sqlx::query(
            "UPDATE scheduled_actions SET done_at = $1 WHERE id = $2 AND claimed_by = $3"
        )
        .bind(now)
        .bind(id)
        .bind(instance)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// How many delayed actions of an account were carried out (for tests and admin views).
    pub async fn done_actions(&self, account: Uuid, action: &str) -> sqlx::Result<i64> {
        on_db!(self.db, |pool| sqlx::query_scalar(
            "SELECT COUNT(*) FROM scheduled_actions \
             WHERE account_id = $1 AND action = $2 AND done_at IS NOT NULL"
        )
        .bind(account)
        .bind(action)
        .fetch_one(pool)
        .await)
    }

    /// Queue an outbox row of its own (a re-mod when a timeout ends: no log entry).
    pub async fn queue_delivery(
        &self,
        account: Uuid,
        platform: &str,
        d: &NewDelivery,
    ) -> sqlx::Result<Uuid> {
        let id = Uuid::now_v7();
        let now = crate::store::now();
        on_db!(self.db, |pool| sqlx::query(INSERT_DELIVERY)
            .bind(id)
            .bind(None::<Uuid>)
            .bind(account)
            .bind(platform)
            .bind(d.action)
            .bind(&d.platform_user_id)
            .bind(&d.platform_message_id)
            .bind(d.payload.to_string())
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ()))?;
        Ok(id)
    }

    /// Claim up to `limit` due `queued` rows for `owner` until `now + lease`, counting the
    /// attempt (a rate-limit wait gives it back, [`DeliveryChange::Retry`]). PostgreSQL
    /// skips rows another instance is claiming (`FOR UPDATE SKIP LOCKED`); SQLite, which has
    /// no row locks, claims each with a conditional UPDATE. A claim whose lease ran out (its
    /// instance died) is claimed again.
    pub async fn claim_deliveries(
        &self,
        owner: &str,
        now: DateTime<Utc>,
        lease: chrono::Duration,
        limit: i64,
    ) -> sqlx::Result<Vec<Delivery>> {
        // Per chatter in order: a row waits while an earlier row for the same (account,
        // platform, user) is still queued or in flight (an unmod being retried holds back the
        // timeout queued after it, which Twitch would refuse for a moderator).
        const DUE: &str = "status = 'queued' AND next_attempt_at <= $1 \
            AND (lease_until IS NULL OR lease_until < $1) \
            AND NOT EXISTS (SELECT 1 FROM moderation_deliveries e \
            WHERE e.account_id = moderation_deliveries.account_id \
            AND e.platform = moderation_deliveries.platform \
            AND e.platform_user_id = moderation_deliveries.platform_user_id \
            AND e.status = 'queued' AND (e.created_at < moderation_deliveries.created_at \
            OR (e.created_at = moderation_deliveries.created_at AND e.id < moderation_deliveries.id)))";
        match self.db {
            Db::Postgres(pool) => {
                let sql = format!(
                    "UPDATE moderation_deliveries SET lease_owner = $2, lease_until = $3, \
                     attempts = attempts + 1 WHERE id IN (SELECT id FROM moderation_deliveries WHERE {DUE} \
                     ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) \
                     RETURNING {DELIVERY_COLS}"
                );
                sqlx::query_as(&sql)
                    .bind(now)
                    .bind(owner)
                    .bind(now + lease)
                    .bind(limit)
                    .fetch_all(pool)
                    .await
            }
            Db::Sqlite(pool) => {
                let ids: Vec<Uuid> = sqlx::query_scalar(&format!(
                    "SELECT id FROM moderation_deliveries WHERE {DUE} \
                     ORDER BY next_attempt_at LIMIT $2"
                ))
                .bind(now)
                .bind(limit)
                .fetch_all(pool)
                .await?;
                let sql = format!(
                    "UPDATE moderation_deliveries SET lease_owner = $2, lease_until = $3, \
                     attempts = attempts + 1 WHERE id = $4 AND {DUE} RETURNING {DELIVERY_COLS}"
                );
                let mut claimed = Vec::new();
                for id in ids {
                    let row: Option<Delivery> = sqlx::query_as(&sql)
                        .bind(now)
                        .bind(owner)
                        .bind(now + lease)
                        .bind(id)
                        .fetch_optional(pool)
                        .await?;
                    claimed.extend(row);
                }
                Ok(claimed)
            }
        }
    }

    /// A claimed row's next state, written only while it is still `queued` (an echo may
    /// have confirmed it meanwhile), releasing the lease.
    pub async fn update_delivery(
        &self,
        id: Uuid,
        change: DeliveryChange<'_>,
    ) -> sqlx::Result<Option<Delivery>> {
        let now = crate::store::now();
        let (set, error, at, attempt) = match change {
            DeliveryChange::Sent => ("status = 'sent', sent_at = $3", None, now, 0),
            DeliveryChange::Confirmed => (
                "status = 'confirmed', sent_at = COALESCE(sent_at, $3), confirmed_at = $3",
                None,
                now,
                0,
            ),
            DeliveryChange::Failed(e) => ("status = 'failed'", Some(e), now, 0),
            // The claim counted the attempt; a rate-limit wait gives it back.
            DeliveryChange::Retry { at, error, counts } => (
                "next_attempt_at = $3",
                Some(error),
                at,
                if counts { 0 } else { -1 },
            ),
        };
        let sql = format!(
            "UPDATE moderation_deliveries SET {set}, last_error = COALESCE($2, last_error), \
             attempts = attempts + $4, lease_owner = NULL, lease_until = NULL \
             WHERE id = $1 AND status = 'queued' RETURNING {DELIVERY_COLS}"
        );
        on_db!(self.db, |pool| sqlx::query_as(&sql)
            .bind(id)
            .bind(error)
            .bind(at)
            .bind(attempt)
            .fetch_optional(pool)
            .await)
    }

    /// The platform echoed an action back: confirm the oldest `queued` or `sent` row of it
    /// made since `since`, if any (then the echo is lumio's own action, not news).
    pub async fn confirm_echo(
        &self,
        account: Uuid,
        platform: &str,
        action: &str,
        user: &str,
        message: Option<&str>,
        since: DateTime<Utc>,
    ) -> sqlx::Result<Option<Delivery>> {
        let now = crate::store::now();
        let sql = format!(
            "UPDATE moderation_deliveries SET status = 'confirmed', confirmed_at = $7, \
             sent_at = COALESCE(sent_at, $7), lease_owner = NULL, lease_until = NULL \
             WHERE status IN ('queued', 'sent') AND id = (SELECT id FROM moderation_deliveries \
             WHERE account_id = $1 AND platform = $2 AND action = $3 AND platform_user_id = $4 \
             AND ($5 IS NULL OR platform_message_id = $5) AND status IN ('queued', 'sent') \
             AND created_at >= $6 ORDER BY created_at LIMIT 1) RETURNING {DELIVERY_COLS}"
        );
        on_db!(self.db, |pool| sqlx::query_as(&sql)
            .bind(account)
            .bind(platform)
            .bind(action)
            .bind(user)
            .bind(message)
            .bind(since)
            .bind(now)
            .fetch_optional(pool)
            .await)
    }

    /// `sent` rows of `platform` sent before `before` that the reconciler has not checked
    /// yet, oldest first.
    pub async fn unchecked_sent(
        &self,
        platform: &str,
        before: DateTime<Utc>,
        limit: i64,
    ) -> sqlx::Result<Vec<Delivery>> {
        let sql = format!(
            "SELECT {DELIVERY_COLS} FROM moderation_deliveries WHERE status = 'sent' \
             AND checked_at IS NULL AND platform = $1 AND sent_at <= $2 \
             ORDER BY sent_at, id LIMIT $3"
        );
        on_db!(self.db, |pool| sqlx::query_as(&sql)
            .bind(platform)
            .bind(before)
            .bind(limit)
            .fetch_all(pool)
            .await)
    }

    /// The reconciler's verdict on a `sent` row, written only while it is still `sent`. A
    /// failure is written only when no later row for the same chatter superseded it; then
    /// (and for [`Reconciled::Unreadable`]) the row is just marked checked and None returned.
    pub async fn reconcile_delivery(
        &self,
        id: Uuid,
        verdict: Reconciled<'_>,
    ) -> sqlx::Result<Option<Delivery>> {
        let now = crate::store::now();
        let (set, error, guard) = match verdict {
            Reconciled::Confirmed => ("status = 'confirmed', confirmed_at = $2", None, ""),
            Reconciled::Failed(e) => (
                "status = 'failed'",
                Some(e),
                " AND NOT EXISTS (SELECT 1 FROM moderation_deliveries l \
                 WHERE l.account_id = moderation_deliveries.account_id \
                 AND l.platform = moderation_deliveries.platform \
                 AND l.platform_user_id = moderation_deliveries.platform_user_id \
                 AND l.id <> moderation_deliveries.id \
                 AND l.created_at >= moderation_deliveries.created_at)",
            ),
            Reconciled::Unreadable => ("status = 'sent'", None, " AND 1 = 0"),
        };
        let sql = format!(
            "UPDATE moderation_deliveries SET {set}, checked_at = $2, \
             last_error = COALESCE($3, last_error) WHERE id = $1 AND status = 'sent'{guard} RETURNING {DELIVERY_COLS}"
        );
        let changed: Option<Delivery> = on_db!(self.db, |pool| sqlx::query_as(&sql)
            .bind(id)
            .bind(now)
            .bind(error)
            .fetch_optional(pool)
            .await)?;
        if changed.is_none() {
            on_db!(self.db, |pool| {
                sqlx::query(
                "UPDATE moderation_deliveries SET checked_at = $2 WHERE id = $1 AND status = 'sent'"
            )
            .bind(id)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
            })?;
        }
        Ok(changed)
    }

    /// The outbox rows of an account, oldest first (for tests and admin views).
    pub async fn deliveries_of(&self, account: Uuid) -> sqlx::Result<Vec<Delivery>> {
        let sql = format!(
            "SELECT {DELIVERY_COLS} FROM moderation_deliveries WHERE account_id = $1 \
             ORDER BY created_at, id"
        );
        on_db!(self.db, |pool| sqlx::query_as(&sql)
            .bind(account)
            .fetch_all(pool)
            .await)
    }
}

/// What the reconciler read back of a `sent` row.
#[derive(Debug, Clone, Copy)]
pub enum Reconciled<'a> {
    /// The platform shows the action.
    Confirmed,
    /// The platform does not show it (with why).
    Failed(&'a str),
    /// It cannot be read back (delete, warn, treatment, an expired timeout): leave it `sent`.
    Unreadable,
}

/// What became of a delivery attempt.
#[derive(Debug, Clone, Copy)]
pub enum DeliveryChange<'a> {
    /// The platform answered 2xx.
    Sent,
    /// The platform already had it (e.g. "is already banned"): as good as an echo.
    Confirmed,
    /// For good, with the platform's message.
    Failed(&'a str),
    /// Try again at `at`; `counts` is false for a rate limit (a wait, not a failure).
    Retry {
        at: DateTime<Utc>,
        error: &'a str,
        counts: bool,
    },
}
