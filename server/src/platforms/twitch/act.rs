//! Acting on an account's Twitch channel as the account's own Twitch identity: the
//! credential of its channel connection (`connections::tokens`), the scopes the call needs
//! checked first and named when missing, a 401 refreshed once, and the call made through
//! [`TwitchConnector`] (its one error type, its rate-limit handling). Live controls, the
//! profile enricher and the emote reader act through [`act`]; there is no server-wide token.

use std::future::Future;

use uuid::Uuid;

use super::connector::TwitchConnector;
use crate::connections::model::Role;
use crate::connections::tokens::{self, CallError};
use crate::error::{AppError, AppResult};
use crate::platforms::connector::{ChannelRef, Connector, PlatformError, PlatformResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// Whose token a call needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Acting {
    /// The broadcaster's own (Helix wants the broadcaster for raids, polls, predictions).
    Broadcaster,
    /// The bot's, else the broadcaster's.
    BotOrBroadcaster,
}

impl Acting {
    fn roles(self) -> &'static [Role] {
        match self {
            Acting::Broadcaster => &[Role::Broadcaster],
            Acting::BotOrBroadcaster => &[Role::Bot, Role::Broadcaster],
        }
    }
}

/// The account's Twitch channel and the credential lumio acts with on it.
#[derive(Debug, Clone)]
pub struct TwitchChannel {
    pub name: String,
    /// The channel's Twitch user id, when the connection knows it.
    pub broadcaster_id: Option<String>,
    pub credential: Uuid,
}

/// The first Twitch connection of the account with a credential `acting` may use, if any.
pub async fn channel(
    state: &AppState,
    account: Uuid,
    acting: Acting,
) -> AppResult<Option<TwitchChannel>> {
    let conns = crate::chatter::connections::list(state, account).await?;
    let store = state.db.credentials();
    for c in conns
        .iter()
        .filter(|c| c.platform == Platform::Twitch.as_str())
    {
        for role in acting.roles() {
            if let Some(credential) = store.id_of(c.id, role.as_str()).await? {
                return Ok(Some(TwitchChannel {
                    name: c.channel_name.clone(),
                    broadcaster_id: c.channel_id.clone().filter(|id| !id.is_empty()),
                    credential,
                }));
            }
        }
    }
    Ok(None)
}

/// Why the account cannot act on Twitch: a 422 that names the command that fixes it.
pub fn not_connected(acting: Acting) -> AppError {
    AppError::Validation(match acting {
        Acting::Broadcaster => "this account has no Twitch broadcaster credential (raids, polls \
             and predictions act as the broadcaster); run `lumio connect twitch --as \
             broadcaster`"
            .into(),
        Acting::BotOrBroadcaster => {
            "this account has no Twitch channel connected; run `lumio connect twitch`".into()
        }
    })
}

fn call_error(e: PlatformError) -> CallError {
    match e {
        PlatformError::Unauthorized { .. } => CallError::Unauthorized,
        other => CallError::Other(other.into()),
    }
}

/// Make `call` on the account's Twitch channel with its credential: the token's scopes must
/// hold `needed` (else a 403 naming the missing ones and `lumio connect twitch --scopes …`);
/// a 401 refreshes the token once and calls again. `call` gets the connector, the access
/// token and the channel with the token's user as the acting user.
pub async fn act<T, F, Fut>(
    state: &AppState,
    account: Uuid,
    acting: Acting,
    needed: &[&str],
    mut call: F,
) -> AppResult<T>
where
    F: FnMut(TwitchConnector, String, ChannelRef) -> Fut,
    Fut: Future<Output = PlatformResult<T>>,
{
    let ch = channel(state, account, acting)
        .await?
        .ok_or_else(|| not_connected(acting))?;
    act_on(state, account, &ch, needed, &mut call).await
}

/// Why a Twitch read that is reported rather than failed (a profile, emotes) was not made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unread {
    /// The account has no Twitch channel connected (the message names the command).
    NotConnected(String),
    /// The credential may not: a scope not granted, a credential to re-authorize.
    Refused(String),
    /// The call failed (Twitch's answer, unreachable…).
    Failed(String),
}

/// [`act`] as the bot (else the broadcaster) for a read whose caller reports what kept it
/// from Twitch instead of failing.
pub async fn read<T, F, Fut>(
    state: &AppState,
    account: Uuid,
    needed: &[&str],
    mut call: F,
) -> Result<T, Unread>
where
    F: FnMut(TwitchConnector, String, ChannelRef) -> Fut,
    Fut: Future<Output = PlatformResult<T>>,
{
    let acting = Acting::BotOrBroadcaster;
    let ch = match channel(state, account, acting).await {
        Ok(Some(ch)) => ch,
        Ok(None) => {
            return Err(Unread::NotConnected(format!(
                "twitch: {}",
                not_connected(acting)
            )))
        }
        Err(e) => return Err(Unread::Failed(format!("twitch: {e}"))),
    };
    act_on(state, account, &ch, needed, &mut call)
        .await
        .map_err(|e| match e {
            AppError::Forbidden(m) | AppError::Conflict(m) => Unread::Refused(m),
            other => Unread::Failed(format!("twitch: {other}")),
        })
}

/// [`act`] on a channel already found with [`channel`].
pub async fn act_on<T, F, Fut>(
    state: &AppState,
    account: Uuid,
    ch: &TwitchChannel,
    needed: &[&str],
    call: &mut F,
) -> AppResult<T>
where
    F: FnMut(TwitchConnector, String, ChannelRef) -> Fut,
    Fut: Future<Output = PlatformResult<T>>,
{
    let connector = TwitchConnector::from_state(state);
    let broadcaster_id = match &ch.broadcaster_id {
        Some(id) => id.clone(),
        None => broadcaster_id(state, account, &connector, ch).await?,
    };
    tokens::with_token(state, ch.credential, |tok| {
        let scoped = tokens::require_scopes(&tok, needed);
        let on = ChannelRef {
            broadcaster_id: broadcaster_id.clone(),
            acting_user_id: tok.user_id.clone(),
        };
        let pending = call(connector.clone(), tok.token.expose().to_string(), on);
        async move {
            scoped.map_err(CallError::Other)?;
            pending.await.map_err(call_error)
        }
    })
    .await
}

/// The channel's Twitch user id, looked up by its name and remembered on the connection.
async fn broadcaster_id(
    state: &AppState,
    account: Uuid,
    connector: &TwitchConnector,
    ch: &TwitchChannel,
) -> AppResult<String> {
    let found = tokens::with_token(state, ch.credential, |tok| {
        let connector = connector.clone();
        let name = ch.name.clone();
        async move {
            connector
                .user_by_login(tok.token.expose(), &name)
                .await
                .map_err(call_error)
        }
    })
    .await?;
    let user = found.ok_or_else(|| {
        AppError::Validation(format!(
            "Twitch knows no channel named '{}' (the account's Twitch connection)",
            ch.name
        ))
    })?;
    crate::chatter::connections::upsert(state, account, Platform::Twitch, &ch.name, Some(&user.id))
        .await?;
    Ok(user.id)
}
