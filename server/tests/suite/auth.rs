//! Auth hardening (issue 12) on both backends: token management needs a session or the
//! `auth:tokens` scope and never mints a token that outlives its parent; the `Bearer` scheme
//! in any letter case; the login throttle counts per client address and username; a login
//! with a huge or poisoned username is refused before it reaches the bus or the database.
//!
//! The servers here sit "behind a proxy": 127.0.0.1 is a trusted proxy, so a test can speak
//! for several client addresses with `X-Forwarded-For`.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::{code, Api};
use lumio_server::config::Config;
use lumio_server::testing::TestServer;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// Trusts X-Forwarded-For from 127.0.0.1 (the tests' own address).
pub struct BehindProxy;

impl common::Fake for BehindProxy {
    fn configure(&self, c: &mut Config) {
        c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
    }
}

async fn behind_proxy() -> BehindProxy {
    BehindProxy
}

backend_tests!(
    file = "auth", workers = true, with = behind_proxy;
    managing_tokens_needs_a_session_or_the_tokens_scope,
    a_token_never_mints_one_that_outlives_it,
    the_bearer_scheme_is_case_insensitive,
    an_attacker_cannot_lock_a_moderator_out,
    the_throttle_believes_only_trusted_proxies,
    huge_or_poisoned_logins_touch_nothing,
);

async fn create(api: &Api, token: &str, body: Value) -> (StatusCode, Value) {
    api.call(Method::POST, "/v1/auth/tokens", Some(token), Some(body))
        .await
}

async fn managing_tokens_needs_a_session_or_the_tokens_scope(s: &TestServer, _: &BehindProxy) {
    let api = Api::new(&s.url);
    let session = api.login("mod", "lumio-mod").await;
    let (st, ro) = create(
        &api,
        &session,
        json!({"name": "reader", "permissions": ["chat:read"]}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{ro}");
    let ro = ro["token"].as_str().unwrap().to_string();
    let (_, list) = api
        .call(Method::GET, "/v1/auth/tokens", Some(&session), None)
        .await;
    let session_id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == "session")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    // A chat:read token can neither list, create nor revoke tokens: 403 naming the scope.
    let (st, b) = api
        .call(Method::GET, "/v1/auth/tokens", Some(&ro), None)
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    assert_eq!(b["error"]["permission"], "auth:tokens");
    let (st, b) = create(
        &api,
        &ro,
        json!({"name": "x", "permissions": ["chat:read"]}),
    )
    .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    let (st, b) = api
        .call(
            Method::DELETE,
            &format!("/v1/auth/tokens/{session_id}"),
            Some(&ro),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    let b = api.gql(Some(&ro), "{ apiTokens { id } }", json!({})).await;
    assert_eq!(common::gql_code(&b), "forbidden", "{b}");
    // The session it tried to revoke still works.
    let (st, _) = api
        .call(Method::GET, "/v1/auth/me", Some(&session), None)
        .await;
    assert_eq!(st, StatusCode::OK);

    // A token created with auth:tokens may manage tokens; it can grant only what it holds.
    let (st, admin) = create(
        &api,
        &session,
        json!({"name": "ci admin", "permissions": ["auth:tokens", "chat:read"], "expires_in_days": 1}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{admin}");
    let admin = admin["token"].as_str().unwrap().to_string();
    let (st, list) = api
        .call(Method::GET, "/v1/auth/tokens", Some(&admin), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{list}");
    let (st, b) = create(
        &api,
        &admin,
        json!({"name": "x", "permissions": ["chat:ban"]}),
    )
    .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    let (st, b) = create(
        &api,
        &admin,
        json!({"name": "x", "permissions": ["chat:read"]}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");

    // Any token may end itself.
    let (st, _) = api
        .call(Method::POST, "/v1/auth/logout", Some(&ro), None)
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, _) = api.call(Method::GET, "/v1/auth/me", Some(&ro), None).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    // auth:tokens is never part of a role: the owner's account permissions lack it.
    let (_, me) = api
        .call(Method::GET, "/v1/auth/me", Some(&session), None)
        .await;
    assert!(!me.to_string().contains("auth:tokens"), "{me}");
}

async fn a_token_never_mints_one_that_outlives_it(s: &TestServer, _: &BehindProxy) {
    let api = Api::new(&s.url);
    let session = api.login("mod", "lumio-mod").await;
    let (_, parent) = create(
        &api,
        &session,
        json!({"name": "one day", "permissions": ["auth:tokens", "chat:read"], "expires_in_days": 1}),
    )
    .await;
    let parent_expiry = parent["expires_at"].as_str().unwrap().to_string();
    let parent = parent["token"].as_str().unwrap().to_string();
    // Without expires_in_days: it expires with its parent, never "never".
    let (st, child) = create(
        &api,
        &parent,
        json!({"name": "c", "permissions": ["chat:read"]}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{child}");
    assert_eq!(child["expires_at"], json!(parent_expiry), "{child}");
    // Asking for longer is refused, naming the field.
    let (st, b) = create(
        &api,
        &parent,
        json!({"name": "c", "permissions": ["chat:read"], "expires_in_days": 30}),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("expires_in_days"),
        "{b}"
    );
    // A session (30 days) cannot mint a never-expiring token either.
    let (st, b) = create(
        &api,
        &session,
        json!({"name": "ci", "permissions": ["chat:read"]}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    assert!(b["expires_at"].is_string(), "{b}");
    let (st, b) = create(
        &api,
        &session,
        json!({"name": "ci", "permissions": ["chat:read"], "expires_in_days": 3650}),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    let (st, b) = create(
        &api,
        &session,
        json!({"name": "ci", "permissions": ["chat:read"], "expires_in_days": 7}),
    )
    .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
}

async fn the_bearer_scheme_is_case_insensitive(s: &TestServer, _: &BehindProxy) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
        let r = api
            .client
            .get(format!("{}/v1/auth/me", s.url))
            .header("authorization", format!("{scheme} {t}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{scheme}");
    }
    for bad in [format!("Basic {t}"), format!("Bearer{t}"), "Bearer".into()] {
        let r = api
            .client
            .get(format!("{}/v1/auth/me", s.url))
            .header("authorization", bad.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{bad}");
    }
}

async fn login_from(api: &Api, addr: &str, username: &str, password: &str) -> (StatusCode, Value) {
    api.call_with(
        Method::POST,
        "/v1/auth/login",
        None,
        Some(json!({"username": username, "password": password})),
        &[("x-forwarded-for", addr)],
    )
    .await
}

/// Issue 12: ten bad passwords from an attacker's address lock out that address only; the
/// moderator, from their own address, still logs in mid-stream.
async fn an_attacker_cannot_lock_a_moderator_out(s: &TestServer, _: &BehindProxy) {
    let api = Api::new(&s.url);
    let attacker = "203.0.113.66";
    let moderator = "198.51.100.7";
    for _ in 0..lumio_server::auth::service::MAX_LOGIN_FAILURES {
        let (st, _) = login_from(&api, attacker, "mod", "guess").await;
        assert_eq!(st, StatusCode::UNAUTHORIZED);
    }
    let (st, b) = login_from(&api, attacker, "mod", "lumio-mod").await;
    assert_eq!(
        (st, code(&b)),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
        "{b}"
    );
    let (st, b) = login_from(&api, moderator, "mod", "lumio-mod").await;
    assert_eq!(st, StatusCode::OK, "the real moderator still logs in: {b}");
    // The attacker's other targets are counted apart.
    let (st, _) = login_from(&api, attacker, "viewer", "lumio-viewer").await;
    assert_eq!(st, StatusCode::OK);
}

/// Without a trusted proxy in front, X-Forwarded-For is the client's own word: ignored, so
/// an attacker cannot dodge the throttle by making up addresses.
async fn the_throttle_believes_only_trusted_proxies(s: &TestServer, _: &BehindProxy) {
    let mut config = (*s.state.config).clone();
    config.trusted_proxies.clear();
    let state = lumio_server::state::AppState::connect(config)
        .await
        .unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let serving = tokio::spawn(lumio_server::app::serve(
        listener,
        state,
        std::future::pending(),
    ));
    let api = Api::new(&base);
    for i in 0..lumio_server::auth::service::MAX_LOGIN_FAILURES {
        let (st, _) = login_from(&api, &format!("192.0.2.{i}"), "editor", "guess").await;
        assert_eq!(st, StatusCode::UNAUTHORIZED);
    }
    let (st, b) = login_from(&api, "192.0.2.200", "editor", "lumio-editor").await;
    assert_eq!(st, StatusCode::TOO_MANY_REQUESTS, "{b}");
    serving.abort();
}

/// Issue 12: a 1 MB username is refused at the edge and adds nothing large to the bus; a NUL
/// in it is a 400 too, never a 500.
async fn huge_or_poisoned_logins_touch_nothing(s: &TestServer, _: &BehindProxy) {
    let api = Api::new(&s.url);
    let before = s.bus().footprint().await.unwrap();
    let huge = "x".repeat(1_000_000);
    for _ in 0..5 {
        let (st, b) = login_from(&api, "203.0.113.9", &huge, "pw").await;
        assert_eq!(
            st,
            StatusCode::BAD_REQUEST,
            "{}",
            &b.to_string()[..200.min(b.to_string().len())]
        );
        let msg = b["error"]["message"].as_str().unwrap();
        assert!(msg.starts_with("username") && msg.len() < 300, "{msg}");
    }
    // A long-but-fine username that fails to log in leaves a short key.
    let (st, _) = login_from(&api, "203.0.113.9", &"y".repeat(100), "pw").await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    let after = s.bus().footprint().await.unwrap();
    assert!(
        after < before + 10_000,
        "the bus grew from {before} to {after} bytes"
    );
    for (username, password, field) in [
        ("mo\u{0}d", "lumio-mod", "username"),
        ("mod", &*"p".repeat(2000), "password"),
    ] {
        let (st, b) = login_from(&api, "203.0.113.9", username, password).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
        assert!(
            b["error"]["message"].as_str().unwrap().starts_with(field),
            "{b}"
        );
    }
    // A NUL in a note is refused the same way.
    let t = api.login("mod", "lumio-mod").await;
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/users/twitch/1234/notes",
            Some(&t),
            Some(json!({"note": "spam\u{0}mer"})),
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    assert!(
        b["error"]["message"].as_str().unwrap().starts_with("note"),
        "{b}"
    );
    let (st, b) = api
        .call_with(
            Method::GET,
            "/v1/chat/users/twitch/1234/notes",
            Some(&t),
            None,
            &[("x-lumio-account", &"a".repeat(5000))],
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("X-Lumio-Account"),
        "{b}"
    );
}
