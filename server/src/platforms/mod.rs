//! The five chat platforms: [`connector::Connector`] is what lumio does on one (read, send,
//! moderate, enrich); one module per platform implements it.

pub mod chat_in;
pub mod connector;
pub mod discord;
pub mod simulator;
pub mod twitch;

use std::fmt;
use std::str::FromStr;

use crate::error::AppError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
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

    /// What a user id of this platform looks like, as error messages say it.
    pub fn user_id_rule(self) -> &'static str {
        match self {
            Platform::Twitch | Platform::Kick | Platform::Trovo => "1 to 20 digits",
            Platform::Youtube => {
                "a channel id: 'UC' and 22 letters, digits, '_' or '-' (24 characters)"
            }
            Platform::Discord => "a snowflake: 17 to 20 digits",
        }
    }

    /// Whether `id` is a user id of this platform. The one place the rules live (the CLI
    /// applies the same ones):
    /// - Twitch, Kick, Trovo: 1–20 ASCII digits;
    /// - YouTube: a channel id, `UC` and 22 characters of `[A-Za-z0-9_-]` (24 in all);
    /// - Discord: a snowflake, 17–20 ASCII digits that fit in a u64.
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

    /// [`Platform::is_user_id`] as a check: a 400 that names `field` and the rule.
    pub fn check_user_id(self, field: &str, id: &str) -> Result<(), AppError> {
        if self.is_user_id(id) {
            Ok(())
        } else {
            Err(AppError::BadRequest(format!(
                "{field} '{}' is not a {self} user id ({})",
                crate::validate::quote(id),
                self.user_id_rule()
            )))
        }
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Platform {
    type Err = AppError;
    /// Case-insensitive; an unknown name is a 400 that lists the known ones.
    fn from_str(s: &str) -> Result<Self, AppError> {
        let lower = s.trim().to_ascii_lowercase();
        Platform::ALL
            .into_iter()
            .find(|p| p.as_str() == lower)
            .ok_or_else(|| {
                AppError::BadRequest(format!(
                    "unknown platform '{}' (expected one of twitch, youtube, kick, trovo, discord)",
                    crate::validate::quote(s)
                ))
            })
    }
}

impl serde::Serialize for Platform {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Platform {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse() {
        assert_eq!("Twitch".parse::<Platform>().unwrap(), Platform::Twitch);
        let e = "myspace".parse::<Platform>().unwrap_err().to_string();
        assert!(e.contains("unknown platform 'myspace'"), "{e}");
    }

    #[test]
    fn user_ids_per_platform() {
        use Platform::*;
        for p in [Twitch, Kick, Trovo] {
            assert!(p.is_user_id("1"));
            assert!(p.is_user_id("12345678901234567890"));
            assert!(!p.is_user_id(""));
            assert!(!p.is_user_id("123456789012345678901"), "21 digits");
            assert!(!p.is_user_id("loudguy"));
            assert!(!p.is_user_id("12a"));
            assert!(!p.is_user_id(" 12"));
            assert!(!p.is_user_id("١٢٣"), "non-ASCII digits");
        }
        assert!(Youtube.is_user_id("UCLumioDemo0000000000000"));
        assert!(Youtube.is_user_id("UC_x-5Yyz0123456789abcde"));
        assert!(!Youtube.is_user_id("UC123"));
        assert!(
            !Youtube.is_user_id("UCLumioDemo00000000000000"),
            "25 characters"
        );
        assert!(!Youtube.is_user_id("ucLumioDemo0000000000000"));
        assert!(!Youtube.is_user_id("UCLumioDemo000000000000."));
        assert!(!Youtube.is_user_id("UCLumioDemo00000000000é"), "multi-byte");
        assert!(Discord.is_user_id("41771983429993937"));
        assert!(Discord.is_user_id("18446744073709551615"), "u64::MAX");
        assert!(!Discord.is_user_id("18446744073709551616"), "past u64");
        assert!(!Discord.is_user_id("1234567890123456"), "16 digits");
        assert!(!Discord.is_user_id("Wumpus#0001"));
        let e = Twitch
            .check_user_id("platform_user_id", "loudguy")
            .unwrap_err();
        assert!(matches!(e, AppError::BadRequest(_)));
        let e = e.to_string();
        assert!(
            e.starts_with("platform_user_id 'loudguy' is not a twitch user id"),
            "{e}"
        );
        assert!(e.contains("1 to 20 digits"), "{e}");
    }
}
