//! The live WebSocket of the TUI: follows `/v1/chat/ws` through the API client (the token
//! in the upgrade's `Authorization` header), and when the connection is lost (or the server
//! says `lagged`) reconnects with backoff and resumes from the last cursor, so nothing is
//! missed and nothing shown twice.

use std::time::Duration;

use tokio::sync::mpsc;

use super::state::Conn;
use super::update::Input;
use crate::api::live::{ConnectError, LiveEvent};
use crate::api::Client;

/// Follow the live events until the receiver goes away.
pub async fn follow(client: Client, since: Option<String>, tx: mpsc::Sender<Input>) {
    let mut cursor = since;
    let mut delay = Duration::from_millis(250);
    loop {
        if tx.is_closed() {
            return;
        }
        let why = match client.connect_live(cursor.as_deref()).await {
            Ok(mut live) => {
                delay = Duration::from_millis(250);
                if tx.send(Input::Conn(Conn::Live)).await.is_err() {
                    return;
                }
                let mut why = "connection lost".to_string();
                while let Some(frame) = live.next().await {
                    let frame = match frame {
                        Ok(f) => f,
                        Err(e) => {
                            why = e;
                            break;
                        }
                    };
                    match frame.event {
                        LiveEvent::Hello => continue,
                        LiveEvent::Lagged { cursor: c } => {
                            // Resume where the server says: for a resume point older than
                            // it replays, that is past the client's own cursor.
                            cursor = c.clone().or(cursor);
                            why = "fell behind; catching up".into();
                            break;
                        }
                        _ => {}
                    }
                    if let Some(c) = &frame.cursor {
                        cursor = Some(c.clone());
                    }
                    let input = Input::Live {
                        event: Box::new(frame.event),
                        cursor: frame.cursor,
                        at: chrono::Utc::now(),
                    };
                    if tx.send(input).await.is_err() {
                        return;
                    }
                }
                why
            }
            Err(ConnectError::Refused(e)) => e.message,
            Err(ConnectError::Unreachable(e)) => e,
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
