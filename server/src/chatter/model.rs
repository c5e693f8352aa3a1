//! Types of the chatter state.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::AppResult;
use crate::platforms::Platform;

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

/// A user on a platform, as the API names them.
#[derive(Debug, Clone)]
pub struct PlatformUserRef {
    pub platform: Platform,
    pub platform_user_id: String,
}

impl PlatformUserRef {
    /// Validate a platform name and a platform user id from a path or an argument: the id
    /// must be one of that platform's ([`Platform::check_user_id`]), else a 400 naming
    /// `platform_user_id`.
    pub fn parse(platform: &str, platform_user_id: &str) -> AppResult<PlatformUserRef> {
        let platform: Platform = platform.parse()?;
        let id = platform_user_id.trim();
        platform.check_user_id("platform_user_id", id)?;
        Ok(PlatformUserRef {
            platform,
            platform_user_id: id.to_string(),
        })
    }
}

/// A `platform_users` row, as the user card reads it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlatformUserRow {
    pub username: String,
    pub display_name: Option<String>,
    pub color: Option<String>,
    pub is_mod: bool,
    pub is_sub: bool,
    pub is_vip: bool,
    pub sub_tier: Option<String>,
    pub first_seen_at: Option<DateTime<Utc>>,
    pub last_seen_at: Option<DateTime<Utc>>,
    pub message_count: i64,
    pub treatment: String,
    pub banned_at: Option<DateTime<Utc>>,
    pub ban_expires_at: Option<DateTime<Utc>>,
    pub ban_reason: Option<String>,
    pub followed_at: Option<DateTime<Utc>>,
    pub follower_checked_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod ref_tests {
    use super::PlatformUserRef;
    use crate::error::AppError;

    #[test]
    fn a_user_ref_names_a_known_platform_and_one_of_its_ids() {
        assert!(PlatformUserRef::parse("kick", "123").is_ok());
        assert!(matches!(
            PlatformUserRef::parse("myspace", "123"),
            Err(AppError::BadRequest(_))
        ));
        assert!(PlatformUserRef::parse("twitch", " ").is_err());
        assert!(matches!(
            PlatformUserRef::parse("twitch", "loudguy"),
            Err(AppError::BadRequest(_))
        ));
        assert!(PlatformUserRef::parse("youtube", "UCLumioDemo0000000000000").is_ok());
    }
}
