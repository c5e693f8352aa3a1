//! Moderation out (issue 15 §4) on both backends against lumio-testkit's fake Twitch: an
//! action writes an outbox row with its log entry; the delivery worker sends it through Helix;
//! Twitch's own EventSub echo confirms it (no second log entry); a refusal is `failed` with
//! Twitch's message; a missing scope is `failed` naming it; a 429 waits for `Ratelimit-Reset`
//! without counting as an attempt; each change is a live `moderation_delivery` event.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::twitch::{
    account_of, connect_bot_with, connect_moderating_bot, paste_tokens, MODERATING_BOT,
};
use common::{log_entry_with_status, next_event, ws_connect, Api, Ws};
use lumio_server::bots::worker::{self, WorkerOptions};
use lumio_server::platforms::twitch::eventsub::EventSubOptions;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::FakeTwitch;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn twitch() -> FakeTwitch {
    FakeTwitch::start().await.unwrap()
}

backend_tests!(
    file = "moderation_delivery", workers = true, with = twitch;
    actions_reach_twitch_and_its_echo_confirms_them,
    warnings_need_a_reason_reach_twitch_and_its_echo_confirms_them,
    a_retried_unmod_holds_back_the_timeout_queued_after_it,
    sent_rows_without_an_echo_are_read_back_from_twitch
);

fn options(fake: &FakeTwitch) -> WorkerOptions {
    WorkerOptions {
        id: "bot-worker".into(),
        eventsub: EventSubOptions {
            ws_url: fake.eventsub_ws_url(),
            keepalive_seconds: None,
            min_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_millis(500),
        },
        lease_ttl: Duration::from_secs(2),
        renew_every: Duration::from_millis(200),
    }
}

async fn until<F: Fn() -> bool>(what: &str, f: F) {
    for _ in 0..1000 {
        if f() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The next live `moderation_delivery` event of `action` with `status`.
async fn delivery_event(ws: &mut Ws, action: &str, status: &str) -> Value {
    loop {
        let e = next_event(ws).await;
        if e["type"] == "moderation_delivery" && e["action"] == action && e["status"] == status {
            return e;
        }
    }
}

/// `POST /v1/chat/moderate`: accepted and queued for the bot; the log entry's id.
async fn moderate_as(api: &Api, t: &str, body: Value) -> String {
    let (st, r) = api
        .call(Method::POST, "/v1/chat/moderate", Some(t), Some(body))
        .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["delivery"], "queued_for_bot", "{r}");
    r["id"].as_str().unwrap().to_string()
}

/// Helix calls to `path` about `user_id` that Twitch answered with a success.
fn succeeded(fake: &FakeTwitch, method: &str, path: &str, user_id: &str) -> usize {
    fake.helix_answers()
        .iter()
        .filter(|(c, st)| c.method == method && c.path == path && (200..300).contains(st))
        .filter(|(c, _)| c.body.contains(user_id) || c.query.contains(user_id))
        .count()
}

async fn actions_reach_twitch_and_its_echo_confirms_them(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = api.login("owner", "lumio-owner").await;
    fake.add_moderator(&fake.broadcaster.id, &fake.bot.id);
    let pair = connect_moderating_bot(&api, &t, fake).await;
    let account = account_of(s, "demo").await;
    // The bot worker reads the channel: the echoes come through its EventSub session.
    let (stop, rx) = tokio::sync::watch::channel(false);
    let bot = worker::spawn(s.state.clone(), options(fake), rx);
    until("a session reading the channel", || {
        fake.subscriptions()
            .iter()
            .any(|x| x["type"] == "channel.moderate" && x["status"] == "enabled")
    })
    .await;
    let mut ws = ws_connect(&s.url, &t, "").await;
    let moderate = |body: Value| moderate_as(&api, &t, body);
    let viewer = fake.viewer.clone();
    let b_id = fake.broadcaster.id.clone();

    // A ban: sent once through Helix, confirmed by Twitch's echo, logged once.
    let id = moderate(json!({"platform": "twitch", "action": "ban",
        "platform_user_id": viewer.id, "username": viewer.login, "reason": "spam"}))
    .await;
    let e = log_entry_with_status(&api, &t, &id, "confirmed").await;
    assert_eq!(e["delivery_error"], Value::Null);
    delivery_event(&mut ws, "ban", "confirmed").await;
    assert!(fake.ban_of(&b_id, &viewer.id).is_some());
    assert_eq!(
        succeeded(fake, "POST", "/helix/moderation/bans", &viewer.id),
        1
    );
    let (_, log) = api
        .call(
            Method::GET,
            &format!("/v1/chat/users/twitch/{}/moderation-log", viewer.id),
            Some(&t),
            None,
        )
        .await;
    assert_eq!(log["total"], 1, "the echo is not logged again: {log}");

    // A timeout of a banned user: Twitch refuses it, and says why.
    let id = moderate(json!({"platform": "twitch", "action": "timeout",
        "platform_user_id": viewer.id, "duration_seconds": 60}))
    .await;
    let e = log_entry_with_status(&api, &t, &id, "failed").await;
    assert!(
        e["delivery_error"]
            .as_str()
            .unwrap()
            .contains("is already banned"),
        "{e}"
    );
    delivery_event(&mut ws, "timeout", "failed").await;

    // An unban: confirmed, and Twitch no longer bans the viewer.
    let id = moderate(json!({"platform": "twitch", "action": "unban",
        "platform_user_id": viewer.id}))
    .await;
    log_entry_with_status(&api, &t, &id, "confirmed").await;
    assert!(fake.ban_of(&b_id, &viewer.id).is_none());

    // A delete of a message read from Twitch: sent with Twitch's message id, confirmed.
    let chatter = fake.add_user("chatter_one");
    let platform_msg = fake
        .inject_chat(&b_id, &chatter.id, "delete me please")
        .unwrap();
    let lumio_id = loop {
        let e = next_event(&mut ws).await;
        if e["type"] == "message" && e["message"]["message"] == "delete me please" {
            break e["message"]["id"].as_str().unwrap().to_string();
        }
    };
    let id = moderate(json!({"platform": "twitch", "action": "delete",
        "message_id": lumio_id}))
    .await;
    log_entry_with_status(&api, &t, &id, "confirmed").await;
    assert!(fake.helix_calls().iter().any(|c| c.method == "DELETE"
        && c.path == "/helix/moderation/chat"
        && c.query.contains(&platform_msg)));

    // A treatment without its scope: failed, naming the scope and the command.
    let (st, r) = api
        .call(
            Method::PUT,
            &format!("/v1/chat/users/twitch/{}/treatment", viewer.id),
            Some(&t),
            Some(json!({"treatment": "restricted"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    let e = delivery_event(&mut ws, "treatment", "failed").await;
    let why = e["error"].as_str().unwrap();
    assert!(
        why.contains("`moderator:manage:suspicious_users` not granted")
            && why.contains("lumio connect twitch"),
        "{why}"
    );
    assert!(!fake
        .helix_calls()
        .iter()
        .any(|c| c.path == "/helix/moderation/suspicious_users"));

    // A 429 is a wait until Ratelimit-Reset (the fake's bucket refills in a minute), not a
    // failed attempt: the row stays queued, its attempt given back.
    fake.exhaust_rate_limit(&pair.access_token);
    let id = moderate(json!({"platform": "twitch", "action": "ban",
        "platform_user_id": viewer.id}))
    .await;
    let e = log_entry_with_status(&api, &t, &id, "queued").await;
    let mut row = None;
    for _ in 0..500 {
        let rows = s
            .state
            .db
            .moderation()
            .deliveries_of(account)
            .await
            .unwrap();
        row = rows
            .into_iter()
            .find(|d| d.log_id.map(|l| l.to_string()) == Some(id.clone()))
            .filter(|d| d.last_error.is_some());
        if row.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let row = row.unwrap_or_else(|| panic!("no 429 seen: {e}"));
    assert_eq!(row.status, "queued", "{row:?}");
    assert_eq!(row.attempts, 0, "the 429 was not counted: {row:?}");
    assert!(
        row.last_error.as_deref().unwrap().contains("rate limit"),
        "{row:?}"
    );
    assert!(fake
        .helix_answers()
        .iter()
        .any(|(c, st)| c.path == "/helix/moderation/bans" && *st == 429));
    assert!(fake.ban_of(&b_id, &viewer.id).is_none());

    stop.send(true).unwrap();
    bot.await.unwrap();
}

async fn warnings_need_a_reason_reach_twitch_and_its_echo_confirms_them(
    s: &TestServer,
    fake: &FakeTwitch,
) {
    let api = Api::new(&s.url);
    let t = api.login("owner", "lumio-owner").await;
    let mut scopes = MODERATING_BOT.to_vec();
    scopes.push("moderator:manage:warnings");
    connect_bot_with(&api, &t, fake, &scopes).await;
    let (stop, rx) = tokio::sync::watch::channel(false);
    let bot = worker::spawn(s.state.clone(), options(fake), rx);
    until("a session reading the channel", || {
        fake.subscriptions()
            .iter()
            .any(|x| x["type"] == "channel.moderate" && x["status"] == "enabled")
    })
    .await;
    let viewer = fake.viewer.clone();
    let warn = |body: Value| {
        let (api, t) = (&api, &t);
        async move {
            api.call(Method::POST, "/v1/chat/moderate", Some(t), Some(body))
                .await
        }
    };

    // A warning says why (the chatter reads it), and is Twitch's.
    let before = fake.helix_calls().len();
    for (body, field) in [
        (
            json!({"platform": "twitch", "action": "warn", "platform_user_id": viewer.id}),
            "reason",
        ),
        (
            json!({"platform": "twitch", "action": "warn", "platform_user_id": viewer.id,
                "reason": "   "}),
            "reason",
        ),
        (
            json!({"platform": "twitch", "action": "warn", "platform_user_id": viewer.id,
                "reason": "x".repeat(501)}),
            "reason",
        ),
        (
            json!({"platform": "twitch", "action": "warn", "platform_user_id": viewer.id,
                "reason": "r", "duration_seconds": 5}),
            "duration_seconds",
        ),
        (
            json!({"platform": "kick", "action": "warn", "platform_user_id": "77",
                "reason": "r"}),
            "Twitch",
        ),
    ] {
        let (st, r) = warn(body).await;
        assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{r}");
        assert!(
            r["error"]["message"].as_str().unwrap().contains(field),
            "{field}: {r}"
        );
    }
    assert_eq!(
        fake.helix_calls().len(),
        before,
        "nothing sent for bad input"
    );

    // A warning: written with its log entry and outbox row, sent to Helix once, confirmed
    // by Twitch's `channel.moderate` (v2) `warn` echo.
    let (st, r) = warn(json!({"platform": "twitch", "action": "warn",
        "platform_user_id": viewer.id, "reason": "no spoilers, please"}))
    .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["action"], "warn");
    assert_eq!(r["delivery"], "queued_for_bot", "{r}");
    let id = r["id"].as_str().unwrap().to_string();
    let e = log_entry_with_status(&api, &t, &id, "confirmed").await;
    assert_eq!(e["action"], "warn");
    assert_eq!(e["reason"], "no spoilers, please");
    let sent: Vec<_> = fake
        .helix_answers()
        .into_iter()
        .filter(|(c, _)| c.method == "POST" && c.path == "/helix/moderation/warnings")
        .collect();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].1, 200);
    let body = sent[0].0.json().unwrap();
    assert_eq!(
        body["data"],
        json!({"user_id": viewer.id, "reason": "no spoilers, please"})
    );
    assert_eq!(
        sent[0].0.query_param("moderator_id").as_deref(),
        Some(fake.bot.id.as_str())
    );
    let (_, log) = api
        .call(
            Method::GET,
            &format!("/v1/chat/users/twitch/{}/moderation-log", viewer.id),
            Some(&t),
            None,
        )
        .await;
    assert_eq!(log["total"], 1, "the echo is not logged again: {log}");

    // A viewer (no chat:timeout) may not warn.
    let v = api.login("viewer", "lumio-viewer").await;
    let (st, r) = api
        .call(
            Method::POST,
            "/v1/chat/moderate",
            Some(&v),
            Some(json!({"platform": "twitch", "action": "warn",
                "platform_user_id": viewer.id, "reason": "r"})),
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{r}");
    assert!(r.to_string().contains("chat:timeout"), "{r}");
    stop.send(true).unwrap();
    let _ = bot.await;
}

/// Issue 15: rows of one chatter go out in order. The timeout of a moderator queues an unmod
/// and then the timeout; when Twitch fails the unmod (500, then a 429), the timeout waits for
/// it instead of reaching Twitch first (which refuses to time out a moderator).
async fn a_retried_unmod_holds_back_the_timeout_queued_after_it(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = api.login("owner", "lumio-owner").await;
    connect_moderating_bot(&api, &t, fake).await;
    // Mod and unmod act as the broadcaster.
    let pair = fake.issue_user_token(&fake.broadcaster.id, &["channel:manage:moderators"]);
    paste_tokens(&api, &t, fake, &pair, "broadcaster").await;
    let m = fake.moderator.clone();
    assert!(fake.is_moderator(&fake.broadcaster.id, &m.id));
    // lumio knows them as a moderator from their chat.
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(&t),
            Some(json!({"platform": "twitch", "channel_name": "lumio_demo",
                "user_id": m.id, "username": m.login, "message": "hi", "is_mod": true})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    fake.fail_next_helix(Some("DELETE"), "/moderation/moderators", 500, 1);
    fake.fail_next_helix(Some("DELETE"), "/moderation/moderators", 429, 1);

    let (st, r) = api
        .call(
            Method::POST,
            "/v1/chat/moderate",
            Some(&t),
            Some(json!({"platform": "twitch", "action": "timeout",
                "platform_user_id": m.id, "duration_seconds": 600, "reason": "caps"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    let id = r["id"].as_str().unwrap().to_string();
    // The timeout is sent once the unmod went through, and Twitch takes it (its echo may
    // confirm it, when a bot worker reads the channel).
    until("the timeout reaching Twitch", || {
        fake.ban_of(&fake.broadcaster.id, &m.id).is_some()
    })
    .await;
    let (_, log) = api
        .call(
            Method::GET,
            "/v1/chat/moderation-log?limit=200",
            Some(&t),
            None,
        )
        .await;
    let e = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id.as_str())
        .unwrap()
        .clone();
    assert_ne!(e["delivery_status"], "failed", "{e}");
    assert!(fake.ban_of(&fake.broadcaster.id, &m.id).is_some());
    assert!(!fake.is_moderator(&fake.broadcaster.id, &m.id));
    let calls: Vec<(String, u16)> = fake
        .helix_answers()
        .into_iter()
        .filter(|(c, _)| {
            c.path == "/helix/moderation/moderators" || c.path == "/helix/moderation/bans"
        })
        .map(|(c, st)| (format!("{} {}", c.method, c.path), st))
        .collect();
    let unmod = "DELETE /helix/moderation/moderators".to_string();
    let ban = "POST /helix/moderation/bans".to_string();
    assert_eq!(
        calls,
        [
            (unmod.clone(), 500),
            (unmod.clone(), 429),
            (unmod, 204),
            (ban, 200)
        ],
        "the timeout never went before the unmod"
    );
}

/// No EventSub session reads the channel (no bot worker), so no echo: the reconciler reads the
/// `sent` rows back from Helix after `confirm_after`. A ban Twitch lists is confirmed; a ban
/// Twitch lost is failed with the message; a delete cannot be read back and stays `sent`.
async fn sent_rows_without_an_echo_are_read_back_from_twitch(s: &TestServer, fake: &FakeTwitch) {
    use lumio_server::moderation::delivery::{self, DeliveryOptions};
    let api = Api::new(&s.url);
    let t = api.login("owner", "lumio-owner").await;
    fake.add_moderator(&fake.broadcaster.id, &fake.bot.id);
    connect_moderating_bot(&api, &t, fake).await;
    // Helix reads bans and moderators as the broadcaster.
    let pair = fake.issue_user_token(
        &fake.broadcaster.id,
        &["moderator:manage:banned_users", "channel:manage:moderators"],
    );
    paste_tokens(&api, &t, fake, &pair, "broadcaster").await;
    let (stop, rx) = tokio::sync::watch::channel(false);
    let worker = delivery::spawn(
        s.state.clone(),
        DeliveryOptions {
            poll: Duration::from_millis(50),
            confirm_after: Some(Duration::from_secs(1)),
            ..DeliveryOptions::default()
        },
        rx,
    );
    let mut ws = ws_connect(&s.url, &t, "").await;
    let moderate = |body: Value| moderate_as(&api, &t, body);
    let b_id = fake.broadcaster.id.clone();

    // A delete: Twitch cannot say whether a message was deleted, so it stays `sent`.
    let chatter = fake.add_user("chatter_two");
    let platform_msg = fake.inject_chat(&b_id, &chatter.id, "gone soon").unwrap();
    let (st, m) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(&t),
            Some(
                json!({"platform": "twitch", "channel_name": fake.broadcaster.login,
                "user_id": chatter.id, "username": chatter.login, "message": "gone soon",
                "platform_message_id": platform_msg}),
            ),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{m}");
    let deleted = moderate(json!({"platform": "twitch", "action": "delete",
        "message_id": m["id"]}))
    .await;
    log_entry_with_status(&api, &t, &deleted, "sent").await;

    // A ban Twitch keeps: confirmed by reading Get Banned Users.
    let viewer = fake.viewer.clone();
    let id = moderate(json!({"platform": "twitch", "action": "ban",
        "platform_user_id": viewer.id, "username": viewer.login, "reason": "spam"}))
    .await;
    log_entry_with_status(&api, &t, &id, "sent").await;
    let e = log_entry_with_status(&api, &t, &id, "confirmed").await;
    assert_eq!(e["delivery_error"], Value::Null, "{e}");
    delivery_event(&mut ws, "ban", "confirmed").await;
    assert!(succeeded(fake, "GET", "/helix/moderation/banned", &viewer.id) >= 1);

    // A ban Twitch lost: failed, saying so.
    let lost = fake.add_user("lost_ban");
    let id = moderate(json!({"platform": "twitch", "action": "ban",
        "platform_user_id": lost.id, "username": lost.login}))
    .await;
    until("the ban reaching Twitch", || {
        fake.ban_of(&b_id, &lost.id).is_some()
    })
    .await;
    assert!(fake.forget_ban(&b_id, &lost.id));
    let e = log_entry_with_status(&api, &t, &id, "failed").await;
    let error = e["delivery_error"].as_str().unwrap();
    assert!(
        error.starts_with("Twitch does not list the ban") && error.ends_with("s after it was sent"),
        "{e}"
    );
    delivery_event(&mut ws, "ban", "failed").await;

    // The delete, sent before the lost ban, has been looked at by now and is still `sent`.
    let e = log_entry_with_status(&api, &t, &deleted, "sent").await;
    assert_eq!(e["delivery_error"], Value::Null, "{e}");
    let _ = stop.send(true);
    worker.await.unwrap();
}
