//! Commands and seed 002's behaviours on ingested chat messages, on both backends: a
//! command call answered on the bot-action channel, `disabledcommands` and
//! `disabledcheers`, cheers that run `cheerN`, the welcome message on a chatter's first
//! message of a stream, the `admin` / `bot` flags from badges, `anivmessages`, `{uptime}`.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{platform_id, Api};
use futures::StreamExt;
use lumio_server::bus::keys::{self, UserFlag};
use lumio_server::bus::Subscription;
use lumio_server::chat::model::ChatMessage;
use lumio_server::commands::chat_hook::handle_message;
use lumio_server::commands::exec::Outcome;
use lumio_server::platforms::Platform;
use lumio_server::testing::TestServer;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

backend_tests!(
    file = "commands_chat", workers = false;
    commands_answer_ingested_messages,
    cheers_run_their_command_unless_disabled,
    welcome_messages_flags_and_aniv
);

async fn ingest(api: &Api, t: &str, user: &str, text: &str, extra: Value) -> ChatMessage {
    let mut body = json!({"platform": "twitch", "channel_name": "lumio_demo",
        "user_id": platform_id("twitch", user), "username": user, "message": text});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let (st, b) = api
        .call(Method::POST, "/v1/chat/message", Some(t), Some(body))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    serde_json::from_value(b["message"].clone()).unwrap()
}

/// The next `send` on the bot-action channel, within 5 s.
async fn next_send(sub: &mut Subscription) -> Value {
    loop {
        let m = tokio::time::timeout(Duration::from_secs(5), sub.next())
            .await
            .expect("a bot action within 5 s")
            .unwrap();
        let v: Value = serde_json::from_str(&m).unwrap();
        if v["action"] == "send" {
            return v;
        }
    }
}

async fn account_of(api: &Api, t: &str) -> Uuid {
    let (_, me) = api.call(Method::GET, "/v1/auth/me", Some(t), None).await;
    Uuid::parse_str(me["accounts"][0]["id"].as_str().unwrap()).unwrap()
}

async fn create(api: &Api, t: &str, body: Value) {
    let (st, b) = api
        .call(Method::POST, "/v1/bot-commands", Some(t), Some(body))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
}

async fn commands_answer_ingested_messages(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let m = api.login("mod", "lumio-mod").await;
    let account = account_of(&api, &ed).await;
    create(&api, &ed, json!({"name": "hello", "response": "hi {user}, {channel} is {uptime}", "user_cooldown_seconds": 60})).await;
    create(
        &api,
        &ed,
        json!({"name": "modsonly", "response": "ok mods", "min_role": "moderator"}),
    )
    .await;
    let mut sub = s
        .bus()
        .subscribe(&keys::bot_action(Platform::Twitch, account))
        .await
        .unwrap();

    ingest(
        &api,
        &m,
        "alice",
        "!hello there",
        json!({"display_name": "Alice", "platform_message_id": "pm-1"}),
    )
    .await;
    let sent = next_send(&mut sub).await;
    assert_eq!(sent["message"], "hi Alice, lumio_demo is offline");
    assert_eq!(
        (sent["reply_to"].as_str(), sent["command"].as_str()),
        (Some("pm-1"), Some("hello"))
    );
    // The stream goes live: {uptime} tells how long.
    let (st, _) = api
        .call(
            Method::PUT,
            "/v1/chat/streams/twitch",
            Some(&m),
            Some(json!({"live": true})),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    ingest(&api, &m, "bob", "!hello", json!({})).await;
    let sent = next_send(&mut sub).await;
    let text = sent["message"].as_str().unwrap();
    assert!(
        text.starts_with("hi bob, lumio_demo is ")
            && text.ends_with('s')
            && !text.ends_with("offline"),
        "{text}"
    );
    // Alice is on her per-user cooldown: silent. A message that is no command: nothing.
    ingest(&api, &m, "alice", "!hello again", json!({})).await;
    ingest(&api, &m, "carol", "just chatting", json!({})).await;
    // Roles come from badges and flags: a broadcaster badge may use a mods-only command.
    ingest(&api, &m, "dave", "!modsonly", json!({})).await;
    ingest(
        &api,
        &m,
        "owner",
        "!modsonly",
        json!({"badges": ["broadcaster/1"]}),
    )
    .await;
    let sent = next_send(&mut sub).await;
    assert_eq!(
        (sent["message"].as_str(), sent["channel"].as_str()),
        (Some("ok mods"), Some("lumio_demo")),
        "alice, carol and dave got nothing"
    );
    // disabledcommands (seed 002) silences a command.
    let (st, _) = api
        .call(
            Method::PATCH,
            "/v1/chat/settings",
            Some(&ed),
            Some(json!({"disable_commands": ["modsonly"]})),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let msg = ingest(
        &api,
        &m,
        "owner",
        "!modsonly",
        json!({"badges": ["broadcaster/1"]}),
    )
    .await;
    assert!(
        matches!(handle_message(&s.state, &msg).await.unwrap(), Some(Outcome::Ignored(r)) if r.contains("disabled"))
    );
    ingest(&api, &m, "erin", "!hello", json!({})).await;
    assert_eq!(
        next_send(&mut sub).await["message"]
            .as_str()
            .unwrap()
            .split(',')
            .next(),
        Some("hi erin"),
        "the disabled command sent nothing"
    );
}

async fn cheers_run_their_command_unless_disabled(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let m = api.login("mod", "lumio-mod").await;
    let account = account_of(&api, &ed).await;
    create(
        &api,
        &ed,
        json!({"name": "cheer100", "response": "thanks {user} for 100 bits! {args}"}),
    )
    .await;
    let mut sub = s
        .bus()
        .subscribe(&keys::bot_action(Platform::Twitch, account))
        .await
        .unwrap();
    ingest(&api, &m, "fan", "Cheer50 great Kappa50 stream", json!({})).await;
    assert_eq!(
        next_send(&mut sub).await["message"],
        "thanks fan for 100 bits! great stream"
    );
    // 30 bits: no cheer30 command, nothing happens.
    let msg = ingest(&api, &m, "fan", "Cheer30", json!({})).await;
    assert_eq!(handle_message(&s.state, &msg).await.unwrap(), None);
    // disabledcheers holds it: nothing runs.
    s.bus()
        .set_add(&keys::disabled_cheers(account), "cheer100")
        .await
        .unwrap();
    let msg = ingest(&api, &m, "fan2", "Cheer100", json!({})).await;
    assert_eq!(handle_message(&s.state, &msg).await.unwrap(), None);
    s.bus()
        .set_remove(&keys::disabled_cheers(account), "cheer100")
        .await
        .unwrap();
    s.bus()
        .set_add(&keys::disabled_cheers(account), "100")
        .await
        .unwrap();
    let msg = ingest(&api, &m, "fan3", "Cheer100", json!({})).await;
    assert_eq!(
        handle_message(&s.state, &msg).await.unwrap(),
        None,
        "by amount too"
    );
    // Cheers are Twitch's only.
    let mut kick = msg.clone();
    kick.platform = "kick".into();
    s.bus().del(&keys::disabled_cheers(account)).await.unwrap();
    assert_eq!(handle_message(&s.state, &kick).await.unwrap(), None);
}

async fn welcome_messages_flags_and_aniv(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let m = api.login("mod", "lumio-mod").await;
    let viewer = api.login("viewer", "lumio-viewer").await;
    let account = account_of(&api, &ed).await;
    let path = &format!(
        "/v1/chat/users/twitch/{}/welcome-message",
        platform_id("twitch", "gina")
    );
    let (st, b) = api
        .call(
            Method::PUT,
            path,
            Some(&ed),
            Some(json!({"text": "Gina is here, everyone say hi!"})),
        )
        .await;
    assert_eq!(
        (st, b["text"].as_str()),
        (StatusCode::OK, Some("Gina is here, everyone say hi!"))
    );
    let (st, _) = api
        .call(Method::PUT, path, Some(&viewer), Some(json!({"text": "x"})))
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    let (st, b) = api
        .call(Method::PUT, path, Some(&ed), Some(json!({"text": "a\nb"})))
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    let mut sub = s
        .bus()
        .subscribe(&keys::bot_action(Platform::Twitch, account))
        .await
        .unwrap();
    // First message of the stream: the welcome is sent; the second message: not.
    api.call(
        Method::PUT,
        "/v1/chat/streams/twitch",
        Some(&m),
        Some(json!({"live": true})),
    )
    .await;
    ingest(&api, &m, "gina", "hello all", json!({})).await;
    let sent = next_send(&mut sub).await;
    assert_eq!(
        (sent["message"].as_str(), sent["welcome"].as_str()),
        (
            Some("Gina is here, everyone say hi!"),
            Some(platform_id("twitch", "gina").as_str())
        )
    );
    let msg = ingest(&api, &m, "gina", "me again", json!({})).await;
    assert!(!msg.is_first_in_stream);
    // A new stream: welcomed again.
    api.call(
        Method::PUT,
        "/v1/chat/streams/twitch",
        Some(&m),
        Some(json!({"live": false})),
    )
    .await;
    api.call(
        Method::PUT,
        "/v1/chat/streams/twitch",
        Some(&m),
        Some(json!({"live": true})),
    )
    .await;
    ingest(&api, &m, "gina", "back", json!({})).await;
    assert_eq!(
        next_send(&mut sub).await["welcome"],
        platform_id("twitch", "gina")
    );
    // Cleared: nothing more.
    let (_, b) = api
        .call(Method::PUT, path, Some(&ed), Some(json!({"text": ""})))
        .await;
    assert_eq!(b["text"], Value::Null);
    assert!(!s
        .bus()
        .exists(&keys::user_flag(
            account,
            Platform::Twitch,
            &platform_id("twitch", "gina"),
            UserFlag::WelcomeMessageText
        ))
        .await
        .unwrap());

    // admin and bot flags from badges.
    ingest(&api, &m, "staffer", "hi", json!({"badges": ["staff/1"]})).await;
    ingest(&api, &m, "robo", "beep", json!({"badges": ["bot-badge/1"]})).await;
    let flag = |u: &str, f| keys::user_flag(account, Platform::Twitch, u, f);
    assert!(s
        .bus()
        .exists(&flag(&platform_id("twitch", "staffer"), UserFlag::Admin))
        .await
        .unwrap());
    assert!(!s
        .bus()
        .exists(&flag(&platform_id("twitch", "staffer"), UserFlag::Bot))
        .await
        .unwrap());
    assert!(s
        .bus()
        .exists(&flag(&platform_id("twitch", "robo"), UserFlag::Bot))
        .await
        .unwrap());
    let (_, profile) = api
        .call(
            Method::GET,
            &format!("/v1/chat/users/twitch/{}", platform_id("twitch", "staffer")),
            Some(&m),
            None,
        )
        .await;
    assert!(
        profile["flags"]
            .as_array()
            .unwrap()
            .contains(&json!("admin")),
        "{profile}"
    );

    // anivmessages: exists once commands are loaded; keeps aniv's and aneev's last message.
    create(&api, &ed, json!({"name": "ping", "response": "pong"})).await;
    ingest(&api, &m, "someone", "!ping", json!({})).await;
    let v: Value = serde_json::from_str(
        &s.bus()
            .get(&keys::aniv_messages(account))
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(v, json!({"aniv": null, "aneev": null}));
    ingest(&api, &m, "Aniv", "first", json!({})).await;
    ingest(&api, &m, "aneev", "second", json!({})).await;
    ingest(&api, &m, "aniv", "third", json!({})).await;
    let v: Value = serde_json::from_str(
        &s.bus()
            .get(&keys::aniv_messages(account))
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (
            v["aniv"]["message"].as_str(),
            v["aneev"]["message"].as_str()
        ),
        (Some("third"), Some("second"))
    );
}
