//! Building and serving the application: router, workers, graceful shutdown. The state
//! every handler reaches is [`crate::state::AppState`].

use std::future::Future;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::{middleware, Router};
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::graphql;
use crate::http::{self, metrics};
use crate::state::AppState;

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
