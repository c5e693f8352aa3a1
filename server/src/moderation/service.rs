//! Moderation business logic, shared by REST, GraphQL and (later) bot rules.
//!
//! An action is validated, its target resolved (a username to an id, a message to its
//! author), carried out on lumio's side (the chatter's row, the live chatter state on the
//! bus, the message's deletion), handed to the platform (published for the platform's bot
//! on `lumio:bot:action:{platform}:{account_id}` until the platform has a direct
//! connector), written to `moderation_log`, and announced as a live event.

use std::time::Duration;

use serde_json::json;
use uuid::Uuid;

use super::model::*;
use crate::app::AppState;
use crate::auth::AccountCtx;
use crate::bus::keys::{self, UserFlag};
use crate::bus::Ttl;
use crate::chat::buffer::{self, DeletionMark};
use crate::chat::model::{ChatEvent, ChatMessage, UserEvent};
use crate::chat::service::emit;
use crate::error::{AppError, AppResult};
use crate::notes::service::PlatformUserRef;
use crate::platforms::Platform;

/// Who asks for an action: staff through the API, or a bot rule of the command engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Staff,
    BotRule,
    /// A moderator on the platform itself, reported by its event stream: recorded with them
    /// as the moderator, and nothing is sent back to the platform.
    Platform,
}

/// The delayed action that gives a timed-out moderator their mod back.
pub const REMOD: &str = "remod";

/// A moderation target, resolved.
struct Target {
    platform: Platform,
    user_id: String,
    username: Option<String>,
    message: Option<ChatMessage>,
}

fn clean_reason(reason: &Option<String>) -> AppResult<Option<String>> {
    let Some(r) = reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    crate::validate::no_control_multiline("reason", r)?;
    let len = r.chars().count();
    if len > MAX_REASON_CHARS {
        return Err(AppError::Validation(format!(
            "reason is {len} characters long; the limit is {MAX_REASON_CHARS}"
        )));
    }
    Ok(Some(r.to_string()))
}

/// Check the duration against the action.
pub fn check_duration(action: ModAction, duration: Option<i64>) -> AppResult<Option<i64>> {
    match (action, duration) {
        (ModAction::Timeout, None) => Err(AppError::Validation(
            "a timeout needs duration_seconds (1 to 1209600)".into(),
        )),
        (ModAction::Timeout, Some(d)) if !(1..=MAX_TIMEOUT_SECS).contains(&d) => {
            Err(AppError::Validation(format!(
                "duration_seconds must be between 1 and {MAX_TIMEOUT_SECS} (two weeks); got {d}"
            )))
        }
        (ModAction::Timeout, d) => Ok(d),
        (_, Some(_)) => Err(AppError::Validation(format!(
            "duration_seconds applies to timeout only, not to {}",
            action.as_str()
        ))),
        (_, None) => Ok(None),
    }
}

/// Parse the action of an input (the transports check its permission before acting).
pub fn action_of(input: &ModerationInput) -> AppResult<ModAction> {
    input.action.parse()
}

async fn resolve(
    state: &AppState,
    ctx: &AccountCtx,
    action: ModAction,
    input: &ModerationInput,
) -> AppResult<Target> {
    let platform: Platform = input.platform.parse()?;
    // Bounded before it reaches a bus key, a query or a log line.
    if let Some(u) = &input.username {
        crate::validate::bounded("username", u, crate::validate::MAX_USERNAME_CHARS)?;
    }
    if action == ModAction::Delete {
        let id = input
            .message_id
            .ok_or_else(|| AppError::Validation("a delete needs message_id".into()))?;
        let msg = find_message(state, ctx.account_id, id)
            .await?
            .ok_or_else(|| AppError::NotFound(format!("no message {id}")))?;
        if msg.platform != platform.as_str() {
            return Err(AppError::Validation(format!(
                "message {id} is from {}, not {platform}",
                msg.platform
            )));
        }
        return Ok(Target {
            platform,
            user_id: msg.user_id.clone(),
            username: Some(msg.username.clone()),
            message: Some(msg),
        });
    }
    if input.message_id.is_some() {
        return Err(AppError::Validation(format!(
            "message_id applies to delete only, not to {}",
            action.as_str()
        )));
    }
    let id = input
        .platform_user_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    if let Some(id) = id {
        let user = PlatformUserRef::parse(platform.as_str(), id)?;
        let username = match input.username.as_deref().map(str::trim) {
            Some(u) if !u.is_empty() => Some(u.to_string()),
            _ => match state
                .bus
                .get(&keys::user_username(
                    ctx.account_id,
                    platform,
                    &user.platform_user_id,
                ))
                .await?
            {
                Some(name) => Some(name),
                None => state
                    .db
                    .platform_user_brief(ctx.account_id, platform.as_str(), &user.platform_user_id)
                    .await?
                    .map(|(name, _)| name),
            },
        };
        return Ok(Target {
            platform,
            user_id: user.platform_user_id,
            username,
            message: None,
        });
    }
    let name = input
        .username
        .as_deref()
        .map(|u| u.trim().trim_start_matches('@'))
        .filter(|u| !u.is_empty())
        .ok_or_else(|| AppError::Validation("give platform_user_id or username".into()))?;
    // The chatter cache of seed 002 first, then what lumio has stored.
    let cached = state
        .bus
        .get(&keys::user_lookup(
            ctx.account_id,
            platform,
            &name.to_lowercase(),
        ))
        .await?;
    let found = match cached {
        Some(id) => Some((id, name.to_string())),
        None => {
            state
                .db
                .platform_user_by_username(ctx.account_id, platform.as_str(), name)
                .await?
        }
    };
    let (user_id, username) = found.ok_or_else(|| {
        AppError::NotFound(format!(
            "no {platform} chatter named '{name}' has been seen; give platform_user_id"
        ))
    })?;
    Ok(Target {
        platform,
        user_id,
        username: Some(username),
        message: None,
    })
}

/// Whether a chatter is banned or timed out right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BanNow {
    None,
    Banned,
    TimedOut,
}

/// The bus's `timeout` key first (no TTL: banned; a TTL: timed out), the chatter's row when
/// the bus has forgotten.
async fn ban_now(
    state: &AppState,
    account: Uuid,
    t: &Target,
    timeout_key: &str,
) -> AppResult<BanNow> {
    match state.bus.ttl(timeout_key).await? {
        Ttl::Persistent => return Ok(BanNow::Banned),
        Ttl::Expires(_) => return Ok(BanNow::TimedOut),
        Ttl::Missing => {}
    }
    let now = crate::store::now();
    Ok(
        match state
            .db
            .user_ban(account, t.platform.as_str(), &t.user_id)
            .await?
        {
            Some((Some(_), None)) => BanNow::Banned,
            Some((Some(_), Some(until))) if until > now => BanNow::TimedOut,
            _ => BanNow::None,
        },
    )
}

/// A message of the account, buffered or stored (with its deletion state).
pub async fn find_message(
    state: &AppState,
    account: Uuid,
    id: Uuid,
) -> AppResult<Option<ChatMessage>> {
    if let Some(m) = buffer::find(state, account, id).await? {
        return Ok(Some(m));
    }
    Ok(state.db.message_by_id(account, id).await?)
}

async fn flag_exists(
    state: &AppState,
    account: Uuid,
    t: &Target,
    flag: UserFlag,
) -> AppResult<bool> {
    Ok(state
        .bus
        .exists(&keys::user_flag(account, t.platform, &t.user_id, flag))
        .await?)
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

/// Mark a message deleted everywhere it may be, and announce it.
async fn delete_message(state: &AppState, ctx: &AccountCtx, msg: &ChatMessage) -> AppResult<()> {
    let mark = DeletionMark {
        id: msg.id,
        by: ctx.user_name.clone(),
        at: crate::store::now(),
    };
    // The mark first, the database second: a flush that commits the message in between
    // applies the mark after its commit.
    buffer::mark_deleted(state, ctx.account_id, &mark).await?;
    state
        .db
        .mark_messages_deleted(ctx.account_id, &[(mark.id, mark.by.clone(), mark.at)])
        .await?;
    emit(
        state,
        ctx.account_id,
        &ChatEvent::MessageDeleted {
            cursor: crate::chat::model::encode_cursor(Uuid::now_v7()),
            message_id: msg.id,
            platform: msg.platform.clone(),
            user_id: msg.user_id.clone(),
            deleted_by: mark.by,
            deleted_at: mark.at,
        },
    )
    .await
}

/// Carry out a moderation action.
pub async fn moderate(
    state: &AppState,
    ctx: &AccountCtx,
    input: &ModerationInput,
    actor: Actor,
) -> AppResult<ModerationResult> {
    let action = action_of(input)?;
    let mut duration = check_duration(action, input.duration_seconds)?;
    let reason = clean_reason(&input.reason)?;
    let t = resolve(state, ctx, action, input).await?;
    let account = ctx.account_id;
    let now = crate::store::now();
    let mut warnings = Vec::new();
    let mut expires_at = None;
    let who = t.username.clone().unwrap_or_else(|| t.user_id.clone());
    let timeout_key = keys::user_flag(account, t.platform, &t.user_id, UserFlag::Timeout);
    let platform = t.platform.as_str();

    // A ban of a banned chatter, an unban of one who is neither banned nor timed out, and a
    // delete of a deleted message change nothing: answered with `changed: false` and a
    // warning, without a log entry, a bot action or a live event. (A timeout always
    // changes: it sets a new end.)
    let unchanged = match action {
        ModAction::Ban => (ban_now(state, account, &t, &timeout_key).await? == BanNow::Banned)
            .then(|| format!("{who} is already banned; nothing changed")),
        ModAction::Unban => (ban_now(state, account, &t, &timeout_key).await? == BanNow::None)
            .then(|| format!("{who} is not banned; nothing changed")),
        ModAction::Delete => t
            .message
            .as_ref()
            .is_some_and(|m| m.deleted_at.is_some())
            .then(|| "the message was already deleted; nothing changed".to_string()),
        ModAction::Timeout => None,
    };
    if let Some(warning) = unchanged {
        if action == ModAction::Ban {
            // The database knew of the ban and the bus had forgotten it: the live chatter
            // state is put back (the ban itself is not news).
            state.bus.set(&timeout_key, "ban", None).await?;
        }
        return Ok(ModerationResult {
            id: Uuid::nil(),
            action: action.as_str().to_string(),
            platform: platform.to_string(),
            platform_user_id: t.user_id,
            username: t.username,
            message_id: t.message.map(|m| m.id),
            duration_seconds: None,
            expires_at: None,
            changed: false,
            delivery: "none".into(),
            channel: String::new(),
            warnings: vec![warning],
        });
    }

    match action {
        ModAction::Ban => {
            state
                .db
                .set_user_ban(
                    account,
                    platform,
                    &t.user_id,
                    &who,
                    Some((now, None, reason.as_deref())),
                )
                .await?;
            // No TTL: a permanent ban (seed 002).
            state.bus.set(&timeout_key, "ban", None).await?;
            // A ban also removes the chatter's welcome message of the last 10 minutes.
            let welcome =
                keys::user_flag(account, t.platform, &t.user_id, UserFlag::WelcomeMessageId);
            if let Some(id) = state.bus.get(&welcome).await? {
                if let Some(msg) = match Uuid::try_parse(&id) {
                    Ok(id) => find_message(state, account, id).await?,
                    Err(_) => None,
                } {
                    delete_message(state, ctx, &msg).await?;
                    warnings.push(format!("{who}'s welcome message was deleted too"));
                }
                state.bus.del(&welcome).await?;
            }
        }
        ModAction::Unban => {
            state
                .db
                .set_user_ban(account, platform, &t.user_id, &who, None)
                .await?;
            state.bus.del(&timeout_key).await?;
            // A moderator waiting to be re-modded gets mod back now.
            let remod = keys::user_flag(account, t.platform, &t.user_id, UserFlag::Remod);
            if state.bus.del(&remod).await? {
                state
                    .db
                    .take_scheduled(account, platform, &t.user_id, REMOD)
                    .await?;
                remod_now(state, account, t.platform, &t.user_id).await?;
                warnings.push(format!("{who} was given mod back"));
            }
        }
        ModAction::Timeout => {
            let mut secs = duration.unwrap_or(1);
            if state.bus.exists(&keys::timeout_stacking(account)).await? {
                if let Ttl::Expires(left) = state.bus.ttl(&timeout_key).await? {
                    let stacked = secs + left.as_secs() as i64;
                    secs = stacked.min(MAX_TIMEOUT_SECS);
                    warnings.push(format!(
                        "timeout stacking is on: {}s left were added ({}s in all)",
                        left.as_secs(),
                        secs
                    ));
                }
            }
            if flag_exists(state, account, &t, UserFlag::Invulnerable).await? {
                if actor == Actor::BotRule {
                    return Err(AppError::Forbidden(format!(
                        "{who} is invulnerable: bot rules cannot time them out"
                    )));
                }
                warnings.push(format!(
                    "{who} is invulnerable; timed out anyway (staff action)"
                ));
            }
            if state.bus.get(&timeout_key).await?.as_deref() == Some("ban") {
                warnings.push(format!("{who} was banned; the ban is now a timeout"));
            }
            duration = Some(secs);
            let until = now + chrono::Duration::seconds(secs);
            expires_at = Some(until);
            state
                .bus
                .set(
                    &timeout_key,
                    "timeout",
                    Some(Duration::from_secs(secs as u64)),
                )
                .await?;
            state
                .db
                .set_user_ban(
                    account,
                    platform,
                    &t.user_id,
                    &who,
                    Some((now, Some(until), reason.as_deref())),
                )
                .await?;
            // Re-mod (seed 002): a platform moderator loses mod while timed out and gets it
            // back when the timeout ends, from a durable schedule, never a local timer.
            let is_mod = flag_exists(state, account, &t, UserFlag::Mod).await?
                || state
                    .db
                    .platform_user_brief(account, platform, &t.user_id)
                    .await?
                    .is_some_and(|(_, m)| m);
            let waiting = flag_exists(state, account, &t, UserFlag::Remod).await?;
            if is_mod || waiting {
                let remod = keys::user_flag(account, t.platform, &t.user_id, UserFlag::Remod);
                state
                    .bus
                    .set(&remod, "1", Some(Duration::from_secs(secs as u64 + 3600)))
                    .await?;
                state
                    .bus
                    .del(&keys::user_flag(
                        account,
                        t.platform,
                        &t.user_id,
                        UserFlag::Mod,
                    ))
                    .await?;
                state
                    .db
                    .schedule_action(account, platform, &t.user_id, REMOD, until)
                    .await?;
                if is_mod {
                    to_bot(
                        state,
                        ctx,
                        t.platform,
                        json!({"action": "unmod", "platform": platform,
                        "user_id": t.user_id, "username": t.username, "reason": "timed out"}),
                    )
                    .await?;
                }
                warnings.push(format!(
                    "{who} is a moderator: mod is removed until the timeout ends, then given back"
                ));
            }
        }
        ModAction::Delete => {
            let msg = t
                .message
                .as_ref()
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("delete without message")))?;
            delete_message(state, ctx, msg).await?;
        }
    }

    let log = ModerationLogEntry {
        id: Uuid::now_v7(),
        account_id: account,
        platform: platform.to_string(),
        platform_user_id: t.user_id.clone(),
        target_username: t.username.clone(),
        target_message_id: t.message.as_ref().map(|m| m.id.to_string()),
        action: action.as_str().to_string(),
        reason: reason.clone(),
        duration_seconds: duration,
        // A bot rule acts with the nil user: no lumio user to point at.
        moderator_id: Some(ctx.user_id).filter(|id| !id.is_nil()),
        moderator_name: ctx.user_name.clone(),
        created_at: now,
    };
    let channel = if actor == Actor::Platform {
        String::new()
    } else {
        to_bot(
        state,
        ctx,
        t.platform,
        json!({
            "id": log.id, "action": action.as_str(), "platform": platform,
            "user_id": t.user_id, "username": t.username,
            "message_id": t.message.as_ref().map(|m| m.id),
            "platform_message_id": t.message.as_ref().and_then(|m| m.platform_message_id.clone()),
            "channel_name": t.message.as_ref().map(|m| m.channel_name.clone()),
            "duration_seconds": duration, "reason": reason, "moderator": ctx.user_name,
        }),
    )
    .await?
    };
    state.db.insert_mod_log(&log).await?;

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
    };
    if let Some(e) = event {
        emit(state, account, &e).await?;
    }
    Ok(ModerationResult {
        id: log.id,
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

/// Give a moderator mod back on the platform.
pub async fn remod_now(
    state: &AppState,
    account: Uuid,
    platform: Platform,
    user_id: &str,
) -> AppResult<()> {
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

/// A page of a chatter's moderation log, or of the whole account's when `user` is `None`.
pub async fn log(
    state: &AppState,
    ctx: &AccountCtx,
    user: Option<&PlatformUserRef>,
    page: Option<i64>,
    limit: Option<i64>,
) -> AppResult<ModerationLogPage> {
    let page = page.unwrap_or(1);
    let limit = limit.unwrap_or(50);
    if page < 1 {
        return Err(AppError::Validation("page starts at 1".into()));
    }
    if !(1..=200).contains(&limit) {
        return Err(AppError::Validation(
            "limit must be between 1 and 200".into(),
        ));
    }
    let offset = log_offset(page, limit)?;
    let (entries, total) = match user {
        Some(user) => {
            state
                .db
                .mod_log_of_user(
                    ctx.account_id,
                    user.platform.as_str(),
                    &user.platform_user_id,
                    offset,
                    limit,
                )
                .await?
        }
        None => {
            state
                .db
                .mod_log_of_account(ctx.account_id, offset, limit)
                .await?
        }
    };
    Ok(ModerationLogPage {
        entries,
        page,
        limit,
        total,
    })
}

/// The most entries a log page may skip: far beyond any log, well inside what both
/// databases take as an OFFSET.
pub const MAX_LOG_OFFSET: i64 = 1_000_000_000;

/// Entries before a 1-based page; a page past [`MAX_LOG_OFFSET`] is a 400 naming `page`.
fn log_offset(page: i64, limit: i64) -> AppResult<i64> {
    (page - 1)
        .checked_mul(limit)
        .filter(|o| *o <= MAX_LOG_OFFSET)
        .ok_or_else(|| {
            AppError::BadRequest(format!(
                "page {page} is out of range: with limit {limit}, at most page {}",
                MAX_LOG_OFFSET / limit + 1
            ))
        })
}

/// Change a chatter's treatment; logged and announced.
pub async fn set_treatment(
    state: &AppState,
    ctx: &AccountCtx,
    user: &PlatformUserRef,
    treatment: &str,
) -> AppResult<TreatmentResult> {
    let treatment: Treatment = treatment.parse()?;
    let account = ctx.account_id;
    let platform = user.platform.as_str();
    // The look-up cache knows a chatter whose messages are still in the buffer.
    let username = match state
        .bus
        .get(&keys::user_username(
            account,
            user.platform,
            &user.platform_user_id,
        ))
        .await?
    {
        Some(name) => Some(name),
        None => state
            .db
            .platform_user_brief(account, platform, &user.platform_user_id)
            .await?
            .map(|(n, _)| n),
    };
    state
        .db
        .set_user_treatment(
            account,
            platform,
            &user.platform_user_id,
            username.as_deref().unwrap_or(&user.platform_user_id),
            treatment.as_str(),
        )
        .await?;
    // Kept on the bus too, so ingest can flag a restricted chatter's messages cheaply.
    let key = keys::user_treatment(account, user.platform, &user.platform_user_id);
    if treatment == Treatment::None {
        state.bus.del(&key).await?;
    } else {
        state.bus.set(&key, treatment.as_str(), None).await?;
    }
    let now = crate::store::now();
    state
        .db
        .insert_mod_log(&ModerationLogEntry {
            id: Uuid::now_v7(),
            account_id: account,
            platform: platform.to_string(),
            platform_user_id: user.platform_user_id.clone(),
            target_username: username.clone(),
            target_message_id: None,
            action: "treatment".into(),
            reason: Some(treatment.as_str().to_string()),
            duration_seconds: None,
            moderator_id: Some(ctx.user_id),
            moderator_name: ctx.user_name.clone(),
            created_at: now,
        })
        .await?;
    emit(
        state,
        account,
        &ChatEvent::TreatmentChanged {
            cursor: crate::chat::model::encode_cursor(Uuid::now_v7()),
            user: UserEvent {
                platform: platform.to_string(),
                user_id: user.platform_user_id.clone(),
                username,
                treatment: Some(treatment.as_str().to_string()),
                moderator: ctx.user_name.clone(),
                ..UserEvent::default()
            },
        },
    )
    .await?;
    Ok(TreatmentResult {
        platform: platform.to_string(),
        platform_user_id: user.platform_user_id.clone(),
        treatment: treatment.as_str().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_checked_per_action() {
        assert_eq!(
            check_duration(ModAction::Timeout, Some(600)).unwrap(),
            Some(600)
        );
        for bad in [0, -5, MAX_TIMEOUT_SECS + 1, i64::MAX] {
            assert!(matches!(
                check_duration(ModAction::Timeout, Some(bad)),
                Err(AppError::Validation(_))
            ));
        }
        assert!(check_duration(ModAction::Timeout, None).is_err());
        assert!(check_duration(ModAction::Ban, Some(60)).is_err());
        assert_eq!(check_duration(ModAction::Delete, None).unwrap(), None);
        assert!("nuke".parse::<ModAction>().is_err());
        assert_eq!("BAN".parse::<ModAction>().unwrap(), ModAction::Ban);
        assert!("evil".parse::<Treatment>().is_err());
        assert!(clean_reason(&Some("x".repeat(501))).is_err());
        assert!(matches!(
            clean_reason(&Some("a\0b".into())),
            Err(AppError::BadRequest(_))
        ));
        assert_eq!(log_offset(1, 50).unwrap(), 0);
        assert_eq!(log_offset(3, 50).unwrap(), 100);
        for (page, limit) in [(i64::MAX, 50), (i64::MAX, 1), (MAX_LOG_OFFSET + 2, 1)] {
            let e = log_offset(page, limit).unwrap_err();
            assert!(matches!(e, AppError::BadRequest(_)), "{page}");
            assert!(e.to_string().starts_with(&format!("page {page}")), "{e}");
        }
        assert_eq!(clean_reason(&Some("  ".into())).unwrap(), None);
    }
}
