//! Per-channel credentials and bot control on both backends, against lumio-testkit's fake
//! Twitch (its OAuth server at `LUMIO_TWITCH_AUTH_URL`, Helix at `LUMIO_TWITCH_API_URL`):
//! the device code grant and each RFC 8628 outcome, pasted tokens, tokens sealed at rest,
//! refresh before expiry and on a 401, a refused refresh → `needs_reauth` in bot status and
//! the list, the missing key refused, no token in any answer or log line, the permission
//! matrix, and seed 001's bot control (status, toggle, rejoin, botChannels, `bot_status`
//! live events).

#![allow(clippy::unwrap_used)]

#[path = "suite/common/mod.rs"]
mod common;

use common::twitch::account_of;

use std::sync::{Arc, Mutex, Once};
use std::time::Duration;

use common::{code, gql_code, ws_connect, Api};
use futures::StreamExt;
use lumio_server::bus::keys;
use lumio_server::connections::model::{Role, Token};
use lumio_server::connections::tokens::{self, CallError};
use lumio_server::testing::{TestServer, TEST_SYSTEM_KEY};
use lumio_testkit::twitch::FakeTwitch;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

async fn twitch() -> FakeTwitch {
    init_log_capture();
    FakeTwitch::start().await.unwrap()
}

backend_tests!(
    file = "connections", workers = false, with = twitch;
    device_code_connect_stores_sealed_tokens,
    device_code_denied_and_expired,
    pasted_tokens_are_validated_and_bound_to_their_channel,
    tokens_refresh_before_expiry_and_once_on_a_401,
    a_refused_refresh_needs_reauth_everywhere,
    a_missing_key_is_refused_by_name,
    no_token_in_any_answer_or_log_line,
    permissions_and_other_accounts,
    bot_control_as_seed_001_names_it,
    bot_channels_is_a_system_query
);

// ----- log capture ----------------------------------------------------------------------------

/// Every log line of this test binary (all levels of lumio_server and tower_http).
fn log_lines() -> Arc<Mutex<Vec<u8>>> {
    static LOG: std::sync::OnceLock<Arc<Mutex<Vec<u8>>>> = std::sync::OnceLock::new();
    LOG.get_or_init(Default::default).clone()
}

struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn init_log_capture() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let log = log_lines();
        let _ = tracing_subscriber::fmt()
            .with_env_filter("lumio_server=trace,tower_http=trace,info")
            .with_writer(move || Capture(log.clone()))
            .with_ansi(false)
            .try_init();
    });
}

fn log_text() -> String {
    String::from_utf8_lossy(&log_lines().lock().unwrap()).into_owned()
}

// ----- helpers --------------------------------------------------------------------------------

const QUERY_CONNECTIONS: &str = "{ channelConnections { id platform channelName channelId \
    botEnabled credentials { id role userId login scopes expiresAt status statusReason } } }";

async fn owner(api: &Api) -> String {
    api.login("owner", "lumio-owner").await
}

/// Connect with pasted tokens; the connection.
async fn paste(api: &Api, token: &str, body: Value) -> (StatusCode, Value) {
    api.call(
        Method::POST,
        "/v1/connections/twitch/tokens",
        Some(token),
        Some(body),
    )
    .await
}

fn credential<'a>(conns: &'a Value, channel: &str, role: &str) -> &'a Value {
    conns
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["channel_name"] == channel)
        .and_then(|c| {
            c["credentials"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["role"] == role)
        })
        .unwrap_or_else(|| panic!("no {role} credential on {channel}: {conns}"))
}

async fn list(api: &Api, token: &str) -> Value {
    let (st, body) = api
        .call(Method::GET, "/v1/connections", Some(token), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    body
}

/// The raw sealed columns of a credential.
async fn raw_row(s: &TestServer, id: Uuid) -> (Vec<u8>, Option<Vec<u8>>) {
    let row = (s.state.db.credentials().get(id).await)
        .unwrap()
        .expect("the credential's row");
    (row.access_token, row.refresh_token)
}

/// Make the stored expiry `secs` from now (the token itself is untouched at Twitch).
async fn set_expiry(s: &TestServer, id: Uuid, secs: i64) {
    let at = lumio_server::store::now() + chrono::Duration::seconds(secs);
    lumio_server::testing::raw::set_credential_expiry(&s.state.db, id, at).await;
}

async fn post(api: &Api, token: &str, path: &str, body: Value) -> (StatusCode, Value) {
    api.call(Method::POST, path, Some(token), Some(body)).await
}

async fn delete(api: &Api, token: &str, path: &str) -> (StatusCode, Value) {
    api.call(Method::DELETE, path, Some(token), None).await
}

async fn poll(api: &Api, token: &str, flow_id: &str) -> (StatusCode, Value) {
    let path = format!("/v1/connections/twitch/device/{flow_id}/poll");
    api.call(Method::POST, &path, Some(token), None).await
}

/// The next bot action published on a subscribed `lumio:bot:action:…` channel.
async fn next_action(bot: &mut lumio_server::bus::Subscription) -> Value {
    let raw = tokio::time::timeout(Duration::from_secs(10), bot.next())
        .await
        .unwrap()
        .unwrap();
    serde_json::from_str(&raw).unwrap()
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// One Helix call with the token: `GET /users` (the caller).
async fn helix_me(fake: &FakeTwitch, t: tokens::AccessToken) -> Result<String, CallError> {
    let r = reqwest::Client::new()
        .get(format!("{}/users", fake.helix_url()))
        .bearer_auth(t.token.expose())
        .header("Client-Id", fake.client_id())
        .send()
        .await
        .unwrap();
    match r.status().as_u16() {
        200 => Ok(r.json::<Value>().await.unwrap()["data"][0]["login"]
            .as_str()
            .unwrap()
            .to_string()),
        401 => Err(CallError::Unauthorized),
        other => panic!("helix answered {other}"),
    }
}

// ----- device code ----------------------------------------------------------------------------

async fn device_code_connect_stores_sealed_tokens(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = owner(&api).await;
    let (st, flow) = api
        .call(
            Method::POST,
            "/v1/connections/twitch/device",
            Some(&t),
            Some(json!({"scopes": ["moderator:manage:banned_users", "user:write:chat"]})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{flow}");
    let flow_id = flow["flow_id"].as_str().unwrap().to_string();
    let user_code = flow["user_code"].as_str().unwrap().to_string();
    assert!(flow["verification_uri"]
        .as_str()
        .unwrap()
        .contains(&user_code));
    assert_eq!(flow["interval"], 5);
    assert_eq!(flow["role"], "broadcaster");
    let poll = format!("/v1/connections/twitch/device/{flow_id}/poll");

    // authorization_pending, then slow_down when polled again at once (the interval grows).
    let (st, p) = api.call(Method::POST, &poll, Some(&t), None).await;
    assert_eq!(st, StatusCode::OK, "{p}");
    assert_eq!(p["status"], "pending", "{p}");
    let (_, p) = api.call(Method::POST, &poll, Some(&t), None).await;
    assert_eq!(p["status"], "slow_down", "{p}");
    assert_eq!(p["interval"], 10, "{p}");

    // Approved on "Twitch": the next poll stores the tokens.
    assert!(fake.approve_device(&user_code, &fake.broadcaster.id));
    let (st, p) = api.call(Method::POST, &poll, Some(&t), None).await;
    assert_eq!(st, StatusCode::OK, "{p}");
    assert_eq!(p["status"], "connected", "{p}");
    let conn = &p["connection"];
    assert_eq!(conn["channel_name"], "lumio_demo");
    assert_eq!(conn["channel_id"], fake.broadcaster.id);
    let cred = &conn["credentials"][0];
    assert_eq!(cred["role"], "broadcaster");
    assert_eq!(cred["login"], "lumio_demo");
    assert_eq!(cred["status"], "ok");
    assert_eq!(
        cred["scopes"],
        json!(["moderator:manage:banned_users", "user:write:chat"])
    );
    assert!(cred["expires_at"].is_string());
    // The flow is finished.
    let (st, e) = api.call(Method::POST, &poll, Some(&t), None).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{e}");

    // Sealed at rest: neither token is in the row, and the row opens only as itself.
    let id: Uuid = cred["id"].as_str().unwrap().parse().unwrap();
    let token = tokens::access_token(&s.state, id).await.unwrap();
    assert!(fake.token_is_valid(token.token.expose()));
    assert_eq!(
        helix_me(fake, token.clone()).await.ok().unwrap(),
        "lumio_demo"
    );
    let (access, refresh) = raw_row(s, id).await;
    let refresh = refresh.expect("a refresh token is stored");
    assert!(!contains(&access, token.token.expose()));
    assert_eq!(access[0], 1, "format version");
    assert_eq!(access[1], s.state.config.secret_key.as_ref().unwrap().id());
    let key = s.state.config.secret_key.as_ref().unwrap();
    use lumio_server::connections::crypto::aad;
    assert_eq!(
        key.open(&access, &aad(id, "access_token")).unwrap(),
        token.token.expose()
    );
    assert!(key
        .open(&access, &aad(Uuid::new_v4(), "access_token"))
        .is_err());
    assert!(key.open(&refresh, &aad(id, "access_token")).is_err());
    let refresh_plain = key.open(&refresh, &aad(id, "refresh_token")).unwrap();
    assert!(!contains(&refresh, &refresh_plain));

    // The list shows the credential, never a token.
    let l = list(&api, &t).await;
    assert_eq!(
        credential(&l, "lumio_demo", "broadcaster")["id"],
        cred["id"]
    );
    let text = l.to_string();
    assert!(!text.contains(token.token.expose()) && !text.contains(&refresh_plain));
}

async fn device_code_denied_and_expired(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = owner(&api).await;
    for (outcome, act) in [("denied", 0), ("expired", 1)] {
        let (_, flow) = api
            .call(
                Method::POST,
                "/v1/connections/twitch/device",
                Some(&t),
                Some(json!({})),
            )
            .await;
        let code = flow["user_code"].as_str().unwrap();
        // Default scopes for a broadcaster.
        assert!(flow["scopes"]
            .as_array()
            .unwrap()
            .contains(&json!("moderator:manage:banned_users")));
        if act == 0 {
            assert!(fake.deny_device(code));
        } else {
            assert!(fake.expire_device(code));
        }
        let poll = format!(
            "/v1/connections/twitch/device/{}/poll",
            flow["flow_id"].as_str().unwrap()
        );
        let (st, p) = api.call(Method::POST, &poll, Some(&t), None).await;
        assert_eq!(st, StatusCode::OK, "{p}");
        assert_eq!(p["status"], outcome, "{p}");
        assert!(p["connection"].is_null());
        let (st, _) = api.call(Method::POST, &poll, Some(&t), None).await;
        assert_eq!(st, StatusCode::NOT_FOUND, "a finished flow is gone");
    }
    // Nothing was stored.
    let l = list(&api, &t).await;
    assert!(l
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["credentials"].as_array().unwrap().is_empty()));
    // GraphQL: the same flow.
    let g = api
        .gql(
            Some(&t),
            "mutation { startTwitchConnect(role: BOT, channel: \"lumio_demo\") { flowId userCode role scopes } }",
            json!({}),
        )
        .await;
    let f = &g["data"]["startTwitchConnect"];
    assert_eq!(f["role"], "BOT", "{g}");
    assert!(f["scopes"].as_array().unwrap().contains(&json!("user:bot")));
    assert!(fake.approve_device(f["userCode"].as_str().unwrap(), &fake.bot.id));
    let g = api
        .gql(
            Some(&t),
            "mutation($f: UUID!) { pollTwitchConnect(flowId: $f) { status connection { channelName credentials { role login } } } }",
            json!({"f": f["flowId"]}),
        )
        .await;
    let p = &g["data"]["pollTwitchConnect"];
    assert_eq!(p["status"], "CONNECTED", "{g}");
    assert_eq!(p["connection"]["channelName"], "lumio_demo");
    assert_eq!(
        p["connection"]["credentials"][0],
        json!({"role": "BOT", "login": "lumio_bot"})
    );
    // A bad scope is a 400 naming the field.
    let (st, e) = api
        .call(
            Method::POST,
            "/v1/connections/twitch/device",
            Some(&t),
            Some(json!({"scopes": ["Not A Scope"]})),
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{e}");
    assert!(e["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("scopes"));
}

async fn pasted_tokens_are_validated_and_bound_to_their_channel(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = owner(&api).await;
    let pair = fake.issue_user_token(&fake.bot.id, &["user:bot", "user:write:chat"]);
    let (st, c) = paste(
        &api,
        &t,
        json!({"access_token": pair.access_token, "refresh_token": pair.refresh_token,
            "role": "bot", "channel": "lumio_demo"}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{c}");
    assert_eq!(c["channel_name"], "lumio_demo");
    let cred = &c["credentials"][0];
    assert_eq!(cred["role"], "bot");
    assert_eq!(cred["login"], "lumio_bot");
    assert_eq!(cred["user_id"], fake.bot.id);
    assert_eq!(cred["scopes"], json!(["user:bot", "user:write:chat"]));
    // `oauth:` prefixes (chat tools print them) are accepted; a bad token is a 422.
    let own = fake.issue_user_token(&fake.broadcaster.id, &["channel:bot"]);
    let (st, c) = paste(
        &api,
        &t,
        json!({"access_token": format!("oauth:{}", own.access_token)}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{c}");
    assert_eq!(
        credential(&list(&api, &t).await, "lumio_demo", "broadcaster")["login"],
        "lumio_demo"
    );
    let (st, e) = paste(&api, &t, json!({"access_token": "notavalidtoken"})).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(e["error"]["message"]
        .as_str()
        .unwrap()
        .starts_with("access_token"));
    // A broadcaster token acts on its own channel only.
    let (st, e) = paste(
        &api,
        &t,
        json!({"access_token": own.access_token, "channel": "someone_else"}),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
    assert!(e["error"]["message"]
        .as_str()
        .unwrap()
        .contains("lumio_demo"));
    // Unknown fields and bad channel names are 400s.
    let (st, _) = paste(&api, &t, json!({"access_token": "x", "token": "y"})).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    let (st, e) = paste(
        &api,
        &t,
        json!({"access_token": own.access_token, "role": "bot", "channel": "no spaces!"}),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{e}");
    // GraphQL.
    let g = api
        .gql(
            Some(&t),
            "mutation($a: String!) { connectTwitchToken(accessToken: $a, role: BOT, channel: \"lumio_demo\") { channelName credentials { role login } } }",
            json!({"a": fake.issue_user_token(&fake.bot.id, &["user:bot"]).access_token}),
        )
        .await;
    assert_eq!(
        g["data"]["connectTwitchToken"]["channelName"], "lumio_demo",
        "{g}"
    );
}

async fn connect_bot(s: &TestServer, fake: &FakeTwitch, api: &Api, t: &str) -> (Uuid, String) {
    let pair = fake.issue_user_token(&fake.bot.id, &["user:bot", "user:write:chat"]);
    let (st, c) = paste(
        api,
        t,
        json!({"access_token": pair.access_token, "refresh_token": pair.refresh_token,
            "role": "bot", "channel": "lumio_demo"}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{c}");
    let _ = s;
    (
        c["credentials"][0]["id"].as_str().unwrap().parse().unwrap(),
        pair.access_token,
    )
}

async fn tokens_refresh_before_expiry_and_once_on_a_401(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = owner(&api).await;
    let (id, first) = connect_bot(s, fake, &api, &t).await;
    // Far from expiry: the stored token as is, no call to Twitch.
    fake.clear_calls();
    let tok = tokens::access_token(&s.state, id).await.unwrap();
    assert_eq!(tok.token.expose(), first);
    assert!(fake.calls().is_empty());
    // Within the margin: refreshed first.
    set_expiry(s, id, 60).await;
    let tok = tokens::access_token(&s.state, id).await.unwrap();
    assert_ne!(tok.token.expose(), first);
    assert!(fake.token_is_valid(tok.token.expose()));
    let refreshes = |fake: &FakeTwitch| {
        fake.calls()
            .iter()
            .filter(|c| c.path == "/oauth2/token" && c.body.contains("grant_type=refresh_token"))
            .count()
    };
    assert_eq!(refreshes(fake), 1);
    assert!(tok.expires_at.unwrap() > chrono::Utc::now() + chrono::Duration::hours(3));
    // Concurrent callers share one refresh.
    set_expiry(s, id, 10).await;
    let (a, b) = tokio::join!(
        tokens::access_token(&s.state, id),
        tokens::access_token(&s.state, id)
    );
    assert_eq!(a.unwrap().token, b.unwrap().token);
    assert_eq!(refreshes(fake), 2);

    // A 401 (Twitch expired it early): refreshed once, the call made again.
    let current = tokens::access_token(&s.state, id).await.unwrap();
    fake.expire_token(current.token.expose());
    let login = tokens::with_token(&s.state, id, |tok| helix_me(fake, tok))
        .await
        .unwrap();
    assert_eq!(login, "lumio_bot");
    assert_eq!(refreshes(fake), 3);
    let after = tokens::access_token(&s.state, id).await.unwrap();
    assert_ne!(after.token, current.token);
    // Missing scopes are named with the command that grants them.
    let e = tokens::require_scopes(&after, &["moderator:manage:banned_users"]).unwrap_err();
    assert!(
        e.to_string().starts_with(
            "`moderator:manage:banned_users` not granted to lumio_bot on Twitch; run `lumio \
             connect twitch --as bot --scopes moderator:manage:banned_users,user:bot,user:write:chat`"
        ),
        "{e}"
    );
    let found = tokens::credential_for(
        &s.state,
        account_of(s, "demo").await,
        "lumio_demo",
        Role::Bot,
    )
    .await
    .unwrap();
    assert_eq!(found, Some(id));
}

async fn a_refused_refresh_needs_reauth_everywhere(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = owner(&api).await;
    let (id, access) = connect_bot(s, fake, &api, &t).await;
    let account = account_of(s, "demo").await;
    let mut ws = ws_connect(&s.url, &t, "").await;
    // Revoked on Twitch (the refresh token goes with it), then due for a refresh.
    fake.revoke_token(&access);
    set_expiry(s, id, 30).await;
    let e = tokens::access_token(&s.state, id).await.unwrap_err();
    assert_eq!(e.status(), StatusCode::CONFLICT);
    assert!(
        e.to_string().contains("lumio connect twitch --as bot"),
        "{e}"
    );
    assert!(e.to_string().contains("Invalid refresh token"), "{e}");
    // Marked once; later calls do not ask Twitch again.
    fake.clear_calls();
    assert!(tokens::access_token(&s.state, id).await.is_err());
    assert!(fake.calls().is_empty());

    let cred = credential(&list(&api, &t).await, "lumio_demo", "bot").clone();
    assert_eq!(cred["status"], "needs_reauth");
    assert!(cred["status_reason"]
        .as_str()
        .unwrap()
        .contains("refused to refresh"));
    let (_, status) = api
        .call(Method::GET, "/v1/bot-status", Some(&t), None)
        .await;
    let tw = &status[0];
    assert_eq!(tw["platform"], "twitch");
    assert_eq!(tw["status"], "needs_reauth", "{status}");
    assert_eq!(tw["label"], "Needs Reauth");
    assert_eq!(tw["channels"][0]["credential_status"], "needs_reauth");
    let g = api
        .gql(
            Some(&t),
            "{ botStatus { platform status label } }",
            json!({}),
        )
        .await;
    assert_eq!(g["data"]["botStatus"][0]["status"], "NEEDS_REAUTH", "{g}");
    // Subscribers with bot-connections:read were told.
    let ev = common::next_event(&mut ws).await;
    assert_eq!(ev["type"], "bot_status", "{ev}");
    assert_eq!(ev["status"], "needs_reauth");
    // Connecting again clears it.
    let (id2, _) = connect_bot(s, fake, &api, &t).await;
    assert_eq!(id2, id, "the same row, new tokens");
    assert!(tokens::access_token(&s.state, id).await.is_ok());
    let _ = account;
}

async fn a_missing_key_is_refused_by_name(s: &TestServer, fake: &FakeTwitch) {
    // The same server without LUMIO_SECRET_KEY: a second server on the same database.
    let mut config = (*s.state.config).clone();
    config.secret_key = None;
    let state = lumio_server::state::AppState::connect(config)
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(lumio_server::app::serve(
        listener,
        state,
        std::future::pending(),
    ));
    let api = Api::new(&url);
    let t = owner(&api).await;
    let pair = fake.issue_user_token(&fake.broadcaster.id, &["channel:bot"]);
    let (st, e) = paste(&api, &t, json!({"access_token": pair.access_token})).await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{e}");
    assert_eq!(code(&e), "unavailable");
    assert!(e["error"]["message"]
        .as_str()
        .unwrap()
        .contains("LUMIO_SECRET_KEY"));
    let (st, e) = api
        .call(
            Method::POST,
            "/v1/connections/twitch/device",
            Some(&t),
            Some(json!({})),
        )
        .await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{e}");
    assert!(e.to_string().contains("LUMIO_SECRET_KEY"));
    // Nothing was asked of Twitch, nothing stored.
    assert!(!fake.calls().iter().any(|c| c.path == "/oauth2/device"));
    assert!(list(&api, &t)
        .await
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["credentials"].as_array().unwrap().is_empty()));
    server.abort();
}

async fn no_token_in_any_answer_or_log_line(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = owner(&api).await;
    let mut answers: Vec<String> = Vec::new();
    let pair = fake.issue_user_token(&fake.bot.id, &["user:bot"]);
    let (_, c) = paste(
        &api,
        &t,
        json!({"access_token": pair.access_token, "refresh_token": pair.refresh_token,
            "role": "bot", "channel": "lumio_demo"}),
    )
    .await;
    answers.push(c.to_string());
    let id: Uuid = c["credentials"][0]["id"].as_str().unwrap().parse().unwrap();
    // A refresh (new tokens), a device code connect, and every read.
    set_expiry(s, id, 1).await;
    let fresh = tokens::access_token(&s.state, id).await.unwrap();
    let (_, flow) = api
        .call(
            Method::POST,
            "/v1/connections/twitch/device",
            Some(&t),
            Some(json!({})),
        )
        .await;
    answers.push(flow.to_string());
    fake.approve_device(flow["user_code"].as_str().unwrap(), &fake.broadcaster.id);
    let (_, p) = poll(&api, &t, flow["flow_id"].as_str().unwrap()).await;
    answers.push(p.to_string());
    let broadcaster_cred: Uuid = p["connection"]["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["role"] == "broadcaster")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let own = tokens::access_token(&s.state, broadcaster_cred)
        .await
        .unwrap();
    for path in ["/v1/connections", "/v1/bot-status"] {
        answers.push(
            api.call(Method::GET, path, Some(&t), None)
                .await
                .1
                .to_string(),
        );
    }
    answers.push(
        api.gql(Some(&t), QUERY_CONNECTIONS, json!({}))
            .await
            .to_string(),
    );
    answers.push(
        api.gql(Some(&t), "{ botStatus { platform status channels { channelName credentialStatus statusReason } } }", json!({}))
            .await
            .to_string(),
    );
    // An error answer that quotes input.
    answers.push(
        paste(
            &api,
            &t,
            json!({"access_token": format!("{}x", pair.access_token)}),
        )
        .await
        .1
        .to_string(),
    );
    answers.push(
        delete(
            &api,
            &t,
            &format!("/v1/connections/{}?role=bot", c["id"].as_str().unwrap()),
        )
        .await
        .1
        .to_string(),
    );
    let secrets = [
        pair.access_token.as_str(),
        pair.refresh_token.as_str(),
        fresh.token.expose(),
        own.token.expose(),
    ];
    let log = log_text();
    for secret in secrets {
        for a in &answers {
            assert!(!a.contains(secret), "a token in an answer: {a}");
        }
        assert!(!log.contains(secret), "a token in the log");
    }
    assert!(
        log.contains("twitch credential stored"),
        "the log is captured"
    );
    // The removed bot token was revoked at Twitch; the token's Debug is redacted.
    assert!(!fake.token_is_valid(fresh.token.expose()));
    assert_eq!(format!("{:?}", Token::new("abc")), "Token(…)");
}

async fn permissions_and_other_accounts(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = owner(&api).await;
    let (id, _) = connect_bot(s, fake, &api, &t).await;
    let conn_id = list(&api, &t)
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["channel_name"] == "lumio_demo")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let _ = id;
    let calls: Vec<(Method, String, Option<Value>, &str)> = vec![
        (
            Method::GET,
            "/v1/connections".into(),
            None,
            "bot-connections:read",
        ),
        (
            Method::GET,
            "/v1/bot-status".into(),
            None,
            "bot-connections:read",
        ),
        (
            Method::POST,
            "/v1/connections/twitch/device".into(),
            Some(json!({})),
            "bot-connections:create",
        ),
        (
            Method::POST,
            "/v1/connections/twitch/tokens".into(),
            Some(json!({"access_token": "x"})),
            "bot-connections:create",
        ),
        (
            Method::POST,
            "/v1/bot-toggle".into(),
            Some(json!({"platform": "twitch", "enabled": true})),
            "bot-connections:create",
        ),
        (
            Method::POST,
            "/v1/bot-rejoin".into(),
            Some(json!({"platform": "twitch"})),
            "bot-connections:create",
        ),
        (
            Method::DELETE,
            format!("/v1/connections/{conn_id}"),
            None,
            "bot-connections:delete",
        ),
    ];
    for user in [("viewer", "lumio-viewer"), ("mod", "lumio-mod")] {
        let u = api.login(user.0, user.1).await;
        for (m, path, body, perm) in &calls {
            let (st, e) = api.call(m.clone(), path, Some(&u), body.clone()).await;
            assert_eq!(st, StatusCode::FORBIDDEN, "{} {m} {path}: {e}", user.0);
            assert_eq!(e["error"]["permission"], *perm, "{path}");
        }
        let g = api
            .gql(Some(&u), "{ botStatus { platform } }", json!({}))
            .await;
        assert_eq!(gql_code(&g), "forbidden");
    }
    for (m, path, body, _) in &calls {
        let (st, _) = api.call(m.clone(), path, None, body.clone()).await;
        assert_eq!(st, StatusCode::UNAUTHORIZED, "{path}");
    }
    // The editor role holds all three.
    let ed = api.login("editor", "lumio-editor").await;
    let (st, l) = api
        .call(Method::GET, "/v1/connections", Some(&ed), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{l}");
    // Another account's connection is "not found" and named nowhere.
    let other = account_of(s, "other").await;
    let theirs = lumio_server::chatter::connections::upsert(
        &s.state,
        other,
        lumio_server::platforms::Platform::Twitch,
        "secret_channel",
        None,
    )
    .await
    .unwrap();
    let (st, e) = delete(&api, &t, &format!("/v1/connections/{}", theirs.id)).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{e}");
    assert!(!e.to_string().contains("secret_channel"));
    assert!(!list(&api, &t).await.to_string().contains("secret_channel"));
    let om = api.login("othermod", "lumio-othermod").await;
    let (st, _) = api
        .call(Method::GET, "/v1/connections", Some(&om), None)
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    // Another user's device flow is "not found".
    let (_, flow) = api
        .call(
            Method::POST,
            "/v1/connections/twitch/device",
            Some(&t),
            Some(json!({})),
        )
        .await;
    let (st, _) = poll(&api, &ed, flow["flow_id"].as_str().unwrap()).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    // Removing one credential, then the connection (the editor may delete).
    let (st, r) = delete(&api, &ed, &format!("/v1/connections/{conn_id}?role=bot")).await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["credentials_removed"], 1);
    assert_eq!(r["connection_removed"], false);
    let (st, _) = delete(&api, &ed, &format!("/v1/connections/{conn_id}?role=bot")).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, r) = delete(&api, &ed, &format!("/v1/connections/{conn_id}")).await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["connection_removed"], true);
    let (_, status) = api
        .call(Method::GET, "/v1/bot-status", Some(&t), None)
        .await;
    assert_eq!(status[0]["status"], "no_connection", "{status}");
    let (st, _) = delete(&api, &t, "/v1/connections/not-a-uuid").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
}

async fn bot_control_as_seed_001_names_it(s: &TestServer, _fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = owner(&api).await;
    let account = account_of(s, "demo").await;
    let (_, status) = api
        .call(Method::GET, "/v1/bot-status", Some(&t), None)
        .await;
    let platforms: Vec<&str> = status
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["platform"].as_str().unwrap())
        .collect();
    assert_eq!(platforms, ["twitch", "youtube", "kick", "trovo", "discord"]);
    assert!(
        status
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["status"] == "active"),
        "{status}"
    );
    assert_eq!(status[0]["label"], "Active");

    let mut bot = s
        .bus()
        .subscribe(&keys::bot_action("twitch", account))
        .await
        .unwrap();
    let mut owner_ws = ws_connect(&s.url, &t, "").await;
    let m = api.login("mod", "lumio-mod").await;
    let mut mod_ws = ws_connect(&s.url, &m, "").await;

    // Pause over GraphQL: bot_enabled is false, the bot hears bot_leave after the commit.
    let g = api
        .gql(
            Some(&t),
            "mutation { toggleBotForPlatform(platform: \"twitch\", enabled: false) { action channel bot { platform status label channels { channelName botEnabled } } } }",
            json!({}),
        )
        .await;
    let r = &g["data"]["toggleBotForPlatform"];
    assert_eq!(r["action"], "bot_leave", "{g}");
    assert_eq!(r["bot"]["status"], "PAUSED");
    assert_eq!(r["bot"]["label"], "Paused");
    assert_eq!(r["channel"], format!("lumio:bot:action:twitch:{account}"));
    let msg = next_action(&mut bot).await;
    assert_eq!(msg["action"], "bot_leave");
    assert_eq!(msg["account_id"], account.to_string());
    assert_eq!(msg["channels"], json!(["lumio_demo"]));
    let ev = common::next_event(&mut owner_ws).await;
    assert_eq!(ev["type"], "bot_status", "{ev}");
    assert_eq!(ev["status"], "paused");
    assert_eq!(ev["platform"], "twitch");

    // A paused bot does not rejoin; resumed over REST it does.
    let (st, e) = post(&api, &t, "/v1/bot-rejoin", json!({"platform": "twitch"})).await;
    assert_eq!(st, StatusCode::CONFLICT, "{e}");
    let (st, r) = post(
        &api,
        &t,
        "/v1/bot-toggle",
        json!({"platform": "Twitch", "enabled": true}),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["action"], "bot_join");
    assert_eq!(r["bot"]["status"], "active");
    let msg = next_action(&mut bot).await;
    assert_eq!(msg["action"], "bot_join");
    let (st, r) = post(&api, &t, "/v1/bot-rejoin", json!({"platform": "twitch"})).await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["action"], "bot_join");
    let msg = next_action(&mut bot).await;
    assert_eq!(msg["action"], "bot_join");
    let g = api
        .gql(
            Some(&t),
            "mutation { rejoinBot(platform: \"kick\") { action bot { status } } }",
            json!({}),
        )
        .await;
    assert_eq!(g["data"]["rejoinBot"]["action"], "bot_join", "{g}");

    // Bad input.
    let (st, e) = post(
        &api,
        &t,
        "/v1/bot-toggle",
        json!({"platform": "myspace", "enabled": true}),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{e}");
    let (st, _) = post(&api, &t, "/v1/bot-toggle", json!({"platform": "twitch"})).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    // A platform without a connection.
    let kick = list(&api, &t)
        .await
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["platform"] == "kick")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (st, _) = delete(&api, &t, &format!("/v1/connections/{kick}")).await;
    assert_eq!(st, StatusCode::OK);
    let (st, e) = post(
        &api,
        &t,
        "/v1/bot-toggle",
        json!({"platform": "kick", "enabled": false}),
    )
    .await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{e}");
    let (_, status) = api
        .call(Method::GET, "/v1/bot-status", Some(&t), None)
        .await;
    assert_eq!(status[2]["status"], "no_connection");
    assert_eq!(status[2]["label"], "No Connection");

    // The moderator (chat:read, not bot-connections:read) never got a bot_status event: the
    // next event it sees is a chat message sent after all of the above.
    let (st, _) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(&m),
            Some(json!({"platform": "twitch", "channel_name": "lumio_demo", "user_id": "12345", "username": "someone", "message": "hello"})),
        )
        .await;
    assert!(st.is_success(), "{st}");
    let ev = common::next_event(&mut mod_ws).await;
    assert_eq!(ev["type"], "message", "{ev}");
}

async fn bot_channels_is_a_system_query(s: &TestServer, _fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = owner(&api).await;
    let account = account_of(s, "demo").await;
    let (st, chans) = api
        .call(
            Method::GET,
            "/v1/bot-channels?platform=twitch",
            Some(TEST_SYSTEM_KEY),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{chans}");
    assert_eq!(chans[0]["account_id"], account.to_string());
    assert_eq!(chans[0]["channel_name"], "lumio_demo");
    let (st, _) = api
        .call(
            Method::GET,
            "/v1/bot-channels?platform=twitch",
            Some(&t),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    let (st, _) = api
        .call(Method::GET, "/v1/bot-channels?platform=twitch", None, None)
        .await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    let (st, _) = api
        .call(
            Method::GET,
            "/v1/bot-channels?platform=nope",
            Some(TEST_SYSTEM_KEY),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    // Paused channels are left out.
    post(
        &api,
        &t,
        "/v1/bot-toggle",
        json!({"platform": "twitch", "enabled": false}),
    )
    .await;
    let g = api
        .gql(
            Some(TEST_SYSTEM_KEY),
            "{ botChannels(platform: \"twitch\") { accountId channelName } }",
            json!({}),
        )
        .await;
    assert_eq!(g["data"]["botChannels"], json!([]), "{g}");
    let g = api
        .gql(
            Some(TEST_SYSTEM_KEY),
            "{ botChannels(platform: \"youtube\") { accountId channelName } }",
            json!({}),
        )
        .await;
    assert_eq!(
        g["data"]["botChannels"][0]["channelName"], "LumioDemo",
        "{g}"
    );
    let g = api
        .gql(
            Some(&t),
            "{ botChannels(platform: \"twitch\") { channelName } }",
            json!({}),
        )
        .await;
    assert_eq!(gql_code(&g), "forbidden");
}
