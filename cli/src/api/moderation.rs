//! Moderation over REST: `POST /v1/chat/moderate`, the moderation logs, treatment.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::ops::{account_moderation_log, moderation_log, update_user_treatment};
use super::ops::{AccountModerationLog, ModerationLog, UpdateUserTreatment};
use super::Client;
use crate::error::CliResult;
use crate::platform::{Platform, UserRef};

/// What a moderator does to a chatter or a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Ban,
    Unban,
    Timeout,
    Delete,
    Warn,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Ban => "ban",
            Action::Unban => "unban",
            Action::Timeout => "timeout",
            Action::Delete => "delete",
            Action::Warn => "warn",
        }
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Action {
    type Err = String;
    fn from_str(s: &str) -> Result<Action, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ban" => Ok(Action::Ban),
            "unban" => Ok(Action::Unban),
            "timeout" => Ok(Action::Timeout),
            "delete" => Ok(Action::Delete),
            "warn" => Ok(Action::Warn),
            other => Err(format!(
                "unknown action '{other}' (ban, unban, timeout, delete or warn)"
            )),
        }
    }
}

/// A moderation action as the server takes it.
#[derive(Debug, Clone, Serialize)]
pub struct Moderation {
    pub platform: Platform,
    pub action: Action,
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
    pub fn on(platform: Platform, action: Action, user: Option<&UserRef>) -> Moderation {
        let (platform_user_id, username) = match user {
            Some(UserRef::Id(id)) => (Some(id.clone()), None),
            Some(UserRef::Name(n)) => (None, Some(n.clone())),
            None => (None, None),
        };
        Moderation {
            platform,
            action,
            platform_user_id,
            username,
            message_id: None,
            duration_seconds: None,
            reason: None,
        }
    }
}

fn changed_by_default() -> bool {
    true
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
    /// False when nothing was done (a ban of a banned chatter, an unban of one who is not):
    /// `warnings` says why. Servers from before this field changed something every time.
    #[serde(default = "changed_by_default")]
    pub changed: bool,
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
    /// How the action reached the platform: queued, sent, confirmed or failed (none for an
    /// action taken on the platform itself, or a server from before delivery).
    #[serde(default)]
    pub delivery_status: Option<String>,
    /// The platform's message when the delivery failed.
    #[serde(default)]
    pub delivery_error: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LogPage {
    pub entries: Vec<LogEntry>,
    pub page: i64,
    pub limit: i64,
    pub total: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TreatmentResult {
    pub platform: String,
    pub platform_user_id: String,
    pub treatment: String,
}

/// A page of either log query (each has its own generated types of the same fragments).
macro_rules! log_page_from {
    ($m:ident) => {
        impl From<$m::LogPageFields> for LogPage {
            fn from(l: $m::LogPageFields) -> LogPage {
                LogPage {
                    entries: l.entries.into_iter().map(LogEntry::from).collect(),
                    page: l.page,
                    limit: l.limit,
                    total: l.total,
                }
            }
        }

        impl From<$m::LogEntryFields> for LogEntry {
            fn from(e: $m::LogEntryFields) -> LogEntry {
                LogEntry {
                    id: e.id,
                    platform: e.platform,
                    platform_user_id: e.platform_user_id,
                    target_username: e.target_username,
                    target_message_id: e.target_message_id,
                    action: e.action,
                    reason: e.reason,
                    duration_seconds: e.duration_seconds,
                    moderator_id: e.moderator_id,
                    moderator_name: e.moderator_name,
                    created_at: e.created_at,
                    delivery_status: e.delivery_status,
                    delivery_error: e.delivery_error,
                }
            }
        }
    };
}

log_page_from!(moderation_log);
log_page_from!(account_moderation_log);

impl Client {
    /// Ban, unban, time out or delete.
    pub async fn moderate(&self, m: &Moderation) -> CliResult<ModerationResult> {
        self.call(self.v1(Method::POST, &["chat", "moderate"])?.json(m))
            .await
    }

    /// A page of one chatter's moderation log, or of the whole account's (GraphQL
    /// `moderationLog`, `accountModerationLog`).
    pub async fn moderation_log(
        &self,
        user: Option<(Platform, &str)>,
        page: u32,
        limit: u32,
    ) -> CliResult<LogPage> {
        let (page, limit) = (Some(i64::from(page)), Some(i64::from(limit)));
        let account_id = self.account();
        Ok(match user {
            Some((p, id)) => self
                .graphql::<ModerationLog>(moderation_log::Variables {
                    platform: p.as_str().to_string(),
                    platform_user_id: id.to_string(),
                    page,
                    limit,
                    account_id,
                })
                .await?
                .moderation_log
                .into(),
            None => self
                .graphql::<AccountModerationLog>(account_moderation_log::Variables {
                    page,
                    limit,
                    account_id,
                })
                .await?
                .account_moderation_log
                .into(),
        })
    }

    /// Set a chatter's treatment (GraphQL `updateUserTreatment`).
    pub async fn set_treatment(
        &self,
        platform: Platform,
        user_id: &str,
        treatment: &str,
    ) -> CliResult<TreatmentResult> {
        let t = self
            .graphql::<UpdateUserTreatment>(update_user_treatment::Variables {
                platform: platform.as_str().to_string(),
                platform_user_id: user_id.to_string(),
                treatment: treatment.to_string(),
                account_id: self.account(),
            })
            .await?
            .update_user_treatment;
        Ok(TreatmentResult {
            platform: t.platform,
            platform_user_id: t.platform_user_id,
            treatment: t.treatment,
        })
    }
}
