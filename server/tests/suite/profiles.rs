//! Chatter profiles on both backends: what lumio knows (first and last seen, messages, ban
//! and timeout with time left, treatment, notes, flags) joined with the platform's own
//! profile through the ProfileService — cached on the bus, behind a circuit breaker that
//! opens after repeated failures and closes after its cool-down — and follow status.
//! The platforms are a local fake speaking Twitch Helix and the YouTube Data API; Twitch is
//! asked with the account's own channel credential, connected through the strict fake
//! Twitch's OAuth (which also refreshes it after a 401).

#![allow(clippy::unwrap_used)]

use crate::common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode as AxStatus};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use common::Api;
use lumio_server::config::Config;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::{FakeTwitch, TokenPair};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::HashMap;

/// A fake of the platforms' user APIs: counts calls, fails on demand. Its Helix takes the
/// tokens the strict fake Twitch issued (and refreshes) and records whose each call carried.
#[derive(Clone)]
struct Fake {
    twitch: Arc<FakeTwitch>,
    hits: Arc<AtomicUsize>,
    fail: Arc<AtomicBool>,
    addr: Arc<std::sync::Mutex<Option<SocketAddr>>>,
    bearers: Arc<std::sync::Mutex<Vec<String>>>,
}

impl Fake {
    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
    fn set_failing(&self, on: bool) {
        self.fail.store(on, Ordering::SeqCst);
    }
    /// Count the call; the error answer when failing.
    fn enter(&self) -> Option<Response> {
        self.hits.fetch_add(1, Ordering::SeqCst);
        self.fail.load(Ordering::SeqCst).then(|| {
            (
                AxStatus::SERVICE_UNAVAILABLE,
                Json(json!({"error": "Service Unavailable", "status": 503, "message": "down"})),
            )
                .into_response()
        })
    }
}

fn helix_auth(f: &Fake, h: &HeaderMap) -> Option<Response> {
    let bearer = h
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let client = h.get("client-id").and_then(|v| v.to_str().ok());
    f.bearers.lock().unwrap().push(bearer.to_string());
    let token = bearer.strip_prefix("Bearer ").unwrap_or_default();
    if !f.twitch.token_is_valid(token) || client != Some(f.twitch.client_id()) {
        return Some(
            (
                AxStatus::UNAUTHORIZED,
                Json(json!({"error": "Unauthorized", "status": 401,
                    "message": "Invalid OAuth token"})),
            )
                .into_response(),
        );
    }
    None
}

/// Helix `GET /users?id=` — users `1001` (alice) … `1099` exist.
async fn helix_users(
    State(f): State<Fake>,
    h: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Some(r) = f.enter().or_else(|| helix_auth(&f, &h)) {
        return r;
    }
    let id = q.get("id").cloned().unwrap_or_default();
    let data = match id.parse::<u32>() {
        Ok(n) if (1001..1100).contains(&n) => {
            let login = if n == 1001 {
                "alice".to_string()
            } else {
                format!("user{n}")
            };
            vec![json!({
                "id": id, "login": login, "display_name": format!("Real {login}"),
                "type": "", "broadcaster_type": "affiliate",
                "description": "I stream things", "profile_image_url":
                    format!("https://static-cdn.jtvnw.net/u/{id}-profile_image-300x300.png"),
                "offline_image_url": "", "view_count": 0,
                "created_at": "2016-12-14T20:32:28Z"
            })]
        }
        _ => vec![],
    };
    Json(json!({ "data": data })).into_response()
}

/// Helix `GET /channels/followers?broadcaster_id=&user_id=` — alice follows since 2022.
async fn helix_followers(
    State(f): State<Fake>,
    h: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Some(r) = f.enter().or_else(|| helix_auth(&f, &h)) {
        return r;
    }
    if q.get("broadcaster_id").map(String::as_str) != Some("100000001") {
        return (
            AxStatus::BAD_REQUEST,
            Json(json!({"error": "Bad Request", "status": 400,
                "message": "Invalid broadcaster_id"})),
        )
            .into_response();
    }
    let data = if q.get("user_id").map(String::as_str) == Some("1001") {
        vec![
            json!({"user_id": "1001", "user_login": "alice", "user_name": "Real alice",
            "followed_at": "2022-05-24T22:22:08Z"}),
        ]
    } else {
        vec![]
    };
    Json(json!({"data": data, "total": data.len(), "pagination": {}})).into_response()
}

/// YouTube Data API `GET /channels?part=snippet,statistics&id=&key=`.
async fn youtube_channels(
    State(f): State<Fake>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    if let Some(r) = f.enter() {
        return r;
    }
    if q.get("key").map(String::as_str) != Some("fake-yt-key") {
        return (
            AxStatus::BAD_REQUEST,
            Json(json!({"error": {"code": 400, "message": "API key not valid."}})),
        )
            .into_response();
    }
    let id = q.get("id").cloned().unwrap_or_default();
    Json(json!({
        "kind": "youtube#channelListResponse",
        "pageInfo": {"totalResults": 1, "resultsPerPage": 5},
        "items": [{
            "kind": "youtube#channel", "id": id,
            "snippet": {"title": "Yuki Tube", "description": "videos", "customUrl": "@yukitube",
                "publishedAt": "2015-03-01T10:00:00Z",
                "thumbnails": {"default": {"url": "https://yt3.ggpht.com/yuki=s88"}}},
            "statistics": {"viewCount": "1000", "subscriberCount": "4200",
                "hiddenSubscriberCount": false, "videoCount": "12"}
        }]
    }))
    .into_response()
}

impl common::Fake for Fake {
    fn configure(&self, c: &mut Config) {
        let addr = self.addr.lock().unwrap().expect("started");
        lumio_server::testing::point_twitch_fake_at(&self.twitch, c);
        c.platforms.twitch.api_url = format!("http://{addr}/helix");
        c.platforms.youtube.api_url = format!("http://{addr}/youtube/v3");
        c.platforms.youtube.token = Some("fake-yt-key".into());
        c.enrich.failure_threshold = 2;
        c.enrich.cooldown = Duration::from_millis(800);
        c.enrich.timeout = Duration::from_secs(2);
    }
}

async fn start_fake() -> Fake {
    let fake = Fake {
        twitch: Arc::new(FakeTwitch::start().await.unwrap()),
        hits: Arc::default(),
        fail: Arc::default(),
        addr: Arc::default(),
        bearers: Arc::default(),
    };
    let app = Router::new()
        .route("/helix/users", get(helix_users))
        .route("/helix/channels/followers", get(helix_followers))
        .route("/youtube/v3/channels", get(youtube_channels))
        .with_state(fake.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    *fake.addr.lock().unwrap() = Some(addr);
    fake
}

backend_tests!(
    file = "profiles", workers = false, with = start_fake;
    profiles_join_what_lumio_knows_with_the_platform,
    a_failing_platform_opens_the_circuit_and_never_fails_the_request,
    follow_status_is_asked_once_and_remembered,
    bad_requests_are_refused,
    twitch_is_asked_with_the_accounts_own_credential
);

/// What the broadcaster grants lumio to read follows.
const FOLLOWERS: &[&str] = &["moderator:read:followers"];

/// Connect the account's channel with the fake broadcaster's own token (`scopes`), as the
/// owner; the tokens.
async fn connect(api: &Api, fake: &Fake, scopes: &[&str]) -> TokenPair {
    let owner = api.login("owner", "lumio-owner").await;
    let pair = fake
        .twitch
        .issue_user_token(&fake.twitch.broadcaster.id, scopes);
    common::twitch::paste_tokens(api, &owner, &fake.twitch, &pair, "broadcaster").await;
    pair
}

async fn ingest(api: &Api, t: &str, platform: &str, id: &str, user: &str, text: &str) {
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(t),
            Some(json!({"platform": platform, "channel_name": "lumio_demo",
                "user_id": id, "username": user, "message": text, "is_sub": true,
                "sub_tier": "2000", "color": "#FF0000"})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
}

async fn profile(api: &Api, t: &str, platform: &str, id: &str) -> (StatusCode, Value) {
    api.call(
        Method::GET,
        &format!("/v1/chat/users/{platform}/{id}"),
        Some(t),
        None,
    )
    .await
}

async fn profiles_join_what_lumio_knows_with_the_platform(s: &TestServer, fake: &Fake) {
    let api = Api::new(&s.url);
    connect(&api, fake, FOLLOWERS).await;
    let m = api.login("mod", "lumio-mod").await;
    ingest(&api, &m, "twitch", "1001", "alice", "hi").await;
    ingest(&api, &m, "twitch", "1001", "alice", "how is everyone").await;

    let (st, p) = profile(&api, &m, "twitch", "1001").await;
    assert_eq!(st, StatusCode::OK, "{p}");
    assert_eq!(p["username"], "alice");
    assert_eq!(p["message_count"], 2, "{p}");
    assert_eq!(p["recent_messages"].as_array().unwrap().len(), 2);
    assert_eq!(p["recent_messages"][0]["message"], "how is everyone");
    assert!(
        p["first_seen_at"].is_string() && p["last_seen_at"].is_string(),
        "{p}"
    );
    assert_eq!(p["color"], "#FF0000");
    assert_eq!(p["ban"]["state"], "none");
    assert_eq!(p["treatment"], "none");
    assert_eq!(p["note_count"], 0);
    assert!(
        p["flags"].as_array().unwrap().iter().any(|f| f == "subbed"),
        "{p}"
    );
    assert_eq!(p["enrichment_status"], "ok", "{p}");
    assert_eq!(p["enrichment"]["display_name"], "Real alice");
    assert_eq!(p["enrichment"]["kind"], "affiliate");
    assert_eq!(
        p["enrichment"]["account_created_at"],
        "2016-12-14T20:32:28Z"
    );
    assert_eq!(fake.hits(), 1);

    // The second look comes from the cache: the platform is not asked again.
    let (_, p) = profile(&api, &m, "twitch", "1001").await;
    assert_eq!(p["enrichment_status"], "cached", "{p}");
    assert_eq!(p["enrichment"]["display_name"], "Real alice");
    assert_eq!(fake.hits(), 1);

    // Notes, treatment and a timeout show up, with the time left.
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/users/twitch/1001/notes",
            Some(&m),
            Some(json!({"note": "asks a lot"})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    api.call(
        Method::PUT,
        "/v1/chat/users/twitch/1001/treatment",
        Some(&m),
        Some(json!({"treatment": "active_monitoring"})),
    )
    .await;
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/moderate",
            Some(&m),
            Some(json!({"platform": "twitch", "action": "timeout",
                "platform_user_id": "1001", "duration_seconds": 600, "reason": "caps"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    let (_, p) = profile(&api, &m, "twitch", "1001").await;
    assert_eq!(p["note_count"], 1, "{p}");
    assert_eq!(p["treatment"], "active_monitoring");
    assert_eq!(p["ban"]["state"], "timed_out", "{p}");
    assert_eq!(p["ban"]["reason"], "caps");
    let left = p["ban"]["seconds_left"].as_i64().unwrap();
    assert!((590..=600).contains(&left), "{p}");
    // A ban has no end.
    api.call(
        Method::POST,
        "/v1/chat/moderate",
        Some(&m),
        Some(json!({"platform": "twitch", "action": "ban", "platform_user_id": "1001"})),
    )
    .await;
    let (_, p) = profile(&api, &m, "twitch", "1001").await;
    assert_eq!(p["ban"]["state"], "banned", "{p}");
    assert!(p["ban"]["seconds_left"].is_null(), "{p}");

    // A chatter lumio has never seen, whom the platform knows, still has a profile.
    let (st, p) = profile(&api, &m, "twitch", "1050").await;
    assert_eq!(st, StatusCode::OK, "{p}");
    assert_eq!(p["message_count"], 0);
    assert_eq!(p["enrichment"]["username"], "user1050");
    // Nobody anywhere: 404.
    let (st, b) = profile(&api, &m, "twitch", "999999").await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{b}");

    // YouTube through its own API, same shape.
    ingest(
        &api,
        &m,
        "youtube",
        "UCyuki00000000000000000Y",
        "yuki",
        "konnichiwa",
    )
    .await;
    let (_, p) = profile(&api, &m, "youtube", "UCyuki00000000000000000Y").await;
    assert_eq!(p["enrichment_status"], "ok", "{p}");
    assert_eq!(p["enrichment"]["display_name"], "Yuki Tube");
    assert_eq!(p["enrichment"]["followers"], 4200);
    // Kick is not configured here: the profile still comes back, and says why not.
    ingest(&api, &m, "kick", "77", "kicker", "yo").await;
    let (st, p) = profile(&api, &m, "kick", "77").await;
    assert_eq!(st, StatusCode::OK, "{p}");
    assert_eq!(p["enrichment_status"], "not_configured", "{p}");
    assert_eq!(p["message_count"], 1);

    // GraphQL carries the same profile.
    let b = api
        .gql(
            Some(&m),
            "{ platformUserProfile(platform: \"twitch\", platformUserId: \"1001\") { username noteCount enrichmentStatus ban { state } enrichment { displayName } } }",
            json!({}),
        )
        .await;
    let g = &b["data"]["platformUserProfile"];
    assert_eq!(g["username"], "alice", "{b}");
    assert_eq!(g["noteCount"], 1);
    assert_eq!(g["enrichmentStatus"], "cached");
    assert_eq!(g["ban"]["state"], "banned");
    assert_eq!(g["enrichment"]["displayName"], "Real alice");
}

async fn a_failing_platform_opens_the_circuit_and_never_fails_the_request(
    s: &TestServer,
    fake: &Fake,
) {
    let api = Api::new(&s.url);
    connect(&api, fake, FOLLOWERS).await;
    let m = api.login("mod", "lumio-mod").await;
    for (id, name) in [("1002", "bea"), ("1003", "cy"), ("1004", "dee")] {
        ingest(&api, &m, "twitch", id, name, "hello").await;
    }
    fake.set_failing(true);
    // Two failures in a row (the threshold here) open the circuit …
    for id in ["1002", "1003"] {
        let (st, p) = profile(&api, &m, "twitch", id).await;
        assert_eq!(st, StatusCode::OK, "{p}");
        assert_eq!(p["enrichment_status"], "unavailable", "{p}");
        assert!(p["enrichment"].is_null());
        assert_eq!(p["message_count"], 1, "lumio's own data is still there");
    }
    assert_eq!(fake.hits(), 2);
    // … and while it is open the platform is not called at all.
    let (st, p) = profile(&api, &m, "twitch", "1004").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(p["enrichment_status"], "unavailable", "{p}");
    assert_eq!(fake.hits(), 2, "an open circuit makes no call");
    // Other platforms have their own circuits.
    ingest(
        &api,
        &m,
        "youtube",
        "UCokay0000000000000000OK",
        "okay",
        "fine here",
    )
    .await;
    fake.set_failing(false);
    let (_, p) = profile(&api, &m, "youtube", "UCokay0000000000000000OK").await;
    assert_eq!(p["enrichment_status"], "ok", "{p}");
    assert_eq!(fake.hits(), 3);

    // After the cool-down one call is let through; it succeeds and closes the circuit.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let (_, p) = profile(&api, &m, "twitch", "1004").await;
    assert_eq!(p["enrichment_status"], "ok", "{p}");
    assert_eq!(p["enrichment"]["username"], "user1004");
    let (_, p) = profile(&api, &m, "twitch", "1002").await;
    assert_eq!(p["enrichment_status"], "ok", "closed again: {p}");
    assert_eq!(fake.hits(), 5);
}

async fn follow(api: &Api, t: &str, platform: &str, id: &str) -> (StatusCode, Value) {
    api.call(
        Method::GET,
        &format!("/v1/chat/users/{platform}/{id}/follow-status"),
        Some(t),
        None,
    )
    .await
}

async fn follow_status_is_asked_once_and_remembered(s: &TestServer, fake: &Fake) {
    let api = Api::new(&s.url);
    connect(&api, fake, FOLLOWERS).await;
    let m = api.login("mod", "lumio-mod").await;
    ingest(&api, &m, "twitch", "1001", "alice", "hi").await;
    ingest(&api, &m, "twitch", "1005", "eve", "hey").await;

    let (st, f) = follow(&api, &m, "twitch", "1001").await;
    assert_eq!(st, StatusCode::OK, "{f}");
    assert_eq!(f["following"], true, "{f}");
    assert_eq!(f["followed_at"], "2022-05-24T22:22:08Z");
    assert_eq!(f["source"], "platform");
    assert_eq!(fake.hits(), 1);
    let (_, f) = follow(&api, &m, "twitch", "1001").await;
    assert_eq!(f["source"], "cached", "{f}");
    assert_eq!(f["following"], true);
    assert_eq!(fake.hits(), 1, "remembered, not asked again");

    let (_, f) = follow(&api, &m, "twitch", "1005").await;
    assert_eq!(f["following"], false, "{f}");
    assert!(f["followed_at"].is_null());

    // The profile shows what was learnt.
    let (_, p) = profile(&api, &m, "twitch", "1001").await;
    assert_eq!(p["follower"]["following"], true, "{p}");
    assert_eq!(p["follower"]["source"], "cached");

    // A platform down: the last known answer, marked unavailable; nothing known: null.
    fake.set_failing(true);
    ingest(&api, &m, "twitch", "1006", "fay", "hello").await;
    let (st, f) = follow(&api, &m, "twitch", "1006").await;
    assert_eq!(st, StatusCode::OK, "{f}");
    assert_eq!(f["source"], "unavailable", "{f}");
    assert!(f["following"].is_null(), "{f}");
    fake.set_failing(false);

    // Platforms without a follow API say so.
    ingest(&api, &m, "youtube", "UCx000000000000000000000", "x", "hi").await;
    let (_, f) = follow(&api, &m, "youtube", "UCx000000000000000000000").await;
    assert_eq!(f["source"], "not_supported", "{f}");
    assert!(f["following"].is_null());

    let b = api
        .gql(
            Some(&m),
            "{ followStatus(platform: \"twitch\", platformUserId: \"1001\") { following source } }",
            json!({}),
        )
        .await;
    assert_eq!(
        b["data"]["followStatus"],
        json!({"following": true, "source": "cached"}),
        "{b}"
    );
}

async fn bad_requests_are_refused(s: &TestServer, fake: &Fake) {
    let api = Api::new(&s.url);
    connect(&api, fake, FOLLOWERS).await;
    let m = api.login("mod", "lumio-mod").await;
    let viewer = api.login("viewer", "lumio-viewer").await;
    ingest(&api, &m, "twitch", "1001", "alice", "hi").await;

    let (st, b) = profile(&api, &m, "myspace", "1001").await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    assert!(
        b["error"]["message"].as_str().unwrap().contains("myspace"),
        "{b}"
    );
    // chat:userinfo is needed; a viewer only reads chat.
    for path in [
        "/v1/chat/users/twitch/1001",
        "/v1/chat/users/twitch/1001/follow-status",
    ] {
        let (st, b) = api.call(Method::GET, path, Some(&viewer), None).await;
        assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
        assert!(
            b["error"]["message"]
                .as_str()
                .unwrap()
                .contains("chat:userinfo"),
            "{b}"
        );
        let (st, _) = api.call(Method::GET, path, None, None).await;
        assert_eq!(st, StatusCode::UNAUTHORIZED);
    }
    let b = api
        .gql(
            Some(&viewer),
            "{ platformUserProfile(platform: \"twitch\", platformUserId: \"1001\") { username } }",
            json!({}),
        )
        .await;
    assert_eq!(common::gql_code(&b), "forbidden", "{b}");
    // None of this reached the platform.
    assert_eq!(fake.hits(), 0);
    // An id past the platform's limits is refused before anything is asked.
    let long = "9".repeat(300);
    let (st, b) = profile(&api, &m, "twitch", &long).await;
    assert!(st.is_client_error(), "{st} {b}");
    assert_eq!(fake.hits(), 0);
}

async fn twitch_is_asked_with_the_accounts_own_credential(s: &TestServer, fake: &Fake) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    ingest(&api, &m, "twitch", "1001", "alice", "hi").await;
    ingest(&api, &m, "twitch", "1007", "gus", "hi").await;

    // No Twitch channel connected: the profile says so, and Twitch is not asked.
    let (st, p) = profile(&api, &m, "twitch", "1001").await;
    assert_eq!(st, StatusCode::OK, "{p}");
    assert_eq!(p["enrichment_status"], "not_configured", "{p}");
    let (st, f) = follow(&api, &m, "twitch", "1001").await;
    assert_eq!(st, StatusCode::OK, "{f}");
    assert_eq!(f["source"], "not_configured", "{f}");
    assert_eq!(fake.hits(), 0);

    // Connected without `moderator:read:followers`: profiles work, follows name the scope.
    let pair = connect(&api, fake, &["user:read:chat"]).await;
    let (_, p) = profile(&api, &m, "twitch", "1001").await;
    assert_eq!(p["enrichment_status"], "ok", "{p}");
    assert_eq!(
        fake.bearers.lock().unwrap().last().cloned(),
        Some(format!("Bearer {}", pair.access_token)),
        "the broadcaster's own token"
    );
    let (st, b) = follow(&api, &m, "twitch", "1001").await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    let said = b["error"]["message"].as_str().unwrap();
    assert!(
        said.contains("`moderator:read:followers` not granted"),
        "{b}"
    );
    assert!(
        said.contains("lumio connect twitch --as broadcaster --scopes"),
        "{b}"
    );
    assert_eq!(fake.hits(), 1, "the follow was not asked");

    // A token Twitch refuses (401) is refreshed once, and the new one is used.
    let pair = connect(&api, fake, FOLLOWERS).await;
    fake.twitch.expire_token(&pair.access_token);
    let (_, p) = profile(&api, &m, "twitch", "1007").await;
    assert_eq!(p["enrichment_status"], "ok", "{p}");
    assert_eq!(p["enrichment"]["username"], "user1007");
    let bearers = fake.bearers.lock().unwrap().clone();
    let n = bearers.len();
    assert_eq!(bearers[n - 2], format!("Bearer {}", pair.access_token));
    assert_ne!(bearers[n - 1], bearers[n - 2]);
    assert!(fake
        .twitch
        .token_is_valid(bearers[n - 1].trim_start_matches("Bearer ")));
    let (st, f) = follow(&api, &m, "twitch", "1001").await;
    assert_eq!(st, StatusCode::OK, "{f}");
    assert_eq!(f["following"], true, "{f}");
    assert_eq!(
        fake.bearers.lock().unwrap().last(),
        Some(&bearers[n - 1]),
        "the refreshed token is kept"
    );
}
