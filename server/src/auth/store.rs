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

/// The store handle of the auth feature: `db.auth()`.
pub struct AuthStore<'a> {
    db: &'a Db,
}

impl Db {
    pub fn auth(&self) -> AuthStore<'_> {
        AuthStore { db: self }
    }
}

impl AuthStore<'_> {
    pub async fn user_by_username(&self, username: &str) -> sqlx::Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLS} FROM users WHERE username = $1");
        on_db!(self.db, |pool| sqlx::query_as::<_, UserRow>(&sql)
            .bind(username)
            .fetch_optional(pool)
            .await)
    }

    pub async fn user_by_id(&self, id: Uuid) -> sqlx::Result<Option<UserRow>> {
        let sql = format!("SELECT {USER_COLS} FROM users WHERE id = $1");
        on_db!(self.db, |pool| sqlx::query_as::<_, UserRow>(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    pub async fn token_by_hash(&self, hash: &str) -> sqlx::Result<Option<TokenRow>> {
        let sql = format!("SELECT {TOKEN_COLS} FROM api_tokens WHERE token_hash = $1");
        on_db!(self.db, |pool| sqlx::query_as::<_, TokenRow>(&sql)
            .bind(hash)
            .fetch_optional(pool)
            .await)
    }

    pub async fn tokens_of_user(&self, user_id: Uuid) -> sqlx::Result<Vec<TokenRow>> {
        let sql = format!(
            "SELECT {TOKEN_COLS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id"
        );
        on_db!(self.db, |pool| sqlx::query_as::<_, TokenRow>(&sql)
            .bind(user_id)
            .fetch_all(pool)
            .await)
    }

    pub async fn insert_token(&self, t: &TokenRow) -> sqlx::Result<()> {
        let sql = format!(
            "INSERT INTO api_tokens ({TOKEN_COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        );
        on_db!(self.db, |pool| sqlx::query(&sql)
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
        let done = on_db!(self.db, |pool| sqlx::query(
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
        on_db!(self.db, |pool| sqlx::query(
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
        on_db!(self.db, |pool| sqlx::query_as::<_, MembershipRow>(
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

/// A stored user as the seed loader compares it: id, display name, password hash, admin
/// permissions.
pub type StoredUser = (Uuid, String, Option<String>, Json<Vec<String>>);

impl AuthStore<'_> {
    /// The id of the account with this slug.
    pub async fn account_id_by_slug(&self, slug: &str) -> sqlx::Result<Option<Uuid>> {
        on_db!(self.db, |pool| sqlx::query_scalar::<_, Uuid>(
            "SELECT id FROM accounts WHERE slug = $1"
        )
        .bind(slug)
        .fetch_optional(pool)
        .await)
    }

    /// Every account's slug.
    pub async fn account_slugs(&self) -> sqlx::Result<Vec<String>> {
        on_db!(self.db, |pool| sqlx::query_scalar::<_, String>(
            "SELECT slug FROM accounts"
        )
        .fetch_all(pool)
        .await)
    }

    /// Every role as (account slug, role name).
    pub async fn role_names(&self) -> sqlx::Result<Vec<(String, String)>> {
        on_db!(self.db, |pool| sqlx::query_as::<_, (String, String)>(
            "SELECT a.slug, r.name FROM roles r JOIN accounts a ON a.id = r.account_id"
        )
        .fetch_all(pool)
        .await)
    }
}

/// The seed loader's reads and writes of accounts, users, tokens, roles and memberships,
/// inside its one transaction.
pub mod seed {
    use sqlx::types::Json;
    use uuid::Uuid;

    use super::StoredUser;
    use crate::on_tx;
    use crate::store::Tx;

    type Now = chrono::DateTime<chrono::Utc>;

    /// (id, name, plan) of the account with this slug.
    pub async fn account(tx: &mut Tx, slug: &str) -> sqlx::Result<Option<(Uuid, String, String)>> {
        on_tx!(tx, |c| sqlx::query_as(
            "SELECT id, name, plan FROM accounts WHERE slug = $1"
        )
        .bind(slug)
        .fetch_optional(c)
        .await)
    }

    pub async fn insert_account(
        tx: &mut Tx,
        id: Uuid,
        slug: &str,
        name: &str,
        plan: &str,
        now: Now,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO accounts (id, slug, name, plan, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5)"
        )
        .bind(id)
        .bind(slug)
        .bind(name)
        .bind(plan)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ()))
    }

    pub async fn update_account(
        tx: &mut Tx,
        id: Uuid,
        name: &str,
        plan: &str,
        now: Now,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "UPDATE accounts SET name = $1, plan = $2, updated_at = $3 WHERE id = $4"
        )
        .bind(name)
        .bind(plan)
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(|_| ()))
    }

    /// Every account as (slug, id).
    pub async fn account_ids(tx: &mut Tx) -> sqlx::Result<Vec<(String, Uuid)>> {
        on_tx!(tx, |c| sqlx::query_as("SELECT slug, id FROM accounts")
            .fetch_all(c)
            .await)
    }

    pub async fn user(tx: &mut Tx, username: &str) -> sqlx::Result<Option<StoredUser>> {
        on_tx!(tx, |c| sqlx::query_as(
            "SELECT id, display_name, password_hash, admin_permissions FROM users \
             WHERE username = $1"
        )
        .bind(username)
        .fetch_optional(c)
        .await)
    }

    pub async fn insert_user(
        tx: &mut Tx,
        id: Uuid,
        username: &str,
        display: &str,
        hash: Option<&str>,
        admin: &[String],
        now: Now,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO users (id, username, display_name, password_hash, admin_permissions, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)"
        )
        .bind(id)
        .bind(username)
        .bind(display)
        .bind(hash)
        .bind(Json(admin))
        .bind(now)
        .execute(c)
        .await
        .map(|_| ()))
    }

    pub async fn update_user(
        tx: &mut Tx,
        id: Uuid,
        display: &str,
        hash: Option<&str>,
        admin: &[String],
        now: Now,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "UPDATE users SET display_name = $1, admin_permissions = $2, password_hash = $3, \
             updated_at = $4 WHERE id = $5"
        )
        .bind(display)
        .bind(Json(admin))
        .bind(hash)
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(|_| ()))
    }

    /// The user holding the API token with this hash.
    pub async fn token_owner(tx: &mut Tx, hash: &str) -> sqlx::Result<Option<Uuid>> {
        on_tx!(tx, |c| sqlx::query_scalar(
            "SELECT user_id FROM api_tokens WHERE token_hash = $1"
        )
        .bind(hash)
        .fetch_optional(c)
        .await)
    }

    /// An API token named `seed` with the user's permissions.
    pub async fn insert_token(tx: &mut Tx, user: Uuid, hash: &str, now: Now) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO api_tokens (id, user_id, name, kind, token_hash, permissions, \
             created_at) VALUES ($1, $2, $3, 'api', $4, NULL, $5)"
        )
        .bind(Uuid::now_v7())
        .bind(user)
        .bind("seed")
        .bind(hash)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ()))
    }

    /// (id, permissions) of an account's role.
    pub async fn role(
        tx: &mut Tx,
        account: Uuid,
        name: &str,
    ) -> sqlx::Result<Option<(Uuid, Json<Vec<String>>)>> {
        on_tx!(tx, |c| sqlx::query_as(
            "SELECT id, permissions FROM roles WHERE account_id = $1 AND name = $2"
        )
        .bind(account)
        .bind(name)
        .fetch_optional(c)
        .await)
    }

    pub async fn insert_role(
        tx: &mut Tx,
        account: Uuid,
        name: &str,
        perms: &[String],
        now: Now,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO roles (id, account_id, name, permissions, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5)"
        )
        .bind(Uuid::now_v7())
        .bind(account)
        .bind(name)
        .bind(Json(perms))
        .bind(now)
        .execute(c)
        .await
        .map(|_| ()))
    }

    pub async fn update_role(
        tx: &mut Tx,
        id: Uuid,
        perms: &[String],
        now: Now,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "UPDATE roles SET permissions = $1, updated_at = $2 WHERE id = $3"
        )
        .bind(Json(perms))
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(|_| ()))
    }

    /// The user's role in the account, if a member.
    pub async fn membership(
        tx: &mut Tx,
        user: Uuid,
        account: Uuid,
    ) -> sqlx::Result<Option<String>> {
        on_tx!(tx, |c| sqlx::query_scalar(
            "SELECT role FROM memberships WHERE user_id = $1 AND account_id = $2"
        )
        .bind(user)
        .bind(account)
        .fetch_optional(c)
        .await)
    }

    pub async fn insert_membership(
        tx: &mut Tx,
        user: Uuid,
        account: Uuid,
        role: &str,
        now: Now,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO memberships (user_id, account_id, role, created_at) \
             VALUES ($1, $2, $3, $4)"
        )
        .bind(user)
        .bind(account)
        .bind(role)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ()))
    }

    pub async fn update_membership(
        tx: &mut Tx,
        user: Uuid,
        account: Uuid,
        role: &str,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "UPDATE memberships SET role = $1 WHERE user_id = $2 AND account_id = $3"
        )
        .bind(role)
        .bind(user)
        .bind(account)
        .execute(c)
        .await
        .map(|_| ()))
    }
}
