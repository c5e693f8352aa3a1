//! Rows and views of the auth feature.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub admin_permissions: Json<Vec<String>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenRow {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    pub kind: String,
    pub token_hash: String,
    pub permissions: Option<Json<Vec<String>>>,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A membership with its account and, for custom roles, the role's permissions.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MembershipRow {
    pub account_id: Uuid,
    pub slug: String,
    pub name: String,
    pub plan: String,
    pub role: String,
    pub role_permissions: Option<Json<Vec<String>>>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
#[graphql(name = "User")]
pub struct UserView {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
}

/// One account the caller can act in, with the role held there and the permissions that
/// are effective for this token.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct AccountAccess {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub plan: String,
    pub role: String,
    pub permissions: Vec<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
#[graphql(name = "ApiToken")]
pub struct TokenView {
    pub id: Uuid,
    pub name: String,
    /// `session` (from a login) or `api` (created for a script).
    pub kind: String,
    /// The permissions the token is limited to; `null` means everything its user holds.
    pub permissions: Option<Vec<String>>,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct Me {
    pub user: UserView,
    pub accounts: Vec<AccountAccess>,
    pub admin_permissions: Vec<String>,
    pub token: TokenView,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginInput {
    pub username: String,
    pub password: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct LoginResponse {
    /// Bearer token for `Authorization: Bearer …`.
    pub token: String,
    pub token_id: Uuid,
    pub expires_at: Option<DateTime<Utc>>,
    pub user: UserView,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema, async_graphql::InputObject)]
#[serde(deny_unknown_fields)]
pub struct CreateTokenInput {
    /// A name to recognise the token by (1–100 characters).
    pub name: String,
    /// The permissions the token is limited to; each must be held by the caller.
    pub permissions: Vec<String>,
    /// Days until the token expires (1–3650); never when absent.
    pub expires_in_days: Option<i64>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct CreatedToken {
    /// The secret, shown once.
    pub token: String,
    #[serde(flatten)]
    #[graphql(flatten)]
    pub info: TokenView,
}

impl From<&UserRow> for UserView {
    fn from(u: &UserRow) -> Self {
        UserView {
            id: u.id,
            username: u.username.clone(),
            display_name: u.display_name.clone(),
        }
    }
}

impl From<&TokenRow> for TokenView {
    fn from(t: &TokenRow) -> Self {
        TokenView {
            id: t.id,
            name: t.name.clone(),
            kind: t.kind.clone(),
            permissions: t.permissions.as_ref().map(|p| p.0.clone()),
            created_at: t.created_at,
            expires_at: t.expires_at,
            last_used_at: t.last_used_at,
        }
    }
}
