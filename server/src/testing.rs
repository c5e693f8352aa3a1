//! Test harness shared by the server's and the CLI's tests: a fresh database per test on
//! SQLite or PostgreSQL, a unique bus prefix, and the real server on a free port.
//!
//! PostgreSQL tests use `DATABASE_URL` (a `postgres://` URL whose server may create
//! databases) and Redis tests `REDIS_URL`. When one is missing the test prints
//! `SKIP …` and returns — unless `CI=true`, where a missing service fails the test.

use std::path::PathBuf;
use std::sync::Arc;

use tokio::sync::oneshot;

use crate::config::Config;
use crate::state::AppState;
use crate::store::Db;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    Sqlite,
    Postgres,
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Report a test skipped for lack of a service; in CI that is a failure.
pub fn skip(test: &str, why: &str) {
    if in_ci() {
        panic!("{test}: {why}, and CI=true: database and bus tests must not skip in CI");
    }
    eprintln!("SKIP {test}: {why}");
}

/// `REDIS_URL`, or None (after [`skip`]) when it is not set.
pub fn redis_url(test: &str) -> Option<String> {
    match std::env::var("REDIS_URL") {
        Ok(u) if u.starts_with("redis://") => Some(u),
        _ => {
            skip(test, "REDIS_URL is not set");
            None
        }
    }
}

/// A throwaway database: a temporary SQLite file, or a new PostgreSQL database that is
/// dropped again when this value is dropped.
pub struct TestDb {
    pub url: String,
    pub backend: TestBackend,
    _dir: Option<tempfile::TempDir>,
    pg_drop: Option<(String, String)>,
}

impl TestDb {
    pub async fn create(backend: TestBackend, test: &str) -> Option<TestDb> {
        match backend {
            TestBackend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let path: PathBuf = dir.path().join("lumio.db");
                Some(TestDb {
                    url: format!("sqlite://{}?mode=rwc", path.display()),
                    backend,
                    _dir: Some(dir),
                    pg_drop: None,
                })
            }
            TestBackend::Postgres => {
                let admin = match std::env::var("DATABASE_URL") {
                    Ok(u) if u.starts_with("postgres") => u,
                    _ => {
                        skip(test, "DATABASE_URL is not a postgres:// URL");
                        return None;
                    }
                };
                let name = format!("lumio_t_{}", uuid::Uuid::new_v4().simple());
                let db = Db::connect(&admin).await.expect("connect to DATABASE_URL");
                if let Db::Postgres(pool) = &db {
                    sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                        .execute(pool)
                        .await
                        .expect("create test database");
                }
                db.close().await;
                let url = replace_database(&admin, &name);
                Some(TestDb {
                    url,
                    backend,
                    _dir: None,
                    pg_drop: Some((admin, name)),
                })
            }
        }
    }
}

/// The same URL naming another database.
pub fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.find('?') {
        Some(i) => (&url[..i], &url[i..]),
        None => (url, ""),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = base[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(base.len());
    format!("{}/{name}{query}", &base[..host_end])
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, name)) = self.pg_drop.take() {
            // Drop in a thread of its own: Drop cannot await, and may run inside a runtime.
            let _ = std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                rt.block_on(async move {
                    if let Ok(Db::Postgres(pool)) = Db::connect(&admin).await {
                        let _ = sqlx::query(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .execute(&pool)
                        .await;
                        pool.close().await;
                    }
                });
            })
            .join();
        }
    }
}

/// Options of a test server.
#[derive(Debug, Clone, Copy)]
pub struct TestOptions {
    pub backend: TestBackend,
    /// Use Redis (`REDIS_URL`) for the bus instead of the in-process one.
    pub redis: bool,
    /// Load `migrations/seeds/demo.toml`.
    pub demo_seed: bool,
    /// Run the background workers (the chat flush); off to drive them by hand.
    pub workers: bool,
}

impl TestOptions {
    pub fn sqlite() -> Self {
        TestOptions {
            backend: TestBackend::Sqlite,
            redis: false,
            demo_seed: true,
            workers: true,
        }
    }
    pub fn postgres_redis() -> Self {
        TestOptions {
            backend: TestBackend::Postgres,
            redis: true,
            demo_seed: true,
            workers: true,
        }
    }
}

/// The system key test servers accept.
pub const TEST_SYSTEM_KEY: &str = "test-system-key-0123456789";

/// The real application, migrated and seeded, serving on 127.0.0.1 on a free port.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    pub state: AppState,
    pub db: TestDb,
    /// The options it was started with.
    pub options: TestOptions,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<tokio::task::JoinHandle<()>>,
}

/// Path of the demo seed in this repository.
pub fn demo_seed_path() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../migrations/seeds/demo.toml").to_string()
}

impl TestServer {
    /// Start a server; None when the backend it needs is not configured (see [`skip`]).
    pub async fn start(opts: TestOptions, test: &str) -> Option<TestServer> {
        TestServer::start_with(opts, test, |_| {}).await
    }

    /// Like [`TestServer::start`], with a last say over the configuration (for example to
    /// point a platform's API at a local fake: `c.platforms.twitch.api_url = fake.url()`).
    pub async fn start_with(
        opts: TestOptions,
        test: &str,
        configure: impl FnOnce(&mut Config),
    ) -> Option<TestServer> {
        let db = TestDb::create(opts.backend, test).await?;
        let redis = if opts.redis {
            Some(redis_url(test)?)
        } else {
            None
        };
        let mut config =
            Config::from_args(&Default::default(), Some("127.0.0.1:0"), None).expect("config");
        config.database_url = db.url.clone();
        config.redis_url = redis;
        config.system_key = Some(TEST_SYSTEM_KEY.to_string());
        config.bus_prefix = format!("t-{}:", uuid::Uuid::new_v4().simple());
        config.workers = opts.workers;
        // Tests start the bot worker themselves (bots::worker::spawn) when they need it.
        config.bot_worker = false;
        configure(&mut config);
        let state = AppState::connect(config).await.expect("connect test state");
        state.db.migrate().await.expect("migrate");
        if opts.demo_seed {
            crate::seed::run(&state.db, &demo_seed_path())
                .await
                .expect("demo seed");
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = oneshot::channel::<()>();
        let serve_state = state.clone();
        let handle = tokio::spawn(async move {
            let _ = crate::app::serve(listener, serve_state, async {
                let _ = rx.await;
            })
            .await;
        });
        Some(TestServer {
            url: format!("http://{addr}"),
            state,
            db,
            options: opts,
            shutdown: Some(tx),
            handle: Some(handle),
        })
    }

    /// Stop serving and wait for in-flight requests.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.handle.take() {
            let _ = h.await;
        }
        self.state.db.close().await;
    }

    pub fn bus(&self) -> Arc<dyn crate::bus::Bus> {
        self.state.bus.clone()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Point every Twitch URL (OAuth, Helix, EventSub) at lumio-testkit's strict fake Twitch, with
/// a secret key of its own for the channel credentials.
pub fn point_twitch_fake_at(
    fake: &lumio_testkit::twitch::FakeTwitch,
    c: &mut crate::config::Config,
) {
    c.platforms.twitch.api_url = fake.helix_url();
    c.platforms.twitch.client_id = Some(fake.client_id().to_string());
    c.twitch_auth.auth_url = fake.oauth_url();
    c.twitch_auth.client_secret = Some(fake.client_secret().to_string());
    c.secret_key = Some(crate::connections::crypto::SecretKey::generate());
    c.twitch_eventsub_url = fake.eventsub_ws_url();
}

/// Point 7TV, BTTV, FFZ, Trovo and Discord at lumio-testkit's emote provider fakes.
pub fn point_emote_providers_at(
    apis: &lumio_testkit::emote_providers::FakeEmoteApis,
    c: &mut crate::config::Config,
) {
    use lumio_testkit::emote_providers::{FAKE_DISCORD_TOKEN, FAKE_TROVO_CLIENT};
    let p = &mut c.platforms;
    p.seventv.api_url = apis.provider_url("7tv");
    p.bttv.api_url = apis.provider_url("bttv");
    p.ffz.api_url = apis.provider_url("ffz");
    p.trovo.api_url = apis.provider_url("trovo");
    p.trovo.client_id = Some(FAKE_TROVO_CLIENT.into());
    p.discord.api_url = apis.provider_url("discord");
    p.discord.token = Some(FAKE_DISCORD_TOKEN.into());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            replace_database("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            replace_database("postgres://u:p@h/db?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
        assert_eq!(replace_database("postgres://h", "x"), "postgres://h/x");
    }
}

/// Raw SQL for what tests must check or break below the stores: row counts of a table,
/// test-only DDL (a trigger that refuses a row), a credential's expiry moved. Everything a
/// feature's store answers goes through the store instead.
pub mod raw {
    use uuid::Uuid;

    use crate::on_db;
    use crate::store::Db;

    /// How many rows `table` holds (`COUNT(*)`), or how many distinct values of `column`.
    pub async fn count(db: &Db, table: &str, distinct: Option<&str>) -> i64 {
        let what = distinct.map_or("*".to_string(), |c| format!("DISTINCT {c}"));
        let sql = format!("SELECT COUNT({what}) FROM {table}");
        on_db!(db, |pool| sqlx::query_scalar::<_, i64>(&sql)
            .fetch_one(pool)
            .await)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// Run a statement without binds (test-only DDL).
    pub async fn execute(db: &Db, sql: &str) {
        on_db!(db, |pool| sqlx::query(sql).execute(pool).await.map(|_| ()))
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
    }

    /// Make a credential's stored expiry `at` (the token itself is untouched).
    pub async fn set_credential_expiry(db: &Db, id: Uuid, at: chrono::DateTime<chrono::Utc>) {
        let n = on_db!(db, |pool| sqlx::query(
            "UPDATE channel_credentials SET expires_at = $1 WHERE id = $2"
        )
        .bind(at)
        .bind(id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))
        .expect("set a credential's expiry");
        assert_eq!(n, 1, "no credential {id}");
    }
}
