//! The Discord bot session in the worker: one gateway connection for the whole bot (Discord
//! allows one session per shard; lumio runs one shard), held by one worker through a lease on
//! the bus ([`keys::discord_gateway_lease`], SET NX with a TTL, renewed while held, as the
//! Twitch channels' leases). With several workers exactly one holds the session; when it dies
//! another takes over once the lease runs out.
//!
//! The holder runs the gateway client, applies its dispatches ([`super::events::apply`]), and
//! runs the feature channels ([`super::features::Hub`]).

use std::time::Duration;

use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use std::collections::HashMap;

use serde_json::Value;
use uuid::Uuid;

use super::commands;
use super::connector::DiscordConnector;
use super::events::{self, Applied};
use super::features::{Hub, Source};
use super::gateway::{GatewayClient, GatewayEvent, GatewayOptions};
use crate::bus::keys;
use crate::state::AppState;

/// How long the session lease lasts without renewal.
pub const LEASE_TTL: Duration = Duration::from_secs(10);
/// How often the lease is renewed (and, held, the guild list read again).
pub const RENEW_EVERY: Duration = Duration::from_secs(3);

#[derive(Debug, Clone)]
pub struct SessionOptions {
    /// The worker's id (the lease's value).
    pub id: String,
    pub gateway: GatewayOptions,
    pub lease_ttl: Duration,
    pub renew_every: Duration,
}

impl SessionOptions {
    /// None when no bot token is configured (no Discord bot then).
    pub fn from_config(config: &crate::config::Config, worker_id: &str) -> Option<SessionOptions> {
        let token = config.platforms.discord.token.as_deref()?;
        Some(SessionOptions {
            id: worker_id.to_string(),
            gateway: GatewayOptions::new(&config.discord_gateway_url, token),
            lease_ttl: LEASE_TTL,
            renew_every: RENEW_EVERY,
        })
    }
}

/// Run the bot session until `stop` turns true; the lease is released on the way out.
pub fn spawn(
    state: AppState,
    options: SessionOptions,
    stop: watch::Receiver<bool>,
) -> JoinHandle<()> {
    tokio::spawn(run(state, options, stop))
}

struct Held {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

async fn run(state: AppState, options: SessionOptions, mut stop: watch::Receiver<bool>) {
    let lease = keys::discord_gateway_lease();
    let mut held: Option<Held> = None;
    let mut tick = tokio::time::interval(options.renew_every);
    loop {
        tokio::select! {
            _ = stop.changed() => break,
            _ = tick.tick() => {}
        }
        if held.as_ref().is_some_and(|h| h.task.is_finished()) {
            // The session ended by itself (a fatal close): let the lease go.
            held = None;
            let _ = state.bus.del(&lease).await;
            continue;
        }
        if held.is_some() {
            let ours = matches!(state.bus.get(&lease).await, Ok(Some(v)) if v == options.id);
            if !ours || state.bus.expire(&lease, options.lease_ttl).await.is_err() {
                tracing::warn!(worker = %options.id, "discord session lease lost");
                if let Some(h) = held.take() {
                    let _ = h.stop.send(true);
                }
            }
            continue;
        }
        match state
            .bus
            .set_nx(&lease, &options.id, Some(options.lease_ttl))
            .await
        {
            Ok(true) => {
                tracing::info!(worker = %options.id, "discord session taken");
                let (tx, rx) = watch::channel(false);
                let task = tokio::spawn(run_bot(state.clone(), options.gateway.clone(), rx));
                held = Some(Held { stop: tx, task });
            }
            Ok(false) => {}
            Err(e) => tracing::warn!(error = %e, "discord session lease unavailable"),
        }
    }
    if let Some(h) = held.take() {
        let _ = h.stop.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(5), h.task).await;
        if matches!(state.bus.get(&lease).await, Ok(Some(v)) if v == options.id) {
            let _ = state.bus.del(&lease).await;
        }
    }
}

/// The bot: gateway events applied, feature channels posted, until `stop`.
pub async fn run_bot(state: AppState, gateway: GatewayOptions, mut stop: watch::Receiver<bool>) {
    let discord = DiscordConnector::from_state(&state);
    let (tx, mut rx) = mpsc::channel(4096);
    let reader = tokio::spawn(GatewayClient::new(gateway).run(tx, stop.clone()));
    let mut hub = Hub::new(state.clone(), discord.clone());
    hub.sync().await;
    let mut bot_user = String::new();
    let mut slash = Slash::default();
    let mut resync = tokio::time::interval(RENEW_EVERY);
    loop {
        tokio::select! {
            _ = stop.changed() => break,
            _ = resync.tick() => hub.sync().await,
            ev = rx.recv() => {
                let Some(ev) = ev else { break };
                match ev {
                    GatewayEvent::Ready { user_id, .. } => bot_user = user_id,
                    GatewayEvent::Resumed => {}
                    GatewayEvent::Dispatch { kind, data } => {
                        match events::apply(&state, &bot_user, &kind, &data).await {
                            Ok(Applied::GuildReady { guild_id, account }) => {
                                tracing::debug!(guild_id, %account, "discord guild ready");
                                hub.sync().await;
                                slash.register(&state, &discord, account, Some(&guild_id)).await;
                            }
                            Ok(_) => {}
                            Err(e) => tracing::warn!(kind, error = %e,
                                "a discord event could not be applied"),
                        }
                    }
                }
            }
            Some((account, source, raw)) = hub.next() => match source {
                Source::Events => hub.handle(account, &raw).await,
                Source::Action => {
                    let action = serde_json::from_str::<Value>(&raw)
                        .ok()
                        .and_then(|v| v["action"].as_str().map(String::from))
                        .unwrap_or_default();
                    match action.as_str() {
                        "command_sync" => slash.register(&state, &discord, account, None).await,
                        "guild_connected" | "guild_disconnected" => hub.sync().await,
                        _ => {}
                    }
                }
            },
        }
    }
    let _ = reader.await;
}

/// What this bot registered in each guild last (an unchanged list is not sent again).
#[derive(Default)]
struct Slash {
    last: HashMap<String, Vec<Value>>,
}

impl Slash {
    /// Register the account's slash commands in one of its guilds, or in all of them.
    async fn register(
        &mut self,
        state: &AppState,
        discord: &DiscordConnector,
        account: Uuid,
        guild: Option<&str>,
    ) {
        let cmds = match commands::slash_commands(state, account).await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(%account, error = %e, "cannot read the account's slash commands");
                return;
            }
        };
        let guilds: Vec<String> = match guild {
            Some(g) => vec![g.to_string()],
            None => match state.db.discord().connections_of_account(account).await {
                Ok(cs) => cs.into_iter().map(|c| c.guild_id).collect(),
                Err(e) => {
                    tracing::warn!(%account, error = %e, "cannot list the account's guilds");
                    return;
                }
            },
        };
        for g in guilds {
            let r = commands::register(state, discord, &g, &cmds, self.last.get(&g)).await;
            if matches!(r, commands::Registration::Registered { .. }) {
                self.last.insert(g, cmds.clone());
            }
        }
    }
}
