//! Carrying out a moderation action, one function per action (ban, unban, timeout, delete,
//! warn).
//!
//! Each action reads what it needs (bus flags, the chatter's row), then writes the chatter's
//! state and its log entry in ONE transaction
//! ([`ModerationStore::record_action`](super::store::ModerationStore::record_action)), and
//! only after the commit touches the live chatter state on the bus, hands the action to the
//! platform's bot (`lumio:bot:action:{platform}:{account_id}`) and announces it as a live
//! event. A failed write therefore leaves no half action: no bot was told, nothing was
//! announced, and trying again starts from the same state.

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

use super::model::*;
use super::store::{ActionWrites, NewDelivery, RemodChange};
use super::target::{action_of, ban_now, check_duration, check_warn, clean_reason, find_message};
use super::target::{flag_exists, resolve, BanNow, Target};
use crate::auth::AccountCtx;
use crate::bus::keys::{self, UserFlag};
use crate::bus::Ttl;
use crate::chat::buffer::{self, DeletionMark};
use crate::chat::model::{ChatEvent, ChatMessage, UserEvent};
use crate::error::{AppError, AppResult};
use crate::events::emit;
use crate::platforms::Platform;
use crate::state::AppState;

/// Who asks for an action: staff through the API, or a bot rule of the command engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Staff,
    BotRule,
    /// A moderator on the platform itself, reported by its event stream: recorded with them
    /// as the moderator, and nothing is sent back to the platform.
    Platform,
}

/// One action under way: who acts, on whom, why, and the warnings gathered so far.
struct Act<'a> {
    state: &'a AppState,
    actor: Actor,
    ctx: &'a AccountCtx,
    t: Target,
    reason: Option<String>,
    now: DateTime<Utc>,
    /// The username, or the id when it is unknown (for rows and warnings).
    who: String,
    timeout_key: String,
    warnings: Vec<String>,
    /// Whether the platform is told through the outbox (a staff or bot-rule action on a
    /// channel connected with a credential).
    deliver: bool,
}

/// What an action did, for its log entry, its bot message, its event and its answer.
struct Done {
    action: ModAction,
    duration: Option<i64>,
    expires_at: Option<DateTime<Utc>>,
}

impl Act<'_> {
    fn account(&self) -> Uuid {
        self.ctx.account_id
    }

    fn platform(&self) -> &'static str {
        self.t.platform.as_str()
    }

    fn log_entry(&self, action: ModAction, duration: Option<i64>) -> ModerationLogEntry {
        ModerationLogEntry {
            id: Uuid::now_v7(),
            account_id: self.account(),
            platform: self.platform().to_string(),
            platform_user_id: self.t.user_id.clone(),
            target_username: self.t.username.clone(),
            target_message_id: self.t.message.as_ref().map(|m| m.id.to_string()),
            action: action.as_str().to_string(),
            reason: self.reason.clone(),
            duration_seconds: duration,
            // A bot rule acts with the nil user: no lumio user to point at.
            moderator_id: Some(self.ctx.user_id).filter(|id| !id.is_nil()),
            moderator_name: self.ctx.user_name.clone(),
            created_at: self.now,
            delivery_status: None,
            delivery_error: None,
        }
    }

    /// The outbox row of `action` for the platform, written with the log entry; none for an
    /// action taken on the platform itself (it already happened there).
    fn delivery(&self, action: &'static str, duration: Option<i64>) -> Option<NewDelivery> {
        if !self.deliver {
            return None;
        }
        let msg = self.t.message.as_ref();
        Some(NewDelivery {
            action,
            platform_user_id: self.t.user_id.clone(),
            platform_message_id: msg.and_then(|m| m.platform_message_id.clone()),
            payload: json!({
                "channel": msg.map(|m| m.channel_name.clone()),
                "username": self.t.username,
                "duration_seconds": duration,
                "reason": self.reason,
            }),
        })
    }

    /// After the commit: hand the action to the platform's bot and announce it.
    async fn announce(self, log_id: Uuid, done: Done) -> AppResult<ModerationResult> {
        let Act {
            state,
            actor,
            ctx,
            t,
            reason,
            warnings,
            ..
        } = self;
        let platform = t.platform.as_str();
        let Done {
            action,
            duration,
            expires_at,
        } = done;
        // An action taken on the platform itself is not sent back to it.
        let channel = if actor == Actor::Platform {
            String::new()
        } else {
            to_bot(
                state,
                ctx,
                t.platform,
                json!({
                    "id": log_id, "action": action.as_str(), "platform": platform,
                    "user_id": t.user_id, "username": t.username,
                    "message_id": t.message.as_ref().map(|m| m.id),
                    "platform_message_id": t.message.as_ref().and_then(|m| m.platform_message_id.clone()),
                    "channel_name": t.message.as_ref().map(|m| m.channel_name.clone()),
                    "duration_seconds": duration, "reason": reason, "moderator": ctx.user_name,
                }),
            )
            .await?
        };
        let user = UserEvent {
            platform: platform.to_string(),
            user_id: t.user_id.clone(),
            username: t.username.clone(),
            reason: reason.clone(),
            duration_seconds: duration,
            expires_at,
            moderator: ctx.user_name.clone(),
            ..UserEvent::default()
        };
        let cursor = crate::chat::model::encode_cursor(Uuid::now_v7());
        let event = match action {
            ModAction::Ban => Some(ChatEvent::UserBanned { cursor, user }),
            ModAction::Unban => Some(ChatEvent::UserUnbanned { cursor, user }),
            ModAction::Timeout => Some(ChatEvent::UserTimedOut { cursor, user }),
            ModAction::Delete => None, // message_deleted was sent with the deletion
            ModAction::Warn => None,   // no chatter state changes: the log entry says it
        };
        if let Some(e) = event {
            emit(state, ctx.account_id, &e).await?;
        }
        Ok(ModerationResult {
            id: log_id,
            action: action.as_str().to_string(),
            platform: platform.to_string(),
            platform_user_id: t.user_id,
            username: t.username,
            message_id: t.message.map(|m| m.id),
            duration_seconds: duration,
            expires_at,
            changed: true,
            delivery: if actor == Actor::Platform {
                "applied_on_platform"
            } else {
                "queued_for_bot"
            }
            .into(),
            channel,
            warnings,
        })
    }
}

/// Publish an action for the platform's bot.
async fn to_bot(
    state: &AppState,
    ctx: &AccountCtx,
    platform: Platform,
    body: serde_json::Value,
) -> AppResult<String> {
    let channel = keys::bot_action(platform, ctx.account_id);
    state.bus.publish(&channel, &body.to_string()).await?;
    Ok(channel)
}

/// Carry out a moderation action.
pub async fn moderate(
    state: &AppState,
    ctx: &AccountCtx,
    input: &ModerationInput,
    actor: Actor,
) -> AppResult<ModerationResult> {
    let action = action_of(input)?;
    let duration = check_duration(action, input.duration_seconds)?;
    let reason = clean_reason(&input.reason)?;
    if action == ModAction::Warn {
        check_warn(&input.platform, reason.as_deref())?;
    }
    let t = resolve(state, ctx, action, input).await?;
    let who = t.username.clone().unwrap_or_else(|| t.user_id.clone());
    let timeout_key = keys::user_flag(ctx.account_id, t.platform, &t.user_id, UserFlag::Timeout);
    let deliver = actor != Actor::Platform
        && super::delivery::delivers(state, ctx.account_id, t.platform).await?;
    let act = Act {
        state,
        actor,
        ctx,
        t,
        reason,
        now: crate::store::now(),
        who,
        timeout_key,
        warnings: Vec::new(),
        deliver,
    };
    if let Some(warning) = unchanged(&act, action).await? {
        if action == ModAction::Ban {
            // The database knew of the ban and the bus had forgotten it: the live chatter
            // state is put back (the ban itself is not news).
            state.bus.set(&act.timeout_key, "ban", None).await?;
        }
        return Ok(nothing_changed(act, action, warning));
    }
    match action {
        ModAction::Ban => ban(act).await,
        ModAction::Unban => unban(act).await,
        ModAction::Timeout => timeout(act, duration.unwrap_or(1), actor).await,
        ModAction::Delete => delete(act).await,
        ModAction::Warn => warn(act).await,
    }
}

/// A warning changes no chatter state: its log entry and its outbox row.
async fn warn(a: Act<'_>) -> AppResult<ModerationResult> {
    let log = a.log_entry(ModAction::Warn, None);
    let out: Vec<NewDelivery> = a.delivery("warn", None).into_iter().collect();
    a.state
        .db
        .moderation()
        .record_action(&ActionWrites {
            deliveries: &out,
            ..ActionWrites::log_only(&log, &a.who)
        })
        .await?;
    let done = Done {
        action: ModAction::Warn,
        duration: None,
        expires_at: None,
    };
    a.announce(log.id, done).await
}

/// A ban of a banned chatter, an unban of one who is neither banned nor timed out, and a
/// delete of a deleted message change nothing: answered with `changed: false` and a warning,
/// without a log entry, a bot action or a live event. (A timeout always changes: it sets a
/// new end.)
async fn unchanged(a: &Act<'_>, action: ModAction) -> AppResult<Option<String>> {
    let who = &a.who;
    Ok(match action {
        ModAction::Ban => (ban_now(a.state, a.account(), &a.t, &a.timeout_key).await?
            == BanNow::Banned)
            .then(|| format!("{who} is already banned; nothing changed")),
        ModAction::Unban => (ban_now(a.state, a.account(), &a.t, &a.timeout_key).await?
            == BanNow::None)
            .then(|| format!("{who} is not banned; nothing changed")),
        ModAction::Delete => {
            a.t.message
                .as_ref()
                .is_some_and(|m| m.deleted_at.is_some())
                .then(|| "the message was already deleted; nothing changed".to_string())
        }
        ModAction::Timeout | ModAction::Warn => None,
    })
}

fn nothing_changed(a: Act<'_>, action: ModAction, warning: String) -> ModerationResult {
    ModerationResult {
        id: Uuid::nil(),
        action: action.as_str().to_string(),
        platform: a.platform().to_string(),
        platform_user_id: a.t.user_id,
        username: a.t.username,
        message_id: a.t.message.map(|m| m.id),
        duration_seconds: None,
        expires_at: None,
        changed: false,
        delivery: "none".into(),
        channel: String::new(),
        warnings: vec![warning],
    }
}

async fn ban(mut a: Act<'_>) -> AppResult<ModerationResult> {
    let state = a.state;
    let account = a.account();
    let log = a.log_entry(ModAction::Ban, None);
    let out: Vec<NewDelivery> = a.delivery("ban", None).into_iter().collect();
    state
        .db
        .moderation()
        .record_action(&ActionWrites {
            ban: Some(Some((a.now, None, a.reason.as_deref()))),
            deliveries: &out,
            ..ActionWrites::log_only(&log, &a.who)
        })
        .await?;
    // No TTL: a permanent ban (seed 002).
    state.bus.set(&a.timeout_key, "ban", None).await?;
    // A ban also removes the chatter's welcome message of the last 10 minutes.
    let welcome = keys::user_flag(
        account,
        a.t.platform,
        &a.t.user_id,
        UserFlag::WelcomeMessageId,
    );
    if let Some(id) = state.bus.get(&welcome).await? {
        if let Some(msg) = match Uuid::try_parse(&id) {
            Ok(id) => find_message(state, account, id).await?,
            Err(_) => None,
        } {
            delete_message(state, a.ctx, &msg).await?;
            a.warnings
                .push(format!("{}'s welcome message was deleted too", a.who));
        }
        state.bus.del(&welcome).await?;
    }
    let done = Done {
        action: ModAction::Ban,
        duration: None,
        expires_at: None,
    };
    a.announce(log.id, done).await
}

async fn unban(mut a: Act<'_>) -> AppResult<ModerationResult> {
    let state = a.state;
    let account = a.account();
    let remod = keys::user_flag(account, a.t.platform, &a.t.user_id, UserFlag::Remod);
    // A moderator waiting to be re-modded gets mod back now.
    let waiting = state.bus.exists(&remod).await?;
    let log = a.log_entry(ModAction::Unban, None);
    let out: Vec<NewDelivery> = a.delivery("unban", None).into_iter().collect();
    state
        .db
        .moderation()
        .record_action(&ActionWrites {
            ban: Some(None),
            deliveries: &out,
            remod: if waiting {
                RemodChange::Cancel
            } else {
                RemodChange::Keep
            },
            ..ActionWrites::log_only(&log, &a.who)
        })
        .await?;
    state.bus.del(&a.timeout_key).await?;
    if waiting {
        remod_now(state, account, a.t.platform, &a.t.user_id).await?;
        a.warnings.push(format!("{} was given mod back", a.who));
    }
    let done = Done {
        action: ModAction::Unban,
        duration: None,
        expires_at: None,
    };
    a.announce(log.id, done).await
}

async fn timeout(mut a: Act<'_>, asked: i64, actor: Actor) -> AppResult<ModerationResult> {
    let state = a.state;
    let account = a.account();
    let platform = a.platform();
    let who = a.who.clone();
    let mut secs = asked;
    if state.bus.exists(&keys::timeout_stacking(account)).await? {
        if let Ttl::Expires(left) = state.bus.ttl(&a.timeout_key).await? {
            secs = (secs + left.as_secs() as i64).min(MAX_TIMEOUT_SECS);
            a.warnings.push(format!(
                "timeout stacking is on: {}s left were added ({}s in all)",
                left.as_secs(),
                secs
            ));
        }
    }
    if flag_exists(state, account, &a.t, UserFlag::Invulnerable).await? {
        if actor == Actor::BotRule {
            return Err(AppError::Forbidden(format!(
                "{who} is invulnerable: bot rules cannot time them out"
            )));
        }
        a.warnings.push(format!(
            "{who} is invulnerable; timed out anyway (staff action)"
        ));
    }
    if state.bus.get(&a.timeout_key).await?.as_deref() == Some("ban") {
        a.warnings
            .push(format!("{who} was banned; the ban is now a timeout"));
    }
    let until = a.now + chrono::Duration::seconds(secs);
    // Re-mod (seed 002): a platform moderator loses mod while timed out and gets it back when
    // the timeout ends, from a durable schedule, never a local timer.
    let is_mod = flag_exists(state, account, &a.t, UserFlag::Mod).await?
        || state
            .db
            .chatter()
            .user_brief(account, platform, &a.t.user_id)
            .await?
            .is_some_and(|(_, m)| m);
    let waiting = flag_exists(state, account, &a.t, UserFlag::Remod).await?;
    let log = a.log_entry(ModAction::Timeout, Some(secs));
    // A moderator loses mod first (Twitch refuses to time out a moderator), then the timeout.
    let mut out: Vec<NewDelivery> = Vec::new();
    if is_mod {
        out.extend(a.delivery("unmod", None).map(|mut d| {
            d.payload["reason"] = json!("timed out");
            d
        }));
    }
    out.extend(a.delivery("timeout", Some(secs)));
    state
        .db
        .moderation()
        .record_action(&ActionWrites {
            deliveries: &out,
            ban: Some(Some((a.now, Some(until), a.reason.as_deref()))),
            remod: if is_mod || waiting {
                RemodChange::Schedule(until)
            } else {
                RemodChange::Keep
            },
            ..ActionWrites::log_only(&log, &a.who)
        })
        .await?;
    let ttl = Duration::from_secs(secs as u64);
    state.bus.set(&a.timeout_key, "timeout", Some(ttl)).await?;
    if is_mod || waiting {
        let remod = keys::user_flag(account, a.t.platform, &a.t.user_id, UserFlag::Remod);
        let mod_flag = keys::user_flag(account, a.t.platform, &a.t.user_id, UserFlag::Mod);
        state
            .bus
            .set(&remod, "1", Some(ttl + Duration::from_secs(3600)))
            .await?;
        state.bus.del(&mod_flag).await?;
        if is_mod {
            to_bot(
                state,
                a.ctx,
                a.t.platform,
                json!({"action": "unmod", "platform": platform,
                "user_id": a.t.user_id, "username": a.t.username, "reason": "timed out"}),
            )
            .await?;
        }
        a.warnings.push(format!(
            "{who} is a moderator: mod is removed until the timeout ends, then given back"
        ));
    }
    let done = Done {
        action: ModAction::Timeout,
        duration: Some(secs),
        expires_at: Some(until),
    };
    a.announce(log.id, done).await
}

async fn delete(a: Act<'_>) -> AppResult<ModerationResult> {
    let state = a.state;
    let msg =
        a.t.message
            .clone()
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("delete without message")))?;
    let mark = deletion_mark(a.ctx, &msg);
    // The buffer's mark first (a flush that commits the message meanwhile applies it after
    // its commit), then the stored row and the log entry in one transaction.
    buffer::mark_deleted(state, a.account(), &mark).await?;
    let log = a.log_entry(ModAction::Delete, None);
    let out: Vec<NewDelivery> = a.delivery("delete", None).into_iter().collect();
    let written = state
        .db
        .moderation()
        .record_action(&ActionWrites {
            deleted: Some((mark.id, &mark.by, mark.at)),
            deliveries: &out,
            ..ActionWrites::log_only(&log, &a.who)
        })
        .await;
    if let Err(e) = written {
        // No half delete: the buffer's mark is taken back.
        buffer::unmark_deleted(state, a.account(), &mark).await?;
        return Err(e.into());
    }
    emit(state, a.account(), &deleted_event(&msg, mark)).await?;
    let done = Done {
        action: ModAction::Delete,
        duration: None,
        expires_at: None,
    };
    a.announce(log.id, done).await
}

fn deletion_mark(ctx: &AccountCtx, msg: &ChatMessage) -> DeletionMark {
    DeletionMark {
        id: msg.id,
        by: ctx.user_name.clone(),
        at: crate::store::now(),
    }
}

fn deleted_event(msg: &ChatMessage, mark: DeletionMark) -> ChatEvent {
    ChatEvent::MessageDeleted {
        cursor: crate::chat::model::encode_cursor(Uuid::now_v7()),
        message_id: msg.id,
        platform: msg.platform.clone(),
        user_id: msg.user_id.clone(),
        deleted_by: mark.by,
        deleted_at: mark.at,
    }
}

/// Mark a message deleted everywhere it may be, and announce it (a ban's welcome message:
/// no log entry of its own).
async fn delete_message(state: &AppState, ctx: &AccountCtx, msg: &ChatMessage) -> AppResult<()> {
    let mark = deletion_mark(ctx, msg);
    // The mark first, the database second: a flush that commits the message in between
    // applies the mark after its commit.
    buffer::mark_deleted(state, ctx.account_id, &mark).await?;
    state
        .db
        .chat()
        .mark_messages_deleted(ctx.account_id, &[(mark.id, mark.by.clone(), mark.at)])
        .await?;
    emit(state, ctx.account_id, &deleted_event(msg, mark)).await
}

/// Give a moderator mod back on the platform (an outbox row the delivery worker sends).
pub async fn remod_now(
    state: &AppState,
    account: Uuid,
    platform: Platform,
    user_id: &str,
) -> AppResult<()> {
    if super::delivery::delivers(state, account, platform).await? {
        state
            .db
            .moderation()
            .queue_delivery(
                account,
                platform.as_str(),
                &NewDelivery {
                    action: "mod",
                    platform_user_id: user_id.to_string(),
                    platform_message_id: None,
                    payload: json!({"reason": "timeout ended"}),
                },
            )
            .await?;
    }
    let channel = keys::bot_action(platform, account);
    state
        .bus
        .publish(
            &channel,
            &json!({"action": "mod", "platform": platform.as_str(), "user_id": user_id,
                "reason": "timeout ended"})
            .to_string(),
        )
        .await?;
    state
        .bus
        .del(&keys::user_flag(
            account,
            platform,
            user_id,
            UserFlag::Remod,
        ))
        .await?;
    state
        .bus
        .set(
            &keys::user_flag(account, platform, user_id, UserFlag::Mod),
            "1",
            None,
        )
        .await?;
    Ok(())
}
