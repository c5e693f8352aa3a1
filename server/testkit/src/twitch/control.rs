//! `/_control/...`: the test controls over HTTP, for a fake run outside the test process
//! (`lumio demo --platform-fake` later). Loopback only, no authentication — never expose it.
//! Each route mirrors a method of [`super::FakeTwitch`].

use axum::extract::State as AxState;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use super::actions;
use super::oauth;
use super::state::{DeviceState, State};

pub fn router() -> Router<State> {
    Router::new()
        .route("/sessions", get(sessions))
        .route("/chat", post(chat))
        .route("/ban", post(ban))
        .route("/device/approve", post(approve))
        .route("/live", post(live))
}

async fn sessions(AxState(st): AxState<State>) -> Response {
    let ids: Vec<String> = st.lock().sessions.keys().cloned().collect();
    Json(json!({ "sessions": ids })).into_response()
}

#[derive(Deserialize)]
struct Chat {
    broadcaster_id: String,
    user_id: String,
    text: String,
}

/// `{broadcaster_id, user_id, text}` → `channel.chat.message`.
async fn chat(AxState(st): AxState<State>, Json(c): Json<Chat>) -> Response {
    match actions::chat_message(&st, &c.broadcaster_id, &c.user_id, &c.text) {
        Some(id) => Json(json!({ "message_id": id })).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({"message": "unknown broadcaster or user"})),
        )
            .into_response(),
    }
}

#[derive(Deserialize)]
struct BanReq {
    moderator_id: String,
    broadcaster_id: String,
    user_id: String,
    duration: Option<u64>,
    #[serde(default)]
    reason: String,
}

/// A ban (or timeout, with `duration`) by another moderator on Twitch itself.
async fn ban(AxState(st): AxState<State>, Json(b): Json<BanReq>) -> Response {
    match actions::ban(
        &st,
        &b.broadcaster_id,
        &b.moderator_id,
        &b.user_id,
        b.duration,
        &b.reason,
    ) {
        Ok(v) => Json(v).into_response(),
        Err(e) => (
            StatusCode::from_u16(e.status).unwrap_or(StatusCode::BAD_REQUEST),
            Json(json!({ "message": e.message })),
        )
            .into_response(),
    }
}

#[derive(Deserialize)]
struct Approve {
    user_code: String,
    user_id: String,
}

async fn approve(AxState(st): AxState<State>, Json(a): Json<Approve>) -> Response {
    if oauth::set_device_state(
        &mut st.lock(),
        &a.user_code,
        DeviceState::Approved(a.user_id),
    ) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        StatusCode::NOT_FOUND.into_response()
    }
}

#[derive(Deserialize)]
struct Live {
    broadcaster_id: String,
    live: bool,
}

async fn live(AxState(st): AxState<State>, Json(l): Json<Live>) -> Response {
    actions::set_live(&st, &l.broadcaster_id, l.live);
    StatusCode::NO_CONTENT.into_response()
}
