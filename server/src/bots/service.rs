//! Bot control logic shared by REST and GraphQL.

use serde_json::json;
use uuid::Uuid;

use super::model::*;
use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::chat::model::{encode_cursor, ChatEvent};
use crate::chatter::connections as channels;
use crate::connections::model::CredentialStatus;
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// The account's bot on every platform, in the order of [`Platform::ALL`].
pub async fn status(state: &AppState, account: Uuid) -> AppResult<Vec<BotStatus>> {
    let conns = channels::list(state, account).await?;
    let creds = crate::connections::service::credentials_by_connection(state, account).await?;
    Ok(Platform::ALL
        .into_iter()
        .map(|p| {
            let channels: Vec<BotChannelStatus> = conns
                .iter()
                .filter(|c| c.platform == p.as_str())
                .map(|c| {
                    let mine: Vec<_> = creds.iter().filter(|(id, _)| *id == c.id).collect();
                    let bad = mine
                        .iter()
                        .find(|(_, v)| v.status == CredentialStatus::NeedsReauth);
                    BotChannelStatus {
                        connection_id: c.id,
                        channel_name: c.channel_name.clone(),
                        channel_id: c.channel_id.clone(),
                        bot_enabled: c.bot_enabled,
                        credential_status: match (bad, mine.is_empty()) {
                            (Some(_), _) => Some(CredentialStatus::NeedsReauth),
                            (None, true) => None,
                            (None, false) => Some(CredentialStatus::Ok),
                        },
                        status_reason: bad.and_then(|(_, v)| v.status_reason.clone()),
                    }
                })
                .collect();
            let enabled: Vec<&BotChannelStatus> =
                channels.iter().filter(|c| c.bot_enabled).collect();
            let state = if channels.is_empty() {
                BotState::NoConnection
            } else if enabled.is_empty() {
                BotState::Paused
            } else if enabled
                .iter()
                .any(|c| c.credential_status == Some(CredentialStatus::NeedsReauth))
            {
                BotState::NeedsReauth
            } else {
                BotState::Active
            };
            BotStatus {
                platform: p.to_string(),
                status: state,
                label: state.label().into(),
                channels,
            }
        })
        .collect())
}

async fn status_of(state: &AppState, account: Uuid, platform: Platform) -> AppResult<BotStatus> {
    status(state, account)
        .await?
        .into_iter()
        .find(|s| s.platform == platform.as_str())
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("no status for {platform}")))
}

fn platform(raw: &str) -> AppResult<Platform> {
    raw.parse::<Platform>()
}

/// Publish a bot action on `lumio:bot:action:{platform}:{account_id}`; the channel.
async fn publish(
    state: &AppState,
    account: Uuid,
    platform: Platform,
    action: &str,
    channels: &[String],
    by: &str,
) -> AppResult<String> {
    let channel = keys::bot_action(platform, account);
    let body = json!({"action": action, "platform": platform.as_str(),
        "account_id": account, "channels": channels, "by": by});
    state.bus.publish(&channel, &body.to_string()).await?;
    Ok(channel)
}

/// Tell live subscribers the bot's status on `platform` (best effort: logged on failure).
async fn announce(state: &AppState, account: Uuid, platform: Platform, by: &str) {
    let result = async {
        let s = status_of(state, account, platform).await?;
        crate::events::emit(
            state,
            account,
            &ChatEvent::BotStatus {
                cursor: encode_cursor(Uuid::now_v7()),
                platform: platform.to_string(),
                status: s.status.as_str().into(),
                label: s.label,
                by: by.to_string(),
            },
        )
        .await
    }
    .await;
    if let Err(e) = result {
        tracing::warn!(error = %e, %account, %platform, "could not announce the bot status");
    }
}

/// `toggleBotForPlatform(platform, enabled)`: pause or resume the bot on every channel of
/// the platform; after the commit, `bot_join` or `bot_leave` for the platform's bot.
pub async fn toggle(
    state: &AppState,
    ctx: &AccountCtx,
    platform_name: &str,
    enabled: bool,
) -> AppResult<BotActionResult> {
    let p = platform(platform_name)?;
    let changed = channels::set_bot_enabled(state, ctx.account_id, p, enabled).await?;
    if changed == 0 {
        return Err(no_connection(p));
    }
    let bot = status_of(state, ctx.account_id, p).await?;
    let names: Vec<String> = bot
        .channels
        .iter()
        .map(|c| c.channel_name.clone())
        .collect();
    let action = if enabled { "bot_join" } else { "bot_leave" };
    let channel = publish(state, ctx.account_id, p, action, &names, &ctx.user_name).await?;
    announce(state, ctx.account_id, p, &ctx.user_name).await;
    Ok(BotActionResult {
        action: action.into(),
        channel,
        bot,
    })
}

fn no_connection(p: Platform) -> AppError {
    AppError::NotFound(format!(
        "the account has no {p} channel connection{}",
        if p == Platform::Twitch {
            "; connect one with `lumio connect twitch`"
        } else {
            ""
        }
    ))
}

/// `rejoinBot(platform)`: `bot_join` for the platform's bot (the seed's "Reconnect").
pub async fn rejoin(
    state: &AppState,
    ctx: &AccountCtx,
    platform_name: &str,
) -> AppResult<BotActionResult> {
    let p = platform(platform_name)?;
    let bot = status_of(state, ctx.account_id, p).await?;
    match bot.status {
        BotState::NoConnection => return Err(no_connection(p)),
        BotState::Paused => {
            return Err(AppError::Conflict(format!(
                "the {p} bot is paused; resume it first (`lumio bots resume {p}`)"
            )))
        }
        _ => {}
    }
    let names: Vec<String> = bot
        .channels
        .iter()
        .filter(|c| c.bot_enabled)
        .map(|c| c.channel_name.clone())
        .collect();
    let channel = publish(state, ctx.account_id, p, "bot_join", &names, &ctx.user_name).await?;
    Ok(BotActionResult {
        action: "bot_join".into(),
        channel,
        bot,
    })
}

/// `botChannels(platform)` (system key): every channel the platform's bot should be in.
pub async fn bot_channels(state: &AppState, platform_name: &str) -> AppResult<Vec<BotChannel>> {
    let p = platform(platform_name)?;
    Ok(channels::enabled_bot_connections(state, p)
        .await?
        .into_iter()
        .map(|c| BotChannel {
            account_id: c.account_id,
            connection_id: c.id,
            channel_name: c.channel_name,
            channel_id: c.channel_id,
        })
        .collect())
}

/// A channel connection was added or removed: tell the platform's bot (`bot_join` or
/// `bot_sync`) and live subscribers. Best effort: the change is committed already.
pub async fn connection_changed(state: &AppState, ctx: &AccountCtx, p: Platform, action: &str) {
    let names = match status_of(state, ctx.account_id, p).await {
        Ok(s) => s
            .channels
            .into_iter()
            .filter(|c| c.bot_enabled)
            .map(|c| c.channel_name)
            .collect(),
        Err(_) => Vec::new(),
    };
    if let Err(e) = publish(state, ctx.account_id, p, action, &names, &ctx.user_name).await {
        tracing::warn!(error = %e, account = %ctx.account_id, %p, "could not tell the bot");
    }
    announce(state, ctx.account_id, p, &ctx.user_name).await;
}

/// A credential of the account changed status (a refused refresh): live subscribers see the
/// Twitch bot's new status.
pub async fn credential_changed(state: &AppState, account: Uuid) {
    announce(state, account, Platform::Twitch, "lumio").await;
}
