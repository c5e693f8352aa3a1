//! The fake's id.twitch.tv OAuth, driven with a real HTTP client.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{body, http, quick_fake};
use lumio_testkit::twitch::{Config, FakeTwitch};
use serde_json::json;

async fn start_device(fake: &FakeTwitch, scopes: &str) -> serde_json::Value {
    let r = http()
        .post(format!("{}/device", fake.oauth_url()))
        .form(&[("client_id", fake.client_id()), ("scopes", scopes)])
        .send()
        .await
        .unwrap();
    let (status, v) = body(r).await;
    assert_eq!(status, 200, "{v}");
    v
}

async fn poll(fake: &FakeTwitch, device_code: &str) -> (u16, serde_json::Value) {
    let r = http()
        .post(format!("{}/token", fake.oauth_url()))
        .form(&[
            ("client_id", fake.client_id()),
            ("device_code", device_code),
            ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
        ])
        .send()
        .await
        .unwrap();
    body(r).await
}

async fn validate(fake: &FakeTwitch, token: &str) -> (u16, serde_json::Value) {
    let r = http()
        .get(format!("{}/validate", fake.oauth_url()))
        .header("Authorization", format!("OAuth {token}"))
        .send()
        .await
        .unwrap();
    body(r).await
}

async fn refresh(fake: &FakeTwitch, refresh_token: &str) -> (u16, serde_json::Value) {
    let r = http()
        .post(format!("{}/token", fake.oauth_url()))
        .form(&[
            ("client_id", fake.client_id()),
            ("client_secret", fake.client_secret()),
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
        ])
        .send()
        .await
        .unwrap();
    body(r).await
}

#[tokio::test]
async fn device_code_flow_is_pending_until_approved_then_issues_scoped_tokens() {
    let fake = quick_fake().await;
    let d = start_device(&fake, "moderator:manage:banned_users user:read:chat").await;
    for field in ["device_code", "user_code", "verification_uri"] {
        assert!(
            d[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field} in {d}"
        );
    }
    assert_eq!(d["expires_in"], 1800);
    assert!(d["interval"].is_u64());
    let code = d["device_code"].as_str().unwrap();
    let user_code = d["user_code"].as_str().unwrap();
    assert!(d["verification_uri"].as_str().unwrap().contains(user_code));

    let (status, v) = poll(&fake, code).await;
    assert_eq!(
        (status, v),
        (
            400,
            json!({"status": 400, "message": "authorization_pending"})
        )
    );

    assert!(fake.approve_device(user_code, &fake.bot.id));
    let (status, t) = poll(&fake, code).await;
    assert_eq!(status, 200, "{t}");
    assert_eq!(t["token_type"], "bearer");
    assert_eq!(
        t["scope"],
        json!(["moderator:manage:banned_users", "user:read:chat"])
    );
    let access = t["access_token"].as_str().unwrap();
    assert!(t["refresh_token"].as_str().is_some_and(|r| !r.is_empty()));
    assert!(t["expires_in"].as_i64().unwrap() > 0);

    let (status, v) = validate(&fake, access).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["client_id"], fake.client_id());
    assert_eq!(v["login"], "lumio_bot");
    assert_eq!(v["user_id"], fake.bot.id);
    assert_eq!(
        v["scopes"],
        json!(["moderator:manage:banned_users", "user:read:chat"])
    );
    assert!(v["expires_in"].as_i64().unwrap() > 0);

    // The code is spent once exchanged.
    let (status, v) = poll(&fake, code).await;
    assert_eq!(
        (status, v["message"].clone()),
        (400, json!("invalid device code"))
    );
}

#[tokio::test]
async fn device_code_polls_too_fast_are_told_to_slow_down_and_denial_and_expiry_end_it() {
    let fake = FakeTwitch::start_with(Config {
        device_poll_interval: Duration::from_secs(30),
        ..Config::default()
    })
    .await
    .unwrap();
    let d = start_device(&fake, "user:read:chat").await;
    assert_eq!(d["interval"], 30);
    let code = d["device_code"].as_str().unwrap();
    assert_eq!(
        poll(&fake, code).await.1["message"],
        "authorization_pending"
    );
    assert_eq!(
        poll(&fake, code).await,
        (400, json!({"status": 400, "message": "slow_down"}))
    );

    assert!(fake.deny_device(d["user_code"].as_str().unwrap()));
    assert_eq!(poll(&fake, code).await.1["message"], "access_denied");

    let d = start_device(&fake, "user:read:chat").await;
    assert!(fake.expire_device(d["user_code"].as_str().unwrap()));
    let (status, v) = poll(&fake, d["device_code"].as_str().unwrap()).await;
    assert_eq!(
        (status, v["message"].clone()),
        (400, json!("invalid device code"))
    );
}

#[tokio::test]
async fn refresh_tokens_rotate_and_a_used_one_gets_twitchs_400() {
    let fake = quick_fake().await;
    let pair = fake.issue_user_token(&fake.bot.id, &["user:read:chat"]);

    let (status, t) = refresh(&fake, &pair.refresh_token).await;
    assert_eq!(status, 200, "{t}");
    let new_refresh = t["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(new_refresh, pair.refresh_token);
    assert_ne!(t["access_token"], pair.access_token);
    assert_eq!(t["scope"], json!(["user:read:chat"]));

    // The old refresh token is spent.
    assert_eq!(
        refresh(&fake, &pair.refresh_token).await,
        (
            400,
            json!({"status": 400, "message": "Invalid refresh token"})
        )
    );
    assert_eq!(refresh(&fake, "never-issued").await.0, 400);
    // The new one works once.
    assert_eq!(refresh(&fake, &new_refresh).await.0, 200);
}

#[tokio::test]
async fn client_credentials_give_an_app_token_without_a_user() {
    let fake = quick_fake().await;
    let r = http()
        .post(format!("{}/token", fake.oauth_url()))
        .form(&[
            ("client_id", fake.client_id()),
            ("client_secret", fake.client_secret()),
            ("grant_type", "client_credentials"),
        ])
        .send()
        .await
        .unwrap();
    let (status, t) = body(r).await;
    assert_eq!(status, 200, "{t}");
    assert!(
        t.get("refresh_token").is_none(),
        "an app token has no refresh token: {t}"
    );
    let (status, v) = validate(&fake, t["access_token"].as_str().unwrap()).await;
    assert_eq!(status, 200);
    assert!(
        v.get("login").is_none() && v.get("user_id").is_none(),
        "{v}"
    );

    let r = http()
        .post(format!("{}/token", fake.oauth_url()))
        .form(&[
            ("client_id", fake.client_id()),
            ("client_secret", "wrong"),
            ("grant_type", "client_credentials"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(body(r).await.0, 403);
}

#[tokio::test]
async fn validate_revoke_and_expiry_refuse_the_token() {
    let fake = quick_fake().await;
    assert_eq!(
        validate(&fake, "nope").await,
        (
            401,
            json!({"status": 401, "message": "invalid access token"})
        )
    );
    let r = http()
        .get(format!("{}/validate", fake.oauth_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(body(r).await.1["message"], "missing authorization token");

    let pair = fake.issue_user_token(&fake.bot.id, &[]);
    assert_eq!(validate(&fake, &pair.access_token).await.0, 200);
    let r = http()
        .post(format!("{}/revoke", fake.oauth_url()))
        .form(&[
            ("client_id", fake.client_id()),
            ("token", pair.access_token.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(validate(&fake, &pair.access_token).await.0, 401);
    assert_eq!(
        refresh(&fake, &pair.refresh_token).await.1["message"],
        "Invalid refresh token"
    );

    let pair = fake.issue_user_token(&fake.bot.id, &[]);
    fake.expire_token(&pair.access_token);
    assert_eq!(validate(&fake, &pair.access_token).await.0, 401);
}
