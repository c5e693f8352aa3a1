//! Emote logic, shared by REST and GraphQL: ask every provider of the platform at once,
//! each from the bus cache when it can, and report each provider's outcome.

use std::time::Duration;

use uuid::Uuid;

use super::model::*;
use super::providers::{self, Provider, ProviderError};
use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::platforms::twitch::act::{self, Acting};
use crate::platforms::Platform;
use crate::state::AppState;

/// How long a provider's answer is kept on the bus.
pub const EMOTE_CACHE_TTL: Duration = Duration::from_secs(60 * 60);

fn channel_arg(channel: &str) -> AppResult<String> {
    let c = channel.trim();
    if c.is_empty()
        || c.len() > 100
        || !c
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '_' | '-'))
    {
        return Err(AppError::BadRequest(format!(
            "channel id '{}' must be 1 to 100 letters, digits, '_' or '-'",
            crate::validate::quote(c)
        )));
    }
    Ok(c.to_string())
}

async fn one_provider(
    state: &AppState,
    account: Uuid,
    p: Provider,
    platform: Platform,
    channel: &str,
) -> (ProviderStatus, Vec<Emote>) {
    let key = keys::emotes(p.as_str(), platform, channel);
    if let Ok(Some(json)) = state.bus.get(&key).await {
        if let Ok(emotes) = serde_json::from_str::<Vec<Emote>>(&json) {
            return (status(p, "cached", None, emotes.len()), emotes);
        }
    }
    match providers::channel_emotes(state, account, p, platform, channel).await {
        Ok(emotes) => {
            if let Ok(json) = serde_json::to_string(&emotes) {
                // A cache that cannot be written only costs a later call.
                let _ = state.bus.set(&key, &json, Some(EMOTE_CACHE_TTL)).await;
            }
            (status(p, "ok", None, emotes.len()), emotes)
        }
        Err(ProviderError::NotConfigured(why)) => {
            (status(p, "not_configured", Some(why), 0), vec![])
        }
        Err(ProviderError::Failed(why)) => {
            tracing::warn!(
                provider = p.as_str(),
                channel,
                "emote provider failed: {why}"
            );
            (status(p, "error", Some(why), 0), vec![])
        }
    }
}

fn status(p: Provider, s: &str, error: Option<String>, count: usize) -> ProviderStatus {
    ProviderStatus {
        provider: p.as_str().into(),
        status: s.into(),
        error,
        count: count as i64,
    }
}

/// The emotes of a channel on a platform, from all its providers.
pub async fn emotes(
    state: &AppState,
    ctx: &AccountCtx,
    platform: &str,
    channel_id: &str,
) -> AppResult<EmoteSet> {
    let platform: Platform = platform.parse()?;
    let channel = channel_arg(channel_id)?;
    let answers = futures::future::join_all(
        Provider::of(platform)
            .iter()
            .map(|p| one_provider(state, ctx.account_id, *p, platform, &channel)),
    )
    .await;
    let mut set = EmoteSet {
        platform: platform.to_string(),
        channel_id: channel,
        emotes: Vec::new(),
        providers: Vec::new(),
    };
    for (st, emotes) in answers {
        set.providers.push(st);
        set.emotes.extend(emotes);
    }
    Ok(set)
}

/// The Twitch emotes the account's Twitch identity (its channel's bot, else the broadcaster)
/// can use, read with that credential (scope `user:read:emotes`).
pub async fn user_emotes(state: &AppState, ctx: &AccountCtx) -> AppResult<EmoteSet> {
    let acting = Acting::BotOrBroadcaster;
    let ch = act::channel(state, ctx.account_id, acting)
        .await?
        .ok_or_else(|| act::not_connected(acting))?;
    let me = state
        .db
        .credentials()
        .get(ch.credential)
        .await?
        .map(|c| c.platform_user_id)
        .unwrap_or_default();
    let key = keys::emotes("twitch-user", Platform::Twitch, &me);
    let cached = match state.bus.get(&key).await? {
        Some(json) => serde_json::from_str::<Vec<Emote>>(&json).ok(),
        None => None,
    };
    let how = if cached.is_some() { "cached" } else { "ok" };
    let emotes = match cached {
        Some(e) => e,
        None => {
            let found = act::act_on(
                state,
                ctx.account_id,
                &ch,
                &["user:read:emotes"],
                &mut |c, token, on| async move { c.user_emotes(&token, &on.acting_user_id).await },
            )
            .await?;
            let emotes: Vec<Emote> = found
                .into_iter()
                .map(|e| Emote {
                    id: e.id,
                    name: e.name,
                    provider: Provider::Twitch.as_str().into(),
                    url: e.url,
                    animated: e.animated,
                })
                .collect();
            if let Ok(json) = serde_json::to_string(&emotes) {
                let _ = state.bus.set(&key, &json, Some(EMOTE_CACHE_TTL)).await;
            }
            emotes
        }
    };
    Ok(EmoteSet {
        platform: Platform::Twitch.to_string(),
        channel_id: me,
        providers: vec![status(Provider::Twitch, how, None, emotes.len())],
        emotes,
    })
}
