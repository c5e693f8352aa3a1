//! The axum extractor that authenticates a REST call.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::HeaderMap;

use super::permission::Permission;
use super::principal::{AccountCtx, Principal, UserPrincipal};
use super::service;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Header naming the account a call acts in (id or slug).
pub const ACCOUNT_HEADER: &str = "x-lumio-account";

/// The caller and the account they named, if any.
#[derive(Debug, Clone)]
pub struct Auth {
    pub principal: Principal,
    pub account: Option<String>,
}

impl Auth {
    pub async fn from_headers(state: &AppState, headers: &HeaderMap) -> AppResult<Auth> {
        let header = headers
            .get(AUTHORIZATION)
            .map(|v| v.to_str())
            .transpose()
            .map_err(|_| AppError::Unauthorized("the Authorization header is not text".into()))?;
        let principal = service::authenticate(state, header).await?;
        let account = headers
            .get(ACCOUNT_HEADER)
            .map(|v| v.to_str().map(str::to_string))
            .transpose()
            .map_err(|_| AppError::BadRequest("the X-Lumio-Account header is not text".into()))?;
        if let Some(a) = &account {
            crate::validate::bounded("X-Lumio-Account", a, crate::validate::MAX_ACCOUNT_REF_CHARS)?;
        }
        Ok(Auth { principal, account })
    }

    /// Check `permission` in the account of the call (argument first, then header).
    pub fn require_in(
        &self,
        permission: Permission,
        account: Option<&str>,
    ) -> AppResult<AccountCtx> {
        self.principal
            .require(permission, account.or(self.account.as_deref()))
    }

    pub fn require(&self, permission: Permission) -> AppResult<AccountCtx> {
        self.require_in(permission, None)
    }

    pub fn require_admin(&self, permission: Permission) -> AppResult<&UserPrincipal> {
        self.principal.require_admin(permission)
    }
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        Auth::from_headers(state, &parts.headers).await
    }
}
