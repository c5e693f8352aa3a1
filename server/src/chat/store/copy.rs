//! The batch insert of the flush: `COPY` on PostgreSQL (through a staging table when a batch
//! holds rows already stored), multi-row INSERTs on SQLite; the batch's new chatters are
//! upserted through the chatter's store in the same transaction.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::types::Json;
use sqlx::{PgPool, QueryBuilder, SqlitePool};
use uuid::Uuid;

use super::COLS;
use crate::chat::model::ChatMessage;

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

pub(super) async fn sqlite_insert_messages(
    pool: &SqlitePool,
    msgs: &[ChatMessage],
) -> sqlx::Result<usize> {
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

    crate::chatter::store::sqlite_upsert_seen(&mut tx, msgs.iter().filter(|m| new.contains(&m.id)))
        .await?;
    tx.commit().await?;
    Ok(new.len())
}

/// The staging table of a PostgreSQL connection: created on its first replayed batch,
/// emptied at every commit.
const PG_STAGING: &str = "SET LOCAL client_min_messages = warning; \
     CREATE TEMP TABLE IF NOT EXISTS platform_messages_staging \
     (LIKE platform_messages INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";

pub(super) async fn pg_copy_messages(pool: &PgPool, msgs: &[ChatMessage]) -> sqlx::Result<usize> {
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
    crate::chatter::store::pg_upsert_seen(conn, new.iter().copied()).await?;
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
