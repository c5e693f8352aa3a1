//! Moderation out, reliably (issue 15 §4): the delivery worker sends each outbox row
//! (`moderation_deliveries`, written in the action's own transaction by
//! [`super::store::ModerationStore::record_action`]) to its platform through the platform's
//! [`Connector`].
//!
//! It lives in the moderation feature because moderation owns the outbox table and its
//! statuses; it needs no channel lease (rows are claimed in the database, so any number of
//! instances share the work), unlike the bot worker whose EventSub reader echoes the actions
//! back (`platforms::chat_in` calls [`confirm_echo`]).
//!
//! - A row is claimed with a lease
//!   ([`super::store::ModerationStore::claim_deliveries`]: `FOR UPDATE SKIP LOCKED` on
//!   PostgreSQL, a conditional UPDATE on SQLite); an instance killed mid-delivery
//!   leaves a lease that runs out, and another claim sends it again. A platform that already
//!   has the action ("is already banned", an unban of a user who is not banned, …) counts as
//!   confirmed, so a send repeated after a kill between the send and its `sent` mark does not
//!   act twice.
//! - Statuses: `queued` → `sent` (the platform answered 2xx) → `confirmed` (the platform's
//!   own event echoed it back), or `failed` with the platform's message (a permanent 4xx, a
//!   missing scope, a credential that needs re-authorization, too many transient errors).
//!   Each change is a live `moderation_delivery` event.
//! - Retries back off exponentially with full jitter (`backon`); a 429 waits until
//!   `Ratelimit-Reset` and is not counted as an attempt.
//! - It wakes on the account's bot-action publish (`lumio:bot:action:{platform}:{account}`,
//!   which every action makes after its commit) and polls every [`POLL`] as a fallback.
//! - Platforms are dispatched through [`Connectors`]: one line per platform in
//!   [`connectors`].

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use backon::BackoffBuilder;
use futures::StreamExt;
use serde_json::Value;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tracing::Instrument;
use uuid::Uuid;

use super::store::{Delivery, DeliveryChange};
use crate::bus::keys;
use crate::chat::model::ChatEvent;
use crate::connections::model::Role;
use crate::connections::tokens::{self, CallError};
use crate::error::AppError;
use crate::events::emit;
use crate::platforms::connector::{ChannelRef, Connector, PlatformError};
use crate::platforms::twitch::connector::TwitchConnector;
use crate::platforms::Platform;
use crate::state::AppState;

/// How often the worker looks for due rows without being woken.
pub const POLL: Duration = Duration::from_millis(500);
/// How long a claim holds before another instance may send the row again.
pub const LEASE: Duration = Duration::from_secs(15);
/// An echo confirms a row made at most this long ago.
pub const ECHO_WINDOW: chrono::Duration = chrono::Duration::minutes(10);
/// Rows claimed per round.
const BATCH: i64 = 32;

/// The connector of each platform lumio delivers to.
pub type Connectors = HashMap<Platform, Arc<dyn Connector>>;

/// This server's connectors (one line per platform).
pub fn connectors(state: &AppState) -> Connectors {
    let mut c: Connectors = HashMap::new();
    c.insert(
        Platform::Twitch,
        Arc::new(TwitchConnector::from_state(state)),
    );
    let discord = crate::platforms::discord::connector::DiscordConnector::from_state(state);
    if discord.has_token() {
        c.insert(Platform::Discord, Arc::new(discord));
    }
    c
}

/// Settings of one delivery worker.
#[derive(Debug, Clone)]
pub struct DeliveryOptions {
    /// The lease owner written on claimed rows (unique per worker).
    pub id: String,
    pub poll: Duration,
    pub lease: Duration,
    pub min_backoff: Duration,
    pub max_backoff: Duration,
    /// Transient failures before a row is `failed`.
    pub max_attempts: i32,
    /// A row `sent` this long without its echo is read back from the platform
    /// (`crate::moderation::reconcile`); None turns the reconciler off.
    pub confirm_after: Option<Duration>,
}

impl Default for DeliveryOptions {
    fn default() -> Self {
        DeliveryOptions {
            id: format!("delivery-{}", Uuid::now_v7().simple()),
            poll: POLL,
            // `LUMIO_DELIVERY_LEASE_SECS` shortens it for the kill-9 tests.
            lease: std::env::var("LUMIO_DELIVERY_LEASE_SECS")
                .ok()
                .and_then(|s| s.parse::<u64>().ok())
                .filter(|s| *s > 0)
                .map_or(LEASE, Duration::from_secs),
            min_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(60),
            max_attempts: 8,
            confirm_after: Some(crate::config::delivery_confirm_after()),
        }
    }
}

/// `LUMIO_FAILPOINT`: `delivery_before_send` / `delivery_after_send` end the process at that
/// point of the first delivery (for the kill-9 tests; never set in production).
fn failpoint(at: &str) {
    if std::env::var("LUMIO_FAILPOINT").is_ok_and(|f| f == at) {
        tracing::warn!(failpoint = at, "failpoint reached: the process ends here");
        std::process::exit(137);
    }
}

/// Run the delivery worker until `stop` turns true.
pub fn spawn(
    state: AppState,
    options: DeliveryOptions,
    stop: watch::Receiver<bool>,
) -> JoinHandle<()> {
    let span = tracing::info_span!("worker", name = "delivery");
    tokio::spawn(run(state, None, options, stop).instrument(span))
}

/// Run with `given` connectors (tests), else this server's ([`connectors`]).
pub async fn run(
    state: AppState,
    given: Option<Connectors>,
    options: DeliveryOptions,
    mut stop: watch::Receiver<bool>,
) {
    let connectors = given.unwrap_or_else(|| connectors(&state));
    let (wake_tx, mut wake) = mpsc::channel::<()>(64);
    let mut listening: HashMap<Uuid, JoinHandle<()>> = HashMap::new();
    let mut tick = tokio::time::interval(options.poll);
    let mut rounds: u64 = 0;
    loop {
        tokio::select! {
            _ = stop.changed() => break,
            _ = tick.tick() => {}
            Some(()) = wake.recv() => {}
        }
        // Every few seconds: listen to the bot-action channel of each account with a bot.
        if rounds % 6 == 0 {
            listen(&state, &mut listening, &wake_tx).await;
        }
        if let Some(after) = options.confirm_after.filter(|_| rounds % 2 == 0) {
            super::reconcile::round(&state, after).await;
        }
        rounds += 1;
        loop {
            let due = match state
                .db
                .moderation()
                .claim_deliveries(
                    &options.id,
                    crate::store::now(),
                    chrono::Duration::from_std(options.lease).unwrap_or(chrono::Duration::MAX),
                    BATCH,
                )
                .await
            {
                Ok(d) => d,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot claim moderation deliveries");
                    break;
                }
            };
            if due.is_empty() {
                break;
            }
            for d in due {
                deliver(&state, &connectors, &options, d).await;
            }
        }
    }
    for (_, l) in listening.drain() {
        l.abort();
    }
}

async fn listen(
    state: &AppState,
    listening: &mut HashMap<Uuid, JoinHandle<()>>,
    wake: &mpsc::Sender<()>,
) {
    let Ok(conns) =
        crate::chatter::connections::enabled_bot_connections(state, Platform::Twitch).await
    else {
        return;
    };
    for c in conns {
        if listening.contains_key(&c.account_id) {
            continue;
        }
        let channel = keys::bot_action(Platform::Twitch, c.account_id);
        if let Ok(mut sub) = state.bus.subscribe(&channel).await {
            let wake = wake.clone();
            listening.insert(
                c.account_id,
                tokio::spawn(async move {
                    while sub.next().await.is_some() {
                        let _ = wake.try_send(());
                    }
                }),
            );
        }
    }
}

/// What one attempt came to.
enum Outcome {
    Sent,
    Confirmed,
    Failed(String),
    Retry(PlatformError),
}

async fn deliver(
    state: &AppState,
    connectors: &Connectors,
    options: &DeliveryOptions,
    d: Delivery,
) {
    let span = tracing::info_span!("delivery", id = %d.id, account = %d.account_id,
        platform = %d.platform, action = %d.action, attempt = d.attempts);
    async {
        failpoint("delivery_before_send");
        let outcome = attempt(state, connectors, &d).await;
        if matches!(outcome, Outcome::Sent | Outcome::Confirmed) {
            failpoint("delivery_after_send");
        }
        let now = crate::store::now();
        let message;
        let change = match &outcome {
            Outcome::Sent => DeliveryChange::Sent,
            Outcome::Confirmed => DeliveryChange::Confirmed,
            Outcome::Failed(m) => DeliveryChange::Failed(m),
            Outcome::Retry(e) => {
                message = e.to_string();
                match e {
                    PlatformError::RateLimited { retry_after, .. } => DeliveryChange::Retry {
                        at: now + chrono::Duration::from_std(*retry_after).unwrap_or_default(),
                        error: &message,
                        counts: false,
                    },
                    _ if d.attempts >= options.max_attempts => DeliveryChange::Failed(&message),
                    _ => DeliveryChange::Retry {
                        at: now + backoff(options, d.attempts - 1),
                        error: &message,
                        counts: true,
                    },
                }
            }
        };
        match &change {
            DeliveryChange::Failed(m) => tracing::warn!(error = %m, "moderation delivery failed"),
            DeliveryChange::Retry { error, .. } => {
                tracing::info!(error = %error, "moderation delivery will be retried")
            }
            _ => tracing::debug!("moderation delivered"),
        }
        match state.db.moderation().update_delivery(d.id, change).await {
            Ok(Some(row)) => announce(state, &row).await,
            Ok(None) => {} // confirmed by the echo meanwhile
            Err(e) => tracing::warn!(error = %e, "cannot record a moderation delivery"),
        }
    }
    .instrument(span)
    .await
}

/// The wait before the next try after `attempts` tries: exponential with full jitter.
fn backoff(options: &DeliveryOptions, attempts: i32) -> chrono::Duration {
    let wait = backon::ExponentialBuilder::default()
        .with_min_delay(options.min_backoff)
        .with_max_delay(options.max_backoff)
        .with_jitter()
        .without_max_times()
        .build()
        .nth(attempts.max(0) as usize)
        .unwrap_or(options.max_backoff);
    chrono::Duration::from_std(wait).unwrap_or_default()
}

/// The scopes a Twitch call of `action` needs.
fn scopes(action: &str) -> &'static [&'static str] {
    match action {
        "ban" | "unban" | "timeout" => &["moderator:manage:banned_users"],
        "delete" => &["moderator:manage:chat_messages"],
        "warn" => &["moderator:manage:warnings"],
        "mod" | "unmod" => &["channel:manage:moderators"],
        "treatment" => &["moderator:manage:suspicious_users"],
        _ => &[],
    }
}

async fn attempt(state: &AppState, connectors: &Connectors, d: &Delivery) -> Outcome {
    let Ok(platform) = d.platform.parse::<Platform>() else {
        return Outcome::Failed(format!("unknown platform {}", d.platform));
    };
    let Some(connector) = connectors.get(&platform).cloned() else {
        return Outcome::Failed(format!("lumio cannot act on {platform} yet"));
    };
    let payload: Value = serde_json::from_str(&d.payload).unwrap_or_default();
    if platform == Platform::Discord {
        return attempt_discord(state, connector.as_ref(), d, &payload).await;
    }
    let wanted = payload["channel"].as_str();
    let conns = match crate::chatter::connections::list(state, d.account_id).await {
        Ok(c) => c,
        Err(e) => return Outcome::Retry(unreachable(platform, e)),
    };
    // The channel (the one the message was in, when there is one) with a credential.
    let role = if matches!(d.action.as_str(), "mod" | "unmod") {
        Role::Broadcaster
    } else {
        Role::Bot
    };
    let mut found = None;
    for c in conns.into_iter().filter(|c| {
        c.platform == d.platform
            && c.channel_id.is_some()
            && wanted.is_none_or(|w| c.channel_name.eq_ignore_ascii_case(w))
    }) {
        match tokens::credential_for(state, d.account_id, &c.channel_name, role).await {
            Ok(Some(cred)) => {
                found = Some((c, cred));
                break;
            }
            Ok(None) => {}
            Err(e) => return Outcome::Retry(unreachable(platform, e)),
        }
    }
    let Some((conn, credential)) = found else {
        return Outcome::Failed(format!(
            "no {platform} channel is connected with a credential; run `lumio connect {platform}`"
        ));
    };
    let broadcaster_id = conn.channel_id.unwrap_or_default();
    let needed = scopes(&d.action);
    let result = tokens::with_token(state, credential, |tok| {
        let connector = connector.clone();
        let payload = &payload;
        let broadcaster_id = broadcaster_id.clone();
        async move {
            tokens::require_scopes(&tok, needed).map_err(CallError::Other)?;
            let ch = ChannelRef {
                broadcaster_id,
                acting_user_id: tok.user_id.clone(),
            };
            let r = call(connector.as_ref(), tok.token.expose(), &ch, d, payload).await;
            match r {
                Err(PlatformError::Unauthorized { .. }) => Err(CallError::Unauthorized),
                other => Ok(other),
            }
        }
    })
    .await;
    match result {
        Ok(Ok(())) => Outcome::Sent,
        Ok(Err(e)) if already_done(&d.action, &e) => Outcome::Confirmed,
        // 409: "someone else is updating the state" of that ban: it passes.
        Ok(Err(e)) if e.is_transient() || e.status() == Some(409) => Outcome::Retry(e),
        Ok(Err(e)) => Outcome::Failed(e.to_string()),
        // A missing scope, a credential that needs re-authorization, a refused token.
        Err(e @ (AppError::Forbidden(_) | AppError::Conflict(_) | AppError::Platform(_))) => {
            Outcome::Failed(e.to_string())
        }
        Err(AppError::NotFound(m)) => Outcome::Failed(m),
        Err(e) => Outcome::Retry(unreachable(platform, e)),
    }
}

/// Discord: the bot acts with its own token (`LUMIO_DISCORD_TOKEN`), not with a channel
/// credential, in the guild of the message's channel or else every guild of the account
/// ([`crate::discord::service::moderation_guilds`]). A row is `sent` once Discord answered
/// 2xx in each of them; Discord's REST answer is the outcome (its gateway echo is not
/// matched).
async fn attempt_discord(
    state: &AppState,
    connector: &dyn Connector,
    d: &Delivery,
    payload: &Value,
) -> Outcome {
    // A Discord message is stored as `{channel_id}/{message_id}`.
    let channel = d
        .platform_message_id
        .as_deref()
        .and_then(|id| id.split_once('/'))
        .map(|(c, _)| c);
    let guilds =
        match crate::discord::service::moderation_guilds(state, d.account_id, channel).await {
            Ok(g) => g,
            Err(e) => return Outcome::Retry(unreachable(Platform::Discord, e)),
        };
    if guilds.is_empty() {
        return Outcome::Failed(
            "no Discord guild of this account takes moderation (none connected, or paused); \
             run `lumio discord authorize`"
                .into(),
        );
    }
    for guild in guilds {
        let ch = ChannelRef {
            broadcaster_id: guild,
            acting_user_id: String::new(),
        };
        match call(connector, "", &ch, d, payload).await {
            Ok(()) => {}
            Err(e) if e.is_transient() => return Outcome::Retry(e),
            // Discord: 10026 "Unknown Ban" on an unban that is already done.
            Err(e) if d.action == "unban" && e.status() == Some(404) => {}
            Err(e) => return Outcome::Failed(e.to_string()),
        }
    }
    Outcome::Sent
}

fn unreachable(platform: Platform, e: AppError) -> PlatformError {
    PlatformError::Unreachable {
        platform,
        message: e.to_string(),
    }
}

/// The platform already is as the action wants it: a repeat after a kill between the send
/// and its `sent` mark (Helix: 400 "The user specified in the user_id field is already
/// banned.", "… is not banned.", "… is already a moderator", "… is not a moderator").
fn already_done(action: &str, e: &PlatformError) -> bool {
    let PlatformError::Api {
        status: 400,
        message,
        ..
    } = e
    else {
        return false;
    };
    let m = message.to_ascii_lowercase();
    match action {
        "ban" => m.contains("already banned"),
        "unban" => m.contains("not banned"),
        "mod" => m.contains("already a moderator") || m.contains("already a mod"),
        "unmod" => m.contains("not a moderator"),
        _ => false,
    }
}

/// The platform call of one row.
async fn call(
    c: &dyn Connector,
    token: &str,
    ch: &ChannelRef,
    d: &Delivery,
    p: &Value,
) -> Result<(), PlatformError> {
    let user = d.platform_user_id.as_str();
    let reason = p["reason"].as_str();
    match d.action.as_str() {
        "ban" => c.ban(token, ch, user, None, reason).await,
        "timeout" => {
            let secs = p["duration_seconds"].as_u64().unwrap_or(1);
            c.ban(token, ch, user, Some(secs), reason).await
        }
        "unban" => c.unban(token, ch, user).await,
        "delete" => match d.platform_message_id.as_deref() {
            Some(id) => c.delete(token, ch, Some(id)).await,
            // Never "clear the whole chat" for want of an id.
            None => Err(PlatformError::Unsupported {
                platform: c.platform(),
                what: "delete without the platform's message id".into(),
            }),
        },
        "warn" => c.warn(token, ch, user, reason.unwrap_or("")).await,
        "mod" => c.set_moderator(token, ch, user, true).await,
        "unmod" => c.set_moderator(token, ch, user, false).await,
        "treatment" => {
            let t = p["treatment"].as_str().filter(|t| *t != "none");
            c.set_treatment(token, ch, user, t).await
        }
        other => Err(PlatformError::Unsupported {
            platform: c.platform(),
            what: format!("action {other}"),
        }),
    }
}

/// The live `moderation_delivery` event of a row's new status.
pub(super) async fn announce(state: &AppState, d: &Delivery) {
    let event = ChatEvent::ModerationDelivery {
        cursor: crate::chat::model::encode_cursor(Uuid::now_v7()),
        log_id: d.log_id,
        delivery_id: d.id,
        platform: d.platform.clone(),
        action: d.action.clone(),
        user_id: d.platform_user_id.clone(),
        status: d.status.clone(),
        error: d.last_error.clone(),
    };
    if let Err(e) = emit(state, d.account_id, &event).await {
        tracing::debug!(error = %e, "moderation_delivery event not published");
    }
}

/// An action the platform reported: if it echoes an action lumio sent (a `queued` or `sent`
/// row of the same action on the same user, and message for a delete, made within
/// [`ECHO_WINDOW`]), the row is confirmed and `true` says the event is not news (no second
/// log entry, nothing applied twice).
pub async fn confirm_echo(
    state: &AppState,
    account: Uuid,
    platform: Platform,
    action: &str,
    user_id: &str,
    message_id: Option<&str>,
) -> crate::error::AppResult<bool> {
    let since = crate::store::now() - ECHO_WINDOW;
    let row = state
        .db
        .moderation()
        .confirm_echo(
            account,
            platform.as_str(),
            action,
            user_id,
            message_id,
            since,
        )
        .await?;
    match row {
        Some(d) => {
            tracing::debug!(delivery = %d.id, action, "platform echoed a moderation delivery");
            announce(state, &d).await;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// Whether actions of `account` on `platform` are delivered: a channel of that platform is
/// connected with a credential lumio can act with. (Without one, an action stays lumio's
/// own, as before connections existed: no outbox row, no failure to show.)
pub async fn delivers(
    state: &AppState,
    account: Uuid,
    platform: Platform,
) -> crate::error::AppResult<bool> {
    if platform == Platform::Discord {
        // The bot's own token, and a guild of the account's to act in.
        return Ok(state.config.platforms.discord.token.is_some()
            && !crate::discord::service::moderation_guilds(state, account, None)
                .await?
                .is_empty());
    }
    let creds = state.db.credentials().of_account(account).await?;
    if creds.is_empty() {
        return Ok(false);
    }
    let conns = crate::chatter::connections::list(state, account).await?;
    Ok(conns.iter().any(|c| {
        c.platform == platform.as_str() && creds.iter().any(|cr| cr.connection_id == c.id)
    }))
}
