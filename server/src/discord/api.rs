//! A client of Discord's REST API v10 for what lumio asks of it: the OAuth2 code exchange
//! when the bot is added to a guild, and a guild's channels and roles. One `reqwest::Client`
//! for the process (in `AppState`), the base URL from `LUMIO_DISCORD_API_URL`, so tests run it
//! against lumio-testkit's fake Discord. The gateway connector and moderation through Discord
//! (issue 18, part 2) add their calls here.
//!
//! Errors keep what Discord said: its JSON error code and message (`10004 Unknown Guild`,
//! `50001 Missing Access`, …), the OAuth2 `error` / `error_description`, and a 429's
//! `retry_after`. A 429 whose wait is short is waited out once, then retried.

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;
use tracing::Instrument;

use super::model::{DiscordChannel, DiscordRole};
use crate::config::{DiscordOAuth, PlatformApi};
use crate::error::AppError;

/// How long one Discord call may take.
pub const DISCORD_TIMEOUT: Duration = Duration::from_secs(10);
/// A 429 asking to wait at most this long is waited out and retried once.
pub const MAX_RETRY_WAIT: Duration = Duration::from_secs(2);

/// What went wrong talking to Discord.
#[derive(Debug, thiserror::Error)]
pub enum DiscordError {
    /// lumio lacks a setting this call needs.
    #[error("Discord is not configured on this server: set {0}")]
    NotConfigured(&'static str),
    #[error("Discord could not be reached: {0}")]
    Unreachable(String),
    /// A JSON error of the API (`{"code", "message"}`).
    #[error("Discord answered {status}: {message} (code {code})")]
    Api {
        status: u16,
        code: u64,
        message: String,
    },
    /// An OAuth2 error (`{"error", "error_description"}`).
    #[error("Discord refused the authorization: {error} ({description})")]
    OAuth { error: String, description: String },
    #[error("Discord's rate limit was reached; retry after {retry_after:.1} s")]
    RateLimited { retry_after: f64, global: bool },
    #[error("Discord answered with something lumio cannot read: {0}")]
    Invalid(String),
}

impl From<DiscordError> for AppError {
    fn from(e: DiscordError) -> Self {
        let text = e.to_string();
        match e {
            DiscordError::NotConfigured(_) => AppError::Unavailable(text),
            DiscordError::OAuth { .. } => AppError::BadRequest(text),
            DiscordError::RateLimited { .. } => AppError::RateLimited(text),
            DiscordError::Api { status: 404, .. } => AppError::NotFound(text),
            DiscordError::Unreachable(_) | DiscordError::Api { .. } | DiscordError::Invalid(_) => {
                AppError::Platform(text)
            }
        }
    }
}

/// The guild named in a token answer when the bot was added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedGuild {
    pub id: String,
    pub name: String,
    pub icon: Option<String>,
    pub roles: Vec<DiscordRole>,
}

pub struct DiscordApi {
    http: reqwest::Client,
    api: PlatformApi,
    oauth: DiscordOAuth,
}

#[derive(Deserialize)]
struct JsonError {
    code: Option<u64>,
    message: Option<String>,
    retry_after: Option<f64>,
    global: Option<bool>,
    error: Option<String>,
    error_description: Option<String>,
}

impl DiscordApi {
    pub fn new(http: reqwest::Client, api: PlatformApi, oauth: DiscordOAuth) -> DiscordApi {
        DiscordApi { http, api, oauth }
    }

    /// The application id (OAuth2 client id), when configured.
    pub fn client_id(&self) -> Option<&str> {
        self.api.client_id.as_deref()
    }

    pub fn oauth(&self) -> &DiscordOAuth {
        &self.oauth
    }

    pub fn has_bot_token(&self) -> bool {
        self.api.token.is_some()
    }

    fn bot(
        &self,
        method: reqwest::Method,
        path: &str,
    ) -> Result<reqwest::RequestBuilder, DiscordError> {
        let token = self
            .api
            .token
            .as_deref()
            .ok_or(DiscordError::NotConfigured("LUMIO_DISCORD_TOKEN"))?;
        Ok(self
            .http
            .request(method, format!("{}{path}", self.api.api_url))
            .header("Authorization", format!("Bot {token}"))
            .timeout(DISCORD_TIMEOUT))
    }

    /// Send a request (built anew for a retry), waiting out one short 429.
    async fn send(
        &self,
        route: &'static str,
        build: impl Fn() -> Result<reqwest::RequestBuilder, DiscordError>,
    ) -> Result<Value, DiscordError> {
        let mut retried = false;
        loop {
            let span = tracing::info_span!("discord_call", route, status = tracing::field::Empty);
            let resp = build()?
                .send()
                .instrument(span.clone())
                .await
                .map_err(|e| {
                    DiscordError::Unreachable(if e.is_timeout() {
                        format!("no answer within {DISCORD_TIMEOUT:?}")
                    } else {
                        // The URL only: never a header (the token is in one).
                        format!("cannot connect to {}", self.api.api_url)
                    })
                })?;
            let status = resp.status().as_u16();
            span.record("status", status);
            let text = resp.text().await.unwrap_or_default();
            if (200..300).contains(&status) {
                if text.trim().is_empty() {
                    return Ok(Value::Null);
                }
                return serde_json::from_str(&text)
                    .map_err(|e| DiscordError::Invalid(format!("{route}: {e}")));
            }
            let body: Option<JsonError> = serde_json::from_str(&text).ok();
            if status == 429 {
                let retry_after = body.as_ref().and_then(|b| b.retry_after).unwrap_or(1.0);
                let global = body.as_ref().and_then(|b| b.global).unwrap_or(false);
                let wait = Duration::from_secs_f64(retry_after.max(0.0));
                if !retried && wait <= MAX_RETRY_WAIT {
                    tracing::info!(
                        route,
                        retry_after,
                        global,
                        "Discord rate limit; waiting once"
                    );
                    retried = true;
                    tokio::time::sleep(wait).await;
                    continue;
                }
                return Err(DiscordError::RateLimited {
                    retry_after,
                    global,
                });
            }
            return Err(match body {
                Some(JsonError {
                    error: Some(error),
                    error_description,
                    ..
                }) => DiscordError::OAuth {
                    error,
                    description: error_description.unwrap_or_default(),
                },
                Some(JsonError {
                    code,
                    message: Some(message),
                    ..
                }) => DiscordError::Api {
                    status,
                    code: code.unwrap_or(0),
                    message,
                },
                _ => DiscordError::Api {
                    status,
                    code: 0,
                    message: format!("HTTP {status}"),
                },
            });
        }
    }

    /// `POST /oauth2/token` (authorization code): the guild the bot was added to. The user
    /// access token in the answer is not kept: lumio acts as its bot, never as the user.
    pub async fn exchange_code(&self, code: &str) -> Result<AddedGuild, DiscordError> {
        let client_id = self
            .api
            .client_id
            .as_deref()
            .ok_or(DiscordError::NotConfigured("LUMIO_DISCORD_CLIENT_ID"))?;
        let secret = self
            .oauth
            .client_secret
            .as_deref()
            .ok_or(DiscordError::NotConfigured("LUMIO_DISCORD_CLIENT_SECRET"))?;
        let url = format!("{}/oauth2/token", self.api.api_url);
        let v = self
            .send("POST /oauth2/token", || {
                Ok(self
                    .http
                    .post(&url)
                    .basic_auth(client_id, Some(secret))
                    .timeout(DISCORD_TIMEOUT)
                    .form(&[
                        ("grant_type", "authorization_code"),
                        ("code", code),
                        ("redirect_uri", self.oauth.redirect_uri.as_str()),
                    ]))
            })
            .await?;
        let g = &v["guild"];
        let id = g["id"].as_str().ok_or_else(|| {
            DiscordError::Invalid(
                "the token answer names no guild (was the `bot` scope granted?)".into(),
            )
        })?;
        Ok(AddedGuild {
            id: id.to_string(),
            name: g["name"].as_str().unwrap_or_default().to_string(),
            icon: g["icon"].as_str().map(String::from),
            roles: roles_of(&g["roles"]),
        })
    }

    /// `GET /guilds/{id}/channels`.
    pub async fn guild_channels(
        &self,
        guild_id: &str,
    ) -> Result<Vec<DiscordChannel>, DiscordError> {
        let path = format!("/guilds/{guild_id}/channels");
        let v = self
            .send("GET /guilds/{guild_id}/channels", || {
                self.bot(reqwest::Method::GET, &path)
            })
            .await?;
        Ok(v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| {
                Some(DiscordChannel {
                    id: c["id"].as_str()?.to_string(),
                    name: c["name"].as_str().unwrap_or_default().to_string(),
                    kind: c["type"].as_i64().and_then(|k| i32::try_from(k).ok())?,
                    position: c["position"].as_i64().unwrap_or(0),
                    parent_id: c["parent_id"].as_str().map(String::from),
                })
            })
            .collect())
    }

    /// `GET /guilds/{id}/roles`.
    pub async fn guild_roles(&self, guild_id: &str) -> Result<Vec<DiscordRole>, DiscordError> {
        let path = format!("/guilds/{guild_id}/roles");
        let v = self
            .send("GET /guilds/{guild_id}/roles", || {
                self.bot(reqwest::Method::GET, &path)
            })
            .await?;
        Ok(roles_of(&v))
    }
}

fn roles_of(v: &Value) -> Vec<DiscordRole> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| {
            Some(DiscordRole {
                id: r["id"].as_str()?.to_string(),
                name: r["name"].as_str().unwrap_or_default().to_string(),
                color: r["color"].as_i64().unwrap_or(0),
                position: r["position"].as_i64().unwrap_or(0),
                managed: r["managed"].as_bool().unwrap_or(false),
                permissions: r["permissions"].as_str().unwrap_or("0").to_string(),
            })
        })
        .collect()
}
