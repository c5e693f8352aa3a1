//! REST transport of bot control (seed 001): `GET /v1/bot-status`, `POST /v1/bot-toggle`,
//! `POST /v1/bot-rejoin`, and the system-key `GET /v1/bot-channels?platform=`.

use axum::extract::State;
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
        .route("/bot-status", get(bot_status))
        .route("/bot-toggle", post(bot_toggle))
        .route("/bot-rejoin", post(bot_rejoin))
        .route("/bot-channels", get(bot_channels))
}

/// The account's bot on every platform: active, paused, no_connection or needs_reauth.
#[utoipa::path(get, path = "/v1/bot-status", tag = "bots", security(("bearer" = [])),
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<BotStatus>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn bot_status(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<BotStatus>>> {
    let ctx = auth.require(Permission::BotConnectionsRead)?;
    Ok(Json(service::status(&state, ctx.account_id).await?))
}

/// Pause (`enabled: false`) or resume the bot on a platform.
#[utoipa::path(post, path = "/v1/bot-toggle", tag = "bots", security(("bearer" = [])),
    request_body = BotToggleInput, params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = BotActionResult), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn bot_toggle(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<BotToggleInput>,
) -> AppResult<Json<BotActionResult>> {
    let ctx = auth.require(Permission::BotConnectionsCreate)?;
    Ok(Json(
        service::toggle(&state, &ctx, &input.platform, input.enabled).await?,
    ))
}

/// Make the platform's bot rejoin the account's channels now.
#[utoipa::path(post, path = "/v1/bot-rejoin", tag = "bots", security(("bearer" = [])),
    request_body = BotRejoinInput, params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = BotActionResult), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody)))]
pub async fn bot_rejoin(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<BotRejoinInput>,
) -> AppResult<Json<BotActionResult>> {
    let ctx = auth.require(Permission::BotConnectionsCreate)?;
    Ok(Json(service::rejoin(&state, &ctx, &input.platform).await?))
}

/// Every channel the platform's bot should be in, of every account (system key only).
#[utoipa::path(get, path = "/v1/bot-channels", tag = "bots", security(("bearer" = [])),
    params(BotChannelsQuery),
    responses((status = 200, body = Vec<BotChannel>), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn bot_channels(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(q): ApiQuery<BotChannelsQuery>,
) -> AppResult<Json<Vec<BotChannel>>> {
    auth.principal.require_system()?;
    Ok(Json(service::bot_channels(&state, &q.platform).await?))
}
