//! One typed configuration, from flags and the environment. Every invalid value stops
//! start-up with a message that names the variable.
//! (Over 600 lines: every setting, its validation and its tests stay together.)

use std::net::SocketAddr;
use std::time::Duration;

use crate::store::{redact_url, Backend};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://lumio.db?mode=rwc";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// Raw settings as given (flags override the environment; clap reads both).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ConfigArgs {
    /// Database URL: postgres://… or sqlite:… (default: sqlite://lumio.db?mode=rwc).
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,
    /// Redis URL; without it the bus runs in-process.
    #[arg(long, env = "REDIS_URL", global = true, hide_env_values = true)]
    pub redis_url: Option<String>,
    /// Key that bots and workers present for system queries (at least 16 characters).
    #[arg(long, env = "LUMIO_SYSTEM_KEY", global = true, hide_env_values = true)]
    pub system_key: Option<String>,
    /// Secret that signs OAuth `state` values (at least 32 characters; the same on every
    /// server). Without it each process makes a random one at start.
    #[arg(
        long,
        env = "LUMIO_STATE_SECRET",
        global = true,
        hide_env_values = true
    )]
    pub state_secret: Option<String>,
    /// Key that seals platform tokens at rest: 32 bytes as 64 hex digits or base64
    /// (`openssl rand -base64 32`). Without it the server refuses to store tokens.
    #[arg(long, env = "LUMIO_SECRET_KEY", global = true, hide_env_values = true)]
    pub secret_key: Option<String>,
    /// Prefix put before every bus key and channel, so that several lumio deployments (or
    /// test runs) can share one Redis. Empty by default.
    #[arg(long, env = "LUMIO_BUS_PREFIX", global = true)]
    pub bus_prefix: Option<String>,
    /// Reverse proxies whose X-Forwarded-For header is believed (comma-separated IP
    /// addresses). Without it the client address is the connection's peer address.
    #[arg(
        long,
        env = "LUMIO_TRUSTED_PROXIES",
        global = true,
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<String>,
    #[command(flatten)]
    pub chat: ChatArgs,
    #[command(flatten)]
    pub platforms: PlatformArgs,
}

/// How long the chat pipeline keeps per-message state (see docs/architecture.md, "Bounded
/// state").
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ChatArgs {
    /// How long a platform message id is remembered on the bus to drop a redelivered
    /// message (10m, 600s, 1h…; default 10m). Twitch EventSub tells clients to treat a
    /// message older than 10 minutes as a replay, so platforms redeliver within that; a
    /// later copy is still refused by the database's unique index when flushed.
    #[arg(long, env = "LUMIO_DEDUP_WINDOW", global = true)]
    pub dedup_window: Option<String>,
    /// Most missed messages a live client resuming with `since` is replayed (default
    /// 10000). Past it the client is sent `lagged` with the cursor replay starts from, and
    /// fetches the older ones from history.
    #[arg(long, env = "LUMIO_RESUME_MAX_EVENTS", global = true)]
    pub resume_max_events: Option<String>,
    /// Oldest resume point replayed (10m, 1h…; default 10m). An older `since` gets `lagged`
    /// with the cursor replay starts from; the client fetches the rest from history.
    #[arg(long, env = "LUMIO_RESUME_MAX_AGE", global = true)]
    pub resume_max_age: Option<String>,
}

pub const DEFAULT_DEDUP_WINDOW: Duration = Duration::from_secs(10 * 60);
pub const DEFAULT_RESUME_MAX_EVENTS: usize = 10_000;
pub const DEFAULT_RESUME_MAX_AGE: Duration = Duration::from_secs(10 * 60);

/// The validated [`ChatArgs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChatLimits {
    /// TTL of `lumio:chat:seen:…` (de-duplication of platform message ids on the bus).
    pub dedup_window: Duration,
    /// Most messages replayed to a resuming live client.
    pub resume_max_events: usize,
    /// Oldest resume point replayed.
    pub resume_max_age: Duration,
}

impl Default for ChatLimits {
    fn default() -> Self {
        ChatLimits {
            dedup_window: DEFAULT_DEDUP_WINDOW,
            resume_max_events: DEFAULT_RESUME_MAX_EVENTS,
            resume_max_age: DEFAULT_RESUME_MAX_AGE,
        }
    }
}

/// A duration setting between 1 second and 30 days (`10m`, `600s`, `1h 30m`, or plain
/// seconds).
fn duration(
    var: &'static str,
    given: &Option<String>,
    default: Duration,
) -> Result<Duration, ConfigError> {
    let Some(raw) = given.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(default);
    };
    let parsed = match raw.parse::<u64>() {
        Ok(secs) => Ok(Duration::from_secs(secs)),
        Err(_) => humantime::parse_duration(raw),
    };
    match parsed {
        Ok(d) if d >= Duration::from_secs(1) && d <= Duration::from_secs(30 * 24 * 3600) => Ok(d),
        _ => Err(err(
            var,
            format!("'{raw}' is not a duration between 1s and 30 days, like 10m or 600s"),
        )),
    }
}

impl ChatLimits {
    pub fn from_args(a: &ChatArgs) -> Result<ChatLimits, ConfigError> {
        let resume_max_events = match a.resume_max_events.as_deref().map(str::trim) {
            None | Some("") => DEFAULT_RESUME_MAX_EVENTS,
            Some(s) => match s.parse::<usize>() {
                Ok(n) if (1..=1_000_000).contains(&n) => n,
                _ => {
                    return Err(err(
                        "LUMIO_RESUME_MAX_EVENTS",
                        format!("'{s}' is not a number between 1 and 1000000"),
                    ))
                }
            },
        };
        Ok(ChatLimits {
            dedup_window: duration("LUMIO_DEDUP_WINDOW", &a.dedup_window, DEFAULT_DEDUP_WINDOW)?,
            resume_max_events,
            resume_max_age: duration(
                "LUMIO_RESUME_MAX_AGE",
                &a.resume_max_age,
                DEFAULT_RESUME_MAX_AGE,
            )?,
        })
    }
}

/// Where the outside platforms' APIs live, and the credentials lumio presents to them.
/// Every base URL is configurable so that tests (and staging) can point at local fakes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct PlatformArgs {
    /// Twitch Helix base URL (default https://api.twitch.tv/helix).
    #[arg(long, env = "LUMIO_TWITCH_API_URL", global = true)]
    pub twitch_api_url: Option<String>,
    /// Twitch application client id (sent as Client-Id).
    #[arg(long, env = "LUMIO_TWITCH_CLIENT_ID", global = true)]
    pub twitch_client_id: Option<String>,
    /// Twitch OAuth base URL (default https://id.twitch.tv/oauth2): device codes, token
    /// refresh, validation.
    #[arg(long, env = "LUMIO_TWITCH_AUTH_URL", global = true)]
    pub twitch_auth_url: Option<String>,
    /// Twitch EventSub WebSocket URL (default wss://eventsub.wss.twitch.tv/ws): chat in.
    #[arg(long, env = "LUMIO_TWITCH_EVENTSUB_URL", global = true)]
    pub twitch_eventsub_url: Option<String>,
    /// Discord gateway WebSocket URL (default wss://gateway.discord.gg): the bot's session.
    #[arg(long, env = "LUMIO_DISCORD_GATEWAY_URL", global = true)]
    pub discord_gateway_url: Option<String>,
    /// Twitch application client secret, sent when refreshing tokens (leave unset for a
    /// public client).
    #[arg(
        long,
        env = "LUMIO_TWITCH_CLIENT_SECRET",
        global = true,
        hide_env_values = true
    )]
    pub twitch_client_secret: Option<String>,
    /// 7TV API base URL (default https://7tv.io/v3).
    #[arg(long = "seventv-api-url", env = "LUMIO_7TV_API_URL", global = true)]
    pub seventv_api_url: Option<String>,
    /// BetterTTV API base URL (default https://api.betterttv.net/3).
    #[arg(long, env = "LUMIO_BTTV_API_URL", global = true)]
    pub bttv_api_url: Option<String>,
    /// FrankerFaceZ API base URL (default https://api.frankerfacez.com/v1).
    #[arg(long, env = "LUMIO_FFZ_API_URL", global = true)]
    pub ffz_api_url: Option<String>,
    /// Trovo open platform base URL (default https://open-api.trovo.live/openplatform).
    #[arg(long, env = "LUMIO_TROVO_API_URL", global = true)]
    pub trovo_api_url: Option<String>,
    /// Trovo client id (sent as Client-ID).
    #[arg(long, env = "LUMIO_TROVO_CLIENT_ID", global = true)]
    pub trovo_client_id: Option<String>,
    /// Discord API base URL (default https://discord.com/api/v10).
    #[arg(long, env = "LUMIO_DISCORD_API_URL", global = true)]
    pub discord_api_url: Option<String>,
    /// Discord application (OAuth2 client) id, for adding the bot to a guild.
    #[arg(long, env = "LUMIO_DISCORD_CLIENT_ID", global = true)]
    pub discord_client_id: Option<String>,
    /// Discord application's OAuth2 client secret (for the code exchange).
    #[arg(
        long,
        env = "LUMIO_DISCORD_CLIENT_SECRET",
        global = true,
        hide_env_values = true
    )]
    pub discord_client_secret: Option<String>,
    /// Where Discord sends the browser back after adding the bot (default
    /// http://<bind>/api/discord-guilds/callback); must be registered with the application.
    #[arg(long, env = "LUMIO_DISCORD_REDIRECT_URI", global = true)]
    pub discord_redirect_uri: Option<String>,
    /// Discord's consent screen (default https://discord.com/oauth2/authorize).
    #[arg(long, env = "LUMIO_DISCORD_OAUTH_URL", global = true)]
    pub discord_oauth_url: Option<String>,
    /// Discord bot token (sent as "Bot <token>").
    #[arg(
        long,
        env = "LUMIO_DISCORD_TOKEN",
        global = true,
        hide_env_values = true
    )]
    pub discord_token: Option<String>,
    /// YouTube Data API base URL (default https://www.googleapis.com/youtube/v3).
    #[arg(long, env = "LUMIO_YOUTUBE_API_URL", global = true)]
    pub youtube_api_url: Option<String>,
    /// YouTube Data API key.
    #[arg(
        long,
        env = "LUMIO_YOUTUBE_API_KEY",
        global = true,
        hide_env_values = true
    )]
    pub youtube_api_key: Option<String>,
    /// Kick public API base URL (default https://api.kick.com/public/v1).
    #[arg(long, env = "LUMIO_KICK_API_URL", global = true)]
    pub kick_api_url: Option<String>,
    /// Kick OAuth token (sent as a Bearer token).
    #[arg(long, env = "LUMIO_KICK_TOKEN", global = true, hide_env_values = true)]
    pub kick_token: Option<String>,
}

pub const DEFAULT_TWITCH_API_URL: &str = "https://api.twitch.tv/helix";
pub const DEFAULT_7TV_API_URL: &str = "https://7tv.io/v3";
pub const DEFAULT_BTTV_API_URL: &str = "https://api.betterttv.net/3";
pub const DEFAULT_FFZ_API_URL: &str = "https://api.frankerfacez.com/v1";
pub const DEFAULT_TROVO_API_URL: &str = "https://open-api.trovo.live/openplatform";
pub const DEFAULT_DISCORD_API_URL: &str = "https://discord.com/api/v10";
pub const DEFAULT_DISCORD_OAUTH_URL: &str = "https://discord.com/oauth2/authorize";
/// The path of the Discord OAuth2 callback (seed 001).
pub const DISCORD_CALLBACK_PATH: &str = "/api/discord-guilds/callback";
pub const DEFAULT_YOUTUBE_API_URL: &str = "https://www.googleapis.com/youtube/v3";
pub const DEFAULT_KICK_API_URL: &str = "https://api.kick.com/public/v1";

/// One platform API: its base URL (no trailing slash) and optional credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformApi {
    pub api_url: String,
    /// Client / application id where the platform wants one.
    pub client_id: Option<String>,
    /// Token or API key where the platform wants one.
    pub token: Option<String>,
}

impl PlatformApi {
    fn new(api_url: String) -> PlatformApi {
        PlatformApi {
            api_url,
            client_id: None,
            token: None,
        }
    }
}

/// The validated [`PlatformArgs`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformsConfig {
    pub twitch: PlatformApi,
    pub seventv: PlatformApi,
    pub bttv: PlatformApi,
    pub ffz: PlatformApi,
    pub trovo: PlatformApi,
    pub discord: PlatformApi,
    pub youtube: PlatformApi,
    pub kick: PlatformApi,
}

impl Default for PlatformsConfig {
    fn default() -> Self {
        // The defaults are valid URLs, so this cannot fail.
        PlatformsConfig::from_args(&PlatformArgs::default()).unwrap_or_else(|_| unreachable!())
    }
}

/// A WebSocket URL (ws:// or wss://), as given.
fn ws_url(var: &'static str, given: &Option<String>, default: &str) -> Result<String, ConfigError> {
    url_of(
        var,
        given,
        default,
        ["ws://", "wss://"],
        "a ws:// or wss://",
    )
    .map(String::from)
}

/// An http(s) base URL, without trailing slashes.
fn base_url(
    var: &'static str,
    given: &Option<String>,
    default: &str,
) -> Result<String, ConfigError> {
    url_of(
        var,
        given,
        default,
        ["http://", "https://"],
        "an http:// or https://",
    )
    .map(|u| u.trim_end_matches('/').to_string())
}

/// The given URL (else `default`), checked to start with one of `schemes` and a host.
fn url_of<'a>(
    var: &'static str,
    given: &'a Option<String>,
    default: &'a str,
    schemes: [&str; 2],
    expected: &str,
) -> Result<&'a str, ConfigError> {
    let url = given
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or(default);
    let rest = schemes.iter().find_map(|s| url.strip_prefix(s));
    match rest {
        Some(host) if !host.is_empty() && !url.contains(char::is_whitespace) => Ok(url),
        _ => Err(err(
            var,
            format!("expected {expected} URL, got '{}'", redact_url(url)),
        )),
    }
}

fn secret(given: &Option<String>) -> Option<String> {
    given
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

impl PlatformsConfig {
    pub fn from_args(a: &PlatformArgs) -> Result<PlatformsConfig, ConfigError> {
        let mut twitch = PlatformApi::new(base_url(
            "LUMIO_TWITCH_API_URL",
            &a.twitch_api_url,
            DEFAULT_TWITCH_API_URL,
        )?);
        twitch.client_id = secret(&a.twitch_client_id);
        // No server-wide Twitch token: each account acts with its channel's own credential.
        let mut trovo = PlatformApi::new(base_url(
            "LUMIO_TROVO_API_URL",
            &a.trovo_api_url,
            DEFAULT_TROVO_API_URL,
        )?);
        trovo.client_id = secret(&a.trovo_client_id);
        let mut discord = PlatformApi::new(base_url(
            "LUMIO_DISCORD_API_URL",
            &a.discord_api_url,
            DEFAULT_DISCORD_API_URL,
        )?);
        discord.token = secret(&a.discord_token);
        discord.client_id = secret(&a.discord_client_id);
        let mut youtube = PlatformApi::new(base_url(
            "LUMIO_YOUTUBE_API_URL",
            &a.youtube_api_url,
            DEFAULT_YOUTUBE_API_URL,
        )?);
        youtube.token = secret(&a.youtube_api_key);
        let mut kick = PlatformApi::new(base_url(
            "LUMIO_KICK_API_URL",
            &a.kick_api_url,
            DEFAULT_KICK_API_URL,
        )?);
        kick.token = secret(&a.kick_token);
        Ok(PlatformsConfig {
            twitch,
            seventv: PlatformApi::new(base_url(
                "LUMIO_7TV_API_URL",
                &a.seventv_api_url,
                DEFAULT_7TV_API_URL,
            )?),
            bttv: PlatformApi::new(base_url(
                "LUMIO_BTTV_API_URL",
                &a.bttv_api_url,
                DEFAULT_BTTV_API_URL,
            )?),
            ffz: PlatformApi::new(base_url(
                "LUMIO_FFZ_API_URL",
                &a.ffz_api_url,
                DEFAULT_FFZ_API_URL,
            )?),
            trovo,
            discord,
            youtube,
            kick,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub redis_url: Option<String>,
    pub system_key: Option<String>,
    pub bind: SocketAddr,
    /// Largest accepted request body, in bytes.
    pub body_limit: usize,
    /// Prefix of every bus key and channel ("" in production; tests isolate with it).
    pub bus_prefix: String,
    /// Run the background workers (the chat flush) beside the API.
    pub workers: bool,
    /// Run the bot worker (platform chat in, sends) beside the API (`serve --no-workers`
    /// turns it off; `lumio-server worker` runs it alone).
    pub bot_worker: bool,
    /// Twitch EventSub WebSocket URL (`LUMIO_TWITCH_EVENTSUB_URL`), ws:// or wss://.
    pub twitch_eventsub_url: String,
    /// Discord gateway URL (`LUMIO_DISCORD_GATEWAY_URL`), ws:// or wss://, without query.
    pub discord_gateway_url: String,
    /// The outside platforms' API base URLs and credentials.
    pub platforms: PlatformsConfig,
    /// Profile enrichment: cache time, circuit breaker, call timeout.
    pub enrich: crate::profiles::enrich::EnrichSettings,
    /// Adding the Discord bot to a guild: consent screen, client secret, redirect URI.
    pub discord_oauth: DiscordOAuth,
    /// Signs OAuth `state` values (HMAC-SHA256).
    pub state_secret: StateSecret,
    /// Seals platform tokens at rest (`LUMIO_SECRET_KEY`); None refuses to store them.
    pub secret_key: Option<crate::connections::crypto::SecretKey>,
    /// Twitch OAuth (`LUMIO_TWITCH_AUTH_URL`, `LUMIO_TWITCH_CLIENT_SECRET`).
    pub twitch_auth: crate::connections::oauth::TwitchAuth,
    /// Peers whose X-Forwarded-For is believed when telling a client's address (the login
    /// throttle counts per address): see [`crate::http::extract::ClientAddr`].
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// How long the chat pipeline keeps per-message state: the dedup window, the resume
    /// replay's bounds.
    pub chat: ChatLimits,
}

/// The Discord OAuth2 settings beyond [`PlatformsConfig::discord`] (whose `client_id` is the
/// application id and `token` the bot token).
#[derive(Clone, PartialEq, Eq)]
pub struct DiscordOAuth {
    /// The consent screen, `https://discord.com/oauth2/authorize`.
    pub authorize_url: String,
    pub client_secret: Option<String>,
    pub redirect_uri: String,
}

impl std::fmt::Debug for DiscordOAuth {
    /// Never prints the client secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DiscordOAuth")
            .field("authorize_url", &self.authorize_url)
            .field("client_secret", &self.client_secret.as_ref().map(|_| "…"))
            .field("redirect_uri", &self.redirect_uri)
            .finish()
    }
}

/// A secret that never shows in `Debug` output.
#[derive(Clone, PartialEq, Eq)]
pub struct StateSecret(pub Vec<u8>);

impl std::fmt::Debug for StateSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StateSecret(…)")
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{var}: {message}")]
pub struct ConfigError {
    pub var: &'static str,
    pub message: String,
}

fn err(var: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError {
        var,
        message: message.into(),
    }
}

impl Config {
    /// Validate raw settings. `bind` and `body_limit` come from `serve`'s flags / env.
    pub fn from_args(
        args: &ConfigArgs,
        bind: Option<&str>,
        body_limit: Option<&str>,
    ) -> Result<Config, ConfigError> {
        let database_url = args
            .database_url
            .clone()
            .filter(|s| !s.trim().is_empty())
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        Backend::of_url(&database_url).map_err(|_| {
            err(
                "DATABASE_URL",
                format!(
                    "expected a postgres:// or sqlite: URL, got '{}'",
                    redact_url(&database_url)
                ),
            )
        })?;
        let redis_url = args.redis_url.clone().filter(|s| !s.trim().is_empty());
        if let Some(url) = &redis_url {
            if !(url.starts_with("redis://") || url.starts_with("rediss://")) {
                return Err(err(
                    "REDIS_URL",
                    format!("expected a redis:// URL, got '{}'", redact_url(url)),
                ));
            }
        }
        let system_key = args.system_key.clone().filter(|s| !s.is_empty());
        if let Some(key) = &system_key {
            if key.chars().count() < 16 {
                return Err(err(
                    "LUMIO_SYSTEM_KEY",
                    "must be at least 16 characters long",
                ));
            }
        }
        let bind = bind.unwrap_or(DEFAULT_BIND);
        let bind: SocketAddr = bind.parse().map_err(|_| {
            err(
                "LUMIO_BIND",
                format!("'{bind}' is not an address like 127.0.0.1:8080"),
            )
        })?;
        let body_limit = match body_limit {
            None => DEFAULT_BODY_LIMIT,
            Some(s) => match s.trim().parse::<usize>() {
                Ok(n) if n >= 1024 => n,
                _ => {
                    return Err(err(
                        "LUMIO_BODY_LIMIT",
                        format!("'{s}' is not a number of bytes of at least 1024"),
                    ))
                }
            },
        };
        let platforms = PlatformsConfig::from_args(&args.platforms)?;
        let state_secret = match args.state_secret.as_deref().filter(|s| !s.is_empty()) {
            Some(s) if s.chars().count() < 32 => {
                return Err(err(
                    "LUMIO_STATE_SECRET",
                    "must be at least 32 characters long",
                ))
            }
            Some(s) => StateSecret(s.as_bytes().to_vec()),
            None => {
                use rand::RngCore;
                let mut key = vec![0u8; 32];
                rand::thread_rng().fill_bytes(&mut key);
                StateSecret(key)
            }
        };
        let default_redirect = format!("http://{bind}{DISCORD_CALLBACK_PATH}");
        let discord_oauth = DiscordOAuth {
            authorize_url: base_url(
                "LUMIO_DISCORD_OAUTH_URL",
                &args.platforms.discord_oauth_url,
                DEFAULT_DISCORD_OAUTH_URL,
            )?,
            client_secret: secret(&args.platforms.discord_client_secret),
            redirect_uri: base_url(
                "LUMIO_DISCORD_REDIRECT_URI",
                &args.platforms.discord_redirect_uri,
                &default_redirect,
            )?,
        };
        let secret_key = match secret(&args.secret_key) {
            None => None,
            Some(k) => Some(
                crate::connections::crypto::SecretKey::parse(&k)
                    .map_err(|m| err("LUMIO_SECRET_KEY", m))?,
            ),
        };
        let twitch_auth = crate::connections::oauth::TwitchAuth {
            auth_url: base_url(
                "LUMIO_TWITCH_AUTH_URL",
                &args.platforms.twitch_auth_url,
                crate::connections::oauth::DEFAULT_TWITCH_AUTH_URL,
            )?,
            client_secret: secret(&args.platforms.twitch_client_secret),
        };
        let bus_prefix = args.bus_prefix.clone().unwrap_or_default();
        if bus_prefix.chars().count() > 100 || bus_prefix.chars().any(char::is_whitespace) {
            return Err(err(
                "LUMIO_BUS_PREFIX",
                "must be at most 100 characters without spaces",
            ));
        }
        let trusted_proxies = args
            .trusted_proxies
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<std::net::IpAddr>().map_err(|_| {
                    err(
                        "LUMIO_TRUSTED_PROXIES",
                        format!("'{s}' is not an IP address like 10.0.0.2"),
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let chat = ChatLimits::from_args(&args.chat)?;
        Ok(Config {
            secret_key,
            twitch_auth,
            chat,
            trusted_proxies,
            platforms,
            discord_oauth,
            state_secret,
            enrich: Default::default(),
            database_url,
            redis_url,
            system_key,
            bind,
            body_limit,
            bus_prefix,
            workers: true,
            bot_worker: true,
            twitch_eventsub_url: ws_url(
                "LUMIO_TWITCH_EVENTSUB_URL",
                &args.platforms.twitch_eventsub_url,
                crate::platforms::twitch::eventsub::DEFAULT_EVENTSUB_URL,
            )?,
            discord_gateway_url: ws_url(
                "LUMIO_DISCORD_GATEWAY_URL",
                &args.platforms.discord_gateway_url,
                crate::platforms::discord::gateway::DEFAULT_GATEWAY_URL,
            )?,
        })
    }
}

/// Default of [`delivery_confirm_after`].
pub const DELIVERY_CONFIRM_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// `LUMIO_DELIVERY_CONFIRM_AFTER` (seconds, default 60): a moderation delivery `sent` this long
/// without the platform's echo is read back from the platform by the delivery worker's
/// reconciler (`moderation::reconcile`). A value that is not a positive number of seconds
/// keeps the default.
pub fn delivery_confirm_after() -> std::time::Duration {
    std::env::var("LUMIO_DELIVERY_CONFIRM_AFTER")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(DELIVERY_CONFIRM_AFTER, std::time::Duration::from_secs_f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(db: Option<&str>, redis: Option<&str>, key: Option<&str>) -> ConfigArgs {
        ConfigArgs {
            database_url: db.map(String::from),
            redis_url: redis.map(String::from),
            system_key: key.map(String::from),
            state_secret: None,
            platforms: PlatformArgs::default(),
            ..Default::default()
        }
    }

    #[test]
    fn secrets_stay_out_of_debug_output() {
        let mut c = Config::from_args(&args(None, None, None), None, None).unwrap();
        c.discord_oauth.client_secret = Some("discord-client-secret".into());
        let shown = format!("{c:?}");
        assert!(!shown.contains("discord-client-secret"), "{shown}");
        assert!(shown.contains("StateSecret(…)"), "{shown}");
        assert_eq!(
            c.discord_oauth.redirect_uri,
            "http://127.0.0.1:8080/api/discord-guilds/callback"
        );
    }

    #[test]
    fn defaults() {
        let c = Config::from_args(&args(None, None, None), None, None).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.bind.to_string(), DEFAULT_BIND);
        assert!(c.redis_url.is_none());
        assert_eq!(c.platforms.twitch.api_url, DEFAULT_TWITCH_API_URL);
        assert!(c.platforms.twitch.token.is_none());
        assert_eq!(c.chat.dedup_window, Duration::from_secs(600));
        assert_eq!(c.chat.resume_max_events, 10_000);
        assert_eq!(c.chat.resume_max_age, Duration::from_secs(600));
    }

    #[test]
    fn chat_limits_read_durations_and_counts() {
        let chat = ChatArgs {
            dedup_window: Some("2m".into()),
            resume_max_events: Some(" 500 ".into()),
            resume_max_age: Some("90".into()),
        };
        let c = Config::from_args(
            &ConfigArgs {
                chat,
                ..args(None, None, None)
            },
            None,
            None,
        )
        .unwrap();
        assert_eq!(c.chat.dedup_window, Duration::from_secs(120));
        assert_eq!(c.chat.resume_max_events, 500);
        assert_eq!(c.chat.resume_max_age, Duration::from_secs(90));
        for (chat, var) in [
            (
                ChatArgs {
                    dedup_window: Some("0s".into()),
                    ..Default::default()
                },
                "LUMIO_DEDUP_WINDOW",
            ),
            (
                ChatArgs {
                    dedup_window: Some("ten minutes".into()),
                    ..Default::default()
                },
                "LUMIO_DEDUP_WINDOW",
            ),
            (
                ChatArgs {
                    resume_max_events: Some("0".into()),
                    ..Default::default()
                },
                "LUMIO_RESUME_MAX_EVENTS",
            ),
            (
                ChatArgs {
                    resume_max_age: Some("400d".into()),
                    ..Default::default()
                },
                "LUMIO_RESUME_MAX_AGE",
            ),
        ] {
            let e = Config::from_args(
                &ConfigArgs {
                    chat,
                    ..args(None, None, None)
                },
                None,
                None,
            )
            .unwrap_err();
            assert_eq!(e.var, var, "{e}");
        }
    }

    #[test]
    fn platform_urls_lose_their_trailing_slash_and_keep_credentials() {
        let a = PlatformArgs {
            twitch_api_url: Some("http://127.0.0.1:9/helix/".into()),
            twitch_client_id: Some("cid".into()),
            kick_token: Some("  ".into()),
            ..Default::default()
        };
        let p = PlatformsConfig::from_args(&a).unwrap();
        assert_eq!(p.twitch.api_url, "http://127.0.0.1:9/helix");
        assert_eq!(p.twitch.client_id.as_deref(), Some("cid"));
        assert_eq!(p.kick.token, None, "a blank token is no token");
    }

    #[test]
    fn each_bad_value_names_its_variable() {
        let cases = [
            (
                args(Some("mysql://x"), None, None),
                None,
                None,
                "DATABASE_URL",
            ),
            (args(None, Some("http://x"), None), None, None, "REDIS_URL"),
            (
                args(None, None, Some("short")),
                None,
                None,
                "LUMIO_SYSTEM_KEY",
            ),
            (args(None, None, None), Some("nope"), None, "LUMIO_BIND"),
            (
                ConfigArgs {
                    state_secret: Some("too short".into()),
                    ..args(None, None, None)
                },
                None,
                None,
                "LUMIO_STATE_SECRET",
            ),
            (
                ConfigArgs {
                    platforms: PlatformArgs {
                        discord_redirect_uri: Some("not a url".into()),
                        ..Default::default()
                    },
                    ..args(None, None, None)
                },
                None,
                None,
                "LUMIO_DISCORD_REDIRECT_URI",
            ),
            (args(None, None, None), None, Some("12"), "LUMIO_BODY_LIMIT"),
            (
                ConfigArgs {
                    secret_key: Some("c2hvcnQ=".into()),
                    ..args(None, None, None)
                },
                None,
                None,
                "LUMIO_SECRET_KEY",
            ),
            (
                ConfigArgs {
                    trusted_proxies: vec!["10.0.0.2".into(), "proxy.example".into()],
                    ..args(None, None, None)
                },
                None,
                None,
                "LUMIO_TRUSTED_PROXIES",
            ),
            (
                ConfigArgs {
                    bus_prefix: Some("a b".into()),
                    ..args(None, None, None)
                },
                None,
                None,
                "LUMIO_BUS_PREFIX",
            ),
            (
                ConfigArgs {
                    platforms: PlatformArgs {
                        bttv_api_url: Some("ftp://bttv".into()),
                        ..Default::default()
                    },
                    ..args(None, None, None)
                },
                None,
                None,
                "LUMIO_BTTV_API_URL",
            ),
        ];
        for (a, bind, limit, var) in cases {
            let e = Config::from_args(&a, bind, limit).unwrap_err();
            assert_eq!(e.var, var);
            assert!(e.to_string().starts_with(var), "{e}");
        }
    }
}
