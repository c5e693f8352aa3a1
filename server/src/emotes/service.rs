//! Emote logic, shared by REST and GraphQL: ask every provider of the platform at once,
//! each from the bus cache when it can, and report each provider's outcome.

use std::time::Duration;

use super::model::*;
use super::providers::{self, Provider, ProviderError};
use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::platforms::twitch::helix::Helix;
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
    match providers::channel_emotes(&state.http, &state.config.platforms, p, platform, channel)
        .await
    {
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
    _ctx: &AccountCtx,
    platform: &str,
    channel_id: &str,
) -> AppResult<EmoteSet> {
    let platform: Platform = platform.parse()?;
    let channel = channel_arg(channel_id)?;
    let answers = futures::future::join_all(
        Provider::of(platform)
            .iter()
            .map(|p| one_provider(state, *p, platform, &channel)),
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

/// The Twitch emotes the user of lumio's Twitch token (the channel's bot) can use.
pub async fn user_emotes(state: &AppState, _ctx: &AccountCtx) -> AppResult<EmoteSet> {
    let h = Helix::new(&state.http, &state.config.platforms.twitch)?;
    let me = h
        .token_user()
        .await?
        .ok_or_else(|| AppError::Platform("Twitch did not say whose token lumio holds".into()))?;
    let key = keys::emotes("twitch-user", Platform::Twitch, &me.id);
    let (emotes, how) = match state.bus.get(&key).await? {
        Some(json) => match serde_json::from_str::<Vec<Emote>>(&json) {
            Ok(e) => (e, "cached"),
            Err(_) => (fetch_user_emotes(&h, &me.id).await?, "ok"),
        },
        None => (fetch_user_emotes(&h, &me.id).await?, "ok"),
    };
    if how == "ok" {
        if let Ok(json) = serde_json::to_string(&emotes) {
            let _ = state.bus.set(&key, &json, Some(EMOTE_CACHE_TTL)).await;
        }
    }
    Ok(EmoteSet {
        platform: Platform::Twitch.to_string(),
        channel_id: me.id,
        providers: vec![status(Provider::Twitch, how, None, emotes.len())],
        emotes,
    })
}

async fn fetch_user_emotes(h: &Helix, user_id: &str) -> AppResult<Vec<Emote>> {
    let v = h.user_emotes(user_id).await?;
    Ok(providers::helix_emotes(&v)
        .into_iter()
        .map(|(id, name, url, animated)| Emote {
            id,
            name,
            provider: Provider::Twitch.as_str().into(),
            url,
            animated,
        })
        .collect())
}
