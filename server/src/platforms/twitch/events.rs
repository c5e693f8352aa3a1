//! EventSub notification events (the `payload.event` object) as [`PlatformEvent`]s.
//!
//! Field names follow Twitch's EventSub reference (and twitch_api's tests that copy its
//! examples): users are `<prefix>user_id` / `_login` / `_name`; `channel.moderate` v2 carries
//! one object named by `action`.

use serde_json::Value;

use crate::platforms::connector::{ChatIn, PlatformEvent, Who};

/// The subscriptions lumio makes for a channel, with their versions.
pub const SUBSCRIPTIONS: &[(&str, &str)] = &[
    ("channel.chat.message", "1"),
    ("channel.chat.message_delete", "1"),
    ("channel.chat.clear_user_messages", "1"),
    ("channel.chat.clear", "1"),
    ("channel.ban", "1"),
    ("channel.unban", "1"),
    ("channel.moderate", "2"),
    ("channel.raid", "1"),
    ("channel.suspicious_user.update", "1"),
    ("stream.online", "1"),
    ("stream.offline", "1"),
];

/// The `condition` of a subscription of `kind` for `broadcaster`, made with `user`'s token.
pub fn condition(kind: &str, broadcaster: &str, user: &str) -> Value {
    match kind {
        "channel.chat.message"
        | "channel.chat.message_delete"
        | "channel.chat.clear_user_messages"
        | "channel.chat.clear" => {
            serde_json::json!({ "broadcaster_user_id": broadcaster, "user_id": user })
        }
        "channel.moderate" | "channel.suspicious_user.update" => {
            serde_json::json!({ "broadcaster_user_id": broadcaster, "moderator_user_id": user })
        }
        "channel.raid" => serde_json::json!({ "to_broadcaster_user_id": broadcaster }),
        _ => serde_json::json!({ "broadcaster_user_id": broadcaster }),
    }
}

fn s(v: &Value, k: &str) -> String {
    v[k].as_str().unwrap_or_default().to_string()
}

fn opt(v: &Value, k: &str) -> Option<String> {
    v[k].as_str().filter(|x| !x.is_empty()).map(String::from)
}

fn who(v: &Value, prefix: &str) -> Who {
    Who {
        id: s(v, &format!("{prefix}user_id")),
        login: s(v, &format!("{prefix}user_login")),
        display_name: s(v, &format!("{prefix}user_name")),
    }
}

fn who_opt(v: &Value, prefix: &str) -> Option<Who> {
    let w = who(v, prefix);
    (!w.id.is_empty()).then_some(w)
}

/// The event of a notification of `kind`, or None for a kind or action lumio does not use.
/// `with_moderate`: the session also receives `channel.moderate`, which then carries bans
/// and unbans (so `channel.ban` / `channel.unban` are not reported twice).
pub fn parse(kind: &str, e: &Value, with_moderate: bool) -> Option<PlatformEvent> {
    let b = s(e, "broadcaster_user_id");
    Some(match kind {
        "channel.chat.message" => {
            let reply = &e["reply"];
            PlatformEvent::Message(ChatIn {
                broadcaster_id: b,
                broadcaster_login: s(e, "broadcaster_user_login"),
                message_id: s(e, "message_id"),
                user: who(e, "chatter_"),
                text: s(&e["message"], "text"),
                color: opt(e, "color"),
                badges: e["badges"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|b| b["set_id"].as_str().map(String::from))
                    .collect(),
                reply_to_message_id: opt(reply, "parent_message_id"),
                reply_to_user_id: opt(reply, "parent_user_id"),
                reply_to_username: opt(reply, "parent_user_login"),
                reply_to_message: opt(reply, "parent_message_body"),
            })
        }
        "channel.chat.message_delete" => PlatformEvent::MessageDeleted {
            broadcaster_id: b,
            message_id: s(e, "message_id"),
            user_id: s(e, "target_user_id"),
            moderator: None,
        },
        "channel.chat.clear_user_messages" => PlatformEvent::UserMessagesCleared {
            broadcaster_id: b,
            user: who(e, "target_"),
        },
        "channel.chat.clear" => PlatformEvent::ChatCleared { broadcaster_id: b },
        "channel.ban" if !with_moderate => {
            let reason = opt(e, "reason");
            let (user, moderator) = (who(e, ""), who(e, "moderator_"));
            match e["ends_at"].as_str().and_then(|t| t.parse().ok()) {
                Some(ends_at) if e["is_permanent"] != Value::Bool(true) => PlatformEvent::Timeout {
                    broadcaster_id: b,
                    user,
                    moderator,
                    reason,
                    ends_at,
                },
                _ => PlatformEvent::Ban {
                    broadcaster_id: b,
                    user,
                    moderator,
                    reason,
                },
            }
        }
        "channel.unban" if !with_moderate => PlatformEvent::Unban {
            broadcaster_id: b,
            user: who(e, ""),
            moderator: who(e, "moderator_"),
        },
        "channel.moderate" => return moderate(b, e),
        "channel.raid" => PlatformEvent::Raid {
            broadcaster_id: s(e, "to_broadcaster_user_id"),
            from: who(e, "from_broadcaster_"),
            viewers: e["viewers"].as_u64().unwrap_or(0),
        },
        "channel.suspicious_user.update" => PlatformEvent::TreatmentChanged {
            broadcaster_id: b,
            user: who(e, ""),
            moderator: who_opt(e, "moderator_"),
            treatment: opt(e, "low_trust_status").filter(|t| t != "none"),
        },
        "stream.online" => PlatformEvent::StreamOnline { broadcaster_id: b },
        "stream.offline" => PlatformEvent::StreamOffline { broadcaster_id: b },
        _ => return None,
    })
}

/// `channel.moderate`: the object named by `action` says who and why.
fn moderate(b: String, e: &Value) -> Option<PlatformEvent> {
    let action = e["action"].as_str()?;
    let o = &e[action];
    let moderator = who(e, "moderator_");
    let user = who(o, "");
    let reason = opt(o, "reason");
    Some(match action {
        "ban" => PlatformEvent::Ban {
            broadcaster_id: b,
            user,
            moderator,
            reason,
        },
        "timeout" => PlatformEvent::Timeout {
            broadcaster_id: b,
            user,
            moderator,
            reason,
            ends_at: o["expires_at"].as_str()?.parse().ok()?,
        },
        "unban" | "untimeout" => PlatformEvent::Unban {
            broadcaster_id: b,
            user,
            moderator,
        },
        "delete" => PlatformEvent::MessageDeleted {
            broadcaster_id: b,
            message_id: s(o, "message_id"),
            user_id: user.id,
            moderator: Some(moderator),
        },
        "warn" => PlatformEvent::Warn {
            broadcaster_id: b,
            user,
            moderator,
            reason,
        },
        "mod" => PlatformEvent::ModeratorAdded {
            broadcaster_id: b,
            user,
            moderator: Some(moderator),
        },
        "unmod" => PlatformEvent::ModeratorRemoved {
            broadcaster_id: b,
            user,
            moderator: Some(moderator),
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_chat_message() {
        let e = json!({
            "broadcaster_user_id": "1", "broadcaster_user_login": "chan", "broadcaster_user_name": "Chan",
            "chatter_user_id": "9", "chatter_user_login": "viewer", "chatter_user_name": "Viewer",
            "message_id": "m1", "message": {"text": "hi", "fragments": []}, "color": "#00FF7F",
            "badges": [{"set_id": "moderator", "id": "1", "info": ""}], "reply": null,
        });
        let Some(PlatformEvent::Message(m)) = parse("channel.chat.message", &e, true) else {
            panic!("not a message");
        };
        assert_eq!((m.message_id.as_str(), m.text.as_str()), ("m1", "hi"));
        assert_eq!(m.user.login, "viewer");
        assert_eq!(m.badges, vec!["moderator"]);
        assert_eq!(m.reply_to_message_id, None);
    }

    #[test]
    fn bans_come_from_moderate_when_subscribed() {
        let e = json!({
            "broadcaster_user_id": "1", "user_id": "9", "user_login": "v", "user_name": "V",
            "moderator_user_id": "5", "moderator_user_login": "m", "moderator_user_name": "M",
            "reason": "spam", "ends_at": null, "is_permanent": true,
        });
        assert_eq!(parse("channel.ban", &e, true), None);
        let Some(PlatformEvent::Ban {
            user, moderator, ..
        }) = parse("channel.ban", &e, false)
        else {
            panic!("not a ban");
        };
        assert_eq!((user.id.as_str(), moderator.login.as_str()), ("9", "m"));

        let m = json!({
            "broadcaster_user_id": "1", "moderator_user_id": "5", "moderator_user_login": "m",
            "moderator_user_name": "M", "action": "timeout", "ban": null,
            "timeout": {"user_id": "9", "user_login": "v", "user_name": "V", "reason": "",
                        "expires_at": "2030-01-01T00:00:00.000000000Z"},
        });
        let Some(PlatformEvent::Timeout { user, reason, .. }) = parse("channel.moderate", &m, true)
        else {
            panic!("not a timeout");
        };
        assert_eq!((user.id.as_str(), reason), ("9", None));
        let vip = json!({"broadcaster_user_id": "1", "action": "vip", "vip": {}});
        assert_eq!(parse("channel.moderate", &vip, true), None);
    }
}
