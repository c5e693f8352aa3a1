//! The bot worker (issue 15 §5) on both backends against lumio-testkit's fake Twitch: with two
//! workers on one database and bus exactly one reads the channel (one EventSub session), it
//! sends `send` actions through Helix, ignores an action whose account id is not a UUID,
//! drops the channel at once on `bot_leave` (bot paused) and takes it again on `bot_join`,
//! and the other worker takes the channel over when the holder stops.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::twitch::{account_of, connect_channel};

use std::time::Duration;

use common::{next_event, ws_connect, Api};
use lumio_server::bots::worker::{self, WorkerOptions};
use lumio_server::bus::keys;
use lumio_server::platforms::twitch::eventsub::EventSubOptions;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::FakeTwitch;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn twitch() -> FakeTwitch {
    FakeTwitch::start().await.unwrap()
}

backend_tests!(
    file = "bot_worker", workers = false, with = twitch;
    one_worker_per_channel_sends_leaves_and_hands_over
);

const SCOPES: &[&str] = &[
    "user:read:chat",
    "user:write:chat",
    "user:bot",
    "moderator:read:banned_users",
    "moderator:read:chat_messages",
    "moderator:read:moderators",
    "moderator:read:warnings",
    "moderator:read:suspicious_users",
];

fn options(fake: &FakeTwitch, id: &str) -> WorkerOptions {
    WorkerOptions {
        id: id.into(),
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
    for _ in 0..500 {
        if f() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

async fn chat_arrives(fake: &FakeTwitch, ws: &mut common::Ws, text: &str) {
    fake.inject_chat(&fake.broadcaster.id, &fake.viewer.id, text)
        .unwrap();
    loop {
        let e = next_event(ws).await;
        // Other messages (the bot's own, echoed by Twitch as chat) may come first.
        if e["type"] == "message" && e["message"]["message"] == text {
            return;
        }
    }
}

/// Wait until one session other than `old` reads the channel's chat (subscribed); its id.
async fn reading_session(fake: &FakeTwitch, old: &str) -> String {
    until("a session reading chat", || {
        let s = fake.sessions();
        s.len() == 1
            && s[0] != old
            && fake.subscriptions().iter().any(|x| {
                x["transport"]["session_id"] == s[0].as_str()
                    && x["type"] == "channel.chat.message"
                    && x["status"] == "enabled"
            })
    })
    .await;
    fake.sessions()[0].clone()
}

fn sent(fake: &FakeTwitch) -> Vec<String> {
    fake.sent_messages().into_iter().map(|m| m.2).collect()
}

async fn one_worker_per_channel_sends_leaves_and_hands_over(s: &TestServer, fake: &FakeTwitch) {
    let api = Api::new(&s.url);
    let t = api.login("owner", "lumio-owner").await;
    fake.add_moderator(&fake.broadcaster.id, &fake.bot.id);
    let c = connect_channel(&api, &t, fake, &fake.bot.id, "bot", SCOPES).await;
    let toggle = |enabled: bool| {
        let (api, t) = (&api, &t);
        async move {
            let (st, b) = api
                .call(
                    Method::POST,
                    "/v1/bot-toggle",
                    Some(t),
                    Some(json!({"platform": "twitch", "enabled": enabled})),
                )
                .await;
            assert_eq!(st, StatusCode::OK, "{b}");
        }
    };
    toggle(true).await;
    let account = account_of(s, "demo").await;
    let mut ws = ws_connect(&s.url, &t, "").await;

    // Worker A first, then B: A holds the channel, B waits.
    let (stop_a, rx_a) = tokio::sync::watch::channel(false);
    let a = worker::spawn(s.state.clone(), options(fake, "A"), rx_a);
    reading_session(fake, "").await;
    let (stop_b, rx_b) = tokio::sync::watch::channel(false);
    let b = worker::spawn(s.state.clone(), options(fake, "B"), rx_b);
    tokio::time::sleep(Duration::from_millis(800)).await; // several renewal rounds
    assert_eq!(
        fake.sessions().len(),
        1,
        "exactly one worker reads the channel"
    );
    let first = fake.sessions()[0].clone();
    chat_arrives(fake, &mut ws, "one reader").await;

    // A send action goes out through Helix; one with a bad account id does not.
    let channel = keys::bot_action("twitch", account);
    let publish = |body: Value| {
        let (state, channel) = (&s.state, &channel);
        async move {
            state.bus.publish(channel, &body.to_string()).await.unwrap();
        }
    };
    publish(
        json!({"action": "send", "platform": "twitch", "account_id": "not-a-uuid",
        "channel": fake.broadcaster.login, "message": "forged"}),
    )
    .await;
    publish(json!({"action": "send", "platform": "twitch",
        "channel": fake.broadcaster.login, "message": "hello chat"}))
    .await;
    until("the send", || {
        sent(fake).contains(&"hello chat".to_string())
    })
    .await;
    assert_eq!(sent(fake), vec!["hello chat".to_string()]);

    // Paused: bot_leave drops the channel at once; resumed: bot_join takes it again.
    toggle(false).await;
    until("the session to close", || fake.sessions().is_empty()).await;
    toggle(true).await;
    let second = reading_session(fake, &first).await;
    chat_arrives(fake, &mut ws, "after resume").await;

    // The holder stops (its lease released): the other worker takes the channel over.
    let lease_key = keys::bot_lease("twitch", c["id"].as_str().unwrap());
    let holder = s.state.bus.get(&lease_key).await.unwrap().unwrap();
    let (stop_holder, holder_task, other) = if holder == "A" {
        (stop_a, a, (stop_b, b, "B"))
    } else {
        (stop_b, b, (stop_a, a, "A"))
    };
    stop_holder.send(true).unwrap();
    holder_task.await.unwrap();
    reading_session(fake, &second).await;
    assert_eq!(
        s.state.bus.get(&lease_key).await.unwrap().as_deref(),
        Some(other.2)
    );
    chat_arrives(fake, &mut ws, "after the hand-over").await;
    other.0.send(true).unwrap();
    other.1.await.unwrap();
    until("no session", || fake.sessions().is_empty()).await;
    assert_eq!(s.state.bus.get(&lease_key).await.unwrap(), None);
}
