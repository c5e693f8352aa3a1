//! What the Discord bot (`platforms::discord`) asks of the feature.

use serde_json::json;
use uuid::Uuid;

use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

use super::*;

/// The account a guild is connected to (the owner cache, else the database), or None.
pub async fn account_of_guild(state: &AppState, guild_id: &str) -> AppResult<Option<Uuid>> {
    if let Ok(Some(owner)) = state.bus.get(&keys::discord_guild(guild_id)).await {
        if let Ok(a) = Uuid::try_parse(&owner) {
            return Ok(Some(a));
        }
    }
    match state.db.discord().connection_by_guild(guild_id).await? {
        Some(c) => {
            cache_owner(state, guild_id, c.account_id).await;
            Ok(Some(c.account_id))
        }
        None => Ok(None),
    }
}

/// The guilds where the bot carries out `account`'s moderation (issue 18 §2, via the outbox):
/// with a message, the guild of the message's channel (when it is one of the account's);
/// without one, every guild of the account. Guilds an admin paused are left out.
pub async fn moderation_guilds(
    state: &AppState,
    account: Uuid,
    channel_id: Option<&str>,
) -> AppResult<Vec<String>> {
    let mut guilds: Vec<String> = state
        .db
        .discord()
        .connections_of_account(account)
        .await?
        .into_iter()
        .map(|c| c.guild_id)
        .collect();
    if let Some(channel) = channel_id {
        if let Ok(Some(g)) = state.bus.get(&keys::discord_channel_guild(channel)).await {
            if guilds.contains(&g) {
                guilds = vec![g];
            }
        }
    }
    let mut active = Vec::with_capacity(guilds.len());
    for g in guilds {
        if !is_paused(state, &g).await {
            active.push(g);
        }
    }
    Ok(active)
}

/// A channel of a guild, from the cache (else Discord), or None when the guild has no such
/// channel: what a feature post checks before it posts.
pub async fn guild_channel(
    state: &AppState,
    guild_id: &str,
    channel_id: &str,
) -> AppResult<Option<DiscordChannel>> {
    if let Ok(Some(other)) = state
        .bus
        .get(&keys::discord_channel_guild(channel_id))
        .await
    {
        if other != guild_id {
            return Ok(None);
        }
    }
    Ok(guild_channels(state, guild_id)
        .await?
        .into_iter()
        .find(|c| c.id == channel_id))
}

/// The enabled feature mappings of a guild (cache, else the database).
pub async fn enabled_mappings(state: &AppState, guild_id: &str) -> AppResult<Vec<Mapping>> {
    Ok(mappings(state, guild_id)
        .await?
        .into_iter()
        .filter(|m| m.enabled)
        .collect())
}

/// Whether the bot is paused in a guild (the `paused` setting, an admin's guild toggle),
/// cached an hour beside the guild's other caches (`lumio:discord_guild:{id}:paused`).
pub async fn is_paused(state: &AppState, guild_id: &str) -> bool {
    let key = keys::discord_guild_paused(guild_id);
    if let Ok(Some(v)) = state.bus.get(&key).await {
        return v == "1";
    }
    let paused = match state.db.discord().settings(guild_id).await {
        Ok(Some(s)) => s["paused"].as_bool().unwrap_or(false),
        _ => false,
    };
    let _ = state
        .bus
        .set(&key, if paused { "1" } else { "0" }, Some(CACHE_TTL))
        .await;
    paused
}

/// Pause (`paused` true) or resume the bot in a guild, whichever account holds it (an
/// admin's call; the admin feature checks the permission and writes the audit log).
pub async fn set_paused(
    state: &AppState,
    guild_id: &str,
    paused: bool,
) -> AppResult<GuildConnection> {
    let c = connection(state, guild_id).await?;
    if !state
        .db
        .discord()
        .set_setting(&c.guild_id, "paused", json!(paused), crate::store::now())
        .await?
    {
        return Err(AppError::NotFound(format!(
            "Discord server {} is not connected",
            c.guild_id
        )));
    }
    let key = keys::discord_guild_paused(&c.guild_id);
    let _ = state
        .bus
        .set(&key, if paused { "1" } else { "0" }, Some(CACHE_TTL))
        .await;
    tell_bot(
        state,
        c.account_id,
        if paused {
            "guild_paused"
        } else {
            "guild_resumed"
        },
        &c.guild_id,
    )
    .await;
    Ok(c)
}
