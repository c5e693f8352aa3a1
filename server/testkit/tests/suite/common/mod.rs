#![allow(dead_code)]

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use lumio_testkit::twitch::{Config, FakeTwitch};
use serde_json::Value;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A fake with Twitch's behaviour but short waits, so tests need not sit out 10 s keepalives.
pub async fn quick_fake() -> FakeTwitch {
    FakeTwitch::start_with(Config {
        min_keepalive_seconds: 1,
        device_poll_interval: Duration::ZERO,
        reconnect_grace: Duration::from_secs(3),
        ..Config::default()
    })
    .await
    .expect("fake starts")
}

pub fn http() -> reqwest::Client {
    reqwest::Client::new()
}

/// A Helix request with the fake's client id and this bearer token.
pub fn helix(
    fake: &FakeTwitch,
    method: reqwest::Method,
    path: &str,
    token: &str,
) -> reqwest::RequestBuilder {
    http()
        .request(method, format!("{}{path}", fake.helix_url()))
        .bearer_auth(token)
        .header("Client-Id", fake.client_id())
}

pub async fn body(r: reqwest::Response) -> (u16, Value) {
    let status = r.status().as_u16();
    let text = r.text().await.expect("body");
    let v = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    };
    (status, v)
}

pub async fn connect(url: &str) -> Ws {
    let (ws, _) = tokio_tungstenite::connect_async(url)
        .await
        .expect("ws connects");
    ws
}

/// What the next frame was.
#[derive(Debug)]
pub enum Frame {
    Json(Value),
    Close(Option<u16>),
    /// The connection ended without a close frame.
    Gone,
    Timeout,
}

pub async fn next_frame(ws: &mut Ws, wait: Duration) -> Frame {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        match tokio::time::timeout(left, ws.next()).await {
            Err(_) => return Frame::Timeout,
            Ok(None) | Ok(Some(Err(_))) => return Frame::Gone,
            Ok(Some(Ok(Message::Text(t)))) => {
                return Frame::Json(serde_json::from_str(&t).expect("json text frame"))
            }
            Ok(Some(Ok(Message::Close(c)))) => return Frame::Close(c.map(|c| u16::from(c.code))),
            Ok(Some(Ok(_))) => continue,
        }
    }
}

/// The next JSON message, skipping keepalives.
pub async fn next_message(ws: &mut Ws) -> Value {
    loop {
        match next_frame(ws, Duration::from_secs(5)).await {
            Frame::Json(v) if v["metadata"]["message_type"] == "session_keepalive" => continue,
            Frame::Json(v) => return v,
            other => panic!("expected a message, got {other:?}"),
        }
    }
}

/// Connect and read the welcome; returns the socket and the session id.
pub async fn session(fake: &FakeTwitch, keepalive: u64) -> (Ws, String) {
    let mut ws = connect(&format!(
        "{}?keepalive_timeout_seconds={keepalive}",
        fake.eventsub_ws_url()
    ))
    .await;
    let welcome = next_message(&mut ws).await;
    assert_eq!(welcome["metadata"]["message_type"], "session_welcome");
    let id = welcome["payload"]["session"]["id"]
        .as_str()
        .expect("session id")
        .to_string();
    (ws, id)
}

/// Create a WebSocket subscription through Helix; returns (status, body).
pub async fn subscribe(
    fake: &FakeTwitch,
    token: &str,
    session_id: &str,
    kind: &str,
    version: &str,
    condition: Value,
) -> (u16, Value) {
    let r = helix(
        fake,
        reqwest::Method::POST,
        "/eventsub/subscriptions",
        token,
    )
    .json(&serde_json::json!({
        "type": kind, "version": version, "condition": condition,
        "transport": {"method": "websocket", "session_id": session_id},
    }))
    .send()
    .await
    .expect("subscribe");
    body(r).await
}

pub async fn send_text(ws: &mut Ws, text: &str) {
    ws.send(Message::Text(text.into())).await.expect("send");
}

/// The next frame that is not a keepalive.
pub async fn next_non_keepalive(ws: &mut Ws, wait: Duration) -> Frame {
    let deadline = tokio::time::Instant::now() + wait;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        match next_frame(ws, left).await {
            Frame::Json(v) if v["metadata"]["message_type"] == "session_keepalive" => continue,
            other => return other,
        }
    }
}
