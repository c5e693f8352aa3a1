//! Fakes of the emote providers other than Twitch (Twitch is [`crate::twitch::FakeTwitch`]): 7TV, BetterTTV, FrankerFaceZ, Trovo and
//! Discord, each under its own path prefix, answering in the provider's real response shape.
//! They count calls per provider and can be made to fail one provider at a time.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

pub const FAKE_TROVO_CLIENT: &str = "fake-trovo-client";
pub const FAKE_DISCORD_TOKEN: &str = "fake-discord-token";
/// The Twitch channel the fakes know (the demo seed's).
pub const TWITCH_CHANNEL: &str = "100000001";
pub const TROVO_CHANNEL: &str = "100000003";
pub const DISCORD_GUILD: &str = "1100000000000000001";

#[derive(Default)]
struct FakeState {
    hits: HashMap<String, usize>,
    failing: HashSet<String>,
}

type Shared = Arc<Mutex<FakeState>>;

#[derive(Clone)]
pub struct FakeEmoteApis {
    pub url: String,
    state: Shared,
}

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, FakeState> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

/// Count the call; a 500 when the provider is set to fail.
fn enter(s: &Shared, provider: &str) -> Option<Response> {
    let mut st = lock(s);
    *st.hits.entry(provider.into()).or_default() += 1;
    st.failing.contains(provider).then(|| {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(json!({"message": "internal error"})),
        )
            .into_response()
    })
}

impl FakeEmoteApis {
    pub async fn start() -> std::io::Result<FakeEmoteApis> {
        let state: Shared = Arc::default();
        let app = Router::new()
            .route("/7tv/users/{platform}/{id}", get(seventv))
            .route("/bttv/cached/users/twitch/{id}", get(bttv))
            .route("/ffz/room/id/{id}", get(ffz))
            .route("/trovo/getemotes", post(trovo))
            .route("/discord/guilds/{id}/emojis", get(discord))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(FakeEmoteApis {
            url: format!("http://{addr}"),
            state,
        })
    }

    /// The base URL of one provider's fake (`7tv`, `bttv`, `ffz`, `trovo`, `discord`).
    pub fn provider_url(&self, provider: &str) -> String {
        format!("{}/{provider}", self.url)
    }

    /// Calls so far to a provider (`7tv`, `bttv`, `ffz`, `trovo`, `discord`).
    pub fn hits(&self, provider: &str) -> usize {
        lock(&self.state).hits.get(provider).copied().unwrap_or(0)
    }

    pub fn set_failing(&self, provider: &str, on: bool) {
        let mut st = lock(&self.state);
        if on {
            st.failing.insert(provider.into());
        } else {
            st.failing.remove(provider);
        }
    }
}

/// 7TV `GET /v3/users/{platform}/{id}`.
async fn seventv(
    State(s): State<Shared>,
    Path((platform, id)): Path<(String, String)>,
) -> Response {
    if let Some(r) = enter(&s, "7tv") {
        return r;
    }
    if platform != "twitch" || id != TWITCH_CHANNEL {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"status_code": 404, "error": "Unknown User", "error_code": 70442})),
        )
            .into_response();
    }
    Json(json!({
        "id": id, "platform": "TWITCH", "username": "lumio_demo", "display_name": "Lumio_Demo",
        "emote_capacity": 600, "emote_set_id": null,
        "emote_set": {"id": "62cdd34e72a832540de95857", "name": "Lumio's Emotes", "capacity": 600,
            "emotes": [
                {"id": "60ae958e229664e8667aea38", "name": "catJAM", "flags": 0,
                 "timestamp": 1_660_000_000_000_i64, "actor_id": null,
                 "data": {"id": "60ae958e229664e8667aea38", "name": "catJAM", "flags": 0,
                    "listed": true, "animated": true,
                    "host": {"url": "//cdn.7tv.app/emote/60ae958e229664e8667aea38",
                        "files": [{"name": "1x.webp", "static_name": "1x_static.webp",
                            "width": 32, "height": 32, "format": "WEBP"}]}}},
                {"id": "60aea4074b1ea4526d3c97a9", "name": "Clueless", "flags": 0,
                 "timestamp": 1_660_000_000_000_i64, "actor_id": null,
                 "data": {"id": "60aea4074b1ea4526d3c97a9", "name": "Clueless", "flags": 0,
                    "listed": true, "animated": false,
                    "host": {"url": "//cdn.7tv.app/emote/60aea4074b1ea4526d3c97a9",
                        "files": [{"name": "1x.webp", "width": 32, "height": 32, "format": "WEBP"}]}}}
            ]},
        "user": {"id": "01F74BZYAR00069YQS4JB48G14", "username": "lumio_demo"}
    }))
    .into_response()
}

/// BetterTTV `GET /3/cached/users/twitch/{id}`.
async fn bttv(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    if let Some(r) = enter(&s, "bttv") {
        return r;
    }
    if id != TWITCH_CHANNEL {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"message": "user not found"})),
        )
            .into_response();
    }
    Json(json!({
        "id": "5f1b0186cf6d2144653d2970", "bots": ["lumio_bot"], "avatar": "",
        "channelEmotes": [
            {"id": "5e76d338d6581c3724c0f0b2", "code": "lumioPls", "imageType": "gif",
             "animated": true, "userId": "5f1b0186cf6d2144653d2970"}
        ],
        "sharedEmotes": [
            {"id": "566ca04265dbbdab32ec054a", "code": "FeelsGoodMan", "imageType": "png",
             "animated": false, "user": {"id": "x", "name": "someone", "displayName": "Someone",
                "providerId": "1"}}
        ]
    }))
    .into_response()
}

/// FrankerFaceZ `GET /v1/room/id/{id}`.
async fn ffz(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    if let Some(r) = enter(&s, "ffz") {
        return r;
    }
    if id != TWITCH_CHANNEL {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"error": "Not Found", "message": "No such room", "status": 404})),
        )
            .into_response();
    }
    Json(json!({
        "room": {"_id": 12345, "twitch_id": 100000001, "id": "lumio_demo", "set": 311},
        "sets": {"311": {"id": 311, "_type": 1, "title": "Channel: lumio_demo",
            "emoticons": [
                {"id": 720507, "name": "lumioW", "height": 32, "width": 32, "public": true,
                 "hidden": false, "modifier": false, "animated": null,
                 "urls": {"1": "https://cdn.frankerfacez.com/emote/720507/1",
                          "2": "https://cdn.frankerfacez.com/emote/720507/2"}}
            ]}}
    }))
    .into_response()
}

/// Trovo `POST /openplatform/getemotes`.
async fn trovo(State(s): State<Shared>, headers: HeaderMap, Json(body): Json<Value>) -> Response {
    if let Some(r) = enter(&s, "trovo") {
        return r;
    }
    if headers.get("client-id").and_then(|v| v.to_str().ok()) != Some(FAKE_TROVO_CLIENT) {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"status": 1002, "error": "Invalid client id", "message": "Invalid client id"})),
        )
            .into_response();
    }
    let asked = body["channel_id"].as_array().is_some_and(|c| {
        c.iter()
            .any(|x| x.as_i64().map(|n| n.to_string()).as_deref() == Some(TROVO_CHANNEL))
    });
    let channel = if asked {
        json!([{"channel_id": TROVO_CHANNEL, "emotes": [
            {"name": "lumioTrovo", "description": "", "url": "https://img.trovo.live/emotes/lumioTrovo.png",
             "status": "active", "gifp": ""}]}])
    } else {
        json!([])
    };
    Json(json!({"channels": {
        "customizedEmotes": {"channel": channel},
        "eventEmotes": [{"name": "HappyNewYear", "description": "", "url": "https://img.trovo.live/emotes/hny.gif",
            "status": "active", "gifp": "https://img.trovo.live/emotes/hny.gif"}],
        "globalEmotes": [{"name": "TrovoWave", "description": "", "url": "https://img.trovo.live/emotes/wave.png",
            "status": "active", "gifp": ""}]
    }}))
    .into_response()
}

/// Discord `GET /api/v10/guilds/{id}/emojis`.
async fn discord(State(s): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Some(r) = enter(&s, "discord") {
        return r;
    }
    if headers.get("authorization").and_then(|v| v.to_str().ok())
        != Some(&format!("Bot {FAKE_DISCORD_TOKEN}"))
    {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"message": "401: Unauthorized", "code": 0})),
        )
            .into_response();
    }
    if id != DISCORD_GUILD {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({"message": "Unknown Guild", "code": 10004})),
        )
            .into_response();
    }
    Json(json!([
        {"id": "41771983429993937", "name": "lumioblob", "roles": [], "require_colons": true,
         "managed": false, "animated": false, "available": true},
        {"id": "41771983429993938", "name": "lumiospin", "roles": [], "require_colons": true,
         "managed": false, "animated": true, "available": true}
    ]))
    .into_response()
}
