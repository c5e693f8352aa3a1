//! `channel_connections`: the account's channels on each platform and whether the bot is
//! there.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::ChatterStore;
use crate::on_db;

impl ChatterStore<'_> {
    /// The account's channel connections: platform, channel name, `bot_enabled`; enabled
    /// ones first, then oldest first.
    pub async fn bot_connections(
        &self,
        account: Uuid,
    ) -> sqlx::Result<Vec<(String, String, bool)>> {
        on_db!(self.db, |pool| sqlx::query_as(
            "SELECT platform, channel_name, bot_enabled FROM channel_connections \
             WHERE account_id = $1 ORDER BY platform, bot_enabled DESC, created_at"
        )
        .bind(account)
        .fetch_all(pool)
        .await)
    }

    /// Every account and platform with a bot connection (for announcements to all bots).
    pub async fn all_bot_channels(&self) -> sqlx::Result<Vec<(Uuid, String)>> {
        on_db!(self.db, |pool| sqlx::query_as(
            "SELECT DISTINCT account_id, platform FROM channel_connections WHERE bot_enabled"
        )
        .fetch_all(pool)
        .await)
    }

    /// Every account with a channel connection (the admin's bot view).
    pub async fn accounts_with_connections(&self) -> sqlx::Result<Vec<Uuid>> {
        let rows: Vec<(Uuid,)> = on_db!(self.db, |pool| sqlx::query_as(
            "SELECT DISTINCT account_id FROM channel_connections ORDER BY account_id"
        )
        .fetch_all(pool)
        .await)?;
        Ok(rows.into_iter().map(|r| r.0).collect())
    }

    /// Every channel connection of the account, by platform, oldest first.
    pub async fn channel_connections(&self, account: Uuid) -> sqlx::Result<Vec<ConnectionRow>> {
        on_db!(self.db, |pool| sqlx::query_as(&format!(
            "SELECT {CONNECTION_COLS} FROM channel_connections WHERE account_id = $1 \
             ORDER BY platform, created_at, channel_name"
        ))
        .bind(account)
        .fetch_all(pool)
        .await)
    }

    /// Create the account's connection to a channel, or (when it exists) fill in its channel
    /// id; returns the row.
    pub async fn upsert_channel_connection(
        &self,
        account: Uuid,
        platform: &str,
        channel_name: &str,
        channel_id: Option<&str>,
    ) -> sqlx::Result<ConnectionRow> {
        let now = crate::store::now();
        on_db!(self.db, |pool| {
            sqlx::query_as(&format!(
            "INSERT INTO channel_connections \
             (id, account_id, platform, channel_name, channel_id, bot_enabled, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, true, $6, $6) \
             ON CONFLICT (account_id, platform, channel_name) DO UPDATE SET \
             channel_id = COALESCE(excluded.channel_id, channel_connections.channel_id), \
             updated_at = excluded.updated_at RETURNING {CONNECTION_COLS}"
        ))
        .bind(Uuid::now_v7())
        .bind(account)
        .bind(platform)
        .bind(channel_name)
        .bind(channel_id)
        .bind(now)
        .fetch_one(pool)
        .await
        })
    }

    /// Remove one of the account's channel connections (its credentials go with it).
    pub async fn delete_channel_connection(&self, account: Uuid, id: Uuid) -> sqlx::Result<bool> {
        on_db!(self.db, |pool| sqlx::query(
            "DELETE FROM channel_connections WHERE account_id = $1 AND id = $2"
        )
        .bind(account)
        .bind(id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected() > 0))
    }

    /// Pause or resume the bot on every channel of the account on a platform; the number of
    /// connections changed.
    pub async fn set_bot_enabled(
        &self,
        account: Uuid,
        platform: &str,
        enabled: bool,
    ) -> sqlx::Result<u64> {
        on_db!(self.db, |pool| sqlx::query(
            "UPDATE channel_connections SET bot_enabled = $1, updated_at = $2 \
             WHERE account_id = $3 AND platform = $4"
        )
        .bind(enabled)
        .bind(crate::store::now())
        .bind(account)
        .bind(platform)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
    }

    /// Every channel a platform's bot should be in (connections with `bot_enabled`), every
    /// account, by account then channel.
    pub async fn enabled_bot_connections(
        &self,
        platform: &str,
    ) -> sqlx::Result<Vec<ConnectionRow>> {
        on_db!(self.db, |pool| sqlx::query_as(&format!(
            "SELECT {CONNECTION_COLS} FROM channel_connections \
             WHERE platform = $1 AND bot_enabled ORDER BY account_id, channel_name"
        ))
        .bind(platform)
        .fetch_all(pool)
        .await)
    }

    /// The platform channel id of the account's connection on a platform, if it has one.
    pub async fn channel_id_of(
        &self,
        account: Uuid,
        platform: &str,
    ) -> sqlx::Result<Option<String>> {
        on_db!(self.db, |pool| sqlx::query_scalar::<_, Option<String>>(
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

    /// The account's first connection on a platform.
    pub async fn first_connection(
        &self,
        account: Uuid,
        platform: &str,
    ) -> sqlx::Result<Option<ConnectionRow>> {
        on_db!(self.db, |pool| sqlx::query_as::<_, ConnectionRow>(
            &format!(
                "SELECT {CONNECTION_COLS} FROM channel_connections \
             WHERE account_id = $1 AND platform = $2 ORDER BY created_at LIMIT 1"
            )
        )
        .bind(account)
        .bind(platform)
        .fetch_optional(pool)
        .await)
    }

    /// Remember a connection's platform channel id once it has been looked up.
    pub async fn set_channel_id(&self, connection: Uuid, channel_id: &str) -> sqlx::Result<()> {
        on_db!(self.db, |pool| sqlx::query(
            "UPDATE channel_connections SET channel_id = $1, updated_at = $2 WHERE id = $3"
        )
        .bind(channel_id)
        .bind(crate::store::now())
        .bind(connection)
        .execute(pool)
        .await
        .map(|_| ()))
    }
}

const CONNECTION_COLS: &str =
    "id, account_id, platform, channel_name, channel_id, bot_enabled, created_at, updated_at";

/// A row of `channel_connections`.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConnectionRow {
    pub id: Uuid,
    pub account_id: Uuid,
    pub platform: String,
    pub channel_name: String,
    pub channel_id: Option<String>,
    pub bot_enabled: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The seed loader's reads and writes of `channel_connections`, inside its one transaction.
pub mod seed {
    use uuid::Uuid;

    use crate::on_tx;
    use crate::store::Tx;

    type Now = chrono::DateTime<chrono::Utc>;

    /// (id, channel id, bot enabled) of a connection.
    pub async fn connection(
        tx: &mut Tx,
        account: Uuid,
        platform: &str,
        channel: &str,
    ) -> sqlx::Result<Option<(Uuid, Option<String>, bool)>> {
        on_tx!(tx, |c| sqlx::query_as(
            "SELECT id, channel_id, bot_enabled FROM channel_connections \
             WHERE account_id = $1 AND platform = $2 AND channel_name = $3"
        )
        .bind(account)
        .bind(platform)
        .bind(channel)
        .fetch_optional(c)
        .await)
    }

    pub async fn insert_connection(
        tx: &mut Tx,
        account: Uuid,
        platform: &str,
        channel: &str,
        channel_id: Option<&str>,
        bot_enabled: bool,
        now: Now,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "INSERT INTO channel_connections (id, account_id, platform, channel_name, \
             channel_id, bot_enabled, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"
        )
        .bind(Uuid::now_v7())
        .bind(account)
        .bind(platform)
        .bind(channel)
        .bind(channel_id)
        .bind(bot_enabled)
        .bind(now)
        .execute(c)
        .await
        .map(|_| ()))
    }

    pub async fn update_connection(
        tx: &mut Tx,
        id: Uuid,
        channel_id: Option<&str>,
        bot_enabled: bool,
        now: Now,
    ) -> sqlx::Result<()> {
        on_tx!(tx, |c| sqlx::query(
            "UPDATE channel_connections SET channel_id = $1, bot_enabled = $2, updated_at = $3 \
             WHERE id = $4"
        )
        .bind(channel_id)
        .bind(bot_enabled)
        .bind(now)
        .bind(id)
        .execute(c)
        .await
        .map(|_| ()))
    }
}
