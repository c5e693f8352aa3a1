//! Connecting a channel: the device code grant (started and polled through the server, which
//! keeps the device code sealed on the bus), pasted tokens (checked with `/oauth2/validate`),
//! the list (never a token) and removal (tokens revoked at Twitch).

use std::time::Duration;

use base64::Engine;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::crypto::{aad, SecretKey, SECRET_KEY_VAR};
use super::model::*;
use super::oauth::{DeviceOutcome, Grant, OAuthError, TwitchOAuth};
use super::store::{CredentialRow, SealedTokens};
use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::chatter::connections::{self as channels, ConnectionRow};
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// Most scopes one connect may ask for.
const MAX_SCOPES: usize = 60;

/// The key tokens are sealed with, or a 503 that names `LUMIO_SECRET_KEY`.
pub fn key(state: &AppState) -> AppResult<&SecretKey> {
    state.config.secret_key.as_ref().ok_or_else(|| {
        AppError::Unavailable(format!(
            "this server cannot store platform tokens: {SECRET_KEY_VAR} is not set (32 bytes, \
             e.g. `openssl rand -base64 32`)"
        ))
    })
}

/// A Twitch channel name (login): 1–25 letters, digits or `_`, lower-cased.
pub fn channel_name(field: &str, raw: &str) -> AppResult<String> {
    let name = raw.trim().trim_start_matches('#').to_ascii_lowercase();
    if (1..=25).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        return Ok(name);
    }
    Err(AppError::BadRequest(format!(
        "{field} '{}' is not a Twitch channel name (1 to 25 letters, digits or _)",
        crate::validate::quote(raw)
    )))
}

/// Scopes as asked for (sorted, no duplicates), or the role's defaults.
pub fn scopes(given: Option<&[String]>, role: Role) -> AppResult<Vec<String>> {
    let list: Vec<String> = match given {
        Some(g) if !g.is_empty() => g
            .iter()
            .flat_map(|s| s.split([' ', ',']))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect(),
        _ => match role {
            Role::Broadcaster => DEFAULT_BROADCASTER_SCOPES,
            Role::Bot => DEFAULT_BOT_SCOPES,
        }
        .iter()
        .map(|s| s.to_string())
        .collect(),
    };
    for s in &list {
        let ok = (1..=64).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b':' || b == b'_');
        if !ok {
            return Err(AppError::BadRequest(format!(
                "scopes: '{}' is not a Twitch scope (like moderator:manage:banned_users)",
                crate::validate::quote(s)
            )));
        }
    }
    let mut list = list;
    list.sort();
    list.dedup();
    if list.len() > MAX_SCOPES {
        return Err(AppError::BadRequest(format!(
            "scopes: at most {MAX_SCOPES} scopes"
        )));
    }
    Ok(list)
}

fn view(row: &CredentialRow) -> CredentialView {
    let mut scopes = row.scopes.0.clone();
    scopes.sort();
    CredentialView {
        id: row.id,
        role: Role::parse(&row.role).unwrap_or(Role::Broadcaster),
        user_id: row.platform_user_id.clone(),
        login: row.platform_login.clone(),
        scopes,
        expires_at: row.expires_at,
        status: if row.status == "needs_reauth" {
            CredentialStatus::NeedsReauth
        } else {
            CredentialStatus::Ok
        },
        status_reason: row.status_reason.clone(),
        updated_at: row.updated_at,
    }
}

fn connection_view(c: ConnectionRow, creds: &[CredentialRow]) -> ChannelConnection {
    ChannelConnection {
        id: c.id,
        platform: c.platform,
        channel_name: c.channel_name,
        channel_id: c.channel_id,
        bot_enabled: c.bot_enabled,
        created_at: c.created_at,
        credentials: creds
            .iter()
            .filter(|r| r.connection_id == c.id)
            .map(view)
            .collect(),
    }
}

/// The account's channel connections with their credentials (scopes, expiry, status).
pub async fn list(state: &AppState, ctx: &AccountCtx) -> AppResult<Vec<ChannelConnection>> {
    let rows = channels::list(state, ctx.account_id).await?;
    let creds = state.db.credentials().of_account(ctx.account_id).await?;
    Ok(rows
        .into_iter()
        .map(|c| connection_view(c, &creds))
        .collect())
}

/// (connection id, credential) pairs of the account, for bot status.
pub async fn credentials_by_connection(
    state: &AppState,
    account: Uuid,
) -> AppResult<Vec<(Uuid, CredentialView)>> {
    Ok(state
        .db
        .credentials()
        .of_account(account)
        .await?
        .iter()
        .map(|r| (r.connection_id, view(r)))
        .collect())
}

/// The channel a new credential acts on: a broadcaster's own; for a bot the one named, or
/// the account's only Twitch channel.
async fn target_channel(
    state: &AppState,
    account: Uuid,
    role: Role,
    channel: Option<&str>,
    login: Option<&str>,
) -> AppResult<Option<String>> {
    let named = channel.map(|c| channel_name("channel", c)).transpose()?;
    match role {
        Role::Broadcaster => {
            if let (Some(n), Some(l)) = (&named, login) {
                if !n.eq_ignore_ascii_case(l) {
                    return Err(AppError::Validation(format!(
                        "the token belongs to '{l}', not to channel '{n}': a broadcaster token \
                         acts on its own channel (use role bot for a bot account)"
                    )));
                }
            }
            Ok(named.or(login.map(str::to_ascii_lowercase)))
        }
        Role::Bot => {
            if named.is_some() {
                return Ok(named);
            }
            let twitch: Vec<ConnectionRow> = channels::list(state, account)
                .await?
                .into_iter()
                .filter(|c| c.platform == Platform::Twitch.as_str())
                .collect();
            match twitch.as_slice() {
                [one] => Ok(Some(one.channel_name.clone())),
                [] => Err(AppError::Validation(
                    "channel: name the Twitch channel the bot acts on (the account has no \
                     Twitch channel yet)"
                        .into(),
                )),
                many => Err(AppError::Validation(format!(
                    "channel: the account has several Twitch channels ({}); name the one the \
                     bot acts on",
                    many.iter()
                        .map(|c| c.channel_name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            }
        }
    }
}

/// Whose tokens are stored, and where.
pub(super) struct Owner<'a> {
    pub account: Uuid,
    pub connection: Uuid,
    pub role: Role,
    pub user_id: &'a str,
    pub login: &'a str,
}

/// Seal and store tokens for (connection, role); the row's id.
pub(super) async fn put_tokens(
    state: &AppState,
    owner: &Owner<'_>,
    access: &Token,
    refresh: Option<&Token>,
    scopes: Vec<String>,
    expires_in: Option<i64>,
) -> AppResult<Uuid> {
    let key = key(state)?;
    let store = state.db.credentials();
    for _ in 0..3 {
        let id = store
            .id_of(owner.connection, owner.role.as_str())
            .await?
            .unwrap_or_else(Uuid::now_v7);
        let sealed = seal_tokens(key, id, access, refresh, scopes.clone(), expires_in)?;
        if store
            .put(
                id,
                owner.account,
                owner.connection,
                owner.role.as_str(),
                owner.user_id,
                owner.login,
                &sealed,
            )
            .await?
        {
            return Ok(id);
        }
    }
    Err(AppError::Conflict(
        "the credential is being replaced by another request; try again".into(),
    ))
}

pub(super) fn seal_tokens(
    key: &SecretKey,
    id: Uuid,
    access: &Token,
    refresh: Option<&Token>,
    mut scopes: Vec<String>,
    expires_in: Option<i64>,
) -> AppResult<SealedTokens> {
    scopes.sort();
    scopes.dedup();
    Ok(SealedTokens {
        access_token: key.seal(access.expose(), &aad(id, "access_token"))?,
        refresh_token: refresh
            .map(|r| key.seal(r.expose(), &aad(id, "refresh_token")))
            .transpose()?,
        scopes,
        expires_at: expires_in
            .filter(|s| *s > 0)
            .map(|s| crate::store::now() + chrono::Duration::seconds(s)),
    })
}

/// Validate tokens with Twitch and store them on the channel they act on.
async fn store_grant(
    state: &AppState,
    ctx: &AccountCtx,
    role: Role,
    channel: Option<&str>,
    access: &Token,
    refresh: Option<&Token>,
) -> AppResult<ChannelConnection> {
    let oauth = TwitchOAuth::new(state)?;
    let v = oauth.validate(access).await.map_err(|e| match e {
        OAuthError::Refused { status: 401, .. } => {
            AppError::Validation("access_token: Twitch says the token is invalid or expired".into())
        }
        other => other.into(),
    })?;
    let (Some(user_id), Some(login)) = (v.user_id.clone(), v.login.clone()) else {
        return Err(AppError::Validation(
            "access_token: this is an app access token; lumio needs a user access token".into(),
        ));
    };
    if refresh.is_some() && v.client_id != oauth.client_id {
        return Err(AppError::Validation(format!(
            "refresh_token: the token was issued to another Twitch application ({}), so this \
             server (LUMIO_TWITCH_CLIENT_ID) cannot refresh it",
            crate::validate::quote(&v.client_id)
        )));
    }
    let channel = target_channel(state, ctx.account_id, role, channel, Some(&login))
        .await?
        .unwrap_or_else(|| login.to_ascii_lowercase());
    let channel_id = (role == Role::Broadcaster).then_some(user_id.as_str());
    let conn = channels::upsert(
        state,
        ctx.account_id,
        Platform::Twitch,
        &channel,
        channel_id,
    )
    .await?;
    let owner = Owner {
        account: ctx.account_id,
        connection: conn.id,
        role,
        user_id: &user_id,
        login: &login,
    };
    put_tokens(
        state,
        &owner,
        access,
        refresh,
        v.scopes.clone(),
        v.expires_in,
    )
    .await?;
    tracing::info!(account = %ctx.account_id, channel, role = role.as_str(), login,
        "twitch credential stored");
    crate::bots::service::connection_changed(state, ctx, Platform::Twitch, "bot_join").await;
    let creds = state.db.credentials().of_account(ctx.account_id).await?;
    Ok(connection_view(conn, &creds))
}

/// Pasted tokens: checked with `/oauth2/validate` (login, user id, scopes, expiry), stored.
pub async fn connect_tokens(
    state: &AppState,
    ctx: &AccountCtx,
    input: &TokenInput,
) -> AppResult<ChannelConnection> {
    key(state)?;
    let access = input.access_token.expose().trim();
    let access = access.strip_prefix("oauth:").unwrap_or(access);
    if access.is_empty() || access.len() > 512 || access.contains(char::is_whitespace) {
        return Err(AppError::BadRequest(
            "access_token: expected one Twitch access token".into(),
        ));
    }
    let refresh = input
        .refresh_token
        .as_ref()
        .map(|r| r.expose().trim())
        .filter(|r| !r.is_empty());
    if refresh.is_some_and(|r| r.len() > 512 || r.contains(char::is_whitespace)) {
        return Err(AppError::BadRequest(
            "refresh_token: expected one Twitch refresh token".into(),
        ));
    }
    store_grant(
        state,
        ctx,
        input.role.unwrap_or(Role::Broadcaster),
        input.channel.as_deref(),
        &Token::new(access),
        refresh.map(Token::new).as_ref(),
    )
    .await
}

/// A device code connect in progress, as kept on the bus.
#[derive(Serialize, Deserialize)]
struct PendingFlow {
    account_id: Uuid,
    user_id: Uuid,
    /// The device code, sealed (base64).
    device_code: String,
    channel: Option<String>,
    role: Role,
    scopes: Vec<String>,
    interval: i64,
}

fn flow_aad(flow: Uuid) -> String {
    format!("twitch_device:{flow}")
}

/// Start the device code grant: the code to show and where.
pub async fn start_device(
    state: &AppState,
    ctx: &AccountCtx,
    input: &DeviceStartInput,
) -> AppResult<DeviceFlow> {
    let key = key(state)?;
    let oauth = TwitchOAuth::new(state)?;
    let role = input.role.unwrap_or(Role::Broadcaster);
    let scopes = scopes(input.scopes.as_deref(), role)?;
    let channel = match role {
        // A broadcaster's token names its channel; one named is checked when it arrives.
        Role::Broadcaster => input
            .channel
            .as_deref()
            .map(|c| channel_name("channel", c))
            .transpose()?,
        Role::Bot => {
            target_channel(state, ctx.account_id, role, input.channel.as_deref(), None).await?
        }
    };
    let code = oauth.start_device(&scopes).await?;
    let flow_id = Uuid::new_v4();
    let pending = PendingFlow {
        account_id: ctx.account_id,
        user_id: ctx.user_id,
        device_code: base64::engine::general_purpose::STANDARD
            .encode(key.seal(code.device_code.expose(), &flow_aad(flow_id))?),
        channel,
        role,
        scopes: scopes.clone(),
        interval: code.interval.max(1),
    };
    let life = code.expires_in.clamp(1, 3600);
    state
        .bus
        .set(
            &keys::twitch_device_flow(flow_id),
            &serde_json::to_string(&pending).map_err(AppError::internal)?,
            Some(Duration::from_secs(life as u64)),
        )
        .await?;
    Ok(DeviceFlow {
        flow_id,
        user_code: code.user_code,
        verification_uri: code.verification_uri,
        expires_at: Utc::now() + chrono::Duration::seconds(life),
        interval: pending.interval,
        scopes,
        role,
    })
}

/// Poll a device code connect once (at most every `interval` seconds).
pub async fn poll_device(
    state: &AppState,
    ctx: &AccountCtx,
    flow_id: Uuid,
) -> AppResult<DevicePoll> {
    let key = key(state)?;
    let bus_key = keys::twitch_device_flow(flow_id);
    let gone = || {
        AppError::NotFound(format!(
            "no device code connect {flow_id} (it expired or finished); start a new one"
        ))
    };
    let raw = state.bus.get(&bus_key).await?.ok_or_else(gone)?;
    let pending: PendingFlow = serde_json::from_str(&raw).map_err(AppError::internal)?;
    // Another account's or user's flow is "not found", the same as none.
    if pending.account_id != ctx.account_id || pending.user_id != ctx.user_id {
        return Err(gone());
    }
    let sealed = base64::engine::general_purpose::STANDARD
        .decode(&pending.device_code)
        .map_err(AppError::internal)?;
    let device_code = Token::new(
        key.open(&sealed, &flow_aad(flow_id))
            .map_err(|e| AppError::Conflict(format!("the device code does not open: {e}")))?,
    );
    let oauth = TwitchOAuth::new(state)?;
    let answer = |status, message: &str, interval| DevicePoll {
        status,
        interval,
        message: message.to_string(),
        connection: None,
    };
    match oauth.poll_device(&device_code, &pending.scopes).await? {
        DeviceOutcome::Pending => Ok(answer(
            DevicePollStatus::Pending,
            "waiting for the code to be entered and approved",
            pending.interval,
        )),
        DeviceOutcome::SlowDown => {
            let slower = PendingFlow {
                interval: pending.interval + 5,
                ..pending
            };
            if let Ok(json) = serde_json::to_string(&slower) {
                let ttl = match state.bus.ttl(&bus_key).await? {
                    crate::bus::Ttl::Expires(d) => Some(d),
                    _ => None,
                };
                state.bus.set(&bus_key, &json, ttl).await?;
            }
            Ok(answer(
                DevicePollStatus::SlowDown,
                "polling too fast: waiting longer between polls",
                slower.interval,
            ))
        }
        DeviceOutcome::Expired => {
            state.bus.del(&bus_key).await?;
            Ok(answer(
                DevicePollStatus::Expired,
                "the code expired before it was approved; run `lumio connect twitch` again",
                0,
            ))
        }
        DeviceOutcome::Denied => {
            state.bus.del(&bus_key).await?;
            Ok(answer(
                DevicePollStatus::Denied,
                "the authorization was refused on Twitch",
                0,
            ))
        }
        DeviceOutcome::Granted(Grant {
            access_token,
            refresh_token,
            ..
        }) => {
            // Only the poll that deletes the flow stores the tokens.
            if !state.bus.del(&bus_key).await? {
                return Err(gone());
            }
            let connection = store_grant(
                state,
                ctx,
                pending.role,
                pending.channel.as_deref(),
                &access_token,
                refresh_token.as_ref(),
            )
            .await?;
            Ok(DevicePoll {
                status: DevicePollStatus::Connected,
                interval: 0,
                message: format!("connected to {}", connection.channel_name),
                connection: Some(connection),
            })
        }
    }
}

/// Remove a connection (with its credentials), or only its credential for `role`. Tokens are
/// revoked at Twitch where possible.
pub async fn remove(
    state: &AppState,
    ctx: &AccountCtx,
    id: Uuid,
    role: Option<Role>,
) -> AppResult<Removed> {
    let conn = channels::get(state, ctx.account_id, id).await?;
    let removed = state
        .db
        .credentials()
        .delete(conn.id, role.map(Role::as_str))
        .await?;
    if role.is_some() && removed.is_empty() {
        return Err(AppError::NotFound(format!(
            "channel connection {id} has no {} credential",
            role.map(Role::as_str).unwrap_or_default()
        )));
    }
    let connection_removed = role.is_none() && channels::remove(state, ctx.account_id, id).await?;
    for r in &removed {
        revoke(state, r).await;
    }
    if let Ok(platform) = conn.platform.parse::<Platform>() {
        crate::bots::service::connection_changed(state, ctx, platform, "bot_sync").await;
    }
    Ok(Removed {
        connection_id: id,
        connection_removed,
        credentials_removed: removed.len() as i32,
    })
}

/// Revoke a removed credential's access token at Twitch (best effort: logged, never fatal).
async fn revoke(state: &AppState, row: &CredentialRow) {
    let (Ok(key), Ok(oauth)) = (key(state), TwitchOAuth::new(state)) else {
        return;
    };
    let Ok(token) = key.open(&row.access_token, &aad(row.id, "access_token")) else {
        return;
    };
    if let Err(e) = oauth.revoke(&Token::new(token)).await {
        tracing::warn!(credential = %row.id, error = %e, "could not revoke a removed token at Twitch");
    }
}
