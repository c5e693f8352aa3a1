//! Every JSON body the fake sends, one builder each, with the source its shape was taken from.
//!
//! Sources (read with the search tool):
//! - Twitch docs: <https://dev.twitch.tv/docs/eventsub/websocket-reference/>,
//!   <https://dev.twitch.tv/docs/eventsub/handling-websocket-events/>,
//!   <https://dev.twitch.tv/docs/eventsub/eventsub-reference/>, <https://dev.twitch.tv/docs/api/reference/>,
//!   <https://dev.twitch.tv/docs/authentication/>.
//! - twitchdev/twitch-cli (commit fd7dac6): `internal/events/websocket/mock_server/*.go`,
//!   `internal/events/types/*/*.go`, `internal/mock_api/**`, `internal/mock_auth/*.go`.
//! - twitch-rs/twitch_api (commit 6f98d0a): the example payloads its tests copy from the Twitch
//!   docs (`src/eventsub/**`, `src/helix/endpoints/**`), and twitch-rs/twitch_oauth2 (`src/id.rs`).

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

use super::state::{Ban, Subscription, User};

/// RFC 3339 with nanoseconds, as EventSub writes every timestamp ("All timestamps are in RFC3339
/// format and use nanoseconds instead of milliseconds" — websocket-reference).
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Nanos, true)
}

/// Helix timestamps (`created_at` of Get Users, Ban User's `end_time`…): RFC 3339, seconds.
pub fn helix_ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn message_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

// ---------------------------------------------------------------------------------------------
// Errors

/// Helix error body `{"error","status","message"}` — twitch-cli
/// `internal/mock_api/mock_errors/mock_errors.go` (`ErrorMessage`), Twitch API reference examples
/// (e.g. Ban User: `{"error":"Bad Request","status":400,"message":"..."}`).
pub fn helix_error(status: u16, error: &str, message: &str) -> Value {
    json!({ "error": error, "status": status, "message": message })
}

/// id.twitch.tv error body `{"status","message"}` — twitch_oauth2 `src/id.rs`
/// (`TwitchTokenErrorResponse`), and `src/tokens.rs` test `validated_error_response`.
pub fn oauth_error(status: u16, message: &str) -> Value {
    json!({ "status": status, "message": message })
}

// ---------------------------------------------------------------------------------------------
// OAuth (id.twitch.tv/oauth2)

/// Token response — twitch_oauth2 `src/id.rs` (`TwitchTokenResponse`: `access_token`,
/// `expires_in`, `refresh_token`, `scope`), twitch-cli `internal/mock_auth/app_access_token.go`
/// (`token_type: "bearer"`). An app token has no refresh token (client credentials grant docs).
pub fn token_response(
    access: &str,
    refresh: Option<&str>,
    expires_in: i64,
    scopes: &[String],
) -> Value {
    let mut v = json!({
        "access_token": access,
        "expires_in": expires_in,
        "scope": scopes,
        "token_type": "bearer",
    });
    if let Some(r) = refresh {
        v["refresh_token"] = json!(r);
    }
    v
}

/// Device code response — twitch_oauth2 `src/id.rs` (`DeviceCodeResponse`: `device_code`,
/// `expires_in`, `interval`, `user_code`, `verification_uri`).
pub fn device_response(
    device_code: &str,
    user_code: &str,
    verification_uri: &str,
    expires_in: i64,
    interval: u64,
) -> Value {
    json!({
        "device_code": device_code,
        "expires_in": expires_in,
        "interval": interval,
        "user_code": user_code,
        "verification_uri": verification_uri,
    })
}

/// Validate response — twitch_oauth2 `src/tokens.rs` test `validated_non_expiring_token`
/// (`client_id`, `login`, `scopes`, `user_id`, `expires_in`); twitch-cli
/// `internal/mock_auth/validate.go` omits `login`/`user_id` for an app token.
pub fn validate_response(
    client_id: &str,
    user: Option<&User>,
    scopes: &[String],
    expires_in: i64,
) -> Value {
    let mut v = json!({ "client_id": client_id, "scopes": scopes, "expires_in": expires_in });
    if let Some(u) = user {
        v["login"] = json!(u.login);
        v["user_id"] = json!(u.id);
    }
    v
}

// ---------------------------------------------------------------------------------------------
// Helix bodies

/// Get Users item — twitch_api `src/helix/endpoints/users/get_users.rs` test (from the docs).
/// `email` is left out: it needs `user:read:email`, which the fake does not grant.
pub fn user_json(u: &User) -> Value {
    json!({
        "id": u.id,
        "login": u.login,
        "display_name": u.display_name,
        "type": "",
        "broadcaster_type": u.broadcaster_type,
        "description": "",
        "profile_image_url": format!("https://static-cdn.jtvnw.net/jtv_user_pictures/{}-profile_image-300x300.png", u.id),
        "offline_image_url": "",
        "view_count": 0,
        "created_at": helix_ts(u.created_at),
    })
}

/// Ban User response item — Twitch API reference example (`broadcaster_id`, `moderator_id`,
/// `user_id`, `created_at`, `end_time`). twitch-cli `moderation/bans.go` spells `moderator_Id`;
/// the docs' spelling is used.
pub fn ban_json(
    broadcaster_id: &str,
    moderator_id: &str,
    user_id: &str,
    created_at: DateTime<Utc>,
    end_time: Option<DateTime<Utc>>,
) -> Value {
    json!({
        "broadcaster_id": broadcaster_id,
        "moderator_id": moderator_id,
        "user_id": user_id,
        "created_at": helix_ts(created_at),
        "end_time": end_time.map(helix_ts),
    })
}

/// Get Banned Users item (Twitch API reference): `expires_at` is `""` for a permanent ban.
pub fn banned_user_json(
    user_id: &str,
    user: Option<&User>,
    ban: &Ban,
    moderator: Option<&User>,
) -> Value {
    json!({
        "user_id": user_id,
        "user_login": user.map(|u| u.login.as_str()).unwrap_or_default(),
        "user_name": user.map(|u| u.display_name.as_str()).unwrap_or_default(),
        "expires_at": ban.ends_at.map(helix_ts).unwrap_or_default(),
        "created_at": helix_ts(ban.created_at),
        "reason": ban.reason,
        "moderator_id": ban.moderator_id,
        "moderator_login": moderator.map(|u| u.login.as_str()).unwrap_or_default(),
        "moderator_name": moderator.map(|u| u.display_name.as_str()).unwrap_or_default(),
    })
}

/// Get Moderators item (Twitch API reference).
pub fn moderator_json(u: &User) -> Value {
    json!({ "user_id": u.id, "user_login": u.login, "user_name": u.display_name })
}

/// Warn Chat User response item — twitch_api `moderation/warn_chat_user.rs` test (from the docs).
pub fn warning_json(
    broadcaster_id: &str,
    user_id: &str,
    moderator_id: &str,
    reason: &str,
) -> Value {
    json!({
        "broadcaster_id": broadcaster_id,
        "user_id": user_id,
        "moderator_id": moderator_id,
        "reason": reason,
    })
}

/// Add/Remove Suspicious Status response item — twitch_api
/// `moderation/add_suspicious_status_to_chat_user.rs` test (from the docs).
pub fn suspicious_json(
    user_id: &str,
    broadcaster_id: &str,
    moderator_id: &str,
    status: &str,
) -> Value {
    json!({
        "user_id": user_id,
        "broadcaster_id": broadcaster_id,
        "moderator_id": moderator_id,
        "updated_at": Utc::now().to_rfc3339_opts(SecondsFormat::Secs, false),
        "status": status,
        "types": ["MANUALLY_ADDED"],
    })
}

/// Send Chat Message response item — twitch_api `chat/send_chat_message.rs` tests (from the docs).
pub fn sent_message_json(message_id: &str, drop: Option<(&str, &str)>) -> Value {
    match drop {
        None => json!({ "message_id": message_id, "is_sent": true, "drop_reason": null }),
        Some((code, message)) => json!({
            "message_id": "", "is_sent": false,
            "drop_reason": { "code": code, "message": message },
        }),
    }
}

/// Get Channel Followers item — twitch_api `channels/get_channel_followers.rs` test (docs).
pub fn follower_json(u: &User, followed_at: DateTime<Utc>) -> Value {
    json!({
        "user_id": u.id,
        "user_name": u.display_name,
        "user_login": u.login,
        "followed_at": helix_ts(followed_at),
    })
}

/// The emote URL template of Get Channel Emotes / Get User Emotes (Twitch API reference).
pub const EMOTE_TEMPLATE: &str =
    "https://static-cdn.jtvnw.net/emoticons/v2/{{id}}/{{format}}/{{theme_mode}}/{{scale}}";

/// Get Channel Emotes item (Twitch API reference, Get Channel Emotes example).
pub fn channel_emote_json(id: &str, name: &str, tier: &str, set_id: &str) -> Value {
    let url = |scale: &str| {
        format!("https://static-cdn.jtvnw.net/emoticons/v2/{id}/static/light/{scale}")
    };
    json!({
        "id": id, "name": name,
        "images": { "url_1x": url("1.0"), "url_2x": url("2.0"), "url_4x": url("3.0") },
        "tier": tier, "emote_type": "subscriptions", "emote_set_id": set_id,
        "format": ["static"], "scale": ["1.0", "2.0", "3.0"], "theme_mode": ["light", "dark"],
    })
}

/// Get User Emotes item (Twitch API reference, Get User Emotes example: no `images`, has
/// `owner_id`).
pub fn user_emote_json(e: &Value, owner_id: &str) -> Value {
    json!({
        "id": e["id"], "name": e["name"], "emote_type": e["emote_type"],
        "emote_set_id": e["emote_set_id"], "owner_id": owner_id,
        "format": e["format"], "scale": e["scale"], "theme_mode": e["theme_mode"],
    })
}

/// A poll as Get Polls / End Poll return it (Twitch API reference, End Poll example).
pub fn poll_json(broadcaster: &User, id: &str, title: &str, choices: &[&str]) -> Value {
    let choices: Vec<Value> = choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({"id": format!("{id}-{i}"), "title": c, "votes": 0,
                   "channel_points_votes": 0, "bits_votes": 0})
        })
        .collect();
    json!({
        "id": id, "broadcaster_id": broadcaster.id, "broadcaster_name": broadcaster.display_name,
        "broadcaster_login": broadcaster.login, "title": title, "choices": choices,
        "bits_voting_enabled": false, "bits_per_vote": 0,
        "channel_points_voting_enabled": false, "channel_points_per_vote": 0,
        "status": "ACTIVE", "duration": 300, "started_at": helix_ts(Utc::now()),
    })
}

/// A prediction as End Prediction returns it (Twitch API reference, End Prediction example).
pub fn prediction_json(broadcaster: &User, id: &str, title: &str, outcomes: &[&str]) -> Value {
    let colors = ["BLUE", "PINK"];
    let outcomes: Vec<Value> = outcomes
        .iter()
        .enumerate()
        .map(|(i, o)| {
            json!({"id": format!("{id}-{i}"), "title": o, "users": 0, "channel_points": 0,
                   "top_predictors": null, "color": colors[i.min(1)]})
        })
        .collect();
    json!({
        "id": id, "broadcaster_id": broadcaster.id, "broadcaster_name": broadcaster.display_name,
        "broadcaster_login": broadcaster.login, "title": title, "winning_outcome_id": null,
        "outcomes": outcomes, "prediction_window": 120, "status": "ACTIVE",
        "created_at": helix_ts(Utc::now()), "ended_at": null, "locked_at": null,
    })
}

/// An EventSub subscription object (Create / Get EventSub Subscriptions, and the `subscription`
/// of every notification) — twitch-cli `websocket/mock_server/subscription.go`
/// (`SubscriptionPostSuccessResponseBody`, `SubscriptionTransport`), twitch_api
/// `src/eventsub/channel/chat/message.rs` test (a websocket subscription).
pub fn subscription_json(s: &Subscription) -> Value {
    let mut transport = json!({ "method": "websocket", "session_id": s.session_id });
    if let Some(c) = s.connected_at {
        transport["connected_at"] = json!(ts(c));
    }
    if let Some(d) = s.disconnected_at {
        transport["disconnected_at"] = json!(ts(d));
    }
    json!({
        "id": s.id,
        "status": s.status,
        "type": s.kind,
        "version": s.version,
        "condition": s.condition,
        "created_at": ts(s.created_at),
        "transport": transport,
        "cost": s.cost,
    })
}

// ---------------------------------------------------------------------------------------------
// EventSub WebSocket messages (websocket-reference; twitch-cli mock_server/message_types.go)

/// `session_welcome` — twitch-cli `message_types.go` (`WelcomeMessage`), websocket-reference.
pub fn welcome(session_id: &str, keepalive: u64, connected_at: DateTime<Utc>) -> Value {
    json!({
        "metadata": {
            "message_id": message_id(),
            "message_type": "session_welcome",
            "message_timestamp": ts(Utc::now()),
        },
        "payload": { "session": {
            "id": session_id,
            "status": "connected",
            "keepalive_timeout_seconds": keepalive,
            "reconnect_url": null,
            "connected_at": ts(connected_at),
        }},
    })
}

/// `session_keepalive` — twitch-cli `message_types.go` (`KeepaliveMessage`, payload `{}`).
pub fn keepalive() -> Value {
    json!({
        "metadata": {
            "message_id": message_id(),
            "message_type": "session_keepalive",
            "message_timestamp": ts(Utc::now()),
        },
        "payload": {},
    })
}

/// `session_reconnect` — twitch-cli `message_types.go` (`ReconnectMessage`: status
/// `reconnecting`, `keepalive_timeout_seconds: null`).
pub fn reconnect(session_id: &str, url: &str, connected_at: DateTime<Utc>) -> Value {
    json!({
        "metadata": {
            "message_id": message_id(),
            "message_type": "session_reconnect",
            "message_timestamp": ts(Utc::now()),
        },
        "payload": { "session": {
            "id": session_id,
            "status": "reconnecting",
            "keepalive_timeout_seconds": null,
            "reconnect_url": url,
            "connected_at": ts(connected_at),
        }},
    })
}

/// `notification` — twitch-cli `message_types.go` (`NotificationMessage`,
/// `MessageMetadata` with `subscription_type` / `subscription_version`).
pub fn notification(sub: &Subscription, event: &Value) -> Value {
    json!({
        "metadata": {
            "message_id": message_id(),
            "message_type": "notification",
            "message_timestamp": ts(Utc::now()),
            "subscription_type": sub.kind,
            "subscription_version": sub.version,
        },
        "payload": { "subscription": subscription_json(sub), "event": event },
    })
}

/// `revocation` — twitch_api `src/eventsub/event/websocket.rs` test `revocation` (from the docs):
/// the payload carries the subscription only, its `status` saying why.
pub fn revocation(sub: &Subscription) -> Value {
    json!({
        "metadata": {
            "message_id": message_id(),
            "message_type": "revocation",
            "message_timestamp": ts(Utc::now()),
            "subscription_type": sub.kind,
            "subscription_version": sub.version,
        },
        "payload": { "subscription": subscription_json(sub) },
    })
}

// ---------------------------------------------------------------------------------------------
// EventSub events (the `event` object). Users are written as `<prefix>user_id`,
// `<prefix>user_login`, `<prefix>user_name`.

fn put_user(v: &mut Value, prefix: &str, u: &User) {
    v[format!("{prefix}user_id")] = json!(u.id);
    v[format!("{prefix}user_login")] = json!(u.login);
    v[format!("{prefix}user_name")] = json!(u.display_name);
}

fn broadcaster_event(b: &User) -> Value {
    let mut v = json!({});
    put_user(&mut v, "broadcaster_", b);
    v
}

/// `channel.chat.message` v1 — twitch_api `src/eventsub/channel/chat/message.rs` test (docs).
pub fn chat_message_event(
    b: &User,
    chatter: &User,
    message_id: &str,
    text: &str,
    badges: &[(&str, &str)],
) -> Value {
    let mut v = broadcaster_event(b);
    put_user(&mut v, "chatter_", chatter);
    let badges: Vec<Value> = badges
        .iter()
        .map(|(set, id)| json!({"set_id": set, "id": id, "info": ""}))
        .collect();
    v["message_id"] = json!(message_id);
    v["message"] = json!({
        "text": text,
        "fragments": [{"type": "text", "text": text, "cheermote": null, "emote": null, "mention": null}],
    });
    v["color"] = json!("#00FF7F");
    v["badges"] = json!(badges);
    v["message_type"] = json!("text");
    v["cheer"] = Value::Null;
    v["reply"] = Value::Null;
    v["channel_points_custom_reward_id"] = Value::Null;
    v["source_broadcaster_user_id"] = Value::Null;
    v["source_broadcaster_user_login"] = Value::Null;
    v["source_broadcaster_user_name"] = Value::Null;
    v["source_message_id"] = Value::Null;
    v["source_badges"] = Value::Null;
    v
}

/// `channel.chat.message_delete` v1 — twitch_api `chat/message_delete.rs` test (docs).
pub fn message_delete_event(b: &User, target: &User, message_id: &str) -> Value {
    let mut v = broadcaster_event(b);
    put_user(&mut v, "target_", target);
    v["message_id"] = json!(message_id);
    v
}

/// `channel.chat.clear_user_messages` v1 — twitch_api `chat/clear_user_messages.rs` test (docs).
pub fn clear_user_messages_event(b: &User, target: &User) -> Value {
    let mut v = broadcaster_event(b);
    put_user(&mut v, "target_", target);
    v
}

/// `channel.chat.clear` v1 — twitch_api `chat/clear.rs` test (docs).
pub fn chat_clear_event(b: &User) -> Value {
    broadcaster_event(b)
}

/// `channel.ban` v1 — twitch_api `src/eventsub/channel/ban.rs` test (docs); twitch-cli
/// `internal/events/types/ban/ban.go` (`ends_at` null and `is_permanent` true for a ban).
pub fn ban_event(
    b: &User,
    target: &User,
    moderator: &User,
    reason: &str,
    banned_at: DateTime<Utc>,
    ends_at: Option<DateTime<Utc>>,
) -> Value {
    let mut v = broadcaster_event(b);
    put_user(&mut v, "", target);
    put_user(&mut v, "moderator_", moderator);
    v["reason"] = json!(reason);
    v["banned_at"] = json!(ts(banned_at));
    v["ends_at"] = json!(ends_at.map(ts));
    v["is_permanent"] = json!(ends_at.is_none());
    v
}

/// `channel.unban` v1 — twitch_api `src/eventsub/channel/unban.rs` test (docs); twitch-cli
/// `internal/events/types/unban/unban.go`.
pub fn unban_event(b: &User, target: &User, moderator: &User) -> Value {
    let mut v = broadcaster_event(b);
    put_user(&mut v, "", target);
    put_user(&mut v, "moderator_", moderator);
    v
}

/// The action of a `channel.moderate` event.
#[derive(Debug, Clone)]
pub enum ModAction {
    Ban {
        reason: String,
    },
    Timeout {
        reason: String,
        expires_at: DateTime<Utc>,
    },
    Unban,
    Untimeout,
    Delete {
        message_id: String,
        message_body: String,
    },
    Mod,
    Unmod,
    Warn {
        reason: String,
    },
}

impl ModAction {
    fn name(&self) -> &'static str {
        match self {
            ModAction::Ban { .. } => "ban",
            ModAction::Timeout { .. } => "timeout",
            ModAction::Unban => "unban",
            ModAction::Untimeout => "untimeout",
            ModAction::Delete { .. } => "delete",
            ModAction::Mod => "mod",
            ModAction::Unmod => "unmod",
            ModAction::Warn { .. } => "warn",
        }
    }
}

/// `channel.moderate` v2 — twitch_api `src/eventsub/channel/moderate.rs` tests
/// `parse_payload_v2_timeout` / `_warn` / `_mod` (docs): every action object is present, null
/// except the one named by `action`; v1 lacks `warn`.
pub fn moderate_event(
    version: &str,
    b: &User,
    moderator: &User,
    target: &User,
    action: &ModAction,
) -> Value {
    let mut v = broadcaster_event(b);
    v["source_broadcaster_user_id"] = Value::Null;
    v["source_broadcaster_user_login"] = Value::Null;
    v["source_broadcaster_user_name"] = Value::Null;
    put_user(&mut v, "moderator_", moderator);
    v["action"] = json!(action.name());
    let mut fields = vec![
        "followers",
        "slow",
        "vip",
        "unvip",
        "mod",
        "unmod",
        "ban",
        "unban",
        "timeout",
        "untimeout",
        "raid",
        "unraid",
        "delete",
        "automod_terms",
        "unban_request",
        "shared_chat_ban",
        "shared_chat_unban",
        "shared_chat_timeout",
        "shared_chat_untimeout",
        "shared_chat_delete",
    ];
    if version == "2" {
        fields.push("warn");
    }
    for f in fields {
        v[f] = Value::Null;
    }
    let mut obj = json!({});
    put_user(&mut obj, "", target);
    match action {
        ModAction::Ban { reason } => obj["reason"] = json!(reason),
        ModAction::Timeout { reason, expires_at } => {
            obj["reason"] = json!(reason);
            obj["expires_at"] = json!(ts(*expires_at));
        }
        ModAction::Delete {
            message_id,
            message_body,
        } => {
            obj["message_id"] = json!(message_id);
            obj["message_body"] = json!(message_body);
        }
        ModAction::Warn { reason } => {
            obj["reason"] = json!(reason);
            obj["chat_rules_cited"] = Value::Null;
        }
        ModAction::Unban | ModAction::Untimeout | ModAction::Mod | ModAction::Unmod => {}
    }
    v[action.name()] = obj;
    v
}

/// `channel.raid` v1 — twitch_api `src/eventsub/channel/raid.rs` test (docs); twitch-cli
/// `internal/events/types/raid/raid.go`.
pub fn raid_event(from: &User, to: &User, viewers: u64) -> Value {
    let mut v = json!({ "viewers": viewers });
    put_user(&mut v, "from_broadcaster_", from);
    put_user(&mut v, "to_broadcaster_", to);
    v
}

/// `channel.suspicious_user.update` v1 — twitch_api `suspicious_user/update.rs` test (docs):
/// `low_trust_status` is `none`, `active_monitoring` or `restricted`.
pub fn suspicious_update_event(b: &User, moderator: &User, target: &User, status: &str) -> Value {
    let mut v = broadcaster_event(b);
    put_user(&mut v, "moderator_", moderator);
    put_user(&mut v, "", target);
    v["low_trust_status"] = json!(status);
    v
}

/// `stream.online` v1 — twitch_api `src/eventsub/stream/online.rs` test (docs); twitch-cli
/// `internal/events/types/streamup/streamup.go`.
pub fn stream_online_event(b: &User, stream_id: &str, started_at: DateTime<Utc>) -> Value {
    let mut v = json!({ "id": stream_id });
    put_user(&mut v, "broadcaster_", b);
    v["type"] = json!("live");
    v["started_at"] = json!(ts(started_at));
    v
}

/// `stream.offline` v1 — twitch-cli `internal/events/types/streamdown/streamdown.go`
/// (`StreamDownEventSubEvent`: the broadcaster only).
pub fn stream_offline_event(b: &User) -> Value {
    broadcaster_event(b)
}
