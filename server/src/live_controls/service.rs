//! Live-control logic, shared by REST and GraphQL: validate, act on the account's Twitch
//! channel as its broadcaster (or, to send, its bot) with the channel's own credential
//! ([`crate::platforms::twitch::act`]), announce the change on the live stream.

use serde_json::json;
use uuid::Uuid;

use super::model::*;
use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::chat::model::{encode_cursor, ChatEvent};
use crate::error::{AppError, AppResult};
use crate::platforms::connector::{Connector, PollEnd, PredictionEnd};
use crate::platforms::twitch::act::{self, Acting};
use crate::platforms::Platform;
use crate::state::AppState;

/// The longest chat message Twitch takes.
pub const MAX_SEND_CHARS: usize = 500;

fn id_arg(name: &str, v: &str) -> AppResult<String> {
    let v = v.trim();
    if v.is_empty() || v.len() > 100 || v.chars().any(char::is_control) {
        return Err(AppError::Validation(format!(
            "{name} must be 1 to 100 printable characters"
        )));
    }
    Ok(v.to_string())
}

async fn announce(
    state: &AppState,
    ctx: &AccountCtx,
    action: &str,
    target: &str,
    status: &str,
) -> AppResult<()> {
    crate::events::emit(
        state,
        ctx.account_id,
        &ChatEvent::LiveControl {
            cursor: encode_cursor(Uuid::now_v7()),
            platform: Platform::Twitch.to_string(),
            action: action.into(),
            target_id: target.into(),
            status: status.into(),
            by: ctx.user_name.clone(),
        },
    )
    .await
}

/// Cancel the channel's pending raid.
pub async fn cancel_raid(state: &AppState, ctx: &AccountCtx) -> AppResult<RaidResult> {
    let b = act::act(
        state,
        ctx.account_id,
        Acting::Broadcaster,
        &["channel:manage:raids"],
        |c, token, ch| async move {
            c.cancel_raid(&token, &ch).await?;
            Ok(ch.broadcaster_id)
        },
    )
    .await?;
    announce(state, ctx, "raid_cancelled", &b, "CANCELED").await?;
    Ok(RaidResult {
        platform: Platform::Twitch.to_string(),
        broadcaster_id: b,
        cancelled: true,
    })
}

/// End a poll: TERMINATED by default, or ARCHIVED.
pub async fn end_poll(
    state: &AppState,
    ctx: &AccountCtx,
    input: &EndPollInput,
) -> AppResult<PollResult> {
    let id = id_arg("poll_id", &input.poll_id)?;
    let status = input
        .status
        .as_deref()
        .map(|s| s.trim().to_ascii_uppercase())
        .unwrap_or_else(|| "TERMINATED".into());
    let end = match status.as_str() {
        "TERMINATED" => PollEnd::Terminated,
        "ARCHIVED" => PollEnd::Archived,
        _ => {
            return Err(AppError::Validation(format!(
                "a poll ends TERMINATED or ARCHIVED, not '{}'",
                crate::validate::quote(&status)
            )))
        }
    };
    let p = act::act(
        state,
        ctx.account_id,
        Acting::Broadcaster,
        &["channel:manage:polls"],
        |c, token, ch| {
            let id = id.clone();
            async move { c.end_poll(&token, &ch, &id, end).await }
        },
    )
    .await?;
    announce(state, ctx, "poll_ended", &id, end.as_str()).await?;
    Ok(PollResult {
        id: p.id,
        title: p.title,
        status: p.status,
        choices: p
            .choices
            .into_iter()
            .map(|(id, title, votes)| PollChoice { id, title, votes })
            .collect(),
    })
}

/// Resolve, cancel or lock a prediction. RESOLVED needs the winning outcome.
pub async fn end_prediction(
    state: &AppState,
    ctx: &AccountCtx,
    input: &EndPredictionInput,
) -> AppResult<PredictionResult> {
    let id = id_arg("prediction_id", &input.prediction_id)?;
    let status = input.status.trim().to_ascii_uppercase();
    let winner = input
        .winning_outcome_id
        .as_deref()
        .map(|w| id_arg("winning_outcome_id", w))
        .transpose()?;
    let end = match (status.as_str(), winner) {
        ("RESOLVED", Some(w)) => PredictionEnd::Resolved {
            winning_outcome_id: w,
        },
        ("RESOLVED", None) => {
            return Err(AppError::Validation(
                "RESOLVED requires winning_outcome_id (the outcome that won)".into(),
            ))
        }
        ("CANCELED" | "CANCELLED" | "LOCKED", Some(_)) => {
            return Err(AppError::Validation(format!(
                "winning_outcome_id applies to RESOLVED only, not to {status}"
            )))
        }
        ("CANCELED" | "CANCELLED", None) => PredictionEnd::Canceled,
        ("LOCKED", None) => PredictionEnd::Locked,
        _ => {
            return Err(AppError::Validation(format!(
                "a prediction ends RESOLVED, CANCELED or LOCKED, not '{}'",
                crate::validate::quote(&status)
            )))
        }
    };
    let p = act::act(
        state,
        ctx.account_id,
        Acting::Broadcaster,
        &["channel:manage:predictions"],
        |c, token, ch| {
            let (id, end) = (id.clone(), end.clone());
            async move { c.end_prediction(&token, &ch, &id, &end).await }
        },
    )
    .await?;
    announce(state, ctx, "prediction_ended", &id, end.as_str()).await?;
    Ok(PredictionResult {
        id: p.id,
        title: p.title,
        status: p.status,
        winning_outcome_id: p.winning_outcome_id,
        outcomes: p
            .outcomes
            .into_iter()
            .map(|(id, title, users, channel_points)| PredictionOutcome {
                id,
                title,
                users,
                channel_points,
            })
            .collect(),
    })
}

/// Send a message to a platform's chat: on Twitch through Helix when the account has a
/// Twitch channel connected, otherwise published for the platform's bot.
pub async fn send_to_platform(
    state: &AppState,
    ctx: &AccountCtx,
    input: &SendToPlatformInput,
) -> AppResult<SendResult> {
    let platform: Platform = input.platform.parse()?;
    if !matches!(
        platform,
        Platform::Twitch | Platform::Kick | Platform::Trovo
    ) {
        return Err(AppError::Validation(format!(
            "sending to {platform} is not supported (twitch, kick, trovo)"
        )));
    }
    let message = input.message.trim();
    crate::validate::no_control("message", message)?;
    let len = message.chars().count();
    if len == 0 {
        return Err(AppError::Validation("message must not be empty".into()));
    }
    if len > MAX_SEND_CHARS {
        return Err(AppError::Validation(format!(
            "message is {len} characters long; the limit is {MAX_SEND_CHARS}"
        )));
    }
    let reply_to = input
        .reply_to
        .as_deref()
        .map(|r| id_arg("reply_to", r))
        .transpose()?;
    // Twitch, with a channel connected: sent at once as the account's bot (or broadcaster).
    if platform == Platform::Twitch {
        if let Some(ch) = act::channel(state, ctx.account_id, Acting::BotOrBroadcaster).await? {
            let sent = act::act_on(
                state,
                ctx.account_id,
                &ch,
                &["user:write:chat"],
                &mut |c, token, on| {
                    let reply_to = reply_to.clone();
                    async move {
                        c.send_message(&token, &on, message, reply_to.as_deref())
                            .await
                    }
                },
            )
            .await?;
            return Ok(SendResult {
                platform: platform.to_string(),
                delivery: if sent.is_sent { "sent" } else { "dropped" }.into(),
                message_id: sent.message_id,
                drop_reason: sent.drop_reason,
                channel: None,
            });
        }
    }
    let channel = keys::bot_action(platform, ctx.account_id);
    let body = json!({"action": "send", "platform": platform.as_str(), "message": message,
        "reply_to": reply_to, "by": ctx.user_name});
    state.bus.publish(&channel, &body.to_string()).await?;
    Ok(SendResult {
        platform: platform.to_string(),
        delivery: "queued_for_bot".into(),
        message_id: None,
        drop_reason: None,
        channel: Some(channel),
    })
}
