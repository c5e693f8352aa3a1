//! GraphQL transport of the chatter state.

use async_graphql::{Context, Object, Result};

use super::model::*;
use super::service;
use crate::auth::Permission;
use crate::error::IntoGql;
use crate::graphql::caller;
use crate::platforms::Platform;

#[derive(Default)]
pub struct ChatterQuery;

#[Object]
impl ChatterQuery {
    /// Whether each platform's channel is live, and the account's bot there (`chat:read`).
    async fn stream_states(
        &self,
        ctx: &Context<'_>,
        account_id: Option<String>,
    ) -> Result<Vec<StreamState>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatRead, account_id.as_deref())
            .gql()?;
        service::stream_states(state, &actx).await.gql()
    }

    /// The account's chatter settings: timeout stacking, disabled commands (`chat:read`).
    async fn chatter_settings(
        &self,
        ctx: &Context<'_>,
        account_id: Option<String>,
    ) -> Result<ChatterSettings> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatRead, account_id.as_deref())
            .gql()?;
        service::settings(state, &actx).await.gql()
    }
}

#[derive(Default)]
pub struct ChatterMutation;

#[Object]
impl ChatterMutation {
    /// Report that a channel went live or offline (`chat:write`). Going live resets every
    /// chatter's "first message of this stream".
    async fn set_stream_live(
        &self,
        ctx: &Context<'_>,
        platform: String,
        live: bool,
        account_id: Option<String>,
    ) -> Result<StreamStateResult> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatWrite, account_id.as_deref())
            .gql()?;
        let platform: Platform = platform.parse().gql()?;
        service::set_stream_live(state, &actx, platform, live)
            .await
            .gql()
    }

    /// Change the chatter settings (`bot-commands:edit`); absent fields stay as they are.
    async fn update_chatter_settings(
        &self,
        ctx: &Context<'_>,
        input: ChatterSettingsInput,
        account_id: Option<String>,
    ) -> Result<ChatterSettings> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotCommandsEdit, account_id.as_deref())
            .gql()?;
        service::update_settings(state, &actx, &input).await.gql()
    }
}
