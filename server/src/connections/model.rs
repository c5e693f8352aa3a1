//! Types of channel credentials. A token is a [`Token`]: it has no `Serialize`, and its
//! `Debug` prints `Token(…)`, so no answer or log line can carry one by accident.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A platform token (access, refresh or device code). Never serialized, never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub fn new(s: impl Into<String>) -> Token {
        Token(s.into())
    }

    /// The token itself, for the one place that sends it to the platform that issued it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

impl<'de> Deserialize<'de> for Token {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Token)
    }
}

/// Whose token it is: the broadcaster's own, or a bot account's acting on the channel.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    async_graphql::Enum,
)]
#[serde(rename_all = "snake_case")]
#[graphql(name = "CredentialRole")]
pub enum Role {
    Broadcaster,
    Bot,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Broadcaster => "broadcaster",
            Role::Bot => "bot",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "broadcaster" => Some(Role::Broadcaster),
            "bot" => Some(Role::Bot),
            _ => None,
        }
    }
}

/// Whether lumio can act with a credential: `ok`, or `needs_reauth` once Twitch refused to
/// refresh it (connect again with `lumio connect twitch`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::Enum,
)]
#[serde(rename_all = "snake_case")]
pub enum CredentialStatus {
    Ok,
    NeedsReauth,
}

impl CredentialStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialStatus::Ok => "ok",
            CredentialStatus::NeedsReauth => "needs_reauth",
        }
    }
}

/// A credential as the API shows it: who, what it may do, until when — never the token.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
#[graphql(name = "ChannelCredential")]
pub struct CredentialView {
    pub id: Uuid,
    pub role: Role,
    /// The Twitch user the token belongs to.
    pub user_id: String,
    pub login: String,
    /// The scopes Twitch granted, sorted.
    pub scopes: Vec<String>,
    /// When the access token expires (it is refreshed before), if Twitch said.
    pub expires_at: Option<DateTime<Utc>>,
    pub status: CredentialStatus,
    /// Why it needs re-authorization.
    pub status_reason: Option<String>,
    pub updated_at: DateTime<Utc>,
}

/// A channel connection of the account with its credentials.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct ChannelConnection {
    pub id: Uuid,
    pub platform: String,
    pub channel_name: String,
    pub channel_id: Option<String>,
    pub bot_enabled: bool,
    pub created_at: DateTime<Utc>,
    pub credentials: Vec<CredentialView>,
}

/// A device code connect in progress: show `user_code` and `verification_uri` to the person,
/// then poll with `flow_id` every `interval` seconds until `expires_at`.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct DeviceFlow {
    pub flow_id: Uuid,
    pub user_code: String,
    pub verification_uri: String,
    pub expires_at: DateTime<Utc>,
    /// Seconds to wait between polls.
    pub interval: i64,
    pub scopes: Vec<String>,
    pub role: Role,
}

/// Where a device code connect stands (RFC 8628 §3.5, as Twitch answers).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::Enum,
)]
#[serde(rename_all = "snake_case")]
pub enum DevicePollStatus {
    /// `authorization_pending`: the person has not answered yet.
    Pending,
    /// `slow_down`: poll less often (add 5 seconds to the interval).
    SlowDown,
    /// Tokens received and stored: see `connection`.
    Connected,
    /// `expired_token`: the code expired; start again.
    Expired,
    /// `access_denied`: the person refused.
    Denied,
}

/// The answer to a poll.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct DevicePoll {
    pub status: DevicePollStatus,
    /// Seconds to wait before the next poll.
    pub interval: i64,
    pub message: String,
    /// The connection, once `connected`.
    pub connection: Option<ChannelConnection>,
}

/// Start a device code connect.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeviceStartInput {
    /// The Twitch channel (login) the tokens act on. A broadcaster's token acts on its own
    /// channel; a bot's needs the channel when the account has several.
    pub channel: Option<String>,
    /// Scopes to ask for (default: what lumio needs for the role).
    pub scopes: Option<Vec<String>>,
    /// `broadcaster` (default) or `bot`.
    pub role: Option<Role>,
}

/// Tokens pasted by a person (from another tool); checked with Twitch's `/oauth2/validate`.
#[derive(Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenInput {
    #[schema(value_type = String)]
    pub access_token: Token,
    /// Without it lumio cannot refresh: the connection needs re-authorization when the
    /// access token expires.
    #[schema(value_type = Option<String>)]
    pub refresh_token: Option<Token>,
    pub channel: Option<String>,
    pub role: Option<Role>,
}

impl std::fmt::Debug for TokenInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenInput")
            .field("channel", &self.channel)
            .field("role", &self.role)
            .finish_non_exhaustive()
    }
}

/// `DELETE /v1/connections/{id}`: only one role's credential, or (absent) the whole
/// connection.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct RemoveQuery {
    pub role: Option<Role>,
}

/// What a removal took away.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct Removed {
    pub connection_id: Uuid,
    /// True when the whole channel connection went (not only a credential).
    pub connection_removed: bool,
    /// The credentials removed (their tokens were revoked at Twitch where it answered).
    pub credentials_removed: i32,
}

/// What lumio asks Twitch for when the caller names no scopes.
pub const DEFAULT_BROADCASTER_SCOPES: &[&str] = &[
    "channel:bot",
    "channel:manage:moderators",
    "channel:manage:polls",
    "channel:manage:predictions",
    "channel:manage:raids",
    "moderator:manage:banned_users",
    "moderator:manage:chat_messages",
    "moderator:manage:suspicious_users",
    "moderator:manage:warnings",
    "moderator:read:followers",
    "moderator:read:suspicious_users",
    "user:read:chat",
    "user:write:chat",
];

pub const DEFAULT_BOT_SCOPES: &[&str] = &[
    "moderator:manage:banned_users",
    "moderator:manage:chat_messages",
    "moderator:manage:warnings",
    "user:bot",
    "user:read:chat",
    "user:write:chat",
];
