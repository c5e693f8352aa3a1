//! The fake's world: users, channels, tokens, device codes, rate-limit buckets, EventSub sessions
//! and subscriptions, and the recorded calls. One mutex; it is never held across an `.await`.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde_json::Value;
use tokio::sync::mpsc;

use super::Config;

/// A Twitch user the fake knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub login: String,
    pub display_name: String,
    /// `""`, `"affiliate"` or `"partner"`.
    pub broadcaster_type: String,
    pub created_at: DateTime<Utc>,
}

/// A ban or a timeout (`ends_at` set) on a channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ban {
    pub moderator_id: String,
    pub reason: String,
    pub created_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
}

/// What the fake knows of one broadcaster's channel.
#[derive(Debug, Default)]
pub struct Channel {
    pub moderators: BTreeSet<String>,
    pub bans: HashMap<String, Ban>,
    /// user id → `ACTIVE_MONITORING` / `RESTRICTED`.
    pub suspicious: HashMap<String, String>,
    pub followers: Vec<(String, DateTime<Utc>)>,
    pub live: Option<(String, DateTime<Utc>)>,
    pub raid_pending: bool,
    pub polls: BTreeMap<String, Value>,
    pub predictions: BTreeMap<String, Value>,
    pub emotes: Vec<Value>,
}

/// An access token the fake issued.
#[derive(Debug, Clone)]
pub struct Token {
    pub client_id: String,
    /// None for an app access token.
    pub user_id: Option<String>,
    pub scopes: Vec<String>,
    pub expires_at: DateTime<Utc>,
    pub revoked: bool,
}

/// A refresh token; a used or revoked one is gone from the map.
#[derive(Debug, Clone)]
pub struct Refresh {
    pub client_id: String,
    pub user_id: String,
    pub scopes: Vec<String>,
    pub access_token: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceState {
    Pending,
    Approved(String),
    Denied,
}

#[derive(Debug, Clone)]
pub struct Device {
    pub client_id: String,
    pub scopes: Vec<String>,
    pub user_code: String,
    pub expires_at: DateTime<Utc>,
    pub state: DeviceState,
    pub last_poll: Option<Instant>,
}

/// A token bucket per client id + user (Helix's rate limit).
#[derive(Debug, Clone)]
pub struct Bucket {
    pub tokens: f64,
    pub at: Instant,
}

/// One HTTP request the fake received (any route).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedCall {
    pub method: String,
    pub path: String,
    /// The raw query string, empty when there was none.
    pub query: String,
    pub body: String,
    /// Header names lower-cased, in arrival order.
    pub headers: Vec<(String, String)>,
}

impl RecordedCall {
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter (first value, percent-decoded).
    pub fn query_param(&self, name: &str) -> Option<String> {
        super::form_pairs(&self.query)
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    pub fn json(&self) -> Option<Value> {
        serde_json::from_str(&self.body).ok()
    }
}

/// What a session's writer task is told to do.
#[derive(Debug)]
pub enum Outbound {
    Text(String),
    /// Send a close frame with this code and reason, then end.
    Close(u16, String),
    /// End the TCP connection without a close frame.
    Drop,
    /// Send `session_reconnect` pointing at this URL.
    Reconnect(String),
}

#[derive(Debug)]
pub struct Session {
    pub tx: mpsc::UnboundedSender<Outbound>,
    pub connected_at: DateTime<Utc>,
    pub keepalive_seconds: u64,
    pub keepalive_enabled: bool,
    /// Set once a `session_reconnect` was sent: the id the new connection will use.
    pub reconnecting: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Subscription {
    pub id: String,
    pub kind: String,
    pub version: String,
    pub condition: Value,
    pub session_id: String,
    pub client_id: String,
    pub user_id: String,
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub cost: u32,
    pub connected_at: Option<DateTime<Utc>>,
    pub disconnected_at: Option<DateTime<Utc>>,
}

/// A chat message the fake has seen, kept so that deletes can name its sender.
#[derive(Debug, Clone)]
pub struct ChatMessage {
    pub broadcaster_id: String,
    pub user_id: String,
    pub text: String,
}

/// Faults a test can switch on.
#[derive(Debug, Default, Clone)]
pub struct Faults {
    /// The next `POST`/`DELETE /moderation/bans` answer 409 (someone else is updating the state).
    pub ban_conflicts: u32,
    /// Helix calls that answer an error status instead, as many times as `left` says.
    pub helix: Vec<HelixFault>,
}

/// The next `left` Helix calls of `method` (any when None) on `path` answer `status`.
#[derive(Debug, Clone)]
pub struct HelixFault {
    pub method: Option<String>,
    pub path: String,
    pub status: u16,
    pub left: u32,
}

impl Faults {
    /// The status the next call of `method` on `path` answers instead, if a fault is armed.
    pub fn take_helix(&mut self, method: &str, path: &str) -> Option<u16> {
        let f = self.helix.iter_mut().find(|f| {
            f.left > 0
                && f.path == path
                && f.method
                    .as_deref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method))
        })?;
        f.left -= 1;
        Some(f.status)
    }
}

#[derive(Default)]
pub struct World {
    pub users: BTreeMap<String, User>,
    pub channels: HashMap<String, Channel>,
    /// client id → client secret.
    pub apps: HashMap<String, String>,
    pub tokens: HashMap<String, Token>,
    pub refresh: HashMap<String, Refresh>,
    pub devices: HashMap<String, Device>,
    pub buckets: HashMap<(String, String), Bucket>,
    pub rate_limit: u32,
    pub calls: Vec<RecordedCall>,
    /// Every recorded call again once answered, with the status the fake answered.
    pub answered: Vec<(RecordedCall, u16)>,
    pub messages: HashMap<String, ChatMessage>,
    pub message_order: VecDeque<String>,
    pub sessions: HashMap<String, Session>,
    pub subs: Vec<Subscription>,
    /// reconnect id (in the `reconnect_url`) → the old session id.
    pub reconnects: HashMap<String, String>,
    pub faults: Faults,
}

/// Messages kept for deletes; older ones are forgotten (the load generator makes many).
const MESSAGES_KEPT: usize = 50_000;

impl World {
    pub fn channel(&mut self, broadcaster_id: &str) -> &mut Channel {
        self.channels.entry(broadcaster_id.to_string()).or_default()
    }

    pub fn user(&self, id: &str) -> Option<&User> {
        self.users.get(id)
    }

    pub fn user_by_login(&self, login: &str) -> Option<&User> {
        let login = login.to_ascii_lowercase();
        self.users.values().find(|u| u.login == login)
    }

    pub fn remember_message(&mut self, id: String, msg: ChatMessage) {
        if self.messages.insert(id.clone(), msg).is_none() {
            self.message_order.push_back(id);
        }
        while self.message_order.len() > MESSAGES_KEPT {
            if let Some(old) = self.message_order.pop_front() {
                self.messages.remove(&old);
            }
        }
    }

    /// Is this user banned (permanently or in an unexpired timeout) on the channel?
    pub fn active_ban(&mut self, broadcaster_id: &str, user_id: &str) -> Option<Ban> {
        let now = Utc::now();
        let ch = self.channel(broadcaster_id);
        match ch.bans.get(user_id) {
            Some(b) if b.ends_at.is_some_and(|e| e <= now) => {
                ch.bans.remove(user_id);
                None
            }
            other => other.cloned(),
        }
    }

    pub fn is_moderator(&mut self, broadcaster_id: &str, user_id: &str) -> bool {
        broadcaster_id == user_id || self.channel(broadcaster_id).moderators.contains(user_id)
    }

    /// Take one point from the bucket of `key`; returns (allowed, remaining, reset unix secs).
    pub fn take_point(&mut self, key: (String, String)) -> (bool, u32, i64) {
        let limit = f64::from(self.rate_limit.max(1));
        let now = Instant::now();
        let b = self.buckets.entry(key).or_insert(Bucket {
            tokens: limit,
            at: now,
        });
        // Refill continuously: the whole bucket per minute.
        let refill = now.duration_since(b.at).as_secs_f64() * limit / 60.0;
        b.tokens = (b.tokens + refill).min(limit);
        b.at = now;
        let allowed = b.tokens >= 1.0;
        if allowed {
            b.tokens -= 1.0;
        }
        let to_full = (limit - b.tokens) * 60.0 / limit;
        let reset = Utc::now().timestamp() + to_full.ceil() as i64;
        (allowed, b.tokens.floor() as u32, reset)
    }
}

/// The state shared by every route and by the handle.
pub struct Shared {
    pub world: Mutex<World>,
    pub config: Config,
    /// `ws://127.0.0.1:port` — set once the listener is bound.
    pub ws_base: String,
}

pub type State = Arc<Shared>;

impl Shared {
    pub fn lock(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// How long a device code lives, and the poll interval Twitch asks for (seconds).
pub fn device_expiry() -> chrono::Duration {
    chrono::Duration::seconds(1800)
}

pub fn secs(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or_else(|_| chrono::Duration::seconds(0))
}
