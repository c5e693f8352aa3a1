//! Profile logic, shared by REST and GraphQL.

use chrono::{DateTime, Utc};

use super::enrich::{EnrichCx, Lookup, UserKey};
use super::model::*;
use crate::auth::AccountCtx;
use crate::bus::keys::{self, UserFlag};
use crate::bus::Ttl;
use crate::chat::model::ChatFilterInput;
use crate::chatter::model::{PlatformUserRef, PlatformUserRow};
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// How many of the chatter's latest messages a profile shows.
pub const RECENT_MESSAGES: i64 = 10;

/// The seed 002 flags a profile shows, when set.
const SHOWN_FLAGS: [UserFlag; 8] = [
    UserFlag::Admin,
    UserFlag::Bot,
    UserFlag::Mod,
    UserFlag::Invulnerable,
    UserFlag::Vulnerable,
    UserFlag::Subbed,
    UserFlag::HasChatted,
    UserFlag::HasChattedThisStream,
];

/// Ban or timeout: the bus's `timeout` key first (its TTL is the time left, none for a
/// permanent ban), the database's record when the bus has forgotten.
async fn ban_status(
    state: &AppState,
    ctx: &AccountCtx,
    user: &PlatformUserRef,
    row: Option<&PlatformUserRow>,
) -> AppResult<BanStatus> {
    let now = crate::store::now();
    let key = keys::user_flag(
        ctx.account_id,
        user.platform,
        &user.platform_user_id,
        UserFlag::Timeout,
    );
    let reason = row.and_then(|r| r.ban_reason.clone());
    let since = row.and_then(|r| r.banned_at);
    let ttl = state.bus.ttl(&key).await?;
    let (state_name, left) = match ttl {
        Ttl::Persistent => ("banned", None),
        Ttl::Expires(d) => ("timed_out", Some(d.as_secs() as i64)),
        Ttl::Missing => match row {
            Some(r) if r.banned_at.is_some() => match r.ban_expires_at {
                None => ("banned", None),
                Some(until) if until > now => ("timed_out", Some((until - now).num_seconds())),
                Some(_) => ("none", None),
            },
            _ => ("none", None),
        },
    };
    if state_name == "none" {
        return Ok(BanStatus {
            state: "none".into(),
            reason: None,
            since: None,
            expires_at: None,
            seconds_left: None,
        });
    }
    Ok(BanStatus {
        state: state_name.into(),
        reason,
        since,
        expires_at: left.map(|s| now + chrono::Duration::seconds(s)),
        seconds_left: left,
    })
}

fn follow_of(user: &PlatformUserRef, row: Option<&PlatformUserRow>, source: &str) -> FollowStatus {
    let checked = row.and_then(|r| r.follower_checked_at);
    FollowStatus {
        platform: user.platform.to_string(),
        platform_user_id: user.platform_user_id.clone(),
        following: checked.map(|_| row.and_then(|r| r.followed_at).is_some()),
        followed_at: row.and_then(|r| r.followed_at),
        checked_at: checked,
        source: source.into(),
    }
}

/// The unified profile of a chatter. 404 when lumio has never seen them and the platform
/// does not know them either.
pub async fn profile(
    state: &AppState,
    ctx: &AccountCtx,
    user: &PlatformUserRef,
) -> AppResult<PlatformUserProfile> {
    let platform = user.platform.as_str();
    let id = &user.platform_user_id;
    let row = state
        .db
        .chatter()
        .user_row(ctx.account_id, platform, id)
        .await?;
    // The look-up cache knows a chatter whose first messages are still in the buffer.
    let cached_name = state
        .bus
        .get(&keys::user_username(ctx.account_id, user.platform, id))
        .await?;
    let username = row.as_ref().map(|r| r.username.clone()).or(cached_name);
    let key = UserKey {
        id,
        username: username.as_deref(),
    };
    let enrichment = state
        .profiles
        .user(&cx(state, ctx), user.platform, &key)
        .await;
    let (status, enriched) = match &enrichment {
        Lookup::Fresh(Some(e)) | Lookup::Cached(Some(e)) => (enrichment.status(), Some(e.clone())),
        Lookup::Fresh(None) | Lookup::Cached(None) => ("not_found", None),
        other => (other.status(), None),
    };
    let enriched_at = match &enrichment {
        Lookup::Fresh(Some(e)) => {
            let now = crate::store::now();
            if row.is_some() {
                if let Ok(json) = serde_json::to_value(e) {
                    state
                        .db
                        .chatter()
                        .set_enrichment(ctx.account_id, platform, id, &json, now)
                        .await?;
                }
            }
            Some(now)
        }
        _ => None,
    };
    if let Lookup::Unavailable(why) = &enrichment {
        tracing::warn!(platform, user = %id, "profile enrichment unavailable: {why}");
    }

    let recent = crate::chat::service::history(
        state,
        ctx,
        &ChatFilterInput {
            platform: Some(platform.to_string()),
            user: Some(id.clone()),
            include_deleted: Some(true),
            limit: Some(RECENT_MESSAGES),
            ..ChatFilterInput::default()
        },
    )
    .await?
    .messages
    .into_iter()
    // `user` matches ids or usernames; a profile is about this id only.
    .filter(|m| m.user_id == *id)
    .collect::<Vec<_>>();

    if row.is_none() && username.is_none() && enriched.is_none() && recent.is_empty() {
        return Err(AppError::NotFound(format!(
            "no chatter {id} on {platform} in this account"
        )));
    }

    let mut flags = Vec::new();
    if let Some(r) = &row {
        for (on, name) in [(r.is_mod, "mod"), (r.is_vip, "vip"), (r.is_sub, "sub")] {
            if on {
                flags.push(name.to_string());
            }
        }
    }
    let mut sub_tier = row.as_ref().and_then(|r| r.sub_tier.clone());
    for f in SHOWN_FLAGS {
        let k = keys::user_flag(ctx.account_id, user.platform, id, f);
        if let Some(v) = state.bus.get(&k).await? {
            if f == UserFlag::Subbed && sub_tier.is_none() {
                sub_tier = Some(v);
            }
            if !flags.iter().any(|x| x == f.as_str()) {
                flags.push(f.as_str().to_string());
            }
        }
    }
    let treatment = state
        .bus
        .get(&keys::user_treatment(ctx.account_id, user.platform, id))
        .await?
        .or_else(|| row.as_ref().map(|r| r.treatment.clone()))
        .unwrap_or_else(|| "none".into());
    let newest = recent.first();
    Ok(PlatformUserProfile {
        platform: platform.to_string(),
        platform_user_id: id.clone(),
        username: username.clone(),
        display_name: row
            .as_ref()
            .and_then(|r| r.display_name.clone())
            .or_else(|| newest.and_then(|m| m.display_name.clone()))
            .or_else(|| enriched.as_ref().and_then(|e| e.display_name.clone())),
        color: row
            .as_ref()
            .and_then(|r| r.color.clone())
            .or_else(|| newest.and_then(|m| m.color.clone())),
        first_seen_at: row
            .as_ref()
            .and_then(|r| r.first_seen_at)
            .or_else(|| recent.last().map(|m| m.created_at)),
        last_seen_at: newest
            .map(|m| m.created_at)
            .max(row.as_ref().and_then(|r| r.last_seen_at)),
        message_count: row
            .as_ref()
            .map_or(0, |r| r.message_count)
            .max(recent.len() as i64),
        ban: ban_status(state, ctx, user, row.as_ref()).await?,
        treatment,
        follower: follow_of(
            user,
            row.as_ref(),
            if row
                .as_ref()
                .is_some_and(|r| r.follower_checked_at.is_some())
            {
                "cached"
            } else {
                "unknown"
            },
        ),
        note_count: state
            .db
            .notes()
            .count_of_user(ctx.account_id, platform, id)
            .await?,
        recent_messages: recent,
        flags,
        sub_tier,
        enrichment_status: status.to_string(),
        enrichment: enriched,
        enriched_at,
    })
}

fn cx<'a>(state: &'a AppState, ctx: &AccountCtx) -> EnrichCx<'a> {
    EnrichCx {
        state,
        account: ctx.account_id,
    }
}

/// How long a follow answer is trusted before the platform is asked again.
const FOLLOW_CACHE: chrono::Duration = chrono::Duration::minutes(10);

/// Whether the chatter follows the account's channel: the platform's answer when it is
/// older than 10 minutes and the platform can be asked, the last known one otherwise.
pub async fn follow_status(
    state: &AppState,
    ctx: &AccountCtx,
    user: &PlatformUserRef,
) -> AppResult<FollowStatus> {
    let platform = user.platform.as_str();
    let id = &user.platform_user_id;
    let row = state
        .db
        .chatter()
        .user_row(ctx.account_id, platform, id)
        .await?;
    let now = crate::store::now();
    if let Some(checked) = row.as_ref().and_then(|r| r.follower_checked_at) {
        if now - checked < FOLLOW_CACHE {
            return Ok(follow_of(user, row.as_ref(), "cached"));
        }
    }
    if user.platform != Platform::Twitch {
        return Ok(follow_of(user, row.as_ref(), "not_supported"));
    }
    let username = match &row {
        Some(r) => Some(r.username.clone()),
        None => {
            state
                .bus
                .get(&keys::user_username(ctx.account_id, user.platform, id))
                .await?
        }
    };
    let key = UserKey {
        id,
        username: username.as_deref(),
    };
    let answer = state
        .profiles
        .followed_at(&cx(state, ctx), user.platform, &key)
        .await;
    match answer {
        // The account's credential lacks the scope: say which, and how to grant it.
        Lookup::Refused(why) => Err(AppError::Forbidden(why)),
        Lookup::Fresh(followed_at) => {
            state
                .db
                .chatter()
                .set_follow(
                    ctx.account_id,
                    platform,
                    id,
                    username.as_deref().unwrap_or(id),
                    followed_at,
                    now,
                )
                .await?;
            Ok(fresh_follow(user, followed_at, now))
        }
        Lookup::Cached(followed_at) => Ok(fresh_follow(user, followed_at, now)),
        other => Ok(follow_of(user, row.as_ref(), other.status())),
    }
}

fn fresh_follow(
    user: &PlatformUserRef,
    followed_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> FollowStatus {
    FollowStatus {
        platform: user.platform.to_string(),
        platform_user_id: user.platform_user_id.clone(),
        following: Some(followed_at.is_some()),
        followed_at,
        checked_at: Some(now),
        source: "platform".into(),
    }
}
