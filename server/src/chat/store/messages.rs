//! History, counts and deletions of stored messages.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::copy::{pg_copy_messages, sqlite_insert_messages};
use super::{push_filter, ChatStore, COLS};
use crate::chat::model::{ChatFilter, ChatMessage};
use crate::on_db;
use crate::store::Db;

/// Mark one message deleted (binds: at, by, account, id); moderation runs it inside the
/// transaction of a delete action.
pub(crate) const MARK_DELETED: &str = "UPDATE platform_messages SET deleted_at = $1, \
    deleted_by = $2 WHERE account_id = $3 AND id = $4 AND deleted_at IS NULL";

impl ChatStore<'_> {
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
        match self.db {
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
        let rows: Vec<ChatMessage> = on_db!(self.db, |pool| {
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
        on_db!(self.db, |pool| {
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
        let rows: Vec<ChatMessage> = on_db!(self.db, |pool| sqlx::query_as(&sql)
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
        on_db!(self.db, |pool| sqlx::query_scalar(
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
            let got: Vec<Uuid> = on_db!(self.db, |pool| {
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
        let n: i64 = on_db!(self.db, |pool| sqlx::query_scalar(
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
        let row: Option<ChatMessage> = on_db!(self.db, |pool| sqlx::query_as(&sql)
            .bind(account)
            .bind(id)
            .fetch_optional(pool)
            .await)?;
        Ok(row)
    }

    /// The id of the account's stored message `offset` places below its newest (0: the
    /// newest), if it has that many.
    pub async fn newest_id_at(&self, account: Uuid, offset: i64) -> sqlx::Result<Option<Uuid>> {
        on_db!(self.db, |pool| sqlx::query_scalar(
            "SELECT id FROM platform_messages WHERE account_id = $1 \
             ORDER BY id DESC LIMIT 1 OFFSET $2"
        )
        .bind(account)
        .bind(offset)
        .fetch_optional(pool)
        .await)
    }

    /// Mark stored messages deleted (those not deleted yet); how many changed.
    pub async fn mark_messages_deleted(
        &self,
        account: Uuid,
        marks: &[(Uuid, String, DateTime<Utc>)],
    ) -> sqlx::Result<u64> {
        let mut changed = 0;
        for (id, by, at) in marks {
            changed += on_db!(self.db, |pool| sqlx::query(MARK_DELETED)
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
        match self.db {
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
