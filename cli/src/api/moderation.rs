//! Moderation and profiles over REST: `POST /v1/chat/moderate`, the moderation logs,
//! treatment, and the chatter profile.

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::notes::encode;
use super::Client;
use crate::cli::Platform;
use crate::error::CliResult;

/// Who an action is about: a platform user id, or a username lumio has seen (`@name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserRef {
    Id(String),
    Name(String),
}

impl UserRef {
    /// `@name` is a username; anything else is a platform user id.
    pub fn parse(s: &str) -> UserRef {
        let s = s.trim();
        match s.strip_prefix('@') {
            Some(name) => UserRef::Name(name.to_string()),
            None => UserRef::Id(s.to_string()),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            UserRef::Id(s) | UserRef::Name(s) => s.is_empty(),
        }
    }
}

impl std::fmt::Display for UserRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UserRef::Id(id) => f.write_str(id),
            UserRef::Name(n) => write!(f, "@{n}"),
        }
    }
}

/// A moderation action as the server takes it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Moderation {
    pub platform: String,
    pub action: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform_user_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Moderation {
    pub fn on(platform: Platform, action: &str, user: Option<&UserRef>) -> Moderation {
        let mut m = Moderation {
            platform: platform.to_string(),
            action: action.to_string(),
            ..Moderation::default()
        };
        match user {
            Some(UserRef::Id(id)) => m.platform_user_id = Some(id.clone()),
            Some(UserRef::Name(n)) => m.username = Some(n.clone()),
            None => {}
        }
        m
    }
}

/// What the server did.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ModerationResult {
    pub id: String,
    pub action: String,
    pub platform: String,
    pub platform_user_id: String,
    pub username: Option<String>,
    pub message_id: Option<String>,
    pub duration_seconds: Option<i64>,
    pub expires_at: Option<String>,
    pub delivery: String,
    pub channel: String,
    pub warnings: Vec<String>,
}

/// One `moderation_log` row.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LogEntry {
    pub id: String,
    pub platform: String,
    pub platform_user_id: String,
    pub target_username: Option<String>,
    pub target_message_id: Option<String>,
    pub action: String,
    pub reason: Option<String>,
    pub duration_seconds: Option<i64>,
    pub moderator_id: Option<String>,
    pub moderator_name: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LogPage {
    pub entries: Vec<LogEntry>,
    pub page: i64,
    pub limit: i64,
    pub total: i64,
}

impl Client {
    /// Ban, unban, time out or delete.
    pub async fn moderate(&self, m: &Moderation) -> CliResult<ModerationResult> {
        self.rest(Method::POST, "/v1/chat/moderate", Some(m)).await
    }

    /// A page of one chatter's moderation log, or of the whole account's.
    pub async fn moderation_log(
        &self,
        user: Option<(Platform, &str)>,
        page: u32,
        limit: u32,
    ) -> CliResult<LogPage> {
        let path = match user {
            Some((p, id)) => format!("/v1/chat/users/{p}/{}/moderation-log", encode(id)),
            None => "/v1/chat/moderation-log".to_string(),
        };
        self.rest(
            Method::GET,
            &format!("{path}?page={page}&limit={limit}"),
            None::<&()>,
        )
        .await
    }

    /// Set a chatter's treatment.
    pub async fn set_treatment(
        &self,
        platform: Platform,
        user: &str,
        treatment: &str,
    ) -> CliResult<Value> {
        self.rest(
            Method::PUT,
            &format!("/v1/chat/users/{platform}/{}/treatment", encode(user)),
            Some(&json!({ "treatment": treatment })),
        )
        .await
    }

    /// A chatter's profile, as the server sends it.
    pub async fn profile(&self, platform: Platform, user: &str) -> CliResult<Value> {
        self.rest(
            Method::GET,
            &format!("/v1/chat/users/{platform}/{}", encode(user)),
            None::<&()>,
        )
        .await
    }

    /// The platform user id of a username lumio has seen on a platform (from the newest
    /// message of that name), if any.
    pub async fn resolve_username(
        &self,
        platform: Platform,
        name: &str,
    ) -> CliResult<Option<String>> {
        let page: Value = self
            .rest(
                Method::GET,
                &format!(
                    "/v1/chat/history?platform={platform}&user={}&include_deleted=true&limit=20",
                    encode(name)
                ),
                None::<&()>,
            )
            .await?;
        Ok(page["messages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|m| {
                m["username"]
                    .as_str()
                    .is_some_and(|u| u.eq_ignore_ascii_case(name))
            })
            .and_then(|m| m["user_id"].as_str())
            .map(String::from))
    }

    /// A user reference as a platform user id (`@name` resolved through what lumio has seen).
    pub async fn user_id(&self, platform: Platform, user: &UserRef) -> CliResult<String> {
        match user {
            UserRef::Id(id) => Ok(id.clone()),
            UserRef::Name(n) => self.resolve_username(platform, n).await?.ok_or_else(|| {
                crate::error::CliError::not_found(format!(
                    "no {platform} chatter named '{n}' has been seen; give their platform user id"
                ))
            }),
        }
    }
}
