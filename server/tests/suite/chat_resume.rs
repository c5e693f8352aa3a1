//! Resuming the live stream past what is replayed, on both backends (SQLite + in-process
//! bus, PostgreSQL + Redis): the replay is bounded by count (`LUMIO_RESUME_MAX_EVENTS`) and
//! age (`LUMIO_RESUME_MAX_AGE`); a resume point beyond them gets `lagged` with a cursor to
//! resume from and the client's own cursor as `missed_after`, and history holds exactly the
//! messages between the two: never a silent gap.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{ws_frame as next, Api, Ws};
use futures::SinkExt;
use lumio_server::testing::TestServer;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

/// Most messages replayed in these tests.
const MAX_EVENTS: usize = 6;

/// Small resume limits, set on the test server's configuration.
struct Limits;

impl common::Fake for Limits {
    fn configure(&self, c: &mut lumio_server::config::Config) {
        c.chat.resume_max_events = MAX_EVENTS;
        c.chat.resume_max_age = Duration::from_secs(3600);
    }
}

async fn limits() -> Limits {
    Limits
}

backend_tests!(
    file = "chat_resume", workers = true, with = limits;
    missing_more_than_is_replayed_gets_lagged_and_history_fills_the_gap,
    a_resume_point_older_than_is_replayed_gets_lagged,
    the_graphql_subscription_says_lagged_the_same_way,
);

fn msg(text: &str) -> Value {
    json!({"platform": "twitch", "channel_name": "c", "user_id": "1", "username": "ivy", "message": text})
}

async fn ingest(api: &Api, token: &str, text: &str) -> String {
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(token),
            Some(msg(text)),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    b["message"]["id"].as_str().unwrap().replace('-', "")
}

async fn connect(s: &TestServer, token: &str, since: Option<&str>) -> Ws {
    common::ws_open(&s.url, token, since).await
}

/// The texts of history older than `cursor`, newest first, down to (not including) the
/// message with cursor `stop`: what a client told `lagged` fetches.
async fn history_between(api: &Api, token: &str, cursor: &str, stop: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut page_cursor = cursor.to_string();
    loop {
        let (st, page) = api
            .call(
                Method::GET,
                &format!("/v1/chat/history?limit=4&cursor={page_cursor}"),
                Some(token),
                None,
            )
            .await;
        assert_eq!(st, StatusCode::OK, "{page}");
        for m in page["messages"].as_array().unwrap() {
            if m["id"].as_str().unwrap().replace('-', "").as_str() <= stop {
                return out;
            }
            out.push(m["message"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => page_cursor = c.to_string(),
            None => return out,
        }
    }
}

async fn missing_more_than_is_replayed_gets_lagged_and_history_fills_the_gap(
    s: &TestServer,
    _: &Limits,
) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let mine = ingest(&api, &t, "m0").await;
    // Missed while away: more than MAX_EVENTS.
    for i in 1..=20 {
        ingest(&api, &t, &format!("m{i}")).await;
    }
    let mut ws = connect(s, &t, Some(&mine)).await;
    let lagged = next(&mut ws).await;
    assert_eq!(lagged["type"], "lagged", "{lagged}");
    assert_eq!(lagged["missed_after"], mine.as_str());
    let from = lagged["cursor"].as_str().unwrap().to_string();
    assert!(
        from > mine,
        "resume point {from} is past the client's {mine}"
    );
    assert_eq!(
        next(&mut ws).await["type"],
        "closed",
        "lagged ends the stream"
    );

    // More arrives while the client reconnects: it is not told again.
    ingest(&api, &t, "m21").await;
    let mut ws = connect(s, &t, Some(&from)).await;
    let mut replayed = Vec::new();
    for _ in 0..(MAX_EVENTS / 2 + 1) {
        let e = next(&mut ws).await;
        assert_eq!(e["type"], "message", "{e}");
        replayed.push(e["message"]["message"].as_str().unwrap().to_string());
    }
    assert_eq!(
        replayed,
        ["m18", "m19", "m20", "m21"],
        "the newest half, then live"
    );
    ingest(&api, &t, "m22").await;
    assert_eq!(next(&mut ws).await["message"]["message"], "m22");

    // History holds exactly what was not replayed: m1..m17.
    let mut gap = history_between(&api, &t, &from, &mine).await;
    gap.reverse();
    let expected: Vec<String> = (1..=17).map(|i| format!("m{i}")).collect();
    assert_eq!(gap, expected);
}

async fn a_resume_point_older_than_is_replayed_gets_lagged(s: &TestServer, _: &Limits) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    ingest(&api, &t, "recent").await;
    // A cursor from two hours ago (the limit is one hour).
    let old = lumio_server::chat::service::cursor_at(
        lumio_server::store::now() - chrono::Duration::hours(2),
    )
    .simple()
    .to_string();
    let mut ws = connect(s, &t, Some(&old)).await;
    let lagged = next(&mut ws).await;
    assert_eq!(lagged["type"], "lagged", "{lagged}");
    assert_eq!(lagged["missed_after"], old.as_str());
    let from = lagged["cursor"].as_str().unwrap().to_string();
    assert!(from > old);
    assert_eq!(next(&mut ws).await["type"], "closed");
    // From there the recent message is replayed.
    let mut ws = connect(s, &t, Some(&from)).await;
    assert_eq!(next(&mut ws).await["message"]["message"], "recent");

    // Within the limits nothing changes: a plain replay, no lagged.
    let mine = ingest(&api, &t, "a").await;
    ingest(&api, &t, "b").await;
    let mut ws = connect(s, &t, Some(&mine)).await;
    let e = next(&mut ws).await;
    assert_eq!(
        (e["type"].as_str(), e["message"]["message"].as_str()),
        (Some("message"), Some("b")),
        "{e}"
    );
}

async fn the_graphql_subscription_says_lagged_the_same_way(s: &TestServer, _: &Limits) {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let mine = ingest(&api, &t, "g0").await;
    for i in 1..=10 {
        ingest(&api, &t, &format!("g{i}")).await;
    }
    let mut req = format!("{}/graphql/ws", s.url.replace("http://", "ws://"))
        .into_client_request()
        .unwrap();
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
        "query": "subscription($c: String) { chatEvents(since: $c) { type cursor event } }",
        "variables": {"c": mine}}})))
        .await
        .unwrap();
    let e = next(&mut ws).await;
    let ev = &e["payload"]["data"]["chatEvents"];
    assert_eq!(ev["type"], "lagged", "{e}");
    assert_eq!(ev["event"]["missed_after"], mine.as_str());
    assert_eq!(ev["event"]["cursor"], ev["cursor"]);
    assert!(ev["cursor"].as_str().unwrap() > mine.as_str());
    assert_eq!(
        next(&mut ws).await["type"],
        "complete",
        "the subscription ends"
    );
}
