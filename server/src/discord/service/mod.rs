//! The discord feature's logic, shared by REST and GraphQL: [`guilds`] (connect a guild
//! through Discord's OAuth2 with a signed state, list, disconnect; the admin's calls),
//! [`features`] (the guild's channels and roles behind the one-hour caches of seed 001,
//! feature-channel mappings, the slash commands' state) and [`bot`] (what the Discord bot
//! asks: a guild's account, its moderation guilds, channels, mappings, pause). This module
//! keeps the caches and the word to the bot that they share.

use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;
use uuid::Uuid;

use crate::bus::keys;
use crate::discord::model::*;
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

mod bot;
mod features;
mod guilds;

pub use bot::*;
pub use features::*;
pub use guilds::*;

/// Every guild cache lives an hour (seed 001 "Redis Cache").
pub const CACHE_TTL: Duration = Duration::from_secs(3600);

fn not_connected(guild_id: &str) -> AppError {
    AppError::NotFound(format!(
        "no Discord server {guild_id} is connected to this account"
    ))
}

/// A cache read; a bus failure is logged and counts as a miss (Discord or the database
/// answers instead).
pub(super) async fn cached<T: DeserializeOwned>(state: &AppState, key: &str) -> Option<T> {
    match state.bus.get(key).await {
        Ok(Some(v)) => serde_json::from_str(&v).ok(),
        Ok(None) => None,
        Err(e) => {
            tracing::warn!(error = %e, key, "discord cache read failed");
            None
        }
    }
}

/// A cache write; a failure is logged (the cache is only a cache).
pub(super) async fn cache<T: Serialize + ?Sized>(state: &AppState, key: &str, value: &T) {
    let Ok(text) = serde_json::to_string(value) else {
        return;
    };
    if let Err(e) = state.bus.set(key, &text, Some(CACHE_TTL)).await {
        tracing::warn!(error = %e, key, "discord cache write failed");
    }
}

pub(super) async fn cache_owner(state: &AppState, guild_id: &str, account: Uuid) {
    if let Err(e) = state
        .bus
        .set(
            &keys::discord_guild(guild_id),
            &account.to_string(),
            Some(CACHE_TTL),
        )
        .await
    {
        tracing::warn!(error = %e, guild_id, "discord owner cache write failed");
    }
}

/// Cache a guild's channels, and each channel's guild (the reverse look-up).
pub(super) async fn cache_channels(state: &AppState, guild_id: &str, channels: &[DiscordChannel]) {
    cache(state, &keys::discord_guild_channels(guild_id), channels).await;
    for c in channels {
        if let Err(e) = state
            .bus
            .set(
                &keys::discord_channel_guild(&c.id),
                guild_id,
                Some(CACHE_TTL),
            )
            .await
        {
            tracing::warn!(error = %e, "discord channel cache write failed");
            break;
        }
    }
}

/// Forget everything cached about a guild (its channels' reverse look-ups too).
pub(super) async fn clear_caches(state: &AppState, guild_id: &str) -> bool {
    let channels: Vec<DiscordChannel> = cached(state, &keys::discord_guild_channels(guild_id))
        .await
        .unwrap_or_default();
    let mut ok = true;
    let mut del = |r: Result<bool, crate::bus::BusError>| {
        if let Err(e) = r {
            tracing::warn!(error = %e, guild_id, "discord cache clear failed");
            ok = false;
        }
    };
    for c in &channels {
        del(state.bus.del(&keys::discord_channel_guild(&c.id)).await);
    }
    del(state.bus.del(&keys::discord_guild(guild_id)).await);
    del(state.bus.del(&keys::discord_guild_channels(guild_id)).await);
    del(state.bus.del(&keys::discord_guild_roles(guild_id)).await);
    del(state.bus.del(&keys::discord_guild_features(guild_id)).await);
    del(state.bus.del(&keys::discord_guild_paused(guild_id)).await);
    ok
}

/// Tell the account's Discord bot (seed 001 bot actions, `lumio:bot:action:discord:{account}`).
async fn tell_bot(state: &AppState, account: Uuid, action: &str, guild_id: &str) {
    let body = json!({"action": action, "platform": "discord", "guild_id": guild_id});
    if let Err(e) = state
        .bus
        .publish(
            &keys::bot_action(Platform::Discord, account),
            &body.to_string(),
        )
        .await
    {
        tracing::warn!(error = %e, action, guild_id, "could not tell the Discord bot");
    }
}

/// The guild is connected to this account (the cached owner first, then the database);
/// another account's guild is "not connected" — never a hint that it exists.
async fn owned(state: &AppState, account: Uuid, guild_id: &str) -> AppResult<()> {
    if let Ok(Some(owner)) = state.bus.get(&keys::discord_guild(guild_id)).await {
        return if owner == account.to_string() {
            Ok(())
        } else {
            Err(not_connected(guild_id))
        };
    }
    match state.db.discord().connection_by_guild(guild_id).await? {
        Some(c) if c.account_id == account => {
            cache_owner(state, guild_id, account).await;
            Ok(())
        }
        _ => Err(not_connected(guild_id)),
    }
}
