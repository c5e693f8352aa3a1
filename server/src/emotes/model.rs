//! Types of emotes.

use serde::{Deserialize, Serialize};

/// One emote.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::SimpleObject,
)]
pub struct Emote {
    /// The provider's id of the emote.
    pub id: String,
    /// What chatters type.
    pub name: String,
    /// twitch, 7tv, bttv, ffz, trovo or discord.
    pub provider: String,
    /// An image of it (the smallest size).
    pub url: String,
    pub animated: bool,
}

/// How one provider answered.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct ProviderStatus {
    pub provider: String,
    /// `ok` (asked just now), `cached`, `error` (see `error`), `not_configured`.
    pub status: String,
    pub error: Option<String>,
    pub count: i64,
}

/// The emotes of a channel, merged from its providers.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct EmoteSet {
    pub platform: String,
    pub channel_id: String,
    pub emotes: Vec<Emote>,
    pub providers: Vec<ProviderStatus>,
}
