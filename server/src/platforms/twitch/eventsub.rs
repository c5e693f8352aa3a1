//! Twitch chat in: an EventSub WebSocket client for one channel (issue 15 §3).
//!
//! Per Twitch's "Handling WebSocket events" guide:
//! - `session_welcome`: the client subscribes ([`SUBSCRIPTIONS`]) through Helix
//!   `POST /eventsub/subscriptions` with the session id, within the welcome's grace (10 s);
//! - no message (notification or keepalive) within `keepalive_timeout_seconds`: the connection
//!   is dead; reconnect and subscribe again;
//! - `session_reconnect`: connect to `reconnect_url` first, and drop the old connection only
//!   after the new one's welcome (its subscriptions move with it: no new subscribe);
//! - `revocation`: that subscription stops (logged; a revoked `channel.moderate` lets
//!   `channel.ban` / `channel.unban` report bans again);
//! - a close frame (4000–4007) or a dropped connection: reconnect with exponential backoff and
//!   full jitter (backon), reset after a welcome.
//!
//! Twitch may deliver a notification twice; `metadata.message_id` is remembered for the last
//! [`SEEN_IDS`] notifications and a repeat is dropped (chat ingest dedups again by message id).

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use backon::BackoffBuilder;
use futures::StreamExt;
use reqwest::Method;
use serde_json::{json, Value};
use tokio::sync::{mpsc, watch};
use tokio_tungstenite::tungstenite::Message;

use super::connector::TwitchConnector;
use super::events::{condition, parse, SUBSCRIPTIONS};
use crate::platforms::connector::{PlatformError, PlatformEvent, PlatformResult};

/// Twitch's EventSub WebSocket endpoint.
pub const DEFAULT_EVENTSUB_URL: &str = "wss://eventsub.wss.twitch.tv/ws";
/// How long to wait for a welcome after connecting (Twitch closes unused connections after 10 s).
const WELCOME_TIMEOUT: Duration = Duration::from_secs(10);
/// Leeway on top of `keepalive_timeout_seconds` before a quiet connection counts as dead.
const KEEPALIVE_SLACK: Duration = Duration::from_secs(2);
/// Notification ids remembered to drop Twitch's re-deliveries.
pub const SEEN_IDS: usize = 4096;

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Where the user access token of the channel comes from (the channel's credential, refreshed
/// before it expires; a fixed string in tests).
#[async_trait]
pub trait TokenSource: Send + Sync {
    async fn token(&self) -> PlatformResult<String>;
    /// `used` was refused (a 401): a refreshed token (or the one another task put in its
    /// place). By default the same source is asked again.
    async fn refused(&self, _used: &str) -> PlatformResult<String> {
        self.token().await
    }
}

/// One channel to read, with the token user (broadcaster or a moderator bot).
#[derive(Debug, Clone)]
pub struct EventSubChannel {
    pub broadcaster_id: String,
    pub user_id: String,
}

/// Settings of the client; `Default` is Twitch's.
#[derive(Debug, Clone)]
pub struct EventSubOptions {
    pub ws_url: String,
    /// Asked of the server as `keepalive_timeout_seconds` (10–600); None: the server's default.
    pub keepalive_seconds: Option<u64>,
    pub min_backoff: Duration,
    pub max_backoff: Duration,
}

impl Default for EventSubOptions {
    fn default() -> Self {
        EventSubOptions {
            ws_url: DEFAULT_EVENTSUB_URL.into(),
            keepalive_seconds: None,
            min_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
        }
    }
}

/// The welcome's session.
#[derive(Debug, Clone)]
struct Session {
    id: String,
    keepalive: Duration,
}

/// Why a connection ended.
enum End {
    Stopped,
    Lost(String),
}

/// The client of one channel. [`EventSubClient::run`] delivers events until `stop` turns true
/// or the receiver is dropped.
pub struct EventSubClient {
    helix: TwitchConnector,
    tokens: Arc<dyn TokenSource>,
    channel: EventSubChannel,
    options: EventSubOptions,
    seen: (HashSet<String>, VecDeque<String>),
    /// `channel.moderate` is active on the session (it then reports bans and unbans).
    with_moderate: bool,
}

impl EventSubClient {
    pub fn new(
        helix: TwitchConnector,
        tokens: Arc<dyn TokenSource>,
        channel: EventSubChannel,
        options: EventSubOptions,
    ) -> EventSubClient {
        EventSubClient {
            helix,
            tokens,
            channel,
            options,
            seen: Default::default(),
            with_moderate: false,
        }
    }

    fn url(&self) -> String {
        match self.options.keepalive_seconds {
            Some(k) => {
                let sep = if self.options.ws_url.contains('?') {
                    '&'
                } else {
                    '?'
                };
                format!("{}{sep}keepalive_timeout_seconds={k}", self.options.ws_url)
            }
            None => self.options.ws_url.clone(),
        }
    }

    fn backoff(&self) -> impl Iterator<Item = Duration> {
        backon::ExponentialBuilder::default()
            .with_min_delay(self.options.min_backoff)
            .with_max_delay(self.options.max_backoff)
            .with_jitter()
            .without_max_times()
            .build()
    }

    pub async fn run(mut self, tx: mpsc::Sender<PlatformEvent>, mut stop: watch::Receiver<bool>) {
        let mut delays = self.backoff();
        let b = self.channel.broadcaster_id.clone();
        while !*stop.borrow() {
            let url = self.url();
            let end = match connect(&url).await {
                Ok((ws, session)) => match self.subscribe(&session).await {
                    Ok(()) => {
                        delays = self.backoff();
                        tracing::info!(broadcaster = %b, session = %session.id,
                            "twitch eventsub connected");
                        self.serve(ws, session, &tx, &mut stop).await
                    }
                    Err(e) => End::Lost(format!("subscribing failed: {e}")),
                },
                Err(e) => End::Lost(e),
            };
            match end {
                End::Stopped => return,
                End::Lost(why) => {
                    let wait = delays.next().unwrap_or(self.options.max_backoff);
                    tracing::warn!(broadcaster = %b, %why, ?wait, "twitch eventsub reconnecting");
                    tokio::select! {
                        _ = tokio::time::sleep(wait) => {}
                        _ = stop.changed() => {}
                    }
                }
            }
        }
    }

    /// Create every subscription on the session. One the token may not have (403: not the
    /// broadcaster, not a moderator, a scope missing) is skipped with a warning; an error on
    /// every one fails.
    async fn subscribe(&mut self, session: &Session) -> PlatformResult<()> {
        let mut token = self.tokens.token().await?;
        let mut refreshed = false;
        let (b, u) = (&self.channel.broadcaster_id, &self.channel.user_id);
        let mut made = 0;
        let mut last = None;
        self.with_moderate = false;
        for (kind, version) in SUBSCRIPTIONS {
            let body = json!({
                "type": kind, "version": version, "condition": condition(kind, b, u),
                "transport": { "method": "websocket", "session_id": session.id },
            });
            let post = |token: &str| {
                self.helix
                    .request(token, Method::POST, "/eventsub/subscriptions")
                    .json(&body)
            };
            let mut result = self.helix.call(post(&token)).await;
            // A refused token is refreshed once per session (connections::tokens).
            if matches!(result, Err(PlatformError::Unauthorized { .. })) && !refreshed {
                refreshed = true;
                token = self.tokens.refused(&token).await?;
                result = self.helix.call(post(&token)).await;
            }
            match result {
                Ok(_) | Err(PlatformError::Api { status: 409, .. }) => {
                    made += 1;
                    if *kind == "channel.moderate" {
                        self.with_moderate = true;
                    }
                }
                Err(e @ PlatformError::Unauthorized { .. }) => return Err(e),
                Err(e) => {
                    tracing::warn!(broadcaster = %b, kind, error = %e,
                        "twitch eventsub subscription refused");
                    last = Some(e);
                }
            }
        }
        match (made, last) {
            (0, Some(e)) => Err(e),
            _ => Ok(()),
        }
    }

    async fn serve(
        &mut self,
        mut ws: Ws,
        mut session: Session,
        tx: &mpsc::Sender<PlatformEvent>,
        stop: &mut watch::Receiver<bool>,
    ) -> End {
        loop {
            let next = tokio::select! {
                _ = stop.changed() => {
                    let _ = ws.close(None).await;
                    return End::Stopped;
                }
                n = tokio::time::timeout(session.keepalive + KEEPALIVE_SLACK, ws.next()) => n,
            };
            let text = match next {
                Err(_) => return End::Lost("no message within the keepalive timeout".into()),
                Ok(None) => return End::Lost("the connection ended".into()),
                Ok(Some(Err(e))) => return End::Lost(format!("read failed: {e}")),
                Ok(Some(Ok(Message::Text(t)))) => t,
                Ok(Some(Ok(Message::Close(frame)))) => {
                    return End::Lost(match frame {
                        Some(f) => format!("closed with {}: {}", u16::from(f.code), f.reason),
                        None => "closed".into(),
                    })
                }
                Ok(Some(Ok(_))) => continue, // ping / pong / binary
            };
            let Ok(msg) = serde_json::from_str::<Value>(text.as_str()) else {
                tracing::warn!("twitch eventsub sent something not JSON");
                continue;
            };
            let meta = &msg["metadata"];
            match meta["message_type"].as_str().unwrap_or_default() {
                "notification" => {
                    let id = meta["message_id"].as_str().unwrap_or_default();
                    if !self.first_time(id) {
                        continue;
                    }
                    let kind = meta["subscription_type"].as_str().unwrap_or_default();
                    if let Some(ev) = parse(kind, &msg["payload"]["event"], self.with_moderate) {
                        if tx.send(ev).await.is_err() {
                            let _ = ws.close(None).await;
                            return End::Stopped;
                        }
                    }
                }
                "session_reconnect" => {
                    let Some(url) = msg["payload"]["session"]["reconnect_url"].as_str() else {
                        return End::Lost("session_reconnect without a reconnect_url".into());
                    };
                    // Connect to the new URL first; the old connection goes after its welcome.
                    match connect(url).await {
                        Ok((new_ws, new_session)) => {
                            let _ = ws.close(None).await;
                            tracing::info!(from = %session.id, to = %new_session.id,
                                "twitch eventsub session moved");
                            ws = new_ws;
                            session = new_session;
                        }
                        Err(e) => return End::Lost(format!("reconnect failed: {e}")),
                    }
                }
                "revocation" => {
                    let sub = &msg["payload"]["subscription"];
                    let kind = sub["type"].as_str().unwrap_or_default();
                    if kind == "channel.moderate" {
                        self.with_moderate = false;
                    }
                    tracing::warn!(broadcaster = %self.channel.broadcaster_id, kind,
                        status = sub["status"].as_str().unwrap_or_default(),
                        "twitch revoked an eventsub subscription");
                }
                _ => {} // session_keepalive: the timeout above restarts
            }
        }
    }

    fn first_time(&mut self, id: &str) -> bool {
        if id.is_empty() {
            return true;
        }
        let (set, order) = &mut self.seen;
        if !set.insert(id.to_string()) {
            return false;
        }
        order.push_back(id.to_string());
        if order.len() > SEEN_IDS {
            if let Some(old) = order.pop_front() {
                set.remove(&old);
            }
        }
        true
    }
}

/// Connect and read the welcome.
async fn connect(url: &str) -> Result<(Ws, Session), String> {
    let (mut ws, _) = tokio::time::timeout(WELCOME_TIMEOUT, tokio_tungstenite::connect_async(url))
        .await
        .map_err(|_| "connecting timed out".to_string())?
        .map_err(|e| format!("cannot connect: {e}"))?;
    let deadline = tokio::time::Instant::now() + WELCOME_TIMEOUT;
    loop {
        let m = tokio::time::timeout_at(deadline, ws.next())
            .await
            .map_err(|_| "no welcome".to_string())?;
        match m {
            Some(Ok(Message::Text(t))) => {
                let v: Value = serde_json::from_str(t.as_str()).map_err(|e| e.to_string())?;
                if v["metadata"]["message_type"] != "session_welcome" {
                    return Err("the first message was not a welcome".into());
                }
                let s = &v["payload"]["session"];
                let id = s["id"].as_str().unwrap_or_default().to_string();
                let keepalive = s["keepalive_timeout_seconds"].as_u64().unwrap_or(10);
                return Ok((
                    ws,
                    Session {
                        id,
                        keepalive: Duration::from_secs(keepalive),
                    },
                ));
            }
            Some(Ok(Message::Close(f))) => {
                return Err(match f {
                    Some(f) => format!("closed with {}: {}", u16::from(f.code), f.reason),
                    None => "closed".into(),
                })
            }
            Some(Ok(_)) => continue,
            Some(Err(e)) => return Err(e.to_string()),
            None => return Err("the connection ended".into()),
        }
    }
}
