//! Live controls: Twitch raids, polls and predictions over GraphQL (`cancelRaid`,
//! `endPoll`, `endPrediction`), sending as the bot (`POST /v1/chat/send`), and each
//! platform's stream and bot state (`GET /v1/chat/streams`).

use reqwest::Method;
use serde::{Deserialize, Serialize};

use super::ops::{cancel_raid, end_poll, end_prediction, CancelRaid, EndPoll, EndPrediction};
use super::Client;
use crate::error::CliResult;
use crate::platform::Platform;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RaidResult {
    pub platform: String,
    pub broadcaster_id: String,
    pub cancelled: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PollChoice {
    pub id: String,
    pub title: String,
    pub votes: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PollResult {
    pub id: String,
    pub title: String,
    pub status: String,
    pub choices: Vec<PollChoice>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PredictionOutcome {
    pub id: String,
    pub title: String,
    pub users: i64,
    pub channel_points: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PredictionResult {
    pub id: String,
    pub title: String,
    pub status: String,
    pub winning_outcome_id: Option<String>,
    pub outcomes: Vec<PredictionOutcome>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SendResult {
    pub platform: String,
    /// `sent`, `queued_for_bot` or `dropped`.
    pub delivery: String,
    pub message_id: Option<String>,
    pub drop_reason: Option<String>,
    pub channel: Option<String>,
}

/// A platform's stream state and the account's bot there.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StreamState {
    pub platform: String,
    pub live: bool,
    pub channel_name: Option<String>,
    /// `active`, `paused` or `no_connection`.
    pub bot: String,
}

#[derive(Serialize)]
struct SendToPlatform<'a> {
    platform: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_to: Option<&'a str>,
}

impl Client {
    /// Each platform's stream state and the status of the account's bot there.
    pub async fn stream_states(&self) -> CliResult<Vec<StreamState>> {
        self.call(self.v1(Method::GET, &["chat", "streams"])?).await
    }

    pub async fn cancel_raid(&self) -> CliResult<RaidResult> {
        let r = self
            .graphql::<CancelRaid>(cancel_raid::Variables {
                account_id: self.account(),
            })
            .await?
            .cancel_raid;
        Ok(RaidResult {
            platform: r.platform,
            broadcaster_id: r.broadcaster_id,
            cancelled: r.cancelled,
        })
    }

    pub async fn end_poll(&self, poll_id: &str, status: &str) -> CliResult<PollResult> {
        let p = self
            .graphql::<EndPoll>(end_poll::Variables {
                poll_id: poll_id.to_string(),
                status: Some(status.to_string()),
                account_id: self.account(),
            })
            .await?
            .end_poll;
        Ok(PollResult {
            id: p.id,
            title: p.title,
            status: p.status,
            choices: p
                .choices
                .into_iter()
                .map(|c| PollChoice {
                    id: c.id,
                    title: c.title,
                    votes: c.votes,
                })
                .collect(),
        })
    }

    pub async fn end_prediction(
        &self,
        prediction_id: &str,
        status: &str,
        winning_outcome_id: Option<&str>,
    ) -> CliResult<PredictionResult> {
        let p = self
            .graphql::<EndPrediction>(end_prediction::Variables {
                prediction_id: prediction_id.to_string(),
                status: status.to_string(),
                winning_outcome_id: winning_outcome_id.map(String::from),
                account_id: self.account(),
            })
            .await?
            .end_prediction;
        Ok(PredictionResult {
            id: p.id,
            title: p.title,
            status: p.status,
            winning_outcome_id: p.winning_outcome_id,
            outcomes: p
                .outcomes
                .into_iter()
                .map(|o| PredictionOutcome {
                    id: o.id,
                    title: o.title,
                    users: o.users,
                    channel_points: o.channel_points,
                })
                .collect(),
        })
    }

    pub async fn send_to_platform(
        &self,
        platform: Platform,
        message: &str,
        reply_to: Option<&str>,
    ) -> CliResult<SendResult> {
        let body = SendToPlatform {
            platform: platform.as_str(),
            message,
            reply_to,
        };
        self.call(self.v1(Method::POST, &["chat", "send"])?.json(&body))
            .await
    }
}
