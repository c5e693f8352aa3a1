//! Helix (`/helix/...`): the endpoints lumio calls, behind Twitch's authentication and rate
//! limit. Every response carries `Ratelimit-Limit`, `Ratelimit-Remaining`, `Ratelimit-Reset`.
//!
//! Sources: Twitch API reference (each endpoint's request, response and "Response Codes"
//! section) and "Twitch API Guide — Rate limits"; twitch-cli
//! `internal/mock_api/authentication/authentication.go` (401s), `internal/mock_api/endpoints/
//! moderation/{bans,chat,moderators}.go`, `endpoints/{raids,polls,predictions,chat,users}/*.go`;
//! twitch_api `src/helix/endpoints/**` (docs' example bodies).

// The handlers' error type is the finished HTTP answer, returned at once: boxing it buys nothing.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{Request, State as AxState};
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, patch, post};
use axum::{Extension, Json, Router};
use chrono::Utc;
use serde_json::{json, Value};

use super::actions::{self, ActionError};
use super::payloads as p;
use super::state::State;
use super::{eventsub, query_map};

/// Who is calling: the token's app, user and scopes.
#[derive(Debug, Clone)]
pub struct Auth {
    pub client_id: String,
    pub user_id: Option<String>,
    pub scopes: Vec<String>,
}

pub fn router(st: State) -> Router<State> {
    Router::new()
        .route("/users", get(users))
        .route("/moderation/bans", post(ban).delete(unban))
        .route("/moderation/chat", delete(delete_chat))
        .route("/moderation/warnings", post(warn))
        .route("/moderation/banned", get(banned_users))
        .route(
            "/moderation/moderators",
            post(add_moderator)
                .delete(remove_moderator)
                .get(list_moderators),
        )
        .route(
            "/moderation/suspicious_users",
            post(add_suspicious).delete(remove_suspicious),
        )
        .route("/chat/messages", post(send_message))
        .route("/chat/emotes", get(channel_emotes))
        .route("/chat/emotes/user", get(user_emotes))
        .route("/raids", delete(cancel_raid))
        .route("/polls", patch(end_poll))
        .route("/predictions", patch(end_prediction))
        .route("/channels/followers", get(followers))
        .route(
            "/eventsub/subscriptions",
            post(create_subscription)
                .get(list_subscriptions)
                .delete(delete_subscription),
        )
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(st, gate))
}

/// A Helix error: `{"error": <reason phrase>, "status", "message"}`.
pub fn error(status: StatusCode, message: &str) -> Response {
    let reason = status.canonical_reason().unwrap_or("Error");
    (
        status,
        Json(p::helix_error(status.as_u16(), reason, message)),
    )
        .into_response()
}

fn from_action(e: ActionError) -> Response {
    let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST);
    (status, Json(p::helix_error(e.status, e.error, &e.message))).into_response()
}

async fn not_found() -> Response {
    // twitch-cli mock_server/server.go: an unknown Helix route is a 404 with an empty message.
    error(StatusCode::NOT_FOUND, "")
}

/// Rate limit, then authentication; the rate-limit headers go on every answer.
async fn gate(AxState(st): AxState<State>, mut req: Request, next: Next) -> Response {
    let headers = req.headers().clone();
    let header = |k: &str| headers.get(k).and_then(|v| v.to_str().ok()).map(str::trim);
    let client_header = header("client-id").unwrap_or_default().to_string();
    let bearer = header("authorization").and_then(|a| {
        let (scheme, tok) = a.split_once(' ')?;
        scheme
            .eq_ignore_ascii_case("bearer")
            .then(|| tok.trim().to_string())
    });
    let token = bearer
        .as_deref()
        .and_then(|b| st.lock().tokens.get(b).cloned());
    let key = match &token {
        Some(t) => (t.client_id.clone(), t.user_id.clone().unwrap_or_default()),
        None => (client_header.clone(), String::new()),
    };
    let (allowed, remaining, reset) = st.lock().take_point(key);
    let limit = st.lock().rate_limit;
    let path = req.uri().path();
    let fault = st.lock().faults.take_helix(
        req.method().as_str(),
        path.strip_prefix("/helix").unwrap_or(path),
    );
    let mut resp = if let Some(status) = fault {
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        error(status, "the fake was told to fail this call")
    } else if !allowed {
        // Rate limits guide: "429 Too Many Requests" once the bucket is empty.
        error(StatusCode::TOO_MANY_REQUESTS, "Too Many Requests")
    } else if client_header.is_empty() || bearer.is_none() {
        // twitch-cli authentication.go.
        error(StatusCode::UNAUTHORIZED, "Missing Client ID or OAuth token")
    } else {
        match token {
            Some(t) if !t.revoked && t.expires_at > Utc::now() => {
                if t.client_id != client_header {
                    error(
                        StatusCode::UNAUTHORIZED,
                        "Client ID and OAuth token do not match",
                    )
                } else {
                    req.extensions_mut().insert(Auth {
                        client_id: t.client_id,
                        user_id: t.user_id,
                        scopes: t.scopes,
                    });
                    next.run(req).await
                }
            }
            _ => error(StatusCode::UNAUTHORIZED, "Invalid OAuth token"),
        }
    };
    let h = resp.headers_mut();
    let mut put = |k: &'static str, v: String| {
        if let Ok(v) = HeaderValue::from_str(&v) {
            h.insert(k, v);
        }
    };
    put("ratelimit-limit", limit.to_string());
    put("ratelimit-remaining", remaining.to_string());
    put("ratelimit-reset", reset.to_string());
    resp
}

/// "Missing scope: <scope>" with 401 — the body Twitch sends, and the status the API reference
/// lists for a token without the endpoint's scope.
fn need_scope(auth: &Auth, scope: &str) -> Result<(), Response> {
    if auth.scopes.iter().any(|s| s == scope) {
        Ok(())
    } else {
        Err(error(
            StatusCode::UNAUTHORIZED,
            &format!("Missing scope: {scope}"),
        ))
    }
}

fn need_user(auth: &Auth) -> Result<String, Response> {
    auth.user_id.clone().ok_or_else(|| {
        error(
            StatusCode::UNAUTHORIZED,
            "The Authorization header must contain a user access token.",
        )
    })
}

struct Params(HashMap<String, Vec<String>>);

impl Params {
    fn of(uri: &Uri) -> Params {
        Params(query_map(uri.query()))
    }

    fn get(&self, k: &str) -> Option<&str> {
        self.0
            .get(k)
            .and_then(|v| v.first())
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    fn required(&self, k: &str) -> Result<String, Response> {
        self.get(k).map(str::to_string).ok_or_else(|| {
            error(
                StatusCode::BAD_REQUEST,
                &format!("Missing required parameter \"{k}\""),
            )
        })
    }
}

fn json_body(bytes: &Bytes) -> Result<Value, Response> {
    if bytes.is_empty() {
        return Ok(Value::Null);
    }
    serde_json::from_slice(bytes).map_err(|_| {
        error(
            StatusCode::BAD_REQUEST,
            "The request body is not valid JSON.",
        )
    })
}

/// The token's user must be the one named by `param` (moderator_id, broadcaster_id, …).
fn must_match(user_id: &str, value: &str, param: &str) -> Result<(), Response> {
    if user_id == value {
        Ok(())
    } else {
        Err(error(
            StatusCode::UNAUTHORIZED,
            &format!("The ID in {param} must match the user ID in the access token."),
        ))
    }
}

type Out = Result<Response, Response>;

fn done(r: Out) -> Response {
    r.unwrap_or_else(|e| e)
}

/// Either of `scopes` will do; the message names the first (the one Twitch's reference lists).
fn need_any_scope(auth: &Auth, scopes: &[&str]) -> Result<(), Response> {
    if scopes.iter().any(|s| auth.scopes.iter().any(|t| t == s)) {
        Ok(())
    } else {
        need_scope(auth, scopes[0])
    }
}

fn data(items: Vec<Value>) -> Response {
    Json(json!({ "data": items })).into_response()
}

// ---------------------------------------------------------------------------------------------

/// `GET /users?id=&login=` (up to 100 in all); with neither, the token's user.
async fn users(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    let q = Params::of(&uri);
    let ids = q.0.get("id").cloned().unwrap_or_default();
    let logins = q.0.get("login").cloned().unwrap_or_default();
    if ids.len() + logins.len() > 100 {
        return error(
            StatusCode::BAD_REQUEST,
            "The request may specify a maximum of 100 id and login query parameters.",
        );
    }
    let w = st.lock();
    let found: Vec<Value> = if ids.is_empty() && logins.is_empty() {
        match auth.user_id.as_deref().and_then(|id| w.user(id)) {
            Some(u) => vec![p::user_json(u)],
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "The id or login query parameter is required unless the request uses a user access token.",
                )
            }
        }
    } else {
        ids.iter()
            .filter_map(|id| w.user(id))
            .chain(logins.iter().filter_map(|l| w.user_by_login(l)))
            .map(p::user_json)
            .collect()
    };
    data(found)
}

/// `POST /moderation/bans?broadcaster_id=&moderator_id=` with `{"data": {user_id, duration?, reason?}}`.
async fn ban(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
    body: Bytes,
) -> Response {
    done((|| {
        need_scope(&auth, "moderator:manage:banned_users")?;
        let me = need_user(&auth)?;
        let q = Params::of(&uri);
        let b = q.required("broadcaster_id")?;
        let m = q.required("moderator_id")?;
        must_match(&me, &m, "moderator_id")?;
        let body = json_body(&body)?;
        let d = &body["data"];
        let Some(user_id) = d["user_id"].as_str().filter(|s| !s.is_empty()) else {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "Missing required parameter \"data.user_id\"",
            ));
        };
        let duration = match &d["duration"] {
            Value::Null => None,
            v => match v.as_u64() {
                Some(n) => Some(n),
                None => {
                    return Err(error(
                        StatusCode::BAD_REQUEST,
                        "The value in the duration field is not valid.",
                    ))
                }
            },
        };
        let reason = d["reason"].as_str().unwrap_or_default();
        let item = actions::ban(&st, &b, &m, user_id, duration, reason).map_err(from_action)?;
        Ok(data(vec![item]))
    })())
}

/// `DELETE /moderation/bans?broadcaster_id=&moderator_id=&user_id=`.
async fn unban(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    done((|| {
        need_scope(&auth, "moderator:manage:banned_users")?;
        let me = need_user(&auth)?;
        let q = Params::of(&uri);
        let b = q.required("broadcaster_id")?;
        let m = q.required("moderator_id")?;
        let u = q.required("user_id")?;
        must_match(&me, &m, "moderator_id")?;
        actions::unban(&st, &b, &m, &u).map_err(from_action)?;
        Ok(StatusCode::NO_CONTENT.into_response())
    })())
}

/// `DELETE /moderation/chat?broadcaster_id=&moderator_id=&message_id=` (no message_id: clear).
async fn delete_chat(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    done((|| {
        need_scope(&auth, "moderator:manage:chat_messages")?;
        let me = need_user(&auth)?;
        let q = Params::of(&uri);
        let b = q.required("broadcaster_id")?;
        let m = q.required("moderator_id")?;
        must_match(&me, &m, "moderator_id")?;
        actions::delete_message(&st, &b, &m, q.get("message_id")).map_err(from_action)?;
        Ok(StatusCode::NO_CONTENT.into_response())
    })())
}

/// `POST /moderation/warnings?broadcaster_id=&moderator_id=` with `{"data": {user_id, reason}}`.
async fn warn(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
    body: Bytes,
) -> Response {
    done((|| {
        need_scope(&auth, "moderator:manage:warnings")?;
        let me = need_user(&auth)?;
        let q = Params::of(&uri);
        let b = q.required("broadcaster_id")?;
        let m = q.required("moderator_id")?;
        must_match(&me, &m, "moderator_id")?;
        let body = json_body(&body)?;
        let d = &body["data"];
        let Some(user_id) = d["user_id"].as_str().filter(|s| !s.is_empty()) else {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "Missing required parameter \"user_id\"",
            ));
        };
        let reason = d["reason"].as_str().unwrap_or_default();
        let item = actions::warn(&st, &b, &m, user_id, reason).map_err(from_action)?;
        Ok(data(vec![item]))
    })())
}

fn moderators(st: &State, auth: &Auth, uri: &Uri, add: bool) -> Out {
    need_scope(auth, "channel:manage:moderators")?;
    let me = need_user(auth)?;
    let q = Params::of(uri);
    let b = q.required("broadcaster_id")?;
    let u = q.required("user_id")?;
    must_match(&me, &b, "broadcaster_id")?;
    actions::set_moderator(st, &b, &u, add).map_err(from_action)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /moderation/moderators?broadcaster_id=&user_id=`.
async fn add_moderator(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    done(moderators(&st, &auth, &uri, true))
}

/// `DELETE /moderation/moderators?broadcaster_id=&user_id=`.
async fn remove_moderator(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    done(moderators(&st, &auth, &uri, false))
}

/// `POST /moderation/suspicious_users?broadcaster_id=&moderator_id=` with `{user_id, status}`.
async fn add_suspicious(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
    body: Bytes,
) -> Response {
    done((|| {
        need_scope(&auth, "moderator:manage:suspicious_users")?;
        let me = need_user(&auth)?;
        let q = Params::of(&uri);
        let b = q.required("broadcaster_id")?;
        let m = q.required("moderator_id")?;
        must_match(&me, &m, "moderator_id")?;
        let body = json_body(&body)?;
        let Some(user_id) = body["user_id"].as_str().filter(|s| !s.is_empty()) else {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "Missing required parameter \"user_id\"",
            ));
        };
        let status = body["status"].as_str().unwrap_or_default();
        let item = actions::suspicious(&st, &b, &m, user_id, Some(status)).map_err(from_action)?;
        Ok(data(vec![item]))
    })())
}

/// `DELETE /moderation/suspicious_users?broadcaster_id=&moderator_id=&user_id=`.
async fn remove_suspicious(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    done((|| {
        need_scope(&auth, "moderator:manage:suspicious_users")?;
        let me = need_user(&auth)?;
        let q = Params::of(&uri);
        let b = q.required("broadcaster_id")?;
        let m = q.required("moderator_id")?;
        let u = q.required("user_id")?;
        must_match(&me, &m, "moderator_id")?;
        let item = actions::suspicious(&st, &b, &m, &u, None).map_err(from_action)?;
        Ok(data(vec![item]))
    })())
}

/// `POST /chat/messages` with `{broadcaster_id, sender_id, message}`; echoed as
/// `channel.chat.message`.
async fn send_message(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    body: Bytes,
) -> Response {
    done((|| {
        need_scope(&auth, "user:write:chat")?;
        let me = need_user(&auth)?;
        let body = json_body(&body)?;
        let field = |k: &str| {
            body[k]
                .as_str()
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let b = field("broadcaster_id").ok_or_else(|| {
            error(
                StatusCode::BAD_REQUEST,
                "Missing required parameter \"broadcaster_id\"",
            )
        })?;
        let sender = field("sender_id").ok_or_else(|| {
            error(
                StatusCode::BAD_REQUEST,
                "Missing required parameter \"sender_id\"",
            )
        })?;
        let text = field("message").ok_or_else(|| {
            error(
                StatusCode::BAD_REQUEST,
                "Missing required parameter \"message\"",
            )
        })?;
        must_match(&me, &sender, "sender_id")?;
        if text.chars().count() > 500 {
            return Err(error(
                StatusCode::UNPROCESSABLE_ENTITY,
                "The message is too large.",
            ));
        }
        let Some(id) = actions::chat_message(&st, &b, &sender, &text) else {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "The ID in broadcaster_id is not valid.",
            ));
        };
        Ok(data(vec![p::sent_message_json(&id, None)]))
    })())
}

/// `GET /chat/emotes?broadcaster_id=`.
async fn channel_emotes(AxState(st): AxState<State>, uri: Uri) -> Response {
    done((|| {
        let q = Params::of(&uri);
        let b = q.required("broadcaster_id")?;
        let emotes = st.lock().channel(&b).emotes.clone();
        Ok(Json(json!({ "data": emotes, "template": p::EMOTE_TEMPLATE })).into_response())
    })())
}

/// `GET /chat/emotes/user?user_id=`: the channel emotes first, the globals on page 2.
async fn user_emotes(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    done((|| {
        need_scope(&auth, "user:read:emotes")?;
        let me = need_user(&auth)?;
        let q = Params::of(&uri);
        let u = q.required("user_id")?;
        must_match(&me, &u, "user_id")?;
        if q.get("after") == Some("globals") {
            let kappa = json!({"id": "25", "name": "Kappa", "emote_type": "globals",
                "emote_set_id": "0", "owner_id": "0", "format": ["static"],
                "scale": ["1.0", "2.0", "3.0"], "theme_mode": ["light", "dark"]});
            return Ok(Json(
                json!({"data": [kappa], "template": p::EMOTE_TEMPLATE, "pagination": {}}),
            )
            .into_response());
        }
        let w = st.lock();
        let mut items = Vec::new();
        for (owner, ch) in &w.channels {
            for e in &ch.emotes {
                items.push(p::user_emote_json(e, owner));
            }
        }
        Ok(Json(json!({"data": items, "template": p::EMOTE_TEMPLATE,
            "pagination": {"cursor": "globals"}}))
        .into_response())
    })())
}

/// `DELETE /raids?broadcaster_id=`.
async fn cancel_raid(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    done((|| {
        need_scope(&auth, "channel:manage:raids")?;
        let me = need_user(&auth)?;
        let b = Params::of(&uri).required("broadcaster_id")?;
        must_match(&me, &b, "broadcaster_id")?;
        let mut w = st.lock();
        let ch = w.channel(&b);
        if !ch.raid_pending {
            return Err(error(
                StatusCode::NOT_FOUND,
                "The broadcaster doesn't have a pending raid to cancel.",
            ));
        }
        ch.raid_pending = false;
        Ok(StatusCode::NO_CONTENT.into_response())
    })())
}

/// `PATCH /polls` with `{broadcaster_id, id, status: TERMINATED|ARCHIVED}`.
async fn end_poll(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    body: Bytes,
) -> Response {
    done((|| {
        need_scope(&auth, "channel:manage:polls")?;
        let me = need_user(&auth)?;
        let body = json_body(&body)?;
        let b = body["broadcaster_id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        must_match(&me, &b, "broadcaster_id")?;
        let status = body["status"].as_str().unwrap_or_default();
        if !["TERMINATED", "ARCHIVED"].contains(&status) {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "The value in the status field is not valid.",
            ));
        }
        let id = body["id"].as_str().unwrap_or_default();
        let mut w = st.lock();
        let Some(poll) = w.channel(&b).polls.get_mut(id) else {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "The ID in the id field is not valid.",
            ));
        };
        if poll["status"] != "ACTIVE" && status == "TERMINATED" {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "The poll must be active to terminate it.",
            ));
        }
        poll["status"] = json!(status);
        poll["ended_at"] = json!(p::helix_ts(Utc::now()));
        Ok(data(vec![poll.clone()]))
    })())
}

/// `PATCH /predictions` with `{broadcaster_id, id, status, winning_outcome_id?}`.
async fn end_prediction(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    body: Bytes,
) -> Response {
    done((|| {
        need_scope(&auth, "channel:manage:predictions")?;
        let me = need_user(&auth)?;
        let body = json_body(&body)?;
        let b = body["broadcaster_id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        must_match(&me, &b, "broadcaster_id")?;
        let status = body["status"].as_str().unwrap_or_default();
        if !["RESOLVED", "CANCELED", "LOCKED"].contains(&status) {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "The value in the status field is not valid.",
            ));
        }
        let id = body["id"].as_str().unwrap_or_default();
        let mut w = st.lock();
        let Some(pr) = w.channel(&b).predictions.get_mut(id) else {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "The ID in the id field is not valid.",
            ));
        };
        if status == "RESOLVED" {
            let winner = body["winning_outcome_id"].as_str().unwrap_or_default();
            let known = pr["outcomes"]
                .as_array()
                .is_some_and(|o| o.iter().any(|x| x["id"] == winner));
            if !known {
                return Err(error(
                    StatusCode::BAD_REQUEST,
                    "The winning_outcome_id field is required and must name one of the outcomes.",
                ));
            }
            pr["winning_outcome_id"] = json!(winner);
        }
        let now = json!(p::helix_ts(Utc::now()));
        if status == "LOCKED" {
            pr["locked_at"] = now;
        } else {
            pr["ended_at"] = now;
        }
        pr["status"] = json!(status);
        Ok(data(vec![pr.clone()]))
    })())
}

/// `GET /channels/followers?broadcaster_id=&user_id=&first=&after=`. Without
/// `moderator:read:followers` (as the broadcaster or a moderator) only `total` is returned, or
/// the caller's own follow when `user_id` is the token's user (API reference).
async fn followers(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    done((|| {
        let q = Params::of(&uri);
        let b = q.required("broadcaster_id")?;
        let first: usize = q
            .get("first")
            .and_then(|f| f.parse().ok())
            .unwrap_or(20)
            .clamp(1, 100);
        let after: usize = q.get("after").and_then(|a| a.parse().ok()).unwrap_or(0);
        let mut w = st.lock();
        let me = auth.user_id.clone().unwrap_or_default();
        let privileged =
            auth.scopes.iter().any(|s| s == "moderator:read:followers") && w.is_moderator(&b, &me);
        let all = w.channel(&b).followers.clone();
        let total = all.len();
        let wanted: Vec<(String, chrono::DateTime<Utc>)> = match q.get("user_id") {
            Some(u) if privileged || u == me => all.into_iter().filter(|(id, _)| id == u).collect(),
            Some(_) => Vec::new(),
            None if privileged => all,
            None => Vec::new(),
        };
        let page: Vec<Value> = wanted
            .iter()
            .skip(after)
            .take(first)
            .filter_map(|(id, at)| w.user(id).map(|u| p::follower_json(u, *at)))
            .collect();
        let mut pagination = json!({});
        if after + first < wanted.len() {
            pagination["cursor"] = json!((after + first).to_string());
        }
        Ok(Json(json!({ "total": total, "data": page, "pagination": pagination })).into_response())
    })())
}

async fn create_subscription(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    body: Bytes,
) -> Response {
    match json_body(&body) {
        Ok(v) => eventsub::create(&st, &auth, &v),
        Err(r) => r,
    }
}

async fn list_subscriptions(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    eventsub::list(&st, &auth, &query_map(uri.query()))
}

async fn delete_subscription(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    eventsub::delete(&st, &auth, &query_map(uri.query()))
}

/// A page of `items` from `after` (an index cursor), `first` 1–100 (default 20).
fn page(q: &Params, items: Vec<Value>) -> Out {
    let first: usize = match q.get("first") {
        None => 20,
        Some(f) => f
            .parse()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| error(StatusCode::BAD_REQUEST, "The value in first is not valid."))?,
    };
    let after: usize = match q.get("after") {
        None => 0,
        Some(a) => a
            .parse()
            .map_err(|_| error(StatusCode::BAD_REQUEST, "The cursor in after is not valid."))?,
    };
    let mut pagination = json!({});
    if after + first < items.len() {
        pagination["cursor"] = json!((after + first).to_string());
    }
    let data: Vec<Value> = items.into_iter().skip(after).take(first).collect();
    Ok(Json(json!({ "data": data, "pagination": pagination })).into_response())
}

/// A moderation read (Get Banned Users, Get Moderators): either scope, the broadcaster's own
/// token, at most 100 `user_id`s (none: everyone); `list` answers for the channel and the
/// wanted ids (empty: all), and the answer is paged.
fn moderation_read(
    st: &State,
    auth: &Auth,
    uri: &Uri,
    scopes: &[&str],
    list: impl FnOnce(&mut super::state::World, &str, &[String]) -> Vec<Value>,
) -> Response {
    done((|| {
        need_any_scope(auth, scopes)?;
        let me = need_user(auth)?;
        let q = Params::of(uri);
        let b = q.required("broadcaster_id")?;
        must_match(&me, &b, "broadcaster_id")?;
        let wanted: Vec<String> =
            q.0.get("user_id")
                .map(|v| v.iter().filter(|u| !u.is_empty()).cloned().collect())
                .unwrap_or_default();
        if wanted.len() > 100 {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "The number of user_id query parameters exceeds the maximum allowed.",
            ));
        }
        let items = list(&mut st.lock(), &b, &wanted);
        page(&q, items)
    })())
}

/// `GET /moderation/banned?broadcaster_id=&user_id=…&first=&after=` — Get Banned Users: the
/// channel's bans and timeouts (a timeout with its `expires_at`, a ban with `""`).
async fn banned_users(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    let scopes = ["moderation:read", "moderator:manage:banned_users"];
    moderation_read(&st, &auth, &uri, &scopes, |w, b, wanted| {
        let mut ids: Vec<String> = w.channel(b).bans.keys().cloned().collect();
        ids.sort();
        let mut items = Vec::new();
        for id in ids {
            if !wanted.is_empty() && !wanted.contains(&id) {
                continue;
            }
            // An expired timeout is gone (`active_ban` removes it).
            let Some(ban) = w.active_ban(b, &id) else {
                continue;
            };
            let user = w.user(&id).cloned();
            let moderator = w.user(&ban.moderator_id).cloned();
            items.push(p::banned_user_json(
                &id,
                user.as_ref(),
                &ban,
                moderator.as_ref(),
            ));
        }
        items
    })
}

/// `GET /moderation/moderators?broadcaster_id=&user_id=…&first=&after=` — Get Moderators.
async fn list_moderators(
    AxState(st): AxState<State>,
    Extension(auth): Extension<Auth>,
    uri: Uri,
) -> Response {
    let scopes = ["moderation:read", "channel:manage:moderators"];
    moderation_read(&st, &auth, &uri, &scopes, |w, b, wanted| {
        let mods: Vec<String> = w.channel(b).moderators.iter().cloned().collect();
        mods.iter()
            .filter(|id| wanted.is_empty() || wanted.contains(id))
            .filter_map(|id| w.user(id).map(p::moderator_json))
            .collect()
    })
}
