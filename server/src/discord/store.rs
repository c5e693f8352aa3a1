//! Queries of the discord feature, for both databases, behind `db.discord()`.
//!
//! Owns `discord_guild_connections`, `discord_guild_settings` and
//! `discord_guild_channel_mappings`. A connection and its settings row are written in one
//! transaction; deleting a connection deletes its settings and mappings (foreign keys with
//! `ON DELETE CASCADE`).

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::{GuildConnection, Mapping};
use crate::on_db;
use crate::store::Db;

pub use crate::store::{StoreError, StoreResult};

/// The unique constraint of `discord_guild_connections.guild_id` (a conflict on it answers
/// that the guild is connected already; `store::error` maps SQLite's message to this name).
pub const GUILD_UNIQUE: &str = "discord_guild_connections_guild_id_key";

const COLS: &str = "id, account_id, guild_id, guild_name, guild_icon, connected_by, \
                    connected_by_name, created_at, updated_at";

/// The store handle of the discord feature.
pub struct DiscordStore<'a> {
    db: &'a Db,
}

impl Db {
    pub fn discord(&self) -> DiscordStore<'_> {
        DiscordStore { db: self }
    }
}

impl DiscordStore<'_> {
    pub async fn connection_by_guild(
        &self,
        guild_id: &str,
    ) -> StoreResult<Option<GuildConnection>> {
        let sql = format!("SELECT {COLS} FROM discord_guild_connections WHERE guild_id = $1");
        Ok(on_db!(self.db, |pool| {
            sqlx::query_as::<_, GuildConnection>(&sql)
                .bind(guild_id)
                .fetch_optional(pool)
                .await
        })?)
    }

    /// The account's guilds, by name.
    pub async fn connections_of_account(&self, account: Uuid) -> StoreResult<Vec<GuildConnection>> {
        let sql = format!(
            "SELECT {COLS} FROM discord_guild_connections WHERE account_id = $1 \
             ORDER BY guild_name, guild_id"
        );
        Ok(on_db!(self.db, |pool| {
            sqlx::query_as::<_, GuildConnection>(&sql)
                .bind(account)
                .fetch_all(pool)
                .await
        })?)
    }

    /// Every connected guild, oldest connection first.
    pub async fn all_connections(&self) -> StoreResult<Vec<GuildConnection>> {
        let sql = format!("SELECT {COLS} FROM discord_guild_connections ORDER BY created_at, id");
        Ok(on_db!(self.db, |pool| {
            sqlx::query_as::<_, GuildConnection>(&sql)
                .fetch_all(pool)
                .await
        })?)
    }

    /// Insert a connection and its (empty) settings in one transaction. A guild connected
    /// already is a `Conflict` on [`GUILD_UNIQUE`].
    pub async fn insert_connection(&self, c: &GuildConnection) -> StoreResult<()> {
        let sql = format!(
            "INSERT INTO discord_guild_connections ({COLS}) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        );
        on_db!(self.db, |pool| {
            let mut tx = pool.begin().await?;
            sqlx::query(&sql)
                .bind(c.id)
                .bind(c.account_id)
                .bind(&c.guild_id)
                .bind(&c.guild_name)
                .bind(&c.guild_icon)
                .bind(c.connected_by)
                .bind(&c.connected_by_name)
                .bind(c.created_at)
                .bind(c.updated_at)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO discord_guild_settings (guild_id, settings, updated_at) \
                 VALUES ($1, $2, $3)",
            )
            .bind(&c.guild_id)
            .bind(sqlx::types::Json(serde_json::json!({})))
            .bind(c.created_at)
            .execute(&mut *tx)
            .await?;
            tx.commit().await
        })?;
        Ok(())
    }

    /// Update a guild's name and icon; None when it is not connected.
    pub async fn update_info(
        &self,
        guild_id: &str,
        name: &str,
        icon: Option<&str>,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<GuildConnection>> {
        let sql = format!(
            "UPDATE discord_guild_connections SET guild_name = $1, guild_icon = $2, \
             updated_at = $3 WHERE guild_id = $4 RETURNING {COLS}"
        );
        Ok(on_db!(self.db, |pool| {
            sqlx::query_as::<_, GuildConnection>(&sql)
                .bind(name)
                .bind(icon)
                .bind(now)
                .bind(guild_id)
                .fetch_optional(pool)
                .await
        })?)
    }

    /// Delete a guild's connection (with its settings and mappings); `account` limits it to
    /// that account's. Returns the deleted connection.
    pub async fn delete_connection(
        &self,
        guild_id: &str,
        account: Option<Uuid>,
    ) -> StoreResult<Option<GuildConnection>> {
        let sql = match account {
            Some(_) => format!(
                "DELETE FROM discord_guild_connections WHERE guild_id = $1 AND account_id = $2 \
                 RETURNING {COLS}"
            ),
            None => format!(
                "DELETE FROM discord_guild_connections WHERE guild_id = $1 RETURNING {COLS}"
            ),
        };
        Ok(on_db!(self.db, |pool| {
            let q = sqlx::query_as::<_, GuildConnection>(&sql).bind(guild_id);
            let q = match account {
                Some(a) => q.bind(a),
                None => q,
            };
            q.fetch_optional(pool).await
        })?)
    }

    /// A guild's settings (`discord_guild_settings.settings`); None when not connected.
    pub async fn settings(&self, guild_id: &str) -> StoreResult<Option<serde_json::Value>> {
        let row: Option<(sqlx::types::Json<serde_json::Value>,)> = on_db!(self.db, |pool| {
            sqlx::query_as("SELECT settings FROM discord_guild_settings WHERE guild_id = $1")
                .bind(guild_id)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(|r| r.0 .0))
    }

    /// Set one key of a guild's settings (read, change, write in one transaction); false
    /// when the guild is not connected.
    pub async fn set_setting(
        &self,
        guild_id: &str,
        key: &str,
        value: serde_json::Value,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        Ok(on_db!(self.db, |pool| async {
            let mut tx = pool.begin().await?;
            let row: Option<(sqlx::types::Json<serde_json::Value>,)> =
                sqlx::query_as("SELECT settings FROM discord_guild_settings WHERE guild_id = $1")
                    .bind(guild_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some((sqlx::types::Json(mut settings),)) = row else {
                return Ok::<bool, sqlx::Error>(false);
            };
            if !settings.is_object() {
                settings = serde_json::json!({});
            }
            settings[key] = value.clone();
            sqlx::query(
                "UPDATE discord_guild_settings SET settings = $1, updated_at = $2 \
                 WHERE guild_id = $3",
            )
            .bind(sqlx::types::Json(settings))
            .bind(now)
            .bind(guild_id)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        }
        .await)?)
    }

    /// A guild's feature mappings, by feature.
    pub async fn mappings(&self, guild_id: &str) -> StoreResult<Vec<Mapping>> {
        Ok(on_db!(self.db, |pool| sqlx::query_as::<_, Mapping>(
            "SELECT feature, channel_id, enabled, updated_at FROM discord_guild_channel_mappings \
             WHERE guild_id = $1 ORDER BY feature"
        )
        .bind(guild_id)
        .fetch_all(pool)
        .await)?)
    }

    /// Map a feature to a channel (insert or replace).
    pub async fn upsert_mapping(
        &self,
        guild_id: &str,
        feature: &str,
        channel_id: &str,
        enabled: bool,
        by: Uuid,
        now: DateTime<Utc>,
    ) -> StoreResult<Mapping> {
        Ok(on_db!(self.db, |pool| sqlx::query_as::<_, Mapping>(
            "INSERT INTO discord_guild_channel_mappings \
             (id, guild_id, feature, channel_id, enabled, updated_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7) \
             ON CONFLICT (guild_id, feature) DO UPDATE SET channel_id = excluded.channel_id, \
             enabled = excluded.enabled, updated_by = excluded.updated_by, \
             updated_at = excluded.updated_at \
             RETURNING feature, channel_id, enabled, updated_at"
        )
        .bind(Uuid::now_v7())
        .bind(guild_id)
        .bind(feature)
        .bind(channel_id)
        .bind(enabled)
        .bind(by)
        .bind(now)
        .fetch_one(pool)
        .await)?)
    }

    /// Remove a feature's mapping; false when it had none.
    pub async fn delete_mapping(&self, guild_id: &str, feature: &str) -> StoreResult<bool> {
        let n = on_db!(self.db, |pool| sqlx::query(
            "DELETE FROM discord_guild_channel_mappings WHERE guild_id = $1 AND feature = $2"
        )
        .bind(guild_id)
        .bind(feature)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }
}
