//! The Discord bot's system operations (system key only): every connected guild, what the bot
//! learnt from GUILD_CREATE, and the bot leaving a guild (GUILD_DELETE).

use super::model::*;
use super::service::{cache, cache_channels, cache_owner, cached, clear_caches};
use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Every connected guild (the bot serves these).
pub async fn bot_guilds(state: &AppState) -> AppResult<Vec<GuildConnection>> {
    Ok(state.db.discord().all_connections().await?)
}

fn check_name(field: &str, v: &str, max: usize) -> AppResult<String> {
    let t = v.trim();
    if t.is_empty() || t.chars().count() > max || t.chars().any(char::is_control) {
        return Err(AppError::BadRequest(format!(
            "{field} must be 1–{max} printable characters"
        )));
    }
    Ok(t.to_string())
}

/// What the bot learnt from GUILD_CREATE: the guild's name and icon (kept in the database),
/// and its channels and roles (cached for an hour).
pub async fn update_guild_info(
    state: &AppState,
    guild_id: &str,
    input: &GuildInfoInput,
) -> AppResult<GuildConnection> {
    let guild_id = snowflake("guild_id", guild_id)?;
    let name = check_name("name", &input.name, 100)?;
    let icon = input
        .icon
        .as_deref()
        .map(|i| check_name("icon", i, 100))
        .transpose()?;
    let channels = input
        .channels
        .as_ref()
        .map(|cs| {
            cs.iter()
                .enumerate()
                .map(|(i, c)| {
                    Ok(DiscordChannel {
                        id: snowflake(&format!("channels[{i}].id"), &c.id)?,
                        name: check_name(&format!("channels[{i}].name"), &c.name, 100)?,
                        kind: c.kind,
                        position: c.position,
                        parent_id: c
                            .parent_id
                            .as_deref()
                            .map(|p| snowflake(&format!("channels[{i}].parent_id"), p))
                            .transpose()?,
                    })
                })
                .collect::<AppResult<Vec<_>>>()
        })
        .transpose()?;
    let roles = input
        .roles
        .as_ref()
        .map(|rs| {
            rs.iter()
                .enumerate()
                .map(|(i, r)| {
                    Ok(DiscordRole {
                        id: snowflake(&format!("roles[{i}].id"), &r.id)?,
                        name: check_name(&format!("roles[{i}].name"), &r.name, 100)?,
                        color: r.color,
                        position: r.position,
                        managed: r.managed,
                        permissions: r.permissions.clone(),
                    })
                })
                .collect::<AppResult<Vec<_>>>()
        })
        .transpose()?;
    let c = state
        .db
        .discord()
        .update_info(&guild_id, &name, icon.as_deref(), crate::store::now())
        .await?
        .ok_or_else(|| AppError::NotFound(format!("Discord server {guild_id} is not connected")))?;
    cache_owner(state, &guild_id, c.account_id).await;
    if let Some(channels) = channels {
        // Channels that are gone lose their reverse look-up.
        let old: Vec<DiscordChannel> = cached(state, &keys::discord_guild_channels(&guild_id))
            .await
            .unwrap_or_default();
        for o in old
            .iter()
            .filter(|o| !channels.iter().any(|c| c.id == o.id))
        {
            let _ = state.bus.del(&keys::discord_channel_guild(&o.id)).await;
        }
        cache_channels(state, &guild_id, &channels).await;
    }
    if let Some(roles) = roles {
        cache(state, &keys::discord_guild_roles(&guild_id), &roles).await;
    }
    Ok(c)
}

/// The bot left a guild (GUILD_DELETE): without `unavailable` the mapping is deleted; with
/// it (an outage) only the caches are cleared and the mapping stays.
pub async fn remove_by_bot(
    state: &AppState,
    guild_id: &str,
    unavailable: bool,
) -> AppResult<Removal> {
    let guild_id = snowflake("guild_id", guild_id)?;
    let removed = if unavailable {
        false
    } else {
        state
            .db
            .discord()
            .delete_connection(&guild_id, None)
            .await?
            .is_some()
    };
    let cache_cleared = clear_caches(state, &guild_id).await;
    if removed {
        tracing::info!(guild_id, "Discord server removed by the bot");
    }
    Ok(Removal {
        guild_id,
        removed,
        cache_cleared,
    })
}
