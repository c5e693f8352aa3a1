//! Cross-check: what the fake Discord sends parses with twilight's own models — gateway
//! payloads through `GatewayEventDeserializer` (the way twilight-gateway reads frames: op,
//! sequence and event type scanned from the text, then `d` typed per event), REST bodies
//! into `Guild`, `Channel`, `Role`, `Message`, `Member`, `CurrentUser`, `Command`. A missing,
//! misspelt or mistyped required field fails here.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{connect, next_frame, send_text, Frame};
use lumio_testkit::discord::{intents, Config, FakeDiscord};
use serde::de::DeserializeSeed;
use serde_json::{json, Value};
use twilight_model::gateway::event::{DispatchEvent, GatewayEvent, GatewayEventDeserializer};

fn parse_frame(text: &str) -> GatewayEvent {
    let de = GatewayEventDeserializer::from_json(text)
        .unwrap_or_else(|| panic!("twilight cannot find op/t in {text}"));
    let mut json = serde_json::Deserializer::from_str(text);
    de.deserialize(&mut json)
        .unwrap_or_else(|e| panic!("twilight rejects {text}: {e}"))
}

async fn next_text(ws: &mut common::Ws) -> String {
    match next_frame(ws, Duration::from_secs(5)).await {
        Frame::Json(v) => v.to_string(),
        other => panic!("expected a payload, got {other:?}"),
    }
}

/// The raw text of the next frame (the order of keys matters to twilight's scanner).
async fn next_raw(ws: &mut common::Ws) -> String {
    use futures::StreamExt;
    use tokio_tungstenite::tungstenite::Message;
    loop {
        let m = tokio::time::timeout(Duration::from_secs(5), ws.next())
            .await
            .expect("a frame in time")
            .expect("open")
            .expect("frame");
        if let Message::Text(t) = m {
            return t.to_string();
        }
    }
}

#[tokio::test]
async fn every_gateway_payload_parses_with_twilight() {
    let fake = FakeDiscord::start_with(Config {
        heartbeat_interval: Duration::from_secs(5),
        ..Config::default()
    })
    .await
    .unwrap();
    let mut ws = connect(&format!("{}?v=10&encoding=json", fake.gateway_url())).await;
    match parse_frame(&next_raw(&mut ws).await) {
        GatewayEvent::Hello(h) => assert_eq!(h.heartbeat_interval, 5000),
        other => panic!("{other:?}"),
    }
    send_text(
        &mut ws,
        &json!({"op": 2, "d": {"token": fake.bot_token(),
            "intents": intents::GUILDS | intents::GUILD_MESSAGES | intents::MESSAGE_CONTENT,
            "properties": {"os": "linux", "browser": "lumio", "device": "lumio"}}})
        .to_string(),
    )
    .await;
    let session_id = match parse_frame(&next_raw(&mut ws).await) {
        GatewayEvent::Dispatch(1, DispatchEvent::Ready(r)) => {
            assert_eq!(r.version, 10);
            assert_eq!(r.guilds.len(), 1);
            assert!(r.user.bot);
            r.session_id
        }
        other => panic!("{other:?}"),
    };
    match parse_frame(&next_raw(&mut ws).await) {
        GatewayEvent::Dispatch(2, DispatchEvent::GuildCreate(g)) => {
            assert_eq!(g.id().to_string(), fake.guild.id);
            match *g {
                twilight_model::gateway::payload::incoming::GuildCreate::Available(g) => {
                    assert_eq!(g.channels.len(), 5);
                    assert_eq!(g.roles.len(), 3);
                    assert_eq!(g.name, "Lumio Demo Server");
                }
                other => panic!("{other:?}"),
            }
        }
        other => panic!("{other:?}"),
    }
    send_text(&mut ws, &json!({"op": 1, "d": 2}).to_string()).await;
    assert!(matches!(
        parse_frame(&next_raw(&mut ws).await),
        GatewayEvent::HeartbeatAck
    ));
    assert!(fake.request_heartbeat(&session_id));
    assert!(matches!(
        parse_frame(&next_raw(&mut ws).await),
        GatewayEvent::Heartbeat(_)
    ));

    let general = fake.guild.channel("general").unwrap().id.clone();
    let id = fake
        .inject_message(&general, &fake.chatter.id, "hi")
        .unwrap();
    match parse_frame(&next_raw(&mut ws).await) {
        GatewayEvent::Dispatch(_, DispatchEvent::MessageCreate(m)) => {
            assert_eq!(m.id.to_string(), id);
            assert_eq!(m.content, "hi");
            assert_eq!(m.guild_id.unwrap().to_string(), fake.guild.id);
            assert!(m.member.is_some());
        }
        other => panic!("{other:?}"),
    }
    fake.delete_message(&id);
    match parse_frame(&next_raw(&mut ws).await) {
        GatewayEvent::Dispatch(_, DispatchEvent::MessageDelete(d)) => {
            assert_eq!(d.id.to_string(), id)
        }
        other => panic!("{other:?}"),
    }
    fake.set_guild_unavailable(&fake.guild.id, true);
    match parse_frame(&next_raw(&mut ws).await) {
        GatewayEvent::Dispatch(_, DispatchEvent::GuildDelete(d)) => {
            assert_eq!(d.unavailable, Some(true))
        }
        other => panic!("{other:?}"),
    }
    fake.set_guild_unavailable(&fake.guild.id, false);
    assert!(matches!(
        parse_frame(&next_raw(&mut ws).await),
        GatewayEvent::Dispatch(_, DispatchEvent::GuildCreate(_))
    ));
    fake.set_bot_in_guild(&fake.guild.id, false);
    match parse_frame(&next_raw(&mut ws).await) {
        GatewayEvent::Dispatch(_, DispatchEvent::GuildDelete(d)) => {
            assert_eq!(d.unavailable, None)
        }
        other => panic!("{other:?}"),
    }
    fake.send_reconnect(&session_id);
    assert!(matches!(
        parse_frame(&next_raw(&mut ws).await),
        GatewayEvent::Reconnect
    ));
    fake.invalidate_session(&session_id, true);
    assert!(matches!(
        parse_frame(&next_raw(&mut ws).await),
        GatewayEvent::InvalidateSession(true)
    ));

    // RESUMED.
    fake.drop_connection(&session_id);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mut ws = connect(&format!("{}?v=10&encoding=json", fake.gateway_url())).await;
    let _hello = next_text(&mut ws).await;
    let seq = fake.session_seq(&session_id).unwrap();
    send_text(
        &mut ws,
        &json!({"op": 6, "d": {"token": fake.bot_token(), "session_id": session_id, "seq": seq}})
            .to_string(),
    )
    .await;
    assert!(matches!(
        parse_frame(&next_raw(&mut ws).await),
        GatewayEvent::Dispatch(_, DispatchEvent::Resumed)
    ));
}

async fn get<T: serde::de::DeserializeOwned>(fake: &FakeDiscord, path: &str) -> T {
    let text = reqwest::Client::new()
        .get(format!("{}{path}", fake.api_url()))
        .header("Authorization", format!("Bot {}", fake.bot_token()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("twilight rejects {path}: {e}: {text}"))
}

async fn send<T: serde::de::DeserializeOwned>(
    fake: &FakeDiscord,
    method: reqwest::Method,
    path: &str,
    body: Value,
) -> T {
    let text = reqwest::Client::new()
        .request(method, format!("{}{path}", fake.api_url()))
        .header("Authorization", format!("Bot {}", fake.bot_token()))
        .json(&body)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("twilight rejects {path}: {e}: {text}"))
}

#[tokio::test]
async fn every_rest_body_parses_with_twilight() {
    use twilight_model::application::command::Command;
    use twilight_model::channel::{Channel, Message};
    use twilight_model::guild::{Guild, Member, Role};
    use twilight_model::user::CurrentUser;

    let fake = FakeDiscord::start().await.unwrap();
    let g = fake.guild.id.clone();
    let me: CurrentUser = get(&fake, "/users/@me").await;
    assert!(me.bot);
    let guild: Guild = get(&fake, &format!("/guilds/{g}")).await;
    assert_eq!(guild.name, "Lumio Demo Server");
    let channels: Vec<Channel> = get(&fake, &format!("/guilds/{g}/channels")).await;
    assert_eq!(channels.len(), 5);
    let roles: Vec<Role> = get(&fake, &format!("/guilds/{g}/roles")).await;
    assert_eq!(roles.len(), 3);
    let general = fake.guild.channel("general").unwrap().id.clone();
    let m: Message = send(
        &fake,
        reqwest::Method::POST,
        &format!("/channels/{general}/messages"),
        json!({"content": "typed"}),
    )
    .await;
    assert_eq!(m.content, "typed");
    let until = (chrono::Utc::now() + chrono::Duration::minutes(5)).to_rfc3339();
    let member: Member = send(
        &fake,
        reqwest::Method::PATCH,
        &format!("/guilds/{g}/members/{}", fake.chatter.id),
        json!({"communication_disabled_until": until}),
    )
    .await;
    assert!(member.communication_disabled_until.is_some());
    let cmds: Vec<Command> = send(
        &fake,
        reqwest::Method::PUT,
        &format!(
            "/applications/{}/guilds/{g}/commands",
            fake.application_id()
        ),
        json!([{"name": "so", "description": "shout out", "type": 1}]),
    )
    .await;
    assert_eq!(cmds[0].name, "so");
    // The token response's guild is a guild object too.
    let url = fake
        .authorize(
            &format!(
                "?client_id={}&scope=bot&response_type=code&redirect_uri=http%3A%2F%2Fx%2Fcb",
                fake.application_id()
            ),
            &lumio_testkit::discord::Consent {
                user_id: fake.guild.owner.id.clone(),
                guild_id: Some(g.clone()),
                approve: true,
            },
        )
        .unwrap();
    let code = url::Url::parse(&url)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .to_string();
    let tok: Value = reqwest::Client::new()
        .post(format!("{}/oauth2/token", fake.api_url()))
        .basic_auth(fake.application_id(), Some(fake.client_secret()))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "http://x/cb"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let _: Guild = serde_json::from_value(tok["guild"].clone()).unwrap();
}
