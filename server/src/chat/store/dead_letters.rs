//! `chat_dead_letters`: the rows the database refused, kept for a replay.

use uuid::Uuid;

use super::ChatStore;
use crate::chat::model::DeadLetter;
use crate::on_db;

const DEAD_COLS: &str = "id, account_id, payload, error, attempts, created_at, updated_at";

impl ChatStore<'_> {
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
            on_db!(self.db, |pool| sqlx::query(&sql)
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
                on_db!(self.db, |pool| sqlx::query_as(&sql)
                    .bind(a)
                    .bind(limit)
                    .fetch_all(pool)
                    .await)
            }
            None => {
                let sql = format!(
                    "SELECT {DEAD_COLS} FROM chat_dead_letters ORDER BY created_at, id LIMIT $1"
                );
                on_db!(self.db, |pool| sqlx::query_as(&sql)
                    .bind(limit)
                    .fetch_all(pool)
                    .await)
            }
        }
    }

    pub async fn dead_letter(&self, id: Uuid) -> sqlx::Result<Option<DeadLetter>> {
        let sql = format!("SELECT {DEAD_COLS} FROM chat_dead_letters WHERE id = $1");
        on_db!(self.db, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    pub async fn delete_dead_letter(&self, id: Uuid) -> sqlx::Result<bool> {
        let n = on_db!(self.db, |pool| sqlx::query(
            "DELETE FROM chat_dead_letters WHERE id = $1"
        )
        .bind(id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }
}
