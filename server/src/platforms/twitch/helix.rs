//! A client of the Twitch Helix API for the calls lumio makes on a channel's behalf: cancel a
//! raid, end a poll, end a prediction, send a chat message, and look a user up by login.
//! The base URL, client id and token come from [`PlatformApi`], so tests run it against the
//! local fake in `lumio_testkit::twitch::lite` (a dev-dependency).

use std::time::Duration;

use serde_json::{json, Value};

use crate::config::PlatformApi;
use crate::error::{AppError, AppResult};

/// How long one Helix call may take.
pub const HELIX_TIMEOUT: Duration = Duration::from_secs(5);

pub struct Helix {
    http: reqwest::Client,
    api: PlatformApi,
}

/// A Twitch user as `GET /users` describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelixUser {
    pub id: String,
    pub login: String,
    pub display_name: String,
}

impl Helix {
    /// A client, or a clear error when the token or client id is not configured.
    pub fn new(http: &reqwest::Client, api: &PlatformApi) -> AppResult<Helix> {
        if api.token.is_none() || api.client_id.is_none() {
            return Err(AppError::Unavailable(
                "Twitch is not configured on this server: set LUMIO_TWITCH_TOKEN and \
                 LUMIO_TWITCH_CLIENT_ID"
                    .into(),
            ));
        }
        Ok(Helix {
            http: http.clone(),
            api: api.clone(),
        })
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.http
            .request(method, format!("{}{path}", self.api.api_url))
            .timeout(HELIX_TIMEOUT)
            .bearer_auth(self.api.token.as_deref().unwrap_or_default())
            .header(
                "Client-Id",
                self.api.client_id.as_deref().unwrap_or_default(),
            )
    }

    /// Send a call; a Helix error (`{"error","status","message"}`) becomes an [`AppError`]
    /// that says what Twitch said.
    // The span names the call, never its headers (the token) or query.
    #[tracing::instrument(name = "twitch_helix", level = "info", skip(self, req))]
    async fn call(&self, what: &str, req: reqwest::RequestBuilder) -> AppResult<Option<Value>> {
        let resp = req.send().await.map_err(|e| {
            AppError::Platform(if e.is_timeout() {
                format!("Twitch did not answer {what} within {HELIX_TIMEOUT:?}")
            } else {
                format!(
                    "Twitch could not be reached to {what}: {}",
                    self.api.api_url
                )
            })
        })?;
        let status = resp.status();
        let text = resp.text().await.unwrap_or_default();
        if status.is_success() {
            if text.trim().is_empty() {
                return Ok(None);
            }
            return serde_json::from_str(&text).map(Some).map_err(|_| {
                AppError::Platform(format!("Twitch answered {what} with something not JSON"))
            });
        }
        let said = serde_json::from_str::<Value>(&text)
            .ok()
            .and_then(|v| v["message"].as_str().map(String::from))
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| status.to_string());
        Err(match status.as_u16() {
            400 | 422 => AppError::Validation(format!("Twitch refused to {what}: {said}")),
            401 | 403 => AppError::Platform(format!(
                "Twitch refused to {what}: {said} (the token may lack the scope for it)"
            )),
            404 => AppError::NotFound(format!("Twitch: nothing to {what}: {said}")),
            409 => AppError::Conflict(format!("Twitch refused to {what}: {said}")),
            429 => AppError::RateLimited(format!("Twitch rate limit reached: {said}")),
            _ => AppError::Platform(format!("Twitch failed to {what}: {said}")),
        })
    }

    fn first(v: Option<Value>) -> Value {
        v.and_then(|v| v["data"].get(0).cloned())
            .unwrap_or(Value::Null)
    }

    /// `GET /users?login=` — None when there is no such user.
    pub async fn user_by_login(&self, login: &str) -> AppResult<Option<HelixUser>> {
        let req = self
            .request(reqwest::Method::GET, "/users")
            .query(&[("login", login)]);
        Ok(user_of(&Self::first(
            self.call("look up a user", req).await?,
        )))
    }

    /// `GET /users` with no query: the user the token belongs to (the bot).
    pub async fn token_user(&self) -> AppResult<Option<HelixUser>> {
        let req = self.request(reqwest::Method::GET, "/users");
        Ok(user_of(&Self::first(
            self.call("look up the token's user", req).await?,
        )))
    }

    /// `DELETE /raids?broadcaster_id=` (scope `channel:manage:raids`).
    pub async fn cancel_raid(&self, broadcaster_id: &str) -> AppResult<()> {
        let req = self
            .request(reqwest::Method::DELETE, "/raids")
            .query(&[("broadcaster_id", broadcaster_id)]);
        self.call("cancel the raid", req).await?;
        Ok(())
    }

    /// `PATCH /polls` with status TERMINATED or ARCHIVED (scope `channel:manage:polls`):
    /// the poll as Twitch now has it.
    pub async fn end_poll(&self, broadcaster_id: &str, id: &str, status: &str) -> AppResult<Value> {
        let req = self.request(reqwest::Method::PATCH, "/polls").json(&json!({
            "broadcaster_id": broadcaster_id, "id": id, "status": status,
        }));
        Ok(Self::first(self.call("end the poll", req).await?))
    }

    /// `PATCH /predictions` (scope `channel:manage:predictions`): the prediction as Twitch
    /// now has it.
    pub async fn end_prediction(
        &self,
        broadcaster_id: &str,
        id: &str,
        status: &str,
        winning_outcome_id: Option<&str>,
    ) -> AppResult<Value> {
        let mut body = json!({"broadcaster_id": broadcaster_id, "id": id, "status": status});
        if let Some(w) = winning_outcome_id {
            body["winning_outcome_id"] = json!(w);
        }
        let req = self
            .request(reqwest::Method::PATCH, "/predictions")
            .json(&body);
        Ok(Self::first(self.call("end the prediction", req).await?))
    }

    /// `POST /chat/messages` (scope `user:write:chat`): `(message_id, is_sent, drop_reason)`.
    pub async fn send_chat_message(
        &self,
        broadcaster_id: &str,
        sender_id: &str,
        message: &str,
        reply_to: Option<&str>,
    ) -> AppResult<(Option<String>, bool, Option<String>)> {
        let mut body = json!({"broadcaster_id": broadcaster_id, "sender_id": sender_id,
            "message": message});
        if let Some(r) = reply_to {
            body["reply_parent_message_id"] = json!(r);
        }
        let req = self
            .request(reqwest::Method::POST, "/chat/messages")
            .json(&body);
        let d = Self::first(self.call("send the message", req).await?);
        Ok((
            d["message_id"]
                .as_str()
                .filter(|s| !s.is_empty())
                .map(String::from),
            d["is_sent"].as_bool().unwrap_or(false),
            d["drop_reason"]["message"].as_str().map(String::from),
        ))
    }
}

impl Helix {
    /// `GET /chat/emotes/user?user_id=` (scope `user:read:emotes`): the emotes the user can
    /// use, every page, as Helix lists them (`data` and `template`).
    pub async fn user_emotes(&self, user_id: &str) -> AppResult<Value> {
        let mut data = Vec::new();
        let mut template = Value::Null;
        let mut after: Option<String> = None;
        for _ in 0..20 {
            let mut req = self
                .request(reqwest::Method::GET, "/chat/emotes/user")
                .query(&[("user_id", user_id)]);
            if let Some(a) = &after {
                req = req.query(&[("after", a.as_str())]);
            }
            let v = self
                .call("list the user's emotes", req)
                .await?
                .unwrap_or(Value::Null);
            data.extend(v["data"].as_array().cloned().unwrap_or_default());
            template = v["template"].clone();
            after = v["pagination"]["cursor"]
                .as_str()
                .filter(|c| !c.is_empty())
                .map(String::from);
            if after.is_none() {
                break;
            }
        }
        Ok(json!({"data": data, "template": template}))
    }
}

fn user_of(v: &Value) -> Option<HelixUser> {
    Some(HelixUser {
        id: v["id"].as_str()?.to_string(),
        login: v["login"].as_str().unwrap_or_default().to_string(),
        display_name: v["display_name"].as_str().unwrap_or_default().to_string(),
    })
}
