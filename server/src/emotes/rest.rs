//! REST transport of emotes: `GET /v1/chat/emotes/{platform}/{channel_id}` and
//! `GET /v1/chat/emotes/user`.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

use super::model::*;
use super::service;
use crate::auth::{Auth, Permission};
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::ApiPath;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/chat/emotes/user", get(user_emotes))
        .route("/chat/emotes/{platform}/{channel_id}", get(emotes))
}

/// A channel's emotes from every provider of its platform (`chat:read`). A provider that
/// fails is listed in `providers` with its error; the others still answer.
#[utoipa::path(get, path = "/v1/chat/emotes/{platform}/{channel_id}", tag = "emotes",
    security(("bearer" = [])),
    params(("platform" = String, Path), ("channel_id" = String, Path),
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = EmoteSet), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn emotes(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, channel)): ApiPath<(String, String)>,
) -> AppResult<Json<EmoteSet>> {
    let ctx = auth.require(Permission::ChatRead)?;
    Ok(Json(
        service::emotes(&state, &ctx, &platform, &channel).await?,
    ))
}

/// The Twitch emotes of the user lumio's Twitch token belongs to (`chat:read`).
#[utoipa::path(get, path = "/v1/chat/emotes/user", tag = "emotes", security(("bearer" = [])),
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = EmoteSet), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 502, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
pub async fn user_emotes(State(state): State<AppState>, auth: Auth) -> AppResult<Json<EmoteSet>> {
    let ctx = auth.require(Permission::ChatRead)?;
    Ok(Json(service::user_emotes(&state, &ctx).await?))
}
