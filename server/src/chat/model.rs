//! Types of the chat pipeline. The message and the live events themselves are in
//! [`crate::events`] (re-exported here).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::events::model::{
    decode_cursor, encode_cursor, live_event_permission, may_receive, ChatEvent, ChatMessage,
    EmotePosition, UserEvent,
};

/// A chat message as a bot or connector reports it (`sendChatMessage`, `POST /v1/chat/message`).
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema, async_graphql::InputObject)]
#[graphql(name = "ChatMessageInputGql")]
#[serde(deny_unknown_fields)]
pub struct ChatMessageInput {
    pub platform: String,
    pub channel_name: String,
    pub user_id: String,
    pub username: String,
    pub display_name: Option<String>,
    pub message: String,
    #[serde(default)]
    #[graphql(default)]
    pub emotes: Vec<EmotePosition>,
    #[serde(default)]
    #[graphql(default)]
    pub badges: Vec<String>,
    pub color: Option<String>,
    #[serde(default)]
    #[graphql(default)]
    pub is_mod: bool,
    #[serde(default)]
    #[graphql(default)]
    pub is_sub: bool,
    #[serde(default)]
    #[graphql(default)]
    pub is_vip: bool,
    pub sub_tier: Option<String>,
    /// The platform's own id of the message; a message seen twice is stored once.
    pub platform_message_id: Option<String>,
    pub reply_to_message_id: Option<String>,
    pub reply_to_user_id: Option<String>,
    pub reply_to_username: Option<String>,
    pub reply_to_message: Option<String>,
}

/// A buffered message the database refused during a flush (`chat_dead_letters`).
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow)]
pub struct DeadLetter {
    /// The message's id (for an unreadable buffered item, one derived from its content).
    pub id: Uuid,
    pub account_id: Uuid,
    /// The buffered message, as JSON, exactly as it was.
    pub payload: String,
    /// The database's error the last time it was tried.
    pub error: String,
    pub attempts: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<&ChatMessage> for ChatMessageInput {
    /// The input a stored message was made from (for checking it again).
    fn from(m: &ChatMessage) -> Self {
        ChatMessageInput {
            platform: m.platform.clone(),
            channel_name: m.channel_name.clone(),
            user_id: m.user_id.clone(),
            username: m.username.clone(),
            display_name: m.display_name.clone(),
            message: m.message.clone(),
            emotes: m.emotes.clone(),
            badges: m.badges.clone(),
            color: m.color.clone(),
            is_mod: m.is_mod,
            is_sub: m.is_sub,
            is_vip: m.is_vip,
            sub_tier: m.sub_tier.clone(),
            platform_message_id: m.platform_message_id.clone(),
            reply_to_message_id: m.reply_to_message_id.clone(),
            reply_to_user_id: m.reply_to_user_id.clone(),
            reply_to_username: m.reply_to_username.clone(),
            reply_to_message: m.reply_to_message.clone(),
        }
    }
}

/// Filters of `chatHistory` / `GET /v1/chat/history`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams, async_graphql::InputObject)]
#[serde(deny_unknown_fields)]
pub struct ChatFilterInput {
    /// Comma-separated on REST (`platform=twitch,kick`).
    pub platform: Option<String>,
    /// A platform user id or a username (case-insensitive).
    pub user: Option<String>,
    /// Text the message contains (case-insensitive).
    pub contains: Option<String>,
    /// Messages received at or after this time (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Messages received before this time (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    /// Include deleted messages (default false).
    pub include_deleted: Option<bool>,
    /// Page size, 1–500 (default 50).
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A validated filter.
#[derive(Debug, Clone, Default)]
pub struct ChatFilter {
    pub platforms: Vec<String>,
    pub user: Option<String>,
    pub contains: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    pub include_deleted: bool,
}

/// A page of history, newest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct ChatPage {
    pub messages: Vec<ChatMessage>,
    /// Pass as `cursor` for the next (older) page; null on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct IngestResult {
    pub id: Uuid,
    /// True when this platform message had been ingested before (nothing was stored).
    pub duplicate: bool,
    pub message: Option<ChatMessage>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct MessageCount {
    pub count: i64,
}
