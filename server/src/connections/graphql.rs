//! GraphQL transport of channel connections: `channelConnections`, `startTwitchConnect`,
//! `pollTwitchConnect`, `connectTwitchToken`, `removeChannelConnection`.

use async_graphql::{Context, Object, Result};
use uuid::Uuid;

use super::model::*;
use super::service;
use crate::auth::Permission;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct ConnectionsQuery;

#[Object]
impl ConnectionsQuery {
    /// The account's channel connections with their credentials' scopes, expiry and status
    /// (`bot-connections:read`; never a token).
    async fn channel_connections(
        &self,
        ctx: &Context<'_>,
        account_id: Option<String>,
    ) -> Result<Vec<ChannelConnection>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsRead, account_id.as_deref())
            .gql()?;
        service::list(state, &actx).await.gql()
    }
}

#[derive(Default)]
pub struct ConnectionsMutation;

#[Object]
impl ConnectionsMutation {
    /// Start connecting Twitch with the device code grant (`bot-connections:create`): show
    /// `userCode` and `verificationUri`, then poll with `pollTwitchConnect`.
    async fn start_twitch_connect(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The Twitch channel the tokens act on")] channel: Option<String>,
        #[graphql(desc = "Scopes to ask for (default: what lumio needs for the role)")]
        scopes: Option<Vec<String>>,
        role: Option<Role>,
        account_id: Option<String>,
    ) -> Result<DeviceFlow> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsCreate, account_id.as_deref())
            .gql()?;
        let input = DeviceStartInput {
            channel,
            scopes,
            role,
        };
        service::start_device(state, &actx, &input).await.gql()
    }

    /// Poll a device code connect once (`bot-connections:create`).
    async fn poll_twitch_connect(
        &self,
        ctx: &Context<'_>,
        flow_id: Uuid,
        account_id: Option<String>,
    ) -> Result<DevicePoll> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsCreate, account_id.as_deref())
            .gql()?;
        service::poll_device(state, &actx, flow_id).await.gql()
    }

    /// Store pasted Twitch tokens, checked with `/oauth2/validate` (`bot-connections:create`).
    async fn connect_twitch_token(
        &self,
        ctx: &Context<'_>,
        access_token: String,
        refresh_token: Option<String>,
        channel: Option<String>,
        role: Option<Role>,
        account_id: Option<String>,
    ) -> Result<ChannelConnection> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsCreate, account_id.as_deref())
            .gql()?;
        let input = TokenInput {
            access_token: Token::new(access_token),
            refresh_token: refresh_token.map(Token::new),
            channel,
            role,
        };
        service::connect_tokens(state, &actx, &input).await.gql()
    }

    /// Remove a channel connection with its credentials, or only the credential of `role`
    /// (`bot-connections:delete`); tokens are revoked at Twitch.
    async fn remove_channel_connection(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        role: Option<Role>,
        account_id: Option<String>,
    ) -> Result<Removed> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotConnectionsDelete, account_id.as_deref())
            .gql()?;
        service::remove(state, &actx, id, role).await.gql()
    }
}
