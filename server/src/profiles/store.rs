//! Queries of profiles, for both databases.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::PlatformUserRow;
use crate::on_db;
use crate::store::Db;

impl Db {
    pub async fn platform_user(
        &self,
        account: Uuid,
        platform: &str,
        user: &str,
    ) -> sqlx::Result<Option<PlatformUserRow>> {
        on_db!(self, |pool| sqlx::query_as::<_, PlatformUserRow>(
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

    pub async fn note_count(&self, account: Uuid, platform: &str, user: &str) -> sqlx::Result<i64> {
        on_db!(self, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM platform_user_notes \
             WHERE account_id = $1 AND platform = $2 AND platform_user_id = $3"
        )
        .bind(account)
        .bind(platform)
        .bind(user)
        .fetch_one(pool)
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
        on_db!(self, |pool| sqlx::query(
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
        on_db!(self, |pool| sqlx::query(
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

    /// The platform channel id of the account's connection on a platform, if it has one.
    pub async fn channel_id_of(
        &self,
        account: Uuid,
        platform: &str,
    ) -> sqlx::Result<Option<String>> {
        on_db!(self, |pool| sqlx::query_scalar::<_, Option<String>>(
            "SELECT channel_id FROM channel_connections \
             WHERE account_id = $1 AND platform = $2 AND channel_id IS NOT NULL \
             ORDER BY created_at LIMIT 1"
        )
        .bind(account)
        .bind(platform)
        .fetch_optional(pool)
        .await
        .map(Option::flatten))
    }
}
