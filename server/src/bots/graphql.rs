//! GraphQL transport of bot control (seed 001): `botStatus`, `toggleBotForPlatform`,
//! `rejoinBot`, and the system query `botChannels`.

use async_graphql::{Context, Object, Result};

use super::model::*;
use super::service;
use crate::auth::Permission;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct BotsQuery;

#[Object]
impl BotsQuery {
    /// The account's bot on every platform: Active, Paused, No Connection, or Needs Reauth
    /// when Twitch refused a credential it acts with (`bot-connections:read`).
    async fn bot_status(
        &self,
        ctx: &Context<'_>,
        account_id: Option<String>,
    ) -> Result<Vec<BotStatus>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsRead, account_id.as_deref())
            .gql()?;
        service::status(state, actx.account_id).await.gql()
    }

    /// Every channel the platform's bot should be in, of every account (system key only).
    async fn bot_channels(&self, ctx: &Context<'_>, platform: String) -> Result<Vec<BotChannel>> {
        let (state, auth) = caller(ctx)?;
        auth.principal.require_system().gql()?;
        service::bot_channels(state, &platform).await.gql()
    }
}

#[derive(Default)]
pub struct BotsMutation;

#[Object]
impl BotsMutation {
    /// Pause (`enabled: false`) or resume the bot on a platform (`bot-connections:create`);
    /// the platform's bot hears `bot_leave` / `bot_join`.
    async fn toggle_bot_for_platform(
        &self,
        ctx: &Context<'_>,
        platform: String,
        enabled: bool,
        account_id: Option<String>,
    ) -> Result<BotActionResult> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsCreate, account_id.as_deref())
            .gql()?;
        service::toggle(state, &actx, &platform, enabled)
            .await
            .gql()
    }

    /// Make the platform's bot rejoin the account's channels now (`bot_join`;
    /// `bot-connections:create`).
    async fn rejoin_bot(
        &self,
        ctx: &Context<'_>,
        platform: String,
        account_id: Option<String>,
    ) -> Result<BotActionResult> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsCreate, account_id.as_deref())
            .gql()?;
        service::rejoin(state, &actx, &platform).await.gql()
    }
}
