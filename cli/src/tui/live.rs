//! The live WebSocket of the TUI: follows `/v1/chat/ws`, and when the connection is lost
//! (or the server says `lagged`) reconnects with backoff and resumes from the last cursor,
//! so nothing is missed and nothing shown twice.

use std::time::Duration;

use futures::StreamExt;
use serde_json::Value;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;

use super::app::{Conn, Input};

/// Follow the live events until the receiver goes away.
pub async fn follow(
    server: String,
    token: String,
    account: Option<String>,
    since: Option<String>,
    tx: mpsc::Sender<Input>,
) {
    let mut cursor = since;
    let mut delay = Duration::from_millis(250);
    loop {
        if tx.is_closed() {
            return;
        }
        let url = super::ws_url(&server, &token, account.as_deref(), cursor.as_deref());
        let why = match tokio_tungstenite::connect_async(url.as_str()).await {
            Ok((ws, _)) => {
                delay = Duration::from_millis(250);
                if tx.send(Input::Conn(Conn::Live)).await.is_err() {
                    return;
                }
                let (_, mut read) = ws.split();
                let mut why = "connection lost".to_string();
                while let Some(frame) = read.next().await {
                    let text = match frame {
                        Ok(Message::Text(t)) => t,
                        Ok(Message::Close(_)) => {
                            why = "server closed the connection".into();
                            break;
                        }
                        Ok(_) => continue,
                        Err(e) => {
                            why = e.to_string();
                            break;
                        }
                    };
                    let Ok(event) = serde_json::from_str::<Value>(&text) else {
                        continue;
                    };
                    match event["type"].as_str() {
                        Some("hello") => continue,
                        Some("lagged") => {
                            why = "fell behind; catching up".into();
                            break;
                        }
                        _ => {}
                    }
                    if let Some(c) = event["cursor"].as_str() {
                        cursor = Some(c.to_string());
                    }
                    if tx.send(Input::Event(event)).await.is_err() {
                        return;
                    }
                }
                why
            }
            Err(e) => e.to_string(),
        };
        if tx
            .send(Input::Conn(Conn::Reconnecting(short(&why))))
            .await
            .is_err()
        {
            return;
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(5));
    }
}

fn short(s: &str) -> String {
    s.chars().take(60).collect()
}
