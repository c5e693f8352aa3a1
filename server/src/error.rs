//! One error type for the whole server: every layer (store → service → transport) ends up
//! here, and each transport maps it the same way — REST to a status and
//! `{"error":{"code","message"}}`, GraphQL to an error with `extensions.code`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::auth::Permission;

pub type AppResult<T> = Result<T, AppError>;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Malformed request: unparsable JSON, wrong types, a bad UUID, an unknown enum value.
    #[error("{0}")]
    BadRequest(String),
    /// Well-formed but invalid input (a rule of the domain was broken).
    #[error("{0}")]
    Validation(String),
    #[error("{0}")]
    Unauthorized(String),
    #[error("missing permission {0}")]
    MissingPermission(Permission),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("request body is larger than the limit of {0} bytes")]
    PayloadTooLarge(usize),
    #[error("{0}")]
    RateLimited(String),
    #[error("{0}")]
    Unavailable(String),
    /// A platform's API refused or failed a call lumio made for the caller (502).
    #[error("{0}")]
    Platform(String),
    /// Anything unexpected: logged in full, answered opaquely.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code: bad_request, validation_failed, unauthorized, forbidden,
    /// not_found, conflict, payload_too_large, rate_limited, unavailable, platform_error,
    /// internal.
    pub code: &'static str,
    pub message: String,
    /// The permission that was missing, for `forbidden` answers caused by one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permission: Option<String>,
}

impl AppError {
    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        AppError::Internal(e.into())
    }

    /// The whole cause, for a log line: for an internal error its chain of sources (the
    /// database's own text included), never just "internal error".
    pub fn detail(&self) -> String {
        match self {
            AppError::Internal(e) => format!("{e:#}"),
            other => other.to_string(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            AppError::MissingPermission(_) | AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Platform(_) => StatusCode::BAD_GATEWAY,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "bad_request",
            AppError::Validation(_) => "validation_failed",
            AppError::Unauthorized(_) => "unauthorized",
            AppError::MissingPermission(_) | AppError::Forbidden(_) => "forbidden",
            AppError::NotFound(_) => "not_found",
            AppError::Conflict(_) => "conflict",
            AppError::PayloadTooLarge(_) => "payload_too_large",
            AppError::RateLimited(_) => "rate_limited",
            AppError::Unavailable(_) => "unavailable",
            AppError::Platform(_) => "platform_error",
            AppError::Internal(_) => "internal",
        }
    }

    pub fn body(&self) -> ErrorBody {
        if let AppError::Internal(e) = self {
            tracing::error!(error = ?e, "internal error");
        }
        ErrorBody {
            error: ErrorDetail {
                code: self.code(),
                message: self.to_string(),
                permission: match self {
                    AppError::MissingPermission(p) => Some(p.as_str().to_string()),
                    _ => None,
                },
            },
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        (self.status(), axum::Json(self.body())).into_response()
    }
}

impl async_graphql::ErrorExtensions for AppError {
    fn extend(&self) -> async_graphql::Error {
        let body = self.body();
        async_graphql::Error::new(body.error.message).extend_with(|_, ext| {
            ext.set("code", body.error.code);
            ext.set("status", self.status().as_u16());
            if let Some(p) = body.error.permission {
                ext.set("permission", p);
            }
        })
    }
}

/// Turn a service result into a GraphQL result that carries `extensions.code`.
pub trait IntoGql<T> {
    fn gql(self) -> async_graphql::Result<T>;
}

impl<T> IntoGql<T> for AppResult<T> {
    fn gql(self) -> async_graphql::Result<T> {
        use async_graphql::ErrorExtensions;
        self.map_err(|e| e.extend())
    }
}

/// Through [`crate::store::StoreError`]: one mapping of database failures to the API.
impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        crate::store::StoreError::from(e).into()
    }
}

impl From<crate::bus::BusError> for AppError {
    fn from(e: crate::bus::BusError) -> Self {
        match e {
            crate::bus::BusError::Unavailable(m) => AppError::Unavailable(m),
            other => AppError::Internal(anyhow::anyhow!(other.to_string())),
        }
    }
}
