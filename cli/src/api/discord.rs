//! Discord servers mapped to the account, over GraphQL (`discordGuildConnections`,
//! `authorizeDiscordGuild`, `disconnectDiscordGuild`, `discordGuildChannels`,
//! `discordGuildRoles`, `discordGuildFeatures`, `setDiscordGuildFeature`).

use serde::{Deserialize, Serialize};

use super::ops::*;
use super::Client;
use crate::error::CliResult;

/// A server's slash commands (`--json` shape).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlashCommands {
    pub guild_id: String,
    pub commands: Vec<String>,
    pub registrations_today: i64,
    pub limit: i64,
    /// The last registration (`status`: registered, daily_limit, failed; `at`).
    pub last: Option<serde_json::Value>,
    pub message: String,
}

/// A Discord server connected to the account (`--json` shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guild {
    pub id: String,
    pub account_id: String,
    pub guild_id: String,
    pub guild_name: String,
    pub guild_icon: Option<String>,
    pub connected_by: Option<String>,
    pub connected_by_name: String,
    pub created_at: String,
    pub updated_at: String,
}

macro_rules! guild_from {
    ($t:ty) => {
        impl From<$t> for Guild {
            fn from(g: $t) -> Guild {
                Guild {
                    id: g.id,
                    account_id: g.account_id,
                    guild_id: g.guild_id,
                    guild_name: g.guild_name,
                    guild_icon: g.guild_icon,
                    connected_by: g.connected_by,
                    connected_by_name: g.connected_by_name,
                    created_at: g.created_at,
                    updated_at: g.updated_at,
                }
            }
        }
    };
}

guild_from!(discord_guild_connections::GuildConnectionFields);
guild_from!(admin_discord_guilds::AdminGuildFields);
guild_from!(admin_delete_discord_guild::AdminGuildFields);

/// The URL that adds the bot, and its state.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Authorization {
    pub url: String,
    pub state: String,
    pub expires_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Channel {
    pub id: String,
    pub name: String,
    /// Discord's channel type (0 text, 2 voice, 4 category, 5 announcement, …).
    #[serde(rename = "type")]
    pub kind: i64,
    pub position: i64,
    pub parent_id: Option<String>,
}

impl Channel {
    /// The type's name, for tables.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
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

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub color: i64,
    pub position: i64,
    pub managed: bool,
    pub permissions: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Feature {
    pub feature: String,
    pub description: String,
    pub channel_id: Option<String>,
    pub enabled: bool,
    pub updated_at: Option<String>,
}

macro_rules! feature_from {
    ($t:ty) => {
        impl From<$t> for Feature {
            fn from(f: $t) -> Feature {
                Feature {
                    feature: f.feature,
                    description: f.description,
                    channel_id: f.channel_id,
                    enabled: f.enabled,
                    updated_at: f.updated_at,
                }
            }
        }
    };
}

feature_from!(discord_guild_features::DiscordGuildFeaturesDiscordGuildFeatures);
feature_from!(set_discord_guild_feature::SetDiscordGuildFeatureSetDiscordGuildFeature);

impl Client {
    pub async fn discord_guilds(&self) -> CliResult<Vec<Guild>> {
        let d = self
            .graphql::<DiscordGuildConnections>(discord_guild_connections::Variables {
                account_id: self.account(),
            })
            .await?;
        Ok(d.discord_guild_connections
            .into_iter()
            .map(Guild::from)
            .collect())
    }

    pub async fn authorize_discord_guild(&self) -> CliResult<Authorization> {
        let d = self
            .graphql::<AuthorizeDiscordGuild>(authorize_discord_guild::Variables {
                account_id: self.account(),
            })
            .await?;
        let a = d.authorize_discord_guild;
        Ok(Authorization {
            url: a.url,
            state: a.state,
            expires_at: a.expires_at,
        })
    }

    pub async fn disconnect_discord_guild(&self, guild_id: &str) -> CliResult<()> {
        self.graphql::<DisconnectDiscordGuild>(disconnect_discord_guild::Variables {
            guild_id: guild_id.to_string(),
            account_id: self.account(),
        })
        .await?;
        Ok(())
    }

    pub async fn discord_channels(&self, guild_id: &str) -> CliResult<Vec<Channel>> {
        let d = self
            .graphql::<DiscordGuildChannels>(discord_guild_channels::Variables {
                guild_id: guild_id.to_string(),
                account_id: self.account(),
            })
            .await?;
        Ok(d.discord_guild_channels
            .into_iter()
            .map(|c| Channel {
                id: c.id,
                name: c.name,
                kind: c.type_,
                position: c.position,
                parent_id: c.parent_id,
            })
            .collect())
    }

    /// A server's slash commands and their registration state.
    pub async fn discord_commands(&self, guild_id: &str) -> CliResult<SlashCommands> {
        let d = self
            .graphql::<DiscordGuildCommands>(discord_guild_commands::Variables {
                guild_id: guild_id.to_string(),
                account_id: self.account(),
            })
            .await?;
        let c = d.discord_guild_commands;
        Ok(SlashCommands {
            guild_id: c.guild_id,
            commands: c.commands,
            registrations_today: c.registrations_today,
            limit: c.limit,
            last: c.last,
            message: c.message,
        })
    }

    pub async fn discord_roles(&self, guild_id: &str) -> CliResult<Vec<Role>> {
        let d = self
            .graphql::<DiscordGuildRoles>(discord_guild_roles::Variables {
                guild_id: guild_id.to_string(),
                account_id: self.account(),
            })
            .await?;
        Ok(d.discord_guild_roles
            .into_iter()
            .map(|r| Role {
                id: r.id,
                name: r.name,
                color: r.color,
                position: r.position,
                managed: r.managed,
                permissions: r.permissions,
            })
            .collect())
    }

    pub async fn discord_features(&self, guild_id: &str) -> CliResult<Vec<Feature>> {
        let d = self
            .graphql::<DiscordGuildFeatures>(discord_guild_features::Variables {
                guild_id: guild_id.to_string(),
                account_id: self.account(),
            })
            .await?;
        Ok(d.discord_guild_features
            .into_iter()
            .map(Feature::from)
            .collect())
    }

    /// Map a feature to a channel (None: remove the mapping).
    pub async fn set_discord_feature(
        &self,
        guild_id: &str,
        feature: &str,
        channel_id: Option<&str>,
        enabled: Option<bool>,
    ) -> CliResult<Feature> {
        let d = self
            .graphql::<SetDiscordGuildFeature>(set_discord_guild_feature::Variables {
                guild_id: guild_id.to_string(),
                feature: feature.to_string(),
                channel_id: channel_id.map(String::from),
                enabled,
                account_id: self.account(),
            })
            .await?;
        Ok(Feature::from(d.set_discord_guild_feature))
    }
}
