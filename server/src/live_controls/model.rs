//! Types of the live controls.

use serde::{Deserialize, Serialize};

/// `endPoll(pollId, status?)` / `DELETE /v1/chat/poll`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndPollInput {
    /// The Twitch poll id.
    pub poll_id: String,
    /// TERMINATED (end it, results stay visible; the default) or ARCHIVED (end it and hide it).
    pub status: Option<String>,
}

/// `endPrediction(predictionId, status, winningOutcomeId?)` / `DELETE /v1/chat/prediction`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndPredictionInput {
    /// The Twitch prediction id.
    pub prediction_id: String,
    /// RESOLVED (pay out the winners), CANCELED (refund everyone) or LOCKED (stop predictions).
    pub status: String,
    /// The winning outcome; required with RESOLVED, refused otherwise.
    pub winning_outcome_id: Option<String>,
}

/// `sendChatToPlatform(input: SendToPlatformInput!)` / `POST /v1/chat/send`.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema, async_graphql::InputObject)]
#[serde(deny_unknown_fields)]
pub struct SendToPlatformInput {
    /// twitch, kick or trovo.
    pub platform: String,
    /// 1–500 characters.
    pub message: String,
    /// The platform's id of a message to reply to.
    pub reply_to: Option<String>,
}

/// A cancelled raid.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct RaidResult {
    pub platform: String,
    pub broadcaster_id: String,
    pub cancelled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct PollChoice {
    pub id: String,
    pub title: String,
    pub votes: i64,
}

/// A poll as Twitch has it after the change.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct PollResult {
    pub id: String,
    pub title: String,
    pub status: String,
    pub choices: Vec<PollChoice>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct PredictionOutcome {
    pub id: String,
    pub title: String,
    pub users: i64,
    pub channel_points: i64,
}

/// A prediction as Twitch has it after the change.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct PredictionResult {
    pub id: String,
    pub title: String,
    pub status: String,
    pub winning_outcome_id: Option<String>,
    pub outcomes: Vec<PredictionOutcome>,
}

/// What became of a message sent to a platform.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema, async_graphql::SimpleObject)]
pub struct SendResult {
    pub platform: String,
    /// `sent` (the platform took it), `dropped` (the platform refused it: see
    /// `drop_reason`), or `queued_for_bot` (published for the platform's bot on `channel`).
    pub delivery: String,
    pub message_id: Option<String>,
    pub drop_reason: Option<String>,
    pub channel: Option<String>,
}
