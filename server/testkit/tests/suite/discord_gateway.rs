//! The fake Discord's gateway, driven with tokio-tungstenite as a bot would: HELLO, heartbeat
//! and ACK, IDENTIFY → READY + GUILD_CREATE, dispatches with sequence numbers, RESUME with
//! replay + RESUMED, op 7 and op 9, GUILD_DELETE with and without `unavailable`, the message
//! content intent, close codes, and the load generator.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{connect, next_frame, send_text, Frame, Ws};
use lumio_testkit::discord::{intents, Config, FakeDiscord};
use serde_json::{json, Value};

const ALL_WE_NEED: u64 = intents::GUILDS | intents::GUILD_MESSAGES | intents::MESSAGE_CONTENT;

async fn fake() -> FakeDiscord {
    FakeDiscord::start_with(Config {
        heartbeat_interval: Duration::from_secs(5),
        ..Config::default()
    })
    .await
    .unwrap()
}

fn url(fake: &FakeDiscord) -> String {
    format!("{}?v=10&encoding=json", fake.gateway_url())
}

async fn next(ws: &mut Ws) -> Value {
    match next_frame(ws, Duration::from_secs(5)).await {
        Frame::Json(v) => v,
        other => panic!("expected a payload, got {other:?}"),
    }
}

/// Connect, read HELLO, IDENTIFY: returns the socket, READY's `d` and the GUILD_CREATEs.
async fn identify(fake: &FakeDiscord, intents: u64) -> (Ws, Value, Vec<Value>) {
    let mut ws = connect(&url(fake)).await;
    let hello = next(&mut ws).await;
    assert_eq!(hello["op"], 10);
    assert_eq!(hello["d"]["heartbeat_interval"], 5000);
    send_text(
        &mut ws,
        &json!({"op": 2, "d": {"token": fake.bot_token(), "intents": intents,
            "properties": {"os": "linux", "browser": "lumio", "device": "lumio"}}})
        .to_string(),
    )
    .await;
    let ready = next(&mut ws).await;
    assert_eq!(
        (ready["op"].as_u64(), ready["t"].as_str()),
        (Some(0), Some("READY"))
    );
    assert_eq!(ready["s"], 1);
    let mut creates = Vec::new();
    if intents & intents::GUILDS != 0 {
        for _ in 0..ready["d"]["guilds"].as_array().unwrap().len() {
            let g = next(&mut ws).await;
            assert_eq!(g["t"], "GUILD_CREATE");
            creates.push(g);
        }
    }
    (ws, ready["d"].clone(), creates)
}

#[tokio::test]
async fn identify_gets_ready_and_every_guild_then_heartbeats_are_acked() {
    let fake = fake().await;
    let (mut ws, ready, creates) = identify(&fake, ALL_WE_NEED).await;
    assert_eq!(ready["v"], 10);
    assert_eq!(ready["user"]["id"], fake.application_id());
    assert_eq!(ready["application"]["id"], fake.application_id());
    assert_eq!(
        ready["guilds"],
        json!([{"id": fake.guild.id, "unavailable": true}])
    );
    assert!(ready["resume_gateway_url"]
        .as_str()
        .unwrap()
        .starts_with("ws://127.0.0.1:"));
    let g = &creates[0];
    assert_eq!(g["s"], 2);
    assert_eq!(g["d"]["id"], fake.guild.id);
    assert_eq!(g["d"]["name"], "Lumio Demo Server");
    assert_eq!(g["d"]["channels"].as_array().unwrap().len(), 5);
    assert_eq!(g["d"]["roles"].as_array().unwrap().len(), 3);
    assert_eq!(g["d"]["features"], json!(["COMMUNITY", "NEWS"]));
    assert_eq!(g["d"]["unavailable"], false);

    send_text(&mut ws, &json!({"op": 1, "d": 2}).to_string()).await;
    let ack = next(&mut ws).await;
    assert_eq!(ack["op"], 11);
    // The gateway may ask for a heartbeat (op 1).
    let sid = ready["session_id"].as_str().unwrap();
    assert!(fake.request_heartbeat(sid));
    assert_eq!(next(&mut ws).await["op"], 1);
    // A second IDENTIFY on the same connection: 4005.
    send_text(
        &mut ws,
        &json!({"op": 2, "d": {"token": fake.bot_token(), "intents": 1, "properties": {}}})
            .to_string(),
    )
    .await;
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(5)).await,
        Frame::Close(Some(4005))
    ));
}

#[tokio::test]
async fn messages_arrive_in_sequence_and_without_the_content_intent_their_content_is_empty() {
    let fake = fake().await;
    let (mut ws, _, _) = identify(&fake, ALL_WE_NEED).await;
    let (mut blind, _, _) = identify(&fake, intents::GUILDS | intents::GUILD_MESSAGES).await;
    let general = fake.guild.channel("general").unwrap().id.clone();
    let id = fake
        .inject_message(&general, &fake.chatter.id, "hello chat")
        .unwrap();
    let m = next(&mut ws).await;
    assert_eq!(m["t"], "MESSAGE_CREATE");
    assert_eq!(m["s"], 3);
    assert_eq!(m["d"]["id"], id);
    assert_eq!(m["d"]["content"], "hello chat");
    assert_eq!(m["d"]["guild_id"], fake.guild.id);
    assert_eq!(m["d"]["channel_id"], general);
    assert_eq!(m["d"]["author"]["username"], "moonlight");
    assert!(m["d"]["member"]["roles"].is_array());
    let b = next(&mut blind).await;
    assert_eq!(b["d"]["id"], id);
    assert_eq!(b["d"]["content"], "", "no MESSAGE_CONTENT intent");
    assert!(fake.delete_message(&id));
    let d = next(&mut ws).await;
    assert_eq!(d["t"], "MESSAGE_DELETE");
    assert_eq!(d["s"], 4);
    assert_eq!(
        d["d"],
        json!({"id": id, "channel_id": general, "guild_id": fake.guild.id})
    );
}

#[tokio::test]
async fn guild_delete_with_and_without_unavailable_and_guild_create_on_join() {
    let fake = fake().await;
    let (mut ws, _, _) = identify(&fake, ALL_WE_NEED).await;
    let g = fake.guild.id.clone();
    fake.set_guild_unavailable(&g, true);
    let d = next(&mut ws).await;
    assert_eq!(
        (d["t"].as_str(), &d["d"]),
        (Some("GUILD_DELETE"), &json!({"id": g, "unavailable": true}))
    );
    fake.set_guild_unavailable(&g, false);
    assert_eq!(next(&mut ws).await["t"], "GUILD_CREATE");
    fake.set_bot_in_guild(&g, false);
    let d = next(&mut ws).await;
    assert_eq!(
        (d["t"].as_str(), &d["d"]),
        (Some("GUILD_DELETE"), &json!({"id": g}))
    );
    // A new guild the bot is added to arrives as GUILD_CREATE.
    let other = fake.add_guild("Second", &fake.guild.owner, true);
    let c = next(&mut ws).await;
    assert_eq!(
        (c["t"].as_str(), c["d"]["id"].as_str()),
        (Some("GUILD_CREATE"), Some(other.id.as_str()))
    );
}

#[tokio::test]
async fn resume_replays_what_was_missed_then_resumed() {
    let fake = fake().await;
    let (mut ws, ready, _) = identify(&fake, ALL_WE_NEED).await;
    let sid = ready["session_id"].as_str().unwrap().to_string();
    let general = fake.guild.channel("general").unwrap().id.clone();
    fake.inject_message(&general, &fake.chatter.id, "one")
        .unwrap();
    let one = next(&mut ws).await;
    let last_seen = one["s"].as_u64().unwrap();
    // The connection fails; two messages happen meanwhile.
    assert!(fake.drop_connection(&sid));
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(5)).await,
        Frame::Gone | Frame::Close(_)
    ));
    tokio::time::sleep(Duration::from_millis(50)).await;
    fake.inject_message(&general, &fake.chatter.id, "two")
        .unwrap();
    fake.inject_message(&general, &fake.chatter.id, "three")
        .unwrap();
    let mut ws = connect(&format!(
        "{}?v=10&encoding=json",
        ready["resume_gateway_url"].as_str().unwrap()
    ))
    .await;
    assert_eq!(next(&mut ws).await["op"], 10);
    send_text(
        &mut ws,
        &json!({"op": 6, "d": {"token": fake.bot_token(), "session_id": sid, "seq": last_seen}})
            .to_string(),
    )
    .await;
    let two = next(&mut ws).await;
    let three = next(&mut ws).await;
    let resumed = next(&mut ws).await;
    assert_eq!(two["d"]["content"], "two");
    assert_eq!(two["s"], last_seen + 1);
    assert_eq!(three["d"]["content"], "three");
    assert_eq!(resumed["t"], "RESUMED");
    assert_eq!(resumed["s"], last_seen + 3);
    // Later events keep the sequence going.
    fake.inject_message(&general, &fake.chatter.id, "four")
        .unwrap();
    assert_eq!(next(&mut ws).await["s"], last_seen + 4);

    // Resuming a sequence from the future: 4007; an unknown session: op 9 false.
    let mut ws2 = connect(&url(&fake)).await;
    next(&mut ws2).await;
    send_text(
        &mut ws2,
        &json!({"op": 6, "d": {"token": fake.bot_token(), "session_id": "nope", "seq": 1}})
            .to_string(),
    )
    .await;
    let inv = next(&mut ws2).await;
    assert_eq!((inv["op"].as_u64(), &inv["d"]), (Some(9), &json!(false)));
    let mut ws3 = connect(&url(&fake)).await;
    next(&mut ws3).await;
    send_text(
        &mut ws3,
        &json!({"op": 6, "d": {"token": fake.bot_token(), "session_id": sid, "seq": 10_000}})
            .to_string(),
    )
    .await;
    assert!(matches!(
        next_frame(&mut ws3, Duration::from_secs(5)).await,
        Frame::Close(Some(4007))
    ));
}

#[tokio::test]
async fn reconnect_and_invalid_session_are_sent_on_request() {
    let fake = fake().await;
    let (mut ws, ready, _) = identify(&fake, ALL_WE_NEED).await;
    let sid = ready["session_id"].as_str().unwrap().to_string();
    assert!(fake.send_reconnect(&sid));
    let r = next(&mut ws).await;
    assert_eq!((r["op"].as_u64(), &r["d"]), (Some(7), &Value::Null));
    assert!(fake.invalidate_session(&sid, true));
    let r = next(&mut ws).await;
    assert_eq!((r["op"].as_u64(), &r["d"]), (Some(9), &json!(true)));
    assert!(fake.invalidate_session(&sid, false));
    let r = next(&mut ws).await;
    assert_eq!((r["op"].as_u64(), &r["d"]), (Some(9), &json!(false)));
    assert!(fake.sessions().is_empty(), "an invalid session is not live");
    // A fault: the next IDENTIFY gets op 9 instead of READY.
    fake.invalidate_next_identify();
    let mut ws = connect(&url(&fake)).await;
    next(&mut ws).await;
    send_text(
        &mut ws,
        &json!({"op": 2, "d": {"token": fake.bot_token(), "intents": 1, "properties": {}}})
            .to_string(),
    )
    .await;
    let r = next(&mut ws).await;
    assert_eq!((r["op"].as_u64(), &r["d"]), (Some(9), &json!(false)));
}

#[tokio::test]
async fn close_codes_as_documented() {
    let fake = fake().await;
    let closes = |text: String, expected: u16| {
        let fake = &fake;
        async move {
            let mut ws = connect(&url(fake)).await;
            next(&mut ws).await;
            send_text(&mut ws, &text).await;
            match next_frame(&mut ws, Duration::from_secs(5)).await {
                Frame::Close(Some(c)) => assert_eq!(c, expected, "{text}"),
                other => panic!("{text}: expected close {expected}, got {other:?}"),
            }
        }
    };
    closes("not json".into(), 4002).await;
    closes(json!({"op": 99, "d": null}).to_string(), 4001).await;
    closes(json!({"op": 8, "d": {"guild_id": "1"}}).to_string(), 4003).await;
    closes(
        json!({"op": 2, "d": {"token": "Bot wrong", "intents": 1, "properties": {}}}).to_string(),
        4004,
    )
    .await;
    closes(
        json!({"op": 2, "d": {"token": fake.bot_token(), "intents": 1u64 << 40, "properties": {}}})
            .to_string(),
        4013,
    )
    .await;
    closes(
        json!({"op": 2, "d": {"token": fake.bot_token(), "intents": 1, "shard": [2, 2], "properties": {}}})
            .to_string(),
        4010,
    )
    .await;
    // A wrong API version is refused before HELLO.
    let mut ws = connect(&format!("{}?v=6&encoding=json", fake.gateway_url())).await;
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(5)).await,
        Frame::Close(Some(4012))
    ));
    // Without privileged intents enabled for the app: 4014.
    let strict = FakeDiscord::start_with(Config {
        privileged_intents: false,
        ..Config::default()
    })
    .await
    .unwrap();
    let mut ws = connect(&url(&strict)).await;
    next(&mut ws).await;
    send_text(
        &mut ws,
        &json!({"op": 2, "d": {"token": strict.bot_token(), "intents": ALL_WE_NEED, "properties": {}}})
            .to_string(),
    )
    .await;
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(5)).await,
        Frame::Close(Some(4014))
    ));
    // The handle closes a session with any documented code.
    let (mut ws, ready, _) = identify(&fake, ALL_WE_NEED).await;
    assert!(fake.close_session(ready["session_id"].as_str().unwrap(), 4000));
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(5)).await,
        Frame::Close(Some(4000))
    ));
    assert!(!fake.close_session("whatever", 4999));
}

#[tokio::test]
async fn a_silent_connection_is_closed_with_4009() {
    let fake = FakeDiscord::start_with(Config {
        heartbeat_interval: Duration::from_millis(200),
        ..Config::default()
    })
    .await
    .unwrap();
    let mut ws = connect(&url(&fake)).await;
    next(&mut ws).await;
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(5)).await,
        Frame::Close(Some(4009))
    ));
}

#[tokio::test]
async fn the_load_generator_makes_the_messages_it_says() {
    let fake = fake().await;
    let (mut ws, _, _) = identify(&fake, ALL_WE_NEED).await;
    let general = fake.guild.channel("general").unwrap().id.clone();
    let load = fake.start_message_load(&general, 200, Some(50));
    let mut got = 0;
    while got < 50 {
        let m = next(&mut ws).await;
        assert_eq!(m["t"], "MESSAGE_CREATE");
        got += 1;
    }
    assert_eq!(load.stop().await, 50);
}
