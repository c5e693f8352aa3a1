//! REST calls of `lumio auth`: `/v1/auth/login`, `/v1/auth/logout`, `/v1/auth/me`.

use reqwest::Method;
use serde_json::json;

use super::model::{LoginResponse, Me};
use super::Client;
use crate::error::CliResult;

impl Client {
    /// `POST /v1/auth/login`: a session token for a username and password.
    pub async fn login(&self, username: &str, password: &str) -> CliResult<LoginResponse> {
        self.rest(
            Method::POST,
            "/v1/auth/login",
            Some(&json!({"username": username, "password": password})),
        )
        .await
    }

    /// `POST /v1/auth/logout`: revoke the client's token.
    pub async fn logout(&self) -> CliResult<()> {
        self.rest(Method::POST, "/v1/auth/logout", None::<&()>)
            .await
    }

    /// `GET /v1/auth/me`: the user, accounts with roles and permissions, the token.
    pub async fn me(&self) -> CliResult<Me> {
        self.rest(Method::GET, "/v1/auth/me", None::<&()>).await
    }
}
