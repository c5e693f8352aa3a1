//! What a gateway dispatch changes in lumio:
//! - `GUILD_CREATE` of a connected guild: its name and icon (database) and its channels and
//!   roles (the one-hour caches) through `discord::system::update_guild_info`; a guild not
//!   connected to an account is left alone; `GUILD_UPDATE` updates the name and icon;
//! - `GUILD_DELETE`: `discord::system::remove_by_bot` (with `unavailable: true` only the caches
//!   are cleared, without it the connection row is removed);
//! - `MESSAGE_CREATE` / `MESSAGE_DELETE` in a connected guild: chat ingest through
//!   [`chat_in::apply`], platform `discord`, the guild's account. The bot's own messages and
//!   webhooks' are not chat. A message id is stored as `{channel_id}/{message_id}`
//!   ([`super::connector::message_key`]); the channel name is the message's channel's.

use serde_json::Value;
use uuid::Uuid;

use super::connector::message_key;
use crate::discord::model::{ChannelInput, GuildInfoInput, RoleInput};
use crate::error::{AppError, AppResult};
use crate::platforms::chat_in;
use crate::platforms::connector::{ChatIn, PlatformEvent, Who};
use crate::platforms::Platform;
use crate::state::AppState;

/// What applying a dispatch did, for the session (slash registration, tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
    /// A connected guild became available (GUILD_CREATE).
    GuildReady {
        guild_id: String,
        account: Uuid,
    },
    /// The guild was forgotten (`removed`: its connection row too).
    GuildGone {
        guild_id: String,
        removed: bool,
    },
    Ingested,
    Ignored,
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The name and icon, channels and roles of a GUILD_CREATE.
fn guild_info(d: &Value) -> GuildInfoInput {
    let printable = |n: &str| !n.trim().is_empty() && n.chars().count() <= 100;
    GuildInfoInput {
        name: s(&d["name"]),
        icon: d["icon"].as_str().map(String::from),
        channels: Some(
            d["channels"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|c| printable(c["name"].as_str().unwrap_or_default()))
                .filter_map(|c| {
                    Some(ChannelInput {
                        id: s(&c["id"]),
                        name: s(&c["name"]),
                        kind: i32::try_from(c["type"].as_i64()?).ok()?,
                        position: c["position"].as_i64().unwrap_or(0),
                        parent_id: c["parent_id"].as_str().map(String::from),
                    })
                })
                .collect(),
        ),
        roles: Some(
            d["roles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|r| printable(r["name"].as_str().unwrap_or_default()))
                .map(|r| RoleInput {
                    id: s(&r["id"]),
                    name: s(&r["name"]),
                    color: r["color"].as_i64().unwrap_or(0),
                    position: r["position"].as_i64().unwrap_or(0),
                    managed: r["managed"].as_bool().unwrap_or(false),
                    permissions: r["permissions"].as_str().unwrap_or("0").to_string(),
                })
                .collect(),
        ),
    }
}

/// A MESSAGE_CREATE as a chat message (None: not chat lumio keeps).
pub fn chat_message(d: &Value, channel_name: &str) -> Option<ChatIn> {
    let author = &d["author"];
    let text = d["content"].as_str().unwrap_or_default();
    if text.trim().is_empty() {
        return None; // attachments or stickers only, or no MESSAGE_CONTENT intent
    }
    let login = s(&author["username"]);
    let display = d["member"]["nick"]
        .as_str()
        .or(author["global_name"].as_str())
        .unwrap_or(&login)
        .to_string();
    let reply = &d["referenced_message"];
    let reply_to = |f: &str| {
        reply
            .is_object()
            .then(|| reply[f].as_str().map(String::from))
            .flatten()
    };
    let channel_id = s(&d["channel_id"]);
    Some(ChatIn {
        broadcaster_id: s(&d["guild_id"]),
        broadcaster_login: channel_name.to_string(),
        message_id: message_key(&channel_id, d["id"].as_str()?),
        user: Who {
            id: s(&author["id"]),
            login,
            display_name: display,
        },
        text: text.to_string(),
        color: None,
        badges: Vec::new(),
        reply_to_message_id: reply_to("id").map(|m| message_key(&channel_id, &m)),
        reply_to_user_id: reply.is_object().then(|| s(&reply["author"]["id"])),
        reply_to_username: reply.is_object().then(|| s(&reply["author"]["username"])),
        reply_to_message: reply_to("content"),
    })
}

/// Apply one dispatch. `bot_user` is the bot's own user id (its messages are not chat).
pub async fn apply(state: &AppState, bot_user: &str, kind: &str, d: &Value) -> AppResult<Applied> {
    match kind {
        "GUILD_CREATE" => {
            let guild_id = s(&d["id"]);
            if d["unavailable"].as_bool() == Some(true) {
                return Ok(Applied::Ignored);
            }
            match crate::discord::system::update_guild_info(state, &guild_id, &guild_info(d)).await
            {
                Ok(c) => Ok(Applied::GuildReady {
                    guild_id,
                    account: c.account_id,
                }),
                // A guild the bot is in that no account has connected.
                Err(AppError::NotFound(_)) => Ok(Applied::Ignored),
                Err(e) => Err(e),
            }
        }
        "GUILD_UPDATE" => {
            // Name and icon only: GUILD_UPDATE carries no channels.
            let guild_id = s(&d["id"]);
            let info = GuildInfoInput {
                channels: None,
                roles: None,
                ..guild_info(d)
            };
            match crate::discord::system::update_guild_info(state, &guild_id, &info).await {
                Ok(_) | Err(AppError::NotFound(_)) => Ok(Applied::Ignored),
                Err(e) => Err(e),
            }
        }
        "GUILD_DELETE" => {
            let guild_id = s(&d["id"]);
            let unavailable = d["unavailable"].as_bool() == Some(true);
            let r = crate::discord::system::remove_by_bot(state, &guild_id, unavailable).await?;
            Ok(Applied::GuildGone {
                guild_id,
                removed: r.removed,
            })
        }
        "MESSAGE_CREATE" => {
            let Some(guild_id) = d["guild_id"].as_str() else {
                return Ok(Applied::Ignored); // a direct message
            };
            if d["author"]["id"].as_str() == Some(bot_user) || d["webhook_id"].is_string() {
                return Ok(Applied::Ignored);
            }
            let Some(account) = crate::discord::service::account_of_guild(state, guild_id).await?
            else {
                return Ok(Applied::Ignored);
            };
            if crate::discord::service::is_paused(state, guild_id).await {
                return Ok(Applied::Ignored);
            }
            let channel_id = s(&d["channel_id"]);
            let name =
                match crate::discord::service::guild_channel(state, guild_id, &channel_id).await {
                    Ok(Some(c)) => c.name,
                    _ => channel_id.clone(),
                };
            let Some(m) = chat_message(d, &name) else {
                return Ok(Applied::Ignored);
            };
            chat_in::apply(
                state,
                account,
                Platform::Discord,
                &PlatformEvent::Message(m),
            )
            .await?;
            Ok(Applied::Ingested)
        }
        "MESSAGE_DELETE" => {
            let Some(guild_id) = d["guild_id"].as_str() else {
                return Ok(Applied::Ignored);
            };
            let Some(account) = crate::discord::service::account_of_guild(state, guild_id).await?
            else {
                return Ok(Applied::Ignored);
            };
            let ev = PlatformEvent::MessageDeleted {
                broadcaster_id: guild_id.to_string(),
                message_id: message_key(&s(&d["channel_id"]), &s(&d["id"])),
                user_id: String::new(),
                moderator: None,
            };
            chat_in::apply(state, account, Platform::Discord, &ev).await?;
            Ok(Applied::Ingested)
        }
        _ => Ok(Applied::Ignored),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_message_create_is_chat_with_its_channel_in_the_id() {
        let d = json!({
            "id": "222222222222222222", "channel_id": "111111111111111111",
            "guild_id": "333333333333333333", "content": "hello",
            "author": {"id": "444444444444444444", "username": "wumpus", "global_name": "Wumpus"},
            "member": {"nick": null},
        });
        let m = chat_message(&d, "general").unwrap();
        assert_eq!(m.message_id, "111111111111111111/222222222222222222");
        assert_eq!(m.user.login, "wumpus");
        assert_eq!(m.user.display_name, "Wumpus");
        assert_eq!(m.broadcaster_login, "general");
        let mut empty = d.clone();
        empty["content"] = json!("");
        assert!(chat_message(&empty, "general").is_none());
    }
}
