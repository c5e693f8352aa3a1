//! Transport plumbing shared by every feature: extractors, metrics, health, fallbacks.

pub mod body_limit;
pub mod extract;
pub mod metrics;

use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use serde_json::json;

use crate::app::AppState;
use crate::error::AppError;

/// Liveness: the process answers.
pub async fn healthz() -> impl IntoResponse {
    Json(json!({"status": "ok"}))
}

/// Readiness: the database and the bus answer within two seconds each.
pub async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    let limit = Duration::from_secs(2);
    let db = match tokio::time::timeout(limit, state.db.ping()).await {
        Ok(Ok(())) => "ok".to_string(),
        Ok(Err(e)) => format!("error: {e}"),
        Err(_) => "error: timed out".to_string(),
    };
    let bus = match tokio::time::timeout(limit, state.bus.ping()).await {
        Ok(Ok(())) => "ok".to_string(),
        Ok(Err(e)) => format!("error: {e}"),
        Err(_) => "error: timed out".to_string(),
    };
    let ready = db == "ok" && bus == "ok";
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(json!({
            "status": if ready { "ready" } else { "unavailable" },
            "database": db,
            "database_backend": state.db.backend_name(),
            "bus": bus,
            "bus_backend": state.bus.backend(),
        })),
    )
}

/// Query parameters whose values are secrets: never written to a log line.
const SECRET_PARAMS: [&str; 3] = ["token", "access_token", "api_key"];

/// A request's path and query for a log line, with the values of secret parameters
/// (`token=` of the live WebSocket, for browsers) replaced by `[redacted]`.
pub fn redacted_uri(uri: &axum::http::Uri) -> String {
    let Some(query) = uri.query() else {
        return uri.path().to_string();
    };
    let parts: Vec<String> = query
        .split('&')
        .map(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            let secret = SECRET_PARAMS
                .iter()
                .any(|s| name.eq_ignore_ascii_case(s) || percent_decoded_is(name, s));
            if secret {
                format!("{name}=[redacted]")
            } else {
                pair.to_string()
            }
        })
        .collect();
    format!("{}?{}", uri.path(), parts.join("&"))
}

/// Whether a percent-encoded parameter name decodes to `want` (so `%74oken` is caught too).
fn percent_decoded_is(name: &str, want: &str) -> bool {
    if !name.contains('%') {
        return false;
    }
    let bytes = name.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).eq_ignore_ascii_case(want)
}

/// The request span of the access log: method, path and query (secrets redacted), version.
/// (tower-http's default span logs the whole URI, query parameters included.)
#[derive(Debug, Clone, Copy)]
pub struct RedactedSpan;

impl<B> tower_http::trace::MakeSpan<B> for RedactedSpan {
    fn make_span(&mut self, request: &axum::http::Request<B>) -> tracing::Span {
        tracing::info_span!(
            "request",
            method = %request.method(),
            uri = %redacted_uri(request.uri()),
            version = ?request.version(),
        )
    }
}

pub async fn not_found() -> AppError {
    AppError::NotFound("no such endpoint".into())
}

pub async fn method_not_allowed() -> impl IntoResponse {
    (
        StatusCode::METHOD_NOT_ALLOWED,
        Json(
            json!({"error": {"code": "method_not_allowed", "message": "method not allowed on this endpoint"}}),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::redacted_uri;

    #[test]
    fn secret_query_parameters_are_redacted() {
        let r = |u: &str| redacted_uri(&u.parse().unwrap());
        assert_eq!(r("/v1/chat/ws"), "/v1/chat/ws");
        assert_eq!(
            r("/v1/chat/ws?token=lum_abc&since=00ff"),
            "/v1/chat/ws?token=[redacted]&since=00ff"
        );
        assert_eq!(
            r("/v1/chat/ws?since=1&TOKEN=lum_abc&account=demo"),
            "/v1/chat/ws?since=1&TOKEN=[redacted]&account=demo"
        );
        assert_eq!(r("/x?%74oken=lum_abc"), "/x?%74oken=[redacted]");
        assert_eq!(r("/x?token"), "/x?token=[redacted]");
        assert_eq!(r("/x?tokens=1"), "/x?tokens=1");
    }
}
