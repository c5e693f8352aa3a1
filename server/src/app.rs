//! Building and serving the application: state, router, graceful shutdown.

use std::future::Future;
use std::sync::Arc;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::{middleware, Router};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::bus::{self, Bus};
use crate::config::Config;
use crate::graphql::{self, LumioSchema};
use crate::http::{self, metrics};
use crate::store::Db;

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
    /// The Discord REST client (one HTTP client for the process).
    pub discord: Arc<crate::discord::api::DiscordApi>,
}

impl AppState {
    pub fn new(db: Db, bus: Arc<dyn Bus>, config: Config) -> AppState {
        let profiles = Arc::new(crate::profiles::enrich::ProfileService::from_config(
            &config.platforms,
            config.enrich,
        ));
        let discord = Arc::new(crate::discord::api::DiscordApi::new(
            reqwest::Client::builder()
                .user_agent(concat!("lumio-server/", env!("CARGO_PKG_VERSION")))
                .build()
                .unwrap_or_default(),
            config.platforms.discord.clone(),
            config.discord_oauth.clone(),
        ));
        AppState {
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

/// The whole HTTP application.
pub fn build_router(state: AppState) -> Router {
    let v1 = Router::new()
        .merge(crate::auth::rest::router())
        .merge(crate::bots::rest::router())
        .merge(crate::chat::rest::router())
        .merge(crate::admin::rest::router(state.clone()))
        .merge(crate::chatter::rest::router())
        .merge(crate::commands::rest::router())
        .merge(crate::connections::rest::router())
        .merge(crate::discord::rest::router())
        .merge(crate::emotes::rest::router())
        .merge(crate::live_controls::rest::router())
        .merge(crate::moderation::rest::router())
        .merge(crate::notes::rest::router())
        .merge(crate::profiles::rest::router());
    Router::new()
        .route("/healthz", get(http::healthz))
        .route("/readyz", get(http::readyz))
        .route("/metrics", get(metrics::metrics_handler))
        .route(
            "/graphql",
            get(graphql::graphiql).post(graphql::graphql_handler),
        )
        .route("/graphql/ws", get(graphql::graphql_ws))
        .nest("/v1", v1)
        .merge(crate::discord::rest::callback_router())
        .fallback(http::not_found)
        .method_not_allowed_fallback(http::method_not_allowed)
        .layer(DefaultBodyLimit::max(state.config.body_limit))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            http::body_limit::limit,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(http::RedactedSpan)
                .on_response(http::RecordStatus(
                    DefaultOnResponse::new().level(Level::INFO),
                )),
        )
        .with_state(state)
}

/// Serve on `listener` until `shutdown` resolves, then finish in-flight requests. The
/// background workers (the chat flush) run alongside unless the configuration turns them
/// off, and flush once more on the way out.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop_workers, workers_rx) = tokio::sync::watch::channel(false);
    let flusher = state
        .config
        .workers
        .then(|| crate::chat::flush::Flusher::spawn(state.clone(), workers_rx.clone()));
    let closing = state.closing.clone();
    let scheduler = state
        .config
        .workers
        .then(|| crate::moderation::schedule::Scheduler::spawn(state.clone(), workers_rx.clone()));
    let counters = state
        .config
        .workers
        .then(|| crate::commands::exec::spawn_flusher(state.clone(), workers_rx.clone()));
    let delivery = state.config.workers.then(|| {
        crate::moderation::delivery::spawn(
            state.clone(),
            crate::moderation::delivery::DeliveryOptions::default(),
            workers_rx.clone(),
        )
    });
    let bot_worker = state.config.bot_worker.then(|| {
        crate::bots::worker::spawn(
            state.clone(),
            crate::bots::worker::WorkerOptions::from_config(&state.config),
            workers_rx.clone(),
        )
    });
    let router = build_router(state);
    // Small writes (live events, short JSON answers) go out at once: with Nagle's algorithm a
    // frame written while the previous one is unacknowledged waits for the client's delayed
    // ACK, about 40 ms.
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "cannot set TCP_NODELAY on a connection");
        }
    });
    // Connection info: the login throttle counts per client address.
    let served = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        closing.send_replace(true);
    })
    .await;
    let _ = stop_workers.send(true);
    if let Some(f) = flusher {
        let _ = f.await;
    }
    if let Some(s) = scheduler {
        let _ = s.await;
    }
    if let Some(c) = counters {
        let _ = c.await;
    }
    if let Some(b) = bot_worker {
        let _ = b.await;
    }
    if let Some(d) = delivery {
        let _ = d.await;
    }
    served
}

/// Resolves once `state`'s server has begun to shut down.
pub async fn closed(state: &AppState) {
    let mut rx = state.closing.subscribe();
    let _ = rx.wait_for(|closing| *closing).await;
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
