//! A fake Discord: REST v10, the OAuth2 consent screen and token endpoint, and the gateway
//! WebSocket, on one local port. See the crate docs for what is faked and where each shape
//! comes from.

mod gateway;
mod oauth;
pub mod payloads;
mod rest;
mod state;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::routing::get;
use axum::Router;
use chrono::{DateTime, Utc};
use rand::Rng;
use serde_json::Value;

pub use gateway::close_reason;
pub use oauth::Consent;
pub use state::{Ban, Channel, Member, RecordedCall, Role, User};

use state::{Guild, Shared, Snowflakes, StoredMessage, World};

/// Gateway intents (docs "Gateway — Gateway Intents"): the bits the fake looks at.
pub mod intents {
    pub const GUILDS: u64 = 1 << 0;
    pub const GUILD_MEMBERS: u64 = 1 << 1;
    pub const GUILD_MODERATION: u64 = 1 << 2;
    pub const GUILD_MESSAGES: u64 = 1 << 9;
    pub const DIRECT_MESSAGES: u64 = 1 << 12;
    pub const MESSAGE_CONTENT: u64 = 1 << 15;
    pub const GUILD_PRESENCES: u64 = 1 << 8;
    /// Every intent Discord defines (bits 0–25; 17–19 and 22–23 unused), for 4013.
    pub const ALL: u64 = (1 << 26) - 1;
    /// The privileged intents (members, presences, message content), for 4014.
    pub const PRIVILEGED: u64 = GUILD_MEMBERS | GUILD_PRESENCES | MESSAGE_CONTENT;
}

/// How the fake behaves; `Config::default()` is Discord's own numbers.
#[derive(Debug, Clone)]
pub struct Config {
    /// HELLO's `heartbeat_interval` (Discord: 41.25 s).
    pub heartbeat_interval: Duration,
    /// Close a connection with 4009 when no heartbeat came for 1.5 intervals.
    pub enforce_heartbeats: bool,
    /// The global limit: requests per window per bot (Discord: 50 per second).
    pub global_rate_limit: (u32, Duration),
    /// A route's bucket when [`FakeDiscord::set_route_limit`] gave it none.
    pub default_route_limit: (u32, Duration),
    /// Application command creates per guild per day (Discord: 200).
    pub daily_command_creates: u32,
    /// `session_start_limit.total` (Discord: 1000 a day).
    pub session_start_total: u32,
    /// Events a connection may send per minute (Discord: 120), else close 4008.
    pub gateway_events_per_minute: u32,
    /// Whether the application may ask for privileged intents (else IDENTIFY with one is
    /// closed with 4014).
    pub privileged_intents: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            heartbeat_interval: Duration::from_millis(41_250),
            enforce_heartbeats: true,
            global_rate_limit: (50, Duration::from_secs(1)),
            default_route_limit: (50, Duration::from_secs(1)),
            daily_command_creates: 200,
            session_start_total: 1000,
            gateway_events_per_minute: 120,
            privileged_intents: true,
        }
    }
}

/// The routes whose buckets Discord documents or bots commonly meet, with their usual size:
/// 5 messages per 5 s per channel (the well-known message bucket).
pub const MESSAGE_ROUTE: &str = "POST /channels/{channel_id}/messages";

/// The ids of a guild the fake made, for tests to name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuildIds {
    pub id: String,
    pub name: String,
    /// `#general` (text), `#announcements` (announcement), `#mod-log` (text), `Lounge`
    /// (voice), `Text Channels` (category) — in that order for [`FakeDiscord::start`]'s guild.
    pub channels: Vec<Channel>,
    /// `@everyone` (the guild's id), `Moderator`, `Lumio` (the bot's managed role).
    pub roles: Vec<Role>,
    pub owner: User,
}

impl GuildIds {
    /// The channel of that name.
    pub fn channel(&self, name: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.name == name)
    }
}

/// A running message load generator; stops when dropped or stopped.
pub struct MessageLoad {
    stop: Arc<AtomicBool>,
    sent: Arc<AtomicU64>,
    task: tokio::task::JoinHandle<()>,
}

impl MessageLoad {
    /// MESSAGE_CREATE dispatches made so far.
    pub fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Stop generating and wait for the task to end; returns the number made.
    pub async fn stop(mut self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        let _ = (&mut self.task).await;
        self.sent.load(Ordering::Relaxed)
    }
}

impl Drop for MessageLoad {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// A running fake Discord on `127.0.0.1`. Dropping it stops the server and closes its sockets.
pub struct FakeDiscord {
    state: state::State,
    addr: SocketAddr,
    server: tokio::task::JoinHandle<()>,
    /// The guild every test starts with; the bot is in it.
    pub guild: GuildIds,
    /// A member of [`FakeDiscord::guild`] who chats.
    pub chatter: User,
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.server.abort();
        let mut w = self.state.lock();
        for c in w.connections.values() {
            let _ = c.tx.send(state::Outbound::Drop);
        }
        w.connections.clear();
    }
}

pub(crate) fn random_token(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect()
}

pub(crate) fn gateway_url(st: &state::State) -> String {
    format!("{}/gateway", st.ws_base)
}

/// GUILD_CREATE bodies of these guilds (for READY and for a bot joining).
pub(crate) fn guild_creates_for(w: &World, ids: &[String]) -> Vec<Value> {
    ids.iter()
        .filter_map(|id| w.guilds.get(id))
        .map(|g| payloads::guild_create(g, &w.users))
        .collect()
}

/// Dispatch an event to the gateway sessions that asked for it.
pub(crate) fn dispatch(st: &state::State, t: &str, d: Value, intent: u64) -> usize {
    gateway::dispatch_to_sessions(st, t, &d, intent)
}

pub(crate) fn dispatch_guild_create(st: &state::State, guild_id: &str) -> usize {
    let d = {
        let w = st.lock();
        guild_creates_for(&w, &[guild_id.to_string()])
            .into_iter()
            .next()
    };
    match d {
        Some(d) => dispatch(st, "GUILD_CREATE", d, intents::GUILDS),
        None => 0,
    }
}

/// Record every request (method, path, query, body, headers) before routing it.
async fn record(
    axum::extract::State(st): axum::extract::State<state::State>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::body::{to_bytes, Body};
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, 8 * 1024 * 1024).await.unwrap_or_default();
    let call = RecordedCall {
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().unwrap_or_default().to_string(),
        body: String::from_utf8_lossy(&bytes).into_owned(),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
    };
    if call.path != "/gateway" {
        st.lock().calls.push(call);
    }
    next.run(axum::extract::Request::from_parts(parts, Body::from(bytes)))
        .await
}

impl FakeDiscord {
    /// Start with Discord's own limits.
    pub async fn start() -> std::io::Result<FakeDiscord> {
        FakeDiscord::start_with(Config::default()).await
    }

    pub async fn start_with(config: Config) -> std::io::Result<FakeDiscord> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let ids = Snowflakes::default();
        let application_id = ids.next();
        let bot = User {
            // A bot user's id is its application's id for applications made since 2016.
            id: application_id.clone(),
            username: "Lumio".into(),
            global_name: None,
            bot: true,
        };
        let mut world = World::default();
        let route_limits = [(MESSAGE_ROUTE.to_string(), (5, Duration::from_secs(5)))];
        world.route_limits.extend(route_limits);
        world.users.insert(bot.id.clone(), bot.clone());
        // A bot token looks like `<base64 user id>.<timestamp>.<hmac>`.
        let bot_token = format!(
            "{}.{}.{}",
            random_token(24),
            random_token(6),
            random_token(27)
        );
        let state: state::State = Arc::new(Shared {
            world: Mutex::new(world),
            config,
            ids,
            application_id,
            client_secret: random_token(32),
            bot_token,
            bot,
            ws_base: format!("ws://{addr}"),
        });
        let app = Router::new()
            .nest("/api/v10", rest::router())
            .route("/oauth2/authorize", get(oauth::authorize))
            .route("/gateway", get(gateway::handler))
            .layer(axum::middleware::from_fn_with_state(state.clone(), record))
            .with_state(state.clone());
        // As Discord's edge does: small frames (EventSub notifications, gateway events) go out at
        // once, not after the client's delayed ACK (Nagle's algorithm).
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        let placeholder = User {
            id: String::new(),
            username: String::new(),
            global_name: None,
            bot: false,
        };
        let mut fake = FakeDiscord {
            state,
            addr,
            server,
            guild: GuildIds {
                id: String::new(),
                name: String::new(),
                channels: Vec::new(),
                roles: Vec::new(),
                owner: placeholder.clone(),
            },
            chatter: placeholder,
        };
        let owner = fake.add_user("lumio_owner");
        fake.guild = fake.add_guild("Lumio Demo Server", &owner, true);
        fake.chatter = fake.add_user("moonlight");
        fake.add_member(&fake.guild.id.clone(), &fake.chatter.id.clone());
        fake.set_consent(Consent {
            user_id: owner.id.clone(),
            guild_id: None,
            approve: true,
        });
        Ok(fake)
    }

    // ----- addresses and credentials ---------------------------------------------------------

    /// `http://127.0.0.1:port`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What `https://discord.com/api/v10` is on Discord.
    pub fn api_url(&self) -> String {
        format!("http://{}/api/v10", self.addr)
    }

    /// What `https://discord.com/oauth2/authorize` (the consent screen) is on Discord.
    pub fn authorize_url(&self) -> String {
        format!("http://{}/oauth2/authorize", self.addr)
    }

    /// What `wss://gateway.discord.gg` is on Discord (add `?v=10&encoding=json`).
    pub fn gateway_url(&self) -> String {
        gateway_url(&self.state)
    }

    /// The application id, which is also the OAuth2 client id and the bot's user id.
    pub fn application_id(&self) -> &str {
        &self.state.application_id
    }

    pub fn client_secret(&self) -> &str {
        &self.state.client_secret
    }

    /// The bot's token (sent as `Authorization: Bot <token>`).
    pub fn bot_token(&self) -> &str {
        &self.state.bot_token
    }

    pub fn bot(&self) -> &User {
        &self.state.bot
    }

    /// A new Discord snowflake (time-ordered, as Discord makes them).
    pub fn snowflake(&self) -> String {
        self.state.ids.next()
    }

    // ----- the world -------------------------------------------------------------------------

    pub fn add_user(&self, username: &str) -> User {
        let u = User {
            id: self.state.ids.next(),
            username: username.to_ascii_lowercase(),
            global_name: Some(username.to_string()),
            bot: false,
        };
        self.state.lock().users.insert(u.id.clone(), u.clone());
        u
    }

    /// A guild owned by `owner` with the usual channels and roles; `bot_joined`: whether the
    /// bot is in it already (else it joins when someone authorizes it there).
    pub fn add_guild(&self, name: &str, owner: &User, bot_joined: bool) -> GuildIds {
        let id = self.state.ids.next();
        let mk = |name: &str, kind: u8, position: i64, parent: Option<&str>| Channel {
            id: self.state.ids.next(),
            name: name.into(),
            kind,
            position,
            parent_id: parent.map(String::from),
            topic: None,
        };
        let category = mk("Text Channels", 4, 0, None);
        let channels = vec![
            mk("general", 0, 0, Some(&category.id)),
            mk("announcements", 5, 1, Some(&category.id)),
            mk("mod-log", 0, 2, Some(&category.id)),
            mk("Lounge", 2, 3, None),
            category,
        ];
        let roles = vec![
            Role {
                id: id.clone(),
                name: "@everyone".into(),
                color: 0,
                position: 0,
                permissions: "1071698660929".into(),
                managed: false,
            },
            Role {
                id: self.state.ids.next(),
                name: "Moderator".into(),
                color: 0x3498db,
                position: 2,
                permissions: "1099511627775".into(),
                managed: false,
            },
            Role {
                id: self.state.ids.next(),
                name: "Lumio".into(),
                color: 0,
                position: 1,
                permissions: "1099780063238".into(),
                managed: true,
            },
        ];
        let now = Utc::now();
        let mut members = std::collections::BTreeMap::new();
        members.insert(
            owner.id.clone(),
            Member {
                user_id: owner.id.clone(),
                roles: vec![roles[1].id.clone()],
                nick: None,
                joined_at: now,
                communication_disabled_until: None,
            },
        );
        members.insert(
            self.state.bot.id.clone(),
            Member {
                user_id: self.state.bot.id.clone(),
                roles: vec![roles[2].id.clone()],
                nick: None,
                joined_at: now,
                communication_disabled_until: None,
            },
        );
        let guild = Guild {
            id: id.clone(),
            name: name.into(),
            // An image hash: 32 hex digits (an MD5), `a_` first when animated.
            icon: Some(format!("a_{:032x}", rand::thread_rng().gen::<u128>())),
            owner_id: owner.id.clone(),
            features: vec!["COMMUNITY".into(), "NEWS".into()],
            channels: channels.clone(),
            roles: roles.clone(),
            members,
            bans: Default::default(),
            bot_joined,
            denied: Vec::new(),
            unavailable: false,
            commands: Default::default(),
            command_creates_today: 0,
            joined_at: now,
        };
        {
            let mut w = self.state.lock();
            for c in &channels {
                w.channel_guild.insert(c.id.clone(), id.clone());
            }
            w.guilds.insert(id.clone(), guild);
        }
        if bot_joined {
            dispatch_guild_create(&self.state, &id);
        }
        GuildIds {
            id,
            name: name.into(),
            channels,
            roles,
            owner: owner.clone(),
        }
    }

    pub fn add_member(&self, guild_id: &str, user_id: &str) {
        if let Some(g) = self.state.lock().guilds.get_mut(guild_id) {
            g.members.insert(
                user_id.to_string(),
                Member {
                    user_id: user_id.to_string(),
                    roles: Vec::new(),
                    nick: None,
                    joined_at: Utc::now(),
                    communication_disabled_until: None,
                },
            );
        }
    }

    /// A new channel (`kind`: 0 text, 2 voice, 4 category, 5 announcement). Sent to the
    /// gateway as CHANNEL_CREATE is not (the fake's dispatches are the ones lumio uses).
    pub fn add_channel(&self, guild_id: &str, name: &str, kind: u8) -> Option<Channel> {
        let c = Channel {
            id: self.state.ids.next(),
            name: name.into(),
            kind,
            position: 10,
            parent_id: None,
            topic: None,
        };
        let mut w = self.state.lock();
        let g = w.guilds.get_mut(guild_id)?;
        g.channels.push(c.clone());
        w.channel_guild.insert(c.id.clone(), guild_id.to_string());
        Some(c)
    }

    pub fn remove_channel(&self, channel_id: &str) {
        let mut w = self.state.lock();
        if let Some(g) = w.channel_guild.remove(channel_id) {
            if let Some(guild) = w.guilds.get_mut(&g) {
                guild.channels.retain(|c| c.id != channel_id);
            }
        }
    }

    pub fn add_role(&self, guild_id: &str, name: &str) -> Option<Role> {
        let r = Role {
            id: self.state.ids.next(),
            name: name.into(),
            color: 0,
            position: 3,
            permissions: "0".into(),
            managed: false,
        };
        let mut w = self.state.lock();
        w.guilds.get_mut(guild_id)?.roles.push(r.clone());
        Some(r)
    }

    /// Rename a guild / change its icon (as a server admin does in Discord).
    pub fn set_guild_info(&self, guild_id: &str, name: &str, icon: Option<&str>) {
        if let Some(g) = self.state.lock().guilds.get_mut(guild_id) {
            g.name = name.into();
            g.icon = icon.map(String::from);
        }
    }

    /// Take a permission from the bot in a guild (`SEND_MESSAGES`, `BAN_MEMBERS`,
    /// `MODERATE_MEMBERS`, `MANAGE_MESSAGES`): calls needing it answer 50013.
    pub fn deny_permission(&self, guild_id: &str, permission: &str) {
        if let Some(g) = self.state.lock().guilds.get_mut(guild_id) {
            g.denied.push(permission.to_string());
        }
    }

    /// The bot is kicked from a guild (GUILD_DELETE without `unavailable`), or joins it again
    /// (GUILD_CREATE).
    pub fn set_bot_in_guild(&self, guild_id: &str, joined: bool) {
        let changed = {
            let mut w = self.state.lock();
            match w.guilds.get_mut(guild_id) {
                Some(g) if g.bot_joined != joined => {
                    g.bot_joined = joined;
                    true
                }
                _ => false,
            }
        };
        if !changed {
            return;
        }
        if joined {
            dispatch_guild_create(&self.state, guild_id);
        } else {
            dispatch(
                &self.state,
                "GUILD_DELETE",
                payloads::guild_delete(guild_id, false),
                intents::GUILDS,
            );
        }
    }

    /// A guild has an outage (GUILD_DELETE with `unavailable: true`) or comes back
    /// (GUILD_CREATE).
    pub fn set_guild_unavailable(&self, guild_id: &str, unavailable: bool) {
        let joined = {
            let mut w = self.state.lock();
            match w.guilds.get_mut(guild_id) {
                Some(g) => {
                    g.unavailable = unavailable;
                    g.bot_joined
                }
                None => false,
            }
        };
        if !joined {
            return;
        }
        if unavailable {
            dispatch(
                &self.state,
                "GUILD_DELETE",
                payloads::guild_delete(guild_id, true),
                intents::GUILDS,
            );
        } else {
            dispatch_guild_create(&self.state, guild_id);
        }
    }

    pub fn bot_in_guild(&self, guild_id: &str) -> bool {
        self.state
            .lock()
            .guilds
            .get(guild_id)
            .is_some_and(|g| g.bot_joined)
    }

    pub fn ban_of(&self, guild_id: &str, user_id: &str) -> Option<Ban> {
        self.state
            .lock()
            .guilds
            .get(guild_id)
            .and_then(|g| g.bans.get(user_id).cloned())
    }

    /// When a member's timeout ends (None: not timed out, or not a member).
    pub fn timeout_of(&self, guild_id: &str, user_id: &str) -> Option<DateTime<Utc>> {
        self.state
            .lock()
            .guilds
            .get(guild_id)
            .and_then(|g| g.members.get(user_id))
            .and_then(|m| m.communication_disabled_until)
    }

    /// The guild's application commands (the last bulk overwrite), by name.
    pub fn commands(&self, guild_id: &str) -> Vec<Value> {
        self.state
            .lock()
            .guilds
            .get(guild_id)
            .map(|g| g.commands.values().cloned().collect())
            .unwrap_or_default()
    }

    /// Set how many command creates the guild has used today (to reach the daily limit).
    pub fn set_command_creates_today(&self, guild_id: &str, n: u32) {
        if let Some(g) = self.state.lock().guilds.get_mut(guild_id) {
            g.command_creates_today = n;
        }
    }

    // ----- OAuth2 ----------------------------------------------------------------------------

    /// Register a redirect URI for the application; once one is registered, only registered
    /// URIs are accepted (as on Discord). None registered: any is accepted.
    pub fn register_redirect_uri(&self, uri: &str) {
        self.state.lock().redirect_uris.push(uri.to_string());
    }

    /// Who answers the consent screen reached over HTTP (`GET /oauth2/authorize`). By default
    /// the owner of [`FakeDiscord::guild`] approves.
    pub fn set_consent(&self, c: Consent) {
        self.state.lock().consent = Some(c);
    }

    /// A person opens an authorize URL (any host: its query is what counts) and approves
    /// (or denies) as `consent` says: returns the URL Discord redirects the browser to.
    pub fn authorize(&self, authorize_url: &str, consent: &Consent) -> Result<String, String> {
        let query = authorize_url
            .split_once('?')
            .map(|(_, q)| q)
            .unwrap_or(authorize_url);
        oauth::consent(&self.state, query, consent)
    }

    // ----- rate limits -----------------------------------------------------------------------

    /// The bucket of a route (`"POST /channels/{channel_id}/messages"`, …): `limit` calls per
    /// `window` per major parameter. Existing buckets of the route start over.
    pub fn set_route_limit(&self, route: &str, limit: u32, window: Duration) {
        let mut w = self.state.lock();
        w.route_limits.insert(route.to_string(), (limit, window));
        w.buckets.retain(|(r, _), _| r != route);
    }

    /// Empty a route's bucket for one major parameter: its next call answers 429.
    pub fn exhaust_route(&self, route: &str, major: &str) {
        let mut w = self.state.lock();
        let (limit, window) = w
            .route_limits
            .get(route)
            .copied()
            .unwrap_or(self.state.config.default_route_limit);
        let b = w
            .buckets
            .entry((route.to_string(), major.to_string()))
            .or_insert(state::Bucket {
                limit,
                remaining: limit,
                reset_at: std::time::Instant::now() + window,
                window,
            });
        b.remaining = 0;
    }

    // ----- recorded calls --------------------------------------------------------------------

    /// Every HTTP request the fake received (REST, OAuth2), oldest first.
    pub fn calls(&self) -> Vec<RecordedCall> {
        self.state.lock().calls.clone()
    }

    /// The REST calls only, with the `/api/v10` prefix kept in `path`.
    pub fn rest_calls(&self) -> Vec<RecordedCall> {
        self.calls()
            .into_iter()
            .filter(|c| c.path.starts_with("/api/v10/"))
            .collect()
    }

    pub fn clear_calls(&self) {
        self.state.lock().calls.clear();
    }

    /// Messages posted through `POST /channels/{id}/messages`, as (channel id, content).
    pub fn sent_messages(&self) -> Vec<(String, String)> {
        self.rest_calls()
            .into_iter()
            .filter(|c| c.method == "POST" && c.path.ends_with("/messages"))
            .filter_map(|c| {
                let channel = c.path.split('/').nth(4)?.to_string();
                let body = c.json()?;
                Some((channel, body["content"].as_str().unwrap_or_default().into()))
            })
            .collect()
    }

    // ----- gateway control -------------------------------------------------------------------

    /// Ids of the sessions that have a live connection.
    pub fn sessions(&self) -> Vec<String> {
        let w = self.state.lock();
        let mut v: Vec<String> = w
            .sessions
            .values()
            .filter(|s| s.conn.is_some() && !s.invalid)
            .map(|s| s.id.clone())
            .collect();
        v.sort();
        v
    }

    /// Wait until `n` sessions are connected (or the timeout passes); returns their ids.
    pub async fn wait_for_sessions(&self, n: usize, timeout: Duration) -> Vec<String> {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let s = self.sessions();
            if s.len() >= n || tokio::time::Instant::now() >= deadline {
                return s;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// The last sequence number sent to a session.
    pub fn session_seq(&self, session_id: &str) -> Option<u64> {
        self.state.lock().sessions.get(session_id).map(|s| s.seq)
    }

    /// Send RECONNECT (op 7) to a session.
    pub fn send_reconnect(&self, session_id: &str) -> bool {
        gateway::send_reconnect(&self.state, session_id)
    }

    /// Send INVALID_SESSION (op 9) with `d` = `resumable`.
    pub fn invalidate_session(&self, session_id: &str, resumable: bool) -> bool {
        gateway::invalidate(&self.state, session_id, resumable)
    }

    /// Ask a session for a heartbeat now (op 1 from the gateway).
    pub fn request_heartbeat(&self, session_id: &str) -> bool {
        gateway::request_heartbeat(&self.state, session_id)
    }

    /// Close a session's connection with a documented code (4000–4014).
    pub fn close_session(&self, session_id: &str, code: u16) -> bool {
        close_reason(code).is_some()
            && gateway::close_connection(&self.state, session_id, Some(code))
    }

    /// Drop a session's TCP connection without a close frame (a network failure); the
    /// session can be resumed.
    pub fn drop_connection(&self, session_id: &str) -> bool {
        gateway::close_connection(&self.state, session_id, None)
    }

    /// Heartbeats are (`true`) or are no longer acknowledged with op 11: the client should
    /// take the connection for a zombie, close it and resume.
    pub fn withhold_heartbeat_acks(&self, on: bool) {
        self.state.lock().faults.withhold_heartbeat_acks = on;
    }

    /// RESUMEs answered with RESUMED so far.
    pub fn resumes(&self) -> u32 {
        self.state.lock().resumes
    }

    /// IDENTIFYs answered with READY so far (each one a new session).
    pub fn identifies(&self) -> u32 {
        self.state.lock().identifies
    }

    /// The next IDENTIFY is answered with INVALID_SESSION (d: false) instead of READY.
    pub fn invalidate_next_identify(&self) {
        self.state.lock().faults.invalidate_next_identify += 1;
    }

    // ----- things that happen on Discord -----------------------------------------------------

    /// A member writes in a channel: MESSAGE_CREATE. Returns the message id, or None when the
    /// channel is unknown.
    pub fn inject_message(&self, channel_id: &str, user_id: &str, content: &str) -> Option<String> {
        let (d, id) = {
            let w = self.state.lock();
            let guild_id = w.channel_guild.get(channel_id)?.clone();
            let g = w.guilds.get(&guild_id)?;
            let author = w.users.get(user_id)?;
            let id = self.state.ids.next();
            let msg = payloads::message(&id, channel_id, author, content, Utc::now(), None);
            (
                (
                    payloads::message_create(msg, &guild_id, g.members.get(user_id), true),
                    guild_id,
                ),
                id,
            )
        };
        let ((d, guild_id), id) = (d, id);
        self.state.lock().remember_message(
            id.clone(),
            StoredMessage {
                channel_id: channel_id.to_string(),
                guild_id,
                author_id: user_id.to_string(),
            },
        );
        dispatch(&self.state, "MESSAGE_CREATE", d, intents::GUILD_MESSAGES);
        Some(id)
    }

    /// A moderator deletes a message in Discord itself: MESSAGE_DELETE.
    pub fn delete_message(&self, message_id: &str) -> bool {
        let Some(m) = self.state.lock().messages.remove(message_id) else {
            return false;
        };
        dispatch(
            &self.state,
            "MESSAGE_DELETE",
            payloads::message_delete(message_id, &m.channel_id, &m.guild_id),
            intents::GUILD_MESSAGES,
        );
        true
    }

    /// Generate `per_second` MESSAGE_CREATE dispatches in a channel from a pool of generated
    /// members, until stopped (or `total` messages were made).
    pub fn start_message_load(
        &self,
        channel_id: &str,
        per_second: u32,
        total: Option<u64>,
    ) -> MessageLoad {
        let guild_id = self
            .state
            .lock()
            .channel_guild
            .get(channel_id)
            .cloned()
            .unwrap_or_default();
        let chatters: Vec<User> = (0..50)
            .map(|i| {
                let u = self.add_user(&format!("load_chatter_{i}"));
                self.add_member(&guild_id, &u.id);
                u
            })
            .collect();
        let stop = Arc::new(AtomicBool::new(false));
        let sent = Arc::new(AtomicU64::new(0));
        let st = self.state.clone();
        let channel = channel_id.to_string();
        let (stop2, sent2) = (stop.clone(), sent.clone());
        let task = tokio::spawn(async move {
            let per_second = per_second.max(1);
            let period = Duration::from_secs_f64(1.0 / f64::from(per_second));
            let start = tokio::time::Instant::now();
            let mut n: u64 = 0;
            while !stop2.load(Ordering::Relaxed) && total.is_none_or(|t| n < t) {
                // Catch up to the schedule (a late timer sends several at once).
                let due = (start.elapsed().as_secs_f64() * f64::from(per_second)) as u64 + 1;
                while n < due && total.is_none_or(|t| n < t) {
                    let u = &chatters[(n as usize) % chatters.len()];
                    let id = st.ids.next();
                    let msg = payloads::message(
                        &id,
                        &channel,
                        u,
                        &format!("load message {n}"),
                        Utc::now(),
                        None,
                    );
                    let member = st
                        .lock()
                        .guilds
                        .get(&guild_id)
                        .and_then(|g| g.members.get(&u.id).cloned());
                    let d = payloads::message_create(msg, &guild_id, member.as_ref(), true);
                    dispatch(&st, "MESSAGE_CREATE", d, intents::GUILD_MESSAGES);
                    n += 1;
                    sent2.store(n, Ordering::Relaxed);
                }
                tokio::time::sleep(period).await;
            }
        });
        MessageLoad { stop, sent, task }
    }
}
