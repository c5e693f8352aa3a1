//! Database plumbing: one [`Db`] handle over PostgreSQL or SQLite, migrations for both.
//!
//! Each feature keeps its queries in its own `store.rs` (or `store/`), as methods of a
//! handle it hangs on [`Db`] (`db.chat()`, `db.chatter()`, `db.moderation()`, …: a
//! `struct XStore<'a> { db: &'a Db }` and `impl Db { fn x(&self) -> XStore<'_> }`), and
//! only the table's owner holds SQL for it (`docs/architecture.md`, "Table owners"). A query
//! is written once with `$1`-style placeholders (which both sqlx drivers accept) and run
//! against either pool through [`on_db!`](crate::on_db); where the dialects differ, the
//! store matches on [`Db`] itself. sqlx's `Any` driver would spare the macro but has no
//! `Uuid`, `DateTime`, `Json` or `COPY`. Writes of several owners in one transaction share
//! a [`Tx`] (each owner's store runs its SQL on it through [`on_tx!`](crate::on_tx)).
//! Failures are [`StoreError`]s, mapped once to the API. The same contract tests
//! (`server/tests/suite/store_contract.rs`) run against both backends.

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

static POSTGRES_MIGRATOR: Migrator = sqlx::migrate!("../migrations/postgres");
static SQLITE_MIGRATOR: Migrator = sqlx::migrate!("../migrations/sqlite");

/// Run the same query code against whichever pool the [`Db`] holds.
///
/// ```ignore
/// let n = on_db!(&db, |pool| sqlx::query("DELETE FROM t")
///     .execute(pool)
///     .await
///     .map(|r| r.rows_affected()))?;
/// ```
#[macro_export]
macro_rules! on_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::store::Db::Postgres($pool) => $body,
            $crate::store::Db::Sqlite($pool) => $body,
        }
    };
}

/// Run store code on the connection of a [`Tx`], whichever database it is on (the
/// transaction's counterpart of [`on_db!`](crate::on_db); only inside a feature's store).
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::store::Tx::Postgres(t) => {
                let $conn: &mut sqlx::PgConnection = &mut *t;
                $body
            }
            $crate::store::Tx::Sqlite(t) => {
                let $conn: &mut sqlx::SqliteConnection = &mut *t;
                $body
            }
        }
    };
}

/// A transaction on either database, for writes that span features' stores (the seed
/// loader): each owner's store takes `&mut Tx` and runs its own SQL in it.
pub enum Tx {
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
}

impl Tx {
    pub async fn commit(self) -> sqlx::Result<()> {
        match self {
            Tx::Postgres(t) => t.commit().await,
            Tx::Sqlite(t) => t.commit().await,
        }
    }
}

#[derive(Clone, Debug)]
pub enum Db {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

mod error;
pub use error::{StoreError, StoreResult};

/// Why the database could not be opened or migrated (startup, `migrate`).
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("DATABASE_URL: {0}")]
    BadUrl(String),
    #[error("cannot connect to the database at {url}: {source}")]
    Connect {
        url: String,
        #[source]
        source: sqlx::Error,
    },
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
}

/// A migration and whether it has been applied to this database.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MigrationStatus {
    pub version: i64,
    pub description: String,
    pub applied: bool,
}

/// Which database a URL names, checked before anything connects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Postgres,
    Sqlite,
}

impl Backend {
    pub fn of_url(url: &str) -> Result<Backend, SetupError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else {
            Err(SetupError::BadUrl(format!(
                "expected a postgres:// or sqlite: URL, got '{}'",
                redact_url(url)
            )))
        }
    }
}

/// The URL with any password replaced, for messages and logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let creds = &url[scheme_end + 3..at];
            match creds.find(':') {
                Some(colon) => format!(
                    "{}{}:***{}",
                    &url[..scheme_end + 3],
                    &creds[..colon],
                    &url[at..]
                ),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

impl Db {
    /// Connect to `url` (`postgres://…` or `sqlite:…`). SQLite files are created when missing
    /// and run in WAL mode with a busy timeout, so several connections can share them.
    pub async fn connect(url: &str) -> Result<Db, SetupError> {
        let connect_err = |source| SetupError::Connect {
            url: redact_url(url),
            source,
        };
        match Backend::of_url(url)? {
            Backend::Postgres => {
                let opts = PgConnectOptions::from_str(url)
                    .map_err(|e| SetupError::BadUrl(format!("{}: {e}", redact_url(url))))?;
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(5))
                    .connect_with(opts)
                    .await
                    .map_err(connect_err)?;
                Ok(Db::Postgres(pool))
            }
            Backend::Sqlite => {
                let opts = SqliteConnectOptions::from_str(url)
                    .map_err(|e| SetupError::BadUrl(format!("{url}: {e}")))?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Normal)
                    .busy_timeout(Duration::from_secs(10))
                    .foreign_keys(true);
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(opts)
                    .await
                    .map_err(connect_err)?;
                Ok(Db::Sqlite(pool))
            }
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Postgres(_) => Backend::Postgres,
            Db::Sqlite(_) => Backend::Sqlite,
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Db::Postgres(_) => "postgres",
            Db::Sqlite(_) => "sqlite",
        }
    }

    fn migrator(&self) -> &'static Migrator {
        match self {
            Db::Postgres(_) => &POSTGRES_MIGRATOR,
            Db::Sqlite(_) => &SQLITE_MIGRATOR,
        }
    }

    pub async fn ping(&self) -> Result<(), sqlx::Error> {
        on_db!(self, |pool| sqlx::query("SELECT 1")
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Apply pending migrations; returns the ones this call applied (empty on a second run).
    pub async fn migrate(&self) -> Result<Vec<MigrationStatus>, SetupError> {
        let before = self.migration_status().await?;
        on_db!(self, |pool| self.migrator().run(pool).await)?;
        Ok(before
            .into_iter()
            .filter(|m| !m.applied)
            .map(|m| MigrationStatus { applied: true, ..m })
            .collect())
    }

    /// Every known migration with whether it has been applied.
    pub async fn migration_status(&self) -> Result<Vec<MigrationStatus>, SetupError> {
        let applied: Vec<i64> = on_db!(self, |pool| {
            match sqlx::query_scalar::<_, i64>(
                "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version",
            )
            .fetch_all(pool)
            .await
            {
                Ok(v) => v,
                Err(sqlx::Error::Database(e)) if is_missing_table(e.message()) => Vec::new(),
                Err(e) => return Err(e.into()),
            }
        });
        Ok(self
            .migrator()
            .iter()
            .map(|m| MigrationStatus {
                version: m.version,
                description: m.description.to_string(),
                applied: applied.contains(&m.version),
            })
            .collect())
    }

    pub async fn close(&self) {
        on_db!(self, |pool| pool.close().await)
    }

    /// Begin a [`Tx`].
    pub async fn begin(&self) -> sqlx::Result<Tx> {
        Ok(match self {
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
        })
    }

    /// Refresh the planner's statistics of every table (`ANALYZE`), e.g. after a bulk load.
    pub async fn analyze(&self) -> sqlx::Result<()> {
        on_db!(self, |pool| sqlx::query("ANALYZE")
            .execute(pool)
            .await
            .map(|_| ()))
    }
}

/// The current time at the precision both databases store (microseconds), so a value
/// returned on write equals the value read back later.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}

/// What the database said, for a log line and the dead-letter store: its message, its code
/// (SQLSTATE on PostgreSQL, the extended result code on SQLite) and, on PostgreSQL, the
/// detail. Never just "internal error".
pub fn error_text(e: &sqlx::Error) -> String {
    let text = match e {
        sqlx::Error::Database(d) => {
            let mut t = d.message().to_string();
            if let Some(pg) = d.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
                if let Some(detail) = pg.detail() {
                    t.push_str(&format!(" ({detail})"));
                }
            }
            if let Some(code) = d.code() {
                t.push_str(&format!(" [code {code}]"));
            }
            t
        }
        other => other.to_string(),
    };
    // A database may quote the offending value: keep the text printable.
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Whether the database refused the data itself (a value or a constraint), rather than
/// being unreachable or failing as a whole: PostgreSQL's SQLSTATE classes 22 (data
/// exception) and 23 (integrity constraint violation); SQLite's TOOBIG, CONSTRAINT (a
/// trigger's refusal included), MISMATCH and RANGE; a value that cannot be encoded. Only such
/// rows are dead-lettered; any other error leaves the batch buffered to be retried.
pub fn is_refusal(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Encode(_) => true,
        sqlx::Error::Database(d) => {
            let Some(code) = d.code() else {
                return false;
            };
            if d.try_downcast_ref::<sqlx::postgres::PgDatabaseError>()
                .is_some()
            {
                code.starts_with("22") || code.starts_with("23")
            } else {
                // SQLite: the primary result code is the low byte of the extended one.
                code.parse::<i32>()
                    .is_ok_and(|c| matches!(c & 0xff, 18 | 19 | 20 | 25))
            }
        }
        _ => false,
    }
}

fn is_missing_table(message: &str) -> bool {
    message.contains("no such table") || message.contains("does not exist")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(
            Backend::of_url("postgres://a@b/c").unwrap(),
            Backend::Postgres
        );
        assert_eq!(
            Backend::of_url("sqlite://lumio.db?mode=rwc").unwrap(),
            Backend::Sqlite
        );
        let err = Backend::of_url("mysql://x:secret@h/d")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("DATABASE_URL:"), "{err}");
        assert!(!err.contains("secret"), "{err}");
        assert_eq!(
            redact_url("postgres://u:pw@localhost:5432/db"),
            "postgres://u:***@localhost:5432/db"
        );
    }
}
