//! REST transport of the admin feature: `/v1/admin/…`, behind a middleware that turns away
//! callers without any admin permission, each route checking its own through
//! `require_admin`.

use axum::extract::{Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};

use super::model::{AuditEntry, AuditQuery};
use super::service;
use crate::auth::{Auth, Permission};
use crate::discord::model::GuildConnection;
use crate::error::{AppError, AppResult, ErrorBody};
use crate::http::extract::{ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/admin/discord-guilds", get(discord_guilds))
        .route(
            "/admin/discord-guilds/{guild_id}",
            axum::routing::delete(delete_discord_guild),
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
