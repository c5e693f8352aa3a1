//! REST v10 (`/api/v10/...`): the endpoints lumio calls, behind Discord's authentication and
//! rate limits. Every answer of a rate-limited route carries `X-RateLimit-Limit`,
//! `-Remaining`, `-Reset`, `-Reset-After` and `-Bucket`; a 429 adds `X-RateLimit-Scope`
//! (and `X-RateLimit-Global` when global), `Retry-After` and the JSON body Discord sends.
//!
//! Sources: Discord docs "Rate Limits" (headers, 429 body, per-route buckets keyed by the
//! major parameters `channel_id`, `guild_id`, `webhook_id`; the global 50 requests/s),
//! "Opcodes and Status Codes — JSON Error Codes" (10003 Unknown Channel, 10004 Unknown Guild,
//! 10007 Unknown Member, 10008 Unknown Message, 10013 Unknown User, 10026 Unknown Ban,
//! 30034 daily application command creates, 50001 Missing Access, 50006 Cannot send an empty
//! message, 50013 Missing Permissions, 50035 Invalid Form Body), and each endpoint's page in
//! Resources: User, Guild, Channel (Message), Application Commands. The daily limit of 200
//! command creates per guild: docs "Application Commands — Registering a Command"; the error
//! as bots receive it: discord/discord-api-docs#6188, discord.py's
//! `400 Bad Request (error code: 30034)`.

// The handlers' error type is the finished HTTP answer, returned at once: boxing it buys nothing.
#![allow(clippy::result_large_err)]

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State as AxState};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, patch, post, put};
use axum::{Json, Router};
use chrono::Utc;
use serde_json::{json, Value};

use super::payloads as p;
use super::state::{Ban, State, StoredMessage, Take};
use super::{dispatch, intents};

pub fn router() -> Router<State> {
    Router::new()
        .route("/users/@me", get(me))
        .route("/users/@me/guilds", get(my_guilds))
        .route("/gateway", get(gateway))
        .route("/gateway/bot", get(gateway_bot))
        .route("/guilds/{guild_id}", get(guild))
        .route("/guilds/{guild_id}/channels", get(guild_channels))
        .route("/guilds/{guild_id}/roles", get(guild_roles))
        .route("/guilds/{guild_id}/bans/{user_id}", put(ban).delete(unban))
        .route("/guilds/{guild_id}/members/{user_id}", patch(modify_member))
        .route("/channels/{channel_id}/messages", post(create_message))
        .route(
            "/channels/{channel_id}/messages/{message_id}",
            delete(delete_message),
        )
        .route(
            "/applications/{application_id}/guilds/{guild_id}/commands",
            put(overwrite_commands),
        )
        .route("/oauth2/token", post(super::oauth::token))
        .fallback(not_found)
}

/// `{"message": "404: Not Found", "code": 0}` — what Discord answers for an unknown route.
async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, Json(p::error(0, "404: Not Found"))).into_response()
}

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    Bot,
    /// A user access token from `/oauth2/token`: the user and the scopes granted.
    User(String, Vec<String>),
}

pub(crate) fn error(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

fn unauthorized() -> Response {
    error(StatusCode::UNAUTHORIZED, p::error(0, "401: Unauthorized"))
}

/// `Authorization: Bot <token>` or `Bearer <user token>`; anything else is 401.
pub fn caller(st: &State, headers: &HeaderMap) -> Result<Caller, Response> {
    let value = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if let Some(t) = value.strip_prefix("Bot ") {
        if t == st.bot_token {
            return Ok(Caller::Bot);
        }
    } else if let Some(t) = value.strip_prefix("Bearer ") {
        let w = st.lock();
        if let Some(tok) = w.tokens.get(t) {
            if tok.expires_at > Utc::now() {
                return Ok(Caller::User(tok.user_id.clone(), tok.scopes.clone()));
            }
        }
    }
    Err(unauthorized())
}

fn bot_only(st: &State, headers: &HeaderMap) -> Result<(), Response> {
    match caller(st, headers)? {
        Caller::Bot => Ok(()),
        Caller::User(..) => Err(error(
            StatusCode::FORBIDDEN,
            p::error(50001, "Missing Access"),
        )),
    }
}

/// The rate-limit headers of an answer.
#[derive(Debug, Clone)]
pub struct Limits {
    limit: u32,
    remaining: u32,
    reset_after: Duration,
    bucket: String,
}

/// A bucket id as Discord shows it: an opaque hash of the route (not of the major parameter).
fn bucket_id(route: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in route.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn reset_epoch(after: Duration) -> String {
    let at = Utc::now() + chrono::Duration::from_std(after).unwrap_or_default();
    format!("{:.3}", at.timestamp_millis() as f64 / 1000.0)
}

fn add_limit_headers(h: &mut HeaderMap, l: &Limits) {
    let mut set = |k: &'static str, v: String| {
        if let Ok(v) = HeaderValue::from_str(&v) {
            h.insert(k, v);
        }
    };
    set("x-ratelimit-limit", l.limit.to_string());
    set("x-ratelimit-remaining", l.remaining.to_string());
    set("x-ratelimit-reset", reset_epoch(l.reset_after));
    set(
        "x-ratelimit-reset-after",
        format!("{:.3}", l.reset_after.as_secs_f64()),
    );
    set("x-ratelimit-bucket", l.bucket.clone());
}

/// Count a call against its route's bucket (per major parameter) and the global limit.
pub fn limit(st: &State, route: &str, major: &str) -> Result<Limits, Response> {
    let taken = st.lock().take(
        route,
        major,
        st.config.default_route_limit,
        st.config.global_rate_limit,
    );
    let bucket = bucket_id(route);
    match taken {
        Take::Allowed {
            limit,
            remaining,
            reset_after,
        } => Ok(Limits {
            limit,
            remaining,
            reset_after,
            bucket,
        }),
        Take::Limited {
            retry_after,
            global,
            limit,
        } => {
            let mut resp = error(
                StatusCode::TOO_MANY_REQUESTS,
                p::rate_limited(retry_after.as_secs_f64(), global),
            );
            let h = resp.headers_mut();
            let retry_secs = retry_after.as_secs_f64().ceil().max(1.0) as u64;
            if let Ok(v) = HeaderValue::from_str(&retry_secs.to_string()) {
                h.insert("retry-after", v);
            }
            if global {
                h.insert("x-ratelimit-global", HeaderValue::from_static("true"));
                h.insert("x-ratelimit-scope", HeaderValue::from_static("global"));
            } else {
                add_limit_headers(
                    h,
                    &Limits {
                        limit,
                        remaining: 0,
                        reset_after: retry_after,
                        bucket,
                    },
                );
                h.insert("x-ratelimit-scope", HeaderValue::from_static("user"));
            }
            Err(resp)
        }
    }
}

/// An answer with the rate-limit headers.
fn ok(l: &Limits, status: StatusCode, body: Option<Value>) -> Response {
    let mut resp = match body {
        Some(b) => (status, Json(b)).into_response(),
        None => status.into_response(),
    };
    add_limit_headers(resp.headers_mut(), l);
    resp
}

fn with_limits(l: &Limits, mut resp: Response) -> Response {
    add_limit_headers(resp.headers_mut(), l);
    resp
}

/// A path id must be a snowflake, else 50035 naming the field (as Discord answers
/// `GET /channels/abc`).
fn snowflake(field: &str, v: &str) -> Result<(), Response> {
    if !v.is_empty() && v.len() <= 20 && v.parse::<u64>().is_ok() {
        return Ok(());
    }
    Err(error(
        StatusCode::BAD_REQUEST,
        p::invalid_form_body(
            field,
            "NUMBER_TYPE_COERCE",
            &format!("Value \"{v}\" is not snowflake."),
        ),
    ))
}

/// The guild, if the bot may see it: 404 10004 Unknown Guild, 403 50001 Missing Access.
fn guild_access(st: &State, guild_id: &str) -> Result<(), Response> {
    let w = st.lock();
    match w.guilds.get(guild_id) {
        None => Err(error(
            StatusCode::NOT_FOUND,
            p::error(10004, "Unknown Guild"),
        )),
        Some(g) if !g.bot_joined || g.unavailable => Err(error(
            StatusCode::FORBIDDEN,
            p::error(50001, "Missing Access"),
        )),
        Some(_) => Ok(()),
    }
}

/// 403 50013 Missing Permissions when the bot lacks `perm` in the guild.
fn permission(st: &State, guild_id: &str, perm: &str) -> Result<(), Response> {
    let w = st.lock();
    if w.guilds
        .get(guild_id)
        .is_some_and(|g| g.denied.iter().any(|d| d == perm))
    {
        return Err(error(
            StatusCode::FORBIDDEN,
            p::error(50013, "Missing Permissions"),
        ));
    }
    Ok(())
}

async fn me(AxState(st): AxState<State>, headers: HeaderMap) -> Response {
    let who = match caller(&st, &headers) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let l = match limit(&st, "GET /users/@me", "") {
        Ok(l) => l,
        Err(r) => return r,
    };
    let body = match who {
        Caller::Bot => p::current_user(&st.bot),
        Caller::User(_, scopes) if !scopes.iter().any(|s| s == "identify") => {
            return with_limits(&l, unauthorized())
        }
        Caller::User(id, _) => {
            let w = st.lock();
            match w.users.get(&id) {
                Some(u) => p::current_user(u),
                None => return with_limits(&l, unauthorized()),
            }
        }
    };
    ok(&l, StatusCode::OK, Some(body))
}

async fn my_guilds(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let who = match caller(&st, &headers) {
        Ok(c) => c,
        Err(r) => return r,
    };
    let l = match limit(&st, "GET /users/@me/guilds", "") {
        Ok(l) => l,
        Err(r) => return r,
    };
    if let Caller::User(_, scopes) = &who {
        if !scopes.iter().any(|s| s == "guilds") {
            return with_limits(&l, unauthorized());
        }
    }
    let with_counts = crate::twitch::form_pairs(q.as_deref().unwrap_or_default())
        .iter()
        .any(|(k, v)| k == "with_counts" && v == "true");
    let w = st.lock();
    let guilds: Vec<Value> = w
        .guilds
        .values()
        .filter(|g| match &who {
            Caller::Bot => g.bot_joined,
            Caller::User(uid, _) => g.members.contains_key(uid),
        })
        .map(|g| p::current_user_guild(g, with_counts))
        .collect();
    ok(&l, StatusCode::OK, Some(Value::Array(guilds)))
}

async fn gateway(AxState(st): AxState<State>) -> Response {
    Json(json!({"url": super::gateway_url(&st)})).into_response()
}

async fn gateway_bot(AxState(st): AxState<State>, headers: HeaderMap) -> Response {
    if let Err(r) = bot_only(&st, &headers) {
        return r;
    }
    let used = st.lock().identifies;
    Json(p::gateway_bot(
        &super::gateway_url(&st),
        st.config.session_start_total.saturating_sub(used),
    ))
    .into_response()
}

async fn guild(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    Path(guild_id): Path<String>,
) -> Response {
    let run = || -> Result<Response, Response> {
        bot_only(&st, &headers)?;
        snowflake("guild_id", &guild_id)?;
        let l = limit(&st, "GET /guilds/{guild_id}", &guild_id)?;
        guild_access(&st, &guild_id).map_err(|r| with_limits(&l, r))?;
        let w = st.lock();
        let g = w.guilds.get(&guild_id).map(p::guild);
        Ok(ok(&l, StatusCode::OK, g))
    };
    run().unwrap_or_else(|r| r)
}

async fn guild_channels(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    Path(guild_id): Path<String>,
) -> Response {
    let run = || -> Result<Response, Response> {
        bot_only(&st, &headers)?;
        snowflake("guild_id", &guild_id)?;
        let l = limit(&st, "GET /guilds/{guild_id}/channels", &guild_id)?;
        guild_access(&st, &guild_id).map_err(|r| with_limits(&l, r))?;
        let w = st.lock();
        let list: Vec<Value> = w
            .guilds
            .get(&guild_id)
            .map(|g| g.channels.iter().map(|c| p::channel(c, &g.id)).collect())
            .unwrap_or_default();
        Ok(ok(&l, StatusCode::OK, Some(Value::Array(list))))
    };
    run().unwrap_or_else(|r| r)
}

async fn guild_roles(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    Path(guild_id): Path<String>,
) -> Response {
    let run = || -> Result<Response, Response> {
        bot_only(&st, &headers)?;
        snowflake("guild_id", &guild_id)?;
        let l = limit(&st, "GET /guilds/{guild_id}/roles", &guild_id)?;
        guild_access(&st, &guild_id).map_err(|r| with_limits(&l, r))?;
        let w = st.lock();
        let list: Vec<Value> = w
            .guilds
            .get(&guild_id)
            .map(|g| g.roles.iter().map(p::role).collect())
            .unwrap_or_default();
        Ok(ok(&l, StatusCode::OK, Some(Value::Array(list))))
    };
    run().unwrap_or_else(|r| r)
}

fn json_body(body: &Bytes) -> Result<Value, Response> {
    if body.is_empty() {
        return Ok(json!({}));
    }
    serde_json::from_slice(body).map_err(|_| {
        error(
            StatusCode::BAD_REQUEST,
            p::error(50109, "The request body contains invalid JSON."),
        )
    })
}

/// `PUT /guilds/{guild.id}/bans/{user.id}` `{"delete_message_seconds": 0–604800}` → 204.
async fn ban(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    Path((guild_id, user_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let run = || -> Result<Response, Response> {
        bot_only(&st, &headers)?;
        snowflake("guild_id", &guild_id)?;
        snowflake("user_id", &user_id)?;
        let l = limit(&st, "PUT /guilds/{guild_id}/bans/{user_id}", &guild_id)?;
        let wl = |r| with_limits(&l, r);
        guild_access(&st, &guild_id).map_err(wl)?;
        permission(&st, &guild_id, "BAN_MEMBERS").map_err(wl)?;
        let b = json_body(&body).map_err(wl)?;
        let secs = b["delete_message_seconds"].as_u64().unwrap_or(0);
        if secs > 604_800 {
            return Err(wl(error(
                StatusCode::BAD_REQUEST,
                p::invalid_form_body(
                    "delete_message_seconds",
                    "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 604800.",
                ),
            )));
        }
        let reason = headers
            .get("x-audit-log-reason")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let mut w = st.lock();
        if !w.users.contains_key(&user_id) {
            return Err(wl(error(
                StatusCode::NOT_FOUND,
                p::error(10013, "Unknown User"),
            )));
        }
        if let Some(g) = w.guilds.get_mut(&guild_id) {
            g.bans.insert(
                user_id.clone(),
                Ban {
                    reason,
                    delete_message_seconds: secs,
                },
            );
            g.members.remove(&user_id);
        }
        Ok(ok(&l, StatusCode::NO_CONTENT, None))
    };
    run().unwrap_or_else(|r| r)
}

/// `DELETE /guilds/{guild.id}/bans/{user.id}` → 204, or 404 10026 Unknown Ban.
async fn unban(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    Path((guild_id, user_id)): Path<(String, String)>,
) -> Response {
    let run = || -> Result<Response, Response> {
        bot_only(&st, &headers)?;
        snowflake("guild_id", &guild_id)?;
        snowflake("user_id", &user_id)?;
        let l = limit(&st, "DELETE /guilds/{guild_id}/bans/{user_id}", &guild_id)?;
        let wl = |r| with_limits(&l, r);
        guild_access(&st, &guild_id).map_err(wl)?;
        permission(&st, &guild_id, "BAN_MEMBERS").map_err(wl)?;
        let mut w = st.lock();
        let removed = w
            .guilds
            .get_mut(&guild_id)
            .and_then(|g| g.bans.remove(&user_id));
        if removed.is_none() {
            return Err(wl(error(
                StatusCode::NOT_FOUND,
                p::error(10026, "Unknown Ban"),
            )));
        }
        Ok(ok(&l, StatusCode::NO_CONTENT, None))
    };
    run().unwrap_or_else(|r| r)
}

/// `PATCH /guilds/{guild.id}/members/{user.id}` with `communication_disabled_until` (an
/// ISO 8601 time at most 28 days ahead, or null to lift a timeout) → 200 the member.
async fn modify_member(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    Path((guild_id, user_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let run = || -> Result<Response, Response> {
        bot_only(&st, &headers)?;
        snowflake("guild_id", &guild_id)?;
        snowflake("user_id", &user_id)?;
        let l = limit(&st, "PATCH /guilds/{guild_id}/members/{user_id}", &guild_id)?;
        let wl = |r| with_limits(&l, r);
        guild_access(&st, &guild_id).map_err(wl)?;
        let b = json_body(&body).map_err(wl)?;
        let mut until = None;
        if let Some(v) = b.get("communication_disabled_until") {
            permission(&st, &guild_id, "MODERATE_MEMBERS").map_err(wl)?;
            if !v.is_null() {
                let t = v
                    .as_str()
                    .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                    .map(|t| t.with_timezone(&Utc));
                match t {
                    Some(t) if t <= Utc::now() + chrono::Duration::days(28) => until = Some(t),
                    _ => {
                        return Err(wl(error(
                            StatusCode::BAD_REQUEST,
                            p::invalid_form_body(
                                "communication_disabled_until",
                                "COMMUNICATION_DISABLED_TIMESTAMP_INVALID",
                                "Invalid communication disabled timestamp.",
                            ),
                        )))
                    }
                }
            }
        }
        let mut w = st.lock();
        let user = w.users.get(&user_id).cloned();
        let Some(g) = w.guilds.get_mut(&guild_id) else {
            return Err(wl(error(
                StatusCode::NOT_FOUND,
                p::error(10004, "Unknown Guild"),
            )));
        };
        let (Some(m), Some(u)) = (g.members.get_mut(&user_id), user) else {
            return Err(wl(error(
                StatusCode::NOT_FOUND,
                p::error(10007, "Unknown Member"),
            )));
        };
        if b.get("communication_disabled_until").is_some() {
            m.communication_disabled_until = until;
        }
        if let Some(n) = b.get("nick") {
            m.nick = n.as_str().map(String::from);
        }
        let body = p::member(m, &u);
        Ok(ok(&l, StatusCode::OK, Some(body)))
    };
    run().unwrap_or_else(|r| r)
}

/// `POST /channels/{channel.id}/messages` `{"content", "embeds", "nonce", …}` → 200 the
/// message; the message is also dispatched as MESSAGE_CREATE, as Discord does.
async fn create_message(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    Path(channel_id): Path<String>,
    body: Bytes,
) -> Response {
    let run = || -> Result<Response, Response> {
        bot_only(&st, &headers)?;
        snowflake("channel_id", &channel_id)?;
        let l = limit(&st, "POST /channels/{channel_id}/messages", &channel_id)?;
        let wl = |r| with_limits(&l, r);
        let guild_id = st.lock().channel_guild.get(&channel_id).cloned();
        let Some(guild_id) = guild_id else {
            return Err(wl(error(
                StatusCode::NOT_FOUND,
                p::error(10003, "Unknown Channel"),
            )));
        };
        guild_access(&st, &guild_id).map_err(wl)?;
        permission(&st, &guild_id, "SEND_MESSAGES").map_err(wl)?;
        let b = json_body(&body).map_err(wl)?;
        let content = b["content"].as_str().unwrap_or_default().to_string();
        let has_embeds = b["embeds"].as_array().is_some_and(|e| !e.is_empty());
        if content.is_empty() && !has_embeds {
            return Err(wl(error(
                StatusCode::BAD_REQUEST,
                p::error(50006, "Cannot send an empty message"),
            )));
        }
        if content.chars().count() > 2000 {
            return Err(wl(error(
                StatusCode::BAD_REQUEST,
                p::invalid_form_body(
                    "content",
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be 2000 or fewer in length.",
                ),
            )));
        }
        let id = st.ids.next();
        let mut msg = p::message(
            &id,
            &channel_id,
            &st.bot,
            &content,
            Utc::now(),
            b.get("nonce"),
        );
        if has_embeds {
            msg["embeds"] = b["embeds"].clone();
        }
        msg["guild_id"] = json!(guild_id);
        st.lock().remember_message(
            id.clone(),
            StoredMessage {
                channel_id: channel_id.clone(),
                guild_id: guild_id.clone(),
                author_id: st.bot.id.clone(),
            },
        );
        let d = p::message_create(msg.clone(), &guild_id, None, true);
        dispatch(&st, "MESSAGE_CREATE", d, intents::GUILD_MESSAGES);
        Ok(ok(&l, StatusCode::OK, Some(msg)))
    };
    run().unwrap_or_else(|r| r)
}

/// `DELETE /channels/{channel.id}/messages/{message.id}` → 204 (and MESSAGE_DELETE), or
/// 404 10008 Unknown Message.
async fn delete_message(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    Path((channel_id, message_id)): Path<(String, String)>,
) -> Response {
    let run = || -> Result<Response, Response> {
        bot_only(&st, &headers)?;
        snowflake("channel_id", &channel_id)?;
        snowflake("message_id", &message_id)?;
        let l = limit(
            &st,
            "DELETE /channels/{channel_id}/messages/{message_id}",
            &channel_id,
        )?;
        let wl = |r| with_limits(&l, r);
        let guild_id = st.lock().channel_guild.get(&channel_id).cloned();
        let Some(guild_id) = guild_id else {
            return Err(wl(error(
                StatusCode::NOT_FOUND,
                p::error(10003, "Unknown Channel"),
            )));
        };
        guild_access(&st, &guild_id).map_err(wl)?;
        let author = {
            let w = st.lock();
            w.messages
                .get(&message_id)
                .filter(|m| m.channel_id == channel_id)
                .map(|m| m.author_id.clone())
        };
        let Some(author) = author else {
            return Err(wl(error(
                StatusCode::NOT_FOUND,
                p::error(10008, "Unknown Message"),
            )));
        };
        if author != st.bot.id {
            permission(&st, &guild_id, "MANAGE_MESSAGES").map_err(wl)?;
        }
        st.lock().messages.remove(&message_id);
        dispatch(
            &st,
            "MESSAGE_DELETE",
            p::message_delete(&message_id, &channel_id, &guild_id),
            intents::GUILD_MESSAGES,
        );
        Ok(ok(&l, StatusCode::NO_CONTENT, None))
    };
    run().unwrap_or_else(|r| r)
}

/// `PUT /applications/{application.id}/guilds/{guild.id}/commands` — bulk overwrite: the
/// body is the whole list; commands not in it are deleted. Each command whose name the guild
/// did not have counts as a create; past the daily limit (200 per guild) the call is refused
/// with 30034 and nothing changes.
async fn overwrite_commands(
    AxState(st): AxState<State>,
    headers: HeaderMap,
    Path((application_id, guild_id)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let run = || -> Result<Response, Response> {
        bot_only(&st, &headers)?;
        snowflake("application_id", &application_id)?;
        snowflake("guild_id", &guild_id)?;
        let l = limit(
            &st,
            "PUT /applications/{application_id}/guilds/{guild_id}/commands",
            &guild_id,
        )?;
        let wl = |r| with_limits(&l, r);
        if application_id != st.application_id {
            return Err(wl(error(
                StatusCode::FORBIDDEN,
                p::error(50001, "Missing Access"),
            )));
        }
        guild_access(&st, &guild_id).map_err(wl)?;
        let b = json_body(&body).map_err(wl)?;
        let Some(list) = b.as_array() else {
            return Err(wl(error(
                StatusCode::BAD_REQUEST,
                p::invalid_form_body("_root", "ARRAY_TYPE_CONVERT", "Must be an array."),
            )));
        };
        for (i, c) in list.iter().enumerate() {
            let name = c["name"].as_str().unwrap_or_default();
            let valid = !name.is_empty()
                && name.chars().count() <= 32
                && name
                    .chars()
                    .all(|ch| ch.is_lowercase() || ch.is_numeric() || ch == '-' || ch == '_');
            if !valid {
                return Err(wl(error(
                    StatusCode::BAD_REQUEST,
                    p::invalid_form_body(
                        &format!("{i}.name"),
                        "APPLICATION_COMMAND_INVALID_NAME",
                        "Command name is invalid",
                    ),
                )));
            }
        }
        let daily = st.config.daily_command_creates;
        let mut w = st.lock();
        let Some(g) = w.guilds.get_mut(&guild_id) else {
            return Err(wl(error(
                StatusCode::NOT_FOUND,
                p::error(10004, "Unknown Guild"),
            )));
        };
        let creates = list
            .iter()
            .filter(|c| {
                !g.commands
                    .contains_key(c["name"].as_str().unwrap_or_default())
            })
            .count() as u32;
        if g.command_creates_today + creates > daily {
            return Err(wl(error(
                StatusCode::BAD_REQUEST,
                p::error(
                    30034,
                    &format!(
                        "Max number of daily application command creates has been reached ({daily})"
                    ),
                ),
            )));
        }
        g.command_creates_today += creates;
        let mut out = Vec::with_capacity(list.len());
        let mut next = std::collections::BTreeMap::new();
        for c in list {
            let name = c["name"].as_str().unwrap_or_default().to_string();
            let id = g
                .commands
                .get(&name)
                .and_then(|old| old["id"].as_str().map(String::from))
                .unwrap_or_else(|| st.ids.next());
            let cmd = p::command(&id, &st.application_id, &guild_id, c);
            out.push(cmd.clone());
            next.insert(name, cmd);
        }
        g.commands = next;
        Ok(ok(&l, StatusCode::OK, Some(Value::Array(out))))
    };
    run().unwrap_or_else(|r| r)
}
