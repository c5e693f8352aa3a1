//! Queries of `channel_credentials` (owned by this feature). Tokens arrive here sealed; the
//! store never sees them in clear.

use chrono::{DateTime, Utc};
use sqlx::types::Json;
use uuid::Uuid;

use crate::on_db;
use crate::store::Db;

const COLS: &str = "id, account_id, connection_id, role, platform_user_id, platform_login, \
                    access_token, refresh_token, scopes, expires_at, status, status_reason, \
                    created_at, updated_at";

/// A row of `channel_credentials` (tokens sealed).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CredentialRow {
    pub id: Uuid,
    pub account_id: Uuid,
    pub connection_id: Uuid,
    pub role: String,
    pub platform_user_id: String,
    pub platform_login: String,
    pub access_token: Vec<u8>,
    pub refresh_token: Option<Vec<u8>>,
    pub scopes: Json<Vec<String>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub status: String,
    pub status_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// New tokens for a credential (sealed for the row `id`).
pub struct SealedTokens {
    pub access_token: Vec<u8>,
    pub refresh_token: Option<Vec<u8>>,
    pub scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// The credentials handle: `db.credentials()`.
pub struct CredentialStore<'a>(&'a Db);

impl Db {
    pub fn credentials(&self) -> CredentialStore<'_> {
        CredentialStore(self)
    }
}

impl CredentialStore<'_> {
    /// The id of the connection's credential for `role`, if it has one.
    pub async fn id_of(&self, connection: Uuid, role: &str) -> sqlx::Result<Option<Uuid>> {
        on_db!(self.0, |pool| sqlx::query_scalar(
            "SELECT id FROM channel_credentials WHERE connection_id = $1 AND role = $2"
        )
        .bind(connection)
        .bind(role)
        .fetch_optional(pool)
        .await)
    }

    /// Store the credential `id` for (connection, role), replacing the tokens of that row
    /// when it exists with this id. False when another row holds (connection, role) — a
    /// concurrent connect won: the caller seals again for that row's id.
    #[allow(clippy::too_many_arguments)]
    pub async fn put(
        &self,
        id: Uuid,
        account: Uuid,
        connection: Uuid,
        role: &str,
        user_id: &str,
        login: &str,
        t: &SealedTokens,
    ) -> sqlx::Result<bool> {
        let now = crate::store::now();
        on_db!(self.0, |pool| sqlx::query(
            "INSERT INTO channel_credentials (id, account_id, connection_id, role, \
             platform_user_id, platform_login, access_token, refresh_token, scopes, expires_at, \
             status, status_reason, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'ok', NULL, $11, $11) \
             ON CONFLICT (connection_id, role) DO UPDATE SET \
             platform_user_id = excluded.platform_user_id, \
             platform_login = excluded.platform_login, access_token = excluded.access_token, \
             refresh_token = excluded.refresh_token, scopes = excluded.scopes, \
             expires_at = excluded.expires_at, status = 'ok', status_reason = NULL, \
             updated_at = excluded.updated_at \
             WHERE channel_credentials.id = excluded.id"
        )
        .bind(id)
        .bind(account)
        .bind(connection)
        .bind(role)
        .bind(user_id)
        .bind(login)
        .bind(&t.access_token)
        .bind(&t.refresh_token)
        .bind(Json(&t.scopes))
        .bind(t.expires_at)
        .bind(now)
        .execute(pool)
        .await
        .map(|r| r.rows_affected() == 1))
    }

    pub async fn get(&self, id: Uuid) -> sqlx::Result<Option<CredentialRow>> {
        on_db!(self.0, |pool| sqlx::query_as(&format!(
            "SELECT {COLS} FROM channel_credentials WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(pool)
        .await)
    }

    /// Every credential of the account.
    pub async fn of_account(&self, account: Uuid) -> sqlx::Result<Vec<CredentialRow>> {
        on_db!(self.0, |pool| sqlx::query_as(&format!(
            "SELECT {COLS} FROM channel_credentials WHERE account_id = $1 \
             ORDER BY connection_id, role"
        ))
        .bind(account)
        .fetch_all(pool)
        .await)
    }

    /// Replace the tokens after a refresh, if the row still holds `old_access` (another
    /// refresh may have won); true when written.
    pub async fn refreshed(
        &self,
        id: Uuid,
        old_access: &[u8],
        t: &SealedTokens,
    ) -> sqlx::Result<bool> {
        on_db!(self.0, |pool| sqlx::query(
            "UPDATE channel_credentials SET access_token = $1, refresh_token = $2, scopes = $3, \
             expires_at = $4, status = 'ok', status_reason = NULL, updated_at = $5 \
             WHERE id = $6 AND access_token = $7"
        )
        .bind(&t.access_token)
        .bind(&t.refresh_token)
        .bind(Json(&t.scopes))
        .bind(t.expires_at)
        .bind(crate::store::now())
        .bind(id)
        .bind(old_access)
        .execute(pool)
        .await
        .map(|r| r.rows_affected() == 1))
    }

    /// Mark the credential `needs_reauth`, if it still holds `old_access`.
    pub async fn needs_reauth(
        &self,
        id: Uuid,
        old_access: &[u8],
        reason: &str,
    ) -> sqlx::Result<bool> {
        on_db!(self.0, |pool| sqlx::query(
            "UPDATE channel_credentials SET status = 'needs_reauth', status_reason = $1, \
             updated_at = $2 WHERE id = $3 AND access_token = $4"
        )
        .bind(reason)
        .bind(crate::store::now())
        .bind(id)
        .bind(old_access)
        .execute(pool)
        .await
        .map(|r| r.rows_affected() == 1))
    }

    /// Remove the connection's credential for `role` (or all of them); the rows removed.
    pub async fn delete(
        &self,
        connection: Uuid,
        role: Option<&str>,
    ) -> sqlx::Result<Vec<CredentialRow>> {
        on_db!(self.0, |pool| sqlx::query_as(&format!(
            "DELETE FROM channel_credentials WHERE connection_id = $1 \
             AND ($2 IS NULL OR role = $2) RETURNING {COLS}"
        ))
        .bind(connection)
        .bind(role)
        .fetch_all(pool)
        .await)
    }
}
