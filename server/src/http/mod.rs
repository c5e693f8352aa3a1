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

use crate::error::AppError;
use crate::state::AppState;

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

/// Query parameters whose values are secrets: never written to a log line (the live
/// WebSocket's `token`, OAuth's `code` and `state`, any credential a client may misplace).
const SECRET_PARAMS: [&str; 8] = [
    "token",
    "access_token",
    "refresh_token",
    "code",
    "state",
    "client_secret",
    "password",
    "api_key",
];

/// A request's path and query for a log line, with the values of secret parameters
/// replaced by `[redacted]`. Names are compared percent-decoded and case-insensitively, so
/// `%74oken` and `TOKEN` are caught too.
pub fn redacted_uri(uri: &axum::http::Uri) -> String {
    let Some(query) = uri.query() else {
        return uri.path().to_string();
    };
    let parts: Vec<String> = query
        .split('&')
        .map(|pair| {
            let name = pair.split('=').next().unwrap_or_default();
            let decoded: String = url::form_urlencoded::parse(name.as_bytes())
                .map(|(k, _)| k.into_owned())
                .collect();
            let secret = SECRET_PARAMS
                .iter()
                .any(|s| decoded.eq_ignore_ascii_case(s));
            if secret {
                format!("{name}=[redacted]")
            } else {
                pair.to_string()
            }
        })
        .collect();
    format!("{}?{}", uri.path(), parts.join("&"))
}

/// The request span of the access log: method, the matched route, the path and query
/// (secrets redacted), and the status once answered ([`RecordStatus`]). (tower-http's
/// default span logs the whole URI, query parameters included.) The layer runs per route,
/// so the route template is known here; an unmatched request says `unmatched`.
#[derive(Debug, Clone, Copy)]
pub struct RedactedSpan;

impl<B> tower_http::trace::MakeSpan<B> for RedactedSpan {
    fn make_span(&mut self, request: &axum::http::Request<B>) -> tracing::Span {
        let route = request
            .extensions()
            .get::<axum::extract::MatchedPath>()
            .map_or("unmatched", |p| p.as_str());
        tracing::info_span!(
            "request",
            method = %request.method(),
            route = %route,
            uri = %redacted_uri(request.uri()),
            version = ?request.version(),
            status = tracing::field::Empty,
        )
    }
}

/// Records the status on the request span, then logs the answer as tower-http does.
#[derive(Debug, Clone)]
pub struct RecordStatus(pub tower_http::trace::DefaultOnResponse);

impl<B> tower_http::trace::OnResponse<B> for RecordStatus {
    fn on_response(
        self,
        response: &axum::http::Response<B>,
        latency: std::time::Duration,
        span: &tracing::Span,
    ) {
        span.record("status", response.status().as_u16());
        self.0.on_response(response, latency, span);
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
        assert_eq!(
            r("/discord/callback?code=abc&state=xyz&guild_id=1"),
            "/discord/callback?code=[redacted]&state=[redacted]&guild_id=1"
        );
        for p in ["refresh_token", "client_secret", "password", "Access_Token"] {
            assert_eq!(r(&format!("/x?{p}=s3cret")), format!("/x?{p}=[redacted]"));
        }
    }
}
