//! The bot worker (issue 15 §5): reads and sends on every Twitch channel connection whose bot
//! is enabled.
//!
//! - Every [`RENEW_EVERY`] (and on `bot_join` / `bot_sync`) it lists the enabled connections
//!   (`chatter::connections::enabled_bot_connections`), subscribes to each account's
//!   `lumio:bot:action:twitch:{account_id}`, and takes the channels it can: a channel is held
//!   by a lease on the bus ([`keys::bot_lease`], SET NX with a TTL of [`LEASE_TTL`], renewed
//!   while held), so with several instances exactly one worker reads a channel, and when it
//!   dies another takes the channel over once the lease runs out (≤ `LEASE_TTL` +
//!   `RENEW_EVERY`). Renewal is "read, then extend if ours": should the lease lapse between
//!   the two, the other holder's lease is extended and this worker lets go on its next round.
//! - A held channel runs the EventSub client (`platforms::chat_in::run_twitch_channel`) and a
//!   sender: `send` actions (command replies, welcome messages) go through the connector,
//!   rate-limited per Twitch (20 messages per 30 s; 100 as the broadcaster) with `governor`.
//! - `bot_leave` drops the account's channels at once (tasks stopped, leases released).
//! - An action whose `account_id` is not a UUID, or not the account of its channel, is ignored
//!   with a warning.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use governor::{DefaultDirectRateLimiter, Quota, RateLimiter};
use serde_json::Value;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use uuid::Uuid;

use crate::bus::keys;
use crate::connections::model::Role;
use crate::platforms::chat_in::{run_twitch_channel, TwitchChannel};
use crate::platforms::connector::{ChannelRef, Connector};
use crate::platforms::twitch::connector::TwitchConnector;
use crate::platforms::twitch::eventsub::EventSubOptions;
use crate::platforms::Platform;
use crate::state::AppState;

/// How long a lease lasts without renewal.
pub const LEASE_TTL: Duration = Duration::from_secs(10);
/// How often leases are renewed and connections listed again.
pub const RENEW_EVERY: Duration = Duration::from_secs(3);
/// Messages queued per channel before `send` actions are dropped.
const SEND_QUEUE: usize = 256;

/// Settings of one worker.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// The worker's id, the value of the leases it holds (unique per worker).
    pub id: String,
    pub eventsub: EventSubOptions,
    pub lease_ttl: Duration,
    pub renew_every: Duration,
}

impl WorkerOptions {
    pub fn from_config(config: &crate::config::Config) -> WorkerOptions {
        WorkerOptions {
            id: Uuid::new_v4().to_string(),
            eventsub: EventSubOptions {
                ws_url: config.twitch_eventsub_url.clone(),
                ..EventSubOptions::default()
            },
            lease_ttl: LEASE_TTL,
            renew_every: RENEW_EVERY,
        }
    }
}

/// A channel this worker holds.
struct Held {
    account: Uuid,
    channel_name: String,
    lease: String,
    stop: watch::Sender<bool>,
    reader: JoinHandle<()>,
    sends: mpsc::Sender<String>,
}

struct Worker {
    state: AppState,
    options: WorkerOptions,
    id: String,
    held: HashMap<Uuid, Held>,
    listening: HashMap<Uuid, JoinHandle<()>>,
    actions: mpsc::Sender<(Uuid, String)>,
}

/// Run a bot worker until `stop` turns true; its channels are released on the way out.
/// With a Discord bot token configured it also runs the Discord bot session
/// (`platforms::discord::session`, one for all workers, held through a lease).
pub fn spawn(
    state: AppState,
    options: WorkerOptions,
    stop: watch::Receiver<bool>,
) -> JoinHandle<()> {
    let discord =
        crate::platforms::discord::session::SessionOptions::from_config(&state.config, &options.id)
            .map(|o| crate::platforms::discord::session::spawn(state.clone(), o, stop.clone()));
    // Not a fixed-interval loop (it also wakes on bot actions), but in the same span shape as
    // the periodic workers (`crate::worker`).
    let span = tracing::info_span!("worker", name = "bot");
    tokio::spawn(tracing::Instrument::instrument(
        async move {
            run(state, options, stop).await;
            if let Some(d) = discord {
                let _ = d.await;
            }
        },
        span,
    ))
}

pub async fn run(state: AppState, options: WorkerOptions, mut stop: watch::Receiver<bool>) {
    let (tx, mut rx) = mpsc::channel(1024);
    let mut w = Worker {
        state,
        id: options.id.clone(),
        held: HashMap::new(),
        listening: HashMap::new(),
        actions: tx,
        options,
    };
    tracing::info!(worker = %w.id, "bot worker started");
    let mut tick = tokio::time::interval(w.options.renew_every);
    loop {
        tokio::select! {
            _ = stop.changed() => break,
            _ = tick.tick() => w.sync().await,
            Some((account, raw)) = rx.recv() => w.action(account, &raw).await,
        }
    }
    let all: Vec<Uuid> = w.held.keys().copied().collect();
    for id in all {
        w.release(id).await;
    }
    for (_, l) in w.listening.drain() {
        l.abort();
    }
    tracing::info!(worker = %w.id, "bot worker stopped");
}

impl Worker {
    async fn sync(&mut self) {
        let conns = match crate::chatter::connections::enabled_bot_connections(
            &self.state,
            Platform::Twitch,
        )
        .await
        {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "bot worker cannot list connections");
                return;
            }
        };
        for c in &conns {
            if !self.listening.contains_key(&c.account_id) {
                self.listen(c.account_id).await;
            }
        }
        // Channels no longer enabled, or whose lease is gone, are let go.
        let gone: Vec<Uuid> = self
            .held
            .keys()
            .filter(|id| !conns.iter().any(|c| c.id == **id))
            .copied()
            .collect();
        for id in gone {
            self.release(id).await;
        }
        let held: Vec<(Uuid, String)> = self
            .held
            .iter()
            .map(|(id, h)| (*id, h.lease.clone()))
            .collect();
        for (id, lease) in held {
            let ours = matches!(self.state.bus.get(&lease).await, Ok(Some(v)) if v == self.id);
            if !ours
                || self
                    .state
                    .bus
                    .expire(&lease, self.options.lease_ttl)
                    .await
                    .is_err()
            {
                tracing::warn!(connection = %id, "bot worker lost a channel lease");
                self.drop_channel(id);
            }
        }
        for c in conns {
            if !self.held.contains_key(&c.id) {
                if let Err(e) = self.take(&c).await {
                    tracing::debug!(connection = %c.id, error = %e, "bot worker skips a channel");
                }
            }
        }
    }

    /// Subscribe to an account's bot-action channel; its messages come to the main loop.
    async fn listen(&mut self, account: Uuid) {
        let channel = keys::bot_action(Platform::Twitch, account);
        match self.state.bus.subscribe(&channel).await {
            Ok(mut sub) => {
                let tx = self.actions.clone();
                let task = tokio::spawn(async move {
                    while let Some(raw) = sub.next().await {
                        if tx.send((account, raw)).await.is_err() {
                            break;
                        }
                    }
                });
                self.listening.insert(account, task);
            }
            Err(e) => tracing::warn!(%account, error = %e, "bot worker cannot subscribe"),
        }
    }

    /// Take a channel if its lease is free and it has a credential.
    async fn take(
        &mut self,
        c: &crate::chatter::store::ConnectionRow,
    ) -> crate::error::AppResult<()> {
        let Some(broadcaster_id) = c.channel_id.clone() else {
            return Ok(()); // not resolved to a Twitch id yet
        };
        let Some(credential) = crate::connections::tokens::credential_for(
            &self.state,
            c.account_id,
            &c.channel_name,
            Role::Bot,
        )
        .await?
        else {
            return Ok(());
        };
        let lease = keys::bot_lease(Platform::Twitch, c.id);
        if !self
            .state
            .bus
            .set_nx(&lease, &self.id, Some(self.options.lease_ttl))
            .await?
        {
            return Ok(()); // another worker holds it
        }
        let token = match crate::connections::tokens::access_token(&self.state, credential).await {
            Ok(t) => t,
            Err(e) => {
                let _ = self.state.bus.del(&lease).await;
                return Err(e);
            }
        };
        let (stop_tx, stop_rx) = watch::channel(false);
        let reader = tokio::spawn(run_twitch_channel(
            self.state.clone(),
            TwitchChannel {
                account: c.account_id,
                credential,
                broadcaster_id: broadcaster_id.clone(),
                user_id: token.user_id.clone(),
            },
            self.options.eventsub.clone(),
            stop_rx.clone(),
        ));
        let (sends, rx) = mpsc::channel(SEND_QUEUE);
        // Twitch: 20 messages per 30 s for a user, 100 per 30 s for the broadcaster or a
        // moderator of the channel.
        let per_30s = if token.role == Role::Broadcaster {
            100
        } else {
            20
        };
        tokio::spawn(sender(
            self.state.clone(),
            credential,
            ChannelRef {
                broadcaster_id,
                acting_user_id: token.user_id.clone(),
            },
            per_30s,
            rx,
            stop_rx,
        ));
        tracing::info!(worker = %self.id, connection = %c.id, channel = %c.channel_name,
            "bot worker holds a channel");
        self.held.insert(
            c.id,
            Held {
                account: c.account_id,
                channel_name: c.channel_name.clone(),
                lease,
                stop: stop_tx,
                reader,
                sends,
            },
        );
        Ok(())
    }

    /// Stop reading a channel (the lease is left to expire or to its new holder).
    fn drop_channel(&mut self, id: Uuid) -> Option<Held> {
        let h = self.held.remove(&id)?;
        let _ = h.stop.send(true);
        Some(h)
    }

    /// Stop reading a channel and free its lease if it is still ours.
    async fn release(&mut self, id: Uuid) {
        if let Some(h) = self.drop_channel(id) {
            if matches!(self.state.bus.get(&h.lease).await, Ok(Some(v)) if v == self.id) {
                let _ = self.state.bus.del(&h.lease).await;
            }
            let _ = tokio::time::timeout(Duration::from_secs(5), h.reader).await;
        }
    }

    async fn action(&mut self, account: Uuid, raw: &str) {
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            tracing::warn!(%account, "bot action is not JSON; ignored");
            return;
        };
        if let Some(given) = v.get("account_id").filter(|a| !a.is_null()) {
            match given.as_str().and_then(|a| Uuid::try_parse(a).ok()) {
                Some(a) if a == account => {}
                _ => {
                    tracing::warn!(%account, account_id = %given,
                        "bot action with an account id that is not this channel's UUID; ignored");
                    return;
                }
            }
        }
        match v["action"].as_str().unwrap_or_default() {
            "bot_join" | "bot_sync" => self.sync().await,
            "bot_leave" => {
                let ids: Vec<Uuid> = self
                    .held
                    .iter()
                    .filter(|(_, h)| h.account == account)
                    .map(|(id, _)| *id)
                    .collect();
                for id in ids {
                    self.release(id).await;
                }
                if let Some(l) = self.listening.remove(&account) {
                    l.abort();
                }
            }
            "send" => {
                let channel = v["channel"].as_str().unwrap_or_default();
                let Some(text) = v["message"].as_str().filter(|t| !t.trim().is_empty()) else {
                    return;
                };
                let held = self
                    .held
                    .values()
                    .find(|h| h.account == account && h.channel_name.eq_ignore_ascii_case(channel));
                if let Some(h) = held {
                    if h.sends.try_send(text.to_string()).is_err() {
                        tracing::warn!(%account, channel, "bot send queue full; message dropped");
                    }
                }
            }
            _ => {} // moderation and other actions: not this worker's
        }
    }
}

/// Send a held channel's messages in order, within Twitch's rate limit.
async fn sender(
    state: AppState,
    credential: Uuid,
    ch: ChannelRef,
    per_30s: u32,
    mut rx: mpsc::Receiver<String>,
    mut stop: watch::Receiver<bool>,
) {
    let Some(n) = NonZeroU32::new(per_30s) else {
        return;
    };
    let quota = Quota::with_period(Duration::from_secs(30) / per_30s)
        .unwrap_or_else(|| Quota::per_minute(n))
        .allow_burst(n);
    let limiter: Arc<DefaultDirectRateLimiter> = Arc::new(RateLimiter::direct(quota));
    let twitch = TwitchConnector::from_state(&state);
    loop {
        let text = tokio::select! {
            _ = stop.changed() => return,
            t = rx.recv() => match t { Some(t) => t, None => return },
        };
        limiter.until_ready().await;
        let result = crate::connections::tokens::access_token(&state, credential).await;
        let sent = match result {
            Ok(tok) => twitch
                .send(tok.token.expose(), &ch, &text)
                .await
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = sent {
            tracing::warn!(broadcaster = %ch.broadcaster_id, error = %e, "bot message not sent");
        }
    }
}
