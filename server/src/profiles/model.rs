//! Types of chatter profiles.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::chat::model::ChatMessage;

/// What a platform's API says of a chatter.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    async_graphql::SimpleObject,
)]
pub struct Enrichment {
    /// The platform's login / handle.
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub avatar_url: Option<String>,
    /// When the chatter's platform account was created (account age).
    pub account_created_at: Option<DateTime<Utc>>,
    pub description: Option<String>,
    /// Platform-specific kind: Twitch `partner` / `affiliate` / `staff`, Discord `bot`, …
    pub kind: Option<String>,
    /// Followers or subscribers of the chatter's own channel, where the platform says.
    pub followers: Option<i64>,
}

/// Whether a chatter follows the account's channel.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct FollowStatus {
    pub platform: String,
    pub platform_user_id: String,
    /// Null when unknown (the platform cannot say, or could not be asked).
    pub following: Option<bool>,
    pub followed_at: Option<DateTime<Utc>>,
    /// When lumio last asked the platform.
    pub checked_at: Option<DateTime<Utc>>,
    /// `platform` (asked just now), `cached` (asked within the cache time),
    /// `unavailable` (the platform's API failed or its circuit is open; the last known
    /// answer is given), `not_configured` (no credentials), `not_supported`, `unknown`
    /// (in a profile: never asked yet; ask with follow-status).
    pub source: String,
}

/// A chatter's ban or timeout.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct BanStatus {
    /// `none`, `banned` or `timed_out`.
    pub state: String,
    pub reason: Option<String>,
    pub since: Option<DateTime<Utc>>,
    /// When a timeout ends.
    pub expires_at: Option<DateTime<Utc>>,
    /// Seconds left of a timeout.
    pub seconds_left: Option<i64>,
}

/// The unified profile of a chatter (seed 000 `platformUserProfile`).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct PlatformUserProfile {
    pub platform: String,
    pub platform_user_id: String,
    pub username: Option<String>,
    pub display_name: Option<String>,
    pub color: Option<String>,
    pub first_seen_at: Option<DateTime<Utc>>,
    pub last_seen_at: Option<DateTime<Utc>>,
    pub message_count: i64,
    /// The chatter's latest messages, newest first (deleted ones included, marked).
    pub recent_messages: Vec<ChatMessage>,
    pub ban: BanStatus,
    /// `none`, `active_monitoring` or `restricted`.
    pub treatment: String,
    pub follower: FollowStatus,
    pub note_count: i64,
    /// Flags: badges of their last message (`mod`, `vip`, `sub`) and the chatter state of
    /// seed 002 (`admin`, `bot`, `invulnerable`, `subbed`, `vulnerable`, `haschatted`,
    /// `haschattedthisstream`, …).
    pub flags: Vec<String>,
    pub sub_tier: Option<String>,
    /// `ok` (asked the platform now), `cached`, `unavailable` (the platform's API failed
    /// or its circuit breaker is open), `not_configured`, `not_supported`, `not_found`.
    pub enrichment_status: String,
    pub enrichment: Option<Enrichment>,
    pub enriched_at: Option<DateTime<Utc>>,
}
