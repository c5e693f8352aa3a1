//! Live-control logic, shared by REST and GraphQL: validate, find the account's Twitch
//! broadcaster, call Helix, announce the change on the live stream.

use serde_json::{json, Value};
use uuid::Uuid;

use super::model::*;
use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::chat::model::{encode_cursor, ChatEvent};
use crate::error::{AppError, AppResult};
use crate::platforms::twitch::helix::Helix;
use crate::platforms::Platform;
use crate::state::AppState;

/// The longest chat message Twitch takes.
pub const MAX_SEND_CHARS: usize = 500;

fn helix(state: &AppState) -> AppResult<Helix> {
    Helix::new(&state.http, &state.config.platforms.twitch)
}

/// The Twitch user id of the account's channel: the connection's `channel_id`, else looked
/// up by the channel's login and remembered.
async fn broadcaster(state: &AppState, helix: &Helix, account: Uuid) -> AppResult<String> {
    let conn = state
        .db
        .chatter()
        .first_connection(account, Platform::Twitch.as_str())
        .await?
        .ok_or_else(|| {
            AppError::Validation("this account has no Twitch channel connection".into())
        })?;
    if let Some(id) = conn.channel_id.filter(|c| !c.is_empty()) {
        return Ok(id);
    }
    let user = helix
        .user_by_login(&conn.channel_name)
        .await?
        .ok_or_else(|| {
            AppError::Validation(format!(
                "Twitch knows no channel named '{}' (the account's Twitch connection)",
                conn.channel_name
            ))
        })?;
    state.db.chatter().set_channel_id(conn.id, &user.id).await?;
    Ok(user.id)
}

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
    crate::chat::service::emit(
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
    let h = helix(state)?;
    let b = broadcaster(state, &h, ctx.account_id).await?;
    h.cancel_raid(&b).await?;
    announce(state, ctx, "raid_cancelled", &b, "CANCELED").await?;
    Ok(RaidResult {
        platform: Platform::Twitch.to_string(),
        broadcaster_id: b,
        cancelled: true,
    })
}

fn text(v: &Value, k: &str) -> String {
    v[k].as_str().unwrap_or_default().to_string()
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
    if !["TERMINATED", "ARCHIVED"].contains(&status.as_str()) {
        return Err(AppError::Validation(format!(
            "a poll ends TERMINATED or ARCHIVED, not '{}'",
            crate::validate::quote(&status)
        )));
    }
    let h = helix(state)?;
    let b = broadcaster(state, &h, ctx.account_id).await?;
    let p = h.end_poll(&b, &id, &status).await?;
    announce(state, ctx, "poll_ended", &id, &status).await?;
    Ok(PollResult {
        id: p["id"].as_str().unwrap_or(&id).to_string(),
        title: text(&p, "title"),
        status: p["status"].as_str().unwrap_or(&status).to_string(),
        choices: p["choices"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| PollChoice {
                id: text(c, "id"),
                title: text(c, "title"),
                votes: c["votes"].as_i64().unwrap_or(0),
            })
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
    let status = match status.as_str() {
        "CANCELLED" => "CANCELED".to_string(),
        _ => status,
    };
    if !["RESOLVED", "CANCELED", "LOCKED"].contains(&status.as_str()) {
        return Err(AppError::Validation(format!(
            "a prediction ends RESOLVED, CANCELED or LOCKED, not '{}'",
            crate::validate::quote(&status)
        )));
    }
    let winner = input
        .winning_outcome_id
        .as_deref()
        .map(|w| id_arg("winning_outcome_id", w))
        .transpose()?;
    match (status.as_str(), &winner) {
        ("RESOLVED", None) => {
            return Err(AppError::Validation(
                "RESOLVED requires winning_outcome_id (the outcome that won)".into(),
            ))
        }
        (s, Some(_)) if s != "RESOLVED" => {
            return Err(AppError::Validation(format!(
                "winning_outcome_id applies to RESOLVED only, not to {s}"
            )))
        }
        _ => {}
    }
    let h = helix(state)?;
    let b = broadcaster(state, &h, ctx.account_id).await?;
    let p = h
        .end_prediction(&b, &id, &status, winner.as_deref())
        .await?;
    announce(state, ctx, "prediction_ended", &id, &status).await?;
    Ok(PredictionResult {
        id: p["id"].as_str().unwrap_or(&id).to_string(),
        title: text(&p, "title"),
        status: p["status"].as_str().unwrap_or(&status).to_string(),
        winning_outcome_id: p["winning_outcome_id"]
            .as_str()
            .map(String::from)
            .or(winner),
        outcomes: p["outcomes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|o| PredictionOutcome {
                id: text(o, "id"),
                title: text(o, "title"),
                users: o["users"].as_i64().unwrap_or(0),
                channel_points: o["channel_points"].as_i64().unwrap_or(0),
            })
            .collect(),
    })
}

/// Send a message to a platform's chat: on Twitch through Helix when it is configured,
/// otherwise published for the platform's bot.
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
    let twitch = &state.config.platforms.twitch;
    if platform == Platform::Twitch && twitch.token.is_some() && twitch.client_id.is_some() {
        let h = helix(state)?;
        let b = broadcaster(state, &h, ctx.account_id).await?;
        let sender = h.token_user().await?.ok_or_else(|| {
            AppError::Platform("Twitch did not say whose token lumio holds".into())
        })?;
        let (message_id, sent, drop_reason) = h
            .send_chat_message(&b, &sender.id, message, reply_to.as_deref())
            .await?;
        return Ok(SendResult {
            platform: platform.to_string(),
            delivery: if sent { "sent" } else { "dropped" }.into(),
            message_id,
            drop_reason,
            channel: None,
        });
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
