//! Profiles in `config.toml` under the platform's config directory (or `LUMIO_CONFIG_DIR`),
//! written with mode 0600; `LUMIO_SERVER`, `LUMIO_TOKEN`, `LUMIO_ACCOUNT`, `LUMIO_PROFILE`
//! override.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{CliError, CliResult};

pub const DEFAULT_SERVER: &str = "http://127.0.0.1:8080";
pub const DEFAULT_PROFILE: &str = "default";

/// A named set of settings: the default server and account, and a token per server host
/// (like gh's hosts file) — a token is only ever sent to the host that issued it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account: Option<String>,
    /// The logins of this profile, by `HOST[:PORT]` of the server.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub hosts: BTreeMap<String, HostLogin>,
    /// Before tokens were kept per host, a profile held one token, for its `server`.
    /// Read (and moved into `hosts` on load), never written.
    #[serde(default, skip_serializing)]
    pub token: Option<String>,
    #[serde(default, skip_serializing)]
    pub username: Option<String>,
}

/// A login to one server.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct HostLogin {
    pub token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

impl Profile {
    /// Move a single token of an old config under the host of the profile's server.
    fn migrate(&mut self) {
        let Some(token) = self.token.take() else {
            return;
        };
        let username = self.username.take();
        let server = self.server.as_deref().unwrap_or(DEFAULT_SERVER);
        if let Some(host) = host_of(server) {
            self.hosts
                .entry(host)
                .or_insert(HostLogin { token, username });
        }
    }

    /// The login for the server at `url`, if this profile has one.
    pub fn login_for(&self, url: &str) -> Option<&HostLogin> {
        self.hosts.get(&host_of(url)?)
    }
}

/// `HOST[:PORT]` of a server URL (the key of its login), if it is a valid server URL.
pub fn host_of(url: &str) -> Option<String> {
    crate::api::check_server(url)
        .ok()
        .map(|u| crate::api::host_key(&u))
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ConfigFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
    /// The live screen's settings (`[tui]`).
    #[serde(default, skip_serializing_if = "TuiConfig::is_empty")]
    pub tui: TuiConfig,
}

/// `[tui]` in config.toml: scrollback, keys and colours of the live screen.
///
/// ```toml
/// [tui]
/// scrollback = 20000
/// [tui.keys]      # action = "key": up down live ban unban timeout delete card note treatment filter command send log help quit
/// ban = "B"
/// [tui.colors]    # twitch youtube kick trovo discord = "#RRGGBB"
/// twitch = "#9146FF"
/// [tui.highlights]
/// terms = ["giveaway", "refund"]   # whole words, any case
/// ```
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TuiConfig {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scrollback: Option<usize>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub keys: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub colors: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "HighlightConfig::is_empty")]
    pub highlights: HighlightConfig,
}

/// `[tui.highlights]`: what the live screen colours like Chatterino's highlights.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HighlightConfig {
    /// Words and phrases to highlight (whole words, any case).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// Highlight messages that name you (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentions: Option<bool>,
    /// Highlight a chatter's first message (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_messages: Option<bool>,
    /// `#RRGGBB` behind mentions and terms (default Chatterino's #4B282C).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// `#RRGGBB` behind first messages (default Chatterino's #23301F).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_message_color: Option<String>,
}

impl HighlightConfig {
    pub fn is_empty(&self) -> bool {
        self == &HighlightConfig::default()
    }
}

impl TuiConfig {
    pub fn is_empty(&self) -> bool {
        self == &TuiConfig::default()
    }
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
    /// The config file at [`config_path`]; none yet is an empty config.
    pub fn load() -> CliResult<ConfigFile> {
        Self::load_from(&config_path()?)
    }

    pub fn load_from(path: &Path) -> CliResult<ConfigFile> {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let mut file: ConfigFile = toml::from_str(&text).map_err(|e| {
                    CliError::failure(format!(
                        "{}: {} (fix or remove the file)",
                        path.display(),
                        e.message()
                    ))
                })?;
                file.profiles.values_mut().for_each(Profile::migrate);
                Ok(file)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ConfigFile::default()),
            Err(e) => Err(CliError::failure(format!("{}: {e}", path.display()))),
        }
    }

    /// Write the config file, readable by the owner only.
    pub fn save(&self) -> CliResult<PathBuf> {
        let path = config_path()?;
        self.save_to(&path)?;
        Ok(path)
    }

    /// Write atomically (a new file renamed over the old), with mode 0600 from the first
    /// byte: the file is created with that mode, never widened afterwards. A directory that
    /// has to be created gets mode 0700.
    pub fn save_to(&self, path: &Path) -> CliResult<()> {
        let fail = |e: std::io::Error| CliError::failure(format!("{}: {e}", path.display()));
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir).map_err(fail)?;
        let text = toml::to_string_pretty(self)
            .map_err(|e| CliError::failure(format!("cannot write the config: {e}")))?;
        let tmp = dir.join(format!(".config.toml.{}.tmp", std::process::id()));
        // A leftover of a crashed run: never write through a file someone else made.
        let _ = std::fs::remove_file(&tmp);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let write = || -> std::io::Result<()> {
            let mut f = options.open(&tmp)?;
            #[cfg(unix)]
            {
                // The umask may have narrowed the mode further; never let it be wider.
                use std::os::unix::fs::PermissionsExt;
                f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
            }
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
            std::fs::rename(&tmp, path)
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            fail(e)
        })
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
    /// The stable name in `--json` output.
    pub fn key(self) -> &'static str {
        match self {
            TokenSource::Env => "env",
            TokenSource::Profile => "profile",
        }
    }

    /// Where it comes from, for people.
    pub fn describe(self, profile: &str) -> String {
        match self {
            TokenSource::Env => "the LUMIO_TOKEN environment variable".to_string(),
            TokenSource::Profile => format!("profile '{profile}'"),
        }
    }
}

/// Settings of one call, after flags, environment and profile.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub profile: String,
    pub server: String,
    pub account: Option<String>,
    /// The token for `server`: `LUMIO_TOKEN`, else the profile's login to that host.
    pub token: Option<(String, TokenSource)>,
    /// The hosts the profile is logged in to (for the hint when `server` is not one).
    pub logged_in_hosts: Vec<String>,
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
        .or_else(|| p.server.clone())
        .unwrap_or_else(|| DEFAULT_SERVER.to_string());
    let server = server.trim().trim_end_matches('/').to_string();
    let account = account_flag
        .map(String::from)
        .or_else(|| env("LUMIO_ACCOUNT"))
        .or_else(|| p.account.clone());
    let token = env("LUMIO_TOKEN")
        .map(|t| (t, TokenSource::Env))
        .or_else(|| {
            p.login_for(&server)
                .map(|l| (l.token.clone(), TokenSource::Profile))
        });
    Resolved {
        profile,
        server,
        account,
        token,
        logged_in_hosts: p.hosts.keys().cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_with_mode_0600_and_loads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("config.toml");
        assert_eq!(ConfigFile::load_from(&path).unwrap(), ConfigFile::default());
        let mut file = ConfigFile::default();
        file.profiles.insert(
            "work".into(),
            Profile {
                server: Some("http://lumio.example:8080".into()),
                account: Some("demo".into()),
                hosts: [(
                    "lumio.example:8080".to_string(),
                    HostLogin {
                        token: "lum_secret".into(),
                        username: Some("mod".into()),
                    },
                )]
                .into(),
                ..Profile::default()
            },
        );
        file.save_to(&path).unwrap();
        file.save_to(&path).unwrap();
        assert_eq!(ConfigFile::load_from(&path).unwrap(), file);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["config.toml"]);
    }

    #[test]
    fn a_broken_file_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "profiles = 3").unwrap();
        let e = ConfigFile::load_from(&path).unwrap_err();
        assert!(e.message.contains("config.toml"), "{}", e.message);
    }

    #[test]
    fn a_single_token_config_moves_under_its_host() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(
            &path,
            "[profiles.default]\nserver = \"http://127.0.0.1:8080\"\naccount = \"demo\"\n\
             token = \"lum_old\"\nusername = \"mod\"\n\n[profiles.bare]\ntoken = \"lum_bare\"\n",
        )
        .unwrap();
        let file = ConfigFile::load_from(&path).unwrap();
        let p = &file.profiles["default"];
        assert_eq!(p.token, None);
        assert_eq!(
            p.hosts["127.0.0.1:8080"],
            HostLogin {
                token: "lum_old".into(),
                username: Some("mod".into())
            }
        );
        // No server: the token was for the default server.
        assert_eq!(
            file.profiles["bare"].hosts["127.0.0.1:8080"].token,
            "lum_bare"
        );
        // Written back in the new shape, it reads the same.
        file.save_to(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("[profiles.default.hosts.\"127.0.0.1:8080\"]"),
            "{text}"
        );
        assert_eq!(ConfigFile::load_from(&path).unwrap(), file);
    }

    #[test]
    fn a_token_is_resolved_only_for_its_own_host() {
        let mut file = ConfigFile::default();
        let mut p = Profile {
            server: Some("http://127.0.0.1:8080".into()),
            token: Some("lum_a".into()),
            ..Profile::default()
        };
        p.migrate();
        file.profiles.insert("default".into(), p);
        // LUMIO_TOKEN is not set in unit tests; flags decide the server.
        if std::env::var_os("LUMIO_TOKEN").is_some() {
            return;
        }
        let same = resolve(&file, None, Some("http://127.0.0.1:8080/"), None);
        assert_eq!(same.token.map(|t| t.0).as_deref(), Some("lum_a"));
        let other = resolve(&file, None, Some("http://127.0.0.1:9090"), None);
        assert!(other.token.is_none());
        assert_eq!(other.logged_in_hosts, ["127.0.0.1:8080"]);
        let other_host = resolve(&file, None, Some("http://evil.example:8080"), None);
        assert!(other_host.token.is_none());
        let bad = resolve(&file, None, Some("not a url"), None);
        assert!(bad.token.is_none());
    }

    #[test]
    fn profiles_are_chosen_by_flag_then_default() {
        let mut file = ConfigFile::default();
        assert_eq!(file.profile_name(None), "default");
        file.default_profile = Some("work".into());
        assert_eq!(file.profile_name(None), "work");
        assert_eq!(file.profile_name(Some("ci")), "ci");
        assert_eq!(TokenSource::Env.key(), "env");
        assert_eq!(TokenSource::Profile.describe("ci"), "profile 'ci'");
    }
}
