//! The first half of every moderation action: its input checked (reason, duration) and its
//! target resolved (a username to an id, a message to its author), plus the reads that decide
//! whether an action changes anything (is the chatter banned now, which flags they have).

use uuid::Uuid;

use super::model::*;
use crate::auth::AccountCtx;
use crate::bus::keys::{self, UserFlag};
use crate::bus::Ttl;
use crate::chat::buffer;
use crate::chat::model::ChatMessage;
use crate::chatter::model::PlatformUserRef;
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// A moderation target, resolved.
pub(super) struct Target {
    pub platform: Platform,
    pub user_id: String,
    pub username: Option<String>,
    pub message: Option<ChatMessage>,
}

pub(super) fn clean_reason(reason: &Option<String>) -> AppResult<Option<String>> {
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

/// A warning is Twitch's, and says why: the chatter reads the reason before chatting again.
pub(super) fn check_warn(platform: &str, reason: Option<&str>) -> AppResult<()> {
    if !platform
        .trim()
        .eq_ignore_ascii_case(Platform::Twitch.as_str())
    {
        return Err(AppError::Validation(format!(
            "warn is a Twitch action, not one of {}",
            crate::validate::quote(platform.trim())
        )));
    }
    if reason.is_none() {
        return Err(AppError::Validation(
            "a warn needs a reason (1 to 500 characters): the chatter sees it".into(),
        ));
    }
    Ok(())
}

/// Parse the action of an input (the transports check its permission before acting).
pub fn action_of(input: &ModerationInput) -> AppResult<ModAction> {
    input.action.parse()
}

pub(super) async fn resolve(
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
                    .chatter()
                    .user_brief(ctx.account_id, platform.as_str(), &user.platform_user_id)
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
                .chatter()
                .user_by_username(ctx.account_id, platform.as_str(), name)
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
pub(super) enum BanNow {
    None,
    Banned,
    TimedOut,
}

/// The bus's `timeout` key first (no TTL: banned; a TTL: timed out), the chatter's row when
/// the bus has forgotten.
pub(super) async fn ban_now(
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
            .chatter()
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
    Ok(state.db.chat().message_by_id(account, id).await?)
}

pub(super) async fn flag_exists(
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
