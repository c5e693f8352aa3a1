//! A thin client of Twitch's OAuth server (`id.twitch.tv/oauth2`): the device code grant
//! (start and poll), refresh, validate and revoke.
//!
//! Why not `twitch_oauth2`: its endpoints are process-wide statics read once from the
//! `TWITCH_OAUTH2_URL` environment variable (and only with its `mock_api` feature), so one
//! process cannot point two servers (or a test and production) at different OAuth hosts. Here
//! the base URL is `LUMIO_TWITCH_AUTH_URL` of each server's configuration, and requests go
//! through the server's shared `reqwest::Client` (`AppState::http`).
//!
//! Twitch answers an error as `{"status": 400, "message": "authorization_pending"}` (not
//! RFC 6749's `error` member); both are read. An expired device code is
//! `"invalid device code"` on Twitch and `expired_token` in RFC 8628: both mean expired.

use std::time::Duration;

use serde::Deserialize;

use super::model::Token;
use crate::error::{AppError, AppResult};

pub const DEFAULT_TWITCH_AUTH_URL: &str = "https://id.twitch.tv/oauth2";
/// How long one OAuth call may take.
pub const OAUTH_TIMEOUT: Duration = Duration::from_secs(10);

/// Twitch OAuth settings beyond the client id (`LUMIO_TWITCH_CLIENT_ID`).
#[derive(Clone, PartialEq, Eq)]
pub struct TwitchAuth {
    /// `https://id.twitch.tv/oauth2`, no trailing slash.
    pub auth_url: String,
    /// Sent on refresh when set (confidential clients).
    pub client_secret: Option<String>,
}

impl Default for TwitchAuth {
    fn default() -> Self {
        TwitchAuth {
            auth_url: DEFAULT_TWITCH_AUTH_URL.into(),
            client_secret: None,
        }
    }
}

impl std::fmt::Debug for TwitchAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwitchAuth")
            .field("auth_url", &self.auth_url)
            .field("client_secret", &self.client_secret.as_ref().map(|_| "…"))
            .finish()
    }
}

/// The answer to `POST /device`.
#[derive(Debug, Clone, Deserialize)]
pub struct DeviceCode {
    pub device_code: Token,
    pub user_code: String,
    pub verification_uri: String,
    pub expires_in: i64,
    pub interval: i64,
}

/// Tokens from `POST /token` (device code or refresh grant).
#[derive(Debug, Clone, Deserialize)]
pub struct Grant {
    pub access_token: Token,
    pub refresh_token: Option<Token>,
    pub expires_in: Option<i64>,
    #[serde(default, deserialize_with = "scopes")]
    pub scope: Vec<String>,
}

/// The answer to `GET /validate`.
#[derive(Debug, Clone, Deserialize)]
pub struct Validated {
    pub client_id: String,
    pub login: Option<String>,
    pub user_id: Option<String>,
    #[serde(default, deserialize_with = "scopes")]
    pub scopes: Vec<String>,
    pub expires_in: Option<i64>,
}

/// Twitch sends scopes as an array (`null` for none); a space-separated string is accepted.
fn scopes<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum S {
        List(Vec<String>),
        Text(String),
    }
    Ok(match Option::<S>::deserialize(d)? {
        None => Vec::new(),
        Some(S::List(v)) => v,
        Some(S::Text(s)) => s.split_whitespace().map(String::from).collect(),
    })
}

/// One poll of a device code.
#[derive(Debug)]
pub enum DeviceOutcome {
    Pending,
    SlowDown,
    Expired,
    Denied,
    Granted(Grant),
}

/// A call Twitch answered with an error, or could not be made.
#[derive(Debug, thiserror::Error)]
pub enum OAuthError {
    /// Twitch refused: its HTTP status and message.
    #[error("Twitch answered {status}: {message}")]
    Refused { status: u16, message: String },
    #[error("{0}")]
    Unreachable(String),
}

impl From<OAuthError> for AppError {
    fn from(e: OAuthError) -> AppError {
        AppError::Platform(e.to_string())
    }
}

/// The error body Twitch sends: `{"status","message"}`, or RFC 6749's `{"error", …}`.
#[derive(Deserialize)]
struct ErrorBody {
    message: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
}

/// The OAuth client of one server.
pub struct TwitchOAuth<'a> {
    pub auth: &'a TwitchAuth,
    pub client_id: &'a str,
    http: &'a reqwest::Client,
}

impl<'a> TwitchOAuth<'a> {
    /// The client, or a 503 naming what to configure.
    pub fn new(state: &'a crate::state::AppState) -> AppResult<TwitchOAuth<'a>> {
        let config = &state.config;
        let client_id = config
            .platforms
            .twitch
            .client_id
            .as_deref()
            .ok_or_else(|| {
                AppError::Unavailable(
                    "Twitch is not configured on this server: set LUMIO_TWITCH_CLIENT_ID".into(),
                )
            })?;
        Ok(TwitchOAuth {
            auth: &config.twitch_auth,
            client_id,
            http: &state.http,
        })
    }

    async fn send(
        &self,
        what: &str,
        req: reqwest::RequestBuilder,
    ) -> Result<(u16, String), OAuthError> {
        let resp = req.timeout(OAUTH_TIMEOUT).send().await.map_err(|e| {
            OAuthError::Unreachable(if e.is_timeout() {
                format!("Twitch did not answer {what} within {OAUTH_TIMEOUT:?}")
            } else {
                format!(
                    "Twitch could not be reached to {what}: {}",
                    self.auth.auth_url
                )
            })
        })?;
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap_or_default();
        Ok((status, text))
    }

    fn refused(status: u16, text: &str) -> OAuthError {
        let message = serde_json::from_str::<ErrorBody>(text)
            .ok()
            .and_then(|b| b.message.or(b.error_description).or(b.error))
            .unwrap_or_else(|| format!("HTTP {status}"));
        OAuthError::Refused {
            status,
            message: crate::validate::quote(&message),
        }
    }

    fn parse<T: serde::de::DeserializeOwned>(what: &str, text: &str) -> Result<T, OAuthError> {
        serde_json::from_str(text).map_err(|_| {
            OAuthError::Unreachable(format!("Twitch answered {what} with an unexpected body"))
        })
    }

    fn form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::RequestBuilder {
        self.http
            .post(format!("{}{path}", self.auth.auth_url))
            .form(fields)
    }

    /// `POST /device`: start the device code grant for `scopes`.
    pub async fn start_device(&self, scopes: &[String]) -> Result<DeviceCode, OAuthError> {
        let scopes = scopes.join(" ");
        let req = self.form(
            "/device",
            &[("client_id", self.client_id), ("scopes", &scopes)],
        );
        let (status, text) = self.send("the device code request", req).await?;
        if status != 200 {
            return Err(Self::refused(status, &text));
        }
        Self::parse("the device code request", &text)
    }

    /// `POST /token` with the device code grant: one poll.
    pub async fn poll_device(
        &self,
        device_code: &Token,
        scopes: &[String],
    ) -> Result<DeviceOutcome, OAuthError> {
        let scopes = scopes.join(" ");
        let req = self.form(
            "/token",
            &[
                ("client_id", self.client_id),
                ("scopes", &scopes),
                ("device_code", device_code.expose()),
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
            ],
        );
        let (status, text) = self.send("the device code poll", req).await?;
        if status == 200 {
            return Self::parse("the device code poll", &text).map(DeviceOutcome::Granted);
        }
        match Self::refused(status, &text) {
            OAuthError::Refused { message, .. } if status == 400 => {
                match message.to_ascii_lowercase().as_str() {
                    "authorization_pending" => Ok(DeviceOutcome::Pending),
                    "slow_down" => Ok(DeviceOutcome::SlowDown),
                    "access_denied" => Ok(DeviceOutcome::Denied),
                    "expired_token" | "invalid device code" => Ok(DeviceOutcome::Expired),
                    _ => Err(OAuthError::Refused { status, message }),
                }
            }
            other => Err(other),
        }
    }

    /// `POST /token` with the refresh grant.
    pub async fn refresh(&self, refresh_token: &Token) -> Result<Grant, OAuthError> {
        let mut fields = vec![
            ("client_id", self.client_id),
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token.expose()),
        ];
        if let Some(secret) = self.auth.client_secret.as_deref() {
            fields.push(("client_secret", secret));
        }
        let (status, text) = self
            .send("the token refresh", self.form("/token", &fields))
            .await?;
        if status != 200 {
            return Err(Self::refused(status, &text));
        }
        Self::parse("the token refresh", &text)
    }

    /// `GET /validate`: whose token it is, its scopes and remaining life.
    pub async fn validate(&self, access_token: &Token) -> Result<Validated, OAuthError> {
        let req = self
            .http
            .get(format!("{}/validate", self.auth.auth_url))
            .header(
                reqwest::header::AUTHORIZATION,
                format!("OAuth {}", access_token.expose()),
            );
        let (status, text) = self.send("the token validation", req).await?;
        if status != 200 {
            return Err(Self::refused(status, &text));
        }
        Self::parse("the token validation", &text)
    }

    /// `POST /revoke`.
    pub async fn revoke(&self, access_token: &Token) -> Result<(), OAuthError> {
        let req = self.form(
            "/revoke",
            &[
                ("client_id", self.client_id),
                ("token", access_token.expose()),
            ],
        );
        let (status, text) = self.send("the token revocation", req).await?;
        if status != 200 {
            return Err(Self::refused(status, &text));
        }
        Ok(())
    }
}
