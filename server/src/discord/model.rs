//! Types of the discord feature: guild connections, the guild's channels and roles as lumio
//! shows them, feature-channel mappings, and the inputs of the operations.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// A Discord id (snowflake): 17–20 ASCII digits that fit in a u64 (Discord docs, "Reference —
/// Snowflakes"; ids made since 2015 have at least 17 digits). Anything else is a 400 that
/// names the field — never a database error and never a call to Discord.
pub fn snowflake(field: &str, value: &str) -> AppResult<String> {
    let v = value.trim();
    let ok = (17..=20).contains(&v.len())
        && v.bytes().all(|b| b.is_ascii_digit())
        && v.parse::<u64>().is_ok();
    if ok {
        return Ok(v.to_string());
    }
    let shown: String = v.chars().take(40).flat_map(char::escape_default).collect();
    Err(AppError::BadRequest(format!(
        "{field} must be a Discord id (a snowflake: 17–20 digits), got '{shown}'"
    )))
}

/// A lumio feature that posts into a Discord channel. The list lives here, not in the
/// database: a new key needs no migration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureKey {
    pub key: &'static str,
    pub description: &'static str,
}

/// The feature keys of seed 001, in its order.
pub const FEATURES: &[FeatureKey] = &[
    FeatureKey {
        key: "live_notification",
        description: "Stream live alerts",
    },
    FeatureKey {
        key: "event_feed",
        description: "Follows, subs, donations",
    },
    FeatureKey {
        key: "chat_mirror",
        description: "Platform chat → Discord",
    },
    FeatureKey {
        key: "announcement",
        description: "Announcements",
    },
    FeatureKey {
        key: "moderation_log",
        description: "Ban/timeout logs",
    },
    FeatureKey {
        key: "clip_feed",
        description: "New clips",
    },
];

/// The feature of this key, or a 422 that lists the known ones.
pub fn feature(key: &str) -> AppResult<&'static FeatureKey> {
    let k = key.trim().to_ascii_lowercase();
    FEATURES.iter().find(|f| f.key == k).ok_or_else(|| {
        AppError::Validation(format!(
            "feature must be one of {}, got '{}'",
            FEATURES
                .iter()
                .map(|f| f.key)
                .collect::<Vec<_>>()
                .join(", "),
            key.chars().take(40).collect::<String>()
        ))
    })
}

/// A Discord guild connected to a lumio account.
#[derive(
    Debug, Clone, PartialEq, Serialize, sqlx::FromRow, utoipa::ToSchema, async_graphql::SimpleObject,
)]
#[graphql(name = "DiscordGuildConnection")]
pub struct GuildConnection {
    pub id: Uuid,
    pub account_id: Uuid,
    /// The guild's snowflake.
    pub guild_id: String,
    pub guild_name: String,
    /// The guild's icon hash (`https://cdn.discordapp.com/icons/{guild_id}/{hash}.png`).
    pub guild_icon: Option<String>,
    /// The lumio user who added the bot (null once that user is deleted).
    pub connected_by: Option<Uuid>,
    pub connected_by_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A channel of a guild, as Discord describes it (the fields lumio uses).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    async_graphql::SimpleObject,
)]
#[graphql(name = "DiscordChannel")]
pub struct DiscordChannel {
    pub id: String,
    pub name: String,
    /// Discord's channel type: 0 text, 2 voice, 4 category, 5 announcement, 13 stage,
    /// 15 forum, 16 media.
    #[serde(rename = "type")]
    #[graphql(name = "type")]
    pub kind: i32,
    pub position: i64,
    pub parent_id: Option<String>,
}

impl DiscordChannel {
    /// Whether lumio can post a message into it (text and announcement channels).
    pub fn can_post(&self) -> bool {
        matches!(self.kind, 0 | 5)
    }

    pub fn kind_name(kind: i32) -> &'static str {
        match kind {
            0 => "text",
            2 => "voice",
            4 => "category",
            5 => "announcement",
            13 => "stage",
            15 => "forum",
            16 => "media",
            _ => "other",
        }
    }
}

/// A role of a guild.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    async_graphql::SimpleObject,
)]
#[graphql(name = "DiscordRole")]
pub struct DiscordRole {
    pub id: String,
    pub name: String,
    pub color: i64,
    pub position: i64,
    /// Managed by an integration (a bot's own role).
    pub managed: bool,
    /// The permission bit set, as Discord writes it (a decimal string).
    pub permissions: String,
}

/// A feature of a guild and the channel it posts into (none: not mapped).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    async_graphql::SimpleObject,
)]
#[graphql(name = "DiscordGuildFeature")]
pub struct GuildFeature {
    /// `live_notification`, `event_feed`, `chat_mirror`, `announcement`, `moderation_log`,
    /// `clip_feed`.
    pub feature: String,
    pub description: String,
    /// The channel it posts into; null when the feature is not mapped.
    pub channel_id: Option<String>,
    /// false: mapped but paused.
    pub enabled: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

/// A stored feature → channel mapping (a row of `discord_guild_channel_mappings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Mapping {
    pub feature: String,
    pub channel_id: String,
    pub enabled: bool,
    pub updated_at: DateTime<Utc>,
}

/// The URL that adds lumio's bot to a guild, and the signed `state` it carries.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
#[graphql(name = "DiscordAuthorization")]
pub struct Authorization {
    /// Open it in a browser: Discord asks which server to add the bot to, then sends the
    /// browser to lumio's callback.
    pub url: String,
    pub state: String,
    /// The `state` is refused after this time.
    pub expires_at: DateTime<Utc>,
}

/// `POST /v1/discord/guilds/exchange`: what Discord's redirect carried.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExchangeInput {
    pub code: String,
    pub state: String,
    /// The guild the redirect named (checked against the one Discord's token answer names).
    pub guild_id: Option<String>,
}

/// `PUT /v1/discord/guilds/{guild_id}/features/{feature}`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetFeatureInput {
    /// The channel to post into; null removes the mapping.
    pub channel_id: Option<String>,
    /// Pause (false) or resume (true, the default) a mapped feature.
    pub enabled: Option<bool>,
}

/// A channel as the bot reports it from GUILD_CREATE.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema, async_graphql::InputObject)]
#[graphql(name = "DiscordChannelInput")]
#[serde(deny_unknown_fields)]
pub struct ChannelInput {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    #[graphql(name = "type")]
    pub kind: i32,
    #[serde(default)]
    #[graphql(default)]
    pub position: i64,
    pub parent_id: Option<String>,
}

/// A role as the bot reports it from GUILD_CREATE.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema, async_graphql::InputObject)]
#[graphql(name = "DiscordRoleInput")]
#[serde(deny_unknown_fields)]
pub struct RoleInput {
    pub id: String,
    pub name: String,
    #[serde(default)]
    #[graphql(default)]
    pub color: i64,
    #[serde(default)]
    #[graphql(default)]
    pub position: i64,
    #[serde(default)]
    #[graphql(default)]
    pub managed: bool,
    #[serde(default)]
    #[graphql(default)]
    pub permissions: String,
}

/// `PUT /v1/discord/bot/guilds/{guild_id}` (system key): what the bot learnt from
/// GUILD_CREATE. Channels and roles, when given, replace the cached ones.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GuildInfoInput {
    pub name: String,
    pub icon: Option<String>,
    pub channels: Option<Vec<ChannelInput>>,
    pub roles: Option<Vec<RoleInput>>,
}

/// `DELETE /v1/discord/bot/guilds/{guild_id}?unavailable=` (system key).
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
pub struct RemoveByBotQuery {
    /// GUILD_DELETE with `unavailable: true` (an outage): clear the caches, keep the mapping.
    #[serde(default)]
    pub unavailable: bool,
}

/// What `removeDiscordGuildByBot` did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
#[graphql(name = "DiscordGuildRemoval")]
pub struct Removal {
    pub guild_id: String,
    /// The mapping was deleted (false: an outage, or no such mapping).
    pub removed: bool,
    /// The guild's caches were cleared.
    pub cache_cleared: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowflakes() {
        assert_eq!(
            snowflake("guild_id", " 81384788765712384 ").unwrap(),
            "81384788765712384"
        );
        assert!(snowflake("guild_id", "18446744073709551615").is_ok());
        for bad in [
            "",
            "1234",
            "18446744073709551616",
            "123456789012345678901",
            "8138478876571238a",
            "-81384788765712384",
            "8138478876571238\u{0}4",
        ] {
            let e = snowflake("guild_id", bad).unwrap_err();
            assert!(matches!(e, AppError::BadRequest(_)), "{bad}");
            assert!(e.to_string().starts_with("guild_id must be"), "{e}");
        }
    }

    #[test]
    fn features() {
        assert_eq!(FEATURES.len(), 6);
        assert_eq!(feature("Chat_Mirror").unwrap().key, "chat_mirror");
        let e = feature("raid_alerts").unwrap_err().to_string();
        assert!(
            e.contains("live_notification") && e.contains("raid_alerts"),
            "{e}"
        );
    }
}

/// A connected server's slash commands (`discordGuildCommands`): what lumio registers there,
/// how many registrations it made today of Discord's 200 a day, and how the last one went.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
#[graphql(name = "DiscordSlashCommands")]
pub struct SlashCommands {
    pub guild_id: String,
    /// The account's slash commands (enabled, on Discord), by name.
    pub commands: Vec<String>,
    /// Registrations counted today (UTC) in this server.
    pub registrations_today: i64,
    /// Discord's daily limit per server (200).
    pub limit: i64,
    /// The last registration: `status` (`registered`, `daily_limit`, `failed`), `at`, …
    #[schema(value_type = Option<Object>)]
    pub last: Option<async_graphql::Json<serde_json::Value>>,
    /// The state in one sentence (says so when the daily limit is reached).
    pub message: String,
}
