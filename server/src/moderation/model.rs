//! Types of the moderation feature.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Permission;
use crate::error::AppError;

/// The longest timeout, in seconds: two weeks, as on Twitch.
pub const MAX_TIMEOUT_SECS: i64 = 14 * 24 * 3600;
/// The longest reason, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// What a moderator can do to a chatter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModAction {
    Ban,
    Unban,
    Timeout,
    Delete,
    /// A warning the chatter must acknowledge before chatting again (Twitch); needs a reason.
    Warn,
}

impl ModAction {
    pub const ALL: [ModAction; 5] = [
        ModAction::Ban,
        ModAction::Unban,
        ModAction::Timeout,
        ModAction::Delete,
        ModAction::Warn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ModAction::Ban => "ban",
            ModAction::Unban => "unban",
            ModAction::Timeout => "timeout",
            ModAction::Delete => "delete",
            ModAction::Warn => "warn",
        }
    }

    /// The permission the action needs (seed 000: checked per action).
    pub fn permission(self) -> Permission {
        match self {
            ModAction::Ban | ModAction::Unban => Permission::ChatBan,
            // A warning is the mildest timeout-class action (seed 000 has no own permission).
            ModAction::Timeout | ModAction::Warn => Permission::ChatTimeout,
            ModAction::Delete => Permission::ChatDelete,
        }
    }
}

impl std::str::FromStr for ModAction {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Self, AppError> {
        let lower = s.trim().to_ascii_lowercase();
        ModAction::ALL
            .into_iter()
            .find(|a| a.as_str() == lower)
            .ok_or_else(|| {
                AppError::BadRequest(format!(
                    "unknown action '{}': expected ban, unban, timeout, delete or warn",
                    crate::validate::quote(s)
                ))
            })
    }
}

/// How a chatter is treated in the stream (seed 000 `updateUserTreatment`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Treatment {
    None,
    ActiveMonitoring,
    Restricted,
}

impl Treatment {
    pub fn as_str(self) -> &'static str {
        match self {
            Treatment::None => "none",
            Treatment::ActiveMonitoring => "active_monitoring",
            Treatment::Restricted => "restricted",
        }
    }
}

impl std::str::FromStr for Treatment {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Self, AppError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "none" => Ok(Treatment::None),
            "active_monitoring" => Ok(Treatment::ActiveMonitoring),
            "restricted" => Ok(Treatment::Restricted),
            _ => Err(AppError::BadRequest(format!(
                "unknown treatment '{}': expected none, active_monitoring or restricted",
                crate::validate::quote(s)
            ))),
        }
    }
}

/// `moderateChat(input: ModerationInput!)` / `POST /v1/chat/moderate`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema, async_graphql::InputObject)]
#[serde(deny_unknown_fields)]
pub struct ModerationInput {
    /// twitch, youtube, kick, trovo or discord.
    pub platform: String,
    /// ban, unban, timeout, delete or warn (Twitch only; needs a reason).
    pub action: String,
    /// The chatter's id on the platform (or give `username`; a delete takes it from the
    /// message).
    pub platform_user_id: Option<String>,
    /// The chatter's username, resolved to an id from what lumio has seen.
    pub username: Option<String>,
    /// The message to delete (its lumio id), for `delete`.
    pub message_id: Option<Uuid>,
    /// Timeout length in seconds, 1 to 1209600 (two weeks), for `timeout`.
    pub duration_seconds: Option<i64>,
    /// Why, up to 500 characters; kept in the moderation log (required for warn: the
    /// chatter sees it).
    pub reason: Option<String>,
    /// Account id or slug, for callers in several accounts (GraphQL; REST uses the
    /// `X-Lumio-Account` header).
    #[serde(skip)]
    #[graphql(skip)]
    pub account_id: Option<String>,
}

/// What a moderation action did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct ModerationResult {
    /// The moderation log entry; the nil UUID when nothing changed.
    pub id: Uuid,
    pub action: String,
    pub platform: String,
    pub platform_user_id: String,
    pub username: Option<String>,
    pub message_id: Option<Uuid>,
    /// For a timeout: its length after stacking.
    pub duration_seconds: Option<i64>,
    /// For a timeout: when the chatter is free again.
    pub expires_at: Option<DateTime<Utc>>,
    /// False when the action changed nothing: a ban of a chatter who is already banned, an
    /// unban of one who is neither banned nor timed out, a delete of a deleted message.
    /// Then no log entry is written, nothing is published, and `warnings` says why. A
    /// timeout always changes something (it sets a new end).
    pub changed: bool,
    /// How the platform is told: `queued_for_bot` (an outbox row the delivery worker sends,
    /// its status on the log entry's `delivery_status`; also published on `channel`),
    /// `applied_on_platform` (the action was taken on the platform itself), `none` when
    /// nothing changed.
    pub delivery: String,
    /// The bus channel the action was published on (empty when nothing changed).
    pub channel: String,
    /// Things the moderator should know (an invulnerable chatter, a moderator who loses
    /// mod until the timeout ends…).
    pub warnings: Vec<String>,
}

/// A `moderation_log` row.
#[derive(
    Debug, Clone, PartialEq, Serialize, sqlx::FromRow, utoipa::ToSchema, async_graphql::SimpleObject,
)]
pub struct ModerationLogEntry {
    pub id: Uuid,
    pub account_id: Uuid,
    pub platform: String,
    pub platform_user_id: String,
    pub target_username: Option<String>,
    pub target_message_id: Option<String>,
    /// ban, unban, timeout, delete, warn or treatment.
    pub action: String,
    /// The reason given; for `treatment`, the new treatment.
    pub reason: Option<String>,
    pub duration_seconds: Option<i64>,
    /// Null once that user is deleted.
    pub moderator_id: Option<Uuid>,
    pub moderator_name: String,
    pub created_at: DateTime<Utc>,
    /// How the action reached the platform (its `moderation_deliveries` row): `queued`,
    /// `sent` (the platform answered), `confirmed` (the platform's own event echoed it),
    /// `failed`; null for an action taken on the platform itself.
    #[sqlx(default)]
    pub delivery_status: Option<String>,
    /// Why the delivery failed, in the platform's words (when `failed`).
    #[sqlx(default)]
    pub delivery_error: Option<String>,
}

/// A page of a user's moderation log, newest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct ModerationLogPage {
    pub entries: Vec<ModerationLogEntry>,
    /// 1-based.
    pub page: i64,
    pub limit: i64,
    pub total: i64,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TreatmentInput {
    /// none, active_monitoring or restricted.
    pub treatment: String,
}

/// A chatter's treatment after a change.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct TreatmentResult {
    pub platform: String,
    pub platform_user_id: String,
    pub treatment: String,
}
