//! GraphQL transport of the chat pipeline: `sendChatMessage`, `chatHistory`,
//! `chatMessageCount`.

use async_graphql::{Context, Object, Result};

use super::model::*;
use super::service;
use crate::auth::Permission;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct ChatQuery;

#[Object]
impl ChatQuery {
    /// Chat history, newest first, filtered and paged by cursor (`chat:read`).
    async fn chat_history(
        &self,
        ctx: &Context<'_>,
        filter: Option<ChatFilterInput>,
        account_id: Option<String>,
    ) -> Result<ChatPage> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatRead, account_id.as_deref())
            .gql()?;
        service::history(state, &actx, &filter.unwrap_or_default())
            .await
            .gql()
    }

    /// Total message count of the account (`chat:read`).
    async fn chat_message_count(
        &self,
        ctx: &Context<'_>,
        filter: Option<ChatFilterInput>,
        account_id: Option<String>,
    ) -> Result<i64> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatRead, account_id.as_deref())
            .gql()?;
        service::count(state, &actx, &filter.unwrap_or_default())
            .await
            .map(|c| c.count)
            .gql()
    }
}

#[derive(Default)]
pub struct ChatMutation;

#[Object]
impl ChatMutation {
    /// Buffer a chat message and broadcast it (`chat:write`; bots and connectors).
    async fn send_chat_message(
        &self,
        ctx: &Context<'_>,
        input: ChatMessageInput,
        account_id: Option<String>,
    ) -> Result<IngestResult> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatWrite, account_id.as_deref())
            .gql()?;
        service::ingest(state, &actx, &input).await.gql()
    }
}
