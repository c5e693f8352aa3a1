//! REST transport of auth: `/v1/auth/*`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use uuid::Uuid;

use super::model::*;
use super::{service, Auth};
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, ClientAddr};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(login))
        .route("/auth/logout", post(logout))
        .route("/auth/me", get(me))
        .route("/auth/tokens", get(list_tokens).post(create_token))
        .route("/auth/tokens/{id}", delete(revoke_token))
}

/// Log in with a username and password; returns a bearer token (30 days). After 10 failed
/// logins of one username from one client address within 15 minutes, that address's logins
/// of that username are refused (429) until the window passes.
#[utoipa::path(post, path = "/v1/auth/login", tag = "auth", request_body = LoginInput,
    responses((status = 200, body = LoginResponse), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    client: ClientAddr,
    ApiJson(input): ApiJson<LoginInput>,
) -> AppResult<Json<LoginResponse>> {
    Ok(Json(service::login(&state, input, client.0).await?))
}

/// Revoke the token this call is made with.
#[utoipa::path(post, path = "/v1/auth/logout", tag = "auth", security(("bearer" = [])),
    responses((status = 204), (status = 401, body = ErrorBody)))]
pub async fn logout(State(state): State<AppState>, auth: Auth) -> AppResult<StatusCode> {
    service::logout(&state, &auth.principal).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The caller: user, accounts with roles and effective permissions, admin permissions, token.
#[utoipa::path(get, path = "/v1/auth/me", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = Me), (status = 401, body = ErrorBody)))]
pub async fn me(auth: Auth) -> AppResult<Json<Me>> {
    Ok(Json(service::me(&auth.principal)?))
}

/// The caller's tokens (sessions and API tokens); secrets are never shown again. Needs a
/// session token or the `auth:tokens` scope.
#[utoipa::path(get, path = "/v1/auth/tokens", tag = "auth", security(("bearer" = [])),
    responses((status = 200, body = Vec<TokenView>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn list_tokens(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<TokenView>>> {
    Ok(Json(service::list_tokens(&state, &auth.principal).await?))
}

/// Create an API token limited to a subset of the caller's permissions. Needs a session token
/// or the `auth:tokens` scope; the new token never outlives the one creating it.
#[utoipa::path(post, path = "/v1/auth/tokens", tag = "auth", security(("bearer" = [])),
    request_body = CreateTokenInput,
    responses((status = 201, body = CreatedToken), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_token(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<CreateTokenInput>,
) -> AppResult<(StatusCode, Json<CreatedToken>)> {
    let created = service::create_token(&state, &auth.principal, input).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Revoke one of the caller's tokens (needs a session token or the `auth:tokens` scope). Its
/// open live connections on every instance are closed with code 1008.
#[utoipa::path(delete, path = "/v1/auth/tokens/{id}", tag = "auth", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Token id")),
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn revoke_token(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<StatusCode> {
    service::revoke_token(&state, &auth.principal, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
