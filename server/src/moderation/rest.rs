//! REST transport of moderation: `POST /v1/chat/moderate`, a chatter's moderation log and
//! treatment under `/v1/chat/users/{platform}/{platform_user_id}/…`.

use axum::extract::State;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;

use super::model::*;
use super::service::{self, Actor};
use crate::auth::{Auth, Permission};
use crate::chatter::model::PlatformUserRef;
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/chat/moderate", post(moderate))
        .route(
            "/chat/users/{platform}/{platform_user_id}/moderation-log",
            get(moderation_log),
        )
        .route("/chat/moderation-log", get(account_moderation_log))
        .route(
            "/chat/users/{platform}/{platform_user_id}/treatment",
            put(update_treatment),
        )
}

/// Ban, unban, time out or delete. The permission depends on the action: `chat:ban` for
/// ban and unban, `chat:timeout`, `chat:delete`.
#[utoipa::path(post, path = "/v1/chat/moderate", tag = "moderation", security(("bearer" = [])),
    request_body = ModerationInput, params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ModerationResult), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn moderate(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<ModerationInput>,
) -> AppResult<Json<ModerationResult>> {
    let action = service::action_of(&input)?;
    let ctx = auth.require(action.permission())?;
    Ok(Json(
        service::moderate(&state, &ctx, &input, Actor::Staff).await?,
    ))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct LogQuery {
    /// 1-based page (default 1).
    pub page: Option<i64>,
    /// Entries per page, 1–200 (default 50).
    pub limit: Option<i64>,
}

/// A chatter's moderation history, newest first (`chat:userinfo`).
#[utoipa::path(get, path = "/v1/chat/users/{platform}/{platform_user_id}/moderation-log",
    tag = "moderation", security(("bearer" = [])),
    params(("platform" = String, Path), ("platform_user_id" = String, Path), LogQuery,
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ModerationLogPage), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn moderation_log(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id)): ApiPath<(String, String)>,
    ApiQuery(q): ApiQuery<LogQuery>,
) -> AppResult<Json<ModerationLogPage>> {
    let ctx = auth.require(Permission::ChatUserinfo)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    Ok(Json(
        service::log(&state, &ctx, Some(&user), q.page, q.limit).await?,
    ))
}

/// The whole account's moderation history, newest first (`chat:userinfo`).
#[utoipa::path(get, path = "/v1/chat/moderation-log",
    tag = "moderation", security(("bearer" = [])),
    params(LogQuery, ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ModerationLogPage), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn account_moderation_log(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(q): ApiQuery<LogQuery>,
) -> AppResult<Json<ModerationLogPage>> {
    let ctx = auth.require(Permission::ChatUserinfo)?;
    Ok(Json(
        service::log(&state, &ctx, None, q.page, q.limit).await?,
    ))
}

/// Set a chatter's treatment: none, active_monitoring or restricted (`chat:ban`).
#[utoipa::path(put, path = "/v1/chat/users/{platform}/{platform_user_id}/treatment",
    tag = "moderation", security(("bearer" = [])), request_body = TreatmentInput,
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = TreatmentResult), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn update_treatment(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id)): ApiPath<(String, String)>,
    ApiJson(input): ApiJson<TreatmentInput>,
) -> AppResult<Json<TreatmentResult>> {
    let ctx = auth.require(Permission::ChatBan)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    Ok(Json(
        service::set_treatment(&state, &ctx, &user, &input.treatment).await?,
    ))
}
