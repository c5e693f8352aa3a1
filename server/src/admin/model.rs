//! Types of the admin feature.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use crate::auth::Permission;

/// An admin action about to run: what the audit log records of it.
#[derive(Debug, Clone)]
pub struct AuditAction {
    /// The admin permission it needs (and was checked).
    pub permission: Permission,
    /// `discord_guild.delete`; later `bot.toggle`, ….
    pub action: &'static str,
    /// `discord_guild`; later `bot`.
    pub target_kind: &'static str,
    pub target_id: String,
    /// The account the target belongs to, when it belongs to one.
    pub account_id: Option<Uuid>,
    /// Whatever helps a reader later (the guild's name, the old value, …).
    pub details: Value,
}

/// A row of `admin_audit_log`.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    pub id: Uuid,
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    pub permission: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    pub account_id: Option<Uuid>,
    pub details: sqlx::types::Json<Value>,
    pub outcome: String,
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// An entry of the admin audit log.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
#[graphql(name = "AdminAuditEntry")]
pub struct AuditEntry {
    pub id: Uuid,
    /// The admin (null once that user is deleted).
    pub actor_id: Option<Uuid>,
    pub actor_name: String,
    /// The admin permission the action needed.
    pub permission: String,
    /// `discord_guild.delete`, …
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    pub account_id: Option<Uuid>,
    #[schema(value_type = Object)]
    pub details: async_graphql::Json<Value>,
    /// `pending` (running, or died half-way), `ok` or `failed`.
    pub outcome: String,
    /// Why it failed.
    pub error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl From<AuditRow> for AuditEntry {
    fn from(r: AuditRow) -> Self {
        AuditEntry {
            id: r.id,
            actor_id: r.actor_id,
            actor_name: r.actor_name,
            permission: r.permission,
            action: r.action,
            target_kind: r.target_kind,
            target_id: r.target_id,
            account_id: r.account_id,
            details: async_graphql::Json(r.details.0),
            outcome: r.outcome,
            error: r.error,
            created_at: r.created_at,
            finished_at: r.finished_at,
        }
    }
}

/// `GET /v1/admin/audit-log?limit=&before=`: newest first.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
pub struct AuditQuery {
    /// 1–500 (default 50).
    pub limit: Option<i64>,
    /// Only entries older than this one (its id), for paging.
    pub before: Option<Uuid>,
}

/// The longest page of the audit log.
pub const MAX_AUDIT_PAGE: i64 = 500;

/// One account's bot on one platform, as the admin sees it (`/admin/bot-control`).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct AdminBot {
    pub account_id: Uuid,
    pub platform: String,
    pub status: crate::bots::model::BotState,
    /// `Active`, `Paused`, `No Connection` or `Needs Reauth`.
    pub label: String,
    pub channels: Vec<crate::bots::model::BotChannelStatus>,
}

/// `POST /v1/admin/bots/{account_id}/{platform}/toggle`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminBotToggleInput {
    /// false pauses the bot, true resumes it.
    pub enabled: bool,
}

/// `POST /v1/admin/discord-guilds/{guild_id}/toggle`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminGuildToggleInput {
    /// false pauses the bot in the guild (no chat in, no feature posts), true resumes it.
    pub enabled: bool,
}

/// What an admin's guild toggle did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct AdminGuildToggle {
    pub guild_id: String,
    pub guild_name: String,
    pub account_id: Uuid,
    /// Whether the bot serves the guild now.
    pub enabled: bool,
}

/// What an admin's bot removal did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct AdminBotRemoval {
    pub account_id: Uuid,
    pub platform: String,
    /// The channel connections removed.
    pub removed: Vec<String>,
}
