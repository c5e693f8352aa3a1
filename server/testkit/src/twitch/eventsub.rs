//! EventSub over WebSocket (`/ws`, like `twitch event websocket start-server`) and the Helix
//! `/eventsub/subscriptions` endpoints that bind subscriptions to a session.
//!
//! Sources: Twitch docs "Handling WebSocket Events" and "WebSocket Messages" (welcome, keepalive,
//! notification, reconnect, revocation, close codes 4000–4007, `keepalive_timeout_seconds`
//! 10–600 with the nearest valid value used); "Create EventSub Subscription";
//! twitch-cli `internal/events/websocket/mock_server/{server,manager,rpc_handler,
//! close_messages,subscription}.go`.

use std::collections::HashMap;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::Utc;
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::helix::{error as helix_error, Auth};
use super::payloads as p;
use super::state::{Outbound, Session, State, Subscription};

pub fn ws_router() -> Router<State> {
    Router::new().route("/ws", get(ws_handler))
}

/// The close codes of the WebSocket reference, with twitch-cli's reason texts
/// (`close_messages.go`; its table maps 4004 to the 4005 text by mistake — not copied).
fn close_reason(code: u16) -> Option<&'static str> {
    Some(match code {
        4000 => "internal server error",
        4001 => "sent inbound traffic",
        4002 => "failed ping pong",
        4003 => "connection unused",
        4004 => "client reconnect grace time expired",
        4005 => "network timeout",
        4006 => "network error",
        4007 => "invalid reconnect attempt",
        _ => return None,
    })
}

/// Subscription status after its connection ended — twitch-cli `subscription.go`
/// (`getStatusFromCloseMessage`), with the docs' `websocket_network_timeout`.
fn status_after_close(code: Option<u16>) -> &'static str {
    match code {
        Some(4000) => "websocket_internal_error",
        Some(4001) => "websocket_received_inbound_traffic",
        Some(4002) => "websocket_failed_ping_pong",
        Some(4003) => "websocket_connection_unused",
        Some(4005) => "websocket_network_timeout",
        Some(4006) => "websocket_network_error",
        _ => "websocket_disconnected",
    }
}

/// The subscription types and versions the fake delivers.
const TYPES: &[(&str, &str)] = &[
    ("channel.chat.message", "1"),
    ("channel.chat.message_delete", "1"),
    ("channel.chat.clear_user_messages", "1"),
    ("channel.chat.clear", "1"),
    ("channel.ban", "1"),
    ("channel.unban", "1"),
    ("channel.moderate", "1"),
    ("channel.moderate", "2"),
    ("channel.raid", "1"),
    ("channel.suspicious_user.update", "1"),
    ("stream.online", "1"),
    ("stream.offline", "1"),
];

/// Each WebSocket connection may have at most this many enabled subscriptions (EventSub docs,
/// "Subscription limits").
const MAX_SUBS_PER_SESSION: usize = 300;
/// A user may have at most 3 WebSocket connections with enabled subscriptions (same page).
const MAX_SESSIONS_PER_USER: usize = 3;
/// `max_total_cost` for WebSocket subscriptions (same page).
const MAX_TOTAL_COST: u32 = 10;

async fn ws_handler(
    ws: WebSocketUpgrade,
    Query(q): Query<HashMap<String, String>>,
    axum::extract::State(st): axum::extract::State<State>,
) -> Response {
    ws.on_upgrade(move |socket| run_session(st, socket, q))
}

fn keepalive_of(st: &State, q: &HashMap<String, String>) -> u64 {
    let min = st.config.min_keepalive_seconds.clamp(1, 600);
    match q.get("keepalive_timeout_seconds").map(|v| v.parse::<i64>()) {
        // "Specifying an invalid, but numeric value will return the nearest acceptable value."
        Some(Ok(n)) => n.clamp(min as i64, 600) as u64,
        _ => st.config.default_keepalive_seconds.clamp(min, 600),
    }
}

fn new_session_id() -> String {
    format!("AgoQ{}", uuid::Uuid::new_v4().simple())
}

async fn run_session(st: State, socket: WebSocket, q: HashMap<String, String>) {
    let (mut sink, mut stream) = socket.split();
    let keepalive = keepalive_of(&st, &q);
    let id = new_session_id();
    let connected_at = Utc::now();
    let (tx, mut rx) = mpsc::unbounded_channel();

    // A connection to a reconnect URL takes the old session's subscriptions over.
    let mut old_session = None;
    if let Some(rid) = q.get("reconnect_id") {
        let taken = {
            let mut w = st.lock();
            let old = w.reconnects.remove(rid);
            if let Some(old) = &old {
                for s in w.subs.iter_mut().filter(|s| &s.session_id == old) {
                    s.session_id = id.clone();
                    s.connected_at = Some(connected_at);
                }
            }
            old
        };
        let Some(old) = taken else {
            let _ = sink
                .send(Message::Close(Some(CloseFrame {
                    code: 4007,
                    reason: "invalid reconnect attempt".into(),
                })))
                .await;
            return;
        };
        old_session = Some(old);
    }
    st.lock().sessions.insert(
        id.clone(),
        Session {
            tx,
            connected_at,
            keepalive_seconds: keepalive,
            keepalive_enabled: true,
            reconnecting: None,
        },
    );
    tracing::debug!(session = %id, keepalive, "fake eventsub session connected");
    let welcome = p::welcome(&id, keepalive, connected_at).to_string();
    if sink.send(Message::Text(welcome.into())).await.is_err() {
        end_session(&st, &id, None);
        return;
    }
    // "Twitch sends the old connection a close frame with code 4004 if you connect to the new
    // socket but never disconnect from the old socket" (Handling WebSocket Events). The old
    // connection got every event up to this welcome; from now on they go here.
    if let Some(old) = old_session {
        let w = st.lock();
        if let Some(s) = w.sessions.get(&old) {
            let _ = s.tx.send(Outbound::Close(
                4004,
                "client reconnect grace time expired".into(),
            ));
        }
    }

    let period = Duration::from_millis(keepalive * 1000 * 3 / 4);
    let mut next_keepalive = Instant::now() + period;
    let unused_at = Instant::now() + Duration::from_secs(keepalive);
    let mut check_unused = st.config.close_unused_connections;
    let mut close_code: Option<u16> = None;
    loop {
        tokio::select! {
            out = rx.recv() => match out {
                Some(Outbound::Text(t)) | Some(Outbound::Reconnect(t)) => {
                    if sink.send(Message::Text(t.into())).await.is_err() {
                        break;
                    }
                    next_keepalive = Instant::now() + period;
                }
                Some(Outbound::Close(code, reason)) => {
                    close_code = Some(code);
                    let _ = sink
                        .send(Message::Close(Some(CloseFrame { code, reason: reason.into() })))
                        .await;
                    break;
                }
                Some(Outbound::Drop) | None => break,
            },
            inbound = stream.next() => match inbound {
                Some(Ok(Message::Text(_))) | Some(Ok(Message::Binary(_))) => {
                    // "Sending outgoing messages to the server is prohibited with the exception
                    // of pong messages." — close 4001.
                    close_code = Some(4001);
                    let _ = sink
                        .send(Message::Close(Some(CloseFrame {
                            code: 4001,
                            reason: "sent inbound traffic".into(),
                        })))
                        .await;
                    break;
                }
                Some(Ok(Message::Ping(_))) | Some(Ok(Message::Pong(_))) => {}
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
            },
            _ = tokio::time::sleep_until(next_keepalive) => {
                let send = {
                    let w = st.lock();
                    w.sessions
                        .get(&id)
                        .is_some_and(|s| s.keepalive_enabled && s.reconnecting.is_none())
                };
                if send && sink.send(Message::Text(p::keepalive().to_string().into())).await.is_err() {
                    break;
                }
                next_keepalive = Instant::now() + period;
            },
            _ = tokio::time::sleep_until(unused_at), if check_unused => {
                check_unused = false;
                let unused = !st.lock().subs.iter().any(|s| s.session_id == id);
                if unused {
                    close_code = Some(4003);
                    let _ = sink
                        .send(Message::Close(Some(CloseFrame {
                            code: 4003,
                            reason: "connection unused".into(),
                        })))
                        .await;
                    break;
                }
            },
        }
    }
    end_session(&st, &id, close_code);
}

fn end_session(st: &State, id: &str, close_code: Option<u16>) {
    tracing::debug!(session = %id, ?close_code, "fake eventsub session ended");
    let mut w = st.lock();
    w.sessions.remove(id);
    let now = Utc::now();
    let status = status_after_close(close_code);
    for s in w
        .subs
        .iter_mut()
        .filter(|s| s.session_id == id && s.status == "enabled")
    {
        s.status = status.to_string();
        s.disconnected_at = Some(now);
    }
}

/// Send `event(version)` to every enabled subscription of `kind` whose condition matches, on
/// its own session. A `Null` event means "nothing for this version". Returns the number sent.
pub fn deliver(
    st: &State,
    kind: &str,
    matches: impl Fn(&Value) -> bool,
    event: impl Fn(&str) -> Value,
) -> usize {
    let w = st.lock();
    let mut n = 0;
    for s in w
        .subs
        .iter()
        .filter(|s| s.kind == kind && s.status == "enabled" && matches(&s.condition))
    {
        let Some(session) = w.sessions.get(&s.session_id) else {
            continue;
        };
        let ev = event(&s.version);
        if ev.is_null() {
            continue;
        }
        let msg = p::notification(s, &ev).to_string();
        if session.tx.send(Outbound::Text(msg)).is_ok() {
            n += 1;
        }
    }
    n
}

/// Send `session_reconnect`; the client has `reconnect_grace` to connect to the new URL.
pub fn start_reconnect(st: &State, session_id: &str) -> bool {
    let rid = uuid::Uuid::new_v4().simple().to_string();
    {
        let mut w = st.lock();
        let Some(s) = w.sessions.get_mut(session_id) else {
            return false;
        };
        if s.reconnecting.is_some() {
            return false;
        }
        s.reconnecting = Some(rid.clone());
        // twitch-cli server.go: the reconnect URL carries a non-default keepalive over.
        let mut url = format!("{}/ws?reconnect_id={rid}", st.ws_base);
        if s.keepalive_seconds != st.config.default_keepalive_seconds {
            url.push_str(&format!(
                "&keepalive_timeout_seconds={}",
                s.keepalive_seconds
            ));
        }
        let msg = p::reconnect(session_id, &url, s.connected_at).to_string();
        let _ = s.tx.send(Outbound::Reconnect(msg));
        w.reconnects.insert(rid.clone(), session_id.to_string());
    }
    let grace = st.config.reconnect_grace;
    let st = st.clone();
    let old = session_id.to_string();
    if let Ok(rt) = tokio::runtime::Handle::try_current() {
        rt.spawn(async move {
            tokio::time::sleep(grace).await;
            let mut w = st.lock();
            if w.reconnects.remove(&rid).is_some() {
                if let Some(s) = w.sessions.get(&old) {
                    let _ = s.tx.send(Outbound::Close(
                        4004,
                        "client reconnect grace time expired".into(),
                    ));
                }
            }
        });
    }
    true
}

pub fn close_session(st: &State, session_id: &str, code: u16) -> bool {
    let Some(reason) = close_reason(code) else {
        return false;
    };
    let w = st.lock();
    match w.sessions.get(session_id) {
        Some(s) => s.tx.send(Outbound::Close(code, reason.into())).is_ok(),
        None => false,
    }
}

/// Revoke a subscription: the status says why, and its session gets a `revocation` message.
pub fn revoke(st: &State, subscription_id: &str, status: &str) -> bool {
    const REASONS: &[&str] = &[
        "authorization_revoked",
        "user_removed",
        "moderator_removed",
        "version_removed",
    ];
    if !REASONS.contains(&status) {
        return false;
    }
    let mut w = st.lock();
    let Some(s) = w.subs.iter_mut().find(|s| s.id == subscription_id) else {
        return false;
    };
    s.status = status.to_string();
    let sub = s.clone();
    if let Some(session) = w.sessions.get(&sub.session_id) {
        let _ = session
            .tx
            .send(Outbound::Text(p::revocation(&sub).to_string()));
    }
    true
}

// ---------------------------------------------------------------------------------------------
// Helix /eventsub/subscriptions

fn required_scopes(kind: &str, version: &str) -> Vec<&'static [&'static str]> {
    match (kind, version) {
        (
            "channel.chat.message"
            | "channel.chat.message_delete"
            | "channel.chat.clear_user_messages"
            | "channel.chat.clear",
            _,
        ) => vec![&["user:read:chat"]],
        ("channel.ban" | "channel.unban", _) => vec![&["channel:moderate"]],
        ("channel.moderate", v) => {
            let mut s: Vec<&'static [&'static str]> = vec![
                &[
                    "moderator:read:banned_users",
                    "moderator:manage:banned_users",
                ],
                &[
                    "moderator:read:chat_messages",
                    "moderator:manage:chat_messages",
                ],
                &["moderator:read:moderators"],
            ];
            if v == "2" {
                s.push(&["moderator:read:warnings", "moderator:manage:warnings"]);
            }
            s
        }
        ("channel.suspicious_user.update", _) => vec![&["moderator:read:suspicious_users"]],
        _ => vec![],
    }
}

/// Which user of the condition must be the token's user, and the condition fields required.
fn condition_rules(kind: &str) -> (&'static [&'static str], Option<&'static str>) {
    match kind {
        "channel.chat.message"
        | "channel.chat.message_delete"
        | "channel.chat.clear_user_messages"
        | "channel.chat.clear" => (&["broadcaster_user_id", "user_id"], Some("user_id")),
        "channel.ban" | "channel.unban" => (&["broadcaster_user_id"], Some("broadcaster_user_id")),
        "channel.moderate" | "channel.suspicious_user.update" => (
            &["broadcaster_user_id", "moderator_user_id"],
            Some("moderator_user_id"),
        ),
        "channel.raid" => (&[], None),
        _ => (&["broadcaster_user_id"], None),
    }
}

fn forbidden() -> Response {
    helix_error(
        StatusCode::FORBIDDEN,
        "subscription missing proper authorization",
    )
}

fn totals(subs: &[Subscription], client_id: &str, user_id: &str) -> (usize, u32) {
    let mine = subs
        .iter()
        .filter(|s| s.client_id == client_id && s.user_id == user_id && s.status == "enabled");
    let (mut n, mut cost) = (0, 0);
    for s in mine {
        n += 1;
        cost += s.cost;
    }
    (n, cost)
}

/// `POST /helix/eventsub/subscriptions`.
pub fn create(st: &State, auth: &Auth, body: &Value) -> Response {
    let kind = body["type"].as_str().unwrap_or_default();
    let version = body["version"].as_str().unwrap_or_default();
    let condition = body["condition"].clone();
    let method = body["transport"]["method"].as_str().unwrap_or_default();
    let session_id = body["transport"]["session_id"].as_str().unwrap_or_default();
    // Messages from twitch-cli manager.go (subscriptionPageHandlerPost).
    if !method.eq_ignore_ascii_case("websocket") {
        return helix_error(
            StatusCode::BAD_REQUEST,
            "The value specified in the 'method' field is not valid",
        );
    }
    if kind.is_empty() {
        return helix_error(
            StatusCode::BAD_REQUEST,
            "The value specified in the 'type' field is not valid",
        );
    }
    if version.is_empty() {
        return helix_error(
            StatusCode::BAD_REQUEST,
            "The value specified in the 'version' field is not valid",
        );
    }
    if !TYPES.contains(&(kind, version)) {
        return helix_error(
            StatusCode::BAD_REQUEST,
            "The combination of values in the type and version fields is not valid",
        );
    }
    let Some(user_id) = auth.user_id.clone() else {
        // WebSocket subscriptions need a user access token (Create EventSub Subscription).
        return forbidden();
    };
    let (fields, must_be_token_user) = condition_rules(kind);
    for f in fields {
        if condition[*f].as_str().is_none_or(str::is_empty) {
            return helix_error(
                StatusCode::BAD_REQUEST,
                &format!("The value specified in the 'condition.{f}' field is not valid"),
            );
        }
    }
    if kind == "channel.raid"
        && condition["to_broadcaster_user_id"].as_str().is_none()
        && condition["from_broadcaster_user_id"].as_str().is_none()
    {
        return helix_error(
            StatusCode::BAD_REQUEST,
            "The value specified in the 'condition.to_broadcaster_user_id' field is not valid",
        );
    }
    if let Some(field) = must_be_token_user {
        if condition[field] != user_id.as_str() {
            return forbidden();
        }
    }
    for any_of in required_scopes(kind, version) {
        if !any_of.iter().any(|s| auth.scopes.iter().any(|x| x == s)) {
            return forbidden();
        }
    }
    let mut w = st.lock();
    if kind == "channel.moderate" || kind == "channel.suspicious_user.update" {
        let b = condition["broadcaster_user_id"]
            .as_str()
            .unwrap_or_default();
        if !w.is_moderator(b, &user_id) {
            return forbidden();
        }
    }
    let Some(session) = w.sessions.get(session_id) else {
        return helix_error(StatusCode::BAD_REQUEST, "non-existent session_id");
    };
    let connected_at = session.connected_at;
    let duplicate = w.subs.iter().any(|s| {
        s.client_id == auth.client_id
            && s.status == "enabled"
            && s.kind == kind
            && s.version == version
            && s.condition == condition
    });
    if duplicate {
        return helix_error(StatusCode::CONFLICT, "subscription already exists");
    }
    let on_session = w
        .subs
        .iter()
        .filter(|s| s.session_id == session_id && s.status == "enabled")
        .count();
    if on_session >= MAX_SUBS_PER_SESSION {
        return helix_error(
            StatusCode::BAD_REQUEST,
            &format!("You may only create {MAX_SUBS_PER_SESSION} subscriptions within a single WebSocket connection"),
        );
    }
    let mut user_sessions: Vec<&str> = w
        .subs
        .iter()
        .filter(|s| s.client_id == auth.client_id && s.user_id == user_id && s.status == "enabled")
        .map(|s| s.session_id.as_str())
        .collect();
    user_sessions.sort_unstable();
    user_sessions.dedup();
    if !user_sessions.contains(&session_id) && user_sessions.len() >= MAX_SESSIONS_PER_USER {
        return helix_error(
            StatusCode::TOO_MANY_REQUESTS,
            "number of websocket transports limit exceeded",
        );
    }
    // Cost 0 when the user in the condition authorized the app (its token), else 1.
    let names_user = [
        "broadcaster_user_id",
        "user_id",
        "moderator_user_id",
        "to_broadcaster_user_id",
        "from_broadcaster_user_id",
    ]
    .iter()
    .any(|f| condition[*f] == user_id.as_str());
    let cost = u32::from(!names_user);
    let (_, used) = totals(&w.subs, &auth.client_id, &user_id);
    if used + cost > MAX_TOTAL_COST {
        return helix_error(StatusCode::TOO_MANY_REQUESTS, "subscription cost exceeded");
    }
    let sub = Subscription {
        id: uuid::Uuid::new_v4().to_string(),
        kind: kind.to_string(),
        version: version.to_string(),
        condition,
        session_id: session_id.to_string(),
        client_id: auth.client_id.clone(),
        user_id: user_id.clone(),
        status: "enabled".into(),
        created_at: Utc::now(),
        cost,
        connected_at: Some(connected_at),
        disconnected_at: None,
    };
    w.subs.push(sub.clone());
    let (total, total_cost) = totals(&w.subs, &auth.client_id, &user_id);
    (
        StatusCode::ACCEPTED,
        Json(json!({
            "data": [p::subscription_json(&sub)],
            "total": total,
            "total_cost": total_cost,
            "max_total_cost": MAX_TOTAL_COST,
        })),
    )
        .into_response()
}

/// `GET /helix/eventsub/subscriptions` (filters: `status`, `type`, `user_id`,
/// `subscription_id`).
pub fn list(st: &State, auth: &Auth, q: &HashMap<String, Vec<String>>) -> Response {
    let one = |k: &str| q.get(k).and_then(|v| v.first()).cloned();
    let w = st.lock();
    let user_id = auth.user_id.clone().unwrap_or_default();
    let data: Vec<Value> = w
        .subs
        .iter()
        .filter(|s| s.client_id == auth.client_id)
        .filter(|s| one("status").is_none_or(|v| s.status == v))
        .filter(|s| one("type").is_none_or(|v| s.kind == v))
        .filter(|s| one("subscription_id").is_none_or(|v| s.id == v))
        .filter(|s| {
            one("user_id").is_none_or(|v| {
                s.condition
                    .as_object()
                    .is_some_and(|c| c.values().any(|x| *x == v.as_str()))
            })
        })
        .map(p::subscription_json)
        .collect();
    let (total, total_cost) = totals(&w.subs, &auth.client_id, &user_id);
    Json(json!({
        "data": data,
        "total": total,
        "total_cost": total_cost,
        "max_total_cost": MAX_TOTAL_COST,
        "pagination": {},
    }))
    .into_response()
}

/// `DELETE /helix/eventsub/subscriptions?id=`.
pub fn delete(st: &State, auth: &Auth, q: &HashMap<String, Vec<String>>) -> Response {
    let Some(id) = q.get("id").and_then(|v| v.first()) else {
        return helix_error(
            StatusCode::BAD_REQUEST,
            "The id query parameter is required",
        );
    };
    let mut w = st.lock();
    let before = w.subs.len();
    w.subs
        .retain(|s| !(s.id == *id && s.client_id == auth.client_id));
    if w.subs.len() == before {
        // twitch-cli manager.go answers a bare 404.
        return StatusCode::NOT_FOUND.into_response();
    }
    StatusCode::NO_CONTENT.into_response()
}
