//! Twitch chat in (issue 15 §3) on both backends against lumio-testkit's fake Twitch: the
//! EventSub WebSocket client subscribes on the welcome with the channel's credential, chat
//! goes through ingest (live `message` events), an action another moderator takes on Twitch
//! updates lumio with the Twitch moderator as the actor, `stream.online` drives
//! `streamIsLive`, and the client survives `session_reconnect` (no new subscriptions) and a
//! dropped connection (new session, subscribed again).

#![allow(clippy::unwrap_used)]

use crate::common;

use common::twitch::{account_of, connect_channel};

use std::time::Duration;

use common::{next_event, ws_connect, Api};
use lumio_server::bus::keys;
use lumio_server::platforms::chat_in::{run_twitch_channel, TwitchChannel};
use lumio_server::platforms::twitch::eventsub::EventSubOptions;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::FakeTwitch;
use reqwest::{Method, StatusCode};
use serde_json::Value;
use uuid::Uuid;

/// Keepalives of 1 s allowed, so a silent session is noticed quickly.
async fn twitch() -> FakeTwitch {
    FakeTwitch::start_with(lumio_testkit::twitch::Config {
        min_keepalive_seconds: 1,
        ..Default::default()
    })
    .await
    .unwrap()
}

backend_tests!(
    file = "twitch_chat_in", workers = false, with = twitch;
    eventsub_chat_moderation_and_reconnects,
    a_deletion_after_a_burst_finds_its_message
);

const SCOPES: &[&str] = &[
    "user:read:chat",
    "user:write:chat",
    "channel:moderate",
    "moderator:read:banned_users",
    "moderator:read:chat_messages",
    "moderator:read:moderators",
    "moderator:read:warnings",
    "moderator:read:suspicious_users",
];

/// The next live event of `kind`, skipping others (chatter updates…).
async fn next_of(ws: &mut common::Ws, kind: &str) -> Value {
    loop {
        let e = next_event(ws).await;
        if e["type"] == kind {
            return e;
        }
    }
}

fn subscribe_calls(fake: &FakeTwitch) -> usize {
    fake.helix_calls()
        .iter()
        .filter(|c| c.method == "POST" && c.path == "/helix/eventsub/subscriptions")
        .count()
}

/// Wait until the fake has exactly one session other than `old`; its id.
async fn new_session(fake: &FakeTwitch, old: &str) -> String {
    for _ in 0..500 {
        let s = fake.sessions();
        if s.len() == 1 && s[0] != old {
            return s[0].clone();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("no new session (sessions: {:?})", fake.sessions());
}

/// Wait until `n` subscriptions are enabled on `session`.
async fn subscribed(fake: &FakeTwitch, session: &str, n: usize) {
    for _ in 0..500 {
        let on = fake
            .subscriptions()
            .iter()
            .filter(|s| s["transport"]["session_id"] == session && s["status"] == "enabled")
            .count();
        if on == n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("{n} subscriptions not enabled on {session}");
}

async fn chat_arrives(fake: &FakeTwitch, ws: &mut common::Ws, text: &str) -> Value {
    let id = fake
        .inject_chat(&fake.broadcaster.id, &fake.viewer.id, text)
        .unwrap();
    let e = next_of(ws, "message").await;
    assert_eq!(e["message"]["message"], text, "{e}");
    assert_eq!(e["message"]["platform"], "twitch");
    assert_eq!(e["message"]["platform_message_id"], id.as_str());
    assert_eq!(e["message"]["username"], fake.viewer.login.as_str());
    e
}

/// The demo account's channel connected with the broadcaster's tokens, a live socket as the
/// owner, and `run_twitch_channel` reading the channel (stopped through `stop_tx`).
struct Reading {
    api: Api,
    t: String,
    credential: Uuid,
    account: Uuid,
    ws: common::Ws,
    stop_tx: tokio::sync::watch::Sender<bool>,
    reader: tokio::task::JoinHandle<()>,
}

async fn start_reading(s: &TestServer, fake: &FakeTwitch) -> Reading {
    let api = Api::new(&s.url);
    let t = api.login("owner", "lumio-owner").await;
    let c = connect_channel(&api, &t, fake, &fake.broadcaster.id, "broadcaster", SCOPES).await;
    let credential: Uuid = c["credentials"][0]["id"].as_str().unwrap().parse().unwrap();
    let account = account_of(s, "demo").await;
    let ws = ws_connect(&s.url, &t, "").await;

    let (stop_tx, stop) = tokio::sync::watch::channel(false);
    let reader = tokio::spawn(run_twitch_channel(
        s.state.clone(),
        TwitchChannel {
            account,
            credential,
            broadcaster_id: fake.broadcaster.id.clone(),
            user_id: fake.broadcaster.id.clone(),
        },
        EventSubOptions {
            ws_url: fake.eventsub_ws_url(),
            keepalive_seconds: Some(1),
            min_backoff: Duration::from_millis(50),
            max_backoff: Duration::from_millis(500),
        },
        stop,
    ));
    Reading {
        api,
        t,
        credential,
        account,
        ws,
        stop_tx,
        reader,
    }
}

async fn eventsub_chat_moderation_and_reconnects(s: &TestServer, fake: &FakeTwitch) {
    let Reading {
        api,
        t,
        credential,
        account,
        mut ws,
        stop_tx,
        reader,
    } = start_reading(s, fake).await;

    // Welcome → every subscription made with the session id.
    let first = new_session(fake, "").await;
    subscribed(fake, &first, 11).await;
    let made = subscribe_calls(fake);
    assert_eq!(made, 11);

    // Chat goes through ingest.
    chat_arrives(fake, &mut ws, "hello from twitch").await;

    // Another moderator bans on Twitch: lumio's state, log and live events, with them as the
    // actor (channel.moderate reports it; channel.ban does not report it twice).
    fake.ban_as(
        &fake.moderator.id,
        &fake.broadcaster.id,
        &fake.viewer.id,
        None,
        "spam",
    )
    .unwrap();
    let e = next_of(&mut ws, "user_banned").await;
    assert_eq!(e["user_id"], fake.viewer.id.as_str(), "{e}");
    assert_eq!(e["moderator"], fake.moderator.login.as_str(), "{e}");
    let (st, log) = api
        .call(Method::GET, "/v1/chat/moderation-log", Some(&t), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{log}");
    let entries = log["entries"].as_array().or(log["items"].as_array());
    let entries = entries.unwrap_or_else(|| panic!("no entries in {log}"));
    let bans: Vec<&Value> = entries.iter().filter(|x| x["action"] == "ban").collect();
    assert_eq!(bans.len(), 1, "{log}");
    assert_eq!(bans[0]["moderator_name"], fake.moderator.login.as_str());
    fake.unban_as(&fake.moderator.id, &fake.broadcaster.id, &fake.viewer.id)
        .unwrap();
    let e = next_of(&mut ws, "user_unbanned").await;
    assert_eq!(e["moderator"], fake.moderator.login.as_str(), "{e}");

    // stream.online drives streamIsLive.
    fake.set_live(&fake.broadcaster.id, true);
    let live = keys::stream_is_live(account, "twitch");
    let mut is_live = false;
    for _ in 0..500 {
        if s.state.bus.get(&live).await.unwrap().is_some() {
            is_live = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(is_live, "stream.online did not set streamIsLive");

    // session_reconnect: the new URL first, the subscriptions move, none made anew.
    assert!(fake.reconnect_session(&first));
    let second = new_session(fake, &first).await;
    subscribed(fake, &second, 11).await;
    assert_eq!(subscribe_calls(fake), made);
    chat_arrives(fake, &mut ws, "after the reconnect").await;

    // A dropped connection: reconnect with backoff, a new session, subscribed again — with
    // the token Twitch expired early meanwhile refreshed once on its 401.
    let used = lumio_server::connections::tokens::access_token(&s.state, credential)
        .await
        .unwrap();
    fake.expire_token(used.token.expose());
    assert!(fake.drop_session(&second));
    let third = new_session(fake, &second).await;
    subscribed(fake, &third, 11).await;
    assert_eq!(
        subscribe_calls(fake),
        2 * made + 1,
        "one refused, then all again"
    );
    let now = lumio_server::connections::tokens::access_token(&s.state, credential)
        .await
        .unwrap();
    assert_ne!(now.token, used.token, "refreshed");
    chat_arrives(fake, &mut ws, "after the drop").await;

    // A close frame (4000: internal server error) is survived the same way.
    assert!(fake.close_session(&third, 4000));
    let fourth = new_session(fake, &third).await;
    subscribed(fake, &fourth, 11).await;
    chat_arrives(fake, &mut ws, "after a close frame").await;

    // Keepalives stop: the session counts as dead after the keepalive timeout.
    fake.set_keepalive_enabled(&fourth, false);
    let fifth = new_session(fake, &fourth).await;
    subscribed(fake, &fifth, 11).await;

    // channel.moderate revoked: channel.ban reports bans again (once).
    let moderate = fake
        .subscriptions()
        .into_iter()
        .find(|x| x["transport"]["session_id"] == fifth.as_str() && x["type"] == "channel.moderate")
        .unwrap();
    assert!(fake.revoke_subscription(moderate["id"].as_str().unwrap(), "moderator_removed"));
    tokio::time::sleep(Duration::from_millis(200)).await;
    fake.ban_as(
        &fake.moderator.id,
        &fake.broadcaster.id,
        &fake.viewer.id,
        Some(600),
        "calm down",
    )
    .unwrap();
    let e = next_of(&mut ws, "user_timed_out").await;
    assert_eq!(e["moderator"], fake.moderator.login.as_str(), "{e}");
    assert_eq!(e["reason"], "calm down", "{e}");

    stop_tx.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(10), reader)
        .await
        .unwrap()
        .unwrap();
}

/// Messages are ingested side by side, but any other event waits until the messages before
/// it are in: each message of a burst, deleted on Twitch right after it was sent, is found and
/// deleted (a deletion applied before its message was in would find nothing to delete), and
/// every message arrives once.
async fn a_deletion_after_a_burst_finds_its_message(s: &TestServer, fake: &FakeTwitch) {
    const BURST: usize = 200;
    let Reading {
        mut ws,
        stop_tx,
        reader,
        ..
    } = start_reading(s, fake).await;
    let session = new_session(fake, "").await;
    subscribed(fake, &session, 11).await;

    for i in 0..BURST {
        let id = fake
            .inject_chat(&fake.broadcaster.id, &fake.viewer.id, &format!("burst {i}"))
            .unwrap();
        fake.delete_message_as(&fake.moderator.id, &fake.broadcaster.id, &id)
            .unwrap();
    }

    let mut messages = std::collections::HashSet::new();
    let mut deleted = std::collections::HashSet::new();
    while messages.len() < BURST || deleted.len() < BURST {
        // (next_event fails the test when nothing comes for 10 s: a deletion applied before
        // its message was in never comes.)
        let e = next_event(&mut ws).await;
        match e["type"].as_str() {
            Some("message") => {
                let id = e["message"]["id"].as_str().unwrap().to_string();
                assert!(messages.insert(id), "a message arrived twice: {e}");
            }
            Some("message_deleted") => {
                let id = e["message_id"].as_str().unwrap().to_string();
                assert!(messages.contains(&id), "deleted before it arrived: {e}");
                deleted.insert(id);
            }
            _ => {}
        }
    }

    stop_tx.send(true).unwrap();
    tokio::time::timeout(Duration::from_secs(10), reader)
        .await
        .unwrap()
        .unwrap();
}
