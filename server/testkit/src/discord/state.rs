//! The fake's world: the application and its bot, users, guilds (channels, roles, members,
//! bans, commands), messages, OAuth codes, rate-limit buckets, gateway sessions and the
//! recorded calls. One mutex; it is never held across an `.await`.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use serde_json::Value;
use tokio::sync::mpsc;

use super::Config;
pub use crate::twitch::RecordedCall;

/// Discord's epoch (2015-01-01T00:00:00Z) in Unix milliseconds.
pub const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// Snowflakes as Discord makes them: milliseconds since the Discord epoch in the top 42 bits,
/// worker and process ids, and an increment (Discord docs, "Reference — Snowflakes").
pub struct Snowflakes {
    increment: AtomicU64,
}

impl Default for Snowflakes {
    fn default() -> Self {
        Snowflakes {
            increment: AtomicU64::new(0),
        }
    }
}

impl Snowflakes {
    pub fn next(&self) -> String {
        let ms = u64::try_from(Utc::now().timestamp_millis()).unwrap_or(DISCORD_EPOCH_MS);
        let inc = self.increment.fetch_add(1, Ordering::Relaxed) & 0xfff;
        let worker = 1u64;
        let process = 1u64;
        (((ms - DISCORD_EPOCH_MS) << 22) | (worker << 17) | (process << 12) | inc).to_string()
    }
}

/// A Discord user the fake knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: String,
    pub username: String,
    pub global_name: Option<String>,
    pub bot: bool,
}

/// A channel of a guild. `kind` is Discord's channel type (0 text, 2 voice, 4 category,
/// 5 announcement, 15 forum …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    pub id: String,
    pub name: String,
    pub kind: u8,
    pub position: i64,
    pub parent_id: Option<String>,
    pub topic: Option<String>,
}

/// A role of a guild. The `@everyone` role has the guild's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub color: u32,
    pub position: i64,
    /// The permission bit set, as Discord writes it (a decimal string).
    pub permissions: String,
    pub managed: bool,
}

/// A member of a guild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user_id: String,
    pub roles: Vec<String>,
    pub nick: Option<String>,
    pub joined_at: DateTime<Utc>,
    pub communication_disabled_until: Option<DateTime<Utc>>,
}

/// A ban in a guild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ban {
    pub reason: Option<String>,
    pub delete_message_seconds: u64,
}

/// A guild (a "server").
#[derive(Debug, Clone)]
pub struct Guild {
    pub id: String,
    pub name: String,
    pub icon: Option<String>,
    pub owner_id: String,
    /// Discord's guild feature strings (`COMMUNITY`, `NEWS`, …).
    pub features: Vec<String>,
    pub channels: Vec<Channel>,
    pub roles: Vec<Role>,
    pub members: BTreeMap<String, Member>,
    pub bans: BTreeMap<String, Ban>,
    /// Whether the application's bot is a member (REST answers 50001 Missing Access when not).
    pub bot_joined: bool,
    /// Permissions the bot lacks here, by name (`SEND_MESSAGES`, `BAN_MEMBERS`,
    /// `MODERATE_MEMBERS`, `MANAGE_MESSAGES`): calls that need them answer 50013.
    pub denied: Vec<String>,
    /// A guild in an outage: REST answers as Discord does for an unavailable guild.
    pub unavailable: bool,
    /// The guild's application commands (the last bulk overwrite), by name.
    pub commands: BTreeMap<String, Value>,
    /// Command creates counted today (Discord: at most 200 a day per guild).
    pub command_creates_today: u32,
    pub joined_at: DateTime<Utc>,
}

/// A message the fake has seen (sent through REST or injected), for deletes.
#[derive(Debug, Clone)]
pub struct StoredMessage {
    pub channel_id: String,
    pub guild_id: String,
    pub author_id: String,
}

/// An authorization code issued by the consent screen (`/oauth2/authorize`).
#[derive(Debug, Clone)]
pub struct Code {
    pub client_id: String,
    pub redirect_uri: Option<String>,
    pub scopes: Vec<String>,
    pub user_id: String,
    pub guild_id: Option<String>,
    pub expires_at: DateTime<Utc>,
}

/// A user access token issued through `/oauth2/token`.
#[derive(Debug, Clone)]
pub struct AccessToken {
    pub user_id: String,
    pub scopes: Vec<String>,
    pub expires_at: DateTime<Utc>,
}

/// A rate-limit bucket: `remaining` calls until `reset_at`.
#[derive(Debug, Clone)]
pub struct Bucket {
    pub limit: u32,
    pub remaining: u32,
    pub reset_at: Instant,
    pub window: Duration,
}

/// What a gateway connection's writer task is told to do.
#[derive(Debug)]
pub enum Outbound {
    Text(String),
    /// Send a close frame with this code and reason, then end.
    Close(u16, String),
    /// End the TCP connection without a close frame.
    Drop,
}

/// A gateway session (it outlives its connection, so that it can be resumed).
#[derive(Debug)]
pub struct Session {
    pub id: String,
    pub intents: u64,
    /// The sequence of the last dispatch sent.
    pub seq: u64,
    /// Dispatches sent so far (the tail), as (sequence, payload), for RESUME replay.
    pub sent: VecDeque<(u64, String)>,
    /// The live connection, when there is one.
    pub conn: Option<u64>,
    /// Set once the session can no longer be resumed (INVALID_SESSION d:false sent).
    pub invalid: bool,
}

/// One WebSocket connection to `/gateway`.
#[derive(Debug)]
pub struct Connection {
    pub tx: mpsc::UnboundedSender<Outbound>,
    /// The session it identified or resumed, once it did.
    pub session: Option<String>,
}

/// Faults a test can switch on.
#[derive(Debug, Default, Clone)]
pub struct Faults {
    /// The next gateway IDENTIFY is answered with INVALID_SESSION (d: false) instead of READY.
    pub invalidate_next_identify: u32,
    /// Heartbeats are not acknowledged (a zombied connection, as the client sees it).
    pub withhold_heartbeat_acks: bool,
}

#[derive(Default)]
pub struct World {
    pub users: BTreeMap<String, User>,
    pub guilds: BTreeMap<String, Guild>,
    /// channel id → guild id.
    pub channel_guild: HashMap<String, String>,
    pub messages: HashMap<String, StoredMessage>,
    pub message_order: VecDeque<String>,
    pub codes: HashMap<String, Code>,
    pub tokens: HashMap<String, AccessToken>,
    /// Redirect URIs registered for the application (empty: any URI is accepted).
    pub redirect_uris: Vec<String>,
    /// (route, major parameter) → bucket.
    pub buckets: HashMap<(String, String), Bucket>,
    /// route → (limit, window); routes without an entry use the default.
    pub route_limits: HashMap<String, (u32, Duration)>,
    /// The global limit (Discord: 50 requests a second per bot).
    pub global: Option<Bucket>,
    pub calls: Vec<RecordedCall>,
    pub sessions: HashMap<String, Session>,
    pub connections: HashMap<u64, Connection>,
    pub next_connection: u64,
    pub faults: Faults,
    /// Gateway identifies counted against `session_start_limit`.
    pub identifies: u32,
    /// RESUMEs answered with the replay and RESUMED.
    pub resumes: u32,
    /// Who answers the consent screen reached over HTTP (`GET /oauth2/authorize`).
    pub consent: Option<super::oauth::Consent>,
}

/// Messages kept for deletes; older ones are forgotten (the load generator makes many).
const MESSAGES_KEPT: usize = 50_000;
/// Dispatches kept per session for RESUME.
pub const REPLAY_KEPT: usize = 10_000;

impl World {
    pub fn remember_message(&mut self, id: String, msg: StoredMessage) {
        if self.messages.insert(id.clone(), msg).is_none() {
            self.message_order.push_back(id);
        }
        while self.message_order.len() > MESSAGES_KEPT {
            if let Some(old) = self.message_order.pop_front() {
                self.messages.remove(&old);
            }
        }
    }

    /// Take one call from the bucket of (`route`, `major`); also counts against the global
    /// limit. Returns the bucket's state after the call, or the 429 to answer.
    pub fn take(
        &mut self,
        route: &str,
        major: &str,
        default: (u32, Duration),
        global: (u32, Duration),
    ) -> Take {
        let now = Instant::now();
        // Global first: a global 429 names no bucket.
        let g = self.global.get_or_insert(Bucket {
            limit: global.0,
            remaining: global.0,
            reset_at: now + global.1,
            window: global.1,
        });
        if now >= g.reset_at {
            g.remaining = g.limit;
            g.reset_at = now + g.window;
        }
        if g.remaining == 0 {
            return Take::Limited {
                retry_after: g.reset_at.saturating_duration_since(now),
                global: true,
                limit: g.limit,
            };
        }
        let (limit, window) = self.route_limits.get(route).copied().unwrap_or(default);
        let b = self
            .buckets
            .entry((route.to_string(), major.to_string()))
            .or_insert(Bucket {
                limit,
                remaining: limit,
                reset_at: now + window,
                window,
            });
        if now >= b.reset_at {
            b.limit = limit;
            b.window = window;
            b.remaining = limit;
            b.reset_at = now + window;
        }
        if b.remaining == 0 {
            return Take::Limited {
                retry_after: b.reset_at.saturating_duration_since(now),
                global: false,
                limit: b.limit,
            };
        }
        b.remaining -= 1;
        let state = Take::Allowed {
            limit: b.limit,
            remaining: b.remaining,
            reset_after: b.reset_at.saturating_duration_since(now),
        };
        if let Some(g) = self.global.as_mut() {
            g.remaining = g.remaining.saturating_sub(1);
        }
        state
    }
}

/// The outcome of [`World::take`].
#[derive(Debug, Clone, Copy)]
pub enum Take {
    Allowed {
        limit: u32,
        remaining: u32,
        reset_after: Duration,
    },
    Limited {
        retry_after: Duration,
        global: bool,
        limit: u32,
    },
}

/// The state shared by every route and by the handle.
pub struct Shared {
    pub world: Mutex<World>,
    pub config: Config,
    pub ids: Snowflakes,
    /// The application (its id is also the OAuth2 client id).
    pub application_id: String,
    pub client_secret: String,
    pub bot_token: String,
    pub bot: User,
    /// `ws://127.0.0.1:port` — set once the listener is bound.
    pub ws_base: String,
}

pub type State = Arc<Shared>;

impl Shared {
    pub fn lock(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|e| e.into_inner())
    }
}
