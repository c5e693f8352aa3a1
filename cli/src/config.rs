//! Profiles in `config.toml` under the platform's config directory (or `LUMIO_CONFIG_DIR`),
//! written with mode 0600; `LUMIO_SERVER`, `LUMIO_TOKEN`, `LUMIO_ACCOUNT`, `LUMIO_PROFILE`
//! override.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{CliError, CliResult};

pub const DEFAULT_SERVER: &str = "http://127.0.0.1:8080";
pub const DEFAULT_PROFILE: &str = "default";

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ConfigFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

pub fn config_dir() -> CliResult<PathBuf> {
    if let Some(dir) = std::env::var_os("LUMIO_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("dev", "lumio", "lumio")
        .map(|p| p.config_dir().to_path_buf())
        .ok_or_else(|| CliError::failure("cannot find a config directory: set LUMIO_CONFIG_DIR"))
}

pub fn config_path() -> CliResult<PathBuf> {
    Ok(config_dir()?.join("config.toml"))
}

impl ConfigFile {
    pub fn load() -> CliResult<ConfigFile> {
        let path = config_path()?;
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text)
                .map_err(|e| CliError::failure(format!("{}: {}", path.display(), e.message()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ConfigFile::default()),
            Err(e) => Err(CliError::failure(format!("{}: {e}", path.display()))),
        }
    }

    /// Write atomically, readable by the owner only (0600 from the first byte).
    pub fn save(&self) -> CliResult<PathBuf> {
        let path = config_path()?;
        let dir = config_dir()?;
        std::fs::create_dir_all(&dir)
            .map_err(|e| CliError::failure(format!("{}: {e}", dir.display())))?;
        let text = toml::to_string_pretty(self)
            .map_err(|e| CliError::failure(format!("cannot write the config: {e}")))?;
        let tmp = dir.join(".config.toml.tmp");
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let write = || -> std::io::Result<()> {
            let mut f = options.open(&tmp)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
            }
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        };
        write().map_err(|e| CliError::failure(format!("{}: {e}", path.display())))?;
        Ok(path)
    }

    /// The profile named by `--profile` / `LUMIO_PROFILE`, else the default one.
    pub fn profile_name(&self, flag: Option<&str>) -> String {
        flag.map(String::from)
            .or_else(|| self.default_profile.clone())
            .unwrap_or_else(|| DEFAULT_PROFILE.to_string())
    }
}

/// Where the token of a call comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenSource {
    Env,
    Profile,
}

impl TokenSource {
    pub fn describe(self) -> &'static str {
        match self {
            TokenSource::Env => "LUMIO_TOKEN",
            TokenSource::Profile => "config file",
        }
    }
}

/// Settings of one call, after flags, environment and profile.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub profile: String,
    pub server: String,
    pub account: Option<String>,
    pub token: Option<(String, TokenSource)>,
}

pub fn resolve(
    file: &ConfigFile,
    profile_flag: Option<&str>,
    server_flag: Option<&str>,
    account_flag: Option<&str>,
) -> Resolved {
    let profile = file.profile_name(profile_flag);
    let p = file.profiles.get(&profile).cloned().unwrap_or_default();
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let server = server_flag
        .map(String::from)
        .or_else(|| env("LUMIO_SERVER"))
        .or(p.server)
        .unwrap_or_else(|| DEFAULT_SERVER.to_string());
    let account = account_flag
        .map(String::from)
        .or_else(|| env("LUMIO_ACCOUNT"))
        .or(p.account);
    let token = env("LUMIO_TOKEN")
        .map(|t| (t, TokenSource::Env))
        .or_else(|| p.token.map(|t| (t, TokenSource::Profile)));
    Resolved {
        profile,
        server: server.trim_end_matches('/').to_string(),
        account,
        token,
    }
}
