//! Twitch behind [`Connector`]: a thin Helix client with our own types, acting with the token of
//! the channel's credential (see `connections::tokens`), through the server's shared `reqwest::Client`.
//!
//! Why not `twitch_api`: its Helix base URL can only be moved with the process-global
//! `TWITCH_HELIX_URL` env var under its `mock_api` feature, so tests could not point one
//! server at one fake on a free port each, nor could the config decide. Our calls are a dozen
//! endpoints with small bodies; a thin client keeps Twitch's status, `error` and `message`
//! and its `Ratelimit-*` headers without an adapter layer.

use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::{json, Value};

use crate::platforms::connector::{
    ChannelRef, Connector, PlatformEmote, PlatformError, PlatformResult, PlatformUser,
};
use crate::platforms::Platform;

/// How long one Helix call may take.
pub const HELIX_TIMEOUT: Duration = Duration::from_secs(5);

/// Twitch's Helix API for one application (client id).
#[derive(Clone)]
pub struct TwitchConnector {
    http: reqwest::Client,
    api_url: String,
    client_id: String,
}

impl TwitchConnector {
    pub fn new(http: reqwest::Client, api_url: &str, client_id: &str) -> TwitchConnector {
        TwitchConnector {
            http,
            api_url: api_url.trim_end_matches('/').to_string(),
            client_id: client_id.to_string(),
        }
    }

    /// The connector of this server's configuration (`LUMIO_TWITCH_API_URL`,
    /// `LUMIO_TWITCH_CLIENT_ID`), on the server's shared HTTP client.
    pub fn from_state(state: &crate::state::AppState) -> TwitchConnector {
        let api = &state.config.platforms.twitch;
        TwitchConnector::new(
            state.http.clone(),
            &api.api_url,
            api.client_id.as_deref().unwrap_or_default(),
        )
    }

    pub fn api_url(&self) -> &str {
        &self.api_url
    }

    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    pub(crate) fn request(&self, token: &str, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.api_url))
            .timeout(HELIX_TIMEOUT)
            .bearer_auth(token)
            .header("Client-Id", &self.client_id)
    }

    /// Send a call; any non-2xx answer becomes a [`PlatformError`] with what Twitch said.
    // The span names the platform and the route, never the query or headers (the token).
    #[tracing::instrument(name = "platform_call", level = "info", skip_all,
        fields(platform = "twitch", route = tracing::field::Empty))]
    pub(crate) async fn call(&self, req: RequestBuilder) -> PlatformResult<Option<Value>> {
        if let Some(r) = req.try_clone().and_then(|r| r.build().ok()) {
            tracing::Span::current().record("route", r.url().path());
        }
        let resp = req.send().await.map_err(|e| PlatformError::Unreachable {
            platform: Platform::Twitch,
            message: if e.is_timeout() {
                format!("no answer within {HELIX_TIMEOUT:?}")
            } else {
                // Never the URL with its query: only the host, which is config.
                format!("cannot connect to {}", host_of(&self.api_url))
            },
        })?;
        let status = resp.status();
        if status.is_success() {
            let text = resp.text().await.unwrap_or_default();
            if text.trim().is_empty() {
                return Ok(None);
            }
            return serde_json::from_str(&text)
                .map(Some)
                .map_err(|_| PlatformError::Api {
                    platform: Platform::Twitch,
                    status: status.as_u16(),
                    error: "Invalid JSON".into(),
                    message: "Twitch answered with something not JSON".into(),
                });
        }
        Err(error_of(resp).await)
    }
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

/// How long a 429 asks to wait: `Ratelimit-Reset` (epoch seconds, Helix) or `Retry-After`
/// (seconds), else one second.
pub fn retry_after(headers: &reqwest::header::HeaderMap, now: DateTime<Utc>) -> Duration {
    let num = |k: &str| {
        headers
            .get(k)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<i64>().ok())
    };
    if let Some(reset) = num("ratelimit-reset") {
        let wait = reset - now.timestamp();
        return Duration::from_secs(wait.clamp(1, 60) as u64);
    }
    if let Some(secs) = num("retry-after") {
        return Duration::from_secs(secs.clamp(1, 60) as u64);
    }
    Duration::from_secs(1)
}

/// A Helix error answer (`{"error","status","message"}`) as a [`PlatformError`].
async fn error_of(resp: Response) -> PlatformError {
    let status = resp.status();
    let wait = retry_after(resp.headers(), Utc::now());
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    let message = body["message"]
        .as_str()
        .unwrap_or_else(|| status.canonical_reason().unwrap_or("error"))
        .to_string();
    match status.as_u16() {
        // Helix answers a missing scope with a 401 too ("Missing scope: …"); a refresh would
        // not help, so it is kept as Twitch's answer rather than a refused token.
        401 if !message.to_ascii_lowercase().contains("scope") => PlatformError::Unauthorized {
            platform: Platform::Twitch,
            message,
        },
        429 => PlatformError::RateLimited {
            platform: Platform::Twitch,
            retry_after: wait,
            message,
        },
        code => PlatformError::Api {
            platform: Platform::Twitch,
            status: code,
            error: body["error"]
                .as_str()
                .unwrap_or_else(|| status.canonical_reason().unwrap_or("error"))
                .to_string(),
            message,
        },
    }
}

fn moderation(ch: &ChannelRef) -> [(&'static str, &str); 2] {
    [
        ("broadcaster_id", ch.broadcaster_id.as_str()),
        ("moderator_id", ch.acting_user_id.as_str()),
    ]
}

#[async_trait]
impl Connector for TwitchConnector {
    fn platform(&self) -> Platform {
        Platform::Twitch
    }

    async fn send(&self, token: &str, ch: &ChannelRef, text: &str) -> PlatformResult<()> {
        let req = self
            .request(token, Method::POST, "/chat/messages")
            .json(&json!({
                "broadcaster_id": ch.broadcaster_id,
                "sender_id": ch.acting_user_id,
                "message": text,
            }));
        let body = self.call(req).await?.unwrap_or_default();
        // Twitch answers 200 with `is_sent: false` and a drop reason (AutoMod, slow mode…).
        let sent = &body["data"][0];
        if sent["is_sent"].as_bool() == Some(false) {
            return Err(PlatformError::Api {
                platform: Platform::Twitch,
                status: 200,
                error: sent["drop_reason"]["code"]
                    .as_str()
                    .unwrap_or("not_sent")
                    .to_string(),
                message: sent["drop_reason"]["message"]
                    .as_str()
                    .unwrap_or("the message was not sent")
                    .to_string(),
            });
        }
        Ok(())
    }

    async fn ban(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
        duration: Option<u64>,
        reason: Option<&str>,
    ) -> PlatformResult<()> {
        let mut data = json!({ "user_id": user_id });
        if let Some(d) = duration {
            data["duration"] = json!(d);
        }
        if let Some(r) = reason {
            data["reason"] = json!(r);
        }
        let req = self
            .request(token, Method::POST, "/moderation/bans")
            .query(&moderation(ch))
            .json(&json!({ "data": data }));
        self.call(req).await.map(|_| ())
    }

    async fn unban(&self, token: &str, ch: &ChannelRef, user_id: &str) -> PlatformResult<()> {
        let req = self
            .request(token, Method::DELETE, "/moderation/bans")
            .query(&moderation(ch))
            .query(&[("user_id", user_id)]);
        self.call(req).await.map(|_| ())
    }

    async fn delete(
        &self,
        token: &str,
        ch: &ChannelRef,
        message_id: Option<&str>,
    ) -> PlatformResult<()> {
        let mut req = self
            .request(token, Method::DELETE, "/moderation/chat")
            .query(&moderation(ch));
        if let Some(id) = message_id {
            req = req.query(&[("message_id", id)]);
        }
        self.call(req).await.map(|_| ())
    }

    async fn warn(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
        reason: &str,
    ) -> PlatformResult<()> {
        let req = self
            .request(token, Method::POST, "/moderation/warnings")
            .query(&moderation(ch))
            .json(&json!({ "data": { "user_id": user_id, "reason": reason } }));
        self.call(req).await.map(|_| ())
    }

    async fn set_moderator(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
        on: bool,
    ) -> PlatformResult<()> {
        let method = if on { Method::POST } else { Method::DELETE };
        let req = self
            .request(token, method, "/moderation/moderators")
            .query(&[
                ("broadcaster_id", ch.broadcaster_id.as_str()),
                ("user_id", user_id),
            ]);
        self.call(req).await.map(|_| ())
    }

    async fn set_treatment(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
        treatment: Option<&str>,
    ) -> PlatformResult<()> {
        let req = match treatment {
            // Helix spells lumio's `active_monitoring` / `restricted` in capitals.
            Some(status) => self
                .request(token, Method::POST, "/moderation/suspicious_users")
                .query(&moderation(ch))
                .json(&json!({ "user_id": user_id, "status": status.to_ascii_uppercase() })),
            None => self
                .request(token, Method::DELETE, "/moderation/suspicious_users")
                .query(&moderation(ch))
                .query(&[("user_id", user_id)]),
        };
        self.call(req).await.map(|_| ())
    }

    async fn user_by_login(
        &self,
        token: &str,
        login: &str,
    ) -> PlatformResult<Option<PlatformUser>> {
        let req = self
            .request(token, Method::GET, "/users")
            .query(&[("login", login)]);
        let body = self.call(req).await?.unwrap_or_default();
        let u = &body["data"][0];
        let Some(id) = u["id"].as_str() else {
            return Ok(None);
        };
        let s = |k: &str| u[k].as_str().unwrap_or_default().to_string();
        Ok(Some(PlatformUser {
            id: id.to_string(),
            login: s("login"),
            display_name: s("display_name"),
            created_at: u["created_at"].as_str().and_then(|t| t.parse().ok()),
        }))
    }

    async fn follow_status(
        &self,
        token: &str,
        ch: &ChannelRef,
        user_id: &str,
    ) -> PlatformResult<Option<DateTime<Utc>>> {
        let req = self
            .request(token, Method::GET, "/channels/followers")
            .query(&[
                ("broadcaster_id", ch.broadcaster_id.as_str()),
                ("user_id", user_id),
            ]);
        let body = self.call(req).await?.unwrap_or_default();
        Ok(body["data"][0]["followed_at"]
            .as_str()
            .and_then(|t| t.parse().ok()))
    }

    async fn channel_emotes(
        &self,
        token: &str,
        ch: &ChannelRef,
    ) -> PlatformResult<Vec<PlatformEmote>> {
        let req = self
            .request(token, Method::GET, "/chat/emotes")
            .query(&[("broadcaster_id", ch.broadcaster_id.as_str())]);
        let body = self.call(req).await?.unwrap_or_default();
        let template = body["template"].as_str().unwrap_or_default();
        Ok(body["data"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| {
                let id = e["id"].as_str()?;
                let url = template
                    .replace("{{id}}", id)
                    .replace("{{format}}", "static")
                    .replace("{{theme_mode}}", "dark")
                    .replace("{{scale}}", "1.0");
                Some(PlatformEmote {
                    id: id.to_string(),
                    name: e["name"].as_str()?.to_string(),
                    url,
                })
            })
            .collect())
    }

    async fn cancel_raid(&self, token: &str, ch: &ChannelRef) -> PlatformResult<()> {
        let req = self
            .request(token, Method::DELETE, "/raids")
            .query(&[("broadcaster_id", ch.broadcaster_id.as_str())]);
        self.call(req).await.map(|_| ())
    }

    async fn end_poll(&self, token: &str, ch: &ChannelRef, id: &str) -> PlatformResult<()> {
        let req = self.request(token, Method::PATCH, "/polls").json(&json!({
            "broadcaster_id": ch.broadcaster_id, "id": id, "status": "TERMINATED",
        }));
        self.call(req).await.map(|_| ())
    }

    async fn end_prediction(&self, token: &str, ch: &ChannelRef, id: &str) -> PlatformResult<()> {
        let req = self
            .request(token, Method::PATCH, "/predictions")
            .json(&json!({
                "broadcaster_id": ch.broadcaster_id, "id": id, "status": "CANCELED",
            }));
        self.call(req).await.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_limit_reset_is_the_wait() {
        let now = Utc::now();
        let mut h = reqwest::header::HeaderMap::new();
        assert_eq!(retry_after(&h, now), Duration::from_secs(1));
        h.insert("retry-after", "7".parse().unwrap());
        assert_eq!(retry_after(&h, now), Duration::from_secs(7));
        h.insert(
            "ratelimit-reset",
            (now.timestamp() + 12).to_string().parse().unwrap(),
        );
        assert_eq!(retry_after(&h, now), Duration::from_secs(12));
    }

    #[test]
    fn the_host_only() {
        assert_eq!(host_of("https://api.twitch.tv/helix"), "api.twitch.tv");
        assert_eq!(host_of("http://127.0.0.1:9/helix"), "127.0.0.1:9");
    }
}
