//! REST transport of the chatter state: stream-live reports and the account's chatter
//! settings.

use axum::extract::State;
use axum::routing::{get, put};
use axum::{Json, Router};

use super::model::*;
use super::service;
use crate::auth::{Auth, Permission};
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath};
use crate::platforms::Platform;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/chat/streams", get(streams))
        .route("/chat/streams/{platform}", put(report_stream))
        .route("/chat/settings", get(get_settings).patch(patch_settings))
}

/// Whether each platform's channel is live, and the account's bot there (`chat:read`).
#[utoipa::path(get, path = "/v1/chat/streams", tag = "chatters", security(("bearer" = [])),
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<StreamState>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn streams(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<StreamState>>> {
    let ctx = auth.require(Permission::ChatRead)?;
    Ok(Json(service::stream_states(&state, &ctx).await?))
}

/// Report that a channel went live or offline (`chat:write`; bots and connectors call it).
/// Going live resets every chatter's "first message of this stream".
#[utoipa::path(put, path = "/v1/chat/streams/{platform}", tag = "chatters",
    security(("bearer" = [])), request_body = StreamStateInput,
    params(("platform" = String, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = StreamStateResult), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn report_stream(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(platform): ApiPath<String>,
    ApiJson(input): ApiJson<StreamStateInput>,
) -> AppResult<Json<StreamStateResult>> {
    let ctx = auth.require(Permission::ChatWrite)?;
    let platform: Platform = platform.parse()?;
    Ok(Json(
        service::set_stream_live(&state, &ctx, platform, input.live).await?,
    ))
}

/// The account's chatter settings: timeout stacking and disabled commands (`chat:read`).
#[utoipa::path(get, path = "/v1/chat/settings", tag = "chatters", security(("bearer" = [])),
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ChatterSettings), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn get_settings(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<ChatterSettings>> {
    let ctx = auth.require(Permission::ChatRead)?;
    Ok(Json(service::settings(&state, &ctx).await?))
}

/// Change the chatter settings (`bot-commands:edit`); absent fields stay as they are.
#[utoipa::path(patch, path = "/v1/chat/settings", tag = "chatters", security(("bearer" = [])),
    request_body = ChatterSettingsInput, params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ChatterSettings), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn patch_settings(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<ChatterSettingsInput>,
) -> AppResult<Json<ChatterSettings>> {
    let ctx = auth.require(Permission::BotCommandsEdit)?;
    Ok(Json(service::update_settings(&state, &ctx, &input).await?))
}
