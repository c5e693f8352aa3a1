//! Channel connections and bot control over REST: `/v1/connections…` (connect Twitch with a
//! device code or pasted tokens, list, remove) and seed 001's `/v1/bot-status`,
//! `/v1/bot-toggle`, `/v1/bot-rejoin`. Tokens travel only in request bodies, never in a URL.

use reqwest::Method;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::Client;
use crate::error::CliResult;

/// A credential as the server shows it (never the token).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Credential {
    pub id: String,
    pub role: String,
    pub user_id: String,
    pub login: String,
    pub scopes: Vec<String>,
    pub expires_at: Option<String>,
    pub status: String,
    pub status_reason: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Connection {
    pub id: String,
    pub platform: String,
    pub channel_name: String,
    pub channel_id: Option<String>,
    pub bot_enabled: bool,
    pub created_at: String,
    pub credentials: Vec<Credential>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeviceFlow {
    pub flow_id: String,
    pub user_code: String,
    pub verification_uri: String,
    pub expires_at: String,
    pub interval: i64,
    pub scopes: Vec<String>,
    pub role: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DevicePoll {
    pub status: String,
    pub interval: i64,
    pub message: String,
    pub connection: Option<Connection>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Removed {
    pub connection_id: String,
    pub connection_removed: bool,
    pub credentials_removed: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BotChannel {
    pub connection_id: String,
    pub channel_name: String,
    pub channel_id: Option<String>,
    pub bot_enabled: bool,
    pub credential_status: Option<String>,
    pub status_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BotStatus {
    pub platform: String,
    pub status: String,
    pub label: String,
    pub channels: Vec<BotChannel>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BotAction {
    pub action: String,
    pub channel: String,
    pub bot: BotStatus,
}

impl Client {
    /// `GET /v1/connections`.
    pub async fn connections(&self) -> CliResult<Vec<Connection>> {
        self.call(self.v1(Method::GET, &["connections"])?).await
    }

    /// `POST /v1/connections/twitch/device`.
    pub async fn start_twitch_connect(
        &self,
        channel: Option<&str>,
        scopes: &[String],
        role: Option<&str>,
    ) -> CliResult<DeviceFlow> {
        let mut body = json!({});
        if let Some(c) = channel {
            body["channel"] = json!(c);
        }
        if !scopes.is_empty() {
            body["scopes"] = json!(scopes);
        }
        if let Some(r) = role {
            body["role"] = json!(r);
        }
        self.call(
            self.v1(Method::POST, &["connections", "twitch", "device"])?
                .json(&body),
        )
        .await
    }

    /// `POST /v1/connections/twitch/device/{flow_id}/poll`.
    pub async fn poll_twitch_connect(&self, flow_id: &str) -> CliResult<DevicePoll> {
        self.call(self.v1(
            Method::POST,
            &["connections", "twitch", "device", flow_id, "poll"],
        )?)
        .await
    }

    /// `POST /v1/connections/twitch/tokens` (the tokens in the body only).
    pub async fn connect_twitch_tokens(
        &self,
        access_token: &str,
        refresh_token: Option<&str>,
        channel: Option<&str>,
        role: Option<&str>,
    ) -> CliResult<Connection> {
        let body = json!({"access_token": access_token, "refresh_token": refresh_token,
            "channel": channel, "role": role});
        self.call(
            self.v1(Method::POST, &["connections", "twitch", "tokens"])?
                .json(&body),
        )
        .await
    }

    /// `DELETE /v1/connections/{id}[?role=]`.
    pub async fn remove_connection(&self, id: &str, role: Option<&str>) -> CliResult<Removed> {
        let mut req = self.v1(Method::DELETE, &["connections", id])?;
        if let Some(r) = role {
            req = req.query(&[("role", r)]);
        }
        self.call(req).await
    }

    /// `GET /v1/bot-status`.
    pub async fn bot_status(&self) -> CliResult<Vec<BotStatus>> {
        self.call(self.v1(Method::GET, &["bot-status"])?).await
    }

    /// `POST /v1/bot-toggle`.
    pub async fn bot_toggle(&self, platform: &str, enabled: bool) -> CliResult<BotAction> {
        self.call(
            self.v1(Method::POST, &["bot-toggle"])?
                .json(&json!({"platform": platform, "enabled": enabled})),
        )
        .await
    }

    /// `POST /v1/bot-rejoin`.
    pub async fn bot_rejoin(&self, platform: &str) -> CliResult<BotAction> {
        self.call(
            self.v1(Method::POST, &["bot-rejoin"])?
                .json(&json!({"platform": platform})),
        )
        .await
    }
}
