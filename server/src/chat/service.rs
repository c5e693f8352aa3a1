//! Chat business logic, shared by REST and GraphQL.

use std::time::Duration;

use uuid::Uuid;

use super::buffer;
use super::model::*;
use crate::app::AppState;
use crate::auth::AccountCtx;
use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;

/// The longest message accepted, in characters.
pub const MAX_MESSAGE_CHARS: usize = 2000;
/// How long a platform message id is remembered for de-duplication on the bus (the
/// database's unique index guards beyond that).
pub const DEDUP_WINDOW: Duration = Duration::from_secs(24 * 3600);
pub const DEFAULT_PAGE: i64 = 50;
pub const MAX_PAGE: i64 = 500;

fn field(name: &str, value: &str, max: usize) -> AppResult<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(AppError::Validation(format!("{name} must not be empty")));
    }
    if v.chars().count() > max {
        return Err(AppError::Validation(format!(
            "{name} is longer than {max} characters"
        )));
    }
    if v.chars().any(char::is_control) {
        return Err(AppError::Validation(format!(
            "{name} must not contain control characters"
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

/// Check a reported message and turn it into a stored one.
pub fn validate(account: Uuid, input: &ChatMessageInput) -> AppResult<ChatMessage> {
    let platform: Platform = input
        .platform
        .parse()
        .map_err(|e: AppError| AppError::Validation(e.to_string()))?;
    let message = input.message.trim_end_matches(['\r', '\n']);
    if message.trim().is_empty() {
        return Err(AppError::Validation("message must not be empty".into()));
    }
    let len = message.chars().count();
    if len > MAX_MESSAGE_CHARS {
        return Err(AppError::Validation(format!(
            "message is {len} characters long; the limit is {MAX_MESSAGE_CHARS}"
        )));
    }
    if input.emotes.len() > 500 {
        return Err(AppError::Validation("at most 500 emotes".into()));
    }
    for e in &input.emotes {
        if e.start < 0 || e.end < e.start || e.end as usize >= len {
            return Err(AppError::Validation(format!(
                "emote '{}' at {}-{} is outside the message",
                e.name, e.start, e.end
            )));
        }
    }
    if input.badges.len() > 50 {
        return Err(AppError::Validation("at most 50 badges".into()));
    }
    if let Some(c) = &input.color {
        let ok =
            c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|ch| ch.is_ascii_hexdigit());
        if !ok && !c.is_empty() {
            return Err(AppError::Validation(format!(
                "color '{c}' is not like #1E90FF"
            )));
        }
    }
    Ok(ChatMessage {
        id: Uuid::now_v7(),
        account_id: account,
        platform: platform.to_string(),
        channel_name: field("channel_name", &input.channel_name, 100)?,
        user_id: field("user_id", &input.user_id, 255)?,
        username: field("username", &input.username, 100)?,
        display_name: optional("display_name", &input.display_name, 100)?,
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
        reply_to_user_id: optional("reply_to_user_id", &input.reply_to_user_id, 255)?,
        reply_to_username: optional("reply_to_username", &input.reply_to_username, 100)?,
        reply_to_message: input
            .reply_to_message
            .as_ref()
            .map(|m| m.chars().take(MAX_MESSAGE_CHARS).collect()),
        created_at: crate::store::now(),
        deleted_at: None,
        deleted_by: None,
        is_first_message: false,
        is_first_in_stream: false,
        treatment: None,
    })
}

/// Publish a live event of the account (WebSocket clients and `chatEvents` subscribers of
/// every instance receive it).
pub async fn emit(state: &AppState, account: Uuid, event: &ChatEvent) -> AppResult<()> {
    let json = serde_json::to_string(event).map_err(AppError::internal)?;
    state
        .bus
        .publish(&keys::chat_events(account), &json)
        .await?;
    Ok(())
}

/// Ingest a message: validate, drop a duplicate, buffer and publish.
pub async fn ingest(
    state: &AppState,
    ctx: &AccountCtx,
    input: &ChatMessageInput,
) -> AppResult<IngestResult> {
    let msg = validate(ctx.account_id, input)?;
    if let Some(pmid) = &msg.platform_message_id {
        let key = keys::chat_seen(ctx.account_id, &msg.platform, pmid);
        let fresh = state
            .bus
            .set_nx(&key, &msg.id.to_string(), Some(DEDUP_WINDOW))
            .await?;
        if !fresh {
            let id = state
                .bus
                .get(&key)
                .await?
                .and_then(|v| Uuid::try_parse(&v).ok())
                .unwrap_or(msg.id);
            return Ok(IngestResult {
                id,
                duplicate: true,
                message: None,
            });
        }
    }
    let mut msg = msg;
    crate::chatter::service::on_message(state, &mut msg).await?;
    buffer::push(state, &msg).await?;
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
            AppError::BadRequest(format!("invalid cursor '{c}': pass a next_cursor as given"))
        })?),
    };
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

/// A page of history, newest first, buffered messages included.
pub async fn history(
    state: &AppState,
    ctx: &AccountCtx,
    input: &ChatFilterInput,
) -> AppResult<ChatPage> {
    let (filter, limit, before) = parse_filter(input)?;
    // The bus first, the database second: a message that moves from the buffer to a
    // claim to the database meanwhile is then seen at least once (and deduplicated).
    let mut all: Vec<ChatMessage> = buffer::buffered(state, ctx.account_id)
        .await?
        .all()
        .filter(|m| before.is_none_or(|b| m.id < b) && matches(&filter, m))
        .collect();
    let stored = state
        .db
        .messages_page(ctx.account_id, &filter, before, limit + 1)
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
    let stored = state.db.messages_count(ctx.account_id, &filter).await?;
    let buffered = buffer::buffered(state, ctx.account_id).await?;
    let mut pending = buffered
        .waiting
        .iter()
        .filter(|m| matches(&filter, m))
        .count() as i64;
    for m in buffered.claimed.iter().filter(|m| matches(&filter, m)) {
        // A claimed batch may have been committed a moment ago: count it once.
        if !state.db.message_exists(m.id).await? {
            pending += 1;
        }
    }
    Ok(MessageCount {
        count: stored + pending,
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
    let mut all: Vec<ChatMessage> = buffer::buffered(state, account)
        .await?
        .all()
        .filter(|m| m.id > after)
        .collect();
    all.extend(state.db.messages_after(account, after, limit).await?);
    all.sort_by_key(|m| m.id);
    all.dedup_by(|a, b| a.id == b.id);
    all.truncate(limit as usize);
    Ok(all)
}
