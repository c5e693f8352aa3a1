//! Types of bot control.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::connections::model::CredentialStatus;

/// A platform bot's state (seed 001), plus `needs_reauth`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::Enum,
)]
#[serde(rename_all = "snake_case")]
pub enum BotState {
    /// `bot_enabled` and a channel connection exists.
    Active,
    /// `bot_enabled` is false on every connection of the platform.
    Paused,
    /// The account has no channel connection on the platform.
    NoConnection,
    /// Enabled, but Twitch refused to refresh a credential it acts with: connect again.
    NeedsReauth,
}

impl BotState {
    /// As the dashboard shows it.
    pub fn label(self) -> &'static str {
        match self {
            BotState::Active => "Active",
            BotState::Paused => "Paused",
            BotState::NoConnection => "No Connection",
            BotState::NeedsReauth => "Needs Reauth",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            BotState::Active => "active",
            BotState::Paused => "paused",
            BotState::NoConnection => "no_connection",
            BotState::NeedsReauth => "needs_reauth",
        }
    }
}

/// One channel of a platform's bot.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct BotChannelStatus {
    pub connection_id: Uuid,
    pub channel_name: String,
    pub channel_id: Option<String>,
    pub bot_enabled: bool,
    /// The worst status of the channel's credentials (none stored: null).
    pub credential_status: Option<CredentialStatus>,
    pub status_reason: Option<String>,
}

/// The account's bot on one platform.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct BotStatus {
    pub platform: String,
    pub status: BotState,
    /// `Active`, `Paused`, `No Connection` or `Needs Reauth`.
    pub label: String,
    pub channels: Vec<BotChannelStatus>,
}

/// `POST /v1/bot-toggle`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BotToggleInput {
    /// twitch, youtube, kick, trovo or discord.
    pub platform: String,
    /// false pauses the bot, true resumes it.
    pub enabled: bool,
}

/// `POST /v1/bot-rejoin`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BotRejoinInput {
    pub platform: String,
}

/// What a toggle or rejoin did.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct BotActionResult {
    /// `bot_join` or `bot_leave`, as published.
    pub action: String,
    /// The bus channel it was published on.
    pub channel: String,
    /// The bot's status after it.
    pub bot: BotStatus,
}

/// A channel a platform's bot should be in (`botChannels`, system key).
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct BotChannel {
    pub account_id: Uuid,
    pub connection_id: Uuid,
    pub channel_name: String,
    pub channel_id: Option<String>,
}

/// `GET /v1/bot-channels?platform=`.
#[derive(Debug, Clone, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct BotChannelsQuery {
    pub platform: String,
}
