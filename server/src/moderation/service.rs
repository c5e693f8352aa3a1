//! Moderation business logic, shared by REST, GraphQL and bot rules.
//!
//! An action is validated and its target resolved ([`super::target`]), then carried out by
//! one function per action ([`super::actions`]): the chatter's state and the log entry are
//! written in one transaction, and only then is the live chatter state on the bus updated,
//! the action handed to the platform's bot (published on
//! `lumio:bot:action:{platform}:{account_id}`) and announced as a live event. This module
//! also holds the log pages and the treatment.

use uuid::Uuid;

use super::model::*;
use super::store::{ActionWrites, NewDelivery};
use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::chat::model::{ChatEvent, UserEvent};
use crate::chatter::model::PlatformUserRef;
use crate::error::{AppError, AppResult};
use crate::events::emit;
use crate::state::AppState;

pub use super::actions::{moderate, remod_now, Actor};
pub use super::store::REMOD;
#[cfg(test)]
use super::target::clean_reason;
pub use super::target::{action_of, check_duration, find_message};

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
                .moderation()
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
                .moderation()
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
            .chatter()
            .user_brief(account, platform, &user.platform_user_id)
            .await?
            .map(|(n, _)| n),
    };
    let now = crate::store::now();
    let log = ModerationLogEntry {
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
        delivery_status: None,
        delivery_error: None,
    };
    let delivers = super::delivery::delivers(state, account, user.platform).await?;
    let out = [NewDelivery {
        action: "treatment",
        platform_user_id: user.platform_user_id.clone(),
        platform_message_id: None,
        payload: serde_json::json!({ "treatment": treatment.as_str(), "username": username }),
    }];
    state
        .db
        .moderation()
        .record_action(&ActionWrites {
            treatment: Some(treatment.as_str()),
            deliveries: if delivers { &out[..] } else { &[] },
            ..ActionWrites::log_only(&log, username.as_deref().unwrap_or(&user.platform_user_id))
        })
        .await?;
    // Kept on the bus too, so ingest can flag a restricted chatter's messages cheaply.
    let key = keys::user_treatment(account, user.platform, &user.platform_user_id);
    if treatment == Treatment::None {
        state.bus.del(&key).await?;
    } else {
        state.bus.set(&key, treatment.as_str(), None).await?;
    }
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
