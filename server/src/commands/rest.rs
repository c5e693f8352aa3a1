//! REST transport of bot commands (`/v1/bot-commands…`, seed 004) and of the settable
//! chatter flags (`/v1/chat/users/{platform}/{id}/flags…`, seed 002).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use uuid::Uuid;

use super::model::*;
use super::service::{self, Caller};
use super::{dry_run, flags, import, usage};
use crate::auth::{Auth, Permission};
use crate::chatter::model::PlatformUserRef;
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/bot-commands", get(list).post(create))
        .route("/bot-commands/test", post(test))
        .route("/bot-commands/import", post(import_commands))
        .route("/bot-commands/export", get(export))
        .route("/bot-commands/stats", get(stats))
        .route("/bot-commands/{id}", get(show).put(update).delete(delete))
        .route(
            "/bot-commands/{id}/override",
            post(set_override).delete(remove_override),
        )
        .route("/bot-commands/{id}/history", get(history))
        .route(
            "/chat/users/{platform}/{platform_user_id}/flags",
            get(chatter_flags),
        )
        .route(
            "/chat/users/{platform}/{platform_user_id}/flags/{flag}",
            put(set_flag).delete(clear_flag),
        )
        .route(
            "/chat/users/{platform}/{platform_user_id}/welcome-message",
            put(set_welcome),
        )
}

/// Filters of `GET /v1/bot-commands`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// Only the global commands (admins).
    #[serde(default)]
    pub global: bool,
    /// Only the commands active on this platform.
    pub platform: Option<String>,
}

/// The account's commands and the global ones it inherits (`bot-commands:read`).
#[utoipa::path(get, path = "/v1/bot-commands", tag = "bot-commands", security(("bearer" = [])),
    params(ListQuery, ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<BotCommand>), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> AppResult<Json<Vec<BotCommand>>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsRead, None)?;
    Ok(Json(
        service::list(&state, &caller, q.global, q.platform.as_deref()).await?,
    ))
}

/// Create a command of the account, or a global one with `global: true` (admins)
/// (`bot-commands:create`). Past the plan's limit: 409 naming the plan and the limit.
#[utoipa::path(post, path = "/v1/bot-commands", tag = "bot-commands", security(("bearer" = [])),
    request_body = CommandInput, params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 201, body = BotCommand), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<CommandInput>,
) -> AppResult<(StatusCode, Json<BotCommand>)> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsCreate, None)?;
    let c = service::create(&state, &caller, &input).await?;
    Ok((StatusCode::CREATED, Json(c)))
}

/// One command, as the account sees it (`bot-commands:read`).
#[utoipa::path(get, path = "/v1/bot-commands/{id}", tag = "bot-commands",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = BotCommand), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn show(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Json<BotCommand>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsRead, None)?;
    Ok(Json(service::get(&state, &caller, id).await?))
}

/// Change a command; absent fields stay (`bot-commands:edit`; a global command: admins).
#[utoipa::path(put, path = "/v1/bot-commands/{id}", tag = "bot-commands",
    security(("bearer" = [])), request_body = CommandUpdate,
    params(("id" = Uuid, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = BotCommand), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<CommandUpdate>,
) -> AppResult<Json<BotCommand>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsEdit, None)?;
    Ok(Json(service::update(&state, &caller, id, &input).await?))
}

/// Delete a command (`bot-commands:delete`; a global command: admins).
#[utoipa::path(delete, path = "/v1/bot-commands/{id}", tag = "bot-commands",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 204), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<StatusCode> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsDelete, None)?;
    service::delete(&state, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Override a global command for the account; fields given replace the current
/// override's (`bot-commands:edit`). A less restrictive `min_role` is a 422.
#[utoipa::path(post, path = "/v1/bot-commands/{id}/override", tag = "bot-commands",
    security(("bearer" = [])), request_body = OverrideInput,
    params(("id" = Uuid, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = BotCommand), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn set_override(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(input): ApiJson<OverrideInput>,
) -> AppResult<Json<BotCommand>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsEdit, None)?;
    Ok(Json(
        service::set_override(&state, &caller, id, &input).await?,
    ))
}

/// Remove the account's override of a global command (`bot-commands:delete`).
#[utoipa::path(delete, path = "/v1/bot-commands/{id}/override", tag = "bot-commands",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = BotCommand), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn remove_override(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Json<BotCommand>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsDelete, None)?;
    Ok(Json(service::remove_override(&state, &caller, id).await?))
}

/// Every change of a command and of the account's override of it (`bot-commands:read`).
#[utoipa::path(get, path = "/v1/bot-commands/{id}/history", tag = "bot-commands",
    security(("bearer" = [])),
    params(("id" = Uuid, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<HistoryEntry>), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn history(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(id): ApiPath<Uuid>,
) -> AppResult<Json<Vec<HistoryEntry>>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsRead, None)?;
    Ok(Json(service::command_history(&state, &caller, id).await?))
}

/// What a message would do, as a role on a platform, without consuming anything: the
/// reply, or why it would not run; cooldown state; unknown variables (`bot-commands:read`).
#[utoipa::path(post, path = "/v1/bot-commands/test", tag = "bot-commands",
    security(("bearer" = [])), request_body = TestInput,
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = TestResult), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn test(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<TestInput>,
) -> AppResult<Json<TestResult>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsRead, None)?;
    Ok(Json(dry_run::test(&state, &caller, &input).await?))
}

/// Import commands in lumio's canonical form, in one transaction (`bot-commands:create`).
/// Idempotent on (`source`, `source_id`); `dry_run` writes nothing; a failed row makes
/// the import write nothing (`applied: false`); past the plan's limit: 409.
#[utoipa::path(post, path = "/v1/bot-commands/import", tag = "bot-commands",
    security(("bearer" = [])), request_body = ImportInput,
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ImportResult), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn import_commands(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<ImportInput>,
) -> AppResult<Json<ImportResult>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsCreate, None)?;
    Ok(Json(import::import(&state, &caller, &input).await?))
}

/// The account's commands and overrides as lumio's versioned export (`bot-commands:read`).
#[utoipa::path(get, path = "/v1/bot-commands/export", tag = "bot-commands",
    security(("bearer" = [])), params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ExportFile), (status = 403, body = ErrorBody)))]
pub async fn export(State(state): State<AppState>, auth: Auth) -> AppResult<Json<ExportFile>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsRead, None)?;
    Ok(Json(usage::export(&state, &caller).await?))
}

/// Uses of each command, most used first (`bot-commands:read`).
#[utoipa::path(get, path = "/v1/bot-commands/stats", tag = "bot-commands",
    security(("bearer" = [])), params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<CommandStat>), (status = 403, body = ErrorBody)))]
pub async fn stats(State(state): State<AppState>, auth: Auth) -> AppResult<Json<Vec<CommandStat>>> {
    let caller = Caller::from_auth(&auth, Permission::BotCommandsRead, None)?;
    Ok(Json(usage::stats(&state, &caller).await?))
}

/// A chatter's settable flags (`chat:userinfo`).
#[utoipa::path(get, path = "/v1/chat/users/{platform}/{platform_user_id}/flags",
    tag = "chatters", security(("bearer" = [])),
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ChatterFlags), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn chatter_flags(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id)): ApiPath<(String, String)>,
) -> AppResult<Json<ChatterFlags>> {
    let ctx = auth.require(Permission::ChatUserinfo)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    Ok(Json(flags::flags_of(&state, &ctx, &user).await?))
}

/// Set a flag: invulnerable, vulnerable, greedy or itemlock (`chat:ban`).
#[utoipa::path(put, path = "/v1/chat/users/{platform}/{platform_user_id}/flags/{flag}",
    tag = "chatters", security(("bearer" = [])),
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("flag" = String, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ChatterFlags), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_flag(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id, flag)): ApiPath<(String, String, String)>,
) -> AppResult<Json<ChatterFlags>> {
    let ctx = auth.require(Permission::ChatBan)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    Ok(Json(
        flags::set_flag(&state, &ctx, &user, &flag, true).await?,
    ))
}

/// Clear a flag (`chat:ban`).
#[utoipa::path(delete, path = "/v1/chat/users/{platform}/{platform_user_id}/flags/{flag}",
    tag = "chatters", security(("bearer" = [])),
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("flag" = String, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = ChatterFlags), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn clear_flag(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id, flag)): ApiPath<(String, String, String)>,
) -> AppResult<Json<ChatterFlags>> {
    let ctx = auth.require(Permission::ChatBan)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    Ok(Json(
        flags::set_flag(&state, &ctx, &user, &flag, false).await?,
    ))
}

/// Set or clear a chatter's welcome message, sent on their first message of each stream
/// (`bot-commands:edit`).
#[utoipa::path(put, path = "/v1/chat/users/{platform}/{platform_user_id}/welcome-message",
    tag = "chatters", security(("bearer" = [])), request_body = WelcomeMessage,
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = WelcomeMessage), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_welcome(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id)): ApiPath<(String, String)>,
    ApiJson(input): ApiJson<WelcomeMessage>,
) -> AppResult<Json<WelcomeMessage>> {
    let ctx = auth.require(Permission::BotCommandsEdit)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    let text = flags::set_welcome(&state, &ctx, &user, input.text.as_deref()).await?;
    Ok(Json(WelcomeMessage { text }))
}
