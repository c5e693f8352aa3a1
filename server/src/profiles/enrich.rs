//! The ProfileService: one enricher per platform behind a trait, answers cached on the bus
//! with a TTL, and a circuit breaker per platform so a platform API that is down is not
//! called again until a cool-down has passed. A failing platform never fails a request: the
//! profile comes back with `enrichment_status: "unavailable"`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde_json::Value;

use super::breaker::Breaker;
use super::model::Enrichment;
use crate::bus::{keys, Bus};
use crate::config::{PlatformApi, PlatformsConfig};
use crate::platforms::connector::{ChannelRef, Connector, PlatformResult};
use crate::platforms::twitch::act::{self, Unread};
use crate::platforms::twitch::connector::TwitchConnector;
use crate::platforms::Platform;

/// Why an enricher gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnrichError {
    /// No credentials for this platform (no call was made).
    NotConfigured(String),
    /// The platform has no such API (no call was made).
    NotSupported,
    /// The call failed: unreachable, timed out, 5xx, or an answer lumio cannot read.
    Failed(String),
    /// The account's credential may not make this call (a scope not granted, a credential to
    /// re-authorize): the message names what to run. No call was made.
    Refused(String),
}

/// On whose behalf a look-up is made: the account whose platform credential is used.
#[derive(Clone, Copy)]
pub struct EnrichCx<'a> {
    pub state: &'a crate::state::AppState,
    pub account: uuid::Uuid,
}

/// Who to look up: the platform user id, and the username where lumio knows it (some
/// platforms look users up by name).
#[derive(Debug, Clone)]
pub struct UserKey<'a> {
    pub id: &'a str,
    pub username: Option<&'a str>,
}

/// One platform's profile API.
#[async_trait]
pub trait Enricher: Send + Sync {
    fn platform(&self) -> Platform;
    /// `Ok(None)` when the platform does not know the user.
    async fn user(
        &self,
        cx: &EnrichCx<'_>,
        user: &UserKey<'_>,
    ) -> Result<Option<Enrichment>, EnrichError>;
    /// When the user followed the account's channel; `Ok(None)` when they do not follow.
    async fn followed_at(
        &self,
        _cx: &EnrichCx<'_>,
        _user: &UserKey<'_>,
    ) -> Result<Option<DateTime<Utc>>, EnrichError> {
        Err(EnrichError::NotSupported)
    }
}

/// How the ProfileService caches and breaks.
#[derive(Debug, Clone, Copy)]
pub struct EnrichSettings {
    /// How long an answer is cached on the bus.
    pub cache_ttl: Duration,
    /// Failures in a row that open a platform's circuit.
    pub failure_threshold: u32,
    /// How long an open circuit refuses calls.
    pub cooldown: Duration,
    /// How long one call may take.
    pub timeout: Duration,
}

impl Default for EnrichSettings {
    fn default() -> Self {
        EnrichSettings {
            cache_ttl: Duration::from_secs(10 * 60),
            failure_threshold: 3,
            cooldown: Duration::from_secs(30),
            timeout: Duration::from_secs(3),
        }
    }
}

/// What the ProfileService found.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup<T> {
    /// Asked the platform just now.
    Fresh(T),
    /// From the cache.
    Cached(T),
    /// The platform failed, or its circuit is open.
    Unavailable(String),
    NotConfigured(String),
    /// The account's credential may not make the call; the message says what to run.
    Refused(String),
    NotSupported,
}

impl<T> Lookup<T> {
    pub fn status(&self) -> &'static str {
        match self {
            Lookup::Fresh(_) => "ok",
            Lookup::Cached(_) => "cached",
            Lookup::Unavailable(_) => "unavailable",
            Lookup::NotConfigured(_) | Lookup::Refused(_) => "not_configured",
            Lookup::NotSupported => "not_supported",
        }
    }
}

pub struct ProfileService {
    enrichers: HashMap<Platform, Arc<dyn Enricher>>,
    breakers: Mutex<HashMap<Platform, Breaker>>,
    pub settings: EnrichSettings,
}

impl ProfileService {
    pub fn new(enrichers: Vec<Arc<dyn Enricher>>, settings: EnrichSettings) -> ProfileService {
        ProfileService {
            enrichers: enrichers.into_iter().map(|e| (e.platform(), e)).collect(),
            breakers: Mutex::new(HashMap::new()),
            settings,
        }
    }

    /// The HTTP enrichers of the five platforms, against the configured base URLs, on the
    /// server's shared HTTP client; each call may take `settings.timeout`.
    pub fn from_config(
        http: reqwest::Client,
        platforms: &PlatformsConfig,
        settings: EnrichSettings,
    ) -> ProfileService {
        let api = |p: &PlatformApi| HttpApi {
            http: http.clone(),
            api: p.clone(),
            timeout: settings.timeout,
        };
        ProfileService::new(
            vec![
                Arc::new(TwitchEnricher),
                Arc::new(YoutubeEnricher(api(&platforms.youtube))),
                Arc::new(KickEnricher(api(&platforms.kick))),
                Arc::new(TrovoEnricher(api(&platforms.trovo))),
                Arc::new(DiscordEnricher(api(&platforms.discord))),
            ],
            settings,
        )
    }

    /// The state of each platform's circuit: `closed`, `open`, `half_open`.
    pub fn circuits(&self) -> Vec<(Platform, &'static str)> {
        let breakers = self.breakers.lock().unwrap_or_else(|e| e.into_inner());
        Platform::ALL
            .into_iter()
            .map(|p| (p, breakers.get(&p).map_or("closed", Breaker::name)))
            .collect()
    }

    fn allow(&self, p: Platform) -> bool {
        let mut breakers = self.breakers.lock().unwrap_or_else(|e| e.into_inner());
        breakers
            .entry(p)
            .or_insert_with(|| {
                Breaker::new(self.settings.failure_threshold, self.settings.cooldown)
            })
            .allow(Instant::now())
    }

    fn report(&self, p: Platform, ok: bool) {
        let mut breakers = self.breakers.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(b) = breakers.get_mut(&p) {
            if ok {
                b.success();
            } else {
                b.failure(Instant::now());
            }
        }
    }

    /// Run one call through the platform's breaker. Not-configured / not-supported answers
    /// made no call and do not count.
    async fn guarded<T>(
        &self,
        p: Platform,
        call: impl std::future::Future<Output = Result<T, EnrichError>>,
    ) -> Lookup<T> {
        if !self.allow(p) {
            return Lookup::Unavailable(format!(
                "{p} API circuit is open after repeated failures; retrying after the cool-down"
            ));
        }
        match call.await {
            Ok(v) => {
                self.report(p, true);
                Lookup::Fresh(v)
            }
            Err(EnrichError::Failed(why)) => {
                self.report(p, false);
                Lookup::Unavailable(why)
            }
            Err(EnrichError::NotConfigured(why)) => {
                self.report(p, true);
                Lookup::NotConfigured(why)
            }
            Err(EnrichError::Refused(why)) => {
                self.report(p, true);
                Lookup::Refused(why)
            }
            Err(EnrichError::NotSupported) => {
                self.report(p, true);
                Lookup::NotSupported
            }
        }
    }

    /// A chatter's enrichment: from the bus cache, else from the platform (and cached).
    pub async fn user(
        &self,
        cx: &EnrichCx<'_>,
        p: Platform,
        user: &UserKey<'_>,
    ) -> Lookup<Option<Enrichment>> {
        let bus: &dyn Bus = cx.state.bus.as_ref();
        let key = keys::profile_enrichment(p, user.id);
        if let Ok(Some(json)) = bus.get(&key).await {
            if let Ok(v) = serde_json::from_str::<Option<Enrichment>>(&json) {
                return Lookup::Cached(v);
            }
        }
        let Some(e) = self.enrichers.get(&p).cloned() else {
            return Lookup::NotSupported;
        };
        let found = self.guarded(p, async { e.user(cx, user).await }).await;
        if let Lookup::Fresh(v) = &found {
            if let Ok(json) = serde_json::to_string(v) {
                // A cache that cannot be written only costs a later call.
                let _ = bus.set(&key, &json, Some(self.settings.cache_ttl)).await;
            }
        }
        found
    }

    /// When the chatter followed the account's channel (None: not following), from the
    /// platform.
    pub async fn followed_at(
        &self,
        cx: &EnrichCx<'_>,
        p: Platform,
        user: &UserKey<'_>,
    ) -> Lookup<Option<DateTime<Utc>>> {
        let Some(e) = self.enrichers.get(&p).cloned() else {
            return Lookup::NotSupported;
        };
        self.guarded(p, async { e.followed_at(cx, user).await })
            .await
    }
}

/// A platform API over HTTP.
#[derive(Clone)]
pub struct HttpApi {
    http: reqwest::Client,
    api: PlatformApi,
    /// How long one call may take (`EnrichSettings::timeout`).
    timeout: std::time::Duration,
}

impl HttpApi {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.api.api_url)
    }

    /// Send and read a JSON answer; 404 is "not found" (`Ok(None)`), other failures are
    /// [`EnrichError::Failed`] with the platform and the reason.
    // The span names the platform, never the request (its token).
    #[tracing::instrument(name = "enrich_call", level = "info", skip(self, req), fields(platform = %p))]
    async fn json(
        &self,
        p: Platform,
        req: reqwest::RequestBuilder,
    ) -> Result<Option<Value>, EnrichError> {
        let resp = req.timeout(self.timeout).send().await.map_err(|e| {
            EnrichError::Failed(if e.is_timeout() {
                format!("{p} API at {} timed out", self.api.api_url)
            } else {
                format!("{p} API unreachable at {}", self.api.api_url)
            })
        })?;
        let status = resp.status();
        if status == reqwest::StatusCode::NOT_FOUND {
            return Ok(None);
        }
        if !status.is_success() {
            return Err(EnrichError::Failed(format!("{p} API answered {status}")));
        }
        resp.json::<Value>().await.map(Some).map_err(|_| {
            EnrichError::Failed(format!("{p} API answered something that is not JSON"))
        })
    }

    fn token(&self, p: Platform, var: &str) -> Result<&str, EnrichError> {
        self.api
            .token
            .as_deref()
            .ok_or_else(|| EnrichError::NotConfigured(format!("{p}: set {var} to enrich profiles")))
    }
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

fn time(v: &Value, key: &str) -> Option<DateTime<Utc>> {
    v.get(key)
        .and_then(Value::as_str)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
}

/// The first element of `data` (Twitch, Kick), of `items` (YouTube) …
fn first<'a>(v: &'a Value, list: &str) -> Option<&'a Value> {
    v.get(list)
        .and_then(Value::as_array)
        .and_then(|a| a.first())
}

/// Twitch Helix through [`TwitchConnector`], with the account's own Twitch credential
/// ([`crate::platforms::twitch::act`]): `GET /users?id=`, and `GET /channels/followers` on
/// the account's channel (scope `moderator:read:followers`).
pub struct TwitchEnricher;

impl TwitchEnricher {
    async fn act<T, F, Fut>(cx: &EnrichCx<'_>, needed: &[&str], call: F) -> Result<T, EnrichError>
    where
        F: FnMut(TwitchConnector, String, ChannelRef) -> Fut,
        Fut: std::future::Future<Output = PlatformResult<T>>,
    {
        act::read(cx.state, cx.account, needed, call)
            .await
            .map_err(|e| match e {
                Unread::NotConnected(m) => EnrichError::NotConfigured(m),
                Unread::Refused(m) => EnrichError::Refused(m),
                Unread::Failed(m) => EnrichError::Failed(m),
            })
    }
}

#[async_trait]
impl Enricher for TwitchEnricher {
    fn platform(&self) -> Platform {
        Platform::Twitch
    }

    async fn user(
        &self,
        cx: &EnrichCx<'_>,
        user: &UserKey<'_>,
    ) -> Result<Option<Enrichment>, EnrichError> {
        let id = user.id;
        let found = Self::act(cx, &[], |c, token, _| async move {
            c.user_by_id(&token, id).await
        })
        .await?;
        Ok(found.map(|u| Enrichment {
            username: text(&u, "login"),
            display_name: text(&u, "display_name"),
            avatar_url: text(&u, "profile_image_url"),
            account_created_at: time(&u, "created_at"),
            description: text(&u, "description"),
            kind: text(&u, "broadcaster_type").or_else(|| text(&u, "type")),
            followers: None,
        }))
    }

    async fn followed_at(
        &self,
        cx: &EnrichCx<'_>,
        user: &UserKey<'_>,
    ) -> Result<Option<DateTime<Utc>>, EnrichError> {
        let id = user.id;
        Self::act(
            cx,
            &["moderator:read:followers"],
            |c, token, ch| async move { c.follow_status(&token, &ch, id).await },
        )
        .await
    }
}

/// YouTube Data API: `GET /channels?part=snippet,statistics&id=&key=`.
pub struct YoutubeEnricher(pub HttpApi);

#[async_trait]
impl Enricher for YoutubeEnricher {
    fn platform(&self) -> Platform {
        Platform::Youtube
    }

    async fn user(
        &self,
        _cx: &EnrichCx<'_>,
        user: &UserKey<'_>,
    ) -> Result<Option<Enrichment>, EnrichError> {
        let a = &self.0;
        let key = a.token(Platform::Youtube, "LUMIO_YOUTUBE_API_KEY")?;
        let req = a.http.get(a.url("/channels")).query(&[
            ("part", "snippet,statistics"),
            ("id", user.id),
            ("key", key),
        ]);
        let Some(v) = a.json(Platform::Youtube, req).await? else {
            return Ok(None);
        };
        Ok(first(&v, "items").map(|c| {
            let s = c.get("snippet").cloned().unwrap_or_default();
            let stats = c.get("statistics").cloned().unwrap_or_default();
            Enrichment {
                username: text(&s, "customUrl"),
                display_name: text(&s, "title"),
                avatar_url: s
                    .pointer("/thumbnails/default/url")
                    .and_then(Value::as_str)
                    .map(String::from),
                account_created_at: time(&s, "publishedAt"),
                description: text(&s, "description"),
                kind: None,
                followers: stats
                    .get("subscriberCount")
                    .and_then(Value::as_str)
                    .and_then(|n| n.parse().ok()),
            }
        }))
    }
}

/// Kick public API: `GET /users?id=`.
pub struct KickEnricher(pub HttpApi);

#[async_trait]
impl Enricher for KickEnricher {
    fn platform(&self) -> Platform {
        Platform::Kick
    }

    async fn user(
        &self,
        _cx: &EnrichCx<'_>,
        user: &UserKey<'_>,
    ) -> Result<Option<Enrichment>, EnrichError> {
        let a = &self.0;
        let token = a.token(Platform::Kick, "LUMIO_KICK_TOKEN")?;
        let req = a
            .http
            .get(a.url("/users"))
            .query(&[("id", user.id)])
            .bearer_auth(token);
        let Some(v) = a.json(Platform::Kick, req).await? else {
            return Ok(None);
        };
        Ok(first(&v, "data").map(|u| Enrichment {
            username: text(u, "name"),
            display_name: text(u, "name"),
            avatar_url: text(u, "profile_picture"),
            ..Enrichment::default()
        }))
    }
}

/// Trovo open platform: `POST /getusers {"user": [username]}` (by name).
pub struct TrovoEnricher(pub HttpApi);

#[async_trait]
impl Enricher for TrovoEnricher {
    fn platform(&self) -> Platform {
        Platform::Trovo
    }

    async fn user(
        &self,
        _cx: &EnrichCx<'_>,
        user: &UserKey<'_>,
    ) -> Result<Option<Enrichment>, EnrichError> {
        let a = &self.0;
        let client_id = a.api.client_id.as_deref().ok_or_else(|| {
            EnrichError::NotConfigured("trovo: set LUMIO_TROVO_CLIENT_ID to enrich profiles".into())
        })?;
        let Some(name) = user.username else {
            // Trovo looks users up by name; without one there is nothing to ask.
            return Ok(None);
        };
        let req = a
            .http
            .post(a.url("/getusers"))
            .header("Client-ID", client_id)
            .header("Accept", "application/json")
            .json(&serde_json::json!({ "user": [name] }));
        let Some(v) = a.json(Platform::Trovo, req).await? else {
            return Ok(None);
        };
        Ok(v.get("users")
            .and_then(Value::as_array)
            .and_then(|u| {
                u.iter()
                    .find(|u| text(u, "user_id").as_deref() == Some(user.id))
            })
            .map(|u| Enrichment {
                username: text(u, "username"),
                display_name: text(u, "nickname"),
                ..Enrichment::default()
            }))
    }
}

/// Discord: `GET /users/{id}` with the bot's token.
pub struct DiscordEnricher(pub HttpApi);

#[async_trait]
impl Enricher for DiscordEnricher {
    fn platform(&self) -> Platform {
        Platform::Discord
    }

    async fn user(
        &self,
        _cx: &EnrichCx<'_>,
        user: &UserKey<'_>,
    ) -> Result<Option<Enrichment>, EnrichError> {
        let a = &self.0;
        let token = a.token(Platform::Discord, "LUMIO_DISCORD_TOKEN")?;
        if user.id.is_empty() || !user.id.chars().all(|c| c.is_ascii_digit()) {
            // Not a snowflake: Discord would answer 400; nothing to ask.
            return Ok(None);
        }
        let req = a
            .http
            .get(a.url(&format!("/users/{}", user.id)))
            .header("Authorization", format!("Bot {token}"));
        let Some(u) = a.json(Platform::Discord, req).await? else {
            return Ok(None);
        };
        let avatar = text(&u, "avatar")
            .map(|h| format!("https://cdn.discordapp.com/avatars/{}/{h}.png", user.id));
        // A snowflake holds its creation time: milliseconds since 2015 in the top bits.
        let created =
            user.id.parse::<u64>().ok().and_then(|s| {
                DateTime::from_timestamp_millis(((s >> 22) + 1_420_070_400_000) as i64)
            });
        Ok(Some(Enrichment {
            username: text(&u, "username"),
            display_name: text(&u, "global_name").or_else(|| text(&u, "username")),
            avatar_url: avatar,
            account_created_at: created,
            description: None,
            kind: u
                .get("bot")
                .and_then(Value::as_bool)
                .filter(|b| *b)
                .map(|_| "bot".to_string()),
            followers: None,
        }))
    }
}
