//! What a platform's event stream changes in lumio (issue 15 §3), for any connector:
//! - a message goes through `chat::service::ingest` (validation, dedup by the platform's
//!   message id, chatter state, flush) as the simulator's do;
//! - an action a moderator took on the platform itself goes through
//!   `moderation::service::moderate` with [`Actor::Platform`] and the platform moderator as the
//!   actor: state, moderation log and live events as for a lumio action, nothing sent back —
//!   unless it is the echo of an action lumio sent, which confirms that action's outbox row
//!   (`moderation::delivery::confirm_echo`) and changes nothing else;
//! - `stream.online` / `stream.offline` drive `streamIsLive` (and `haschattedthisstream`).
//!
//! [`run_twitch_channel`] reads one Twitch channel with its credential and applies its events.

use std::sync::Arc;

use async_trait::async_trait;
use tokio::sync::{mpsc, watch};
use uuid::Uuid;

use super::connector::{ChatIn, PlatformError, PlatformEvent, PlatformResult, Who};
use super::twitch::connector::TwitchConnector;
use super::twitch::eventsub::{EventSubChannel, EventSubClient, EventSubOptions, TokenSource};
use super::Platform;
use crate::auth::permission::{Permission, PermissionSet};
use crate::auth::principal::AccountCtx;
use crate::bus::keys;
use crate::chat::model::ChatMessageInput;
use crate::error::AppResult;
use crate::moderation::model::ModerationInput;
use crate::moderation::service::Actor;
use crate::state::AppState;

/// Events waiting to be applied, per channel.
const QUEUE: usize = 1024;

/// Chat messages of one channel being ingested at the same time ([`apply_stream`]).
pub const MESSAGES_IN_FLIGHT: usize = 32;

/// The context events are applied as: the platform user who acted (or the connector).
fn ctx_of(account: Uuid, name: &str) -> AccountCtx {
    AccountCtx {
        account_id: account,
        account_slug: String::new(),
        user_id: Uuid::nil(),
        user_name: name.to_string(),
        permissions: [
            Permission::ChatWrite,
            Permission::ChatBan,
            Permission::ChatTimeout,
            Permission::ChatDelete,
        ]
        .into_iter()
        .collect::<PermissionSet>(),
    }
}

fn message_input(platform: Platform, m: &ChatIn) -> ChatMessageInput {
    let has = |b: &str| m.badges.iter().any(|x| x == b);
    ChatMessageInput {
        platform: platform.as_str().into(),
        channel_name: m.broadcaster_login.clone(),
        user_id: m.user.id.clone(),
        username: m.user.login.clone(),
        display_name: Some(m.user.display_name.clone()).filter(|d| !d.is_empty()),
        message: m.text.clone(),
        emotes: Vec::new(),
        badges: m.badges.clone(),
        color: m.color.clone(),
        is_mod: has("moderator") || has("broadcaster"),
        is_sub: has("subscriber") || has("founder"),
        is_vip: has("vip"),
        sub_tier: None,
        platform_message_id: Some(m.message_id.clone()),
        reply_to_message_id: m.reply_to_message_id.clone(),
        reply_to_user_id: m.reply_to_user_id.clone(),
        reply_to_username: m.reply_to_username.clone(),
        reply_to_message: m.reply_to_message.clone(),
    }
}

fn action(platform: Platform, what: &str, user: &Who) -> ModerationInput {
    ModerationInput {
        platform: platform.as_str().into(),
        action: what.into(),
        platform_user_id: Some(user.id.clone()),
        username: Some(user.login.clone()).filter(|l| !l.is_empty()),
        ..ModerationInput::default()
    }
}

fn moderator_name(m: &Who) -> &str {
    if m.login.is_empty() {
        &m.id
    } else {
        &m.login
    }
}

/// Apply one event of `platform` to `account`.
pub async fn apply(
    state: &AppState,
    account: Uuid,
    platform: Platform,
    event: &PlatformEvent,
) -> AppResult<()> {
    let moderate = |input: ModerationInput, by: &Who| {
        let ctx = ctx_of(account, moderator_name(by));
        async move {
            crate::moderation::service::moderate(state, &ctx, &input, Actor::Platform)
                .await
                .map(|_| ())
        }
    };
    if let Some((action, user, message)) = echo_key(event) {
        // lumio's own action echoed back: its outbox row is confirmed, nothing else.
        if crate::moderation::delivery::confirm_echo(
            state, account, platform, action, user, message,
        )
        .await?
        {
            return Ok(());
        }
    }
    match event {
        PlatformEvent::Message(m) => {
            let ctx = ctx_of(account, platform.as_str());
            crate::chat::service::ingest(state, &ctx, &message_input(platform, m)).await?;
        }
        PlatformEvent::Ban {
            user,
            moderator,
            reason,
            ..
        } => {
            let mut input = action(platform, "ban", user);
            input.reason = reason.clone();
            moderate(input, moderator).await?;
        }
        PlatformEvent::Timeout {
            user,
            moderator,
            reason,
            ends_at,
            ..
        } => {
            let mut input = action(platform, "timeout", user);
            input.reason = reason.clone();
            let left = (*ends_at - crate::store::now()).num_seconds();
            input.duration_seconds =
                Some(left.clamp(1, crate::moderation::model::MAX_TIMEOUT_SECS));
            moderate(input, moderator).await?;
        }
        PlatformEvent::Unban {
            user, moderator, ..
        } => {
            moderate(action(platform, "unban", user), moderator).await?;
        }
        PlatformEvent::MessageDeleted {
            message_id,
            user_id,
            moderator,
            ..
        } => {
            // The lumio id of the message, from ingest's de-duplication key.
            let seen = keys::chat_seen(account, platform, message_id);
            let Some(id) = state
                .bus
                .get(&seen)
                .await?
                .and_then(|v| Uuid::try_parse(&v).ok())
            else {
                return Ok(()); // a message lumio never saw
            };
            let by = moderator.clone().unwrap_or(Who {
                id: platform.as_str().into(),
                ..Who::default()
            });
            let mut input = action(
                platform,
                "delete",
                &Who {
                    id: user_id.clone(),
                    ..Who::default()
                },
            );
            input.message_id = Some(id);
            input.username = None;
            moderate(input, &by).await?;
        }
        PlatformEvent::StreamOnline { .. } | PlatformEvent::StreamOffline { .. } => {
            let live = matches!(event, PlatformEvent::StreamOnline { .. });
            let ctx = ctx_of(account, platform.as_str());
            crate::chatter::service::set_stream_live(state, &ctx, platform, live).await?;
        }
        // Not (yet) state lumio keeps: logged for now.
        PlatformEvent::UserMessagesCleared { .. }
        | PlatformEvent::ChatCleared { .. }
        | PlatformEvent::Warn { .. }
        | PlatformEvent::ModeratorAdded { .. }
        | PlatformEvent::ModeratorRemoved { .. }
        | PlatformEvent::TreatmentChanged { .. }
        | PlatformEvent::Raid { .. }
        | PlatformEvent::Sub { .. } => {
            tracing::debug!(%account, ?event, "platform event not applied");
        }
    }
    Ok(())
}

/// What an event would echo of an action lumio sent: the outbox action, the target user and,
/// for a delete, the platform's message id.
fn echo_key(event: &PlatformEvent) -> Option<(&'static str, &str, Option<&str>)> {
    Some(match event {
        PlatformEvent::Ban { user, .. } => ("ban", user.id.as_str(), None),
        PlatformEvent::Timeout { user, .. } => ("timeout", user.id.as_str(), None),
        PlatformEvent::Unban { user, .. } => ("unban", user.id.as_str(), None),
        PlatformEvent::MessageDeleted {
            user_id,
            message_id,
            ..
        } => ("delete", user_id.as_str(), Some(message_id.as_str())),
        PlatformEvent::Warn { user, .. } => ("warn", user.id.as_str(), None),
        PlatformEvent::ModeratorAdded { user, .. } => ("mod", user.id.as_str(), None),
        PlatformEvent::ModeratorRemoved { user, .. } => ("unmod", user.id.as_str(), None),
        PlatformEvent::TreatmentChanged { user, .. } => ("treatment", user.id.as_str(), None),
        _ => return None,
    })
}

/// A channel credential as the EventSub client's token.
struct CredentialTokens {
    state: AppState,
    credential: Uuid,
}

#[async_trait]
impl TokenSource for CredentialTokens {
    async fn token(&self) -> PlatformResult<String> {
        crate::connections::tokens::access_token(&self.state, self.credential)
            .await
            .map(|t| t.token.expose().to_string())
            .map_err(refused)
    }

    async fn refused(&self, used: &str) -> PlatformResult<String> {
        let used = crate::connections::model::Token::new(used);
        crate::connections::tokens::refresh_after_unauthorized(&self.state, self.credential, &used)
            .await
            .map(|t| t.token.expose().to_string())
            .map_err(refused)
    }
}

fn refused(e: crate::error::AppError) -> PlatformError {
    PlatformError::Unauthorized {
        platform: Platform::Twitch,
        message: e.to_string(),
    }
}

/// One Twitch channel to read into an account.
#[derive(Debug, Clone)]
pub struct TwitchChannel {
    pub account: Uuid,
    pub credential: Uuid,
    pub broadcaster_id: String,
    /// The credential's user (broadcaster or bot).
    pub user_id: String,
}

/// Read `channel` over EventSub and apply its events until `stop` turns true. An event that
/// cannot be applied is logged and skipped (the stream goes on).
pub async fn run_twitch_channel(
    state: AppState,
    channel: TwitchChannel,
    options: EventSubOptions,
    stop: watch::Receiver<bool>,
) {
    let client = EventSubClient::new(
        TwitchConnector::from_state(&state),
        Arc::new(CredentialTokens {
            state: state.clone(),
            credential: channel.credential,
        }),
        EventSubChannel {
            broadcaster_id: channel.broadcaster_id.clone(),
            user_id: channel.user_id.clone(),
        },
        options,
    );
    let (tx, rx) = mpsc::channel(QUEUE);
    let reader = tokio::spawn(client.run(tx, stop));
    apply_stream(&state, channel.account, Platform::Twitch, rx, |e| {
        tracing::warn!(account = %channel.account, broadcaster = %channel.broadcaster_id,
            error = %e, "a twitch event could not be applied");
    })
    .await;
    let _ = reader.await;
}

/// Apply a channel's events in arrival order, with the chat messages between two other events
/// ingested side by side (up to [`MESSAGES_IN_FLIGHT`]): one busy channel sends thousands of
/// messages a second, and each ingest waits on the bus a few times, so one at a time would fall
/// behind on Redis. Any other event (a ban, a deletion, a clear…) waits until every message
/// before it is in, and is applied alone, so it always sees them (a deletion finds the lumio
/// id of the message it names). Messages ingested side by side get their ids in the order their
/// ingests finish, as concurrent REST ingests do (the buffer allows for that, `ORDER_SLACK`).
pub async fn apply_stream(
    state: &AppState,
    account: Uuid,
    platform: Platform,
    mut rx: mpsc::Receiver<PlatformEvent>,
    on_error: impl Fn(&crate::error::AppError),
) {
    use futures::stream::{FuturesUnordered, StreamExt};
    let mut in_flight = FuturesUnordered::new();
    let ingest = |ev: PlatformEvent| {
        let state = state.clone();
        async move { apply(&state, account, platform, &ev).await }
    };
    loop {
        tokio::select! {
            biased;
            Some(done) = in_flight.next(), if !in_flight.is_empty() => {
                if let Err(e) = done {
                    on_error(&e);
                }
            }
            ev = rx.recv(), if in_flight.len() < MESSAGES_IN_FLIGHT => {
                let Some(ev) = ev else { break };
                if matches!(ev, PlatformEvent::Message(_)) {
                    in_flight.push(ingest(ev));
                    continue;
                }
                settle(&mut in_flight, &on_error).await;
                if let Err(e) = apply(state, account, platform, &ev).await {
                    on_error(&e);
                }
            }
        }
    }
    settle(&mut in_flight, &on_error).await;
}

/// Wait for every ingest in flight.
async fn settle<F: std::future::Future<Output = AppResult<()>>>(
    in_flight: &mut futures::stream::FuturesUnordered<F>,
    on_error: &impl Fn(&crate::error::AppError),
) {
    use futures::StreamExt;
    while let Some(done) = in_flight.next().await {
        if let Err(e) = done {
            on_error(&e);
        }
    }
}
