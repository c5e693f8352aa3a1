//! The gateway (`/gateway?v=10&encoding=json`, what `wss://gateway.discord.gg` is on Discord):
//! HELLO, heartbeats, IDENTIFY → READY (+ GUILD_CREATE per guild), RESUME → replay +
//! RESUMED, RECONNECT, INVALID_SESSION, dispatches with sequence numbers, and the close codes
//! 4000–4014.
//!
//! Sources: Discord docs "Gateway" (Connecting, Sending Heartbeats, Identifying, Resuming,
//! Disconnecting, Rate Limiting: 120 events per 60 s per connection), "Gateway Events"
//! (Hello, Ready, Resumed, Reconnect, Invalid Session, Guild Create, Guild Delete, Message
//! Create, Message Delete), "Opcodes and Status Codes — Gateway Close Event Codes" (4000
//! Unknown error … 4014 Disallowed intent(s), with their texts), and twilight-gateway's
//! handling of them (which close codes allow a resume).

use std::collections::HashMap;
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::Query;
use axum::response::Response;
use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::payloads as p;
use super::state::{Connection, Outbound, Session, State, REPLAY_KEPT};
use super::{guild_creates_for, intents};

/// The documented close codes and their texts.
pub fn close_reason(code: u16) -> Option<&'static str> {
    Some(match code {
        4000 => "Unknown error.",
        4001 => "Unknown opcode.",
        4002 => "Error while decoding payload.",
        4003 => "Not authenticated.",
        4004 => "Authentication failed.",
        4005 => "Already authenticated.",
        4007 => "Invalid seq.",
        4008 => "Rate limited.",
        4009 => "Session timed out.",
        4010 => "Invalid shard.",
        4011 => "Sharding required.",
        4012 => "Invalid API version.",
        4013 => "Invalid intent(s).",
        4014 => "Disallowed intent(s).",
        _ => return None,
    })
}

pub async fn handler(
    ws: WebSocketUpgrade,
    Query(q): Query<HashMap<String, String>>,
    axum::extract::State(st): axum::extract::State<State>,
) -> Response {
    ws.on_upgrade(move |socket| run(st, socket, q))
}

/// Close the socket with a documented code.
async fn close(sink: &mut futures::stream::SplitSink<WebSocket, Message>, code: u16) {
    let reason = close_reason(code).unwrap_or("Unknown error.");
    let _ = sink
        .send(Message::Close(Some(CloseFrame {
            code,
            reason: reason.into(),
        })))
        .await;
}

async fn run(st: State, socket: WebSocket, q: HashMap<String, String>) {
    let (mut sink, mut stream) = socket.split();
    if q.get("v").is_some_and(|v| v != "10") {
        close(&mut sink, 4012).await;
        return;
    }
    if q.get("encoding").is_some_and(|e| e != "json") {
        // etf is the other encoding Discord has; this fake speaks JSON only.
        close(&mut sink, 4002).await;
        return;
    }
    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn_id = {
        let mut w = st.lock();
        w.next_connection += 1;
        let id = w.next_connection;
        w.connections.insert(id, Connection { tx, session: None });
        id
    };
    let interval = st.config.heartbeat_interval;
    let hello = p::hello(interval.as_millis() as u64);
    if sink.send(Message::Text(hello.into())).await.is_err() {
        end(&st, conn_id);
        return;
    }
    // "If a client does not send a heartbeat within the interval (plus some slack) the
    // connection is closed" — the fake closes a connection silent for 1.5 intervals with 4009.
    let mut heartbeat_deadline = Instant::now() + interval.mul_f64(1.5);
    // Gateway send limit: 120 events per 60 s per connection (close 4008).
    let mut window_start = Instant::now();
    let mut events_in_window = 0u32;
    loop {
        tokio::select! {
            out = rx.recv() => match out {
                Some(Outbound::Text(t)) => {
                    if sink.send(Message::Text(t.into())).await.is_err() {
                        break;
                    }
                }
                Some(Outbound::Close(code, reason)) => {
                    let _ = sink
                        .send(Message::Close(Some(CloseFrame { code, reason: reason.into() })))
                        .await;
                    break;
                }
                Some(Outbound::Drop) | None => break,
            },
            inbound = stream.next() => match inbound {
                Some(Ok(Message::Text(t))) => {
                    if window_start.elapsed() >= Duration::from_secs(60) {
                        window_start = Instant::now();
                        events_in_window = 0;
                    }
                    events_in_window += 1;
                    if events_in_window > st.config.gateway_events_per_minute {
                        close(&mut sink, 4008).await;
                        break;
                    }
                    match handle(&st, conn_id, t.as_str()) {
                        Step::Reply(frames) => {
                            let mut failed = false;
                            for f in frames {
                                if sink.send(Message::Text(f.into())).await.is_err() {
                                    failed = true;
                                    break;
                                }
                            }
                            if failed {
                                break;
                            }
                        }
                        Step::Heartbeat => {
                            heartbeat_deadline = Instant::now() + interval.mul_f64(1.5);
                            if st.lock().faults.withhold_heartbeat_acks {
                                continue;
                            }
                            let ack = p::heartbeat_ack();
                            if sink.send(Message::Text(ack.into())).await.is_err() {
                                break;
                            }
                        }
                        Step::Close(code) => {
                            close(&mut sink, code).await;
                            break;
                        }
                    }
                }
                Some(Ok(Message::Binary(_))) => {
                    close(&mut sink, 4002).await;
                    break;
                }
                Some(Ok(Message::Ping(_))) | Some(Ok(Message::Pong(_))) => {}
                Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break,
            },
            _ = tokio::time::sleep_until(heartbeat_deadline), if st.config.enforce_heartbeats => {
                close(&mut sink, 4009).await;
                break;
            },
        }
    }
    end(&st, conn_id);
}

/// The connection is gone; its session stays resumable.
fn end(st: &State, conn_id: u64) {
    let mut w = st.lock();
    if let Some(c) = w.connections.remove(&conn_id) {
        if let Some(sid) = c.session {
            if let Some(s) = w.sessions.get_mut(&sid) {
                if s.conn == Some(conn_id) {
                    s.conn = None;
                }
            }
        }
    }
}

enum Step {
    /// Frames to send now, in order.
    Reply(Vec<String>),
    Heartbeat,
    Close(u16),
}

fn handle(st: &State, conn_id: u64, text: &str) -> Step {
    let Ok(v) = serde_json::from_str::<Value>(text) else {
        return Step::Close(4002);
    };
    let Some(op) = v["op"].as_u64() else {
        return Step::Close(4002);
    };
    let identified = st
        .lock()
        .connections
        .get(&conn_id)
        .is_some_and(|c| c.session.is_some());
    match op {
        1 => Step::Heartbeat,
        2 => {
            if identified {
                return Step::Close(4005);
            }
            identify(st, conn_id, &v["d"])
        }
        6 => {
            if identified {
                return Step::Close(4005);
            }
            resume(st, conn_id, &v["d"])
        }
        // Presence update, voice state update, request guild members, request soundboard
        // sounds: accepted once identified.
        3 | 4 | 8 | 31 => {
            if identified {
                Step::Reply(Vec::new())
            } else {
                Step::Close(4003)
            }
        }
        _ => Step::Close(4001),
    }
}

fn identify(st: &State, conn_id: u64, d: &Value) -> Step {
    if d["token"]
        .as_str()
        .and_then(|t| t.strip_prefix("Bot ").or(Some(t)))
        != Some(st.bot_token.as_str())
    {
        return Step::Close(4004);
    }
    let Some(bits) = d["intents"].as_u64() else {
        return Step::Close(4013);
    };
    if bits & !intents::ALL != 0 {
        return Step::Close(4013);
    }
    if bits & intents::PRIVILEGED != 0 && !st.config.privileged_intents {
        return Step::Close(4014);
    }
    let shard = match d.get("shard").and_then(Value::as_array) {
        Some(s) => {
            let id = s.first().and_then(Value::as_u64).unwrap_or(0);
            let n = s.get(1).and_then(Value::as_u64).unwrap_or(0);
            if n == 0 || id >= n {
                return Step::Close(4010);
            }
            Some([id, n])
        }
        None => None,
    };
    {
        let mut w = st.lock();
        if w.faults.invalidate_next_identify > 0 {
            w.faults.invalidate_next_identify -= 1;
            return Step::Reply(vec![p::invalid_session(false)]);
        }
        w.identifies += 1;
    }
    let session_id = super::random_token(32);
    let resume_url = super::gateway_url(st);
    let guild_ids: Vec<String> = {
        let w = st.lock();
        w.guilds
            .values()
            .filter(|g| g.bot_joined)
            .map(|g| g.id.clone())
            .collect()
    };
    let ready = p::ready(
        &st.bot,
        &guild_ids,
        &session_id,
        &resume_url,
        &st.application_id,
        shard,
    );
    let mut w = st.lock();
    let mut session = Session {
        id: session_id.clone(),
        intents: bits,
        seq: 0,
        sent: Default::default(),
        conn: Some(conn_id),
        invalid: false,
    };
    let mut frames = vec![push(&mut session, "READY", ready)];
    if bits & intents::GUILDS != 0 {
        for g in guild_creates_for(&w, &guild_ids) {
            frames.push(push(&mut session, "GUILD_CREATE", g));
        }
    }
    w.sessions.insert(session_id.clone(), session);
    if let Some(c) = w.connections.get_mut(&conn_id) {
        c.session = Some(session_id);
    }
    Step::Reply(frames)
}

/// Number a dispatch in a session and keep it for replay; returns the frame text.
pub fn push(s: &mut Session, t: &str, d: Value) -> String {
    s.seq += 1;
    let text = p::frame(0, d, Some(s.seq), Some(t));
    s.sent.push_back((s.seq, text.clone()));
    while s.sent.len() > REPLAY_KEPT {
        s.sent.pop_front();
    }
    text
}

fn resume(st: &State, conn_id: u64, d: &Value) -> Step {
    if d["token"]
        .as_str()
        .and_then(|t| t.strip_prefix("Bot ").or(Some(t)))
        != Some(st.bot_token.as_str())
    {
        return Step::Close(4004);
    }
    let sid = d["session_id"].as_str().unwrap_or_default().to_string();
    let seq = d["seq"].as_u64().unwrap_or(0);
    let mut w = st.lock();
    let Some(s) = w.sessions.get_mut(&sid).filter(|s| !s.invalid) else {
        return Step::Reply(vec![p::invalid_session(false)]);
    };
    if seq > s.seq {
        return Step::Close(4007);
    }
    // Events older than the replay window are gone: Discord then invalidates the session.
    if s.sent.front().is_some_and(|(first, _)| *first > seq + 1) {
        s.invalid = true;
        return Step::Reply(vec![p::invalid_session(false)]);
    }
    let mut frames: Vec<String> = s
        .sent
        .iter()
        .filter(|(n, _)| *n > seq)
        .map(|(_, f)| f.clone())
        .collect();
    frames.push(push(s, "RESUMED", Value::Null));
    let old_conn = s.conn.replace(conn_id);
    w.resumes += 1;
    if let Some(c) = w.connections.get_mut(&conn_id) {
        c.session = Some(sid.clone());
    }
    // A session is served by one connection: an older one still open is closed.
    if let Some(old) = old_conn.filter(|o| *o != conn_id) {
        if let Some(c) = w.connections.get(&old) {
            let _ =
                c.tx.send(Outbound::Close(4009, "Session timed out.".into()));
        }
    }
    Step::Reply(frames)
}

/// Send op 7 (RECONNECT) to the connection of a session; the session stays resumable.
pub fn send_reconnect(st: &State, session_id: &str) -> bool {
    let w = st.lock();
    let Some(conn) = w.sessions.get(session_id).and_then(|s| s.conn) else {
        return false;
    };
    w.connections
        .get(&conn)
        .is_some_and(|c| c.tx.send(Outbound::Text(p::reconnect())).is_ok())
}

/// Send op 9 (INVALID_SESSION, `d` = resumable). A non-resumable session is forgotten.
pub fn invalidate(st: &State, session_id: &str, resumable: bool) -> bool {
    let mut w = st.lock();
    let Some(s) = w.sessions.get_mut(session_id) else {
        return false;
    };
    if !resumable {
        s.invalid = true;
    }
    let Some(conn) = s.conn else {
        return false;
    };
    w.connections.get(&conn).is_some_and(|c| {
        c.tx.send(Outbound::Text(p::invalid_session(resumable)))
            .is_ok()
    })
}

/// Close a session's connection with a documented code (4000–4014), or drop it without a
/// close frame (`code` None). After 4004, 4010–4014 Discord does not allow a resume: the
/// session is forgotten then.
pub fn close_connection(st: &State, session_id: &str, code: Option<u16>) -> bool {
    let mut w = st.lock();
    let Some(s) = w.sessions.get_mut(session_id) else {
        return false;
    };
    if matches!(code, Some(4004 | 4010..=4014 | 4007 | 4009)) {
        s.invalid = true;
    }
    let Some(conn) = s.conn else {
        return false;
    };
    let msg = match code {
        Some(c) => Outbound::Close(c, close_reason(c).unwrap_or("Unknown error.").into()),
        None => Outbound::Drop,
    };
    w.connections
        .get(&conn)
        .is_some_and(|c| c.tx.send(msg).is_ok())
}

/// The gateway asks a session for a heartbeat now (op 1).
pub fn request_heartbeat(st: &State, session_id: &str) -> bool {
    let w = st.lock();
    let Some((conn, seq)) = w
        .sessions
        .get(session_id)
        .and_then(|s| s.conn.map(|c| (c, s.seq)))
    else {
        return false;
    };
    w.connections
        .get(&conn)
        .is_some_and(|c| c.tx.send(Outbound::Text(p::heartbeat_request(seq))).is_ok())
}

/// Dispatch `t` to every valid session whose intents include `intent` (sessions without a
/// live connection keep it for their RESUME). Returns how many live connections it went to.
pub fn dispatch_to_sessions(st: &State, t: &str, d: &Value, intent: u64) -> usize {
    let mut w = st.lock();
    let w = &mut *w;
    let mut sent = 0;
    for s in w.sessions.values_mut().filter(|s| !s.invalid) {
        if s.intents & intent == 0 {
            continue;
        }
        let mut d = d.clone();
        if t == "MESSAGE_CREATE" && s.intents & intents::MESSAGE_CONTENT == 0 {
            // "Message Content Intent": without it these fields arrive empty.
            d["content"] = json!("");
            for k in ["embeds", "attachments", "components"] {
                d[k] = json!([]);
            }
        }
        let text = push(s, t, d);
        if let Some(conn) = s.conn {
            if let Some(c) = w.connections.get(&conn) {
                if c.tx.send(Outbound::Text(text)).is_ok() {
                    sent += 1;
                }
            }
        }
    }
    sent
}
