//! The live WebSocket on both backends: events with cursors, resume with `since` (no gap,
//! no duplicate), a slow client told it lagged, events across two server instances.

#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::{Api, Ws};
use futures::{SinkExt, StreamExt};
use lumio_server::app::AppState;
use lumio_server::testing::TestServer;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

backend_tests!(
    file = "chat_ws", workers = true;
    live_events_carry_cursors,
    reconnecting_with_since_misses_nothing_and_repeats_nothing,
    a_slow_client_is_told_it_lagged,
    bad_requests_are_refused_before_the_upgrade,
    graphql_subscription_carries_the_same_events,
    events_published_out_of_id_order_all_arrive,
);

fn msg(text: &str) -> Value {
    json!({"platform": "twitch", "channel_name": "c", "user_id": "1", "username": "ivy", "message": text})
}

async fn connect(s: &TestServer, token: &str, since: Option<&str>) -> Ws {
    let mut url = format!(
        "{}/v1/chat/ws?token={token}",
        s.url.replace("http://", "ws://")
    );
    if let Some(c) = since {
        url.push_str(&format!("&since={c}"));
    }
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    let hello = next(&mut ws).await;
    assert_eq!(hello["type"], "hello", "{hello}");
    ws
}

async fn next(ws: &mut Ws) -> Value {
    loop {
        let m = tokio::time::timeout(Duration::from_secs(10), ws.next())
            .await
            .expect("an event within 10 s")
            .expect("socket open")
            .unwrap();
        match m {
            Message::Text(t) => return serde_json::from_str(&t).unwrap(),
            Message::Close(_) => return json!({"type": "closed"}),
            _ => continue,
        }
    }
}

async fn ingest(api: &Api, token: &str, text: &str) {
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(token),
            Some(msg(text)),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
}

async fn live_events_carry_cursors(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let mut ws = connect(s, &t, None).await;
    ingest(&api, &t, "one").await;
    ingest(&api, &t, "two").await;
    let a = next(&mut ws).await;
    let b = next(&mut ws).await;
    assert_eq!(
        (a["type"].as_str(), a["message"]["message"].as_str()),
        (Some("message"), Some("one"))
    );
    assert_eq!(b["message"]["message"], "two");
    assert!(a["cursor"].as_str().unwrap() < b["cursor"].as_str().unwrap());

    // Another account's events never arrive.
    let other = api.login("othermod", "lumio-othermod").await;
    let mut ows = connect(s, &other, None).await;
    ingest(&api, &t, "three").await;
    assert_eq!(next(&mut ws).await["message"]["message"], "three");
    assert!(tokio::time::timeout(Duration::from_millis(300), ows.next())
        .await
        .is_err());

    // A second server instance on the same database and bus: its clients see the events.
    if s.state.bus.backend() == "redis" {
        let other_instance = AppState::connect((*s.state.config).clone()).await.unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!(
            "ws://{}/v1/chat/ws?token={t}",
            listener.local_addr().unwrap()
        );
        let serving = tokio::spawn(lumio_server::app::serve(
            listener,
            other_instance,
            std::future::pending(),
        ));
        let (mut ws_b, _) = tokio_tungstenite::connect_async(url).await.unwrap();
        assert_eq!(next(&mut ws_b).await["type"], "hello");
        ingest(&api, &t, "across instances").await;
        assert_eq!(
            next(&mut ws_b).await["message"]["message"],
            "across instances"
        );
        serving.abort();
    }
    ws.close(None).await.unwrap();
}

async fn reconnecting_with_since_misses_nothing_and_repeats_nothing(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let mut ws = connect(s, &t, None).await;
    for i in 0..5 {
        ingest(&api, &t, &format!("before {i}")).await;
    }
    let mut cursor = String::new();
    for i in 0..5 {
        let e = next(&mut ws).await;
        assert_eq!(e["message"]["message"], format!("before {i}"));
        cursor = e["cursor"].as_str().unwrap().to_string();
    }
    drop(ws);
    // Missed while away: some flushed to the database, some still buffered.
    for i in 0..8 {
        ingest(&api, &t, &format!("away {i}")).await;
        if i == 3 {
            tokio::time::sleep(Duration::from_millis(700)).await; // the flush worker runs
        }
    }
    let mut ws = connect(s, &t, Some(&cursor)).await;
    // Messages ingested during and after the replay.
    let writer = {
        let api = Api::new(&s.url);
        let t = t.clone();
        tokio::spawn(async move {
            for i in 0..5 {
                ingest(&api, &t, &format!("live {i}")).await;
            }
        })
    };
    let mut got = Vec::new();
    for _ in 0..13 {
        got.push(
            next(&mut ws).await["message"]["message"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    writer.await.unwrap();
    let expected: Vec<String> = (0..8)
        .map(|i| format!("away {i}"))
        .chain((0..5).map(|i| format!("live {i}")))
        .collect();
    assert_eq!(got, expected);
    assert!(
        tokio::time::timeout(Duration::from_millis(500), ws.next())
            .await
            .is_err(),
        "no duplicate follows"
    );
}

async fn a_slow_client_is_told_it_lagged(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let ws = connect(s, &t, None).await;
    // The client reads nothing while a flood arrives (big messages fill the socket buffers,
    // then the server's bounded queue).
    let me: Value = api.call(Method::GET, "/v1/auth/me", Some(&t), None).await.1;
    let account = me["accounts"][0]["id"].as_str().unwrap().to_string();
    let payload = "x".repeat(1900);
    let bus = s.bus();
    for i in 0..(lumio_server::bus::SUBSCRIBER_BUFFER * 3) {
        let event = json!({"type": "message", "cursor": format!("{i:032x}"), "message": {
            "id": uuid::Uuid::now_v7(), "account_id": account, "platform": "twitch",
            "channel_name": "c", "user_id": "1", "username": "flood", "display_name": null,
            "message": payload, "emotes": [], "badges": [], "color": null, "is_mod": false,
            "is_sub": false, "is_vip": false, "sub_tier": null, "platform_message_id": null,
            "reply_to_message_id": null, "reply_to_user_id": null, "reply_to_username": null,
            "reply_to_message": null, "created_at": "2026-01-01T00:00:00Z", "deleted_at": null,
            "deleted_by": null}});
        bus.publish(
            &lumio_server::bus::keys::chat_events(&account),
            &event.to_string(),
        )
        .await
        .unwrap();
    }
    // Now read: somewhere in the stream comes `lagged`, then the server closes.
    let mut ws = ws;
    let mut lagged = false;
    for _ in 0..(lumio_server::bus::SUBSCRIBER_BUFFER * 3 + 10) {
        let e = next(&mut ws).await;
        if e["type"] == "lagged" {
            lagged = true;
            assert!(e["cursor"].is_string() || e["cursor"].is_null());
            break;
        }
    }
    assert!(lagged, "the slow client was never told it lagged");
    assert_eq!(next(&mut ws).await["type"], "closed");
}

async fn bad_requests_are_refused_before_the_upgrade(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let base = s.url.replace("http://", "ws://");
    for (url, status) in [
        (format!("{base}/v1/chat/ws"), 401),
        (format!("{base}/v1/chat/ws?token=lum_nope"), 401),
        (format!("{base}/v1/chat/ws?token={t}&since=bogus"), 400),
        (format!("{base}/v1/chat/ws?token={t}&account=other"), 403),
    ] {
        match tokio_tungstenite::connect_async(&url).await {
            Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => {
                assert_eq!(resp.status().as_u16(), status, "{url}")
            }
            other => panic!("{url}: expected HTTP {status}, got {:?}", other.map(|_| ())),
        }
    }
}

async fn graphql_subscription_carries_the_same_events(s: &TestServer) {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    ingest(&api, &t, "earlier").await;
    let url = format!("{}/graphql/ws", s.url.replace("http://", "ws://"));
    let mut req = url.into_client_request().unwrap();
    req.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut ws, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    let send = |v: Value| Message::Text(v.to_string().into());
    ws.send(send(
        json!({"type": "connection_init", "payload": {"token": t}}),
    ))
    .await
    .unwrap();
    assert_eq!(next(&mut ws).await["type"], "connection_ack");
    ws.send(send(json!({"id": "1", "type": "subscribe", "payload": {
        "query": "subscription { chatEvents { type cursor message { message username } } }"}})))
        .await
        .unwrap();
    // Live only, without `since`: wait until the subscription is active, then ingest.
    tokio::time::sleep(Duration::from_millis(300)).await;
    ingest(&api, &t, "live via graphql").await;
    let e = next(&mut ws).await;
    assert_eq!(e["type"], "next", "{e}");
    let ev = &e["payload"]["data"]["chatEvents"];
    assert_eq!(ev["type"], "message");
    assert_eq!(ev["message"]["message"], "live via graphql");
    let cursor = ev["cursor"].as_str().unwrap().to_string();

    // With `since`: the replay first.
    ingest(&api, &t, "after the cursor").await;
    assert_eq!(
        next(&mut ws).await["payload"]["data"]["chatEvents"]["message"]["message"],
        "after the cursor"
    );
    ws.send(send(json!({"id": "2", "type": "subscribe", "payload": {
        "query": "subscription($c: String) { chatEvents(since: $c) { message { message } } }",
        "variables": {"c": cursor}}})))
        .await
        .unwrap();
    let r = next(&mut ws).await;
    assert_eq!(r["id"], "2", "{r}");
    assert_eq!(
        r["payload"]["data"]["chatEvents"]["message"]["message"],
        "after the cursor"
    );

    // Without a token the subscription is refused with the code.
    let mut req = format!("{}/graphql/ws", s.url.replace("http://", "ws://"))
        .into_client_request()
        .unwrap();
    req.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut anon, _) = tokio_tungstenite::connect_async(req).await.unwrap();
    anon.send(send(json!({"type": "connection_init", "payload": {}})))
        .await
        .unwrap();
    assert_eq!(next(&mut anon).await["type"], "connection_ack");
    anon.send(send(json!({"id": "1", "type": "subscribe", "payload": {"query": "subscription { chatEvents { type } }"}})))
        .await
        .unwrap();
    let e = next(&mut anon).await;
    assert_eq!(e["payload"]["data"], Value::Null, "{e}");
    assert_eq!(
        e["payload"]["errors"][0]["extensions"]["code"], "unauthorized",
        "{e}"
    );
}

/// Ids are assigned before publishing, so two concurrent ingests can publish in the reverse
/// order of their ids. Both must reach the client (an earlier version dropped the smaller id).
async fn events_published_out_of_id_order_all_arrive(s: &TestServer) {
    use lumio_server::chat::{buffer, model::ChatMessageInput, service};
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let mut ws = connect(s, &t, None).await;
    ingest(&api, &t, "first").await;
    let first = next(&mut ws).await;
    let account: uuid::Uuid = first["message"]["account_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let input = |text: &str| -> ChatMessageInput { serde_json::from_value(msg(text)).unwrap() };
    let older = service::validate(account, &input("older id")).unwrap();
    let newer = service::validate(account, &input("newer id")).unwrap();
    assert!(older.id < newer.id);
    buffer::push(&s.state, &newer).await.unwrap();
    buffer::push(&s.state, &older).await.unwrap();
    assert_eq!(next(&mut ws).await["message"]["message"], "newer id");
    assert_eq!(next(&mut ws).await["message"]["message"], "older id");
    ws.close(None).await.unwrap();
}
