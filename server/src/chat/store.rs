//! Queries of the chat pipeline, for both databases.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{PgPool, QueryBuilder, SqlitePool};
use uuid::Uuid;

use super::model::{ChatFilter, ChatMessage, DeadLetter};
use crate::on_db;
use crate::store::Db;

pub const COLS: &str = "id, account_id, platform, channel_name, user_id, username, display_name, \
    message, emotes, badges, color, is_mod, is_sub, is_vip, sub_tier, platform_message_id, \
    reply_to_message_id, reply_to_user_id, reply_to_username, reply_to_message, created_at, \
    deleted_at, deleted_by, is_first_message, is_first_in_stream, treatment";

/// `WHERE …` of a history query (ids below `before` when paging).
fn push_filter<'a, DB: sqlx::Database>(
    qb: &mut QueryBuilder<'a, DB>,
    account: Uuid,
    f: &'a ChatFilter,
    before: Option<Uuid>,
) where
    Uuid: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    String: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    DateTime<Utc>: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    qb.push(" WHERE account_id = ").push_bind(account);
    if let Some(b) = before {
        qb.push(" AND id < ").push_bind(b);
    }
    if !f.platforms.is_empty() {
        qb.push(" AND platform IN (");
        let mut sep = qb.separated(", ");
        for p in &f.platforms {
            sep.push_bind(p.clone());
        }
        qb.push(")");
    }
    if let Some(u) = &f.user {
        qb.push(" AND (user_id = ")
            .push_bind(u.clone())
            .push(" OR lower(username) = ")
            .push_bind(u.to_lowercase())
            .push(")");
    }
    if let Some(c) = &f.contains {
        let escaped = c
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        qb.push(" AND lower(message) LIKE ")
            .push_bind(format!("%{escaped}%"))
            .push(" ESCAPE '\\'");
    }
    if let Some(from) = f.from {
        qb.push(" AND created_at >= ").push_bind(from);
    }
    if let Some(to) = f.to {
        qb.push(" AND created_at < ").push_bind(to);
    }
    if !f.include_deleted {
        qb.push(" AND deleted_at IS NULL");
    }
}

/// Per-user aggregate of a batch, for the `platform_users` upsert.
struct Seen<'a> {
    last: &'a ChatMessage,
    first_at: DateTime<Utc>,
    count: i64,
}

/// The chatters of newly stored messages, in key order (so that concurrent flushes lock
/// `platform_users` rows in the same order): each with their latest message (the later one
/// of equal times), the time of their first, and how many.
fn chatters<'a>(new: impl Iterator<Item = &'a ChatMessage>) -> Vec<Seen<'a>> {
    let mut users: BTreeMap<(Uuid, &str, &str), Seen> = BTreeMap::new();
    for m in new {
        let e = users
            .entry((m.account_id, m.platform.as_str(), m.user_id.as_str()))
            .or_insert(Seen {
                last: m,
                first_at: m.created_at,
                count: 0,
            });
        e.count += 1;
        if m.created_at >= e.last.created_at {
            e.last = m;
        }
        if m.created_at < e.first_at {
            e.first_at = m.created_at;
        }
    }
    users.into_values().collect()
}

impl Db {
    /// Store a batch in one transaction; messages already stored (same id, or same platform
    /// message id) are skipped. Returns how many rows were new. `platform_users` is updated
    /// for the new rows only, so a replayed batch changes nothing.
    ///
    /// PostgreSQL: `COPY` (through a staging table when the batch holds rows already stored),
    /// then one upsert of the batch's chatters. SQLite: multi-row INSERTs.
    pub async fn insert_messages(&self, msgs: &[ChatMessage]) -> sqlx::Result<usize> {
        if msgs.is_empty() {
            return Ok(0);
        }
        match self {
            Db::Postgres(pool) => pg_copy_messages(pool, msgs).await,
            Db::Sqlite(pool) => sqlite_insert_messages(pool, msgs).await,
        }
    }

    /// Up to `limit` stored messages matching the filter, newest first, below `before` and
    /// (when given) not below `floor`.
    pub async fn messages_page(
        &self,
        account: Uuid,
        filter: &ChatFilter,
        before: Option<Uuid>,
        floor: Option<Uuid>,
        limit: i64,
    ) -> sqlx::Result<Vec<ChatMessage>> {
        let rows: Vec<ChatMessage> = on_db!(self, |pool| {
            let mut qb = QueryBuilder::new(format!("SELECT {COLS} FROM platform_messages"));
            push_filter(&mut qb, account, filter, before);
            if let Some(f) = floor {
                qb.push(" AND id >= ").push_bind(f);
            }
            qb.push(" ORDER BY id DESC LIMIT ").push_bind(limit);
            qb.build_query_as::<ChatMessage>().fetch_all(pool).await
        })?;
        Ok(rows)
    }

    pub async fn messages_count(&self, account: Uuid, filter: &ChatFilter) -> sqlx::Result<i64> {
        on_db!(self, |pool| {
            let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM platform_messages");
            push_filter(&mut qb, account, filter, None);
            qb.build_query_scalar::<i64>().fetch_one(pool).await
        })
    }

    /// Stored messages after `after`, oldest first.
    pub async fn messages_after(
        &self,
        account: Uuid,
        after: Uuid,
        limit: i64,
    ) -> sqlx::Result<Vec<ChatMessage>> {
        let sql = format!(
            "SELECT {COLS} FROM platform_messages WHERE account_id = $1 AND id > $2 \
             ORDER BY id LIMIT $3"
        );
        let rows: Vec<ChatMessage> = on_db!(self, |pool| sqlx::query_as(&sql)
            .bind(account)
            .bind(after)
            .bind(limit)
            .fetch_all(pool)
            .await)?;
        Ok(rows)
    }

    /// The ids of up to `limit` stored messages of the account above `after`, newest first.
    pub async fn message_ids_newest_after(
        &self,
        account: Uuid,
        after: Uuid,
        limit: i64,
    ) -> sqlx::Result<Vec<Uuid>> {
        on_db!(self, |pool| sqlx::query_scalar(
            "SELECT id FROM platform_messages WHERE account_id = $1 AND id > $2 \
             ORDER BY id DESC LIMIT $3"
        )
        .bind(account)
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await)
    }

    /// Which of `ids` are stored.
    pub async fn stored_message_ids(&self, ids: &[Uuid]) -> sqlx::Result<HashSet<Uuid>> {
        let mut found = HashSet::new();
        for chunk in ids.chunks(1000) {
            let got: Vec<Uuid> = on_db!(self, |pool| {
                let mut qb = QueryBuilder::new("SELECT id FROM platform_messages WHERE id IN (");
                let mut sep = qb.separated(", ");
                for id in chunk {
                    sep.push_bind(*id);
                }
                qb.push(")");
                qb.build_query_scalar()
                    .persistent(false)
                    .fetch_all(pool)
                    .await
            })?;
            found.extend(got);
        }
        Ok(found)
    }

    /// Whether a message id is stored.
    pub async fn message_exists(&self, id: Uuid) -> sqlx::Result<bool> {
        let n: i64 = on_db!(self, |pool| sqlx::query_scalar(
            "SELECT COUNT(*) FROM platform_messages WHERE id = $1"
        )
        .bind(id)
        .fetch_one(pool)
        .await)?;
        Ok(n > 0)
    }

    /// One stored message of the account.
    pub async fn message_by_id(
        &self,
        account: Uuid,
        id: Uuid,
    ) -> sqlx::Result<Option<ChatMessage>> {
        let sql = format!("SELECT {COLS} FROM platform_messages WHERE account_id = $1 AND id = $2");
        let row: Option<ChatMessage> = on_db!(self, |pool| sqlx::query_as(&sql)
            .bind(account)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        Ok(row)
    }

    /// Mark stored messages deleted (those not deleted yet); how many changed.
    pub async fn mark_messages_deleted(
        &self,
        account: Uuid,
        marks: &[(Uuid, String, DateTime<Utc>)],
    ) -> sqlx::Result<u64> {
        let mut changed = 0;
        for (id, by, at) in marks {
            changed += on_db!(self, |pool| sqlx::query(MARK_DELETED)
                .bind(at)
                .bind(by)
                .bind(account)
                .bind(id)
                .execute(pool)
                .await
                .map(|r| r.rows_affected()))?;
        }
        Ok(changed)
    }
}

/// Mark one message deleted (binds: at, by, account, id); moderation runs it inside the
/// transaction of a delete action.
pub(crate) const MARK_DELETED: &str = "UPDATE platform_messages SET deleted_at = $1, \
    deleted_by = $2 WHERE account_id = $3 AND id = $4 AND deleted_at IS NULL";

const DEAD_COLS: &str = "id, account_id, payload, error, attempts, created_at, updated_at";

impl Db {
    /// Dead-letter rows the database refused. A row already there (a batch replayed after a
    /// crash, a replay refused again) keeps its first time and gets the new error and one
    /// more attempt.
    pub async fn insert_dead_letters(&self, rows: &[DeadLetter]) -> sqlx::Result<()> {
        let sql = format!(
            "INSERT INTO chat_dead_letters ({DEAD_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (id) DO UPDATE SET error = excluded.error, \
             attempts = chat_dead_letters.attempts + 1, updated_at = excluded.updated_at"
        );
        for r in rows {
            on_db!(self, |pool| sqlx::query(&sql)
                .bind(r.id)
                .bind(r.account_id)
                .bind(&r.payload)
                .bind(&r.error)
                .bind(r.attempts)
                .bind(r.created_at)
                .bind(r.updated_at)
                .execute(pool)
                .await
                .map(|_| ()))?;
        }
        Ok(())
    }

    /// Dead letters, oldest first: of one account, or of all; at most `limit`.
    pub async fn dead_letters(
        &self,
        account: Option<Uuid>,
        limit: i64,
    ) -> sqlx::Result<Vec<DeadLetter>> {
        match account {
            Some(a) => {
                let sql = format!(
                    "SELECT {DEAD_COLS} FROM chat_dead_letters WHERE account_id = $1 \
                     ORDER BY created_at, id LIMIT $2"
                );
                on_db!(self, |pool| sqlx::query_as(&sql)
                    .bind(a)
                    .bind(limit)
                    .fetch_all(pool)
                    .await)
            }
            None => {
                let sql = format!(
                    "SELECT {DEAD_COLS} FROM chat_dead_letters ORDER BY created_at, id LIMIT $1"
                );
                on_db!(self, |pool| sqlx::query_as(&sql)
                    .bind(limit)
                    .fetch_all(pool)
                    .await)
            }
        }
    }

    pub async fn dead_letter(&self, id: Uuid) -> sqlx::Result<Option<DeadLetter>> {
        let sql = format!("SELECT {DEAD_COLS} FROM chat_dead_letters WHERE id = $1");
        on_db!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    pub async fn delete_dead_letter(&self, id: Uuid) -> sqlx::Result<bool> {
        let n = on_db!(self, |pool| sqlx::query(
            "DELETE FROM chat_dead_letters WHERE id = $1"
        )
        .bind(id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }

    /// The count of stored messages matching the filter, and which of `ids` are stored,
    /// from one snapshot of the database (a repeatable-read transaction on PostgreSQL, a read
    /// transaction on SQLite): a message committed meanwhile is in both answers or in
    /// neither.
    pub async fn count_and_stored(
        &self,
        account: Uuid,
        filter: &ChatFilter,
        ids: &[Uuid],
    ) -> sqlx::Result<(i64, HashSet<Uuid>)> {
        let mut found = HashSet::new();
        match self {
            Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .execute(&mut *tx)
                    .await?;
                let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM platform_messages");
                push_filter(&mut qb, account, filter, None);
                let n: i64 = qb.build_query_scalar().fetch_one(&mut *tx).await?;
                for chunk in ids.chunks(10_000) {
                    let got: Vec<Uuid> =
                        sqlx::query_scalar("SELECT id FROM platform_messages WHERE id = ANY($1)")
                            .bind(chunk)
                            .fetch_all(&mut *tx)
                            .await?;
                    found.extend(got);
                }
                tx.commit().await?;
                Ok((n, found))
            }
            Db::Sqlite(pool) => {
                let mut tx = pool.begin().await?;
                let mut qb = QueryBuilder::new("SELECT COUNT(*) FROM platform_messages");
                push_filter(&mut qb, account, filter, None);
                let n: i64 = qb.build_query_scalar().fetch_one(&mut *tx).await?;
                for chunk in ids.chunks(10_000) {
                    let mut qb =
                        QueryBuilder::new("SELECT id FROM platform_messages WHERE id IN (");
                    let mut sep = qb.separated(", ");
                    for id in chunk {
                        sep.push_bind(*id);
                    }
                    qb.push(")");
                    let got: Vec<Uuid> = qb
                        .build_query_scalar()
                        .persistent(false)
                        .fetch_all(&mut *tx)
                        .await?;
                    found.extend(got);
                }
                tx.commit().await?;
                Ok((n, found))
            }
        }
    }
}

/// Rows per multi-row INSERT on SQLite (26 values a row; SQLite allows 32,766 a statement).
///
/// A multi-row statement's text depends on its row count, so these statements (and the
/// `IN (…)` lists) are run with `persistent(false)`: kept in sqlx's per-connection statement
/// cache (100 per connection), every batch size seen became a prepared statement of its own,
/// ~280 KB of SQLite's heap each at 1,000 rows — 250 MB across the pool after ten minutes at
/// 2,000 msg/s (heaptrack; docs/bench.md, "Bounded state").
const SQLITE_ROWS_PER_INSERT: usize = 1000;

/// Whether any text of a message holds a NUL (0x00), which PostgreSQL refuses in text and
/// jsonb.
fn has_nul(m: &ChatMessage) -> bool {
    let opt = |s: &Option<String>| s.as_deref().is_some_and(|s| s.contains('\0'));
    [
        &m.channel_name,
        &m.user_id,
        &m.username,
        &m.message,
        &m.platform,
    ]
    .iter()
    .any(|s| s.contains('\0'))
        || [
            &m.display_name,
            &m.color,
            &m.sub_tier,
            &m.platform_message_id,
            &m.reply_to_message_id,
            &m.reply_to_user_id,
            &m.reply_to_username,
            &m.reply_to_message,
            &m.deleted_by,
            &m.treatment,
        ]
        .iter()
        .any(|s| opt(s))
        || m.badges.iter().any(|b| b.contains('\0'))
        || m.emotes
            .iter()
            .any(|e| e.id.contains('\0') || e.name.contains('\0') || opt(&e.provider))
}

async fn sqlite_insert_messages(pool: &SqlitePool, msgs: &[ChatMessage]) -> sqlx::Result<usize> {
    // SQLite would store a NUL in text; PostgreSQL refuses it. Refused here the same way, so
    // that such a row is dead-lettered on both databases (`store::is_refusal` takes an
    // encoding error as the data's fault).
    if let Some(m) = msgs.iter().find(|m| has_nul(m)) {
        return Err(sqlx::Error::Encode(
            format!(
                "invalid byte sequence: message {} holds a NUL (0x00) in its text",
                m.id
            )
            .into(),
        ));
    }
    let mut tx = pool.begin().await?;
    let mut new: HashSet<Uuid> = HashSet::with_capacity(msgs.len());
    for chunk in msgs.chunks(SQLITE_ROWS_PER_INSERT) {
        let mut qb = QueryBuilder::new(format!("INSERT INTO platform_messages ({COLS}) "));
        qb.push_values(chunk, |mut b, m| {
            b.push_bind(m.id)
                .push_bind(m.account_id)
                .push_bind(&m.platform)
                .push_bind(&m.channel_name)
                .push_bind(&m.user_id)
                .push_bind(&m.username)
                .push_bind(&m.display_name)
                .push_bind(&m.message)
                .push_bind(Json(&m.emotes))
                .push_bind(Json(&m.badges))
                .push_bind(&m.color)
                .push_bind(m.is_mod)
                .push_bind(m.is_sub)
                .push_bind(m.is_vip)
                .push_bind(&m.sub_tier)
                .push_bind(&m.platform_message_id)
                .push_bind(&m.reply_to_message_id)
                .push_bind(&m.reply_to_user_id)
                .push_bind(&m.reply_to_username)
                .push_bind(&m.reply_to_message)
                .push_bind(m.created_at)
                .push_bind(m.deleted_at)
                .push_bind(&m.deleted_by)
                .push_bind(m.is_first_message)
                .push_bind(m.is_first_in_stream)
                .push_bind(&m.treatment);
        });
        qb.push(" ON CONFLICT DO NOTHING RETURNING id");
        let ids: Vec<Uuid> = qb
            .build_query_scalar()
            .persistent(false)
            .fetch_all(&mut *tx)
            .await?;
        new.extend(ids);
    }

    let users = chatters(msgs.iter().filter(|m| new.contains(&m.id)));
    let now = crate::store::now();
    // 16 values a row.
    for chunk in users.chunks(2000) {
        let mut qb = QueryBuilder::new(
            "INSERT INTO platform_users (id, account_id, platform, platform_user_id, \
             username, display_name, color, is_mod, is_sub, is_vip, sub_tier, \
             first_seen_at, last_seen_at, message_count, created_at, updated_at) ",
        );
        qb.push_values(chunk, |mut b, s| {
            let m = s.last;
            b.push_bind(Uuid::now_v7())
                .push_bind(m.account_id)
                .push_bind(&m.platform)
                .push_bind(&m.user_id)
                .push_bind(&m.username)
                .push_bind(&m.display_name)
                .push_bind(&m.color)
                .push_bind(m.is_mod)
                .push_bind(m.is_sub)
                .push_bind(m.is_vip)
                .push_bind(&m.sub_tier)
                .push_bind(s.first_at)
                .push_bind(m.created_at)
                .push_bind(s.count)
                .push_bind(now)
                .push_bind(now);
        });
        qb.push(format!(" {USERS_UPSERT}"));
        qb.build().persistent(false).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(new.len())
}

/// How `platform_users` takes the users of newly stored messages (the same on both databases).
const USERS_UPSERT: &str = "ON CONFLICT (account_id, platform, platform_user_id) DO UPDATE SET \
     username = excluded.username, display_name = excluded.display_name, \
     color = excluded.color, is_mod = excluded.is_mod, is_sub = excluded.is_sub, \
     is_vip = excluded.is_vip, sub_tier = excluded.sub_tier, \
     first_seen_at = COALESCE(platform_users.first_seen_at, excluded.first_seen_at), \
     last_seen_at = excluded.last_seen_at, \
     message_count = platform_users.message_count + excluded.message_count, \
     updated_at = excluded.updated_at";

/// The staging table of a PostgreSQL connection: created on its first replayed batch,
/// emptied at every commit.
const PG_STAGING: &str = "SET LOCAL client_min_messages = warning; \
     CREATE TEMP TABLE IF NOT EXISTS platform_messages_staging \
     (LIKE platform_messages INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";

async fn pg_copy_messages(pool: &PgPool, msgs: &[ChatMessage]) -> sqlx::Result<usize> {
    let data = pg_copy_csv(msgs);
    let mut tx = pool.begin().await?;
    let conn: &mut sqlx::PgConnection = &mut tx;
    // Most batches hold only new rows: COPY them straight into the table. A replayed batch
    // (rows already stored before a crash, or a platform message id seen again) fails that
    // COPY; it then goes through the staging table, and only its new rows are inserted.
    sqlx::Executor::execute(&mut *conn, "SAVEPOINT flush_copy").await?;
    let new: Vec<&ChatMessage> = match pg_copy_into(conn, "platform_messages", &data).await {
        Ok(()) => msgs.iter().collect(),
        Err(e)
            if e.as_database_error()
                .is_some_and(|d| d.is_unique_violation()) =>
        {
            sqlx::Executor::execute(&mut *conn, "ROLLBACK TO SAVEPOINT flush_copy").await?;
            sqlx::Executor::execute(&mut *conn, PG_STAGING).await?;
            pg_copy_into(conn, "platform_messages_staging", &data).await?;
            let ids: HashSet<Uuid> = sqlx::query_scalar(&format!(
                "INSERT INTO platform_messages ({COLS}) \
                 SELECT {COLS} FROM platform_messages_staging ORDER BY id \
                 ON CONFLICT DO NOTHING RETURNING id"
            ))
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .collect();
            msgs.iter().filter(|m| ids.contains(&m.id)).collect()
        }
        Err(e) => return Err(e),
    };
    pg_upsert_chatters(conn, &chatters(new.iter().copied())).await?;
    tx.commit().await?;
    Ok(new.len())
}

async fn pg_copy_into(conn: &mut sqlx::PgConnection, table: &str, data: &[u8]) -> sqlx::Result<()> {
    let mut copy = conn
        .copy_in_raw(&format!("COPY {table} ({COLS}) FROM STDIN (FORMAT csv)"))
        .await?;
    copy.send(data).await?;
    copy.finish().await?;
    Ok(())
}

/// Upsert the chatters of a batch's new rows: one statement over arrays.
async fn pg_upsert_chatters(conn: &mut sqlx::PgConnection, users: &[Seen<'_>]) -> sqlx::Result<()> {
    if users.is_empty() {
        return Ok(());
    }
    let col = |f: fn(&Seen) -> Option<String>| users.iter().map(f).collect::<Vec<_>>();
    let sql = format!(
        "INSERT INTO platform_users (id, account_id, platform, platform_user_id, \
           username, display_name, color, is_mod, is_sub, is_vip, sub_tier, \
           first_seen_at, last_seen_at, message_count, created_at, updated_at) \
         SELECT gen_random_uuid(), u.*, $14, $14 FROM unnest($1::uuid[], $2::text[], \
           $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::bool[], \
           $9::bool[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::int8[]) \
           AS u {USERS_UPSERT}"
    );
    sqlx::query(&sql)
        .bind(users.iter().map(|u| u.last.account_id).collect::<Vec<_>>())
        .bind(col(|u| Some(u.last.platform.clone())))
        .bind(col(|u| Some(u.last.user_id.clone())))
        .bind(col(|u| Some(u.last.username.clone())))
        .bind(col(|u| u.last.display_name.clone()))
        .bind(col(|u| u.last.color.clone()))
        .bind(users.iter().map(|u| u.last.is_mod).collect::<Vec<_>>())
        .bind(users.iter().map(|u| u.last.is_sub).collect::<Vec<_>>())
        .bind(users.iter().map(|u| u.last.is_vip).collect::<Vec<_>>())
        .bind(col(|u| u.last.sub_tier.clone()))
        .bind(users.iter().map(|u| u.first_at).collect::<Vec<_>>())
        .bind(users.iter().map(|u| u.last.created_at).collect::<Vec<_>>())
        .bind(users.iter().map(|u| u.count).collect::<Vec<_>>())
        .bind(crate::store::now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Messages as `COPY … (FORMAT csv)` rows of `COLS`: every value quoted, NULL unquoted empty.
pub fn pg_copy_csv(msgs: &[ChatMessage]) -> Vec<u8> {
    use std::fmt::Write;
    fn quoted(out: &mut String, s: &str) {
        out.push('"');
        for c in s.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push_str("\",");
    }
    fn opt(out: &mut String, s: Option<&str>) {
        match s {
            Some(s) => quoted(out, s),
            None => out.push(','),
        }
    }
    fn time(out: &mut String, t: Option<DateTime<Utc>>) {
        match t {
            Some(t) => {
                let _ = write!(
                    out,
                    "{},",
                    t.to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
                );
            }
            None => out.push(','),
        }
    }
    fn flag(out: &mut String, b: bool) {
        out.push_str(if b { "t," } else { "f," });
    }
    let mut out = String::with_capacity(msgs.len() * 400);
    for m in msgs {
        let _ = write!(out, "{},{},", m.id, m.account_id);
        quoted(&mut out, &m.platform);
        quoted(&mut out, &m.channel_name);
        quoted(&mut out, &m.user_id);
        quoted(&mut out, &m.username);
        opt(&mut out, m.display_name.as_deref());
        quoted(&mut out, &m.message);
        quoted(
            &mut out,
            &serde_json::to_string(&m.emotes).unwrap_or_else(|_| "[]".into()),
        );
        quoted(
            &mut out,
            &serde_json::to_string(&m.badges).unwrap_or_else(|_| "[]".into()),
        );
        opt(&mut out, m.color.as_deref());
        flag(&mut out, m.is_mod);
        flag(&mut out, m.is_sub);
        flag(&mut out, m.is_vip);
        opt(&mut out, m.sub_tier.as_deref());
        opt(&mut out, m.platform_message_id.as_deref());
        opt(&mut out, m.reply_to_message_id.as_deref());
        opt(&mut out, m.reply_to_user_id.as_deref());
        opt(&mut out, m.reply_to_username.as_deref());
        opt(&mut out, m.reply_to_message.as_deref());
        time(&mut out, Some(m.created_at));
        time(&mut out, m.deleted_at);
        opt(&mut out, m.deleted_by.as_deref());
        flag(&mut out, m.is_first_message);
        flag(&mut out, m.is_first_in_stream);
        opt(&mut out, m.treatment.as_deref());
        // The last value has no comma after it.
        out.pop();
        out.push('\n');
    }
    out.into_bytes()
}
