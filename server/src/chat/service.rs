//! Chat business logic, shared by REST and GraphQL.

use uuid::Uuid;

use super::buffer;
use super::model::*;
use crate::auth::AccountCtx;
use crate::bus::{keys, PushOutcome};
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;
use crate::validate::MAX_USERNAME_CHARS;

/// The longest message accepted, in characters.
pub const MAX_MESSAGE_CHARS: usize = 2000;
pub const DEFAULT_PAGE: i64 = 50;
pub const MAX_PAGE: i64 = 500;

/// The most badges a message may carry, and the longest badge.
pub const MAX_BADGES: usize = 50;
pub const MAX_BADGE_CHARS: usize = 100;
/// The most emotes a message may carry; the longest emote id or name, and provider.
pub const MAX_EMOTES: usize = 500;
pub const MAX_EMOTE_CHARS: usize = 100;
pub const MAX_PROVIDER_CHARS: usize = 20;
/// The largest message as a whole: every text field together, in bytes (UTF-8).
pub const MAX_MESSAGE_BYTES: usize = 32 * 1024;

/// A required single-line field: trimmed, 1–`max` characters (422), no control characters
/// (400).
fn field(name: &str, value: &str, max: usize) -> AppResult<String> {
    let v = value.trim();
    crate::validate::no_control(name, v)?;
    if v.is_empty() {
        return Err(AppError::Validation(format!("{name} must not be empty")));
    }
    if v.chars().nth(max).is_some() {
        return Err(AppError::Validation(format!(
            "{name} is longer than {max} characters"
        )));
    }
    Ok(v.to_string())
}

fn optional(name: &str, value: &Option<String>, max: usize) -> AppResult<Option<String>> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => field(name, v, max).map(Some),
    }
}

/// Check a reported message and turn it into a stored one. Every text field is checked
/// (control characters, length), each badge and emote, and the message as a whole, so that
/// nothing the database would refuse reaches the buffer.
pub fn validate(account: Uuid, input: &ChatMessageInput) -> AppResult<ChatMessage> {
    let platform: Platform = input
        .platform
        .parse()
        .map_err(|e: AppError| AppError::Validation(e.to_string()))?;
    let message = input.message.trim_end_matches(['\r', '\n']);
    crate::validate::no_control_multiline("message", message)?;
    if message.trim().is_empty() {
        return Err(AppError::Validation("message must not be empty".into()));
    }
    let len = message.chars().count();
    if len > MAX_MESSAGE_CHARS {
        return Err(AppError::Validation(format!(
            "message is {len} characters long; the limit is {MAX_MESSAGE_CHARS}"
        )));
    }
    if input.emotes.len() > MAX_EMOTES {
        return Err(AppError::Validation(format!("at most {MAX_EMOTES} emotes")));
    }
    for (i, e) in input.emotes.iter().enumerate() {
        crate::validate::bounded(&format!("emotes[{i}].id"), &e.id, MAX_EMOTE_CHARS)?;
        crate::validate::bounded(&format!("emotes[{i}].name"), &e.name, MAX_EMOTE_CHARS)?;
        if let Some(p) = &e.provider {
            crate::validate::bounded(&format!("emotes[{i}].provider"), p, MAX_PROVIDER_CHARS)?;
        }
        if e.start < 0 || e.end < e.start || e.end as usize >= len {
            return Err(AppError::Validation(format!(
                "emotes[{i}] '{}' at {}-{} is outside the message",
                crate::validate::quote(&e.name),
                e.start,
                e.end
            )));
        }
    }
    if input.badges.len() > MAX_BADGES {
        return Err(AppError::Validation(format!("at most {MAX_BADGES} badges")));
    }
    for (i, b) in input.badges.iter().enumerate() {
        crate::validate::bounded(&format!("badges[{i}]"), b, MAX_BADGE_CHARS)?;
    }
    if let Some(c) = &input.color {
        crate::validate::bounded("color", c, 7)?;
        let ok =
            c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit());
        if !ok && !c.is_empty() {
            return Err(AppError::Validation(format!(
                "color '{c}' is not like #1E90FF"
            )));
        }
    }
    let user_id = input.user_id.trim();
    platform.check_user_id("user_id", user_id)?;
    let reply_to_user_id = match input.reply_to_user_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(id) => {
            platform.check_user_id("reply_to_user_id", id)?;
            Some(id.to_string())
        }
    };
    let reply_to_message = match &input.reply_to_message {
        None => None,
        Some(m) => {
            crate::validate::no_control_multiline("reply_to_message", m)?;
            Some(m.chars().take(MAX_MESSAGE_CHARS).collect::<String>())
        }
    };
    let msg = ChatMessage {
        id: Uuid::now_v7(),
        account_id: account,
        platform: platform.to_string(),
        channel_name: field("channel_name", &input.channel_name, 100)?,
        user_id: user_id.to_string(),
        username: field("username", &input.username, MAX_USERNAME_CHARS)?,
        display_name: optional("display_name", &input.display_name, MAX_USERNAME_CHARS)?,
        message: message.to_string(),
        emotes: input.emotes.clone(),
        badges: input.badges.clone(),
        color: input.color.clone().filter(|c| !c.is_empty()),
        is_mod: input.is_mod,
        is_sub: input.is_sub,
        is_vip: input.is_vip,
        sub_tier: optional("sub_tier", &input.sub_tier, 20)?,
        platform_message_id: optional("platform_message_id", &input.platform_message_id, 255)?,
        reply_to_message_id: optional("reply_to_message_id", &input.reply_to_message_id, 255)?,
        reply_to_user_id,
        reply_to_username: optional(
            "reply_to_username",
            &input.reply_to_username,
            MAX_USERNAME_CHARS,
        )?,
        reply_to_message,
        created_at: crate::store::now(),
        deleted_at: None,
        deleted_by: None,
        is_first_message: false,
        is_first_in_stream: false,
        treatment: None,
    };
    let size = message_bytes(&msg);
    if size > MAX_MESSAGE_BYTES {
        return Err(AppError::BadRequest(format!(
            "the message as a whole (text, badges, emotes, reply and the other fields \
             together) is {size} bytes; the limit is {MAX_MESSAGE_BYTES}"
        )));
    }
    Ok(msg)
}

/// The bytes of a message's text fields together (what its stored row is made of).
fn message_bytes(m: &ChatMessage) -> usize {
    let opt = |s: &Option<String>| s.as_deref().map_or(0, str::len);
    m.channel_name.len()
        + m.user_id.len()
        + m.username.len()
        + opt(&m.display_name)
        + m.message.len()
        + m.emotes
            .iter()
            .map(|e| e.id.len() + e.name.len() + opt(&e.provider) + 16)
            .sum::<usize>()
        + m.badges.iter().map(|b| b.len() + 3).sum::<usize>()
        + opt(&m.color)
        + opt(&m.sub_tier)
        + opt(&m.platform_message_id)
        + opt(&m.reply_to_message_id)
        + opt(&m.reply_to_user_id)
        + opt(&m.reply_to_username)
        + opt(&m.reply_to_message)
}

/// Ingest a message: validate, drop a duplicate, buffer and publish.
pub async fn ingest(
    state: &AppState,
    ctx: &AccountCtx,
    input: &ChatMessageInput,
) -> AppResult<IngestResult> {
    let mut msg = validate(ctx.account_id, input)?;
    let duplicate = |msg: &ChatMessage, seen: Option<String>| IngestResult {
        id: seen
            .and_then(|v| Uuid::try_parse(&v).ok())
            .unwrap_or(msg.id),
        duplicate: true,
        message: None,
    };
    let seen = msg
        .platform_message_id
        .as_ref()
        .map(|pmid| keys::chat_seen(ctx.account_id, &msg.platform, pmid));
    // The chatter state of a duplicate was already updated by its first copy; doing it again
    // changes nothing (its first-message mark was taken by the first copy).
    crate::chatter::service::on_message(state, &mut msg).await?;
    // The id is given now, just before the push: the buffer is then in id order but for
    // pushes that overtake each other between these two lines (see buffer::ORDER_SLACK).
    msg.id = Uuid::now_v7();
    match seen {
        // The de-duplication key and the buffer push are one atomic step: a "duplicate"
        // answer always points at a message that was buffered. The key lives for the dedup
        // window (`LUMIO_DEDUP_WINDOW`, 10 minutes: platforms redeliver within that); a copy
        // arriving later is answered as new here (knowing would cost a database read per
        // message) and refused by the database's unique index when flushed, where it is
        // counted as a duplicate, never stored twice.
        Some(key) => {
            if let PushOutcome::Seen(first) =
                buffer::push_once(state, &msg, (key, state.config.chat.dedup_window)).await?
            {
                return Ok(duplicate(&msg, first));
            }
        }
        None => buffer::push(state, &msg).await?,
    }
    crate::chatter::service::after_buffered(state, &msg).await?;
    crate::commands::service::on_message(state, &msg).await;
    Ok(IngestResult {
        id: msg.id,
        duplicate: false,
        message: Some(msg),
    })
}

/// Validate a filter; returns it with the page size and the decoded cursor.
pub fn parse_filter(input: &ChatFilterInput) -> AppResult<(ChatFilter, i64, Option<Uuid>)> {
    let mut platforms = Vec::new();
    if let Some(list) = &input.platform {
        crate::validate::bounded("platform", list, 100)?;
        for p in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let p: Platform = p.parse()?;
            platforms.push(p.to_string());
        }
    }
    let limit = input.limit.unwrap_or(DEFAULT_PAGE);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(AppError::BadRequest(format!(
            "limit must be between 1 and {MAX_PAGE}"
        )));
    }
    let cursor = match input.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => None,
        Some(c) => Some(decode_cursor(c).ok_or_else(|| {
            AppError::BadRequest(format!(
                "invalid cursor '{}': pass a next_cursor as given",
                crate::validate::quote(c)
            ))
        })?),
    };
    if let Some(u) = &input.user {
        crate::validate::bounded("user", u, MAX_USERNAME_CHARS)?;
    }
    if let Some(c) = &input.contains {
        crate::validate::bounded("contains", c, crate::validate::MAX_SEARCH_CHARS)?;
    }
    if let (Some(f), Some(t)) = (input.from, input.to) {
        if f >= t {
            return Err(AppError::BadRequest("from must be before to".into()));
        }
    }
    let filter = ChatFilter {
        platforms,
        user: input
            .user
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
            .map(String::from),
        contains: input
            .contains
            .as_deref()
            .filter(|c| !c.is_empty())
            .map(String::from),
        from: input.from,
        to: input.to,
        include_deleted: input.include_deleted.unwrap_or(false),
    };
    Ok((filter, limit, cursor))
}

/// Whether a (buffered) message passes a filter, as the database query would decide.
pub fn matches(f: &ChatFilter, m: &ChatMessage) -> bool {
    (f.platforms.is_empty() || f.platforms.contains(&m.platform))
        && f.user
            .as_ref()
            .is_none_or(|u| m.user_id == *u || m.username.to_lowercase() == u.to_lowercase())
        && f.contains
            .as_ref()
            .is_none_or(|c| m.message.to_lowercase().contains(&c.to_lowercase()))
        && f.from.is_none_or(|t| m.created_at >= t)
        && f.to.is_none_or(|t| m.created_at < t)
        && (f.include_deleted || m.deleted_at.is_none())
}

/// A page of history, newest first, buffered messages included. Only the tail of the
/// buffer a page needs is read ([`buffer::page`]).
pub async fn history(
    state: &AppState,
    ctx: &AccountCtx,
    input: &ChatFilterInput,
) -> AppResult<ChatPage> {
    let (filter, limit, before) = parse_filter(input)?;
    // The bus first, the database second: a message that moves from the buffer to a
    // claim to the database meanwhile is then seen at least once (and deduplicated).
    let need = limit as usize + 1;
    let mut all = buffer::page(state, ctx.account_id, &filter, before, need).await?;
    // When the buffer alone fills the page, stored messages older than its last one cannot
    // be on it: the database is asked only for newer ones (usually none).
    let floor = (all.len() >= need).then(|| all[need - 1].id);
    let stored = state
        .db
        .chat()
        .messages_page(ctx.account_id, &filter, before, floor, limit + 1)
        .await?;
    all.extend(stored);
    all.sort_by_key(|m| std::cmp::Reverse(m.id));
    all.dedup_by(|a, b| a.id == b.id);
    let more = all.len() as i64 > limit;
    all.truncate(limit as usize);
    let next_cursor = if more {
        all.last().map(ChatMessage::cursor)
    } else {
        None
    };
    Ok(ChatPage {
        messages: all,
        next_cursor,
    })
}

/// How many messages match (all of the account's without a filter), buffered included.
pub async fn count(
    state: &AppState,
    ctx: &AccountCtx,
    input: &ChatFilterInput,
) -> AppResult<MessageCount> {
    let (filter, _, _) = parse_filter(input)?;
    Ok(MessageCount {
        count: buffer::count_all(state, ctx.account_id, &filter).await?,
    })
}

/// Where the replay of a live client resuming after `since` starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeFrom {
    /// Everything after `since` is replayed.
    Since,
    /// More was missed than is replayed (`LUMIO_RESUME_MAX_EVENTS`), or `since` is older
    /// than `LUMIO_RESUME_MAX_AGE`: the client is told `lagged` with this cursor to resume
    /// from, and fetches what lies between its own cursor and this one from history
    /// (`/v1/chat/history?cursor=…` pages back from here).
    Lagged(Uuid),
}

/// A cursor (a UUIDv7 with no random part) that sorts before every message id given at
/// `at` or later, and after every one given earlier.
pub fn cursor_at(at: chrono::DateTime<chrono::Utc>) -> Uuid {
    let ms = u64::try_from(at.timestamp_millis()).unwrap_or(0) & 0xFFFF_FFFF_FFFF;
    let mut b = [0u8; 16];
    b[..6].copy_from_slice(&ms.to_be_bytes()[2..]);
    b[6] = 0x70; // version 7
    b[8] = 0x80; // RFC 4122 variant
    Uuid::from_bytes(b)
}

/// The time a message id (or cursor) was given, from its UUIDv7 timestamp.
fn id_time(id: Uuid) -> Option<chrono::DateTime<chrono::Utc>> {
    let (secs, nanos) = id.get_timestamp()?.to_unix();
    chrono::DateTime::from_timestamp(i64::try_from(secs).ok()?, nanos)
}

/// Decide where a resume replay starts: after `since` when what was missed is within the
/// limits ([`crate::config::ChatLimits`]: at most `resume_max_events` messages, `since` at
/// most `resume_max_age` old); otherwise [`ResumeFrom::Lagged`] with a cursor halfway into
/// the limits (the newest half of `resume_max_events` messages, at most half of
/// `resume_max_age` old), so that a client reconnecting from it at once is replayed and not
/// told again, however fast chat goes meanwhile.
pub async fn resume_from(state: &AppState, account: Uuid, since: Uuid) -> AppResult<ResumeFrom> {
    let limits = state.config.chat;
    let now = crate::store::now();
    let age = |d: std::time::Duration| {
        chrono::Duration::from_std(d).unwrap_or_else(|_| chrono::Duration::days(30))
    };
    let too_old = id_time(since).is_some_and(|t| t < now - age(limits.resume_max_age));
    let floor = if too_old {
        cursor_at(now - age(limits.resume_max_age / 2))
    } else {
        since
    };
    // The newest missed messages, buffered and stored, one more than may be replayed.
    let need = limits.resume_max_events + 1;
    let all = ChatFilter {
        include_deleted: true,
        ..ChatFilter::default()
    };
    let mut ids: Vec<Uuid> = buffer::page(state, account, &all, None, need)
        .await?
        .into_iter()
        .map(|m| m.id)
        .filter(|id| *id > floor)
        .collect();
    ids.extend(
        state
            .db
            .chat()
            .message_ids_newest_after(account, floor, need as i64)
            .await?,
    );
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids.dedup();
    if ids.len() > limits.resume_max_events {
        let keep = (limits.resume_max_events / 2).max(1);
        // Just below the oldest of the newest `keep`, and not a message's id itself: the
        // replay (ids above it) and history (`cursor=` it: ids below it) then cover every
        // message between them.
        return Ok(ResumeFrom::Lagged(Uuid::from_u128(
            ids[keep - 1].as_u128().saturating_sub(1),
        )));
    }
    Ok(if too_old {
        ResumeFrom::Lagged(floor)
    } else {
        ResumeFrom::Since
    })
}

/// Messages after `after`, oldest first, buffered included: what a client that reconnects
/// with a cursor missed.
pub async fn since(
    state: &AppState,
    account: Uuid,
    after: Uuid,
    limit: i64,
) -> AppResult<Vec<ChatMessage>> {
    let mut all = buffer::after(state, account, after, limit as usize).await?;
    all.extend(
        state
            .db
            .chat()
            .messages_after(account, after, limit)
            .await?,
    );
    all.sort_by_key(|m| m.id);
    all.dedup_by(|a, b| a.id == b.id);
    all.truncate(limit as usize);
    Ok(all)
}
