//! Queries of the admin feature, for both databases, behind `db.admin()`. Owns
//! `admin_audit_log`.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::AuditRow;
use crate::on_db;
use crate::store::Db;

pub use crate::store::{StoreError, StoreResult};

const COLS: &str = "id, actor_id, actor_name, permission, action, target_kind, target_id, \
                    account_id, details, outcome, error, created_at, finished_at";

/// The store handle of the admin feature.
pub struct AdminStore<'a> {
    db: &'a Db,
}

impl Db {
    pub fn admin(&self) -> AdminStore<'_> {
        AdminStore { db: self }
    }
}

impl AdminStore<'_> {
    /// Write an entry (outcome `pending`).
    pub async fn insert(&self, r: &AuditRow) -> StoreResult<()> {
        let sql = format!(
            "INSERT INTO admin_audit_log ({COLS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
        );
        on_db!(self.db, |pool| sqlx::query(&sql)
            .bind(r.id)
            .bind(r.actor_id)
            .bind(&r.actor_name)
            .bind(&r.permission)
            .bind(&r.action)
            .bind(&r.target_kind)
            .bind(&r.target_id)
            .bind(r.account_id)
            .bind(&r.details)
            .bind(&r.outcome)
            .bind(&r.error)
            .bind(r.created_at)
            .bind(r.finished_at)
            .execute(pool)
            .await
            .map(|_| ()))?;
        Ok(())
    }

    /// Mark an entry `ok` or `failed`.
    pub async fn finish(
        &self,
        id: Uuid,
        outcome: &str,
        error: Option<&str>,
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        on_db!(self.db, |pool| sqlx::query(
            "UPDATE admin_audit_log SET outcome = $1, error = $2, finished_at = $3 WHERE id = $4"
        )
        .bind(outcome)
        .bind(error)
        .bind(at)
        .bind(id)
        .execute(pool)
        .await
        .map(|_| ()))?;
        Ok(())
    }

    /// Newest first; `before` pages on (created_at, id) of that entry.
    pub async fn list(&self, limit: i64, before: Option<Uuid>) -> StoreResult<Vec<AuditRow>> {
        let rows = match before {
            None => {
                let sql = format!(
                    "SELECT {COLS} FROM admin_audit_log ORDER BY created_at DESC, id DESC \
                     LIMIT $1"
                );
                on_db!(self.db, |pool| sqlx::query_as::<_, AuditRow>(&sql)
                    .bind(limit)
                    .fetch_all(pool)
                    .await)?
            }
            Some(b) => {
                let sql = format!(
                    "SELECT {COLS} FROM admin_audit_log a WHERE EXISTS (SELECT 1 FROM \
                     admin_audit_log p WHERE p.id = $1 AND (a.created_at < p.created_at OR \
                     (a.created_at = p.created_at AND a.id < p.id))) \
                     ORDER BY created_at DESC, id DESC LIMIT $2"
                );
                on_db!(self.db, |pool| sqlx::query_as::<_, AuditRow>(&sql)
                    .bind(b)
                    .bind(limit)
                    .fetch_all(pool)
                    .await)?
            }
        };
        Ok(rows)
    }
}
