//! REST transport of the admin feature: `/v1/admin/…`, behind a middleware that turns away
//! callers without any admin permission, each route checking its own through
//! `require_admin`.

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};

use super::model::{
    AdminBot, AdminBotRemoval, AdminBotToggleInput, AdminGuildToggle, AdminGuildToggleInput,
    AuditEntry, AuditQuery,
};
use super::service;
use crate::auth::{Auth, Permission};
use crate::bots::model::BotActionResult;
use crate::discord::model::GuildConnection;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::http::extract::ApiJson;
use crate::http::extract::{ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/admin/discord-guilds", get(discord_guilds))
        .route(
            "/admin/discord-guilds/{guild_id}",
            axum::routing::delete(delete_discord_guild),
        )
        .route(
            "/admin/discord-guilds/{guild_id}/toggle",
            axum::routing::post(toggle_discord_guild),
        )
        .route("/admin/bots", get(bots))
        .route(
            "/admin/bots/{account_id}/{platform}",
            axum::routing::delete(delete_bot),
        )
        .route(
            "/admin/bots/{account_id}/{platform}/toggle",
            axum::routing::post(toggle_bot),
        )
        .route("/admin/audit-log", get(audit_log))
        .route_layer(middleware::from_fn_with_state(state, admin_only))
}

/// Admin middleware (seed 001 "Admin middleware on API routes"): no admin permission at all,
/// no admin route — whatever the route checks after.
async fn admin_only(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Result<Response, AppError> {
    let auth = Auth::from_headers(&state, req.headers()).await?;
    let user = auth.principal.user()?;
    if user.admin.is_empty() {
        return Err(AppError::Forbidden(
            "this is an admin route: your user holds no admin permission".into(),
        ));
    }
    Ok(next.run(req).await)
}

/// Every Discord guild mapping of every account (`discord-guilds:read`).
#[utoipa::path(get, path = "/v1/admin/discord-guilds", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<GuildConnection>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn discord_guilds(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<GuildConnection>>> {
    auth.require_admin(Permission::DiscordGuildsRead)?;
    Ok(Json(service::discord_guilds(&state).await?))
}

/// Delete a guild mapping, whichever account holds it (`discord-guilds:delete`; audited).
#[utoipa::path(delete, path = "/v1/admin/discord-guilds/{guild_id}", tag = "admin",
    security(("bearer" = [])), params(("guild_id" = String, Path, description = "a snowflake")),
    responses((status = 200, body = GuildConnection, description = "the deleted mapping"),
        (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn delete_discord_guild(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(guild_id): ApiPath<String>,
) -> AppResult<Json<GuildConnection>> {
    let admin = auth.require_admin(Permission::DiscordGuildsDelete)?;
    Ok(Json(
        service::delete_discord_guild(&state, admin, &guild_id).await?,
    ))
}

/// Pause or resume the bot in one Discord guild (`bot-control:edit`; audited).
#[utoipa::path(post, path = "/v1/admin/discord-guilds/{guild_id}/toggle", tag = "admin",
    security(("bearer" = [])), params(("guild_id" = String, Path, description = "a snowflake")),
    request_body = AdminGuildToggleInput,
    responses((status = 200, body = AdminGuildToggle), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn toggle_discord_guild(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(guild_id): ApiPath<String>,
    ApiJson(input): ApiJson<AdminGuildToggleInput>,
) -> AppResult<Json<AdminGuildToggle>> {
    let admin = auth.require_admin(Permission::BotControlEdit)?;
    Ok(Json(
        service::toggle_discord_guild(&state, admin, &guild_id, input.enabled).await?,
    ))
}

/// Every account's bots, one row per account and platform (`bot-control:read`).
#[utoipa::path(get, path = "/v1/admin/bots", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = Vec<AdminBot>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn bots(State(state): State<AppState>, auth: Auth) -> AppResult<Json<Vec<AdminBot>>> {
    auth.require_admin(Permission::BotControlRead)?;
    Ok(Json(service::bots(&state).await?))
}

/// Pause or resume an account's bot on a platform (`bot-control:edit`; audited).
#[utoipa::path(post, path = "/v1/admin/bots/{account_id}/{platform}/toggle", tag = "admin",
    security(("bearer" = [])),
    params(("account_id" = String, Path, description = "the account's UUID"),
        ("platform" = String, Path, description = "twitch, youtube, kick, trovo or discord")),
    request_body = AdminBotToggleInput,
    responses((status = 200, body = BotActionResult), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn toggle_bot(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((account_id, platform)): ApiPath<(String, String)>,
    ApiJson(input): ApiJson<AdminBotToggleInput>,
) -> AppResult<Json<BotActionResult>> {
    let admin = auth.require_admin(Permission::BotControlEdit)?;
    Ok(Json(
        service::toggle_bot(&state, admin, &account_id, &platform, input.enabled).await?,
    ))
}

/// Remove an account's bot on a platform: its channel connections there (`bot-control:edit`;
/// audited).
#[utoipa::path(delete, path = "/v1/admin/bots/{account_id}/{platform}", tag = "admin",
    security(("bearer" = [])),
    params(("account_id" = String, Path, description = "the account's UUID"),
        ("platform" = String, Path, description = "twitch, youtube, kick, trovo or discord")),
    responses((status = 200, body = AdminBotRemoval), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_bot(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((account_id, platform)): ApiPath<(String, String)>,
) -> AppResult<Json<AdminBotRemoval>> {
    let admin = auth.require_admin(Permission::BotControlEdit)?;
    Ok(Json(
        service::remove_bot(&state, admin, &account_id, &platform).await?,
    ))
}

/// The admin audit log, newest first (any admin permission of seed 001).
#[utoipa::path(get, path = "/v1/admin/audit-log", tag = "admin", security(("bearer" = [])),
    params(AuditQuery),
    responses((status = 200, body = Vec<AuditEntry>), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn audit_log(
    State(state): State<AppState>,
    auth: Auth,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> AppResult<Json<Vec<AuditEntry>>> {
    require_audit_reader(&auth)?;
    Ok(Json(service::audit_log(&state, &q).await?))
}

/// The first admin permission that may read the audit log, else the 403 naming the first.
pub fn require_audit_reader(auth: &Auth) -> AppResult<()> {
    let mut first = None;
    for p in service::AUDIT_READERS {
        match auth.require_admin(*p) {
            Ok(_) => return Ok(()),
            Err(e) => {
                first.get_or_insert(e);
            }
        }
    }
    Err(first.unwrap_or_else(|| AppError::Forbidden("no admin permission".into())))
}
