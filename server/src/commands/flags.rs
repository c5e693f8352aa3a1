//! Seed 002's chatter flags that moderators set and clear (`invulnerable`, `vulnerable`,
//! `greedy`, `itemlock`), kept on the bus as `lumio:{account}:{platform}:user:{id}:{flag}`
//! with no expiry. The item commands read them: an `itemlock`ed chatter cannot use items,
//! only `vulnerable` chatters take the random timeouts of grenade / tnt / silverbullet, and
//! an `invulnerable` one takes none from a bot rule. `greedy` is kept and shown; lumio has
//! no lootboxes yet.

use super::model::{ChatterFlags, SETTABLE_FLAGS};
use crate::auth::AccountCtx;
use crate::bus::keys::{self, UserFlag};
use crate::chatter::model::PlatformUserRef;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

fn settable(flag: &str) -> AppResult<UserFlag> {
    let f = flag.trim().to_ascii_lowercase();
    if !SETTABLE_FLAGS.contains(&f.as_str()) {
        return Err(AppError::Validation(format!(
            "flag: '{flag}' cannot be set here (expected one of {})",
            SETTABLE_FLAGS.join(", ")
        )));
    }
    f.parse::<UserFlag>().map_err(AppError::Validation)
}

/// The settable flags a chatter has.
pub async fn flags_of(
    state: &AppState,
    ctx: &AccountCtx,
    user: &PlatformUserRef,
) -> AppResult<ChatterFlags> {
    let mut flags = Vec::new();
    for name in SETTABLE_FLAGS {
        let f = settable(name)?;
        let key = keys::user_flag(ctx.account_id, user.platform, &user.platform_user_id, f);
        if state.bus.exists(&key).await? {
            flags.push(name.to_string());
        }
    }
    Ok(ChatterFlags {
        platform: user.platform.to_string(),
        platform_user_id: user.platform_user_id.clone(),
        flags,
    })
}

/// Set or clear a flag.
pub async fn set_flag(
    state: &AppState,
    ctx: &AccountCtx,
    user: &PlatformUserRef,
    flag: &str,
    on: bool,
) -> AppResult<ChatterFlags> {
    let f = settable(flag)?;
    let key = keys::user_flag(ctx.account_id, user.platform, &user.platform_user_id, f);
    let pool = keys::vulnerable_users(ctx.account_id, user.platform);
    if on {
        state.bus.set(&key, "1", None).await?;
        if f == UserFlag::Vulnerable {
            state.bus.set_add(&pool, &user.platform_user_id).await?;
        }
    } else {
        state.bus.del(&key).await?;
        if f == UserFlag::Vulnerable {
            state.bus.set_remove(&pool, &user.platform_user_id).await?;
        }
    }
    flags_of(state, ctx, user).await
}

/// The longest welcome message, in characters.
pub const MAX_WELCOME_CHARS: usize = 500;

/// Set (or, with `None` or "", clear) a chatter's `welcomemessagetext`: sent for them on
/// their first message of each stream. It has no expiry (seed 002).
pub async fn set_welcome(
    state: &AppState,
    ctx: &AccountCtx,
    user: &PlatformUserRef,
    text: Option<&str>,
) -> AppResult<Option<String>> {
    let key = keys::user_flag(
        ctx.account_id,
        user.platform,
        &user.platform_user_id,
        UserFlag::WelcomeMessageText,
    );
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => {
            state.bus.del(&key).await?;
            Ok(None)
        }
        Some(t) => {
            if t.chars().count() > MAX_WELCOME_CHARS || t.chars().any(char::is_control) {
                return Err(AppError::Validation(format!(
                    "text: 1 to {MAX_WELCOME_CHARS} characters on one line"
                )));
            }
            state.bus.set(&key, t, None).await?;
            Ok(Some(t.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_four_flags_are_settable() {
        assert_eq!(settable("Vulnerable").unwrap(), UserFlag::Vulnerable);
        assert_eq!(settable("itemlock").unwrap(), UserFlag::ItemLock);
        for bad in ["mod", "timeout", "admin", "nope"] {
            let e = settable(bad).unwrap_err().to_string();
            assert!(e.starts_with("flag:"), "{e}");
        }
    }
}
