//! A fake Twitch: id.twitch.tv OAuth, Helix and EventSub over WebSocket on one local port.
//! See the crate docs for what is faked and where each shape comes from.

mod actions;
mod control;
mod eventsub;
mod helix;
mod oauth;
pub mod payloads;
mod state;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use chrono::Utc;
use rand::Rng;
use serde_json::Value;

pub use payloads::ModAction;
pub use state::{Ban, RecordedCall, User};

use state::{Shared, Token, World};

/// How the fake behaves; `Config::default()` is Twitch's own numbers.
#[derive(Debug, Clone)]
pub struct Config {
    /// Helix points per minute per client id + user (Twitch: 800).
    pub rate_limit_per_minute: u32,
    /// Lifetime of a user access token issued by the fake (Twitch: about 4 hours).
    pub user_token_lifetime: Duration,
    /// Lifetime of an app access token (Twitch: about 60 days).
    pub app_token_lifetime: Duration,
    /// The `interval` a device code poll must respect (Twitch: 5 s).
    pub device_poll_interval: Duration,
    /// Smallest `keepalive_timeout_seconds` accepted on `/ws` (Twitch: 10). Tests lower it to
    /// see keepalives without waiting; the value sent in the welcome is the one in use.
    pub min_keepalive_seconds: u64,
    /// Default keepalive when `/ws` has no `keepalive_timeout_seconds` (Twitch: 10).
    pub default_keepalive_seconds: u64,
    /// After `session_reconnect`, how long the client has to connect to the new URL before the
    /// old connection is closed with 4004 (Twitch: 30 s).
    pub reconnect_grace: Duration,
    /// Close a connection with 4003 when it has no subscription `keepalive_timeout_seconds` after
    /// its welcome (Twitch does; twitch-cli only with `--require-subscription`).
    pub close_unused_connections: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            rate_limit_per_minute: 800,
            user_token_lifetime: Duration::from_secs(4 * 3600),
            app_token_lifetime: Duration::from_secs(60 * 24 * 3600),
            device_poll_interval: Duration::from_secs(5),
            min_keepalive_seconds: 10,
            default_keepalive_seconds: 10,
            reconnect_grace: Duration::from_secs(30),
            close_unused_connections: true,
        }
    }
}

/// An access token with its refresh token, as the fake issued it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenPair {
    pub access_token: String,
    pub refresh_token: String,
    pub scopes: Vec<String>,
}

/// A running load generator; stops when dropped or stopped.
pub struct ChatLoad {
    stop: Arc<AtomicBool>,
    sent: Arc<AtomicU64>,
    task: tokio::task::JoinHandle<()>,
}

impl ChatLoad {
    /// Notifications sent so far (one per subscribed session per message).
    pub fn sent(&self) -> u64 {
        self.sent.load(Ordering::Relaxed)
    }

    /// Stop generating and wait for the task to end; returns the number sent.
    pub async fn stop(mut self) -> u64 {
        self.stop.store(true, Ordering::Relaxed);
        let _ = (&mut self.task).await;
        self.sent.load(Ordering::Relaxed)
    }
}

impl Drop for ChatLoad {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// A running fake Twitch on `127.0.0.1`. Dropping it stops the server and closes its sockets.
pub struct FakeTwitch {
    state: state::State,
    addr: SocketAddr,
    server: tokio::task::JoinHandle<()>,
    /// The app every test uses (a 30-character client id, as Twitch's are).
    client_id: String,
    client_secret: String,
    pub broadcaster: User,
    pub bot: User,
    pub moderator: User,
    pub viewer: User,
}

impl Drop for FakeTwitch {
    fn drop(&mut self) {
        self.server.abort();
        let mut w = self.state.lock();
        for s in w.sessions.values() {
            let _ = s.tx.send(state::Outbound::Drop);
        }
        w.sessions.clear();
    }
}

fn random_token(len: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::thread_rng();
    (0..len)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect()
}

/// Decode `a=b&c=d` (form bodies and query strings), percent- and `+`-decoding.
pub(crate) fn form_pairs(s: &str) -> Vec<(String, String)> {
    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => match u8::from_str_radix(&s[i + 1..i + 3], 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                },
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}

/// Record every request (method, path, query, body, headers) before routing it.
async fn record(
    axum::extract::State(st): axum::extract::State<state::State>,
    req: Request,
    next: Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let bytes = to_bytes(body, 4 * 1024 * 1024).await.unwrap_or_default();
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
    let recorded = (call.path != "/ws").then(|| call.clone());
    if let Some(c) = &recorded {
        st.lock().calls.push(c.clone());
    }
    let resp = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if let Some(c) = recorded {
        st.lock().answered.push((c, resp.status().as_u16()));
    }
    resp
}

impl FakeTwitch {
    /// Start with Twitch's own limits.
    pub async fn start() -> std::io::Result<FakeTwitch> {
        FakeTwitch::start_with(Config::default()).await
    }

    pub async fn start_with(config: Config) -> std::io::Result<FakeTwitch> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let mut world = World {
            rate_limit: config.rate_limit_per_minute,
            ..World::default()
        };
        let client_id = random_token(30);
        let client_secret = random_token(30);
        world.apps.insert(client_id.clone(), client_secret.clone());
        let state: state::State = Arc::new(Shared {
            world: Mutex::new(world),
            config,
            ws_base: format!("ws://{addr}"),
        });
        let app = Router::new()
            .nest("/oauth2", oauth::router())
            .nest("/helix", helix::router(state.clone()))
            .nest("/_control", control::router())
            .merge(eventsub::ws_router())
            .layer(axum::middleware::from_fn_with_state(state.clone(), record))
            .with_state(state.clone());
        // As Twitch's edge does: small frames (EventSub notifications, gateway events) go out at
        // once, not after the client's delayed ACK (Nagle's algorithm).
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            let _ = tcp.set_nodelay(true);
        });
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        let mut fake = FakeTwitch {
            state,
            addr,
            server,
            client_id,
            client_secret,
            broadcaster: User {
                id: String::new(),
                login: String::new(),
                display_name: String::new(),
                broadcaster_type: String::new(),
                created_at: Utc::now(),
            },
            bot: placeholder(),
            moderator: placeholder(),
            viewer: placeholder(),
        };
        fake.broadcaster = fake.add_user_with_id("100000001", "lumio_demo");
        fake.bot = fake.add_user_with_id("200000002", "lumio_bot");
        fake.moderator = fake.add_user_with_id("300000003", "other_mod");
        fake.viewer = fake.add_user_with_id("400000004", "some_viewer");
        let b = fake.broadcaster.id.clone();
        fake.add_moderator(&b, &fake.bot.id.clone());
        fake.add_moderator(&b, &fake.moderator.id.clone());
        {
            let mut w = fake.state.lock();
            let ch = w.channel(&b);
            ch.emotes = vec![
                payloads::channel_emote_json("emotesv2_1", "lumioHype", "1000", "301590448"),
                payloads::channel_emote_json("emotesv2_2", "lumioDance", "1000", "301590448"),
            ];
        }
        Ok(fake)
    }

    // ----- addresses and credentials ---------------------------------------------------------

    /// `http://127.0.0.1:port`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What `https://api.twitch.tv/helix` is on Twitch.
    pub fn helix_url(&self) -> String {
        format!("http://{}/helix", self.addr)
    }

    /// What `https://id.twitch.tv/oauth2` is on Twitch.
    pub fn oauth_url(&self) -> String {
        format!("http://{}/oauth2", self.addr)
    }

    /// What `wss://eventsub.wss.twitch.tv/ws` is on Twitch.
    pub fn eventsub_ws_url(&self) -> String {
        format!("ws://{}/ws", self.addr)
    }

    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    pub fn client_secret(&self) -> &str {
        &self.client_secret
    }

    // ----- the world -------------------------------------------------------------------------

    /// A new user with a fresh numeric id.
    pub fn add_user(&self, login: &str) -> User {
        let id = rand::thread_rng()
            .gen_range(500_000_000u64..999_999_999)
            .to_string();
        self.add_user_with_id(&id, login)
    }

    pub fn add_user_with_id(&self, id: &str, login: &str) -> User {
        let user = User {
            id: id.to_string(),
            login: login.to_ascii_lowercase(),
            display_name: login.to_string(),
            broadcaster_type: String::new(),
            created_at: Utc::now() - chrono::Duration::days(400),
        };
        self.state
            .lock()
            .users
            .insert(user.id.clone(), user.clone());
        user
    }

    pub fn add_moderator(&self, broadcaster_id: &str, user_id: &str) {
        self.state
            .lock()
            .channel(broadcaster_id)
            .moderators
            .insert(user_id.to_string());
    }

    pub fn is_moderator(&self, broadcaster_id: &str, user_id: &str) -> bool {
        self.state.lock().is_moderator(broadcaster_id, user_id)
    }

    pub fn add_follower(&self, broadcaster_id: &str, user_id: &str) {
        self.state
            .lock()
            .channel(broadcaster_id)
            .followers
            .push((user_id.to_string(), Utc::now()));
    }

    /// The ban or unexpired timeout of a user on a channel.
    pub fn ban_of(&self, broadcaster_id: &str, user_id: &str) -> Option<Ban> {
        self.state.lock().active_ban(broadcaster_id, user_id)
    }

    /// Drop a ban or timeout from the fake's state without any event (as if Twitch lost it):
    /// Get Banned Users no longer lists it. Returns whether there was one.
    pub fn forget_ban(&self, broadcaster_id: &str, user_id: &str) -> bool {
        self.state
            .lock()
            .channel(broadcaster_id)
            .bans
            .remove(user_id)
            .is_some()
    }

    /// `ACTIVE_MONITORING` / `RESTRICTED`, or None.
    pub fn suspicious_status(&self, broadcaster_id: &str, user_id: &str) -> Option<String> {
        self.state
            .lock()
            .channel(broadcaster_id)
            .suspicious
            .get(user_id)
            .cloned()
    }

    pub fn set_raid_pending(&self, broadcaster_id: &str, pending: bool) {
        self.state.lock().channel(broadcaster_id).raid_pending = pending;
    }

    pub fn raid_pending(&self, broadcaster_id: &str) -> bool {
        self.state.lock().channel(broadcaster_id).raid_pending
    }

    /// An active poll with these choices (ids `{id}-0`, `{id}-1`, …).
    pub fn add_poll(&self, broadcaster_id: &str, id: &str, title: &str, choices: &[&str]) {
        let mut w = self.state.lock();
        let Some(b) = w.user(broadcaster_id).cloned() else {
            return;
        };
        let poll = payloads::poll_json(&b, id, title, choices);
        w.channel(broadcaster_id).polls.insert(id.to_string(), poll);
    }

    pub fn poll(&self, broadcaster_id: &str, id: &str) -> Option<Value> {
        self.state
            .lock()
            .channel(broadcaster_id)
            .polls
            .get(id)
            .cloned()
    }

    /// An active prediction with these outcomes (ids `{id}-0`, `{id}-1`, …).
    pub fn add_prediction(&self, broadcaster_id: &str, id: &str, title: &str, outcomes: &[&str]) {
        let mut w = self.state.lock();
        let Some(b) = w.user(broadcaster_id).cloned() else {
            return;
        };
        let p = payloads::prediction_json(&b, id, title, outcomes);
        w.channel(broadcaster_id)
            .predictions
            .insert(id.to_string(), p);
    }

    pub fn prediction(&self, broadcaster_id: &str, id: &str) -> Option<Value> {
        self.state
            .lock()
            .channel(broadcaster_id)
            .predictions
            .get(id)
            .cloned()
    }

    // ----- tokens ----------------------------------------------------------------------------

    /// Issue a user access token (with its refresh token) for the test app, as if the user had
    /// gone through an authorization flow granting `scopes`.
    pub fn issue_user_token(&self, user_id: &str, scopes: &[&str]) -> TokenPair {
        let scopes: Vec<String> = scopes.iter().map(|s| s.to_string()).collect();
        let (access, refresh) = oauth::issue(
            &mut self.state.lock(),
            &self.state.config,
            &self.client_id,
            user_id,
            &scopes,
        );
        TokenPair {
            access_token: access,
            refresh_token: refresh,
            scopes,
        }
    }

    /// Make an access token expire now: Helix answers 401 and `/validate` too.
    pub fn expire_token(&self, access_token: &str) {
        if let Some(t) = self.state.lock().tokens.get_mut(access_token) {
            t.expires_at = Utc::now() - chrono::Duration::seconds(1);
        }
    }

    /// Revoke an access token and its refresh token (as `POST /oauth2/revoke` does).
    pub fn revoke_token(&self, access_token: &str) {
        oauth::revoke(&mut self.state.lock(), access_token);
    }

    /// Is this access token still good?
    pub fn token_is_valid(&self, access_token: &str) -> bool {
        let w = self.state.lock();
        w.tokens
            .get(access_token)
            .is_some_and(|t: &Token| !t.revoked && t.expires_at > Utc::now())
    }

    /// The user approves the device code shown as `user_code`; false when no such code.
    pub fn approve_device(&self, user_code: &str, user_id: &str) -> bool {
        oauth::set_device_state(
            &mut self.state.lock(),
            user_code,
            state::DeviceState::Approved(user_id.to_string()),
        )
    }

    /// The user denies the device code shown as `user_code`.
    pub fn deny_device(&self, user_code: &str) -> bool {
        oauth::set_device_state(
            &mut self.state.lock(),
            user_code,
            state::DeviceState::Denied,
        )
    }

    /// Make the device code shown as `user_code` expire now.
    pub fn expire_device(&self, user_code: &str) -> bool {
        let mut w = self.state.lock();
        match w.devices.values_mut().find(|d| d.user_code == user_code) {
            Some(d) => {
                d.expires_at = Utc::now() - chrono::Duration::seconds(1);
                true
            }
            None => false,
        }
    }

    // ----- rate limit ------------------------------------------------------------------------

    /// Change the bucket size (points per minute) for every client.
    pub fn set_rate_limit(&self, per_minute: u32) {
        let mut w = self.state.lock();
        w.rate_limit = per_minute;
        w.buckets.clear();
    }

    /// Empty the bucket of the user a token belongs to (or the app's, for an app token): the
    /// next Helix call answers 429.
    pub fn exhaust_rate_limit(&self, access_token: &str) {
        let mut w = self.state.lock();
        let Some(t) = w.tokens.get(access_token).cloned() else {
            return;
        };
        let key = (t.client_id, t.user_id.unwrap_or_default());
        w.take_point(key.clone());
        if let Some(b) = w.buckets.get_mut(&key) {
            b.tokens = 0.0;
        }
    }

    // ----- faults ----------------------------------------------------------------------------

    /// The next `n` ban / unban calls answer 409 ("someone else is updating the state").
    pub fn fail_next_bans_with_conflict(&self, n: u32) {
        self.state.lock().faults.ban_conflicts = n;
    }

    /// The next `n` Helix calls of `method` (None: any) on `path` (without `/helix`, e.g.
    /// `/moderation/moderators`) answer `status` with a Helix error body; a 429 carries the
    /// usual rate-limit headers.
    pub fn fail_next_helix(&self, method: Option<&str>, path: &str, status: u16, n: u32) {
        self.state.lock().faults.helix.push(state::HelixFault {
            method: method.map(str::to_string),
            path: path.to_string(),
            status,
            left: n,
        });
    }

    // ----- recorded calls --------------------------------------------------------------------

    /// Every HTTP request the fake received (OAuth, Helix, control), oldest first.
    pub fn calls(&self) -> Vec<RecordedCall> {
        self.state.lock().calls.clone()
    }

    /// The Helix calls only, with the `/helix` prefix kept in `path`.
    pub fn helix_calls(&self) -> Vec<RecordedCall> {
        self.calls()
            .into_iter()
            .filter(|c| c.path.starts_with("/helix/"))
            .collect()
    }

    pub fn clear_calls(&self) {
        let mut w = self.state.lock();
        w.calls.clear();
        w.answered.clear();
    }

    /// The Helix calls answered so far, each with the status the fake answered.
    pub fn helix_answers(&self) -> Vec<(RecordedCall, u16)> {
        self.state
            .lock()
            .answered
            .iter()
            .filter(|(c, _)| c.path.starts_with("/helix/"))
            .cloned()
            .collect()
    }

    /// Messages sent through `POST /helix/chat/messages`, as (broadcaster, sender, text).
    pub fn sent_messages(&self) -> Vec<(String, String, String)> {
        self.helix_calls()
            .into_iter()
            .filter(|c| c.method == "POST" && c.path == "/helix/chat/messages")
            .filter_map(|c| c.json())
            .map(|b| {
                let s = |k: &str| b[k].as_str().unwrap_or_default().to_string();
                (s("broadcaster_id"), s("sender_id"), s("message"))
            })
            .collect()
    }

    // ----- EventSub control ------------------------------------------------------------------

    /// Ids of the connected EventSub sessions.
    pub fn sessions(&self) -> Vec<String> {
        let mut v: Vec<String> = self.state.lock().sessions.keys().cloned().collect();
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

    /// The subscriptions as `GET /eventsub/subscriptions` lists them (every client).
    pub fn subscriptions(&self) -> Vec<Value> {
        let w = self.state.lock();
        w.subs.iter().map(payloads::subscription_json).collect()
    }

    /// Send `session_reconnect` to a session; its new URL carries the subscriptions over.
    pub fn reconnect_session(&self, session_id: &str) -> bool {
        eventsub::start_reconnect(&self.state, session_id)
    }

    /// Close a session with one of the documented close codes (4000–4007).
    pub fn close_session(&self, session_id: &str, code: u16) -> bool {
        eventsub::close_session(&self.state, session_id, code)
    }

    /// Drop a session's TCP connection without a close frame (a network failure).
    pub fn drop_session(&self, session_id: &str) -> bool {
        let w = self.state.lock();
        match w.sessions.get(session_id) {
            Some(s) => s.tx.send(state::Outbound::Drop).is_ok(),
            None => false,
        }
    }

    /// Stop (or resume) keepalives on a session, to test a client's keepalive timeout
    /// (twitch-cli: `twitch event websocket keepalive --enabled=false`).
    pub fn set_keepalive_enabled(&self, session_id: &str, enabled: bool) {
        if let Some(s) = self.state.lock().sessions.get_mut(session_id) {
            s.keepalive_enabled = enabled;
        }
    }

    /// Revoke a subscription with a documented status (`authorization_revoked`,
    /// `user_removed`, `moderator_removed`, `version_removed`): its session gets a
    /// `revocation` message and no more notifications of it.
    pub fn revoke_subscription(&self, subscription_id: &str, status: &str) -> bool {
        eventsub::revoke(&self.state, subscription_id, status)
    }

    // ----- things that happen on Twitch ------------------------------------------------------

    /// A viewer writes in chat: `channel.chat.message`. Returns the message id.
    pub fn inject_chat(&self, broadcaster_id: &str, user_id: &str, text: &str) -> Option<String> {
        actions::chat_message(&self.state, broadcaster_id, user_id, text)
    }

    /// Another moderator bans (duration None) or times out a user on Twitch itself.
    pub fn ban_as(
        &self,
        moderator_id: &str,
        broadcaster_id: &str,
        user_id: &str,
        duration: Option<u64>,
        reason: &str,
    ) -> Result<(), String> {
        actions::ban(
            &self.state,
            broadcaster_id,
            moderator_id,
            user_id,
            duration,
            reason,
        )
        .map(|_| ())
        .map_err(|e| e.message)
    }

    pub fn unban_as(
        &self,
        moderator_id: &str,
        broadcaster_id: &str,
        user_id: &str,
    ) -> Result<(), String> {
        actions::unban(&self.state, broadcaster_id, moderator_id, user_id).map_err(|e| e.message)
    }

    pub fn delete_message_as(
        &self,
        moderator_id: &str,
        broadcaster_id: &str,
        message_id: &str,
    ) -> Result<(), String> {
        actions::delete_message(&self.state, broadcaster_id, moderator_id, Some(message_id))
            .map_err(|e| e.message)
    }

    pub fn clear_chat_as(&self, moderator_id: &str, broadcaster_id: &str) -> Result<(), String> {
        actions::delete_message(&self.state, broadcaster_id, moderator_id, None)
            .map_err(|e| e.message)
    }

    pub fn warn_as(
        &self,
        moderator_id: &str,
        broadcaster_id: &str,
        user_id: &str,
        reason: &str,
    ) -> Result<(), String> {
        actions::warn(&self.state, broadcaster_id, moderator_id, user_id, reason)
            .map(|_| ())
            .map_err(|e| e.message)
    }

    /// A moderator sets (Some) or clears (None) a suspicious-user treatment.
    pub fn set_suspicious_as(
        &self,
        moderator_id: &str,
        broadcaster_id: &str,
        user_id: &str,
        status: Option<&str>,
    ) -> Result<(), String> {
        actions::suspicious(&self.state, broadcaster_id, moderator_id, user_id, status)
            .map(|_| ())
            .map_err(|e| e.message)
    }

    /// Another channel raids `to_broadcaster_id`: `channel.raid`.
    pub fn raid(&self, from_broadcaster_id: &str, to_broadcaster_id: &str, viewers: u64) {
        actions::raid(&self.state, from_broadcaster_id, to_broadcaster_id, viewers);
    }

    /// The stream goes live (`stream.online`) or ends (`stream.offline`).
    pub fn set_live(&self, broadcaster_id: &str, live: bool) {
        actions::set_live(&self.state, broadcaster_id, live);
    }

    /// Generate `per_second` `channel.chat.message` notifications on a channel, from a pool of
    /// generated chatters, until stopped (or `total` messages were made).
    pub fn start_chat_load(
        &self,
        broadcaster_id: &str,
        per_second: u32,
        total: Option<u64>,
    ) -> ChatLoad {
        let chatters: Vec<User> = (0..50)
            .map(|i| self.add_user(&format!("load_chatter_{i}")))
            .collect();
        let stop = Arc::new(AtomicBool::new(false));
        let sent = Arc::new(AtomicU64::new(0));
        let task = tokio::spawn(actions::chat_load(
            self.state.clone(),
            broadcaster_id.to_string(),
            chatters,
            per_second,
            total,
            stop.clone(),
            sent.clone(),
        ));
        ChatLoad { stop, sent, task }
    }
}

fn placeholder() -> User {
    User {
        id: String::new(),
        login: String::new(),
        display_name: String::new(),
        broadcaster_type: String::new(),
        created_at: Utc::now(),
    }
}

/// Query parameters of a request as a multimap.
pub(crate) fn query_map(query: Option<&str>) -> HashMap<String, Vec<String>> {
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    for (k, v) in form_pairs(query.unwrap_or_default()) {
        m.entry(k).or_default().push(v);
    }
    m
}
