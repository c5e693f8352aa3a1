//! Prometheus text metrics: request counts and latency histograms per route and status.
//!
//! Recorded with the `metrics` crate into a `metrics-exporter-prometheus` recorder that
//! belongs to this server (never installed globally, so several servers in one process, as
//! in the tests, each count their own requests), and rendered by it at `/metrics`.
//!
//! A recorder built with `build_recorder` runs no upkeep task of its own: every histogram
//! sample waits in the recorder until something drains it, and a server nobody scrapes would
//! keep every request's sample (about 2,000 a second under the chat benchmark) for ever. So
//! every [`UPKEEP_EVERY`] observations drain the samples into the bucket counts.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{
    Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder,
};

use crate::state::AppState;

const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];
const REQUESTS: &str = "lumio_http_requests_total";
const DURATION: &str = "lumio_http_request_duration_seconds";
const UP: &str = "lumio_up";
const DUPLICATES: &str = "lumio_chat_duplicates_refused_total";
/// Observations between two drains of the pending histogram samples (at most this many are
/// ever kept unaggregated).
const UPKEEP_EVERY: u64 = 1024;

/// Request metrics, labelled by method, route template and status.
pub struct Metrics {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
    observed: AtomicU64,
}

impl Default for Metrics {
    fn default() -> Self {
        let builder = PrometheusBuilder::new();
        let builder = match builder.set_buckets_for_metric(Matcher::Full(DURATION.into()), &BUCKETS)
        {
            Ok(b) => b,
            // Only an empty bucket list is refused; BUCKETS is not empty.
            Err(_) => PrometheusBuilder::new(),
        };
        let recorder = builder.build_recorder();
        metrics::with_local_recorder(&recorder, || {
            metrics::describe_counter!(REQUESTS, "HTTP requests answered.");
            metrics::describe_histogram!(DURATION, "Time to answer HTTP requests.");
            metrics::describe_gauge!(UP, "1 while the server is serving.");
            metrics::describe_counter!(
                DUPLICATES,
                "Buffered messages the flush found already stored under their platform message id \
                 (a copy that arrived after LUMIO_DEDUP_WINDOW), refused and not stored twice."
            );
            metrics::gauge!(UP).set(1.0);
        });
        let handle = recorder.handle();
        Metrics {
            recorder,
            handle,
            observed: AtomicU64::new(0),
        }
    }
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, seconds: f64) {
        let labels = [
            ("method", method.to_string()),
            ("route", route.to_string()),
            ("status", status.to_string()),
        ];
        metrics::with_local_recorder(&self.recorder, || {
            metrics::counter!(REQUESTS, &labels).increment(1);
            metrics::histogram!(DURATION, &labels).record(seconds);
        });
        if self.observed.fetch_add(1, Ordering::Relaxed) % UPKEEP_EVERY == UPKEEP_EVERY - 1 {
            self.handle.run_upkeep();
        }
    }

    /// Add one to a counter of this server (`name` with its labels).
    pub fn count(&self, name: &'static str, labels: &[(&'static str, String)]) {
        metrics::with_local_recorder(&self.recorder, || {
            metrics::counter!(name, labels).increment(1);
        });
    }

    /// The Prometheus text exposition format.
    pub fn render(&self) -> String {
        metrics::with_local_recorder(&self.recorder, || {
            metrics::counter!(DUPLICATES).absolute(crate::chat::flush::duplicates_refused());
        });
        self.handle.render()
    }
}

/// Middleware recording every request.
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "unmatched".to_string());
    let response = next.run(req).await;
    state.metrics.observe(
        &method,
        &route,
        response.status().as_u16(),
        start.elapsed().as_secs_f64(),
    );
    response
}

pub async fn metrics_handler(State(state): State<AppState>) -> impl IntoResponse {
    let body = state.metrics.render();
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        body,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counts_and_buckets() {
        let m = Metrics::default();
        m.observe("GET", "/healthz", 200, 0.002);
        m.observe("GET", "/healthz", 200, 0.2);
        let text = m.render();
        assert!(text.contains(
            "lumio_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2"
        ));
        assert!(text.contains("le=\"0.0025\"} 1"));
        assert!(text.contains("le=\"0.25\"} 2"));
        assert!(text.contains("le=\"+Inf\"} 2"));
    }

    #[test]
    fn samples_drained_between_scrapes_are_all_counted() {
        let m = Metrics::default();
        // Several drains (every UPKEEP_EVERY observations) before the first render, and a
        // remainder still pending at the render.
        let n = UPKEEP_EVERY * 3 + 17;
        for i in 0..n {
            let seconds = if i % 2 == 0 { 0.002 } else { 0.2 };
            m.observe("POST", "/v1/chat/message", 201, seconds);
        }
        let text = m.render();
        let route = "method=\"POST\",route=\"/v1/chat/message\",status=\"201\"";
        assert!(text.contains(&format!("lumio_http_requests_total{{{route}}} {n}")));
        assert!(text.contains(&format!("{route},le=\"0.0025\"}} {}", n.div_ceil(2))));
        assert!(
            text.contains(&format!("{route},le=\"+Inf\"}} {n}")),
            "{text}"
        );
        assert!(text.contains(&format!(
            "lumio_http_request_duration_seconds_count{{{route}}} {n}"
        )));
    }
}
