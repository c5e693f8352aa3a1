//! Reading a channel's moderation state back from Helix (issue 15 §4: the delivery worker's
//! reconciler checks `sent` outbox rows whose EventSub echo was missed): Get Banned Users and
//! Get Moderators, every page, through the connector's one call path and error type. Both
//! want the broadcaster's own token (`broadcaster_id` must be the token's user); the write
//! scopes (`moderator:manage:banned_users`, `channel:manage:moderators`) are accepted for them,
//! so no new grant is needed.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde_json::Value;
use uuid::Uuid;

use super::act::{act, Acting};
use super::connector::TwitchConnector;
use crate::error::AppResult;
use crate::platforms::connector::PlatformResult;
use crate::state::AppState;

/// The scope a ban read-back is made with (also the ban write's).
pub const BANS_SCOPE: &str = "moderator:manage:banned_users";
/// The scope a moderator read-back is made with (also the mod write's).
pub const MODERATORS_SCOPE: &str = "channel:manage:moderators";

/// Helix's limit of `user_id` parameters per call.
const PER_CALL: usize = 100;

/// A ban or timeout Twitch lists for a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banned {
    /// None for a permanent ban; the timeout's end otherwise.
    pub expires_at: Option<DateTime<Utc>>,
}

impl TwitchConnector {
    /// Every page of `path` for these users (at most 100 per call), as the answers' items.
    async fn list_for(
        &self,
        token: &str,
        path: &str,
        broadcaster_id: &str,
        user_ids: &[String],
    ) -> PlatformResult<Vec<Value>> {
        let mut items = Vec::new();
        for chunk in user_ids.chunks(PER_CALL) {
            let mut after: Option<String> = None;
            loop {
                let mut q: Vec<(&str, &str)> =
                    vec![("broadcaster_id", broadcaster_id), ("first", "100")];
                q.extend(chunk.iter().map(|u| ("user_id", u.as_str())));
                if let Some(a) = &after {
                    q.push(("after", a));
                }
                let v = self
                    .call(self.request(token, Method::GET, path).query(&q))
                    .await?
                    .unwrap_or(Value::Null);
                if let Some(data) = v["data"].as_array() {
                    items.extend(data.iter().cloned());
                }
                match v["pagination"]["cursor"].as_str().filter(|c| !c.is_empty()) {
                    Some(c) => after = Some(c.to_string()),
                    None => break,
                }
            }
        }
        Ok(items)
    }

    /// `GET /moderation/banned?broadcaster_id=&user_id=…`: which of `user_ids` are banned or
    /// timed out on the channel.
    pub async fn banned_users(
        &self,
        token: &str,
        broadcaster_id: &str,
        user_ids: &[String],
    ) -> PlatformResult<HashMap<String, Banned>> {
        let items = self
            .list_for(token, "/moderation/banned", broadcaster_id, user_ids)
            .await?;
        Ok(items
            .iter()
            .filter_map(|i| {
                let id = i["user_id"].as_str()?.to_string();
                let expires_at = i["expires_at"]
                    .as_str()
                    .and_then(|e| DateTime::parse_from_rfc3339(e).ok())
                    .map(|e| e.with_timezone(&Utc));
                Some((id, Banned { expires_at }))
            })
            .collect())
    }

    /// `GET /moderation/moderators?broadcaster_id=&user_id=…`: which of `user_ids` moderate
    /// the channel.
    pub async fn moderators_among(
        &self,
        token: &str,
        broadcaster_id: &str,
        user_ids: &[String],
    ) -> PlatformResult<HashSet<String>> {
        let items = self
            .list_for(token, "/moderation/moderators", broadcaster_id, user_ids)
            .await?;
        Ok(items
            .iter()
            .filter_map(|i| i["user_id"].as_str().map(String::from))
            .collect())
    }
}

/// [`TwitchConnector::banned_users`] on the account's channel, as its broadcaster.
pub async fn banned_users(
    state: &AppState,
    account: Uuid,
    user_ids: &[String],
) -> AppResult<HashMap<String, Banned>> {
    act(
        state,
        account,
        Acting::Broadcaster,
        &[BANS_SCOPE],
        |c, tok, on| {
            let ids = user_ids.to_vec();
            async move { c.banned_users(&tok, &on.broadcaster_id, &ids).await }
        },
    )
    .await
}

/// [`TwitchConnector::moderators_among`] on the account's channel, as its broadcaster.
pub async fn moderators_among(
    state: &AppState,
    account: Uuid,
    user_ids: &[String],
) -> AppResult<HashSet<String>> {
    act(
        state,
        account,
        Acting::Broadcaster,
        &[MODERATORS_SCOPE],
        |c, tok, on| {
            let ids = user_ids.to_vec();
            async move { c.moderators_among(&tok, &on.broadcaster_id, &ids).await }
        },
    )
    .await
}
