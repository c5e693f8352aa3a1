//! REST calls of `lumio auth`: `/v1/auth/login`, `/v1/auth/logout`, `/v1/auth/me`.

use reqwest::Method;
use serde::Serialize;

use super::model::{LoginResponse, Me};
use super::Client;
use crate::error::CliResult;

#[derive(Serialize)]
struct Login<'a> {
    username: &'a str,
    password: &'a str,
}

impl Client {
    /// `POST /v1/auth/login`: a session token for a username and password.
    pub async fn login(&self, username: &str, password: &str) -> CliResult<LoginResponse> {
        self.call(
            self.v1(Method::POST, &["auth", "login"])?
                .json(&Login { username, password }),
        )
        .await
    }

    /// `POST /v1/auth/logout`: revoke the client's token.
    pub async fn logout(&self) -> CliResult<()> {
        self.call(self.v1(Method::POST, &["auth", "logout"])?).await
    }

    /// `GET /v1/auth/me`: the user, accounts with roles and permissions, the token.
    pub async fn me(&self) -> CliResult<Me> {
        self.call(self.v1(Method::GET, &["auth", "me"])?).await
    }
}
