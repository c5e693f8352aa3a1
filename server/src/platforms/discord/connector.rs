//! Discord behind the [`Connector`] trait: a thin client of REST v10 with the bot token.
//!
//! - timeout: `PATCH /guilds/{g}/members/{u}` `{"communication_disabled_until"}`;
//! - ban / unban: `PUT` / `DELETE /guilds/{g}/bans/{u}`;
//! - delete: `DELETE /channels/{c}/messages/{m}`;
//! - send: `POST /channels/{c}/messages`;
//! - warn, moderator status, treatments, user look-up, follows, emotes: `Unsupported`.
//!
//! Rate limits (Discord docs "Topics — Rate Limits"): every answer's `X-RateLimit-Remaining`
//! and `X-RateLimit-Reset-After` are kept per route and major parameter; a call to a bucket
//! known to be empty waits for its reset, and a 429 waits its `retry_after` (globally when
//! `global` is true) and tries again: a rate limit is a wait, not a failure. Only after
//! [`MAX_ATTEMPTS`] 429s in a row is `RateLimited` returned.
//!
//! Ids: a Discord [`ChannelRef::broadcaster_id`] is the guild id, or `{guild_id}/{channel_id}`
//! when a call posts into a channel. A message id as lumio stores it
//! (`platform_message_id`) is `{channel_id}/{message_id}`: Discord deletes a message through
//! its channel.
//!
//! The bot token comes from the configuration (`LUMIO_DISCORD_TOKEN`); the `token` argument of
//! the trait's calls is not used (a Discord bot acts with its own token in every guild). It is
//! sent only to the configured API host, and never logged.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::{json, Value};
use tokio::time::Instant;
use tracing::Instrument;

use crate::platforms::connector::{
    ChannelRef, Connector, PlatformEmote, PlatformError, PlatformResult, PlatformUser,
};
use crate::platforms::Platform;

/// How long one call may take.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// 429 answers in a row before a call gives up with `RateLimited`.
pub const MAX_ATTEMPTS: u32 = 10;
/// Discord's longest timeout: 28 days.
pub const MAX_TIMEOUT_SECS: u64 = 28 * 24 * 3600;

/// What is known of one bucket.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    remaining: u32,
    reset_at: Instant,
}

/// Rate-limit state shared by every clone of a connector.
#[derive(Debug, Default)]
struct Limits {
    buckets: HashMap<String, Bucket>,
    global_until: Option<Instant>,
}

impl Limits {
    /// Take a call from the bucket, or say until when to wait.
    fn reserve(&mut self, key: &str, now: Instant) -> Option<Instant> {
        if let Some(g) = self.global_until.filter(|g| *g > now) {
            return Some(g);
        }
        match self.buckets.get_mut(key) {
            Some(b) if b.reset_at > now => {
                if b.remaining == 0 {
                    Some(b.reset_at)
                } else {
                    b.remaining -= 1;
                    None
                }
            }
            _ => None,
        }
    }
}

/// The Discord connector. Cheap to clone; clones share the rate-limit state.
#[derive(Clone)]
pub struct DiscordConnector {
    http: reqwest::Client,
    api_url: String,
    token: Option<Arc<str>>,
    limits: Arc<Mutex<Limits>>,
    /// 429s answered (each one waited out), for the figures and the tests.
    rate_limited: Arc<std::sync::atomic::AtomicU64>,
}

impl std::fmt::Debug for DiscordConnector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiscordConnector")
            .field("api_url", &self.api_url)
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// The parts of a Discord ChannelRef.
fn guild_and_channel(ch: &ChannelRef) -> (&str, Option<&str>) {
    match ch.broadcaster_id.split_once('/') {
        Some((g, c)) => (g, Some(c)),
        None => (ch.broadcaster_id.as_str(), None),
    }
}

/// `{channel_id}/{message_id}` → its parts.
pub fn split_message_id(id: &str) -> Option<(&str, &str)> {
    id.split_once('/')
        .filter(|(c, m)| Platform::Discord.is_user_id(c) && Platform::Discord.is_user_id(m))
}

/// How lumio stores a Discord message id.
pub fn message_key(channel_id: &str, message_id: &str) -> String {
    format!("{channel_id}/{message_id}")
}

fn header_f64(h: &reqwest::header::HeaderMap, k: &str) -> Option<f64> {
    h.get(k)?.to_str().ok()?.parse().ok()
}

impl DiscordConnector {
    pub fn new(http: reqwest::Client, api_url: &str, token: Option<&str>) -> DiscordConnector {
        DiscordConnector {
            http,
            api_url: api_url.trim_end_matches('/').to_string(),
            token: token.map(Arc::from),
            limits: Arc::default(),
            rate_limited: Arc::default(),
        }
    }

    pub fn from_state(state: &crate::state::AppState) -> DiscordConnector {
        let api = &state.config.platforms.discord;
        DiscordConnector::new(state.http.clone(), &api.api_url, api.token.as_deref())
    }

    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    /// 429s this connector has waited out.
    pub fn rate_limited_count(&self) -> u64 {
        self.rate_limited.load(std::sync::atomic::Ordering::Relaxed)
    }

    fn err(status: u16, body: &str) -> PlatformError {
        let v: Value = serde_json::from_str(body).unwrap_or(Value::Null);
        let message = v["message"]
            .as_str()
            .map(String::from)
            .unwrap_or_else(|| format!("HTTP {status}"));
        if status == 401 {
            return PlatformError::Unauthorized {
                platform: Platform::Discord,
                message,
            };
        }
        // Discord's JSON error code (10004 Unknown Guild, 50013 Missing Permissions, …), and
        // the first field error of a 50035 Invalid Form Body.
        let mut message = message;
        if let Some(errors) = v.get("errors") {
            message = format!("{message}: {errors}");
        }
        PlatformError::Api {
            platform: Platform::Discord,
            status,
            error: v["code"]
                .as_u64()
                .map(|c| c.to_string())
                .unwrap_or_default(),
            message,
        }
    }

    /// One call: waits for its bucket, waits out 429s, keeps the rate-limit headers.
    /// `route` is the bucket's route template, `major` its major parameter.
    pub async fn call(
        &self,
        method: Method,
        route: &'static str,
        major: &str,
        path: &str,
        body: Option<Value>,
        reason: Option<&str>,
    ) -> PlatformResult<Value> {
        let token = self
            .token
            .as_deref()
            .ok_or_else(|| PlatformError::Unauthorized {
                platform: Platform::Discord,
                message: "no bot token configured (LUMIO_DISCORD_TOKEN)".into(),
            })?;
        let key = format!("{route} {major}");
        let mut last_wait = Duration::ZERO;
        for _ in 0..MAX_ATTEMPTS {
            loop {
                let wait = {
                    let mut l = self.limits.lock().unwrap_or_else(|e| e.into_inner());
                    l.reserve(&key, Instant::now())
                };
                match wait {
                    Some(until) => tokio::time::sleep_until(until).await,
                    None => break,
                }
            }
            let span = tracing::info_span!("discord_call", route, status = tracing::field::Empty);
            let mut req = self
                .http
                .request(method.clone(), format!("{}{path}", self.api_url))
                .header("Authorization", format!("Bot {token}"))
                .timeout(CALL_TIMEOUT);
            if let Some(r) = reason {
                // Discord shows it in the audit log; URL-encoded as the docs ask.
                req = req.header("X-Audit-Log-Reason", urlencoding(r));
            }
            if let Some(b) = &body {
                req = req.json(b);
            }
            let resp = req.send().instrument(span.clone()).await.map_err(|e| {
                PlatformError::Unreachable {
                    platform: Platform::Discord,
                    message: if e.is_timeout() {
                        format!("no answer within {CALL_TIMEOUT:?}")
                    } else {
                        format!("cannot connect to {}", self.api_url)
                    },
                }
            })?;
            let status = resp.status().as_u16();
            span.record("status", status);
            let now = Instant::now();
            let headers = resp.headers().clone();
            if let (Some(remaining), Some(after)) = (
                header_f64(&headers, "x-ratelimit-remaining"),
                header_f64(&headers, "x-ratelimit-reset-after"),
            ) {
                let mut l = self.limits.lock().unwrap_or_else(|e| e.into_inner());
                l.buckets.insert(
                    key.clone(),
                    Bucket {
                        remaining: remaining.max(0.0) as u32,
                        reset_at: now + Duration::from_secs_f64(after.max(0.0)),
                    },
                );
            }
            let text = resp.text().await.unwrap_or_default();
            if status == 429 {
                let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                let retry_after = v["retry_after"]
                    .as_f64()
                    .or_else(|| header_f64(&headers, "retry-after"))
                    .unwrap_or(1.0)
                    .max(0.0);
                let global = v["global"].as_bool().unwrap_or(false)
                    || headers.contains_key("x-ratelimit-global");
                let wait = Duration::from_secs_f64(retry_after);
                last_wait = wait;
                self.rate_limited
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                tracing::info!(route, retry_after, global, "Discord rate limit; waiting");
                {
                    let mut l = self.limits.lock().unwrap_or_else(|e| e.into_inner());
                    if global {
                        l.global_until = Some(now + wait);
                    } else {
                        l.buckets.insert(
                            key.clone(),
                            Bucket {
                                remaining: 0,
                                reset_at: now + wait,
                            },
                        );
                    }
                }
                continue;
            }
            if (200..300).contains(&status) {
                if text.trim().is_empty() {
                    return Ok(Value::Null);
                }
                return serde_json::from_str(&text).map_err(|e| PlatformError::Api {
                    platform: Platform::Discord,
                    status,
                    error: "invalid_body".into(),
                    message: format!("{route}: {e}"),
                });
            }
            return Err(Self::err(status, &text));
        }
        Err(PlatformError::RateLimited {
            platform: Platform::Discord,
            retry_after: last_wait,
            message: format!("{MAX_ATTEMPTS} rate-limited answers in a row on {route}"),
        })
    }

    /// `POST /channels/{c}/messages` with `content` (at most 2,000 characters: longer text is
    /// cut). Returns the message's id.
    pub async fn post(&self, channel_id: &str, content: &str) -> PlatformResult<String> {
        let content: String = content.chars().take(2000).collect();
        let v = self
            .call(
                Method::POST,
                "POST /channels/{channel_id}/messages",
                channel_id,
                &format!("/channels/{channel_id}/messages"),
                Some(json!({"content": content, "allowed_mentions": {"parse": []}})),
                None,
            )
            .await?;
        Ok(v["id"].as_str().unwrap_or_default().to_string())
    }

    /// `PUT /applications/{app}/guilds/{g}/commands`: the guild's commands become `commands`.
    pub async fn overwrite_guild_commands(
        &self,
        application_id: &str,
        guild_id: &str,
        commands: &Value,
    ) -> PlatformResult<Value> {
        self.call(
            Method::PUT,
            "PUT /applications/{application_id}/guilds/{guild_id}/commands",
            guild_id,
            &format!("/applications/{application_id}/guilds/{guild_id}/commands"),
            Some(commands.clone()),
            None,
        )
        .await
    }
}

/// Percent-encode a header value (Discord wants the audit-log reason URL-encoded).
fn urlencoding(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

fn check_id(what: &str, id: &str) -> PlatformResult<()> {
    if Platform::Discord.is_user_id(id) {
        Ok(())
    } else {
        Err(PlatformError::Api {
            platform: Platform::Discord,
            status: 400,
            error: "invalid_id".into(),
            message: format!("{what} is not a Discord snowflake"),
        })
    }
}

#[async_trait]
impl Connector for DiscordConnector {
    fn platform(&self) -> Platform {
        Platform::Discord
    }

    async fn send(&self, _token: &str, ch: &ChannelRef, text: &str) -> PlatformResult<()> {
        let (_, channel) = guild_and_channel(ch);
        let channel = channel.ok_or_else(|| self.unsupported("sending without a channel"))?;
        check_id("channel id", channel)?;
        self.post(channel, text).await.map(|_| ())
    }

    async fn ban(
        &self,
        _token: &str,
        ch: &ChannelRef,
        user_id: &str,
        duration: Option<u64>,
        reason: Option<&str>,
    ) -> PlatformResult<()> {
        let (guild, _) = guild_and_channel(ch);
        check_id("guild id", guild)?;
        check_id("user id", user_id)?;
        match duration {
            Some(secs) => {
                let until: DateTime<Utc> =
                    Utc::now() + chrono::Duration::seconds(secs.clamp(1, MAX_TIMEOUT_SECS) as i64);
                self.call(
                    Method::PATCH,
                    "PATCH /guilds/{guild_id}/members/{user_id}",
                    guild,
                    &format!("/guilds/{guild}/members/{user_id}"),
                    Some(json!({"communication_disabled_until": until.to_rfc3339()})),
                    reason,
                )
                .await
                .map(|_| ())
            }
            None => self
                .call(
                    Method::PUT,
                    "PUT /guilds/{guild_id}/bans/{user_id}",
                    guild,
                    &format!("/guilds/{guild}/bans/{user_id}"),
                    Some(json!({})),
                    reason,
                )
                .await
                .map(|_| ()),
        }
    }

    async fn unban(&self, _token: &str, ch: &ChannelRef, user_id: &str) -> PlatformResult<()> {
        let (guild, _) = guild_and_channel(ch);
        check_id("guild id", guild)?;
        check_id("user id", user_id)?;
        self.call(
            Method::DELETE,
            "DELETE /guilds/{guild_id}/bans/{user_id}",
            guild,
            &format!("/guilds/{guild}/bans/{user_id}"),
            None,
            None,
        )
        .await
        .map(|_| ())
    }

    async fn delete(
        &self,
        _token: &str,
        ch: &ChannelRef,
        message_id: Option<&str>,
    ) -> PlatformResult<()> {
        let Some(id) = message_id else {
            return Err(self.unsupported("clearing of a whole chat"));
        };
        let (channel, message) = match split_message_id(id) {
            Some(p) => p,
            None => {
                // A bare message id: the channel from the ChannelRef.
                let (_, c) = guild_and_channel(ch);
                let c = c.ok_or_else(|| PlatformError::Api {
                    platform: Platform::Discord,
                    status: 400,
                    error: "invalid_id".into(),
                    message: "a Discord message id is {channel_id}/{message_id}".into(),
                })?;
                (c, id)
            }
        };
        check_id("channel id", channel)?;
        check_id("message id", message)?;
        self.call(
            Method::DELETE,
            "DELETE /channels/{channel_id}/messages/{message_id}",
            channel,
            &format!("/channels/{channel}/messages/{message}"),
            None,
            None,
        )
        .await
        .map(|_| ())
    }

    async fn warn(
        &self,
        _token: &str,
        _ch: &ChannelRef,
        _user_id: &str,
        _reason: &str,
    ) -> PlatformResult<()> {
        Err(self.unsupported("warnings"))
    }

    async fn set_moderator(
        &self,
        _token: &str,
        _ch: &ChannelRef,
        _user_id: &str,
        _on: bool,
    ) -> PlatformResult<()> {
        Err(self.unsupported("moderator status (roles are the guild's)"))
    }

    async fn set_treatment(
        &self,
        _token: &str,
        _ch: &ChannelRef,
        _user_id: &str,
        _treatment: Option<&str>,
    ) -> PlatformResult<()> {
        Err(self.unsupported("suspicious-user treatments"))
    }

    async fn user_by_login(
        &self,
        _token: &str,
        _login: &str,
    ) -> PlatformResult<Option<PlatformUser>> {
        Err(self.unsupported("user look-up by name"))
    }

    async fn follow_status(
        &self,
        _token: &str,
        _ch: &ChannelRef,
        _user_id: &str,
    ) -> PlatformResult<Option<DateTime<Utc>>> {
        Err(self.unsupported("follows"))
    }

    async fn channel_emotes(
        &self,
        _token: &str,
        _ch: &ChannelRef,
    ) -> PlatformResult<Vec<PlatformEmote>> {
        Err(self.unsupported("channel emotes through the bot"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_bucket_waits_for_its_reset_and_a_global_limit_for_everyone() {
        let now = Instant::now();
        let mut l = Limits::default();
        assert_eq!(l.reserve("a", now), None, "unknown bucket: go");
        l.buckets.insert(
            "a".into(),
            Bucket {
                remaining: 1,
                reset_at: now + Duration::from_secs(5),
            },
        );
        assert_eq!(l.reserve("a", now), None);
        assert_eq!(l.reserve("a", now), Some(now + Duration::from_secs(5)));
        assert_eq!(
            l.reserve("a", now + Duration::from_secs(6)),
            None,
            "after the reset"
        );
        l.global_until = Some(now + Duration::from_secs(1));
        assert_eq!(l.reserve("b", now), Some(now + Duration::from_secs(1)));
    }

    #[test]
    fn message_ids_carry_their_channel() {
        let k = message_key("111111111111111111", "222222222222222222");
        assert_eq!(
            split_message_id(&k),
            Some(("111111111111111111", "222222222222222222"))
        );
        assert_eq!(split_message_id("222222222222222222"), None);
        assert_eq!(split_message_id("abc/def"), None);
    }
}
