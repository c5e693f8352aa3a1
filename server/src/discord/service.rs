//! The discord feature's logic, shared by REST and GraphQL: connect a guild through Discord's
//! OAuth2 (signed state, code exchange), list and disconnect, the guild's channels and roles
//! behind the one-hour caches of seed 001, feature-channel mappings, and the bot's system
//! operations.

use std::time::Duration;

use chrono::Utc;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use super::model::*;
use super::oauth;
use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// Every guild cache lives an hour (seed 001 "Redis Cache").
pub const CACHE_TTL: Duration = Duration::from_secs(3600);

/// Who exchanges a code: Discord's redirect to the callback (the signed state says who asked),
/// or a signed-in user calling `exchangeDiscordGuild` (who must be the one the state names).
#[derive(Debug, Clone, Copy)]
pub enum Exchanger<'a> {
    Callback,
    User(&'a AccountCtx),
}

/// What [`authorize`] keeps for the callback under the state's nonce.
#[derive(Debug, Serialize, Deserialize)]
struct Pending {
    account_id: Uuid,
    user_id: Uuid,
    user_name: String,
}

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

/// The account's connected guilds.
pub async fn connections(state: &AppState, ctx: &AccountCtx) -> AppResult<Vec<GuildConnection>> {
    Ok(state
        .db
        .discord()
        .connections_of_account(ctx.account_id)
        .await?)
}

/// The URL that adds the bot to a guild, with a signed state good for 15 minutes and one use.
pub async fn authorize(state: &AppState, ctx: &AccountCtx) -> AppResult<Authorization> {
    let client_id = state.discord.client_id().ok_or_else(|| {
        AppError::Unavailable(
            "Discord is not configured on this server: set LUMIO_DISCORD_CLIENT_ID".into(),
        )
    })?;
    let (signed, claims) = oauth::sign(
        &state.config.state_secret.0,
        ctx.account_id,
        ctx.user_id,
        Utc::now(),
    );
    let pending = Pending {
        account_id: ctx.account_id,
        user_id: ctx.user_id,
        user_name: ctx.user_name.clone(),
    };
    let text = serde_json::to_string(&pending).map_err(AppError::internal)?;
    state
        .bus
        .set(
            &keys::discord_oauth_state(&claims.nonce),
            &text,
            Some(oauth::STATE_TTL.to_std().unwrap_or(CACHE_TTL)),
        )
        .await?;
    let oauth_cfg = state.discord.oauth();
    Ok(Authorization {
        url: oauth::authorize_url(
            &oauth_cfg.authorize_url,
            client_id,
            &oauth_cfg.redirect_uri,
            &signed,
        )?,
        state: signed,
        expires_at: claims.expires_at,
    })
}

/// Exchange the code of Discord's redirect and connect the guild it names to the account
/// the state names. Connecting a guild this account has already connected refreshes its
/// name and icon; a guild of another account is a 409.
pub async fn exchange_discord_guild(
    state: &AppState,
    who: Exchanger<'_>,
    input: &ExchangeInput,
) -> AppResult<GuildConnection> {
    let code = input.code.trim();
    if code.is_empty() || code.len() > 200 || !code.chars().all(|c| c.is_ascii_graphic()) {
        return Err(AppError::BadRequest(
            "code must be the code of Discord's redirect (1–200 printable characters)".into(),
        ));
    }
    let named_guild = input
        .guild_id
        .as_deref()
        .map(|g| snowflake("guild_id", g))
        .transpose()?;
    let claims = oauth::verify(&state.config.state_secret.0, &input.state, Utc::now())?;
    if let Exchanger::User(ctx) = who {
        if ctx.account_id != claims.account_id || ctx.user_id != claims.user_id {
            return Err(AppError::Forbidden(
                "this state was issued to another user or account".into(),
            ));
        }
    }
    // One use: whoever takes the pending entry first goes on.
    let key = keys::discord_oauth_state(&claims.nonce);
    let text = state.bus.get(&key).await?;
    let taken = match &text {
        Some(_) => state.bus.del(&key).await?,
        None => false,
    };
    let pending: Pending = match text {
        Some(v) if taken => serde_json::from_str(&v).map_err(AppError::internal)?,
        _ => {
            return Err(AppError::BadRequest(
                "state has been used already (or has expired): start again with \
                 `authorizeDiscordGuild`"
                    .into(),
            ))
        }
    };
    let added = state.discord.exchange_code(code).await?;
    let guild_id = snowflake("guild_id", &added.id)
        .map_err(|_| AppError::Platform("Discord named a guild whose id is no snowflake".into()))?;
    if let Some(named) = &named_guild {
        if *named != guild_id {
            return Err(AppError::BadRequest(format!(
                "guild_id {named} is not the server Discord added the bot to ({guild_id})"
            )));
        }
    }
    let store = state.db.discord();
    let now = crate::store::now();
    let connection = match store.connection_by_guild(&guild_id).await? {
        Some(c) if c.account_id == pending.account_id => store
            .update_info(&guild_id, &added.name, added.icon.as_deref(), now)
            .await?
            .unwrap_or(c),
        Some(_) => {
            return Err(AppError::Conflict(format!(
                "guild_id: Discord server {guild_id} is already connected to another lumio \
                 account"
            )))
        }
        None => {
            let c = GuildConnection {
                id: Uuid::now_v7(),
                account_id: pending.account_id,
                guild_id: guild_id.clone(),
                guild_name: added.name.clone(),
                guild_icon: added.icon.clone(),
                connected_by: Some(pending.user_id),
                connected_by_name: pending.user_name.clone(),
                created_at: now,
                updated_at: now,
            };
            store.insert_connection(&c).await?;
            c
        }
    };
    cache_owner(state, &guild_id, pending.account_id).await;
    if !added.roles.is_empty() {
        cache(state, &keys::discord_guild_roles(&guild_id), &added.roles).await;
    }
    tracing::info!(guild_id, account = %pending.account_id, "Discord server connected");
    tell_bot(state, pending.account_id, "guild_connected", &guild_id).await;
    Ok(connection)
}

/// Disconnect one of the account's guilds (its mappings and settings go with it).
pub async fn disconnect(state: &AppState, ctx: &AccountCtx, guild_id: &str) -> AppResult<()> {
    let guild_id = snowflake("guild_id", guild_id)?;
    let removed = state
        .db
        .discord()
        .delete_connection(&guild_id, Some(ctx.account_id))
        .await?
        .ok_or_else(|| not_connected(&guild_id))?;
    clear_caches(state, &guild_id).await;
    tell_bot(state, removed.account_id, "guild_disconnected", &guild_id).await;
    Ok(())
}

/// A guild's channels: the cache, else Discord (then cached).
async fn guild_channels(state: &AppState, guild_id: &str) -> AppResult<Vec<DiscordChannel>> {
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
async fn mappings(state: &AppState, guild_id: &str) -> AppResult<Vec<Mapping>> {
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

// ----- for the admin feature -------------------------------------------------------------------

/// Every guild mapping of every account.
pub async fn all_connections(state: &AppState) -> AppResult<Vec<GuildConnection>> {
    Ok(state.db.discord().all_connections().await?)
}

/// One guild's mapping, whichever account holds it.
pub async fn connection(state: &AppState, guild_id: &str) -> AppResult<GuildConnection> {
    let guild_id = snowflake("guild_id", guild_id)?;
    state
        .db
        .discord()
        .connection_by_guild(&guild_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("Discord server {guild_id} is not connected")))
}

/// Delete a guild's mapping whichever account holds it (an admin's call; the admin feature
/// checks the permission and writes the audit log).
pub async fn remove_any(state: &AppState, guild_id: &str) -> AppResult<GuildConnection> {
    let guild_id = snowflake("guild_id", guild_id)?;
    let removed = state
        .db
        .discord()
        .delete_connection(&guild_id, None)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("Discord server {guild_id} is not connected")))?;
    clear_caches(state, &guild_id).await;
    tell_bot(state, removed.account_id, "guild_disconnected", &guild_id).await;
    Ok(removed)
}

// ----- for the bot (platforms::discord) ---------------------------------------------------------

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
