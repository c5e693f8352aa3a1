//! The one trait every platform connector implements (issue 15 §2), the events a platform's
//! chat stream yields, and the one error type of platform calls.
//!
//! A connector acts on one channel with that channel's credentials; what it needs to act
//! (token, ids) is resolved by the caller and passed as a [`ChannelRef`]. Capabilities a
//! platform lacks answer [`PlatformError::Unsupported`].

use std::fmt;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::Platform;
use crate::error::AppError;

/// The channel a call acts on, and who acts.
#[derive(Debug, Clone)]
pub struct ChannelRef {
    /// The broadcaster's id on the platform.
    pub broadcaster_id: String,
    /// The user the token belongs to (the moderator / sender: broadcaster or bot).
    pub acting_user_id: String,
}

/// One thing that happened in a channel's chat, as the platform reported it.
#[derive(Debug, Clone, PartialEq)]
pub enum PlatformEvent {
    Message(ChatIn),
    /// One message was deleted by a moderator.
    MessageDeleted {
        broadcaster_id: String,
        message_id: String,
        user_id: String,
        moderator: Option<Who>,
    },
    /// All messages of one user were removed (a ban or timeout clears them too).
    UserMessagesCleared {
        broadcaster_id: String,
        user: Who,
    },
    /// The whole chat was cleared.
    ChatCleared {
        broadcaster_id: String,
    },
    Ban {
        broadcaster_id: String,
        user: Who,
        moderator: Who,
        reason: Option<String>,
    },
    Timeout {
        broadcaster_id: String,
        user: Who,
        moderator: Who,
        reason: Option<String>,
        ends_at: DateTime<Utc>,
    },
    Unban {
        broadcaster_id: String,
        user: Who,
        moderator: Who,
    },
    Warn {
        broadcaster_id: String,
        user: Who,
        moderator: Who,
        reason: Option<String>,
    },
    ModeratorAdded {
        broadcaster_id: String,
        user: Who,
        moderator: Option<Who>,
    },
    ModeratorRemoved {
        broadcaster_id: String,
        user: Who,
        moderator: Option<Who>,
    },
    /// A suspicious-user treatment was set (`treatment` Some) or cleared.
    TreatmentChanged {
        broadcaster_id: String,
        user: Who,
        moderator: Option<Who>,
        treatment: Option<String>,
    },
    Raid {
        broadcaster_id: String,
        from: Who,
        viewers: u64,
    },
    Sub {
        broadcaster_id: String,
        user: Who,
        tier: Option<String>,
    },
    StreamOnline {
        broadcaster_id: String,
    },
    StreamOffline {
        broadcaster_id: String,
    },
}

impl PlatformEvent {
    /// The broadcaster the event belongs to.
    pub fn broadcaster_id(&self) -> &str {
        use PlatformEvent::*;
        match self {
            Message(m) => &m.broadcaster_id,
            MessageDeleted { broadcaster_id, .. }
            | UserMessagesCleared { broadcaster_id, .. }
            | ChatCleared { broadcaster_id }
            | Ban { broadcaster_id, .. }
            | Timeout { broadcaster_id, .. }
            | Unban { broadcaster_id, .. }
            | Warn { broadcaster_id, .. }
            | ModeratorAdded { broadcaster_id, .. }
            | ModeratorRemoved { broadcaster_id, .. }
            | TreatmentChanged { broadcaster_id, .. }
            | Raid { broadcaster_id, .. }
            | Sub { broadcaster_id, .. }
            | StreamOnline { broadcaster_id }
            | StreamOffline { broadcaster_id } => broadcaster_id,
        }
    }
}

/// A user as an event names them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Who {
    pub id: String,
    pub login: String,
    pub display_name: String,
}

/// A chat message as a platform delivered it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChatIn {
    pub broadcaster_id: String,
    pub broadcaster_login: String,
    pub message_id: String,
    pub user: Who,
    pub text: String,
    pub color: Option<String>,
    /// Badge set ids (`moderator`, `subscriber`, `vip`, `broadcaster`…).
    pub badges: Vec<String>,
    pub reply_to_message_id: Option<String>,
    pub reply_to_user_id: Option<String>,
    pub reply_to_username: Option<String>,
    pub reply_to_message: Option<String>,
}

/// A platform user looked up by login or id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformUser {
    pub id: String,
    pub login: String,
    pub display_name: String,
    pub created_at: Option<DateTime<Utc>>,
}

/// A channel emote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformEmote {
    pub id: String,
    pub name: String,
    pub url: String,
    pub animated: bool,
}

/// How a poll ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PollEnd {
    /// Ended; the results stay visible.
    Terminated,
    /// Ended and hidden.
    Archived,
}

impl PollEnd {
    /// Twitch's spelling (`TERMINATED`, `ARCHIVED`).
    pub fn as_str(self) -> &'static str {
        match self {
            PollEnd::Terminated => "TERMINATED",
            PollEnd::Archived => "ARCHIVED",
        }
    }
}

/// How a prediction ends (or stops taking predictions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PredictionEnd {
    /// Pay out the winners of this outcome.
    Resolved { winning_outcome_id: String },
    /// Refund everyone.
    Canceled,
    /// Stop taking predictions; it is resolved or canceled later.
    Locked,
}

impl PredictionEnd {
    /// Twitch's spelling (`RESOLVED`, `CANCELED`, `LOCKED`).
    pub fn as_str(&self) -> &'static str {
        match self {
            PredictionEnd::Resolved { .. } => "RESOLVED",
            PredictionEnd::Canceled => "CANCELED",
            PredictionEnd::Locked => "LOCKED",
        }
    }
}

/// A poll as the platform answered after a change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Poll {
    pub id: String,
    pub title: String,
    pub status: String,
    /// `(id, title, votes)` of each choice.
    pub choices: Vec<(String, String, i64)>,
}

/// A prediction as the platform answered after a change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prediction {
    pub id: String,
    pub title: String,
    pub status: String,
    pub winning_outcome_id: Option<String>,
    /// `(id, title, users, channel_points)` of each outcome.
    pub outcomes: Vec<(String, String, i64, i64)>,
}

/// Why a platform call failed. The platform's own status, error and message are kept.
#[derive(Debug, Clone, PartialEq)]
pub enum PlatformError {
    /// The platform answered with an error status.
    Api {
        platform: Platform,
        status: u16,
        /// The platform's error code (Helix: `error`, e.g. "Bad Request").
        error: String,
        /// The platform's message, as it said it.
        message: String,
    },
    /// 429: wait this long (from `Ratelimit-Reset` or `Retry-After`) and try again.
    RateLimited {
        platform: Platform,
        retry_after: Duration,
        message: String,
    },
    /// The token was refused (401).
    Unauthorized { platform: Platform, message: String },
    /// The platform could not be reached or did not answer in time.
    Unreachable { platform: Platform, message: String },
    /// The platform does not have this capability.
    Unsupported { platform: Platform, what: String },
}

impl PlatformError {
    /// Whether trying again later may succeed (rate limits, 5xx, network).
    pub fn is_transient(&self) -> bool {
        match self {
            PlatformError::RateLimited { .. } | PlatformError::Unreachable { .. } => true,
            PlatformError::Api { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// The platform's status code, when it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            PlatformError::Api { status, .. } => Some(*status),
            PlatformError::RateLimited { .. } => Some(429),
            PlatformError::Unauthorized { .. } => Some(401),
            _ => None,
        }
    }
}

impl fmt::Display for PlatformError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlatformError::Api {
                platform,
                status,
                error,
                message,
            } => write!(f, "{platform} answered {status} {error}: {message}"),
            PlatformError::RateLimited {
                platform,
                retry_after,
                message,
            } => write!(
                f,
                "{platform} rate limit reached ({message}); retry in {}s",
                retry_after.as_secs_f64().ceil()
            ),
            PlatformError::Unauthorized { platform, message } => {
                write!(f, "{platform} refused the token: {message}")
            }
            PlatformError::Unreachable { platform, message } => {
                write!(f, "{platform} could not be reached: {message}")
            }
            PlatformError::Unsupported { platform, what } => {
                write!(f, "{platform} has no {what}")
            }
        }
    }
}

impl std::error::Error for PlatformError {}

/// A platform's refusal keeps its meaning for lumio's caller: what it refused as bad input is
/// a 422, what it does not have a 404, a conflict a 409, a missing scope a 403; its own
/// failures and a refused token are a 502. The message is always the platform's.
impl From<PlatformError> for AppError {
    fn from(e: PlatformError) -> AppError {
        let said = e.to_string();
        match e {
            PlatformError::Unsupported { .. } => AppError::BadRequest(said),
            PlatformError::RateLimited { .. } => AppError::Unavailable(said),
            PlatformError::Api { status, .. } => match status {
                400 | 422 => AppError::Validation(said),
                401 | 403 => AppError::Forbidden(said),
                404 => AppError::NotFound(said),
                409 => AppError::Conflict(said),
                _ => AppError::Platform(said),
            },
            PlatformError::Unauthorized { .. } | PlatformError::Unreachable { .. } => {
                AppError::Platform(said)
            }
        }
    }
}

pub type PlatformResult<T> = Result<T, PlatformError>;

/// What lumio does on a platform. Every call acts on one channel with one token; the caller
/// got the token from [`crate::connections::tokens`] and refreshes it on
/// [`PlatformError::Unauthorized`].
#[async_trait]
pub trait Connector: Send + Sync {
    fn platform(&self) -> Platform;

    async fn send(&self, token: &str, ch: &ChannelRef, text: &str) -> PlatformResult<()>;
    /// Ban (`duration` None) or time out (`duration` Some seconds).
    async fn ban(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
        duration: Option<u64>,
        reason: Option<&str>,
    ) -> PlatformResult<()>;
    async fn unban(&self, token: &str, ch: &ChannelRef, user_id: &str) -> PlatformResult<()>;
    /// Delete one message (`message_id` Some) or clear the chat.
    async fn delete(
        &self,
        token: &str,
        ch: &ChannelRef,
        message_id: Option<&str>,
    ) -> PlatformResult<()>;
    async fn warn(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
        reason: &str,
    ) -> PlatformResult<()>;
    /// Give (`on` true) or take a user's moderator status.
    async fn set_moderator(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
        on: bool,
    ) -> PlatformResult<()>;
    /// Set (`treatment` Some) or clear a suspicious-user treatment.
    async fn set_treatment(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
        treatment: Option<&str>,
    ) -> PlatformResult<()>;
    async fn user_by_login(&self, token: &str, login: &str)
        -> PlatformResult<Option<PlatformUser>>;
    /// When `user_id` followed the channel, or None if they do not.
    async fn follow_status(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
    ) -> PlatformResult<Option<DateTime<Utc>>>;
    async fn channel_emotes(
        &self,
        token: &str,
        ch: &ChannelRef,
    ) -> PlatformResult<Vec<PlatformEmote>>;

    async fn cancel_raid(&self, _token: &str, _ch: &ChannelRef) -> PlatformResult<()> {
        Err(self.unsupported("raids"))
    }
    /// End a poll; the poll as the platform now has it.
    async fn end_poll(
        &self,
        _token: &str,
        _ch: &ChannelRef,
        _id: &str,
        _end: PollEnd,
    ) -> PlatformResult<Poll> {
        Err(self.unsupported("polls"))
    }
    /// End or lock a prediction; the prediction as the platform now has it.
    async fn end_prediction(
        &self,
        _token: &str,
        _ch: &ChannelRef,
        _id: &str,
        _end: &PredictionEnd,
    ) -> PlatformResult<Prediction> {
        Err(self.unsupported("predictions"))
    }

    fn unsupported(&self, what: &str) -> PlatformError {
        PlatformError::Unsupported {
            platform: self.platform(),
            what: what.to_string(),
        }
    }
}
