//! A guild's channels, roles, feature mappings and slash commands.

use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::discord::model::*;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

use super::*;

/// A guild's channels: the cache, else Discord (then cached).
pub(super) async fn guild_channels(
    state: &AppState,
    guild_id: &str,
) -> AppResult<Vec<DiscordChannel>> {
    if let Some(c) = cached(state, &keys::discord_guild_channels(guild_id)).await {
        return Ok(c);
    }
    let channels = state.discord.guild_channels(guild_id).await?;
    cache_channels(state, guild_id, &channels).await;
    Ok(channels)
}

/// The channels of one of the account's guilds.
pub async fn channels(
    state: &AppState,
    ctx: &AccountCtx,
    guild_id: &str,
) -> AppResult<Vec<DiscordChannel>> {
    let guild_id = snowflake("guild_id", guild_id)?;
    owned(state, ctx.account_id, &guild_id).await?;
    guild_channels(state, &guild_id).await
}

/// The roles of one of the account's guilds: the cache, else Discord (then cached).
pub async fn roles(
    state: &AppState,
    ctx: &AccountCtx,
    guild_id: &str,
) -> AppResult<Vec<DiscordRole>> {
    let guild_id = snowflake("guild_id", guild_id)?;
    owned(state, ctx.account_id, &guild_id).await?;
    let key = keys::discord_guild_roles(&guild_id);
    if let Some(r) = cached(state, &key).await {
        return Ok(r);
    }
    let roles = state.discord.guild_roles(&guild_id).await?;
    cache(state, &key, &roles).await;
    Ok(roles)
}

/// The stored mappings: the cache, else the database (then cached).
pub(super) async fn mappings(state: &AppState, guild_id: &str) -> AppResult<Vec<Mapping>> {
    let key = keys::discord_guild_features(guild_id);
    if let Some(m) = cached(state, &key).await {
        return Ok(m);
    }
    let m = state.db.discord().mappings(guild_id).await?;
    cache(state, &key, &m).await;
    Ok(m)
}

fn feature_view(f: &FeatureKey, m: Option<&Mapping>) -> GuildFeature {
    GuildFeature {
        feature: f.key.to_string(),
        description: f.description.to_string(),
        channel_id: m.map(|m| m.channel_id.clone()),
        enabled: m.is_some_and(|m| m.enabled),
        updated_at: m.map(|m| m.updated_at),
    }
}

/// Every feature of one of the account's guilds, with its channel when mapped.
pub async fn features(
    state: &AppState,
    ctx: &AccountCtx,
    guild_id: &str,
) -> AppResult<Vec<GuildFeature>> {
    let guild_id = snowflake("guild_id", guild_id)?;
    owned(state, ctx.account_id, &guild_id).await?;
    let m = mappings(state, &guild_id).await?;
    Ok(FEATURES
        .iter()
        .map(|f| feature_view(f, m.iter().find(|m| m.feature == f.key)))
        .collect())
}

/// Map a feature to a channel of the guild (or remove its mapping with no channel). The
/// channel must be a text or announcement channel of that very guild.
pub async fn set_feature(
    state: &AppState,
    ctx: &AccountCtx,
    guild_id: &str,
    feature_key: &str,
    input: &SetFeatureInput,
) -> AppResult<GuildFeature> {
    let guild_id = snowflake("guild_id", guild_id)?;
    let f = feature(feature_key)?;
    let channel_id = input
        .channel_id
        .as_deref()
        .map(|c| snowflake("channel_id", c))
        .transpose()?;
    owned(state, ctx.account_id, &guild_id).await?;
    let store = state.db.discord();
    let mapping = match &channel_id {
        Some(channel_id) => {
            // The reverse look-up answers "another guild's channel" without asking Discord.
            if let Ok(Some(other)) = state
                .bus
                .get(&keys::discord_channel_guild(channel_id))
                .await
            {
                if other != guild_id {
                    return Err(AppError::Validation(format!(
                        "channel_id {channel_id} is not a channel of Discord server {guild_id}"
                    )));
                }
            }
            let channels = guild_channels(state, &guild_id).await?;
            let Some(c) = channels.iter().find(|c| &c.id == channel_id) else {
                return Err(AppError::Validation(format!(
                    "channel_id {channel_id} is not a channel of Discord server {guild_id}"
                )));
            };
            if !c.can_post() {
                return Err(AppError::Validation(format!(
                    "channel_id {channel_id} (#{}) is a {} channel: features post into text or \
                     announcement channels",
                    c.name,
                    DiscordChannel::kind_name(c.kind)
                )));
            }
            Some(
                store
                    .upsert_mapping(
                        &guild_id,
                        f.key,
                        channel_id,
                        input.enabled.unwrap_or(true),
                        ctx.user_id,
                        crate::store::now(),
                    )
                    .await?,
            )
        }
        None => {
            store.delete_mapping(&guild_id, f.key).await?;
            None
        }
    };
    // The next read fills the cache from the database again.
    if let Err(e) = state
        .bus
        .del(&keys::discord_guild_features(&guild_id))
        .await
    {
        tracing::warn!(error = %e, guild_id, "discord features cache clear failed");
    }
    tell_bot(state, ctx.account_id, "guild_features_changed", &guild_id).await;
    Ok(feature_view(f, mapping.as_ref()))
}

/// One of the account's servers' slash commands and their registration state.
pub async fn slash_commands(
    state: &AppState,
    ctx: &AccountCtx,
    guild_id: &str,
) -> AppResult<SlashCommands> {
    use crate::platforms::discord::commands as slash;
    let guild_id = snowflake("guild_id", guild_id)?;
    owned(state, ctx.account_id, &guild_id).await?;
    let commands = slash::slash_commands(state, ctx.account_id)
        .await?
        .iter()
        .filter_map(|c| c["name"].as_str().map(String::from))
        .collect();
    let today = slash::registrations_today(state, &guild_id).await?;
    let last = state
        .db
        .discord()
        .settings(&guild_id)
        .await?
        .and_then(|s| s.get("slash_commands").cloned());
    let limit = slash::DAILY_LIMIT;
    let message = match last.as_ref().and_then(|l| l["status"].as_str()) {
        Some("daily_limit") => format!(
            "Discord's limit of {limit} slash-command registrations a day for this server is \
             reached: lumio registers the commands again on the next change after midnight UTC"
        ),
        Some("failed") => format!(
            "the last registration failed: {}",
            last.as_ref()
                .and_then(|l| l["message"].as_str())
                .unwrap_or("unknown")
        ),
        Some("not_configured") => {
            "no Discord application id is configured (LUMIO_DISCORD_CLIENT_ID)".to_string()
        }
        _ => format!("{today} of {limit} slash-command registrations used today"),
    };
    Ok(SlashCommands {
        guild_id,
        commands,
        registrations_today: today,
        limit,
        last: last.map(async_graphql::Json),
        message,
    })
}
