use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A moderator's note on a platform user.
#[derive(
    Debug, Clone, PartialEq, Serialize, sqlx::FromRow, utoipa::ToSchema, async_graphql::SimpleObject,
)]
#[graphql(name = "PlatformUserNote")]
pub struct Note {
    pub id: Uuid,
    pub account_id: Uuid,
    pub platform: String,
    pub platform_user_id: String,
    pub note: String,
    /// The user who wrote it (null once that user is deleted).
    pub created_by: Option<Uuid>,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteInput {
    /// 1–2000 characters after trimming.
    pub note: String,
}

/// The longest note, in characters, after trimming.
pub const MAX_NOTE_CHARS: usize = 2000;
