//! Extractors whose rejections are our JSON errors (never axum's plain-text ones).

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::state::AppState;

/// `axum::Json` with JSON errors: 400 for malformed JSON or wrong types, 413 past the limit.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AppError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(rejection) => Err(json_rejection(rejection, state.config.body_limit)),
        }
    }
}

pub fn json_rejection(rejection: JsonRejection, limit: usize) -> AppError {
    match rejection {
        JsonRejection::JsonDataError(e) => {
            AppError::BadRequest(format!("invalid request body: {}", e.body_text()))
        }
        JsonRejection::JsonSyntaxError(e) => {
            AppError::BadRequest(format!("malformed JSON: {}", e.body_text()))
        }
        JsonRejection::MissingJsonContentType(_) => {
            AppError::BadRequest("expected Content-Type: application/json".into())
        }
        JsonRejection::BytesRejection(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            AppError::PayloadTooLarge(limit)
        }
        other => AppError::BadRequest(other.body_text()),
    }
}

/// `axum::extract::Path` with a 400 JSON error naming the parameter.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|p| ApiPath(p.0))
            .map_err(|e: PathRejection| AppError::BadRequest(e.body_text()))
    }
}

/// `axum::extract::Query` with a 400 JSON error.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|e: QueryRejection| AppError::BadRequest(e.body_text()))
    }
}

/// The address a request came from, as the login throttle counts it: the connection's peer
/// address; when that peer is one of `LUMIO_TRUSTED_PROXIES`, the right-most address of
/// `X-Forwarded-For` that is not itself a trusted proxy. A client cannot pick its address
/// by sending the header: from an untrusted peer it is ignored. `None` when the router runs
/// without connection info (tests that call it in-process).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub Option<std::net::IpAddr>);

impl ClientAddr {
    pub fn resolve(
        peer: Option<std::net::IpAddr>,
        forwarded_for: Option<&str>,
        trusted: &[std::net::IpAddr],
    ) -> ClientAddr {
        let Some(peer) = peer else {
            return ClientAddr(None);
        };
        if !trusted.contains(&peer) {
            return ClientAddr(Some(peer));
        }
        let mut client = peer;
        if let Some(list) = forwarded_for {
            for hop in list.rsplit(',') {
                match hop.trim().parse::<std::net::IpAddr>() {
                    Ok(ip) => {
                        client = ip;
                        if !trusted.contains(&ip) {
                            break;
                        }
                    }
                    // A hop that is not an address: stop at the last one believed.
                    Err(_) => break,
                }
            }
        }
        ClientAddr(Some(client))
    }
}

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|c| c.0.ip());
        let forwarded = parts
            .headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        Ok(ClientAddr::resolve(
            peer,
            forwarded,
            &state.config.trusted_proxies,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::ClientAddr;
    use std::net::IpAddr;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_client_address_believes_only_trusted_proxies() {
        let proxy = ip("10.0.0.2");
        let trusted = [proxy];
        // An untrusted peer's header is ignored.
        assert_eq!(
            ClientAddr::resolve(Some(ip("203.0.113.9")), Some("1.2.3.4"), &trusted),
            ClientAddr(Some(ip("203.0.113.9")))
        );
        // Through the proxy: the right-most untrusted hop.
        assert_eq!(
            ClientAddr::resolve(Some(proxy), Some("1.2.3.4, 198.51.100.7"), &trusted),
            ClientAddr(Some(ip("198.51.100.7")))
        );
        assert_eq!(
            ClientAddr::resolve(Some(proxy), Some("198.51.100.7, 10.0.0.2"), &trusted),
            ClientAddr(Some(ip("198.51.100.7")))
        );
        assert_eq!(
            ClientAddr::resolve(Some(proxy), None, &trusted),
            ClientAddr(Some(proxy))
        );
        assert_eq!(
            ClientAddr::resolve(Some(proxy), Some("garbage"), &trusted),
            ClientAddr(Some(proxy))
        );
        assert_eq!(
            ClientAddr::resolve(None, Some("1.2.3.4"), &trusted),
            ClientAddr(None)
        );
    }
}
