//! Chatter profiles: `GET /v1/chat/users/{platform}/{platform_user_id}`.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::chat::ChatMessage;
use super::Client;
use crate::error::CliResult;
use crate::platform::Platform;

/// What the platform's API says of a chatter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Enrichment {
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub avatar_url: Option<String>,
    pub account_created_at: Option<String>,
    pub description: Option<String>,
    pub kind: Option<String>,
    pub followers: Option<i64>,
}

/// Whether a chatter follows the account's channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowStatus {
    pub platform: String,
    pub platform_user_id: String,
    /// Null when unknown.
    pub following: Option<bool>,
    pub followed_at: Option<String>,
    pub checked_at: Option<String>,
    pub source: String,
}

/// A chatter's ban or timeout.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BanStatus {
    /// `none`, `banned` or `timed_out`.
    pub state: String,
    pub reason: Option<String>,
    pub since: Option<String>,
    pub expires_at: Option<String>,
    pub seconds_left: Option<i64>,
}

/// The unified profile of a chatter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub platform: String,
    pub platform_user_id: String,
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub color: Option<String>,
    pub first_seen_at: Option<String>,
    pub last_seen_at: Option<String>,
    pub message_count: i64,
    pub recent_messages: Vec<ChatMessage>,
    pub ban: BanStatus,
    pub treatment: String,
    pub follower: FollowStatus,
    pub note_count: i64,
    pub flags: Vec<String>,
    pub sub_tier: Option<String>,
    pub enrichment_status: String,
    pub enrichment: Option<Enrichment>,
    pub enriched_at: Option<String>,
}

impl Client {
    /// A chatter's profile.
    pub async fn profile(&self, platform: Platform, user_id: &str) -> CliResult<Profile> {
        self.call(self.v1(Method::GET, &["chat", "users", platform.as_str(), user_id])?)
            .await
    }
}
