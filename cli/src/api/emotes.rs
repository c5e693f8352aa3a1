//! Emotes: `GET /v1/chat/emotes/{platform}/{channel_id}` and `GET /v1/chat/emotes/user`.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::Client;
use crate::error::CliResult;
use crate::platform::Platform;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Emote {
    pub id: String,
    pub name: String,
    /// twitch, 7tv, bttv, ffz, trovo, discord.
    pub provider: String,
    pub url: String,
    pub animated: bool,
}

/// How one provider answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderStatus {
    pub provider: String,
    /// `ok`, `cached`, `error` or `not_configured`.
    pub status: String,
    pub error: Option<String>,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmoteSet {
    pub platform: String,
    pub channel_id: String,
    pub emotes: Vec<Emote>,
    pub providers: Vec<ProviderStatus>,
}

impl Client {
    /// A channel's emotes from every provider of its platform.
    pub async fn channel_emotes(&self, platform: Platform, channel: &str) -> CliResult<EmoteSet> {
        self.call(self.v1(Method::GET, &["chat", "emotes", platform.as_str(), channel])?)
            .await
    }

    /// The Twitch emotes of the user lumio's Twitch token belongs to.
    pub async fn user_emotes(&self) -> CliResult<EmoteSet> {
        self.call(self.v1(Method::GET, &["chat", "emotes", "user"])?)
            .await
    }
}
