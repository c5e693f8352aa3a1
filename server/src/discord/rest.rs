//! REST transport of the discord feature: `/v1/discord/guilds…` for account owners,
//! `/v1/discord/bot/guilds…` for the bot (system key), and Discord's redirect
//! `GET /api/discord-guilds/callback` (seed 001).

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;

use super::model::*;
use super::service::{self, Exchanger};
use crate::auth::{Auth, Permission};
use crate::error::{AppError, AppResult, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, ApiQuery};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/discord/guilds", get(list_guilds))
        .route("/discord/guilds/authorize", post(authorize))
        .route("/discord/guilds/exchange", post(exchange))
        .route(
            "/discord/guilds/{guild_id}",
            axum::routing::delete(disconnect),
        )
        .route("/discord/guilds/{guild_id}/channels", get(channels))
        .route("/discord/guilds/{guild_id}/roles", get(roles))
        .route("/discord/guilds/{guild_id}/features", get(features))
        .route("/discord/guilds/{guild_id}/commands", get(slash_commands))
        .route(
            "/discord/guilds/{guild_id}/features/{feature}",
            put(set_feature),
        )
        .route("/discord/bot/guilds", get(bot_guilds))
        .route(
            "/discord/bot/guilds/{guild_id}",
            put(update_guild_info).delete(remove_by_bot),
        )
}

/// The routes outside `/v1`: Discord's redirect after the bot was added.
pub fn callback_router() -> Router<AppState> {
    Router::new().route(crate::config::DISCORD_CALLBACK_PATH, get(callback))
}

/// The account's connected Discord servers.
#[utoipa::path(get, path = "/v1/discord/guilds", tag = "discord", security(("bearer" = [])),
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<GuildConnection>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn list_guilds(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<GuildConnection>>> {
    let ctx = auth.require(Permission::BotConnectionsRead)?;
    Ok(Json(service::connections(&state, &ctx).await?))
}

/// The URL that adds lumio's bot to a Discord server (open it in a browser).
#[utoipa::path(post, path = "/v1/discord/guilds/authorize", tag = "discord",
    security(("bearer" = [])), params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Authorization), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn authorize(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Authorization>> {
    let ctx = auth.require(Permission::BotConnectionsCreate)?;
    Ok(Json(service::authorize(&state, &ctx).await?))
}

/// Exchange the code of Discord's redirect (for front ends that receive the redirect
/// themselves); the state must be one issued to the caller.
#[utoipa::path(post, path = "/v1/discord/guilds/exchange", tag = "discord",
    security(("bearer" = [])), request_body = ExchangeInput,
    params(("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 201, body = GuildConnection), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 502, body = ErrorBody)))]
pub async fn exchange(
    State(state): State<AppState>,
    auth: Auth,
    ApiJson(input): ApiJson<ExchangeInput>,
) -> AppResult<(StatusCode, Json<GuildConnection>)> {
    let ctx = auth.require(Permission::BotConnectionsCreate)?;
    let c = service::exchange_discord_guild(&state, Exchanger::User(&ctx), &input).await?;
    Ok((StatusCode::CREATED, Json(c)))
}

/// Disconnect a Discord server (its feature mappings go with it).
#[utoipa::path(delete, path = "/v1/discord/guilds/{guild_id}", tag = "discord",
    security(("bearer" = [])),
    params(("guild_id" = String, Path, description = "a snowflake"),
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 204), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn disconnect(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(guild_id): ApiPath<String>,
) -> AppResult<StatusCode> {
    let ctx = auth.require(Permission::BotConnectionsDelete)?;
    service::disconnect(&state, &ctx, &guild_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A connected server's channels (cached for an hour).
#[utoipa::path(get, path = "/v1/discord/guilds/{guild_id}/channels", tag = "discord",
    security(("bearer" = [])),
    params(("guild_id" = String, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<DiscordChannel>), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 502, body = ErrorBody),
        (status = 503, body = ErrorBody)))]
pub async fn channels(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(guild_id): ApiPath<String>,
) -> AppResult<Json<Vec<DiscordChannel>>> {
    let ctx = auth.require(Permission::BotConnectionsRead)?;
    Ok(Json(service::channels(&state, &ctx, &guild_id).await?))
}

/// A connected server's slash commands, registrations today of Discord's 200 a day, and how
/// the last registration went (`bot-connections:read`).
#[utoipa::path(get, path = "/v1/discord/guilds/{guild_id}/commands", tag = "discord",
    security(("bearer" = [])),
    params(("guild_id" = String, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = SlashCommands), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn slash_commands(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(guild_id): ApiPath<String>,
) -> AppResult<Json<SlashCommands>> {
    let ctx = auth.require(Permission::BotConnectionsRead)?;
    Ok(Json(
        service::slash_commands(&state, &ctx, &guild_id).await?,
    ))
}

/// A connected server's roles (cached for an hour).
#[utoipa::path(get, path = "/v1/discord/guilds/{guild_id}/roles", tag = "discord",
    security(("bearer" = [])),
    params(("guild_id" = String, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<DiscordRole>), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 502, body = ErrorBody)))]
pub async fn roles(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(guild_id): ApiPath<String>,
) -> AppResult<Json<Vec<DiscordRole>>> {
    let ctx = auth.require(Permission::BotConnectionsRead)?;
    Ok(Json(service::roles(&state, &ctx, &guild_id).await?))
}

/// Every feature of a connected server and the channel it posts into.
#[utoipa::path(get, path = "/v1/discord/guilds/{guild_id}/features", tag = "discord",
    security(("bearer" = [])),
    params(("guild_id" = String, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<GuildFeature>), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn features(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(guild_id): ApiPath<String>,
) -> AppResult<Json<Vec<GuildFeature>>> {
    let ctx = auth.require(Permission::BotConnectionsRead)?;
    Ok(Json(service::features(&state, &ctx, &guild_id).await?))
}

/// Map a feature to a channel of the server (`channel_id` null removes the mapping).
#[utoipa::path(put, path = "/v1/discord/guilds/{guild_id}/features/{feature}", tag = "discord",
    security(("bearer" = [])), request_body = SetFeatureInput,
    params(("guild_id" = String, Path),
        ("feature" = String, Path, description = "live_notification, event_feed, chat_mirror, announcement, moderation_log or clip_feed"),
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = GuildFeature), (status = 400, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_feature(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((guild_id, feature)): ApiPath<(String, String)>,
    ApiJson(input): ApiJson<SetFeatureInput>,
) -> AppResult<Json<GuildFeature>> {
    let ctx = auth.require(Permission::BotConnectionsCreate)?;
    Ok(Json(
        service::set_feature(&state, &ctx, &guild_id, &feature, &input).await?,
    ))
}

/// Every connected server of every account (system key: the Discord bot).
#[utoipa::path(get, path = "/v1/discord/bot/guilds", tag = "discord", security(("bearer" = [])),
    responses((status = 200, body = Vec<GuildConnection>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn bot_guilds(
    State(state): State<AppState>,
    auth: Auth,
) -> AppResult<Json<Vec<GuildConnection>>> {
    auth.principal.require_system()?;
    Ok(Json(super::system::bot_guilds(&state).await?))
}

/// What the bot learnt from GUILD_CREATE (system key).
#[utoipa::path(put, path = "/v1/discord/bot/guilds/{guild_id}", tag = "discord",
    security(("bearer" = [])), request_body = GuildInfoInput,
    params(("guild_id" = String, Path)),
    responses((status = 200, body = GuildConnection), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn update_guild_info(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(guild_id): ApiPath<String>,
    ApiJson(input): ApiJson<GuildInfoInput>,
) -> AppResult<Json<GuildConnection>> {
    auth.principal.require_system()?;
    Ok(Json(
        super::system::update_guild_info(&state, &guild_id, &input).await?,
    ))
}

/// The bot left a server (GUILD_DELETE; system key): `unavailable=true` keeps the mapping.
#[utoipa::path(delete, path = "/v1/discord/bot/guilds/{guild_id}", tag = "discord",
    security(("bearer" = [])), params(("guild_id" = String, Path), RemoveByBotQuery),
    responses((status = 200, body = Removal), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody)))]
pub async fn remove_by_bot(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath(guild_id): ApiPath<String>,
    ApiQuery(q): ApiQuery<RemoveByBotQuery>,
) -> AppResult<Json<Removal>> {
    auth.principal.require_system()?;
    Ok(Json(
        super::system::remove_by_bot(&state, &guild_id, q.unavailable).await?,
    ))
}

/// What Discord's redirect carries (RFC 6749 §4.1.2; Discord adds `guild_id` and
/// `permissions` for a bot).
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct CallbackQuery {
    pub code: Option<String>,
    pub state: Option<String>,
    pub guild_id: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|a| a.contains("application/json") && !a.contains("text/html"))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn page(status: StatusCode, title: &str, text: &str) -> Response {
    let html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>lumio — {t}</title></head>\
         <body><h1>{t}</h1><p>{x}</p></body></html>",
        t = escape(title),
        x = escape(text)
    );
    (status, Html(html)).into_response()
}

/// Discord's redirect after someone added (or refused to add) the bot: exchanges the code and
/// connects the server to the account the signed state names. A browser gets a short page; a
/// client that asks for `application/json` gets the connection or the error body.
#[utoipa::path(get, path = "/api/discord-guilds/callback", tag = "discord", params(CallbackQuery),
    responses((status = 200, body = GuildConnection, description = "connected (HTML unless JSON is asked for)"),
        (status = 400, body = ErrorBody), (status = 409, body = ErrorBody),
        (status = 502, body = ErrorBody)))]
pub async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<CallbackQuery>,
) -> Response {
    let json = wants_json(&headers);
    let result = match (&q.error, &q.code, &q.state) {
        (Some(error), _, _) => Err(AppError::BadRequest(format!(
            "Discord did not add the bot: {} ({})",
            error,
            q.error_description.as_deref().unwrap_or("no reason given")
        ))),
        (None, Some(code), Some(st)) => {
            let input = ExchangeInput {
                code: code.clone(),
                state: st.clone(),
                guild_id: q.guild_id.clone(),
            };
            service::exchange_discord_guild(&state, Exchanger::Callback, &input).await
        }
        _ => Err(AppError::BadRequest(
            "the redirect carries neither code and state nor an error".into(),
        )),
    };
    match (result, json) {
        (Ok(c), true) => Json(c).into_response(),
        (Ok(c), false) => page(
            StatusCode::OK,
            "Discord server connected",
            &format!(
                "{} is now connected to your lumio account. You can close this window; \
                 `lumio discord guilds` lists it.",
                c.guild_name
            ),
        ),
        (Err(e), true) => e.into_response(),
        (Err(e), false) => page(e.status(), "Discord server not connected", &e.to_string()),
    }
}
