//! GraphQL transport of the chat pipeline: `sendChatMessage`, `chatHistory`,
//! `chatMessageCount`.

use async_graphql::{Context, Object, Result};
use serde::Deserialize;

use super::model::*;
use super::service;
use crate::auth::Permission;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct ChatQuery;

#[Object]
impl ChatQuery {
    /// Chat history, newest first, filtered and paged by cursor (`chat:read`). Its cost in
    /// the query's complexity: 200 plus `limit` × the fields asked for.
    #[graphql(complexity = "crate::graphql::CALL_COST + crate::graphql::page_limit(
        filter.as_ref().and_then(|f| f.limit), super::service::DEFAULT_PAGE,
        super::service::MAX_PAGE) * child_complexity")]
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

    /// Total message count of the account (`chat:read`). With a filter it reads every
    /// buffered message: its cost in the query's complexity is 1000.
    #[graphql(complexity = "crate::graphql::COUNT_COST + child_complexity")]
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

/// A live event as GraphQL clients receive it.
#[derive(Debug, Clone, async_graphql::SimpleObject)]
#[graphql(name = "ChatEvent")]
pub struct ChatEventGql {
    /// `message`, `message_deleted`, `user_banned`, `user_unbanned`, `user_timed_out`,
    /// `treatment_changed`, `note_created`, or `lagged` (the subscription ends;
    /// re-subscribe with `since: cursor`; when `event` holds `missed_after`, the messages
    /// between that cursor and `cursor` are not replayed: read them with `chatHistory`).
    #[graphql(name = "type")]
    pub kind: String,
    pub cursor: Option<String>,
    /// For `message`.
    pub message: Option<ChatMessage>,
    /// The whole event as the WebSocket sends it.
    pub event: Option<async_graphql::Json<serde_json::Value>>,
}

#[derive(Default)]
pub struct ChatSubscription;

#[async_graphql::Subscription]
impl ChatSubscription {
    /// The account's live events (`chat:read`), the same as `/v1/chat/ws`: with `since`, what
    /// was missed first, then live, with no gap and no duplicate. Only the events the
    /// caller's permissions allow arrive (notes need `chat:notes`; bans, timeouts and
    /// treatments need `chat:userinfo`). The connection is closed with 1008 when its token
    /// is revoked or expires.
    async fn chat_events(
        &self,
        ctx: &Context<'_>,
        since: Option<String>,
        account_id: Option<String>,
    ) -> Result<impl futures::Stream<Item = Result<ChatEventGql>>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatRead, account_id.as_deref())
            .gql()?;
        let since = match since.as_deref().filter(|s| !s.is_empty()) {
            None => None,
            Some(c) => Some(
                decode_cursor(c)
                    .ok_or_else(|| {
                        crate::error::AppError::BadRequest(format!(
                            "invalid cursor '{}'",
                            crate::validate::quote(c)
                        ))
                    })
                    .gql()?,
            ),
        };
        let sub = state
            .bus
            .subscribe(&crate::bus::keys::chat_events(actx.account_id))
            .await
            .map_err(crate::error::AppError::from)
            .gql()?;
        let rx = crate::events::live::live_events(
            state.clone(),
            sub,
            actx.account_id,
            since,
            actx.permissions.clone(),
        );
        Ok(futures::stream::unfold(rx, |mut rx| async move {
            loop {
                let out = match rx.recv().await? {
                    Err(e) => Err(e),
                    Ok(crate::events::live::LiveItem::Event(json)) => {
                        // Published by this server's own code; one that does not read is skipped.
                        let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) else {
                            continue;
                        };
                        let Ok(event) = ChatEvent::deserialize(&value) else {
                            continue;
                        };
                        Ok(ChatEventGql {
                            kind: event.kind().into(),
                            cursor: Some(event.cursor().to_string()),
                            event: Some(async_graphql::Json(value)),
                            message: match event {
                                ChatEvent::Message { message, .. } => Some(message),
                                _ => None,
                            },
                        })
                    }
                    Ok(crate::events::live::LiveItem::Lagged {
                        cursor,
                        missed_after,
                    }) => Ok(ChatEventGql {
                        kind: "lagged".into(),
                        event: Some(async_graphql::Json(
                            crate::events::live::LiveItem::lagged_json(&cursor, &missed_after),
                        )),
                        cursor,
                        message: None,
                    }),
                };
                return Some((out.gql(), rx));
            }
        }))
    }
}
