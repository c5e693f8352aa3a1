//! Live controls over REST: `DELETE /v1/chat/raid|poll|prediction`, `POST /v1/chat/send`;
//! the channels' stream and bot states, `GET /v1/chat/streams`.

use reqwest::Method;
use serde_json::{json, Value};

use super::Client;
use crate::error::CliResult;

impl Client {
    /// Each platform's stream state and the status of the account's bot there
    /// (`GET /v1/chat/streams`).
    pub async fn stream_states(&self) -> CliResult<Value> {
        self.rest(Method::GET, "/v1/chat/streams", None::<&()>)
            .await
    }

    pub async fn cancel_raid(&self) -> CliResult<Value> {
        self.rest(Method::DELETE, "/v1/chat/raid", None::<&()>)
            .await
    }

    pub async fn end_poll(&self, poll_id: &str, status: &str) -> CliResult<Value> {
        self.rest(
            Method::DELETE,
            "/v1/chat/poll",
            Some(&json!({"poll_id": poll_id, "status": status})),
        )
        .await
    }

    pub async fn end_prediction(
        &self,
        prediction_id: &str,
        status: &str,
        winner: Option<&str>,
    ) -> CliResult<Value> {
        let mut body = json!({"prediction_id": prediction_id, "status": status});
        if let Some(w) = winner {
            body["winning_outcome_id"] = json!(w);
        }
        self.rest(Method::DELETE, "/v1/chat/prediction", Some(&body))
            .await
    }

    pub async fn send_to_platform(
        &self,
        platform: &str,
        message: &str,
        reply_to: Option<&str>,
    ) -> CliResult<Value> {
        let mut body = json!({"platform": platform, "message": message});
        if let Some(r) = reply_to {
            body["reply_to"] = json!(r);
        }
        self.rest(Method::POST, "/v1/chat/send", Some(&body)).await
    }
}
