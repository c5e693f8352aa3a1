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
    ChannelRef, Connector, PlatformEmote, PlatformError, PlatformResult, PlatformUser, Poll,
    PollEnd, Prediction, PredictionEnd,
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
        let sent = self.send_message(token, ch, text, None).await?;
        // Twitch answers 200 with `is_sent: false` and a drop reason (AutoMod, slow mode…).
        if !sent.is_sent {
            return Err(PlatformError::Api {
                platform: Platform::Twitch,
                status: 200,
                error: sent.drop_code.unwrap_or_else(|| "not_sent".into()),
                message: sent
                    .drop_reason
                    .unwrap_or_else(|| "the message was not sent".into()),
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
        Ok(helix_emotes(&self.call(req).await?.unwrap_or_default()))
    }

    async fn cancel_raid(&self, token: &str, ch: &ChannelRef) -> PlatformResult<()> {
        let req = self
            .request(token, Method::DELETE, "/raids")
            .query(&[("broadcaster_id", ch.broadcaster_id.as_str())]);
        self.call(req).await.map(|_| ())
    }

    async fn end_poll(
        &self,
        token: &str,
        ch: &ChannelRef,
        id: &str,
        end: PollEnd,
    ) -> PlatformResult<Poll> {
        let req = self.request(token, Method::PATCH, "/polls").json(&json!({
            "broadcaster_id": ch.broadcaster_id, "id": id, "status": end.as_str(),
        }));
        let p = first(self.call(req).await?);
        let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
        Ok(Poll {
            id: p["id"].as_str().unwrap_or(id).to_string(),
            title: text(&p, "title"),
            status: p["status"].as_str().unwrap_or(end.as_str()).to_string(),
            choices: p["choices"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| {
                    let votes = c["votes"].as_i64().unwrap_or(0);
                    (text(c, "id"), text(c, "title"), votes)
                })
                .collect(),
        })
    }

    async fn end_prediction(
        &self,
        token: &str,
        ch: &ChannelRef,
        id: &str,
        end: &PredictionEnd,
    ) -> PlatformResult<Prediction> {
        let mut body = json!({"broadcaster_id": ch.broadcaster_id, "id": id,
            "status": end.as_str()});
        if let PredictionEnd::Resolved { winning_outcome_id } = end {
            body["winning_outcome_id"] = json!(winning_outcome_id);
        }
        let req = self
            .request(token, Method::PATCH, "/predictions")
            .json(&body);
        let p = first(self.call(req).await?);
        let text = |v: &Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
        let asked = match end {
            PredictionEnd::Resolved { winning_outcome_id } => Some(winning_outcome_id.clone()),
            _ => None,
        };
        Ok(Prediction {
            id: p["id"].as_str().unwrap_or(id).to_string(),
            title: text(&p, "title"),
            status: p["status"].as_str().unwrap_or(end.as_str()).to_string(),
            winning_outcome_id: p["winning_outcome_id"].as_str().map(String::from).or(asked),
            outcomes: p["outcomes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|o| {
                    let users = o["users"].as_i64().unwrap_or(0);
                    let points = o["channel_points"].as_i64().unwrap_or(0);
                    (text(o, "id"), text(o, "title"), users, points)
                })
                .collect(),
        })
    }
}

/// What Twitch said of a chat message sent with [`TwitchConnector::send_message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMessage {
    pub message_id: Option<String>,
    pub is_sent: bool,
    pub drop_code: Option<String>,
    pub drop_reason: Option<String>,
}

/// Calls only Twitch has, beyond [`Connector`].
impl TwitchConnector {
    /// `POST /chat/messages` (scope `user:write:chat`) as `ch.acting_user_id`, optionally as a
    /// reply: what Twitch said of it (a message may be dropped with a 200).
    pub async fn send_message(
        &self,
        token: &str,
        ch: &ChannelRef,
        text: &str,
        reply_to: Option<&str>,
    ) -> PlatformResult<SentMessage> {
        let mut body = json!({
            "broadcaster_id": ch.broadcaster_id,
            "sender_id": ch.acting_user_id,
            "message": text,
        });
        if let Some(r) = reply_to {
            body["reply_parent_message_id"] = json!(r);
        }
        let req = self
            .request(token, Method::POST, "/chat/messages")
            .json(&body);
        let d = first(self.call(req).await?);
        let s = |v: &Value| v.as_str().filter(|s| !s.is_empty()).map(String::from);
        Ok(SentMessage {
            message_id: s(&d["message_id"]),
            is_sent: d["is_sent"].as_bool().unwrap_or(false),
            drop_code: s(&d["drop_reason"]["code"]),
            drop_reason: s(&d["drop_reason"]["message"]),
        })
    }

    /// `GET /users?id=`: the user as Helix describes them (login, display name, image,
    /// description, type, creation), or None when Twitch does not know them.
    pub async fn user_by_id(&self, token: &str, id: &str) -> PlatformResult<Option<Value>> {
        let req = self
            .request(token, Method::GET, "/users")
            .query(&[("id", id)]);
        let u = first(self.call(req).await?);
        Ok((!u.is_null()).then_some(u))
    }

    /// `GET /chat/emotes/user?user_id=` (scope `user:read:emotes`): every emote `user_id` (the
    /// token's user) can use, every page.
    pub async fn user_emotes(
        &self,
        token: &str,
        user_id: &str,
    ) -> PlatformResult<Vec<PlatformEmote>> {
        let mut emotes = Vec::new();
        let mut after: Option<String> = None;
        for _ in 0..20 {
            let mut req = self
                .request(token, Method::GET, "/chat/emotes/user")
                .query(&[("user_id", user_id)]);
            if let Some(a) = &after {
                req = req.query(&[("after", a.as_str())]);
            }
            let v = self.call(req).await?.unwrap_or_default();
            emotes.extend(helix_emotes(&v));
            after = v["pagination"]["cursor"]
                .as_str()
                .filter(|c| !c.is_empty())
                .map(String::from);
            if after.is_none() {
                break;
            }
        }
        Ok(emotes)
    }
}

/// The first element of a Helix answer's `data`, or Null.
fn first(v: Option<Value>) -> Value {
    v.and_then(|v| v["data"].get(0).cloned())
        .unwrap_or(Value::Null)
}

/// Helix emote lists (`/chat/emotes`, `/chat/emotes/user`): the URL from `images.url_1x` or
/// else from the answer's `template`.
pub fn helix_emotes(v: &Value) -> Vec<PlatformEmote> {
    let template = v["template"].as_str().unwrap_or(
        "https://static-cdn.jtvnw.net/emoticons/v2/{{id}}/{{format}}/{{theme_mode}}/{{scale}}",
    );
    v["data"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let id = e["id"].as_str()?.to_string();
            let animated = e["format"]
                .as_array()
                .is_some_and(|f| f.iter().any(|x| x == "animated"));
            let url = e["images"]["url_1x"]
                .as_str()
                .map(String::from)
                .unwrap_or_else(|| {
                    template
                        .replace("{{id}}", &id)
                        .replace("{{format}}", if animated { "animated" } else { "static" })
                        .replace("{{theme_mode}}", "dark")
                        .replace("{{scale}}", "1.0")
                });
            Some(PlatformEmote {
                name: e["name"].as_str().unwrap_or_default().to_string(),
                id,
                url,
                animated,
            })
        })
        .collect()
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
