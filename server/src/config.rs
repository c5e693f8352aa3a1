//! One typed configuration, from flags and the environment. Every invalid value stops
//! start-up with a message that names the variable.

use std::net::SocketAddr;

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
        Ok(Config {
            database_url,
            redis_url,
            system_key,
            bind,
            body_limit,
            bus_prefix: String::new(),
            workers: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(db: Option<&str>, redis: Option<&str>, key: Option<&str>) -> ConfigArgs {
        ConfigArgs {
            database_url: db.map(String::from),
            redis_url: redis.map(String::from),
            system_key: key.map(String::from),
        }
    }

    #[test]
    fn defaults() {
        let c = Config::from_args(&args(None, None, None), None, None).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.bind.to_string(), DEFAULT_BIND);
        assert!(c.redis_url.is_none());
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
            (args(None, None, None), None, Some("12"), "LUMIO_BODY_LIMIT"),
        ];
        for (a, bind, limit, var) in cases {
            let e = Config::from_args(&a, bind, limit).unwrap_err();
            assert_eq!(e.var, var);
            assert!(e.to_string().starts_with(var), "{e}");
        }
    }
}
