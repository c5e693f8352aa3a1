//! The live events of an account: what the bus carries on `lumio:chat:events:{account}` and
//! WebSocket / GraphQL subscribers receive, the chat message they carry, who may read each
//! event, and the cursor every event has.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::auth::Permission;

/// Where an emote stands in a message (character offsets, end inclusive).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
    async_graphql::SimpleObject,
    async_graphql::InputObject,
)]
#[graphql(input_name = "EmotePositionInput")]
pub struct EmotePosition {
    pub id: String,
    pub name: String,
    pub start: i32,
    pub end: i32,
    /// twitch, 7tv, bttv, ffz, trovo, discord …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
}

/// A stored (or buffered) chat message; also a `platform_messages` row as the store reads it
/// (`emotes` and `badges` are JSON columns).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Serialize,
    Deserialize,
    sqlx::FromRow,
    utoipa::ToSchema,
    async_graphql::SimpleObject,
)]
pub struct ChatMessage {
    /// UUIDv7: sorts by time.
    pub id: Uuid,
    pub account_id: Uuid,
    pub platform: String,
    pub channel_name: String,
    pub user_id: String,
    pub username: String,
    pub display_name: Option<String>,
    pub message: String,
    #[sqlx(json)]
    pub emotes: Vec<EmotePosition>,
    #[sqlx(json)]
    pub badges: Vec<String>,
    pub color: Option<String>,
    pub is_mod: bool,
    pub is_sub: bool,
    pub is_vip: bool,
    pub sub_tier: Option<String>,
    pub platform_message_id: Option<String>,
    pub reply_to_message_id: Option<String>,
    pub reply_to_user_id: Option<String>,
    pub reply_to_username: Option<String>,
    pub reply_to_message: Option<String>,
    /// When the server received it.
    pub created_at: DateTime<Utc>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub deleted_by: Option<String>,
    /// The first message this chatter ever sent in the channel.
    #[serde(default)]
    pub is_first_message: bool,
    /// The chatter's first message of the current stream.
    #[serde(default)]
    pub is_first_in_stream: bool,
    /// The chatter's treatment when they sent it (`active_monitoring`, `restricted`);
    /// absent for none. A restricted chatter's messages are flagged in the stream.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treatment: Option<String>,
}

/// A live event of an account, as published on the bus and sent to WebSocket clients.
/// Every event has a cursor (a time-ordered id); resuming with `since=<cursor>` replays the
/// messages after it (messages carry their deletion state, so a replay shows deletions).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(clippy::large_enum_variant)] // short-lived: built, serialized, sent
pub enum ChatEvent {
    Message {
        cursor: String,
        message: ChatMessage,
    },
    MessageDeleted {
        cursor: String,
        message_id: Uuid,
        platform: String,
        user_id: String,
        deleted_by: String,
        deleted_at: DateTime<Utc>,
    },
    UserBanned {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    UserUnbanned {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    UserTimedOut {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    TreatmentChanged {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    NoteCreated {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    /// A channel went live or offline.
    StreamStatus {
        cursor: String,
        platform: String,
        live: bool,
        reported_by: String,
    },
    /// A live control was used: `raid_cancelled`, `poll_ended`, `prediction_ended`.
    LiveControl {
        cursor: String,
        platform: String,
        action: String,
        /// The broadcaster (raid), poll or prediction id.
        target_id: String,
        /// The new status (TERMINATED, ARCHIVED, RESOLVED, CANCELED, LOCKED).
        status: String,
        by: String,
    },
    /// The account's bot on a platform changed (seed 001): paused, resumed, a connection
    /// added or removed, a credential that needs re-authorization.
    BotStatus {
        cursor: String,
        platform: String,
        /// `active`, `paused`, `no_connection` or `needs_reauth`.
        status: String,
        /// `Active`, `Paused`, `No Connection` or `Needs Reauth`.
        label: String,
        by: String,
    },
    /// A moderation action's delivery to the platform changed status (issue 15 §4):
    /// `queued` → `sent` → `confirmed` (the platform echoed it back), or `failed`.
    ModerationDelivery {
        cursor: String,
        /// The moderation log entry it delivers (none for a re-mod after a timeout).
        log_id: Option<Uuid>,
        delivery_id: Uuid,
        platform: String,
        /// ban, unban, timeout, delete, mod, unmod or treatment.
        action: String,
        user_id: String,
        status: String,
        /// The platform's message, when `failed` (or the last retry's).
        #[serde(default)]
        error: Option<String>,
    },
}

/// What a moderation event says about a chatter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UserEvent {
    pub platform: String,
    pub user_id: String,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub duration_seconds: Option<i64>,
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
    /// For `treatment_changed`: the new treatment.
    #[serde(default)]
    pub treatment: Option<String>,
    /// For `note_created`: the note's text.
    #[serde(default)]
    pub note: Option<String>,
    /// Who acted (the moderator's display name).
    pub moderator: String,
}

/// The permission a subscriber needs to receive a live event of type `kind` — the same one
/// the REST endpoint for that data needs. An event the subscriber may not read is *dropped*
/// for them (not redacted): the fact of a ban or a note is itself what the permission
/// guards.
///
/// | event type | permission | the REST data it mirrors |
/// |---|---|---|
/// | `message`, `message_deleted` | `chat:read` | chat history (deleted messages with `include_deleted`) |
/// | `stream_status` | `chat:read` | stream states |
/// | `live_control` | `chat:read` | the channel's raids, polls and predictions, as viewers see them |
/// | `bot_status` | `bot-connections:read` | `botStatus` / `GET /v1/bot-status` |
/// | `user_banned`, `user_unbanned`, `user_timed_out` (reason, moderator) | `chat:userinfo` | the moderation log, profiles |
/// | `treatment_changed` | `chat:userinfo` | the moderation log, profiles |
/// | `moderation_delivery` | `chat:userinfo` | the moderation log's `delivery_status` |
/// | `note_created` (the note) | `chat:notes` | notes |
///
/// An unknown type needs a permission nobody is given: it is never sent.
pub fn live_event_permission(kind: &str) -> Option<Permission> {
    match kind {
        "message" | "message_deleted" | "stream_status" | "live_control" => {
            Some(Permission::ChatRead)
        }
        "user_banned"
        | "user_unbanned"
        | "user_timed_out"
        | "treatment_changed"
        | "moderation_delivery" => Some(Permission::ChatUserinfo),
        "note_created" => Some(Permission::ChatNotes),
        "bot_status" => Some(Permission::BotConnectionsRead),
        _ => None,
    }
}

/// Whether a subscriber holding `held` may receive a live event of type `kind`.
pub fn may_receive(held: &crate::auth::PermissionSet, kind: &str) -> bool {
    live_event_permission(kind).is_some_and(|p| held.contains(&p))
}

impl ChatEvent {
    pub fn cursor(&self) -> &str {
        match self {
            ChatEvent::Message { cursor, .. }
            | ChatEvent::MessageDeleted { cursor, .. }
            | ChatEvent::UserBanned { cursor, .. }
            | ChatEvent::UserUnbanned { cursor, .. }
            | ChatEvent::UserTimedOut { cursor, .. }
            | ChatEvent::TreatmentChanged { cursor, .. }
            | ChatEvent::NoteCreated { cursor, .. }
            | ChatEvent::StreamStatus { cursor, .. }
            | ChatEvent::LiveControl { cursor, .. }
            | ChatEvent::BotStatus { cursor, .. }
            | ChatEvent::ModerationDelivery { cursor, .. } => cursor,
        }
    }

    /// The event's `type` as sent to clients.
    pub fn kind(&self) -> &'static str {
        match self {
            ChatEvent::Message { .. } => "message",
            ChatEvent::MessageDeleted { .. } => "message_deleted",
            ChatEvent::UserBanned { .. } => "user_banned",
            ChatEvent::UserUnbanned { .. } => "user_unbanned",
            ChatEvent::UserTimedOut { .. } => "user_timed_out",
            ChatEvent::TreatmentChanged { .. } => "treatment_changed",
            ChatEvent::NoteCreated { .. } => "note_created",
            ChatEvent::StreamStatus { .. } => "stream_status",
            ChatEvent::LiveControl { .. } => "live_control",
            ChatEvent::BotStatus { .. } => "bot_status",
            ChatEvent::ModerationDelivery { .. } => "moderation_delivery",
        }
    }
}

impl ChatMessage {
    /// The cursor of a message: its id, opaque to clients.
    pub fn cursor(&self) -> String {
        encode_cursor(self.id)
    }
}

pub fn encode_cursor(id: Uuid) -> String {
    id.simple().to_string()
}

pub fn decode_cursor(cursor: &str) -> Option<Uuid> {
    if cursor.len() != 32 {
        return None;
    }
    Uuid::try_parse(cursor).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::builtin_role;

    #[test]
    fn every_live_event_type_has_its_permission() {
        let user = UserEvent::default();
        let events = [
            ChatEvent::UserBanned {
                cursor: String::new(),
                user: user.clone(),
            },
            ChatEvent::UserUnbanned {
                cursor: String::new(),
                user: user.clone(),
            },
            ChatEvent::UserTimedOut {
                cursor: String::new(),
                user: user.clone(),
            },
            ChatEvent::TreatmentChanged {
                cursor: String::new(),
                user: user.clone(),
            },
            ChatEvent::NoteCreated {
                cursor: String::new(),
                user,
            },
            ChatEvent::StreamStatus {
                cursor: String::new(),
                platform: "twitch".into(),
                live: true,
                reported_by: "x".into(),
            },
        ];
        for e in &events {
            assert!(live_event_permission(e.kind()).is_some(), "{}", e.kind());
        }
        for kind in ["message", "message_deleted", "live_control"] {
            assert_eq!(live_event_permission(kind), Some(Permission::ChatRead));
        }
        assert_eq!(live_event_permission("something_new"), None);
        // A delivery status is what the moderation log shows: chat:userinfo.
        assert_eq!(
            live_event_permission("moderation_delivery"),
            Some(Permission::ChatUserinfo)
        );

        let viewer = builtin_role("viewer").unwrap();
        let editor = builtin_role("editor").unwrap();
        let moderator = builtin_role("moderator").unwrap();
        for held in [&viewer, &editor] {
            assert!(may_receive(held, "message"));
            assert!(!may_receive(held, "note_created"));
            assert!(!may_receive(held, "user_banned"));
            assert!(!may_receive(held, "user_timed_out"));
            assert!(!may_receive(held, "moderation_delivery"));
        }
        for kind in [
            "message",
            "note_created",
            "user_banned",
            "treatment_changed",
            "moderation_delivery",
        ] {
            assert!(may_receive(&moderator, kind), "{kind}");
        }
    }
}
