//! Chat over REST: ingest (`POST /v1/chat/message`), history and count
//! (`GET /v1/chat/history[/count]`), and finding a chatter by the username lumio has seen.

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::Client;
use crate::error::{CliError, CliResult};
use crate::platform::{Platform, UserRef};

/// Where an emote stands in a message (character offsets, end inclusive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmotePosition {
    pub id: String,
    pub name: String,
    pub start: i32,
    pub end: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
}

/// A chat message to ingest: one line of `lumio chat ingest`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChatMessageInput {
    pub platform: String,
    pub channel_name: String,
    pub user_id: String,
    pub username: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    pub message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emotes: Vec<EmotePosition>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub badges: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_mod: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_sub: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_vip: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_tier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to_message_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to_user_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to_username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_to_message: Option<String>,
}

/// A stored (or buffered) chat message, as the server sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatMessage {
    pub id: String,
    pub account_id: String,
    pub platform: String,
    pub channel_name: String,
    pub user_id: String,
    pub username: String,
    pub display_name: Option<String>,
    pub message: String,
    pub emotes: Vec<EmotePosition>,
    pub badges: Vec<String>,
    pub color: Option<String>,
    pub is_mod: bool,
    pub is_sub: bool,
    pub is_vip: bool,
    pub sub_tier: Option<String>,
    pub platform_message_id: Option<String>,
    pub reply_to_message_id: Option<String>,
    pub reply_to_user_id: Option<String>,
    pub reply_to_username: Option<String>,
    pub reply_to_message: Option<String>,
    pub created_at: String,
    pub deleted_at: Option<String>,
    pub deleted_by: Option<String>,
    #[serde(default)]
    pub is_first_message: bool,
    #[serde(default)]
    pub is_first_in_stream: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment: Option<String>,
}

/// A page of history, newest first.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ChatPage {
    pub messages: Vec<ChatMessage>,
    pub next_cursor: Option<String>,
}

/// What ingesting one message did.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IngestResult {
    pub id: String,
    pub duplicate: bool,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct MessageCount {
    pub count: i64,
}

/// The filters of history and count (`GET /v1/chat/history?…`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct HistoryQuery {
    /// Comma-separated platforms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// A platform user id or a username.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contains: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub include_deleted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl Client {
    /// Ingest one message (`chat:write`).
    pub async fn ingest(&self, m: &ChatMessageInput) -> CliResult<IngestResult> {
        self.call(self.v1(Method::POST, &["chat", "message"])?.json(m))
            .await
    }

    /// A page of history.
    pub async fn history(&self, q: &HistoryQuery) -> CliResult<ChatPage> {
        self.call(self.v1(Method::GET, &["chat", "history"])?.query(q))
            .await
    }

    /// How many messages match (`limit` and `cursor` are ignored).
    pub async fn count(&self, q: &HistoryQuery) -> CliResult<MessageCount> {
        let q = HistoryQuery {
            limit: None,
            cursor: None,
            ..q.clone()
        };
        self.call(
            self.v1(Method::GET, &["chat", "history", "count"])?
                .query(&q),
        )
        .await
    }

    /// The chatters (platform, user id) lumio has seen with this username, newest first,
    /// on `platforms` (all when empty).
    pub async fn chatters_named(
        &self,
        platforms: &[Platform],
        name: &str,
    ) -> CliResult<Vec<(Platform, String)>> {
        let q = HistoryQuery {
            platform: (!platforms.is_empty()).then(|| {
                platforms
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(",")
            }),
            user: Some(name.to_string()),
            include_deleted: true,
            limit: Some(100),
            ..HistoryQuery::default()
        };
        let page = self.history(&q).await?;
        let mut found: Vec<(Platform, String)> = Vec::new();
        for m in page
            .messages
            .iter()
            .filter(|m| m.username.eq_ignore_ascii_case(name))
        {
            let Ok(p) = m.platform.parse::<Platform>() else {
                continue;
            };
            if !found.iter().any(|(fp, id)| *fp == p && *id == m.user_id) {
                found.push((p, m.user_id.clone()));
            }
        }
        Ok(found)
    }

    /// A user reference as a platform user id: an id as it is, `@name` through the chat
    /// lumio has seen (exit 5 with a hint when nobody by that name has been seen).
    pub async fn user_id(&self, platform: Platform, user: &UserRef) -> CliResult<String> {
        match user {
            UserRef::Id(id) => Ok(id.clone()),
            UserRef::Name(n) => self
                .chatters_named(&[platform], n)
                .await?
                .into_iter()
                .next()
                .map(|(_, id)| id)
                .ok_or_else(|| unseen(platform, n)),
        }
    }
}

/// Nobody by that name has been seen on the platform: exit 5, with what to do instead.
pub fn unseen(platform: Platform, name: &str) -> CliError {
    CliError::not_found(format!(
        "no {platform} chatter named '{name}' has been seen; give their {platform} user id \
         ({}) instead",
        platform.user_id_rule()
    ))
}
