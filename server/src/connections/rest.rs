//! REST transport of channel connections: `/v1/connections…`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use uuid::Uuid;

use super::model::*;
use super::service;
use crate::auth::{Auth, Permission};
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/connections", get(list))
        .route("/connections/{id}", axum::routing::delete(remove))
        .route("/connections/twitch/device", post(start_device))
        .route(
            "/connections/twitch/device/{flow_id}/poll",
            post(poll_device),
        )
        .route("/connections/twitch/tokens", post(connect_tokens))
}

/// The account's channel connections with their credentials' scopes, expiry and status
/// (never a token).
#[utoipa::path(get, path = "/v1/connections", tag = "connections", security(("bearer" = [])),
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<ChannelConnection>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<ChannelConnection>>> {
    let ctx = auth.require(Permission::BotConnectionsRead)?;
    Ok(Json(service::list(&state, &ctx).await?))
}

/// Start connecting Twitch with the device code grant: show `user_code` and
/// `verification_uri`, then poll.
#[utoipa::path(post, path = "/v1/connections/twitch/device", tag = "connections",
    security(("bearer" = [])), request_body = DeviceStartInput,
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 201, body = DeviceFlow), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 502, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn start_device(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<DeviceStartInput>,
) -> AppResult<(StatusCode, Json<DeviceFlow>)> {
    let ctx = auth.require(Permission::BotConnectionsCreate)?;
    Ok((
        StatusCode::CREATED,
        Json(service::start_device(&state, &ctx, &input).await?),
    ))
}

/// Poll a device code connect once: `pending`, `slow_down`, `connected` (with the
/// connection), `expired` or `denied`.
#[utoipa::path(post, path = "/v1/connections/twitch/device/{flow_id}/poll", tag = "connections",
    security(("bearer" = [])),
    params(("flow_id" = Uuid, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = DevicePoll), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 502, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
pub async fn poll_device(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(flow_id): ApiPath<Uuid>,
) -> AppResult<Json<DevicePoll>> {
    let ctx = auth.require(Permission::BotConnectionsCreate)?;
    Ok(Json(service::poll_device(&state, &ctx, flow_id).await?))
}

/// Store pasted tokens (checked with Twitch's `/oauth2/validate`).
#[utoipa::path(post, path = "/v1/connections/twitch/tokens", tag = "connections",
    security(("bearer" = [])), request_body = TokenInput,
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 201, body = ChannelConnection), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 502, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn connect_tokens(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<TokenInput>,
) -> AppResult<(StatusCode, Json<ChannelConnection>)> {
    let ctx = auth.require(Permission::BotConnectionsCreate)?;
    Ok((
        StatusCode::CREATED,
        Json(service::connect_tokens(&state, &ctx, &input).await?),
    ))
}

/// Remove a channel connection with its credentials, or (`?role=`) one credential. Tokens
/// are revoked at Twitch.
#[utoipa::path(delete, path = "/v1/connections/{id}", tag = "connections",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), RemoveQuery, ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Removed), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn remove(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<Uuid>,
    ApiQuery(q): ApiQuery<RemoveQuery>,
) -> AppResult<Json<Removed>> {
    let ctx = auth.require(Permission::BotConnectionsDelete)?;
    Ok(Json(service::remove(&state, &ctx, id, q.role).await?))
}
