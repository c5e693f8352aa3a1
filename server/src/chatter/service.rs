//! Chatter state logic, shared by ingest, moderation, REST and GraphQL.

use std::time::Duration;

use uuid::Uuid;

use super::model::*;
use crate::auth::AccountCtx;
use crate::bus::keys::{self, UserFlag};
use crate::bus::{BusOp, BusReply};
use crate::error::{AppError, AppResult};
use crate::events::{encode_cursor, ChatEvent, ChatMessage};
use crate::platforms::Platform;
use crate::state::AppState;

/// How long the user look-up cache of seed 002 keeps a username ↔ id pair.
pub const USER_CACHE_TTL: Duration = Duration::from_secs(30 * 60);
/// How long a first-time chatter's first message stays deletable by a ban (seed 002).
pub const WELCOME_TTL: Duration = Duration::from_secs(10 * 60);
/// Flags read off a chatter's badges (`mod`, `subbed`) live as long as the user cache: a
/// chatter who loses the badge loses the flag at the latest 30 minutes later.
pub const BADGE_FLAG_TTL: Duration = USER_CACHE_TTL;

/// How long `haschatted` is kept. The database remembers every chatter for good
/// (`platform_users`), so the flag only spares a database read per message: kept as long as
/// the user cache, it costs one read per returning chatter per half hour, and the bus holds
/// it only for chatters active lately.
pub const HAS_CHATTED_TTL: Duration = USER_CACHE_TTL;
/// How long `haschattedthisstream` (and the channel's index of those chatters) is kept when
/// no going-live clears it: longer than a stream, so that the bus never holds every chatter
/// ever seen when a channel's live state is not reported.
pub const THIS_STREAM_TTL: Duration = Duration::from_secs(24 * 3600);

/// How often this instance rewrites an unchanged look-up cache entry or badge flag of a
/// chatter who keeps talking (their TTL on the bus is 30 minutes).
pub const REFRESH_EVERY: Duration = Duration::from_secs(60);
/// Most entries [`RecentWrites`] remembers.
const RECENT_WRITES_MAX: usize = 100_000;

/// The look-up cache entries and badge flags this instance wrote lately, so that every
/// message of a chatter does not rewrite the same values: an entry is written again once
/// [`REFRESH_EVERY`] has passed, or at once when its value changed. One per bus (per
/// [`AppState`]); another instance deleting an entry meanwhile sees it back within a minute.
pub struct RecentWrites {
    written: moka::sync::Cache<String, String>,
}

impl Default for RecentWrites {
    fn default() -> Self {
        RecentWrites {
            written: moka::sync::Cache::builder()
                .max_capacity(RECENT_WRITES_MAX as u64)
                .time_to_live(REFRESH_EVERY)
                .build(),
        }
    }
}

impl RecentWrites {
    /// Whether `key` = `value` is due to be written; if so it counts as written from now.
    pub fn due(&self, key: &str, value: &str) -> bool {
        if self.written.get(key).is_some_and(|v| v == value) {
            return false;
        }
        self.written.insert(key.to_string(), value.to_string());
        true
    }

    /// Forget entries whose write failed, so that the next message writes them.
    pub fn forget(&self, keys: &[String]) {
        for k in keys {
            self.written.invalidate(k);
        }
    }
}

/// Longest command or item name in `disabledcommands`.
const MAX_COMMAND_CHARS: usize = 50;
/// Most names one settings change may disable or enable.
const MAX_COMMANDS_PER_CHANGE: usize = 200;

fn flag(msg: &ChatMessage, f: UserFlag) -> String {
    keys::user_flag(msg.account_id, &msg.platform, &msg.user_id, f)
}

/// Read and update the chatter state for a message about to be buffered: mark the first
/// message ever and the first of this stream, note the chatter's treatment, and refresh the
/// look-up cache and the badge flags ([`after_buffered`] keeps a first message as the
/// welcome message once it is buffered). The independent bus calls run concurrently.
pub async fn on_message(state: &AppState, msg: &mut ChatMessage) -> AppResult<()> {
    let bus = &state.bus;
    let (account, platform, user) = (msg.account_id, msg.platform.as_str(), &msg.user_id);
    // One round trip: the answers first, then the refreshes that are due.
    let mut ops = vec![
        BusOp::SetNx {
            key: flag(msg, UserFlag::HasChatted),
            value: "1".into(),
            ttl: Some(HAS_CHATTED_TTL),
        },
        BusOp::SetNx {
            key: flag(msg, UserFlag::HasChattedThisStream),
            value: "1".into(),
            ttl: Some(THIS_STREAM_TTL),
        },
        BusOp::Get {
            key: keys::user_treatment(account, platform, user),
        },
    ];
    let mut refreshed = Vec::new();
    let mut refresh = |key: String, value: &str, ttl: Duration| {
        if state.chatter_writes.due(&key, value) {
            refreshed.push(key.clone());
            ops.push(BusOp::Set {
                key,
                value: value.to_string(),
                ttl: Some(ttl),
            });
        }
    };
    refresh(
        keys::user_lookup(account, platform, &msg.username.to_lowercase()),
        user,
        USER_CACHE_TTL,
    );
    refresh(
        keys::user_username(account, platform, user),
        &msg.username,
        USER_CACHE_TTL,
    );
    if let Some(display) = &msg.display_name {
        refresh(
            keys::user_display_name(account, platform, user),
            display,
            USER_CACHE_TTL,
        );
    }
    if msg.is_sub {
        let tier = msg
            .sub_tier
            .as_deref()
            .and_then(|t| t.chars().find(|c| ('1'..='3').contains(c)))
            .unwrap_or('1')
            .to_string();
        refresh(flag(msg, UserFlag::Subbed), &tier, BADGE_FLAG_TTL);
    }
    if msg.is_mod {
        // Always written: a timeout removes it (re-mod), and mods are few.
        ops.push(BusOp::Set {
            key: flag(msg, UserFlag::Mod),
            value: "1".into(),
            ttl: Some(BADGE_FLAG_TTL),
        });
    }
    let replies = match bus.batch(ops).await {
        Ok(r) => r,
        Err(e) => {
            state.chatter_writes.forget(&refreshed);
            return Err(e.into());
        }
    };
    let mut replies = replies.into_iter();
    let mut next = || replies.next().unwrap_or(BusReply::Done);
    let chatted = next().flag();
    let this_stream = next().flag();
    let treatment = next().into_value();
    // The bus forgets (a flushed Redis, a restarted in-process bus); the database does not:
    // a chatter it already knows is not a first-time chatter.
    msg.is_first_message = chatted
        && state
            .db
            .chatter()
            .user_brief(msg.account_id, &msg.platform, &msg.user_id)
            .await?
            .is_none();
    if this_stream {
        // Who spoke this stream, so going live can clear their marks: only those whose
        // mark was just set need adding.
        let index = keys::chatted_this_stream(account, platform);
        bus.batch(vec![
            BusOp::SetAdd {
                key: index.clone(),
                member: user.clone(),
            },
            BusOp::Expire {
                key: index,
                ttl: THIS_STREAM_TTL,
            },
        ])
        .await?;
    }
    msg.is_first_in_stream = this_stream;
    msg.treatment = treatment.filter(|t| t != "none");
    Ok(())
}

/// After a first-time chatter's message was buffered: keep it 10 minutes as the welcome
/// message a ban removes (seed 002).
pub async fn after_buffered(state: &AppState, msg: &ChatMessage) -> AppResult<()> {
    if msg.is_first_message {
        state
            .bus
            .set(
                &flag(msg, UserFlag::WelcomeMessageId),
                &msg.id.to_string(),
                Some(WELCOME_TTL),
            )
            .await?;
    }
    Ok(())
}

/// Report that a channel went live or offline. Going live starts a new stream: every
/// chatter's `haschattedthisstream` is cleared, so their next message is flagged again.
pub async fn set_stream_live(
    state: &AppState,
    ctx: &AccountCtx,
    platform: Platform,
    live: bool,
) -> AppResult<StreamStateResult> {
    let key = keys::stream_is_live(ctx.account_id, platform);
    let changed = if live {
        // The value is when the stream went live, for `{uptime}`.
        state
            .bus
            .set_nx(&key, &crate::store::now().to_rfc3339(), None)
            .await?
    } else {
        state.bus.del(&key).await?
    };
    let mut reset = 0;
    if live && changed {
        let set = keys::chatted_this_stream(ctx.account_id, platform);
        for user in state.bus.set_members(&set).await? {
            let k = keys::user_flag(
                ctx.account_id,
                platform,
                &user,
                UserFlag::HasChattedThisStream,
            );
            if state.bus.del(&k).await? {
                reset += 1;
            }
            state.bus.set_remove(&set, &user).await?;
        }
    }
    if changed {
        crate::events::emit(
            state,
            ctx.account_id,
            &ChatEvent::StreamStatus {
                cursor: encode_cursor(Uuid::now_v7()),
                platform: platform.to_string(),
                live,
                reported_by: ctx.user_name.clone(),
            },
        )
        .await?;
    }
    Ok(StreamStateResult {
        platform: platform.to_string(),
        live,
        changed,
        chatters_reset: reset,
        at: crate::store::now(),
    })
}

/// Whether each platform's channel is live, and the status of the account's bot there.
pub async fn stream_states(state: &AppState, ctx: &AccountCtx) -> AppResult<Vec<StreamState>> {
    let connections = state.db.chatter().bot_connections(ctx.account_id).await?;
    let mut out = Vec::new();
    for p in Platform::ALL {
        // Enabled connections come first: one is enough for the bot to be active.
        let first = connections.iter().find(|(cp, _, _)| *cp == p.to_string());
        out.push(StreamState {
            platform: p.to_string(),
            live: state
                .bus
                .exists(&keys::stream_is_live(ctx.account_id, p))
                .await?,
            channel_name: first.map(|(_, name, _)| name.clone()),
            bot: match first {
                None => "no_connection",
                Some((_, _, true)) => "active",
                Some((_, _, false)) => "paused",
            }
            .into(),
        });
    }
    Ok(out)
}

/// Every account and platform with an enabled bot (for announcements to all bots).
pub async fn bot_channels(state: &AppState) -> AppResult<Vec<(Uuid, Platform)>> {
    Ok(state
        .db
        .chatter()
        .all_bot_channels()
        .await?
        .into_iter()
        .filter_map(|(a, p)| Some((a, p.parse().ok()?)))
        .collect())
}

/// The account's channel name on a platform (an enabled connection first), or "".
pub async fn channel_name(
    state: &AppState,
    account: Uuid,
    platform: Platform,
) -> AppResult<String> {
    Ok(state
        .db
        .chatter()
        .bot_connections(account)
        .await?
        .into_iter()
        .find(|(p, _, _)| p == platform.as_str())
        .map(|(_, name, _)| name)
        .unwrap_or_default())
}

/// A command or item name as `disabledcommands` keeps it: trimmed, without a leading `!`,
/// lower case.
pub fn command_name(raw: &str) -> AppResult<String> {
    let name = raw.trim().trim_start_matches('!').to_lowercase();
    if name.is_empty() {
        return Err(AppError::Validation(format!(
            "'{}' is not a command name",
            crate::validate::quote(raw)
        )));
    }
    if name.chars().count() > MAX_COMMAND_CHARS {
        return Err(AppError::Validation(format!(
            "command name '{}' is longer than {MAX_COMMAND_CHARS} characters",
            crate::validate::quote(raw)
        )));
    }
    if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(AppError::Validation(format!(
            "command name '{}' must not contain spaces or control characters",
            crate::validate::quote(raw)
        )));
    }
    Ok(name)
}

/// Whether the command engine must ignore a command or item.
pub async fn is_command_disabled(state: &AppState, account: Uuid, name: &str) -> AppResult<bool> {
    let name = command_name(name)?;
    Ok(state
        .bus
        .set_contains(&keys::disabled_commands(account), &name)
        .await?)
}

pub async fn settings(state: &AppState, ctx: &AccountCtx) -> AppResult<ChatterSettings> {
    let mut disabled = state
        .bus
        .set_members(&keys::disabled_commands(ctx.account_id))
        .await?;
    disabled.sort();
    Ok(ChatterSettings {
        timeout_stacking: state
            .bus
            .exists(&keys::timeout_stacking(ctx.account_id))
            .await?,
        disabled_commands: disabled,
    })
}

/// Change the settings. Every name is checked before anything is written, so a bad name
/// changes nothing.
pub async fn update_settings(
    state: &AppState,
    ctx: &AccountCtx,
    input: &ChatterSettingsInput,
) -> AppResult<ChatterSettings> {
    for (field, list) in [
        ("disable_commands", &input.disable_commands),
        ("enable_commands", &input.enable_commands),
    ] {
        if list.len() > MAX_COMMANDS_PER_CHANGE {
            return Err(AppError::BadRequest(format!(
                "{field} lists {} names; at most {MAX_COMMANDS_PER_CHANGE} in one change",
                list.len()
            )));
        }
    }
    let disable = input
        .disable_commands
        .iter()
        .map(|n| command_name(n))
        .collect::<AppResult<Vec<_>>>()?;
    let enable = input
        .enable_commands
        .iter()
        .map(|n| command_name(n))
        .collect::<AppResult<Vec<_>>>()?;
    if let Some(both) = disable.iter().find(|n| enable.contains(n)) {
        return Err(AppError::Validation(format!(
            "'{both}' is both disabled and enabled in one change"
        )));
    }
    let set = keys::disabled_commands(ctx.account_id);
    for n in &disable {
        state.bus.set_add(&set, n).await?;
    }
    for n in &enable {
        state.bus.set_remove(&set, n).await?;
    }
    match input.timeout_stacking {
        Some(true) => {
            state
                .bus
                .set(&keys::timeout_stacking(ctx.account_id), "1", None)
                .await?
        }
        Some(false) => {
            state
                .bus
                .del(&keys::timeout_stacking(ctx.account_id))
                .await?;
        }
        None => {}
    }
    settings(state, ctx).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_names() {
        assert_eq!(command_name(" !Dice ").unwrap(), "dice");
        assert!(command_name("!").is_err());
        assert!(command_name("two words").is_err());
        assert!(command_name(&"x".repeat(51)).is_err());
    }

    #[test]
    fn an_unchanged_value_is_written_once_a_changed_one_at_once() {
        let r = RecentWrites::default();
        assert!(r.due("k", "alice"), "first time");
        assert!(!r.due("k", "alice"), "unchanged, just written");
        assert!(r.due("k", "Alice"), "changed");
        assert!(!r.due("k", "Alice"));
        assert!(r.due("other", "Alice"), "another key");
        r.forget(&["k".to_string()]);
        assert!(r.due("k", "Alice"), "a failed write is retried");
    }
}
