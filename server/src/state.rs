//! The state every request handler, resolver and worker reaches: the database, the bus, the
//! configuration, the caches and the one HTTP client for calls to the platforms. It sits below
//! the features (they import `crate::state::AppState`); `app.rs` only assembles the router.

use std::sync::Arc;
use std::time::Duration;

use crate::bus::{self, Bus};
use crate::config::Config;
use crate::graphql::{self, LumioSchema};
use crate::http::metrics;
use crate::store::Db;

/// The user agent of every call lumio-server makes to a platform.
pub const USER_AGENT: &str = concat!("lumio-server/", env!("CARGO_PKG_VERSION"));
/// How long a connection to a platform may take to open. Each call sets its own overall
/// timeout (`RequestBuilder::timeout`): OAuth 10 s, Helix 5 s, enrichment as configured.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The process's one HTTP client for the platforms (connection pool, user agent).
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(CONNECT_TIMEOUT)
        .build()
        .unwrap_or_default()
}

/// Everything a request handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub bus: Arc<dyn Bus>,
    pub config: Arc<Config>,
    pub metrics: Arc<metrics::Metrics>,
    pub schema: LumioSchema,
    pub auth_cache: Arc<crate::auth::service::AuthCache>,
    /// Token revocations, fanned out to this instance's live connections.
    pub revocations: Arc<crate::auth::revocation::Revocations>,
    /// Profile enrichment from the platforms' APIs (cache, circuit breakers).
    pub profiles: Arc<crate::profiles::enrich::ProfileService>,
    /// Set to `true` when the server begins to shut down: long-lived connections (the live
    /// WebSockets) close themselves, so graceful shutdown never waits on them and their
    /// clients reconnect elsewhere.
    pub closing: Arc<tokio::sync::watch::Sender<bool>>,
    /// Chatter look-up cache and badge flags written lately (not rewritten every message).
    pub chatter_writes: Arc<crate::chatter::service::RecentWrites>,
    /// Each account's loaded bot commands on this instance.
    pub commands: Arc<crate::commands::exec::CommandCache>,
    /// The Discord REST client (on `http`).
    pub discord: Arc<crate::discord::api::DiscordApi>,
    /// The one HTTP client for every platform call (OAuth, Helix, enrichment, emotes,
    /// Discord): built once, shared by all (a clone shares the connection pool).
    pub http: reqwest::Client,
}

impl AppState {
    pub fn new(db: Db, bus: Arc<dyn Bus>, config: Config) -> AppState {
        let http = http_client();
        let profiles = Arc::new(crate::profiles::enrich::ProfileService::from_config(
            http.clone(),
            &config.platforms,
            config.enrich,
        ));
        let discord = Arc::new(crate::discord::api::DiscordApi::new(
            http.clone(),
            config.platforms.discord.clone(),
            config.discord_oauth.clone(),
        ));
        AppState {
            http,
            discord,
            profiles,
            db,
            bus,
            config: Arc::new(config),
            metrics: Arc::new(metrics::Metrics::default()),
            schema: graphql::build_schema(),
            auth_cache: Arc::default(),
            revocations: Arc::default(),
            closing: Arc::new(tokio::sync::watch::Sender::new(false)),
            chatter_writes: Arc::default(),
            commands: Arc::default(),
        }
    }

    /// Connect the database and the bus the configuration names (migrations are not run),
    /// and listen for token revocations announced by other instances: when this returns,
    /// a revocation anywhere reaches this instance's auth cache and live connections.
    pub async fn connect(config: Config) -> anyhow::Result<AppState> {
        let db = Db::connect(&config.database_url).await?;
        let bus = bus::connect(config.redis_url.as_deref(), &config.bus_prefix).await?;
        let state = AppState::new(db, bus, config);
        crate::auth::revocation::listen(
            state.bus.clone(),
            state.auth_cache.clone(),
            state.revocations.clone(),
            state.closing.subscribe(),
        )
        .await;
        Ok(state)
    }
}

/// Resolves once `state`'s server has begun to shut down.
pub async fn closed(state: &AppState) {
    let mut rx = state.closing.subscribe();
    let _ = rx.wait_for(|closing| *closing).await;
}
