//! The live WebSocket, `/v1/chat/ws`: the account's events as JSON, each with a cursor.
//!
//! `?since=<cursor>` first replays what the client missed (stored and buffered messages
//! after the cursor, oldest first), then goes live with no gap and no duplicate: the bus
//! subscription is opened before the replay, and live messages the replay already sent are
//! skipped. The replay is bounded by count and age (`LUMIO_RESUME_MAX_EVENTS`, default
//! 10,000 messages; `LUMIO_RESUME_MAX_AGE`, default 10 minutes): a client that missed more,
//! or resumes from an older cursor, is sent `{"type":"lagged","cursor":C,"missed_after":S}`
//! and disconnected: it resumes from `C` (replayed in full) and fetches the messages between
//! its own cursor `S` and `C` from history (`/v1/chat/history?cursor=C` pages back from `C`;
//! stop at `S`). Never a silent gap. A client too slow to keep up is sent `{"type":"lagged","cursor":…}` (the last
//! cursor it was sent) and disconnected, to re-sync from that cursor: the server never
//! buffers more than a bounded number of events for it. When the server shuts down, each
//! socket is closed with 1001 (going away) so that shutdown never waits on a live client.
//!
//! Known limit of resuming: ids are assigned at ingest, before the event is published, so
//! two concurrent ingests may publish in the reverse order of their ids. A client that
//! disconnects in the few milliseconds between them and resumes from the larger id's
//! cursor will not be replayed the smaller one. Live delivery itself never drops it (ids
//! already replayed are skipped by membership, not by comparing ids).
//!
//! Authentication: the `Authorization: Bearer …` header of the upgrade request; `?token=` is
//! accepted for browsers, which cannot set headers, and is redacted from every log line. A
//! subscriber receives only the events its permissions allow
//! ([`crate::events::model::live_event_permission`]). When the token is revoked (on any instance)
//! or expires, the socket is closed with 1008 (policy violation).

use axum::extract::ws::{CloseFrame, Message, Utf8Bytes, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use futures::SinkExt;
use serde::Deserialize;
use serde_json::json;
use uuid::Uuid;

use crate::auth::revocation::LiveToken;
use crate::auth::{AccountCtx, Auth, Permission};
use crate::bus::{keys, Subscription};
use crate::error::{AppError, AppResult};
use crate::events::live::{live_events, LiveItem};
use crate::events::model::{decode_cursor, encode_cursor};
use crate::http::extract::ApiQuery;
use crate::state::AppState;

/// Most events written to a socket before it is flushed.
const MAX_BURST: usize = 64;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
pub struct WsQuery {
    /// Resume after this cursor (the `cursor` of the last event received).
    pub since: Option<String>,
    /// Bearer token, for clients that cannot set the Authorization header.
    pub token: Option<String>,
    /// Account id or slug, for users in several accounts.
    pub account: Option<String>,
}

/// Live events of the account (WebSocket upgrade; `chat:read`).
#[utoipa::path(get, path = "/v1/chat/ws", tag = "chat", security(("bearer" = [])),
    params(WsQuery),
    responses((status = 101, description = "Switching to the WebSocket protocol"),
        (status = 400, body = crate::error::ErrorBody), (status = 401, body = crate::error::ErrorBody),
        (status = 403, body = crate::error::ErrorBody)))]
pub async fn chat_ws(
    State(state): State<AppState>,
    mut headers: HeaderMap,
    ApiQuery(q): ApiQuery<WsQuery>,
    upgrade: WebSocketUpgrade,
) -> AppResult<Response> {
    // The Authorization header of the upgrade request is the way to authenticate; `token=`
    // is kept for browsers, which cannot set it (the access log never shows its value).
    if let Some(t) = &q.token {
        if !headers.contains_key(axum::http::header::AUTHORIZATION) {
            let value = format!("Bearer {t}")
                .parse()
                .map_err(|_| AppError::BadRequest("token is not a valid header value".into()))?;
            headers.insert(axum::http::header::AUTHORIZATION, value);
        }
    }
    let auth = Auth::from_headers(&state, &headers).await?;
    let ctx = auth.require_in(Permission::ChatRead, q.account.as_deref())?;
    let since = match q.since.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(c) => Some(decode_cursor(c).ok_or_else(|| {
            AppError::BadRequest(format!("invalid cursor '{}'", crate::validate::quote(c)))
        })?),
    };
    // Watch the token and subscribe before answering, so that neither a revocation nor an
    // event published after the upgrade is missed.
    let live = LiveToken::watch(&state, &auth.principal);
    let sub = state
        .bus
        .subscribe(&keys::chat_events(ctx.account_id))
        .await?;
    Ok(upgrade.on_upgrade(move |socket| async move {
        if let Err(e) = run(state, socket, sub, &ctx, since, live).await {
            tracing::debug!(error = %e, "chat websocket closed");
        }
    }))
}

async fn send(socket: &mut WebSocket, value: serde_json::Value) -> Result<(), axum::Error> {
    socket
        .send(Message::Text(Utf8Bytes::from(value.to_string())))
        .await
}

async fn run(
    state: AppState,
    mut socket: WebSocket,
    sub: Subscription,
    ctx: &AccountCtx,
    since: Option<Uuid>,
    mut live: LiveToken,
) -> anyhow::Result<()> {
    let account = ctx.account_id;
    send(
        &mut socket,
        json!({"type": "hello", "account_id": account, "cursor": since.map(encode_cursor)}),
    )
    .await?;
    let closing = state.clone();
    let closed = crate::state::closed(&closing);
    tokio::pin!(closed);
    let mut events = live_events(state, sub, account, since, ctx.permissions.clone());
    // An item taken while gathering a burst that is not an event: handled next.
    let mut pending: Option<AppResult<LiveItem>> = None;
    loop {
        let item = match pending.take() {
            Some(item) => Some(item),
            None => tokio::select! {
                () = &mut closed => {
                    // 1001 Going Away: the client reconnects (to this server once it is
                    // back, or to another instance) and resumes from its cursor.
                    socket
                        .send(Message::Close(Some(CloseFrame {
                            code: axum::extract::ws::close_code::AWAY,
                            reason: Utf8Bytes::from_static("server shutting down"),
                        })))
                        .await?;
                    break;
                }
                why = live.ended() => {
                    // 1008 Policy Violation: the token was revoked or expired; the client
                    // must authenticate again.
                    socket
                        .send(Message::Close(Some(CloseFrame {
                            code: axum::extract::ws::close_code::POLICY,
                            reason: Utf8Bytes::from_static(why.reason()),
                        })))
                        .await?;
                    break;
                }
                item = events.recv() => item,
                incoming = socket.recv() => match incoming {
                    None | Some(Err(_)) | Some(Ok(Message::Close(_))) => break,
                    Some(Ok(_)) => continue, // pings are answered by axum; other input is ignored
                },
            },
        };
        match item {
            None => break,
            Some(Err(e)) => {
                send(
                    &mut socket,
                    json!({"type": "error", "message": e.to_string()}),
                )
                .await?;
                break;
            }
            Some(Ok(LiveItem::Lagged {
                cursor,
                missed_after,
            })) => {
                send(&mut socket, LiveItem::lagged_json(&cursor, &missed_after)).await?;
                socket.send(Message::Close(None)).await?;
                break;
            }
            Some(Ok(LiveItem::Event(json))) => {
                // Events already waiting go out in the same write: one flush (one system
                // call) for a burst instead of one per frame.
                socket.feed(Message::Text(Utf8Bytes::from(json))).await?;
                for _ in 1..MAX_BURST {
                    match events.try_recv() {
                        Ok(Ok(LiveItem::Event(json))) => {
                            socket.feed(Message::Text(Utf8Bytes::from(json))).await?;
                        }
                        Ok(other) => {
                            pending = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                socket.flush().await?;
            }
        }
    }
    Ok(())
}
