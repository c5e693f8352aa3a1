//! Types of the chatter state.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Whether a platform's channel is live, and whether the account's bot is there.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct StreamState {
    pub platform: String,
    pub live: bool,
    /// The account's channel on the platform (an enabled connection first), if it has one.
    pub channel_name: Option<String>,
    /// The bot on that channel, as seed 001 defines it: `active` (a channel connection with
    /// `bot_enabled`), `paused` (`bot_enabled` false) or `no_connection`.
    pub bot: String,
}

/// A report that a channel went live or offline (bots and connectors send it).
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StreamStateInput {
    pub live: bool,
}

/// What changed when a stream state was reported.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct StreamStateResult {
    pub platform: String,
    pub live: bool,
    /// False when the channel already was in that state (nothing changed).
    pub changed: bool,
    /// Chatters whose "first message of this stream" mark was reset (going live only).
    pub chatters_reset: i64,
    pub at: DateTime<Utc>,
}

/// The account's chatter settings.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct ChatterSettings {
    /// A new timeout adds the time left of the current one (seed 002 `timeoutStacking`).
    pub timeout_stacking: bool,
    /// Commands and items the bot ignores (seed 002 `disabledcommands`), sorted.
    pub disabled_commands: Vec<String>,
}

/// A change of the chatter settings; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema, async_graphql::InputObject)]
#[serde(deny_unknown_fields)]
pub struct ChatterSettingsInput {
    pub timeout_stacking: Option<bool>,
    /// Commands or items to disable (a leading `!` is ignored).
    #[serde(default)]
    #[graphql(default)]
    pub disable_commands: Vec<String>,
    /// Commands or items to enable again.
    #[serde(default)]
    #[graphql(default)]
    pub enable_commands: Vec<String>,
}
