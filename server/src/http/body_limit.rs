//! Refusing a body over the size limit so that the client reads the 413.
//!
//! A server that answers 413 while the client is still sending, and then closes the
//! connection, makes the client's write fail with a reset: most HTTP clients then report a
//! broken connection instead of the answer. So a request that *declares* a body over the limit
//! (`Content-Length`) is answered only after what it sends has been read and thrown away, up
//! to [`DRAIN_MAX`] bytes and [`DRAIN_TIME`] (the "lingering close" of nginx and Apache). A
//! body without a declared length is cut off at the limit by `DefaultBodyLimit` as before.

use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONNECTION, CONTENT_LENGTH};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::StreamExt;

use crate::error::AppError;
use crate::state::AppState;

/// The most a refused body is read for, in bytes; past it the connection is closed at once.
pub const DRAIN_MAX: u64 = 16 * 1024 * 1024;
/// The longest a refused body is read for.
pub const DRAIN_TIME: Duration = Duration::from_secs(5);

/// Middleware: 413 for a declared body over `config.body_limit`, after draining it.
pub async fn limit(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let limit = state.config.body_limit;
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    match declared {
        Some(n) if n > limit as u64 => {
            if n <= DRAIN_MAX {
                let _ = tokio::time::timeout(DRAIN_TIME, drain(req.into_body())).await;
            }
            let mut resp = AppError::PayloadTooLarge(limit).into_response();
            resp.headers_mut()
                .insert(CONNECTION, HeaderValue::from_static("close"));
            resp
        }
        _ => next.run(req).await,
    }
}

/// Read a body to its end, keeping nothing.
async fn drain(body: Body) {
    let mut data = body.into_data_stream();
    while let Some(chunk) = data.next().await {
        if chunk.is_err() {
            return;
        }
    }
}
