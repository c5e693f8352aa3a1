//! The live fan-out to one subscriber (a WebSocket or a GraphQL `chatEvents`
//! subscription): replay after a cursor from the chat history and buffer, then the bus
//! events of the account, filtered by the subscriber's permissions, with no gap and no
//! duplicate. The replay reads `chat::service` (history is chat's); chat's ingest only calls
//! [`super::emit`], so nothing here is a cycle with the chatter.

use futures::StreamExt;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use super::model::{decode_cursor, encode_cursor, may_receive, ChatEvent};
use crate::auth::PermissionSet;
use crate::bus::{Subscription, LAGGED};
use crate::chat::service;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Messages per replay page.
const REPLAY_PAGE: i64 = 500;

/// What a live client receives.
#[derive(Debug, Clone)]
pub enum LiveItem {
    /// An event as JSON: the bus payload as published (serialized once for every client of
    /// every instance), or a replayed message serialized here.
    Event(String),
    /// The client fell behind; re-sync from `cursor`. A slow client: the last cursor it
    /// was sent. A resume point older or further back than is replayed
    /// ([`service::resume_from`]): where the replay can start, with `missed_after` the
    /// client's own cursor; the messages between the two are in history.
    Lagged {
        cursor: Option<String>,
        missed_after: Option<String>,
    },
}

impl LiveItem {
    /// The `lagged` event as JSON.
    pub fn lagged_json(
        cursor: &Option<String>,
        missed_after: &Option<String>,
    ) -> serde_json::Value {
        let mut v = json!({"type": "lagged", "cursor": cursor});
        if let Some(m) = missed_after {
            v["missed_after"] = json!(m);
        }
        v
    }
}

/// The parts of a published event the live stream needs, read without building the event.
#[derive(Deserialize)]
struct Peek<'a> {
    #[serde(rename = "type", borrow)]
    kind: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    cursor: std::borrow::Cow<'a, str>,
}

/// Events after `since` (replayed from storage and buffer), then live ones, with no gap and
/// no duplicate; ends after a [`LiveItem::Lagged`]. Only the events the subscriber's
/// permissions (`held`, in the account) allow are passed on ([`may_receive`]). `sub` must be
/// subscribed to the account's events before this is called. The queue between the
/// producer and the client is bounded: a client that stops reading makes the bus
/// subscription lag, not memory grow.
pub fn live_events(
    state: AppState,
    mut sub: Subscription,
    account: Uuid,
    since: Option<Uuid>,
    held: PermissionSet,
) -> tokio::sync::mpsc::Receiver<AppResult<LiveItem>> {
    let (tx, rx) = tokio::sync::mpsc::channel(256);
    tokio::spawn(async move {
        let mut last = since;
        // Ids sent by the replay. Live events are skipped by membership, not by comparing
        // ids: ids are assigned before publishing, so concurrent ingests may be published
        // slightly out of id order, and a smaller id arriving later is still new.
        let mut replayed = std::collections::HashSet::new();
        if let Some(mut after) = since {
            match service::resume_from(&state, account, after).await {
                Ok(service::ResumeFrom::Since) => {}
                Ok(service::ResumeFrom::Lagged(from)) => {
                    let _ = tx
                        .send(Ok(LiveItem::Lagged {
                            cursor: Some(encode_cursor(from)),
                            missed_after: Some(encode_cursor(after)),
                        }))
                        .await;
                    return;
                }
                Err(e) => {
                    let _ = tx.send(Err(e)).await;
                    return;
                }
            }
            loop {
                let page = match service::since(&state, account, after, REPLAY_PAGE).await {
                    Ok(p) => p,
                    Err(e) => {
                        let _ = tx.send(Err(e)).await;
                        return;
                    }
                };
                let Some(tail) = page.last() else { break };
                after = tail.id;
                let full = page.len() as i64 == REPLAY_PAGE;
                for m in page {
                    last = Some(m.id);
                    replayed.insert(m.id);
                    let event = ChatEvent::Message {
                        cursor: m.cursor(),
                        message: m,
                    };
                    let json = match serde_json::to_string(&event) {
                        Ok(j) => j,
                        Err(e) => {
                            let _ = tx.send(Err(AppError::internal(e))).await;
                            return;
                        }
                    };
                    if tx.send(Ok(LiveItem::Event(json))).await.is_err() {
                        return;
                    }
                }
                if !full {
                    break;
                }
            }
        }
        while let Some(payload) = sub.next().await {
            if payload == LAGGED {
                let _ = tx
                    .send(Ok(LiveItem::Lagged {
                        cursor: last.map(encode_cursor),
                        missed_after: None,
                    }))
                    .await;
                return;
            }
            let Ok(peek) = serde_json::from_str::<Peek>(&payload) else {
                continue;
            };
            if !may_receive(&held, &peek.kind) {
                continue;
            }
            let cursor = decode_cursor(&peek.cursor);
            if peek.kind == "message" && !replayed.is_empty() {
                if let Some(id) = cursor {
                    if replayed.remove(&id) {
                        continue; // already sent by the replay
                    }
                }
            }
            last = last.max(cursor);
            if tx.send(Ok(LiveItem::Event(payload))).await.is_err() {
                return;
            }
        }
    });
    rx
}
