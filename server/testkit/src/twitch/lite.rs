//! A lenient single-token fake of the Helix endpoints lumio's live controls and emote reader
//! call (headers, JSON bodies, status codes, error shape). One fixed token acts both as the bot
//! (the sender of chat messages) and for the broadcaster's raids, polls and predictions, as
//! lumio's single `LUMIO_TWITCH_TOKEN` does today; [`super::FakeTwitch`] is the strict fake
//! (a token per user, scopes, rate limits, EventSub). It checks `Authorization: Bearer` and
//! `Client-Id`, records every call, and can be made to fail.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use serde_json::{json, Value};

pub const FAKE_TOKEN: &str = "fake-helix-token";
pub const FAKE_CLIENT_ID: &str = "fake-helix-client";
/// The broadcaster the fake knows (the demo seed's Twitch channel).
pub const BROADCASTER_ID: &str = "100000001";
pub const BROADCASTER_LOGIN: &str = "lumio_demo";
/// The user the token belongs to.
pub const BOT_ID: &str = "200000002";
pub const BOT_LOGIN: &str = "lumio_bot";

/// One call the fake received.
#[derive(Debug, Clone, PartialEq)]
pub struct HelixCall {
    pub method: String,
    pub path: String,
    pub query: HashMap<String, String>,
    pub body: Value,
}

#[derive(Default)]
struct FakeState {
    calls: Vec<HelixCall>,
    failing: bool,
    raid_pending: bool,
    polls: HashMap<String, Value>,
    predictions: HashMap<String, Value>,
    sent: Vec<Value>,
}

/// A running fake Helix server on 127.0.0.1.
#[derive(Clone)]
pub struct FakeHelix {
    /// Its base URL (what `LUMIO_TWITCH_API_URL` would be).
    pub url: String,
    state: Arc<Mutex<FakeState>>,
}

type Shared = Arc<Mutex<FakeState>>;

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, FakeState> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

fn helix_error(status: StatusCode, message: &str) -> Response {
    (
        status,
        Json(json!({
            "error": status.canonical_reason().unwrap_or("Error"),
            "status": status.as_u16(),
            "message": message,
        })),
    )
        .into_response()
}

impl FakeHelix {
    pub async fn start() -> std::io::Result<FakeHelix> {
        let state: Shared = Arc::default();
        let app = Router::new()
            .route("/users", get(users))
            .route("/raids", any(raids))
            .route("/polls", any(polls))
            .route("/predictions", any(predictions))
            .route("/chat/messages", any(chat_messages))
            .route("/chat/emotes", get(channel_emotes))
            .route("/chat/emotes/user", get(user_emotes))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(FakeHelix {
            url: format!("http://{addr}"),
            state,
        })
    }

    pub fn calls(&self) -> Vec<HelixCall> {
        lock(&self.state).calls.clone()
    }

    /// Answer every call with a 503 (or stop doing so).
    pub fn set_failing(&self, on: bool) {
        lock(&self.state).failing = on;
    }

    pub fn set_raid_pending(&self, on: bool) {
        lock(&self.state).raid_pending = on;
    }

    pub fn raid_pending(&self) -> bool {
        lock(&self.state).raid_pending
    }

    /// An active poll with two choices.
    pub fn add_poll(&self, id: &str, title: &str) {
        let poll = json!({
            "id": id, "broadcaster_id": BROADCASTER_ID, "broadcaster_name": "Lumio_Demo",
            "broadcaster_login": BROADCASTER_LOGIN, "title": title,
            "choices": [
                {"id": format!("{id}-a"), "title": "Yes", "votes": 12, "channel_points_votes": 0, "bits_votes": 0},
                {"id": format!("{id}-b"), "title": "No", "votes": 7, "channel_points_votes": 0, "bits_votes": 0}
            ],
            "bits_voting_enabled": false, "bits_per_vote": 0,
            "channel_points_voting_enabled": false, "channel_points_per_vote": 0,
            "status": "ACTIVE", "duration": 300, "started_at": "2026-11-23T10:00:00Z"
        });
        lock(&self.state).polls.insert(id.into(), poll);
    }

    pub fn poll(&self, id: &str) -> Option<Value> {
        lock(&self.state).polls.get(id).cloned()
    }

    /// An active prediction with outcomes `{id}-blue` and `{id}-pink`.
    pub fn add_prediction(&self, id: &str, title: &str) {
        let p = json!({
            "id": id, "broadcaster_id": BROADCASTER_ID, "broadcaster_name": "Lumio_Demo",
            "broadcaster_login": BROADCASTER_LOGIN, "title": title, "winning_outcome_id": null,
            "outcomes": [
                {"id": format!("{id}-blue"), "title": "Win", "users": 3, "channel_points": 500, "top_predictors": null, "color": "BLUE"},
                {"id": format!("{id}-pink"), "title": "Lose", "users": 2, "channel_points": 200, "top_predictors": null, "color": "PINK"}
            ],
            "prediction_window": 120, "status": "ACTIVE", "created_at": "2026-11-23T10:00:00Z",
            "ended_at": null, "locked_at": null
        });
        lock(&self.state).predictions.insert(id.into(), p);
    }

    pub fn prediction(&self, id: &str) -> Option<Value> {
        lock(&self.state).predictions.get(id).cloned()
    }

    /// Chat messages sent through `POST /chat/messages`.
    pub fn sent(&self) -> Vec<Value> {
        lock(&self.state).sent.clone()
    }
}

/// Record the call and check the credentials; an error answer when it must fail.
fn enter(
    s: &Shared,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    q: &HashMap<String, String>,
    body: &Value,
) -> Option<Response> {
    let mut st = lock(s);
    st.calls.push(HelixCall {
        method: method.to_string(),
        path: uri.path().to_string(),
        query: q.clone(),
        body: body.clone(),
    });
    if st.failing {
        return Some(helix_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "Helix is having a bad day",
        ));
    }
    let bearer = headers.get("authorization").and_then(|v| v.to_str().ok());
    let client = headers.get("client-id").and_then(|v| v.to_str().ok());
    if bearer != Some(&format!("Bearer {FAKE_TOKEN}")) {
        return Some(helix_error(StatusCode::UNAUTHORIZED, "Invalid OAuth token"));
    }
    if client != Some(FAKE_CLIENT_ID) {
        return Some(helix_error(
            StatusCode::UNAUTHORIZED,
            "Client ID and OAuth token do not match",
        ));
    }
    None
}

/// The JSON body (Null when empty); None when it is not JSON.
fn body_of(bytes: &[u8]) -> Option<Value> {
    if bytes.is_empty() {
        return Some(Value::Null);
    }
    serde_json::from_slice(bytes).ok()
}

fn not_json() -> Response {
    helix_error(
        StatusCode::BAD_REQUEST,
        "The request body is not valid JSON",
    )
}

fn user_json(id: &str, login: &str) -> Value {
    json!({"id": id, "login": login, "display_name": login, "type": "", "broadcaster_type": "",
        "description": "", "profile_image_url": "", "offline_image_url": "", "view_count": 0,
        "created_at": "2020-01-01T00:00:00Z"})
}

async fn users(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Some(r) = enter(&s, &method, &uri, &headers, &q, &Value::Null) {
        return r;
    }
    let data = match q.get("login").map(String::as_str) {
        None => vec![user_json(BOT_ID, BOT_LOGIN)],
        Some(BROADCASTER_LOGIN) => vec![user_json(BROADCASTER_ID, BROADCASTER_LOGIN)],
        Some(BOT_LOGIN) => vec![user_json(BOT_ID, BOT_LOGIN)],
        Some(_) => vec![],
    };
    Json(json!({ "data": data })).into_response()
}

async fn raids(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Some(r) = enter(&s, &method, &uri, &headers, &q, &Value::Null) {
        return r;
    }
    if method != Method::DELETE {
        return helix_error(StatusCode::METHOD_NOT_ALLOWED, "only DELETE is faked");
    }
    if q.get("broadcaster_id").map(String::as_str) != Some(BROADCASTER_ID) {
        return helix_error(
            StatusCode::BAD_REQUEST,
            "The broadcaster_id query parameter is required and must match the token",
        );
    }
    let mut st = lock(&s);
    if !st.raid_pending {
        return helix_error(
            StatusCode::NOT_FOUND,
            "The broadcaster doesn't have a pending raid to cancel.",
        );
    }
    st.raid_pending = false;
    StatusCode::NO_CONTENT.into_response()
}

async fn polls(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
    bytes: axum::body::Bytes,
) -> Response {
    let Some(body) = body_of(&bytes) else {
        return not_json();
    };
    if let Some(r) = enter(&s, &method, &uri, &headers, &q, &body) {
        return r;
    }
    if method != Method::PATCH {
        return helix_error(StatusCode::METHOD_NOT_ALLOWED, "only PATCH is faked");
    }
    let status = body["status"].as_str().unwrap_or_default();
    if !["TERMINATED", "ARCHIVED"].contains(&status) {
        return helix_error(
            StatusCode::BAD_REQUEST,
            "The value in the status field is not valid",
        );
    }
    let id = body["id"].as_str().unwrap_or_default();
    let mut st = lock(&s);
    let Some(poll) = st.polls.get_mut(id) else {
        return helix_error(StatusCode::BAD_REQUEST, "The poll ID was not found");
    };
    if poll["status"] != "ACTIVE" && status == "TERMINATED" {
        return helix_error(StatusCode::BAD_REQUEST, "The poll is not active");
    }
    poll["status"] = json!(status);
    poll["ended_at"] = json!("2026-11-23T10:05:00Z");
    Json(json!({ "data": [poll.clone()] })).into_response()
}

async fn predictions(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
    bytes: axum::body::Bytes,
) -> Response {
    let Some(body) = body_of(&bytes) else {
        return not_json();
    };
    if let Some(r) = enter(&s, &method, &uri, &headers, &q, &body) {
        return r;
    }
    if method != Method::PATCH {
        return helix_error(StatusCode::METHOD_NOT_ALLOWED, "only PATCH is faked");
    }
    let status = body["status"].as_str().unwrap_or_default();
    if !["RESOLVED", "CANCELED", "LOCKED"].contains(&status) {
        return helix_error(
            StatusCode::BAD_REQUEST,
            "The value in the status field is not valid",
        );
    }
    let id = body["id"].as_str().unwrap_or_default();
    let mut st = lock(&s);
    let Some(p) = st.predictions.get_mut(id) else {
        return helix_error(StatusCode::BAD_REQUEST, "The prediction ID was not found");
    };
    if status == "RESOLVED" {
        let winner = body["winning_outcome_id"].as_str().unwrap_or_default();
        let known = p["outcomes"]
            .as_array()
            .is_some_and(|o| o.iter().any(|x| x["id"] == winner));
        if !known {
            return helix_error(
                StatusCode::BAD_REQUEST,
                "The winning_outcome_id field is required and must name one of the outcomes",
            );
        }
        p["winning_outcome_id"] = json!(winner);
    }
    p["status"] = json!(status);
    Json(json!({ "data": [p.clone()] })).into_response()
}

async fn chat_messages(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
    bytes: axum::body::Bytes,
) -> Response {
    let Some(body) = body_of(&bytes) else {
        return not_json();
    };
    if let Some(r) = enter(&s, &method, &uri, &headers, &q, &body) {
        return r;
    }
    if method != Method::POST {
        return helix_error(StatusCode::METHOD_NOT_ALLOWED, "only POST is faked");
    }
    if body["broadcaster_id"] != BROADCASTER_ID || body["sender_id"] != BOT_ID {
        return helix_error(
            StatusCode::FORBIDDEN,
            "The sender is not permitted to send chat messages to the broadcaster's chat room",
        );
    }
    let mut st = lock(&s);
    let n = st.sent.len() + 1;
    st.sent.push(body);
    Json(
        json!({"data": [{"message_id": format!("fake-msg-{n}"), "is_sent": true,
        "drop_reason": null}]}),
    )
    .into_response()
}

const EMOTE_TEMPLATE: &str =
    "https://static-cdn.jtvnw.net/emoticons/v2/{{id}}/{{format}}/{{theme_mode}}/{{scale}}";

/// `GET /chat/emotes?broadcaster_id=`: two channel emotes, one animated.
async fn channel_emotes(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Some(r) = enter(&s, &method, &uri, &headers, &q, &Value::Null) {
        return r;
    }
    if q.get("broadcaster_id").map(String::as_str) != Some(BROADCASTER_ID) {
        return Json(json!({"data": [], "template": EMOTE_TEMPLATE})).into_response();
    }
    Json(json!({
        "data": [
            {"id": "emotesv2_1", "name": "lumioHype", "images": {
                "url_1x": "https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_1/static/light/1.0",
                "url_2x": "https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_1/static/light/2.0",
                "url_4x": "https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_1/static/light/3.0"},
             "tier": "1000", "emote_type": "subscriptions", "emote_set_id": "301590448",
             "format": ["static"], "scale": ["1.0", "2.0", "3.0"], "theme_mode": ["light", "dark"]},
            {"id": "emotesv2_2", "name": "lumioDance", "images": {
                "url_1x": "https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_2/static/light/1.0",
                "url_2x": "https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_2/static/light/2.0",
                "url_4x": "https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_2/static/light/3.0"},
             "tier": "1000", "emote_type": "subscriptions", "emote_set_id": "301590448",
             "format": ["static", "animated"], "scale": ["1.0", "2.0", "3.0"], "theme_mode": ["light", "dark"]}
        ],
        "template": EMOTE_TEMPLATE
    }))
    .into_response()
}

/// `GET /chat/emotes/user?user_id=`: the bot's emotes, in two pages.
async fn user_emotes(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Some(r) = enter(&s, &method, &uri, &headers, &q, &Value::Null) {
        return r;
    }
    if q.get("user_id").map(String::as_str) != Some(BOT_ID) {
        return helix_error(StatusCode::UNAUTHORIZED, "The user_id must match the token");
    }
    let emote = |id: &str, name: &str, kind: &str| {
        json!({"id": id, "name": name, "emote_type": kind, "emote_set_id": "0",
            "owner_id": "0", "format": ["static"], "scale": ["1.0"], "theme_mode": ["dark"]})
    };
    if q.contains_key("after") {
        return Json(json!({"data": [emote("25", "Kappa", "globals")],
            "template": EMOTE_TEMPLATE, "pagination": {}}))
        .into_response();
    }
    Json(
        json!({"data": [emote("emotesv2_1", "lumioHype", "subscriptions")],
        "template": EMOTE_TEMPLATE, "pagination": {"cursor": "page-2"}}),
    )
    .into_response()
}
