//! The five chat platforms. Connectors (read, send, moderate, enrich) will live beside this.

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
                    "unknown platform '{s}' (expected one of twitch, youtube, kick, trovo, discord)"
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
}
