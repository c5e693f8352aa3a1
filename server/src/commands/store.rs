//! Queries of the bot commands feature, for both databases, behind `db.commands()`.
//!
//! Owns `bot_commands`, `bot_command_overrides`, `bot_command_stats`, `bot_command_history`
//! and `account_features`. Every change goes through [`CommandsStore::apply`]: one
//! transaction that writes the rows and their history, and checks the plan limit after the
//! writes (a PostgreSQL advisory lock per account serialises concurrent writers; SQLite
//! has one writer at a time).

use chrono::{DateTime, Utc};
use sqlx::types::Json;
use uuid::Uuid;

use super::model::{CommandRow, HistoryEntry, OverrideRow};
use crate::on_db;
use crate::store::Db;

pub use crate::store::{StoreError, StoreResult};

/// Why [`CommandsStore::apply`] wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ApplyError {
    /// The account would have more commands than `limit`.
    #[error("the account would have {count} commands, over its limit of {limit}")]
    LimitExceeded { count: i64, limit: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ApplyError {
    fn from(e: sqlx::Error) -> Self {
        ApplyError::Store(e.into())
    }
}

/// One write of a change, applied with the others in one transaction.
#[derive(Debug, Clone)]
pub enum Write {
    InsertCommand(CommandRow),
    UpdateCommand(CommandRow),
    DeleteCommand(Uuid),
    UpsertOverride(OverrideRow),
    DeleteOverride { account: Uuid, command: Uuid },
    History(HistoryEntry),
}

/// The `bot_commands` columns, in the order of [`CommandRow`].
const COLS: &str = "id, account_id, name, aliases, kind, response, automation, platforms, \
    discord_style, min_role, global_cooldown_seconds, user_cooldown_seconds, \
    cooldown_applies_to_mods, cooldown_reply, enabled, needs_review, source, source_id, \
    created_at, updated_at";

const OVERRIDE_COLS: &str = "id, account_id, command_id, response, platforms, \
    global_cooldown_seconds, user_cooldown_seconds, cooldown_reply, min_role, enabled, \
    created_at, updated_at";

const HISTORY_COLS: &str = "id, command_id, account_id, target, action, before_json, \
    after_json, changed_fields, changed_by, changed_by_name, created_at";

/// The store handle of the commands feature.
pub struct CommandsStore<'a> {
    db: &'a Db,
}

impl Db {
    pub fn commands(&self) -> CommandsStore<'_> {
        CommandsStore { db: self }
    }
}

impl CommandsStore<'_> {
    /// The account's own commands, by name.
    pub async fn account_commands(&self, account: Uuid) -> StoreResult<Vec<CommandRow>> {
        let sql = format!("SELECT {COLS} FROM bot_commands WHERE account_id = $1 ORDER BY name");
        Ok(on_db!(self.db, |pool| sqlx::query_as::<_, CommandRow>(
            &sql
        )
        .bind(account)
        .fetch_all(pool)
        .await)?)
    }

    /// The global commands, by name.
    pub async fn global_commands(&self) -> StoreResult<Vec<CommandRow>> {
        let sql = format!("SELECT {COLS} FROM bot_commands WHERE account_id IS NULL ORDER BY name");
        Ok(on_db!(self.db, |pool| sqlx::query_as::<_, CommandRow>(
            &sql
        )
        .fetch_all(pool)
        .await)?)
    }

    pub async fn command(&self, id: Uuid) -> StoreResult<Option<CommandRow>> {
        let sql = format!("SELECT {COLS} FROM bot_commands WHERE id = $1");
        Ok(on_db!(self.db, |pool| sqlx::query_as::<_, CommandRow>(
            &sql
        )
        .bind(id)
        .fetch_optional(pool)
        .await)?)
    }

    /// How many commands the account owns (what the plan limits).
    pub async fn count(&self, account: Uuid) -> StoreResult<i64> {
        Ok(on_db!(self.db, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM bot_commands WHERE account_id = $1"
        )
        .bind(account)
        .fetch_one(pool)
        .await)?)
    }

    pub async fn overrides_of(&self, account: Uuid) -> StoreResult<Vec<OverrideRow>> {
        let sql =
            format!("SELECT {OVERRIDE_COLS} FROM bot_command_overrides WHERE account_id = $1");
        Ok(on_db!(self.db, |pool| sqlx::query_as::<_, OverrideRow>(
            &sql
        )
        .bind(account)
        .fetch_all(pool)
        .await)?)
    }

    pub async fn override_of(
        &self,
        account: Uuid,
        command: Uuid,
    ) -> StoreResult<Option<OverrideRow>> {
        let sql = format!(
            "SELECT {OVERRIDE_COLS} FROM bot_command_overrides \
             WHERE account_id = $1 AND command_id = $2"
        );
        Ok(on_db!(self.db, |pool| sqlx::query_as::<_, OverrideRow>(
            &sql
        )
        .bind(account)
        .bind(command)
        .fetch_optional(pool)
        .await)?)
    }

    /// The accounts that override a global command.
    pub async fn overriding_accounts(&self, command: Uuid) -> StoreResult<Vec<Uuid>> {
        Ok(on_db!(self.db, |pool| sqlx::query_scalar::<_, Uuid>(
            "SELECT account_id FROM bot_command_overrides WHERE command_id = $1"
        )
        .bind(command)
        .fetch_all(pool)
        .await)?)
    }

    /// Apply writes in one transaction. With `limit = Some((account, n))` the account may
    /// own at most `n` commands afterwards, else nothing is written.
    pub async fn apply(
        &self,
        writes: &[Write],
        limit: Option<(Uuid, i64)>,
    ) -> Result<(), ApplyError> {
        let cmd_insert = format!(
            "INSERT INTO bot_commands ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, \
             $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)"
        );
        let cmd_update = "UPDATE bot_commands SET name = $2, aliases = $3, kind = $4, \
            response = $5, automation = $6, platforms = $7, discord_style = $8, min_role = $9, \
            global_cooldown_seconds = $10, user_cooldown_seconds = $11, \
            cooldown_applies_to_mods = $12, cooldown_reply = $13, enabled = $14, \
            needs_review = $15, source = $16, source_id = $17, updated_at = $18 WHERE id = $1";
        let ovr_upsert = format!(
            "INSERT INTO bot_command_overrides ({OVERRIDE_COLS}) VALUES ($1, $2, $3, $4, $5, $6, \
             $7, $8, $9, $10, $11, $12) ON CONFLICT (account_id, command_id) DO UPDATE SET \
             response = excluded.response, platforms = excluded.platforms, \
             global_cooldown_seconds = excluded.global_cooldown_seconds, \
             user_cooldown_seconds = excluded.user_cooldown_seconds, \
             cooldown_reply = excluded.cooldown_reply, min_role = excluded.min_role, \
             enabled = excluded.enabled, updated_at = excluded.updated_at"
        );
        let hist_insert = format!(
            "INSERT INTO bot_command_history ({HISTORY_COLS}) VALUES ($1, $2, $3, $4, $5, $6, \
             $7, $8, $9, $10, $11)"
        );
        let is_pg = matches!(self.db, Db::Postgres(_));
        let outcome: Result<(), ApplyError> = on_db!(self.db, |pool| {
            let mut tx = pool.begin().await?;
            if let (true, Some((account, _))) = (is_pg, limit) {
                sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
                    .bind(format!("bot_commands:{account}"))
                    .execute(&mut *tx)
                    .await?;
            }
            for w in writes {
                let n = match w {
                    Write::InsertCommand(c) => sqlx::query(&cmd_insert)
                        .bind(c.id)
                        .bind(c.account_id)
                        .bind(&c.name)
                        .bind(&c.aliases)
                        .bind(&c.kind)
                        .bind(&c.response)
                        .bind(&c.automation)
                        .bind(&c.platforms)
                        .bind(&c.discord_style)
                        .bind(&c.min_role)
                        .bind(c.global_cooldown_seconds)
                        .bind(c.user_cooldown_seconds)
                        .bind(c.cooldown_applies_to_mods)
                        .bind(&c.cooldown_reply)
                        .bind(c.enabled)
                        .bind(c.needs_review)
                        .bind(&c.source)
                        .bind(&c.source_id)
                        .bind(c.created_at)
                        .bind(c.updated_at)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected(),
                    Write::UpdateCommand(c) => sqlx::query(cmd_update)
                        .bind(c.id)
                        .bind(&c.name)
                        .bind(&c.aliases)
                        .bind(&c.kind)
                        .bind(&c.response)
                        .bind(&c.automation)
                        .bind(&c.platforms)
                        .bind(&c.discord_style)
                        .bind(&c.min_role)
                        .bind(c.global_cooldown_seconds)
                        .bind(c.user_cooldown_seconds)
                        .bind(c.cooldown_applies_to_mods)
                        .bind(&c.cooldown_reply)
                        .bind(c.enabled)
                        .bind(c.needs_review)
                        .bind(&c.source)
                        .bind(&c.source_id)
                        .bind(c.updated_at)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected(),
                    Write::DeleteCommand(id) => {
                        sqlx::query("DELETE FROM bot_commands WHERE id = $1")
                            .bind(id)
                            .execute(&mut *tx)
                            .await?
                            .rows_affected()
                    }
                    Write::UpsertOverride(o) => sqlx::query(&ovr_upsert)
                        .bind(o.id)
                        .bind(o.account_id)
                        .bind(o.command_id)
                        .bind(&o.response)
                        .bind(&o.platforms)
                        .bind(o.global_cooldown_seconds)
                        .bind(o.user_cooldown_seconds)
                        .bind(&o.cooldown_reply)
                        .bind(&o.min_role)
                        .bind(o.enabled)
                        .bind(o.created_at)
                        .bind(o.updated_at)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected(),
                    Write::DeleteOverride { account, command } => sqlx::query(
                        "DELETE FROM bot_command_overrides \
                             WHERE account_id = $1 AND command_id = $2",
                    )
                    .bind(account)
                    .bind(command)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected(),
                    Write::History(h) => sqlx::query(&hist_insert)
                        .bind(h.id)
                        .bind(h.command_id)
                        .bind(h.account_id)
                        .bind(&h.target)
                        .bind(&h.action)
                        .bind(&h.before_json)
                        .bind(&h.after_json)
                        .bind(Json(&h.changed_fields))
                        .bind(h.changed_by)
                        .bind(&h.changed_by_name)
                        .bind(h.created_at)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected(),
                };
                if n == 0 {
                    // An update or delete of a row another writer removed meanwhile.
                    return Err(ApplyError::Store(StoreError::NotFound));
                }
            }
            if let Some((account, max)) = limit {
                let count = sqlx::query_scalar::<_, i64>(
                    "SELECT COUNT(*) FROM bot_commands WHERE account_id = $1",
                )
                .bind(account)
                .fetch_one(&mut *tx)
                .await?;
                if count > max {
                    return Err(ApplyError::LimitExceeded { count, limit: max });
                }
            }
            tx.commit().await?;
            Ok(())
        });
        outcome
    }

    /// The account's enabled features.
    pub async fn features(&self, account: Uuid) -> StoreResult<Vec<String>> {
        Ok(on_db!(self.db, |pool| sqlx::query_scalar::<_, String>(
            "SELECT feature FROM account_features WHERE account_id = $1 ORDER BY feature"
        )
        .bind(account)
        .fetch_all(pool)
        .await)?)
    }

    /// Turn a feature on or off; true when that changed something.
    pub async fn set_feature(&self, account: Uuid, feature: &str, on: bool) -> StoreResult<bool> {
        let n = if on {
            on_db!(self.db, |pool| sqlx::query(
                "INSERT INTO account_features (account_id, feature, enabled_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (account_id, feature) DO NOTHING"
            )
            .bind(account)
            .bind(feature)
            .bind(crate::store::now())
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?
        } else {
            on_db!(self.db, |pool| sqlx::query(
                "DELETE FROM account_features WHERE account_id = $1 AND feature = $2"
            )
            .bind(account)
            .bind(feature)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?
        };
        Ok(n > 0)
    }

    /// Stored uses of the account's commands: (command, uses, last used).
    pub async fn stats(
        &self,
        account: Uuid,
    ) -> StoreResult<Vec<(Uuid, i64, Option<DateTime<Utc>>)>> {
        Ok(on_db!(self.db, |pool| sqlx::query_as(
            "SELECT command_id, uses, last_used_at FROM bot_command_stats WHERE account_id = $1"
        )
        .bind(account)
        .fetch_all(pool)
        .await)?)
    }

    pub async fn stored_uses(&self, account: Uuid, command: Uuid) -> StoreResult<i64> {
        Ok(on_db!(self.db, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT uses FROM bot_command_stats WHERE account_id = $1 AND command_id = $2"
        )
        .bind(account)
        .bind(command)
        .fetch_optional(pool)
        .await)?
        .unwrap_or(0))
    }

    /// Store a live counter's value: never lowers what is stored, so a replayed or late
    /// flush is harmless. A command deleted meanwhile is skipped (false).
    pub async fn flush_uses(
        &self,
        account: Uuid,
        command: Uuid,
        uses: i64,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let sql = match self.db {
            Db::Postgres(_) => {
                "INSERT INTO bot_command_stats (account_id, command_id, uses, last_used_at) \
                 SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM bot_commands WHERE id = $2) \
                 ON CONFLICT (account_id, command_id) DO UPDATE SET \
                 uses = GREATEST(bot_command_stats.uses, excluded.uses), \
                 last_used_at = excluded.last_used_at"
            }
            Db::Sqlite(_) => {
                "INSERT INTO bot_command_stats (account_id, command_id, uses, last_used_at) \
                 SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM bot_commands WHERE id = $2) \
                 ON CONFLICT (account_id, command_id) DO UPDATE SET \
                 uses = MAX(bot_command_stats.uses, excluded.uses), \
                 last_used_at = excluded.last_used_at"
            }
        };
        let n = on_db!(self.db, |pool| sqlx::query(sql)
            .bind(account)
            .bind(command)
            .bind(uses)
            .bind(at)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }

    /// Changes of a command: of the command itself, and of overrides of it by `account`
    /// (all accounts' when `account` is None), oldest first.
    pub async fn history(
        &self,
        command: Uuid,
        account: Option<Uuid>,
    ) -> StoreResult<Vec<HistoryEntry>> {
        let sql = format!(
            "SELECT {HISTORY_COLS} FROM bot_command_history WHERE command_id = $1 \
             AND (target = 'command' OR $2 IS NULL OR account_id = $2) \
             ORDER BY created_at, id"
        );
        Ok(on_db!(self.db, |pool| sqlx::query_as::<_, HistoryEntry>(
            &sql
        )
        .bind(command)
        .bind(account)
        .fetch_all(pool)
        .await)?)
    }
}
