//! GraphQL transport of the live controls: the seed's `cancelRaid`, `endPoll`,
//! `endPrediction`, `sendChatToPlatform`.

use async_graphql::{Context, Object, Result};

use super::model::*;
use super::service;
use crate::auth::Permission;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct LiveControlsMutation;

#[Object]
impl LiveControlsMutation {
    /// Cancel the channel's pending Twitch raid (`chat:raid`).
    async fn cancel_raid(
        &self,
        ctx: &Context<'_>,
        account_id: Option<String>,
    ) -> Result<RaidResult> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatRaid, account_id.as_deref())
            .gql()?;
        service::cancel_raid(state, &actx).await.gql()
    }

    /// End a Twitch poll; status TERMINATED (default) or ARCHIVED (`chat:poll`).
    async fn end_poll(
        &self,
        ctx: &Context<'_>,
        poll_id: String,
        status: Option<String>,
        account_id: Option<String>,
    ) -> Result<PollResult> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatPoll, account_id.as_deref())
            .gql()?;
        service::end_poll(state, &actx, &EndPollInput { poll_id, status })
            .await
            .gql()
    }

    /// End a Twitch prediction: RESOLVED (needs winningOutcomeId), CANCELED or LOCKED
    /// (`chat:prediction`).
    async fn end_prediction(
        &self,
        ctx: &Context<'_>,
        prediction_id: String,
        status: String,
        winning_outcome_id: Option<String>,
        account_id: Option<String>,
    ) -> Result<PredictionResult> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatPrediction, account_id.as_deref())
            .gql()?;
        let input = EndPredictionInput {
            prediction_id,
            status,
            winning_outcome_id,
        };
        service::end_prediction(state, &actx, &input).await.gql()
    }

    /// Send a chat message to a platform: twitch, kick or trovo (`chat:write`).
    async fn send_chat_to_platform(
        &self,
        ctx: &Context<'_>,
        input: SendToPlatformInput,
        account_id: Option<String>,
    ) -> Result<SendResult> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatWrite, account_id.as_deref())
            .gql()?;
        service::send_to_platform(state, &actx, &input).await.gql()
    }
}
