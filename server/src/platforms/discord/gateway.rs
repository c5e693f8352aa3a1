//! A client of Discord's gateway (v10, JSON encoding), after the docs "Topics — Gateway":
//!
//! - connect to `{url}?v=10&encoding=json`, read HELLO (op 10) and its `heartbeat_interval`;
//! - IDENTIFY (op 2) with the bot token and intents, or RESUME (op 6) with the session id and
//!   the last sequence number on the READY's `resume_gateway_url`;
//! - heartbeat (op 1, `d` = the last sequence) every interval, the first after
//!   `interval × jitter`; a heartbeat the gateway did not acknowledge (op 11) before the next
//!   is due means a zombie connection: close it (not with 1000/1001, so the session stays
//!   resumable) and resume. An op 1 from the gateway is answered at once;
//! - RECONNECT (op 7): reconnect and resume. INVALID_SESSION (op 9): resume if `d` is true,
//!   else wait 1–5 s and identify anew;
//! - close codes: 4004 (authentication), 4010–4014 (shard, version, intents) stop the client
//!   for good (logged: no retry can help); 4007 and 4009 start a new session; any other close
//!   or a dropped connection resumes. Reconnects wait with exponential backoff and full jitter
//!   (backon), reset once a session is READY or RESUMED.
//!
//! Dispatches (op 0) go out on a channel as [`GatewayEvent`]. The token is sent only inside
//! IDENTIFY / RESUME on the configured gateway, never logged.

use std::time::Duration;

use backon::BackoffBuilder;
use futures::{SinkExt, StreamExt};
use rand::Rng;
use serde_json::{json, Value};
use tokio::sync::{mpsc, watch};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::Message;

/// Discord's gateway (ask `GET /gateway/bot` for the current one; this is what it answers).
pub const DEFAULT_GATEWAY_URL: &str = "wss://gateway.discord.gg";
/// How long HELLO, and READY / RESUMED after it, may take.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(20);

/// GUILDS | GUILD_MODERATION | GUILD_MESSAGES | MESSAGE_CONTENT (privileged: enable it for the
/// application; without it guild messages arrive with empty content).
pub const INTENTS: u64 = (1 << 0) | (1 << 2) | (1 << 9) | (1 << 15);

type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

#[derive(Clone)]
pub struct GatewayOptions {
    pub url: String,
    pub token: String,
    pub intents: u64,
    pub min_backoff: Duration,
    pub max_backoff: Duration,
    /// INVALID_SESSION (d: false): wait a random time in this range before identifying
    /// (Discord: 1–5 s).
    pub reidentify_wait: (Duration, Duration),
}

impl std::fmt::Debug for GatewayOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayOptions")
            .field("url", &self.url)
            .field("token", &"<redacted>")
            .field("intents", &self.intents)
            .finish()
    }
}

impl GatewayOptions {
    pub fn new(url: &str, token: &str) -> GatewayOptions {
        GatewayOptions {
            url: url.trim_end_matches('/').to_string(),
            token: token.to_string(),
            intents: INTENTS,
            min_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(60),
            reidentify_wait: (Duration::from_secs(1), Duration::from_secs(5)),
        }
    }
}

/// What the gateway told the client.
#[derive(Debug, Clone, PartialEq)]
pub enum GatewayEvent {
    /// A new session (after IDENTIFY): the bot's user id and the guilds it is in.
    Ready {
        session_id: String,
        user_id: String,
        guild_ids: Vec<String>,
    },
    /// A session resumed; the events it missed were replayed before this.
    Resumed,
    /// Any other dispatch: its type (`GUILD_CREATE`, `MESSAGE_CREATE`, …) and data.
    Dispatch { kind: String, data: Value },
}

/// A session to resume.
#[derive(Debug, Clone)]
struct Session {
    id: String,
    resume_url: String,
    seq: Option<u64>,
}

/// Why a connection ended.
#[derive(Debug)]
enum End {
    Stopped,
    /// Reconnect; resume if the session is kept.
    Resume(String),
    /// Reconnect with a new session (after `wait`).
    Reidentify(String, Duration),
    /// Nothing a retry can fix (bad token, intents…).
    Fatal(String),
}

pub struct GatewayClient {
    options: GatewayOptions,
    session: Option<Session>,
    /// Connections made and IDENTIFYs sent, for the tests and the figures.
    pub identifies: u64,
    pub resumes: u64,
}

fn frame(op: u8, d: Value) -> Message {
    Message::Text(json!({"op": op, "d": d}).to_string().into())
}

impl GatewayClient {
    pub fn new(options: GatewayOptions) -> GatewayClient {
        GatewayClient {
            options,
            session: None,
            identifies: 0,
            resumes: 0,
        }
    }

    fn backoff(&self) -> backon::ExponentialBackoff {
        backon::ExponentialBuilder::default()
            .with_min_delay(self.options.min_backoff)
            .with_max_delay(self.options.max_backoff)
            .with_jitter()
            .without_max_times()
            .build()
    }

    /// Run until `stop` turns true (or a fatal close).
    pub async fn run(mut self, tx: mpsc::Sender<GatewayEvent>, mut stop: watch::Receiver<bool>) {
        let mut delays = self.backoff();
        while !*stop.borrow() {
            let base = match &self.session {
                Some(s) => s.resume_url.clone(),
                None => self.options.url.clone(),
            };
            let url = connect_url(&base);
            let end = match tokio::time::timeout(
                HANDSHAKE_TIMEOUT,
                tokio_tungstenite::connect_async(url.as_str()),
            )
            .await
            {
                Ok(Ok((ws, _))) => self.serve(ws, &tx, &mut stop, &mut delays).await,
                Ok(Err(e)) => End::Resume(format!("cannot connect: {e}")),
                Err(_) => End::Resume("connecting timed out".into()),
            };
            let wait = match end {
                End::Stopped => return,
                End::Fatal(why) => {
                    tracing::error!(%why, "discord gateway: giving up (fix the configuration)");
                    return;
                }
                End::Resume(why) => {
                    let wait = delays.next().unwrap_or(self.options.max_backoff);
                    tracing::warn!(%why, ?wait, resumable = self.session.is_some(),
                        "discord gateway reconnecting");
                    wait
                }
                End::Reidentify(why, wait) => {
                    self.session = None;
                    tracing::warn!(%why, ?wait, "discord gateway starting a new session");
                    wait
                }
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = stop.changed() => {}
            }
        }
    }

    fn random_wait(&self) -> Duration {
        let (lo, hi) = self.options.reidentify_wait;
        if hi <= lo {
            return lo;
        }
        rand::thread_rng().gen_range(lo..hi)
    }

    async fn serve(
        &mut self,
        mut ws: Ws,
        tx: &mpsc::Sender<GatewayEvent>,
        stop: &mut watch::Receiver<bool>,
        delays: &mut backon::ExponentialBackoff,
    ) -> End {
        // HELLO
        let hello = match tokio::time::timeout(HANDSHAKE_TIMEOUT, next_json(&mut ws)).await {
            Err(_) => return End::Resume("no HELLO".into()),
            Ok(Err(end)) => return end,
            Ok(Ok(v)) => v,
        };
        if hello["op"].as_u64() != Some(10) {
            return End::Resume(format!("expected HELLO, got op {}", hello["op"]));
        }
        let interval = Duration::from_millis(
            hello["d"]["heartbeat_interval"]
                .as_u64()
                .unwrap_or(41_250)
                .max(1),
        );
        // IDENTIFY or RESUME
        let hello_frame = match &self.session {
            Some(s) => {
                self.resumes += 1;
                frame(
                    6,
                    json!({"token": self.options.token, "session_id": s.id, "seq": s.seq}),
                )
            }
            None => {
                self.identifies += 1;
                frame(
                    2,
                    json!({
                        "token": self.options.token,
                        "intents": self.options.intents,
                        "properties": {"os": std::env::consts::OS, "browser": "lumio", "device": "lumio"},
                    }),
                )
            }
        };
        if let Err(e) = ws.send(hello_frame).await {
            return End::Resume(format!("send failed: {e}"));
        }
        let jitter: f64 = rand::thread_rng().gen_range(0.0..1.0);
        let mut next_beat = Instant::now() + interval.mul_f64(jitter);
        let mut acked = true;
        loop {
            let msg = tokio::select! {
                _ = stop.changed() => {
                    // 1000: the session ends (Discord shows the bot offline).
                    let _ = ws.close(Some(CloseFrame { code: CloseCode::Normal, reason: "".into() })).await;
                    return End::Stopped;
                }
                _ = tokio::time::sleep_until(next_beat) => {
                    if !acked {
                        // Zombie: close with a non-1000 code so the session can be resumed.
                        let _ = ws.close(Some(CloseFrame { code: CloseCode::Library(4000), reason: "heartbeat not acknowledged".into() })).await;
                        return End::Resume("heartbeat not acknowledged".into());
                    }
                    let seq = self.session.as_ref().and_then(|s| s.seq);
                    if let Err(e) = ws.send(frame(1, json!(seq))).await {
                        return End::Resume(format!("send failed: {e}"));
                    }
                    acked = false;
                    next_beat = Instant::now() + interval;
                    continue;
                }
                m = next_json(&mut ws) => m,
            };
            let v = match msg {
                Ok(v) => v,
                Err(end) => return end,
            };
            if let Some(s) = v["s"].as_u64() {
                if let Some(sess) = self.session.as_mut() {
                    sess.seq = Some(s);
                }
            }
            match v["op"].as_u64() {
                Some(0) => {
                    let kind = v["t"].as_str().unwrap_or_default().to_string();
                    let mut data = v["d"].clone();
                    let event = match kind.as_str() {
                        "READY" => {
                            let resume_url = data["resume_gateway_url"]
                                .as_str()
                                .map(|u| u.trim_end_matches('/').to_string())
                                .unwrap_or_else(|| self.options.url.clone());
                            let id = data["session_id"].as_str().unwrap_or_default().to_string();
                            self.session = Some(Session {
                                id: id.clone(),
                                resume_url,
                                seq: v["s"].as_u64(),
                            });
                            *delays = self.backoff();
                            tracing::info!("discord gateway ready");
                            GatewayEvent::Ready {
                                session_id: id,
                                user_id: data["user"]["id"].as_str().unwrap_or_default().into(),
                                guild_ids: data["guilds"]
                                    .as_array()
                                    .into_iter()
                                    .flatten()
                                    .filter_map(|g| g["id"].as_str().map(String::from))
                                    .collect(),
                            }
                        }
                        "RESUMED" => {
                            *delays = self.backoff();
                            tracing::info!("discord gateway resumed");
                            GatewayEvent::Resumed
                        }
                        _ => GatewayEvent::Dispatch {
                            kind,
                            data: data.take(),
                        },
                    };
                    if tx.send(event).await.is_err() {
                        return End::Stopped;
                    }
                }
                Some(1) => {
                    let seq = self.session.as_ref().and_then(|s| s.seq);
                    if let Err(e) = ws.send(frame(1, json!(seq))).await {
                        return End::Resume(format!("send failed: {e}"));
                    }
                }
                Some(11) => acked = true,
                Some(7) => {
                    let _ = ws
                        .close(Some(CloseFrame {
                            code: CloseCode::Library(4000),
                            reason: "reconnect asked".into(),
                        }))
                        .await;
                    return End::Resume("the gateway asked to reconnect (op 7)".into());
                }
                Some(9) => {
                    let resumable = v["d"].as_bool().unwrap_or(false);
                    let _ = ws
                        .close(Some(CloseFrame {
                            code: CloseCode::Library(4000),
                            reason: "invalid session".into(),
                        }))
                        .await;
                    if resumable && self.session.is_some() {
                        return End::Resume("invalid session (resumable)".into());
                    }
                    return End::Reidentify("invalid session".into(), self.random_wait());
                }
                _ => {}
            }
        }
    }
}

/// `base` with the version and encoding asked for (`?v=10&encoding=json`).
fn connect_url(base: &str) -> String {
    match url::Url::parse(base) {
        Ok(mut u) => {
            u.set_query(Some("v=10&encoding=json"));
            u.to_string()
        }
        Err(_) => format!("{base}?v=10&encoding=json"),
    }
}

/// The next JSON payload, or how the connection ended.
async fn next_json(ws: &mut Ws) -> Result<Value, End> {
    loop {
        match ws.next().await {
            None => return Err(End::Resume("the connection ended".into())),
            Some(Err(e)) => return Err(End::Resume(format!("read failed: {e}"))),
            Some(Ok(Message::Text(t))) => match serde_json::from_str::<Value>(t.as_str()) {
                Ok(v) => return Ok(v),
                Err(_) => {
                    tracing::warn!("discord gateway sent something not JSON");
                }
            },
            Some(Ok(Message::Close(frame))) => {
                let (code, reason) = match frame {
                    Some(f) => (u16::from(f.code), f.reason.to_string()),
                    None => (1005, String::new()),
                };
                let why = format!("closed with {code} {reason}");
                return Err(match code {
                    4004 | 4010 | 4011 | 4012 | 4013 | 4014 => End::Fatal(why),
                    4007 | 4009 => End::Reidentify(why, Duration::ZERO),
                    _ => End::Resume(why),
                });
            }
            Some(Ok(_)) => {} // ping / pong / binary
        }
    }
}
