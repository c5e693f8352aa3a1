//! REST transport of the chat pipeline: `/v1/chat/message`, `/v1/chat/history[/count]`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};

use super::model::*;
use super::service;
use crate::auth::{Auth, Permission};
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::{ApiJson, ApiQuery};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/chat/message", post(ingest))
        .route("/chat/history", get(history))
        .route("/chat/history/count", get(count))
        .route("/chat/ws", get(super::ws::chat_ws))
}

/// Ingest a chat message (bots and connectors): buffered, published live, stored by the
/// flush worker. 201 for a new message, 200 with `duplicate: true` for one seen before.
#[utoipa::path(post, path = "/v1/chat/message", tag = "chat", security(("bearer" = [])),
    request_body = ChatMessageInput,
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 201, body = IngestResult), (status = 200, body = IngestResult),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn ingest(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<ChatMessageInput>,
) -> AppResult<(StatusCode, Json<IngestResult>)> {
    let ctx = auth.require(Permission::ChatWrite)?;
    let result = service::ingest(&state, &ctx, &input).await?;
    let status = if result.duplicate {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(result)))
}

/// Chat history, newest first, with keyset pagination (`cursor` = the previous page's
/// `next_cursor`). Includes messages not yet flushed.
#[utoipa::path(get, path = "/v1/chat/history", tag = "chat", security(("bearer" = [])),
    params(ChatFilterInput, ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ChatPage), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn history(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(filter): ApiQuery<ChatFilterInput>,
) -> AppResult<Json<ChatPage>> {
    let ctx = auth.require(Permission::ChatRead)?;
    Ok(Json(service::history(&state, &ctx, &filter).await?))
}

/// How many messages the account has (matching the filters, if any).
#[utoipa::path(get, path = "/v1/chat/history/count", tag = "chat", security(("bearer" = [])),
    params(ChatFilterInput, ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = MessageCount), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn count(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(filter): ApiQuery<ChatFilterInput>,
) -> AppResult<Json<MessageCount>> {
    let ctx = auth.require(Permission::ChatRead)?;
    Ok(Json(service::count(&state, &ctx, &filter).await?))
}
