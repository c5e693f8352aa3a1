//! JSON bodies and gateway payloads the fake sends, each after its source.
//!
//! Sources, in short: Discord's developer docs (Resources: User, Guild, Channel, Message,
//! Application Commands; Topics: Gateway, Gateway Events, OAuth2, Rate Limits, Opcodes and
//! Status Codes); twilight's model crate (`twilight-model` 0.16: `guild::Guild`,
//! `channel::Channel`, `guild::Role`, `channel::message::Message`,
//! `gateway::payload::incoming::{Ready, GuildCreate, GuildDelete, MessageDelete, Hello}`),
//! which `tests/twilight_crosscheck.rs` uses to parse what the fake sends; and
//! discord-api-types (`RESTPostOAuth2AccessTokenWithBotAndGuildsScopeResult`,
//! `RESTOAuth2AdvancedBotAuthorizationQueryResult`).

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

use super::state::{Channel, Guild, Member, Role, User};

/// Discord's timestamps: ISO 8601 with microseconds and `+00:00` (e.g. a message's
/// `timestamp`, "2024-01-01T00:00:00.000000+00:00").
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, false)
}

/// A user object (docs "User Object"; twilight `user::User`: `avatar`, `discriminator`,
/// `id`, `username` required; `global_name`, `bot` optional).
pub fn user(u: &User) -> Value {
    json!({
        "id": u.id,
        "username": u.username,
        "global_name": u.global_name,
        "discriminator": "0",
        "avatar": null,
        "bot": u.bot,
        "public_flags": 0,
    })
}

/// `GET /users/@me` for a bot token (docs "Get Current User"; twilight `user::CurrentUser`:
/// `mfa_enabled`, `verified`, `flags` …).
pub fn current_user(u: &User) -> Value {
    json!({
        "id": u.id,
        "username": u.username,
        "global_name": u.global_name,
        "discriminator": "0",
        "avatar": null,
        "bot": u.bot,
        "mfa_enabled": false,
        "verified": true,
        "locale": "en-US",
        "flags": 0,
        "public_flags": 0,
        "premium_type": 0,
    })
}

/// A channel object (docs "Channel Object", guild channel fields; twilight `channel::Channel`:
/// `id` and `type` required).
pub fn channel(c: &Channel, guild_id: &str) -> Value {
    let mut v = json!({
        "id": c.id,
        "type": c.kind,
        "guild_id": guild_id,
        "name": c.name,
        "position": c.position,
        "parent_id": c.parent_id,
        "permission_overwrites": [],
        "nsfw": false,
        "flags": 0,
    });
    if matches!(c.kind, 0 | 5 | 15) {
        v["topic"] = json!(c.topic);
        v["last_message_id"] = Value::Null;
        v["rate_limit_per_user"] = json!(0);
    }
    if c.kind == 2 {
        v["bitrate"] = json!(64000);
        v["user_limit"] = json!(0);
        v["rtc_region"] = Value::Null;
    }
    v
}

/// A role object (docs "Role Object"; twilight `guild::Role`: `color`, `hoist`, `id`,
/// `managed`, `mentionable`, `name`, `permissions` (a string), `position`, `flags`).
pub fn role(r: &Role) -> Value {
    json!({
        "id": r.id,
        "name": r.name,
        "color": r.color,
        "hoist": false,
        "icon": null,
        "unicode_emoji": null,
        "position": r.position,
        "permissions": r.permissions,
        "managed": r.managed,
        "mentionable": false,
        "flags": 0,
    })
}

/// A guild member (docs "Guild Member Object"; twilight `guild::Member`).
pub fn member(m: &Member, u: &User) -> Value {
    json!({
        "user": user(u),
        "nick": m.nick,
        "avatar": null,
        "roles": m.roles,
        "joined_at": ts(m.joined_at),
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": m.communication_disabled_until.map(ts),
    })
}

/// A partial member as it rides on MESSAGE_CREATE (docs "Message Create": "member — partial
/// guild member", without `user`; twilight `PartialMember` wants `deaf`, `mute`, `roles`,
/// `joined_at`, `flags`).
pub fn partial_member(m: &Member) -> Value {
    json!({
        "nick": m.nick,
        "avatar": null,
        "roles": m.roles,
        "joined_at": ts(m.joined_at),
        "premium_since": null,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "communication_disabled_until": m.communication_disabled_until.map(ts),
    })
}

/// The guild object of `GET /guilds/{id}` (docs "Guild Object"; twilight `guild::Guild`'s
/// required fields: `afk_timeout`, `default_message_notifications`,
/// `explicit_content_filter`, `features`, `id`, `mfa_level`, `name`, `nsfw_level`,
/// `owner_id`, `preferred_locale`, `premium_progress_bar_enabled`, `roles`,
/// `system_channel_flags`, `verification_level`).
pub fn guild(g: &Guild) -> Value {
    json!({
        "id": g.id,
        "name": g.name,
        "icon": g.icon,
        "icon_hash": g.icon,
        "splash": null,
        "discovery_splash": null,
        "owner_id": g.owner_id,
        "afk_channel_id": null,
        "afk_timeout": 300,
        "widget_enabled": false,
        "widget_channel_id": null,
        "verification_level": 1,
        "default_message_notifications": 1,
        "explicit_content_filter": 2,
        "roles": g.roles.iter().map(role).collect::<Vec<_>>(),
        "emojis": [],
        "features": g.features,
        "mfa_level": 0,
        "application_id": null,
        "system_channel_id": g.channels.iter().find(|c| c.kind == 0).map(|c| c.id.clone()),
        "system_channel_flags": 0,
        "rules_channel_id": null,
        "max_presences": null,
        "max_members": 500000,
        "vanity_url_code": null,
        "description": null,
        "banner": null,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": "en-US",
        "public_updates_channel_id": null,
        "max_video_channel_users": 25,
        "max_stage_video_channel_users": 50,
        "nsfw_level": 0,
        "stickers": [],
        "premium_progress_bar_enabled": false,
        "safety_alerts_channel_id": null,
    })
}

/// The guild of a GUILD_CREATE dispatch: the guild object plus `joined_at`, `large`,
/// `unavailable`, `member_count`, `members`, `channels`, `threads`, `presences`,
/// `voice_states`, `stage_instances`, `guild_scheduled_events` (docs "Guild Create").
pub fn guild_create(g: &Guild, users: &std::collections::BTreeMap<String, User>) -> Value {
    let mut v = guild(g);
    v["joined_at"] = json!(ts(g.joined_at));
    v["large"] = json!(false);
    v["unavailable"] = json!(false);
    v["member_count"] = json!(g.members.len());
    v["members"] = Value::Array(
        g.members
            .values()
            .filter_map(|m| users.get(&m.user_id).map(|u| member(m, u)))
            .collect(),
    );
    v["channels"] = Value::Array(g.channels.iter().map(|c| channel(c, &g.id)).collect());
    v["threads"] = json!([]);
    v["presences"] = json!([]);
    v["voice_states"] = json!([]);
    v["stage_instances"] = json!([]);
    v["guild_scheduled_events"] = json!([]);
    v["soundboard_sounds"] = json!([]);
    v
}

/// An entry of `GET /users/@me/guilds` (docs "Get Current User Guilds": partial guild with
/// `id`, `name`, `icon`, `banner`, `owner`, `permissions`, `features`, and the approximate
/// counts with `with_counts=true`).
pub fn current_user_guild(g: &Guild, with_counts: bool) -> Value {
    let mut v = json!({
        "id": g.id,
        "name": g.name,
        "icon": g.icon,
        "banner": null,
        "owner": false,
        "permissions": "2147483647",
        "features": g.features,
    });
    if with_counts {
        v["approximate_member_count"] = json!(g.members.len());
        v["approximate_presence_count"] = json!(0);
    }
    v
}

/// A message object (docs "Message Object"; twilight `channel::message::Message`: `id`,
/// `channel_id`, `author`, `content`, `timestamp`, `edited_timestamp`, `tts`,
/// `mention_everyone`, `mentions`, `mention_roles`, `attachments`, `embeds`, `pinned`,
/// `type`, `flags` …).
pub fn message(
    id: &str,
    channel_id: &str,
    author: &User,
    content: &str,
    at: DateTime<Utc>,
    nonce: Option<&Value>,
) -> Value {
    let mut v = json!({
        "id": id,
        "type": 0,
        "channel_id": channel_id,
        "author": user(author),
        "content": content,
        "timestamp": ts(at),
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "flags": 0,
        "components": [],
    });
    if let Some(n) = nonce {
        v["nonce"] = n.clone();
    }
    v
}

/// MESSAGE_CREATE's `d`: the message plus `guild_id` and `member` (docs "Message Create").
/// Without the MESSAGE_CONTENT intent, `content`, `embeds`, `attachments` and `components`
/// are empty (docs "Message Content Intent").
pub fn message_create(mut msg: Value, guild_id: &str, m: Option<&Member>, content: bool) -> Value {
    msg["guild_id"] = json!(guild_id);
    if let Some(m) = m {
        msg["member"] = partial_member(m);
    }
    if !content {
        msg["content"] = json!("");
        msg["embeds"] = json!([]);
        msg["attachments"] = json!([]);
        msg["components"] = json!([]);
    }
    msg
}

/// MESSAGE_DELETE's `d` (docs "Message Delete"; twilight `MessageDelete`).
pub fn message_delete(id: &str, channel_id: &str, guild_id: &str) -> Value {
    json!({"id": id, "channel_id": channel_id, "guild_id": guild_id})
}

/// GUILD_DELETE's `d`: an unavailable guild object; `unavailable` is not set when the bot was
/// removed from the guild (docs "Guild Delete"; twilight `GuildDelete`).
pub fn guild_delete(id: &str, unavailable: bool) -> Value {
    if unavailable {
        json!({"id": id, "unavailable": true})
    } else {
        json!({"id": id})
    }
}

/// A gateway payload as text (docs "Gateway Events — Payload Structure": `op`, `d`, `s`,
/// `t`), with `t`, `s` and `op` before `d` as Discord sends them: clients such as
/// twilight-gateway find the opcode and event type by scanning the text before parsing `d`.
pub fn frame(op: u8, d: Value, s: Option<u64>, t: Option<&str>) -> String {
    format!(r#"{{"t":{},"s":{},"op":{op},"d":{d}}}"#, json!(t), json!(s))
}

/// HELLO (op 10; docs "Hello Event"; twilight `Hello`).
pub fn hello(heartbeat_interval_ms: u64) -> String {
    frame(
        10,
        json!({"heartbeat_interval": heartbeat_interval_ms}),
        None,
        None,
    )
}

/// HEARTBEAT_ACK (op 11).
pub fn heartbeat_ack() -> String {
    frame(11, Value::Null, None, None)
}

/// HEARTBEAT sent by the gateway to ask for one now (op 1; docs "Heartbeat Requests"), with
/// the session's last sequence as `d` (twilight `GatewayEvent::Heartbeat(u64)`).
pub fn heartbeat_request(seq: u64) -> String {
    frame(1, json!(seq), None, None)
}

/// RECONNECT (op 7; docs "Reconnect": `d` is null).
pub fn reconnect() -> String {
    frame(7, Value::Null, None, None)
}

/// INVALID_SESSION (op 9; `d` says whether the session may be resumed).
pub fn invalid_session(resumable: bool) -> String {
    frame(9, json!(resumable), None, None)
}

/// READY's `d` (docs "Ready Event"; twilight `Ready`: `v`, `user`, `guilds` (unavailable
/// guilds), `session_id`, `resume_gateway_url`, `shard`, `application` with `id` and `flags`).
pub fn ready(
    bot: &User,
    guild_ids: &[String],
    session_id: &str,
    resume_url: &str,
    application_id: &str,
    shard: Option<[u64; 2]>,
) -> Value {
    let mut v = json!({
        "v": 10,
        "user": current_user(bot),
        "guilds": guild_ids.iter().map(|id| json!({"id": id, "unavailable": true})).collect::<Vec<_>>(),
        "session_id": session_id,
        "resume_gateway_url": resume_url,
        "application": {"id": application_id, "flags": 0},
        "user_settings": {},
        "private_channels": [],
        "presences": [],
        "relationships": [],
        "guild_join_requests": [],
        "geo_ordered_rtc_regions": ["us-east"],
        "auth": {},
    });
    if let Some(s) = shard {
        v["shard"] = json!(s);
    }
    v
}

/// `GET /gateway/bot` (docs "Get Gateway Bot").
pub fn gateway_bot(url: &str, remaining: u32) -> Value {
    json!({
        "url": url,
        "shards": 1,
        "session_start_limit": {
            "total": 1000,
            "remaining": remaining,
            "reset_after": 86_400_000u64,
            "max_concurrency": 1,
        },
    })
}

/// A Discord JSON error (docs "Opcodes and Status Codes — JSON Error Codes"), e.g.
/// `{"message": "Unknown Channel", "code": 10003}`.
pub fn error(code: u32, message: &str) -> Value {
    json!({"message": message, "code": code})
}

/// 50035 Invalid Form Body with the per-field `errors` tree (docs "Example JSON Error
/// Response").
pub fn invalid_form_body(field: &str, error_code: &str, message: &str) -> Value {
    json!({
        "message": "Invalid Form Body",
        "code": 50035,
        "errors": {field: {"_errors": [{"code": error_code, "message": message}]}},
    })
}

/// The 429 body (docs "Rate Limits — Exceeding A Rate Limit": `message`, `retry_after` in
/// seconds, `global`).
pub fn rate_limited(retry_after_secs: f64, global: bool) -> Value {
    json!({
        "message": "You are being rate limited.",
        "retry_after": (retry_after_secs * 1000.0).ceil() / 1000.0,
        "global": global,
    })
}

/// An application command as a bulk overwrite answers it (docs "Application Command
/// Object").
pub fn command(id: &str, application_id: &str, guild_id: &str, given: &Value) -> Value {
    json!({
        "id": id,
        "application_id": application_id,
        "guild_id": guild_id,
        "name": given["name"],
        "description": given.get("description").cloned().unwrap_or(json!("")),
        "type": given.get("type").cloned().unwrap_or(json!(1)),
        "options": given.get("options").cloned().unwrap_or(json!([])),
        "default_member_permissions": given.get("default_member_permissions").cloned().unwrap_or(Value::Null),
        "nsfw": given.get("nsfw").cloned().unwrap_or(json!(false)),
        "version": id,
    })
}

/// The token response of an authorization-code grant whose scopes include `bot`: the usual
/// fields plus the `guild` the bot was added to (docs "OAuth2 — Advanced Bot Authorization /
/// Extended Bot Authorization Access Token Example"; discord-api-types
/// `RESTPostOAuth2AccessTokenWithBotAndGuildsScopeResult`).
pub fn token_response(
    access_token: &str,
    refresh_token: &str,
    scopes: &[String],
    expires_in: u64,
    guild: Option<Value>,
) -> Value {
    let mut v = json!({
        "token_type": "Bearer",
        "access_token": access_token,
        "expires_in": expires_in,
        "refresh_token": refresh_token,
        "scope": scopes.join(" "),
    });
    if let Some(g) = guild {
        v["guild"] = g;
    }
    v
}

/// An OAuth2 error body (RFC 6749 §5.2, as Discord sends it: `{"error": "invalid_grant",
/// "error_description": "Invalid \"code\" in request."}`).
pub fn oauth_error(error: &str, description: &str) -> Value {
    json!({"error": error, "error_description": description})
}
