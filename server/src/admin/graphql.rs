//! GraphQL transport of the admin feature: `adminDiscordGuilds`, `adminDeleteDiscordGuild`,
//! `adminAuditLog`.

use async_graphql::{Context, Object, Result};
use uuid::Uuid;

use super::model::{AdminBot, AdminBotRemoval, AdminGuildToggle, AuditEntry, AuditQuery};
use super::service;
use crate::auth::Permission;
use crate::bots::model::BotActionResult;
use crate::discord::model::GuildConnection;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct AdminQuery;

#[Object]
impl AdminQuery {
    /// Every Discord guild mapping of every account (admin `discord-guilds:read`).
    async fn admin_discord_guilds(&self, ctx: &Context<'_>) -> Result<Vec<GuildConnection>> {
        let (state, auth) = caller(ctx)?;
        auth.require_admin(Permission::DiscordGuildsRead).gql()?;
        service::discord_guilds(state).await.gql()
    }

    /// Every account's bots, one per account and platform (admin `bot-control:read`).
    async fn admin_bots(&self, ctx: &Context<'_>) -> Result<Vec<AdminBot>> {
        let (state, auth) = caller(ctx)?;
        auth.require_admin(Permission::BotControlRead).gql()?;
        service::bots(state).await.gql()
    }

    /// The admin audit log, newest first (any admin permission of seed 001).
    async fn admin_audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "1–500, default 50")] limit: Option<i64>,
        #[graphql(desc = "Only entries older than this one, for paging")] before: Option<Uuid>,
    ) -> Result<Vec<AuditEntry>> {
        let (state, auth) = caller(ctx)?;
        super::rest::require_audit_reader(auth).gql()?;
        service::audit_log(state, &AuditQuery { limit, before })
            .await
            .gql()
    }
}

#[derive(Default)]
pub struct AdminMutation;

#[Object]
impl AdminMutation {
    /// Delete a Discord guild mapping, whichever account holds it (admin
    /// `discord-guilds:delete`; audited). Returns the deleted mapping.
    async fn admin_delete_discord_guild(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
    ) -> Result<GuildConnection> {
        let (state, auth) = caller(ctx)?;
        let admin = auth.require_admin(Permission::DiscordGuildsDelete).gql()?;
        service::delete_discord_guild(state, admin, &guild_id)
            .await
            .gql()
    }

    /// Pause (`enabled` false) or resume an account's bot on a platform (admin
    /// `bot-control:edit`; audited).
    async fn admin_toggle_bot(
        &self,
        ctx: &Context<'_>,
        account_id: String,
        platform: String,
        enabled: bool,
    ) -> Result<BotActionResult> {
        let (state, auth) = caller(ctx)?;
        let admin = auth.require_admin(Permission::BotControlEdit).gql()?;
        service::toggle_bot(state, admin, &account_id, &platform, enabled)
            .await
            .gql()
    }

    /// Remove an account's bot on a platform: its channel connections there (admin
    /// `bot-control:edit`; audited).
    async fn admin_remove_bot(
        &self,
        ctx: &Context<'_>,
        account_id: String,
        platform: String,
    ) -> Result<AdminBotRemoval> {
        let (state, auth) = caller(ctx)?;
        let admin = auth.require_admin(Permission::BotControlEdit).gql()?;
        service::remove_bot(state, admin, &account_id, &platform)
            .await
            .gql()
    }

    /// Pause (`enabled` false) or resume the bot in one Discord guild (admin
    /// `bot-control:edit`; audited).
    async fn admin_toggle_discord_guild(
        &self,
        ctx: &Context<'_>,
        guild_id: String,
        enabled: bool,
    ) -> Result<AdminGuildToggle> {
        let (state, auth) = caller(ctx)?;
        let admin = auth.require_admin(Permission::BotControlEdit).gql()?;
        service::toggle_discord_guild(state, admin, &guild_id, enabled)
            .await
            .gql()
    }
}
