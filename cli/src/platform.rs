//! The chat platforms, and what a platform user id looks like on each — the one place the
//! CLI decides whether a word is an id or a username (the server enforces the same rules
//! with a 400 naming the field).

use clap::ValueEnum;
use serde::Serialize;

use crate::error::{CliError, CliResult};

/// A chat platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Twitch,
    Youtube,
    Kick,
    Trovo,
    Discord,
}

impl Platform {
    pub const ALL: [Platform; 5] = [
        Platform::Twitch,
        Platform::Youtube,
        Platform::Kick,
        Platform::Trovo,
        Platform::Discord,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Twitch => "twitch",
            Platform::Youtube => "youtube",
            Platform::Kick => "kick",
            Platform::Trovo => "trovo",
            Platform::Discord => "discord",
        }
    }

    /// Whether `id` is a user id on this platform:
    /// - twitch, kick, trovo: 1–20 ASCII digits;
    /// - youtube: a channel id, `UC` and 22 characters of `[A-Za-z0-9_-]`;
    /// - discord: a snowflake, 17–20 ASCII digits that fit in a u64.
    pub fn is_user_id(self, id: &str) -> bool {
        let digits = |min: usize, max: usize| {
            (min..=max).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_digit())
        };
        match self {
            Platform::Twitch | Platform::Kick | Platform::Trovo => digits(1, 20),
            Platform::Youtube => {
                id.len() == 24
                    && id.starts_with("UC")
                    && id[2..]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            }
            Platform::Discord => digits(17, 20) && id.parse::<u64>().is_ok(),
        }
    }

    /// What a user id of this platform looks like, for messages.
    pub fn user_id_rule(self) -> &'static str {
        match self {
            Platform::Twitch | Platform::Kick | Platform::Trovo => "1–20 digits",
            Platform::Youtube => "a channel id: UC and 22 letters, digits, - or _",
            Platform::Discord => "a snowflake: 17–20 digits",
        }
    }
}

impl std::fmt::Display for Platform {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Platform {
    type Err = CliError;

    /// A platform by name, in any case; anything else is a usage error naming the five.
    fn from_str(s: &str) -> CliResult<Platform> {
        let lower = s.trim().to_ascii_lowercase();
        Platform::ALL
            .into_iter()
            .find(|p| p.as_str() == lower)
            .ok_or_else(|| {
                CliError::usage(format!(
                    "unknown platform '{s}' (twitch, youtube, kick, trovo, discord)"
                ))
            })
    }
}

/// Who a command is about: a platform user id, or a username lumio has seen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserRef {
    Id(String),
    Name(String),
}

impl UserRef {
    /// `@name` is a username; a word that is a valid user id on `platform` is that id; any
    /// other word is a username too (`lumio mod ban twitch loudguy` means @loudguy).
    pub fn parse(platform: Platform, s: &str) -> CliResult<UserRef> {
        let s = s.trim();
        let user = match s.strip_prefix('@') {
            Some(name) => UserRef::Name(name.trim().to_string()),
            None if platform.is_user_id(s) => UserRef::Id(s.to_string()),
            None => UserRef::Name(s.to_string()),
        };
        match &user {
            UserRef::Id(x) | UserRef::Name(x) if x.is_empty() => {
                Err(CliError::usage("the user must not be empty"))
            }
            _ => Ok(user),
        }
    }
}

impl std::fmt::Display for UserRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UserRef::Id(id) => f.write_str(id),
            UserRef::Name(n) => write!(f, "@{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_ids_follow_each_platforms_rule() {
        for p in [Platform::Twitch, Platform::Kick, Platform::Trovo] {
            assert!(p.is_user_id("1234"), "{p}");
            assert!(p.is_user_id("1"), "{p}");
            assert!(p.is_user_id(&"9".repeat(20)), "{p}");
            for bad in ["", "loudguy", "12a4", &"9".repeat(21), " 12", "-1", "１２"] {
                assert!(!p.is_user_id(bad), "{p} {bad:?}");
            }
        }
        let yt = Platform::Youtube;
        assert!(yt.is_user_id("UCaaaaaaaaaaaaaaaaaaaaaa"));
        assert!(yt.is_user_id("UC_x-9AZaz0123456789abcd"));
        for bad in [
            "yt-1",
            "UCaaaaaaaaaaaaaaaaaaaaa",   // 23
            "UCaaaaaaaaaaaaaaaaaaaaaaa", // 25
            "ucaaaaaaaaaaaaaaaaaaaaaa",
            "UCaaaaaaaaaaaaaaaaaaaa.a",
            "1234",
        ] {
            assert!(!yt.is_user_id(bad), "youtube {bad:?}");
        }
        let dc = Platform::Discord;
        assert!(dc.is_user_id("80351110224678912"));
        assert!(dc.is_user_id("18446744073709551615"));
        for bad in [
            "1234",
            "18446744073709551616",
            "99999999999999999999",
            "8035111022467891x",
        ] {
            assert!(!dc.is_user_id(bad), "discord {bad:?}");
        }
    }

    #[test]
    fn a_bare_word_that_is_not_an_id_is_a_username() {
        let p = |p, s| UserRef::parse(p, s).unwrap();
        assert_eq!(p(Platform::Twitch, "1234"), UserRef::Id("1234".into()));
        assert_eq!(
            p(Platform::Twitch, "loudguy"),
            UserRef::Name("loudguy".into())
        );
        assert_eq!(
            p(Platform::Twitch, "@loudguy"),
            UserRef::Name("loudguy".into())
        );
        assert_eq!(p(Platform::Twitch, "@1234"), UserRef::Name("1234".into()));
        assert_eq!(p(Platform::Discord, "1234"), UserRef::Name("1234".into()));
        assert_eq!(
            p(Platform::Youtube, " UCaaaaaaaaaaaaaaaaaaaaaa "),
            UserRef::Id("UCaaaaaaaaaaaaaaaaaaaaaa".into())
        );
        for empty in ["", "  ", "@", "@ "] {
            let e = UserRef::parse(Platform::Kick, empty).unwrap_err();
            assert_eq!(e.code, crate::error::ExitCode::Usage, "{empty:?}");
        }
        assert_eq!(UserRef::Name("x".into()).to_string(), "@x");
    }

    #[test]
    fn an_unknown_platform_is_an_error() {
        assert_eq!("Kick".parse::<Platform>().unwrap(), Platform::Kick);
        let e = "myspace".parse::<Platform>().unwrap_err();
        assert_eq!(e.code, crate::error::ExitCode::Usage);
        assert!(e.message.contains("myspace"), "{}", e.message);
    }
}
