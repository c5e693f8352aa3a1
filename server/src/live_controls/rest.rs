//! REST transport of the live controls: `DELETE /v1/chat/raid`, `DELETE /v1/chat/poll`,
//! `DELETE /v1/chat/prediction`, `POST /v1/chat/send`.

use axum::extract::State;
use axum::routing::{delete, post};
use axum::{Json, Router};

use super::model::*;
use super::service;
use crate::auth::{Auth, Permission};
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::ApiJson;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/chat/raid", delete(cancel_raid))
        .route("/chat/poll", delete(end_poll))
        .route("/chat/prediction", delete(end_prediction))
        .route("/chat/send", post(send))
}

/// Cancel the channel's pending Twitch raid (`chat:raid`).
#[utoipa::path(delete, path = "/v1/chat/raid", tag = "live", security(("bearer" = [])),
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = RaidResult), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 502, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
pub async fn cancel_raid(State(state): State<AppState>, auth: Auth) -> AppResult<Json<RaidResult>> {
    let ctx = auth.require(Permission::ChatRaid)?;
    Ok(Json(service::cancel_raid(&state, &ctx).await?))
}

/// End a Twitch poll: `{"poll_id", "status": "TERMINATED" | "ARCHIVED"}` (`chat:poll`).
#[utoipa::path(delete, path = "/v1/chat/poll", tag = "live", security(("bearer" = [])),
    request_body = EndPollInput, params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = PollResult), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 502, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
pub async fn end_poll(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<EndPollInput>,
) -> AppResult<Json<PollResult>> {
    let ctx = auth.require(Permission::ChatPoll)?;
    Ok(Json(service::end_poll(&state, &ctx, &input).await?))
}

/// Resolve, cancel or lock a Twitch prediction; RESOLVED needs `winning_outcome_id`
/// (`chat:prediction`).
#[utoipa::path(delete, path = "/v1/chat/prediction", tag = "live", security(("bearer" = [])),
    request_body = EndPredictionInput, params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = PredictionResult), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 502, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
pub async fn end_prediction(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<EndPredictionInput>,
) -> AppResult<Json<PredictionResult>> {
    let ctx = auth.require(Permission::ChatPrediction)?;
    Ok(Json(service::end_prediction(&state, &ctx, &input).await?))
}

/// Send a chat message to a platform (twitch, kick, trovo) (`chat:write`).
#[utoipa::path(post, path = "/v1/chat/send", tag = "live", security(("bearer" = [])),
    request_body = SendToPlatformInput, params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = SendResult), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 502, body = ErrorBody)))]
pub async fn send(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<SendToPlatformInput>,
) -> AppResult<Json<SendResult>> {
    let ctx = auth.require(Permission::ChatWrite)?;
    Ok(Json(service::send_to_platform(&state, &ctx, &input).await?))
}
