//! GraphQL transport of the discord feature: the eleven operations of seed 001 —
//! `discordGuildConnections`, `authorizeDiscordGuild`, `exchangeDiscordGuild`,
//! `disconnectDiscordGuild`, `discordGuildChannels`, `discordGuildRoles`,
//! `discordGuildFeatures`, `setDiscordGuildFeature`, and the system-key `discordBotGuilds`,
//! `updateDiscordGuildInfo`, `removeDiscordGuildByBot`.

use async_graphql::{Context, Object, Result};

use super::model::*;
use super::service::{self, Exchanger};
use crate::auth::Permission;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct DiscordQuery;

#[Object]
impl DiscordQuery {
    /// The account's connected Discord servers (`bot-connections:read`).
    async fn discord_guild_connections(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Account id or slug; needed when the caller is in several accounts")]
        account_id: Option<String>,
    ) -> Result<Vec<GuildConnection>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsRead, account_id.as_deref())
            .gql()?;
        service::connections(state, &actx).await.gql()
    }

    /// A connected server's channels, cached for an hour (`bot-connections:read`).
    async fn discord_guild_channels(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
        account_id: Option<String>,
    ) -> Result<Vec<DiscordChannel>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsRead, account_id.as_deref())
            .gql()?;
        service::channels(state, &actx, &guild_id).await.gql()
    }

    /// A connected server's slash commands and their registration state: registrations today
    /// of Discord's 200 a day, the last outcome (`bot-connections:read`).
    async fn discord_guild_commands(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
        account_id: Option<String>,
    ) -> Result<SlashCommands> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsRead, account_id.as_deref())
            .gql()?;
        service::slash_commands(state, &actx, &guild_id).await.gql()
    }

    /// A connected server's roles, cached for an hour (`bot-connections:read`).
    async fn discord_guild_roles(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
        account_id: Option<String>,
    ) -> Result<Vec<DiscordRole>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsRead, account_id.as_deref())
            .gql()?;
        service::roles(state, &actx, &guild_id).await.gql()
    }

    /// Every feature of a connected server and the channel it posts into
    /// (`bot-connections:read`).
    async fn discord_guild_features(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
        account_id: Option<String>,
    ) -> Result<Vec<GuildFeature>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsRead, account_id.as_deref())
            .gql()?;
        service::features(state, &actx, &guild_id).await.gql()
    }

    /// Every connected server of every account (system key only: the Discord bot).
    async fn discord_bot_guilds(&self, ctx: &Context<'_>) -> Result<Vec<GuildConnection>> {
        let (state, auth) = caller(ctx)?;
        auth.principal.require_system().gql()?;
        super::system::bot_guilds(state).await.gql()
    }
}

#[derive(Default)]
pub struct DiscordMutation;

#[Object]
impl DiscordMutation {
    /// The URL that adds lumio's bot to a Discord server, with a signed state good for 15
    /// minutes (`bot-connections:create`).
    async fn authorize_discord_guild(
        &self,
        ctx: &Context<'_>,
        account_id: Option<String>,
    ) -> Result<Authorization> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsCreate, account_id.as_deref())
            .gql()?;
        service::authorize(state, &actx).await.gql()
    }

    /// Exchange the code of Discord's redirect and connect the server
    /// (`bot-connections:create`; the state must have been issued to the caller).
    async fn exchange_discord_guild(
        &self,
        ctx: &Context<'_>,
        code: String,
        state: String,
        #[graphql(desc = "The guild_id of the redirect, checked against Discord's answer")]
        guild_id: Option<String>,
        account_id: Option<String>,
    ) -> Result<GuildConnection> {
        let (app, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsCreate, account_id.as_deref())
            .gql()?;
        let input = ExchangeInput {
            code,
            state,
            guild_id,
        };
        service::exchange_discord_guild(app, Exchanger::User(&actx), &input)
            .await
            .gql()
    }

    /// Disconnect a Discord server (`bot-connections:delete`).
    async fn disconnect_discord_guild(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
        account_id: Option<String>,
    ) -> Result<bool> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsDelete, account_id.as_deref())
            .gql()?;
        service::disconnect(state, &actx, &guild_id).await.gql()?;
        Ok(true)
    }

    /// Map a feature to a text or announcement channel of the server; no `channelId` removes
    /// the mapping (`bot-connections:create`).
    async fn set_discord_guild_feature(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
        feature: String,
        channel_id: Option<String>,
        #[graphql(desc = "false pauses a mapped feature (default true)")] enabled: Option<bool>,
        account_id: Option<String>,
    ) -> Result<GuildFeature> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsCreate, account_id.as_deref())
            .gql()?;
        let input = SetFeatureInput {
            channel_id,
            enabled,
        };
        service::set_feature(state, &actx, &guild_id, &feature, &input)
            .await
            .gql()
    }

    /// What the bot learnt from GUILD_CREATE: name and icon (stored), channels and roles
    /// (cached an hour). System key only.
    async fn update_discord_guild_info(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
        name: String,
        icon: Option<String>,
        channels: Option<Vec<ChannelInput>>,
        roles: Option<Vec<RoleInput>>,
    ) -> Result<GuildConnection> {
        let (state, auth) = caller(ctx)?;
        auth.principal.require_system().gql()?;
        let input = GuildInfoInput {
            name,
            icon,
            channels,
            roles,
        };
        super::system::update_guild_info(state, &guild_id, &input)
            .await
            .gql()
    }

    /// The bot left a server (GUILD_DELETE). `unavailable: true` (an outage) clears only the
    /// caches and keeps the mapping. System key only.
    async fn remove_discord_guild_by_bot(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
        #[graphql(default = false)] unavailable: bool,
    ) -> Result<Removal> {
        let (state, auth) = caller(ctx)?;
        auth.principal.require_system().gql()?;
        super::system::remove_by_bot(state, &guild_id, unavailable)
            .await
            .gql()
    }
}
