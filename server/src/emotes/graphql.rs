//! GraphQL transport of emotes: the seed's `emotes(platform, channelId)` and `userEmotes`.

use async_graphql::{Context, Object, Result};

use super::model::*;
use super::service;
use crate::auth::Permission;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct EmotesQuery;

#[Object]
impl EmotesQuery {
    /// Emote sets of a channel: Twitch, 7TV, BTTV, FFZ, Trovo, Discord (`chat:read`).
    async fn emotes(
        &self,
        ctx: &Context<'_>,
        platform: String,
        channel_id: String,
        account_id: Option<String>,
    ) -> Result<EmoteSet> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatRead, account_id.as_deref())
            .gql()?;
        service::emotes(state, &actx, &platform, &channel_id)
            .await
            .gql()
    }

    /// Twitch emotes available to the user of lumio's Twitch token (`chat:read`).
    async fn user_emotes(&self, ctx: &Context<'_>, account_id: Option<String>) -> Result<EmoteSet> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatRead, account_id.as_deref())
            .gql()?;
        service::user_emotes(state, &actx).await.gql()
    }
}
