//! Queries of the chat pipeline (`platform_messages`, `chat_dead_letters`), for both
//! databases, behind `db.chat()`: [`messages`] (history, counts, deletions), [`dead_letters`]
//! (rows the database refused) and [`copy`] (the batch insert: `COPY` on PostgreSQL,
//! multi-row INSERTs on SQLite). The chatters of a stored batch go to `platform_users`
//! through the chatter's store, in the same transaction.

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::model::ChatFilter;
use crate::store::Db;

mod copy;
mod dead_letters;
mod messages;

pub use copy::pg_copy_csv;
pub(crate) use messages::MARK_DELETED;

pub const COLS: &str = "id, account_id, platform, channel_name, user_id, username, display_name, \
    message, emotes, badges, color, is_mod, is_sub, is_vip, sub_tier, platform_message_id, \
    reply_to_message_id, reply_to_user_id, reply_to_username, reply_to_message, created_at, \
    deleted_at, deleted_by, is_first_message, is_first_in_stream, treatment";

/// The store handle of chat: `db.chat()`.
pub struct ChatStore<'a> {
    db: &'a Db,
}

impl Db {
    pub fn chat(&self) -> ChatStore<'_> {
        ChatStore { db: self }
    }
}

/// `WHERE …` of a history query (ids below `before` when paging).
fn push_filter<'a, DB: sqlx::Database>(
    qb: &mut QueryBuilder<'a, DB>,
    account: Uuid,
    f: &'a ChatFilter,
    before: Option<Uuid>,
) where
    Uuid: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    String: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    DateTime<Utc>: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    qb.push(" WHERE account_id = ").push_bind(account);
    if let Some(b) = before {
        qb.push(" AND id < ").push_bind(b);
    }
    if !f.platforms.is_empty() {
        qb.push(" AND platform IN (");
        let mut sep = qb.separated(", ");
        for p in &f.platforms {
            sep.push_bind(p.clone());
        }
        qb.push(")");
    }
    if let Some(u) = &f.user {
        qb.push(" AND (user_id = ")
            .push_bind(u.clone())
            .push(" OR lower(username) = ")
            .push_bind(u.to_lowercase())
            .push(")");
    }
    if let Some(c) = &f.contains {
        let escaped = c
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        qb.push(" AND lower(message) LIKE ")
            .push_bind(format!("%{escaped}%"))
            .push(" ESCAPE '\\'");
    }
    if let Some(from) = f.from {
        qb.push(" AND created_at >= ").push_bind(from);
    }
    if let Some(to) = f.to {
        qb.push(" AND created_at < ").push_bind(to);
    }
    if !f.include_deleted {
        qb.push(" AND deleted_at IS NULL");
    }
}
