//! `platform_users`: one row per chatter (account, platform, platform user id).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sqlx::QueryBuilder;
use uuid::Uuid;

use super::ChatterStore;
use crate::chatter::model::PlatformUserRow;
use crate::events::model::ChatMessage;
use crate::on_db;

impl ChatterStore<'_> {
    /// A chatter's row, as the user card shows it.
    pub async fn user_row(
        &self,
        account: Uuid,
        platform: &str,
        user: &str,
    ) -> sqlx::Result<Option<PlatformUserRow>> {
        on_db!(self.db, |pool| sqlx::query_as::<_, PlatformUserRow>(
            "SELECT username, display_name, color, is_mod, is_sub, is_vip, sub_tier, \
             first_seen_at, last_seen_at, message_count, treatment, banned_at, ban_expires_at, \
             ban_reason, followed_at, follower_checked_at FROM platform_users \
             WHERE account_id = $1 AND platform = $2 AND platform_user_id = $3"
        )
        .bind(account)
        .bind(platform)
        .bind(user)
        .fetch_optional(pool)
        .await)
    }

    /// The id and username of a chatter seen under this username (case-insensitive).
    pub async fn user_by_username(
        &self,
        account: Uuid,
        platform: &str,
        username: &str,
    ) -> sqlx::Result<Option<(String, String)>> {
        on_db!(self.db, |pool| sqlx::query_as(
            "SELECT platform_user_id, username FROM platform_users \
             WHERE account_id = $1 AND platform = $2 AND lower(username) = $3 \
             ORDER BY last_seen_at DESC LIMIT 1"
        )
        .bind(account)
        .bind(platform)
        .bind(username.to_lowercase())
        .fetch_optional(pool)
        .await)
    }

    /// The username and moderator flag of a chatter, when lumio has seen them.
    pub async fn user_brief(
        &self,
        account: Uuid,
        platform: &str,
        user: &str,
    ) -> sqlx::Result<Option<(String, bool)>> {
        on_db!(self.db, |pool| sqlx::query_as(
            "SELECT username, is_mod FROM platform_users \
             WHERE account_id = $1 AND platform = $2 AND platform_user_id = $3"
        )
        .bind(account)
        .bind(platform)
        .bind(user)
        .fetch_optional(pool)
        .await)
    }

    /// The ban recorded on a chatter's row: since when (none: not banned) and until when
    /// (none: permanent). None when lumio has no row for the chatter.
    pub async fn user_ban(
        &self,
        account: Uuid,
        platform: &str,
        user: &str,
    ) -> sqlx::Result<Option<(Option<DateTime<Utc>>, Option<DateTime<Utc>>)>> {
        on_db!(self.db, |pool| sqlx::query_as(
            "SELECT banned_at, ban_expires_at FROM platform_users \
             WHERE account_id = $1 AND platform = $2 AND platform_user_id = $3"
        )
        .bind(account)
        .bind(platform)
        .bind(user)
        .fetch_optional(pool)
        .await)
    }

    /// Remember what the platform said of the follow. A chatter whose messages are still in
    /// the buffer gets their row now (the flush fills in the rest).
    pub async fn set_follow(
        &self,
        account: Uuid,
        platform: &str,
        user: &str,
        username: &str,
        followed_at: Option<DateTime<Utc>>,
        checked_at: DateTime<Utc>,
    ) -> sqlx::Result<()> {
        on_db!(self.db, |pool| sqlx::query(
            "INSERT INTO platform_users (id, account_id, platform, platform_user_id, username, \
             followed_at, follower_checked_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7) \
             ON CONFLICT (account_id, platform, platform_user_id) DO UPDATE SET \
             followed_at = excluded.followed_at, \
             follower_checked_at = excluded.follower_checked_at"
        )
        .bind(Uuid::now_v7())
        .bind(account)
        .bind(platform)
        .bind(user)
        .bind(username)
        .bind(followed_at)
        .bind(checked_at)
        .execute(pool)
        .await
        .map(|_| ()))
    }

    /// Remember the enrichment on the chatter's row (the bus keeps the fresh copy).
    pub async fn set_enrichment(
        &self,
        account: Uuid,
        platform: &str,
        user: &str,
        enrichment: &serde_json::Value,
        at: DateTime<Utc>,
    ) -> sqlx::Result<()> {
        on_db!(self.db, |pool| sqlx::query(
            "UPDATE platform_users SET enrichment = $4, enriched_at = $5 \
             WHERE account_id = $1 AND platform = $2 AND platform_user_id = $3"
        )
        .bind(account)
        .bind(platform)
        .bind(user)
        .bind(sqlx::types::Json(enrichment))
        .bind(at)
        .execute(pool)
        .await
        .map(|_| ()))
    }
}

/// Set or lift a chatter's ban (binds: id, account, platform, user, username, banned at,
/// expires, reason, now); moderation runs it inside the transaction of its action.
pub(crate) const UPSERT_BAN: &str = "INSERT INTO platform_users (id, account_id, platform, \
    platform_user_id, username, banned_at, ban_expires_at, ban_reason, created_at, updated_at) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) \
    ON CONFLICT (account_id, platform, platform_user_id) DO UPDATE SET \
    banned_at = excluded.banned_at, ban_expires_at = excluded.ban_expires_at, \
    ban_reason = excluded.ban_reason, updated_at = excluded.updated_at";

/// Set a chatter's treatment (binds: id, account, platform, user, username, treatment,
/// now); moderation runs it inside the transaction of its action.
pub(crate) const UPSERT_TREATMENT: &str = "INSERT INTO platform_users (id, account_id, platform, \
    platform_user_id, username, treatment, created_at, updated_at) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
    ON CONFLICT (account_id, platform, platform_user_id) DO UPDATE SET \
    treatment = excluded.treatment, updated_at = excluded.updated_at";

/// Per-user aggregate of a batch, for the `platform_users` upsert.
struct Seen<'a> {
    last: &'a ChatMessage,
    first_at: DateTime<Utc>,
    count: i64,
}

/// The chatters of newly stored messages, in key order (so that concurrent flushes lock
/// `platform_users` rows in the same order): each with their latest message (the later one
/// of equal times), the time of their first, and how many.
fn chatters<'a>(new: impl Iterator<Item = &'a ChatMessage>) -> Vec<Seen<'a>> {
    let mut users: BTreeMap<(Uuid, &str, &str), Seen> = BTreeMap::new();
    for m in new {
        let e = users
            .entry((m.account_id, m.platform.as_str(), m.user_id.as_str()))
            .or_insert(Seen {
                last: m,
                first_at: m.created_at,
                count: 0,
            });
        e.count += 1;
        if m.created_at >= e.last.created_at {
            e.last = m;
        }
        if m.created_at < e.first_at {
            e.first_at = m.created_at;
        }
    }
    users.into_values().collect()
}

/// How `platform_users` takes the users of newly stored messages (the same on both databases).
const USERS_UPSERT: &str = "ON CONFLICT (account_id, platform, platform_user_id) DO UPDATE SET \
     username = excluded.username, display_name = excluded.display_name, \
     color = excluded.color, is_mod = excluded.is_mod, is_sub = excluded.is_sub, \
     is_vip = excluded.is_vip, sub_tier = excluded.sub_tier, \
     first_seen_at = COALESCE(platform_users.first_seen_at, excluded.first_seen_at), \
     last_seen_at = excluded.last_seen_at, \
     message_count = platform_users.message_count + excluded.message_count, \
     updated_at = excluded.updated_at";

/// Upsert the chatters of a batch's newly stored messages on SQLite, inside the flush's
/// transaction (multi-row INSERTs, 16 values a row).
pub(crate) async fn sqlite_upsert_seen<'m>(
    conn: &mut sqlx::SqliteConnection,
    new: impl Iterator<Item = &'m ChatMessage>,
) -> sqlx::Result<()> {
    let users = chatters(new);
    let now = crate::store::now();
    // 16 values a row.
    for chunk in users.chunks(2000) {
        let mut qb = QueryBuilder::new(
            "INSERT INTO platform_users (id, account_id, platform, platform_user_id, \
             username, display_name, color, is_mod, is_sub, is_vip, sub_tier, \
             first_seen_at, last_seen_at, message_count, created_at, updated_at) ",
        );
        qb.push_values(chunk, |mut b, s| {
            let m = s.last;
            b.push_bind(Uuid::now_v7())
                .push_bind(m.account_id)
                .push_bind(&m.platform)
                .push_bind(&m.user_id)
                .push_bind(&m.username)
                .push_bind(&m.display_name)
                .push_bind(&m.color)
                .push_bind(m.is_mod)
                .push_bind(m.is_sub)
                .push_bind(m.is_vip)
                .push_bind(&m.sub_tier)
                .push_bind(s.first_at)
                .push_bind(m.created_at)
                .push_bind(s.count)
                .push_bind(now)
                .push_bind(now);
        });
        qb.push(format!(" {USERS_UPSERT}"));
        qb.build().persistent(false).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Upsert the chatters of a batch's newly stored messages on PostgreSQL, inside the flush's
/// transaction: one statement over arrays.
pub(crate) async fn pg_upsert_seen<'m>(
    conn: &mut sqlx::PgConnection,
    new: impl Iterator<Item = &'m ChatMessage>,
) -> sqlx::Result<()> {
    let users = &chatters(new);
    if users.is_empty() {
        return Ok(());
    }
    let col = |f: fn(&Seen) -> Option<String>| users.iter().map(f).collect::<Vec<_>>();
    let sql = format!(
        "INSERT INTO platform_users (id, account_id, platform, platform_user_id, \
           username, display_name, color, is_mod, is_sub, is_vip, sub_tier, \
           first_seen_at, last_seen_at, message_count, created_at, updated_at) \
         SELECT gen_random_uuid(), u.*, $14, $14 FROM unnest($1::uuid[], $2::text[], \
           $3::text[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::bool[], \
           $9::bool[], $10::text[], $11::timestamptz[], $12::timestamptz[], $13::int8[]) \
           AS u {USERS_UPSERT}"
    );
    sqlx::query(&sql)
        .bind(users.iter().map(|u| u.last.account_id).collect::<Vec<_>>())
        .bind(col(|u| Some(u.last.platform.clone())))
        .bind(col(|u| Some(u.last.user_id.clone())))
        .bind(col(|u| Some(u.last.username.clone())))
        .bind(col(|u| u.last.display_name.clone()))
        .bind(col(|u| u.last.color.clone()))
        .bind(users.iter().map(|u| u.last.is_mod).collect::<Vec<_>>())
        .bind(users.iter().map(|u| u.last.is_sub).collect::<Vec<_>>())
        .bind(users.iter().map(|u| u.last.is_vip).collect::<Vec<_>>())
        .bind(col(|u| u.last.sub_tier.clone()))
        .bind(users.iter().map(|u| u.first_at).collect::<Vec<_>>())
        .bind(users.iter().map(|u| u.last.created_at).collect::<Vec<_>>())
        .bind(users.iter().map(|u| u.count).collect::<Vec<_>>())
        .bind(crate::store::now())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
