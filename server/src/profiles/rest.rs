//! REST transport of profiles: `GET /v1/chat/users/{platform}/{platform_user_id}` and
//! `…/follow-status`.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

use super::model::*;
use super::service;
use crate::auth::{Auth, Permission};
use crate::chatter::model::PlatformUserRef;
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::ApiPath;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/chat/users/{platform}/{platform_user_id}", get(profile))
        .route(
            "/chat/users/{platform}/{platform_user_id}/follow-status",
            get(follow_status),
        )
}

/// A chatter's unified profile: what lumio knows, plus enrichment from the platform
/// (`chat:userinfo`). A platform API that is down never fails it: `enrichment_status`
/// says `unavailable`.
#[utoipa::path(get, path = "/v1/chat/users/{platform}/{platform_user_id}", tag = "profiles",
    security(("bearer" = [])),
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = PlatformUserProfile), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn profile(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id)): ApiPath<(String, String)>,
) -> AppResult<Json<PlatformUserProfile>> {
    let ctx = auth.require(Permission::ChatUserinfo)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    Ok(Json(service::profile(&state, &ctx, &user).await?))
}

/// Whether the chatter follows the account's channel (`chat:userinfo`).
#[utoipa::path(get, path = "/v1/chat/users/{platform}/{platform_user_id}/follow-status",
    tag = "profiles", security(("bearer" = [])),
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = FollowStatus), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn follow_status(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id)): ApiPath<(String, String)>,
) -> AppResult<Json<FollowStatus>> {
    let ctx = auth.require(Permission::ChatUserinfo)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    Ok(Json(service::follow_status(&state, &ctx, &user).await?))
}
