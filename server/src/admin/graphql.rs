//! GraphQL transport of the admin feature: `adminDiscordGuilds`, `adminDeleteDiscordGuild`,
//! `adminAuditLog`.

use async_graphql::{Context, Object, Result};
use uuid::Uuid;

use super::model::{AuditEntry, AuditQuery};
use super::service;
use crate::auth::Permission;
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
}
