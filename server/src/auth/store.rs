//! Queries of the auth feature, for both databases.

use chrono::{DateTime, Utc};
use sqlx::types::Json;
use uuid::Uuid;

use super::model::{MembershipRow, TokenRow, UserRow};
use crate::on_db;
use crate::store::Db;

const USER_COLS: &str =
    "id, username, display_name, password_hash, admin_permissions, created_at, updated_at";
const TOKEN_COLS: &str =
    "id, user_id, name, kind, token_hash, permissions, created_at, expires_at, last_used_at";

impl Db {
    pub async fn user_by_username(&self, username: &str) -> sqlx::Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLS} FROM users WHERE username = $1");
        on_db!(self, |pool| sqlx::query_as::<_, UserRow>(&sql)
            .bind(username)
            .fetch_optional(pool)
            .await)
    }

    pub async fn user_by_id(&self, id: Uuid) -> sqlx::Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLS} FROM users WHERE id = $1");
        on_db!(self, |pool| sqlx::query_as::<_, UserRow>(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    pub async fn token_by_hash(&self, hash: &str) -> sqlx::Result<Option<TokenRow>> {
        let sql = format!("SELECT {TOKEN_COLS} FROM api_tokens WHERE token_hash = $1");
        on_db!(self, |pool| sqlx::query_as::<_, TokenRow>(&sql)
            .bind(hash)
            .fetch_optional(pool)
            .await)
    }

    pub async fn tokens_of_user(&self, user_id: Uuid) -> sqlx::Result<Vec<TokenRow>> {
        let sql = format!(
            "SELECT {TOKEN_COLS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id"
        );
        on_db!(self, |pool| sqlx::query_as::<_, TokenRow>(&sql)
            .bind(user_id)
            .fetch_all(pool)
            .await)
    }

    pub async fn insert_token(&self, t: &TokenRow) -> sqlx::Result<()> {
        let sql = format!(
            "INSERT INTO api_tokens ({TOKEN_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        );
        on_db!(self, |pool| sqlx::query(&sql)
            .bind(t.id)
            .bind(t.user_id)
            .bind(&t.name)
            .bind(&t.kind)
            .bind(&t.token_hash)
            .bind(t.permissions.as_ref().map(|p| Json(&p.0)))
            .bind(t.created_at)
            .bind(t.expires_at)
            .bind(t.last_used_at)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Delete a token of `user_id`; false when there was none.
    pub async fn delete_token(&self, user_id: Uuid, token_id: Uuid) -> sqlx::Result<bool> {
        let done = on_db!(self, |pool| sqlx::query(
            "DELETE FROM api_tokens WHERE id = $1 AND user_id = $2"
        )
        .bind(token_id)
        .bind(user_id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(done > 0)
    }

    /// Record a use of a token, at most once a minute per token so reads stay cheap.
    pub async fn touch_token(&self, token_id: Uuid, now: DateTime<Utc>) -> sqlx::Result<()> {
        let stale = now - chrono::Duration::minutes(1);
        on_db!(self, |pool| sqlx::query(
            "UPDATE api_tokens SET last_used_at = $1 \
             WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)"
        )
        .bind(now)
        .bind(token_id)
        .bind(stale)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(())
    }

    pub async fn memberships_of_user(&self, user_id: Uuid) -> sqlx::Result<Vec<MembershipRow>> {
        on_db!(self, |pool| sqlx::query_as::<_, MembershipRow>(
            "SELECT a.id AS account_id, a.slug, a.name, a.plan, m.role, \
                    r.permissions AS role_permissions \
             FROM memberships m \
             JOIN accounts a ON a.id = m.account_id \
             LEFT JOIN roles r ON r.account_id = m.account_id AND r.name = m.role \
             WHERE m.user_id = $1 \
             ORDER BY a.slug"
        )
        .bind(user_id)
        .fetch_all(pool)
        .await)
    }
}
