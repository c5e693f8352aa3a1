//! Connecting, listing and disconnecting guilds; the admin's calls.

use chrono::Utc;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::discord::model::*;
use crate::discord::oauth;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

use super::*;

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
