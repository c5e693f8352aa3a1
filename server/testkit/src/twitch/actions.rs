//! What happens on Twitch, whoever does it: the Helix routes call these with the token's user
//! as the actor (so lumio's own actions are echoed back as EventSub events), the control API
//! calls them as another moderator. Each one changes the world and then emits the events Twitch
//! would send for it.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serde_json::Value;

use super::eventsub::deliver;
use super::payloads::{self as p, ModAction};
use super::state::{self, ChatMessage, State, User};

/// A refusal, in Helix's terms.
#[derive(Debug, Clone)]
pub struct ActionError {
    pub status: u16,
    pub error: &'static str,
    pub message: String,
}

fn bad_request(message: impl Into<String>) -> ActionError {
    ActionError {
        status: 400,
        error: "Bad Request",
        message: message.into(),
    }
}

/// Ban User / Unban User reference: "403 Forbidden — The user in moderator_id is not one of the
/// broadcaster's moderators."
fn not_a_moderator() -> ActionError {
    ActionError {
        status: 403,
        error: "Forbidden",
        message: "The user in moderator_id is not one of the broadcaster's moderators.".into(),
    }
}

type Users = (User, User, User);

/// Broadcaster, moderator (actor) and target, checking that the actor moderates the channel.
fn resolve(
    st: &State,
    broadcaster_id: &str,
    moderator_id: &str,
    user_id: &str,
    user_field: &str,
) -> Result<Users, ActionError> {
    let mut w = st.lock();
    let Some(b) = w.user(broadcaster_id).cloned() else {
        return Err(bad_request("The ID in broadcaster_id is not valid."));
    };
    let Some(m) = w.user(moderator_id).cloned() else {
        return Err(bad_request("The ID in moderator_id is not valid."));
    };
    if !w.is_moderator(broadcaster_id, moderator_id) {
        return Err(not_a_moderator());
    }
    let Some(t) = w.user(user_id).cloned() else {
        return Err(bad_request(format!("The ID in {user_field} is not valid.")));
    };
    Ok((b, m, t))
}

fn on_channel(broadcaster_id: &str) -> impl Fn(&Value) -> bool + '_ {
    move |c: &Value| c["broadcaster_user_id"] == broadcaster_id
}

fn moderate(st: &State, b: &User, m: &User, t: &User, action: &ModAction) {
    deliver(st, "channel.moderate", on_channel(&b.id), |version| {
        p::moderate_event(version, b, m, t, action)
    });
}

/// Ban (duration None) or time out a user. Returns Ban User's response item.
pub fn ban(
    st: &State,
    broadcaster_id: &str,
    moderator_id: &str,
    user_id: &str,
    duration: Option<u64>,
    reason: &str,
) -> Result<Value, ActionError> {
    {
        let mut w = st.lock();
        if w.faults.ban_conflicts > 0 {
            w.faults.ban_conflicts -= 1;
            return Err(ActionError {
                status: 409,
                error: "Conflict",
                message: "You may not update the user's ban state while someone else is updating the state.".into(),
            });
        }
    }
    let (b, m, t) = resolve(st, broadcaster_id, moderator_id, user_id, "user_id")?;
    if let Some(d) = duration {
        if !(1..=1_209_600).contains(&d) {
            return Err(bad_request("The value in the duration field is not valid."));
        }
    }
    if reason.chars().count() > 500 {
        return Err(bad_request("The text in the reason field is too long."));
    }
    let now = Utc::now();
    let ends_at = duration.map(|d| now + chrono::Duration::seconds(d as i64));
    {
        let mut w = st.lock();
        // twitch-cli bans.go: the broadcaster may not be banned, nor a moderator by a moderator.
        let target_is_mod = w.channel(broadcaster_id).moderators.contains(user_id);
        if user_id == broadcaster_id || (target_is_mod && moderator_id != broadcaster_id) {
            return Err(bad_request(
                "The user specified in the user_id field may not be banned.",
            ));
        }
        // Ban User reference: a banned user cannot be banned again nor moved into a timeout;
        // a user in a timeout can be banned, or timed out again.
        if let Some(existing) = w.active_ban(broadcaster_id, user_id) {
            if existing.ends_at.is_none() {
                return Err(bad_request(
                    "The user specified in the user_id field is already banned.",
                ));
            }
        }
        w.channel(broadcaster_id).bans.insert(
            user_id.to_string(),
            state::Ban {
                moderator_id: moderator_id.to_string(),
                reason: reason.to_string(),
                created_at: now,
                ends_at,
            },
        );
    }
    deliver(st, "channel.ban", on_channel(&b.id), |_| {
        p::ban_event(&b, &t, &m, reason, now, ends_at)
    });
    let action = match ends_at {
        None => ModAction::Ban {
            reason: reason.to_string(),
        },
        Some(e) => ModAction::Timeout {
            reason: reason.to_string(),
            expires_at: e,
        },
    };
    moderate(st, &b, &m, &t, &action);
    // A ban or timeout clears the user's messages from chat.
    deliver(
        st,
        "channel.chat.clear_user_messages",
        on_channel(&b.id),
        |_| p::clear_user_messages_event(&b, &t),
    );
    Ok(p::ban_json(&b.id, &m.id, &t.id, now, ends_at))
}

pub fn unban(
    st: &State,
    broadcaster_id: &str,
    moderator_id: &str,
    user_id: &str,
) -> Result<(), ActionError> {
    {
        let mut w = st.lock();
        if w.faults.ban_conflicts > 0 {
            w.faults.ban_conflicts -= 1;
            return Err(ActionError {
                status: 409,
                error: "Conflict",
                message: "You may not update the user's ban state while someone else is updating the state.".into(),
            });
        }
    }
    let (b, m, t) = resolve(st, broadcaster_id, moderator_id, user_id, "user_id")?;
    let was = {
        let mut w = st.lock();
        let Some(was) = w.active_ban(broadcaster_id, user_id) else {
            return Err(bad_request(
                "The user in the user_id query parameter is not banned.",
            ));
        };
        w.channel(broadcaster_id).bans.remove(user_id);
        was
    };
    deliver(st, "channel.unban", on_channel(&b.id), |_| {
        p::unban_event(&b, &t, &m)
    });
    let action = if was.ends_at.is_some() {
        ModAction::Untimeout
    } else {
        ModAction::Unban
    };
    moderate(st, &b, &m, &t, &action);
    Ok(())
}

/// Delete one message (Some) or clear the whole chat (None).
pub fn delete_message(
    st: &State,
    broadcaster_id: &str,
    moderator_id: &str,
    message_id: Option<&str>,
) -> Result<(), ActionError> {
    let (b, m, _) = resolve(
        st,
        broadcaster_id,
        moderator_id,
        moderator_id,
        "moderator_id",
    )?;
    let Some(message_id) = message_id else {
        deliver(st, "channel.chat.clear", on_channel(&b.id), |_| {
            p::chat_clear_event(&b)
        });
        return Ok(());
    };
    let (msg, sender) = {
        let mut w = st.lock();
        let found = w
            .messages
            .get(message_id)
            .filter(|msg| msg.broadcaster_id == broadcaster_id)
            .cloned();
        let Some(msg) = found else {
            // Delete Chat Messages reference: "404 Not Found — The ID in message_id was not found."
            return Err(ActionError {
                status: 404,
                error: "Not Found",
                message: "The ID in message_id was not found.".into(),
            });
        };
        w.messages.remove(message_id);
        let sender = w.user(&msg.user_id).cloned();
        (msg, sender)
    };
    let Some(sender) = sender else {
        return Ok(());
    };
    deliver(st, "channel.chat.message_delete", on_channel(&b.id), |_| {
        p::message_delete_event(&b, &sender, message_id)
    });
    let action = ModAction::Delete {
        message_id: message_id.to_string(),
        message_body: msg.text,
    };
    moderate(st, &b, &m, &sender, &action);
    Ok(())
}

/// Warn a user. Returns Warn Chat User's response item.
pub fn warn(
    st: &State,
    broadcaster_id: &str,
    moderator_id: &str,
    user_id: &str,
    reason: &str,
) -> Result<Value, ActionError> {
    if reason.is_empty() {
        // twitch_api warn_chat_user.rs test (from the docs).
        return Err(bad_request("Missing required parameter \"reason\""));
    }
    let (b, m, t) = resolve(st, broadcaster_id, moderator_id, user_id, "user_id")?;
    // `warn` exists in channel.moderate v2 only; a v1 subscriber gets nothing.
    deliver(st, "channel.moderate", on_channel(&b.id), |version| {
        if version == "2" {
            p::moderate_event(
                version,
                &b,
                &m,
                &t,
                &ModAction::Warn {
                    reason: reason.to_string(),
                },
            )
        } else {
            Value::Null
        }
    });
    Ok(p::warning_json(&b.id, &t.id, &m.id, reason))
}

/// Set (Some `ACTIVE_MONITORING` / `RESTRICTED`) or remove (None) a suspicious-user status.
pub fn suspicious(
    st: &State,
    broadcaster_id: &str,
    moderator_id: &str,
    user_id: &str,
    status: Option<&str>,
) -> Result<Value, ActionError> {
    if let Some(s) = status {
        if s != "ACTIVE_MONITORING" && s != "RESTRICTED" {
            return Err(bad_request("The value in the status field is not valid."));
        }
    }
    let (b, m, t) = resolve(st, broadcaster_id, moderator_id, user_id, "user_id")?;
    {
        let mut w = st.lock();
        let ch = w.channel(broadcaster_id);
        match status {
            Some(s) => {
                ch.suspicious.insert(user_id.to_string(), s.to_string());
            }
            None => {
                ch.suspicious.remove(user_id);
            }
        }
    }
    let low_trust = match status {
        Some("RESTRICTED") => "restricted",
        Some(_) => "active_monitoring",
        None => "none",
    };
    deliver(
        st,
        "channel.suspicious_user.update",
        on_channel(&b.id),
        |_| p::suspicious_update_event(&b, &m, &t, low_trust),
    );
    Ok(p::suspicious_json(
        &t.id,
        &b.id,
        &m.id,
        status.unwrap_or("NO_TREATMENT"),
    ))
}

/// Add (true) or remove (false) a moderator; the actor is the broadcaster.
pub fn set_moderator(
    st: &State,
    broadcaster_id: &str,
    user_id: &str,
    add: bool,
) -> Result<(), ActionError> {
    let (b, _, t) = resolve(st, broadcaster_id, broadcaster_id, user_id, "user_id")?;
    {
        let mut w = st.lock();
        let banned = w.active_ban(broadcaster_id, user_id).is_some();
        let ch = w.channel(broadcaster_id);
        let is_mod = ch.moderators.contains(user_id);
        if add {
            if is_mod || user_id == broadcaster_id {
                return Err(bad_request(
                    "The user in user_id is already a moderator in the broadcaster's chat room.",
                ));
            }
            if banned {
                // twitch-cli moderation/moderators.go.
                return Err(bad_request(
                    "User cannot become a moderator because they are banned.",
                ));
            }
            ch.moderators.insert(user_id.to_string());
        } else {
            if !is_mod {
                return Err(bad_request(
                    "The user in user_id is not a moderator in the broadcaster's chat room.",
                ));
            }
            ch.moderators.remove(user_id);
        }
    }
    let action = if add {
        ModAction::Mod
    } else {
        ModAction::Unmod
    };
    moderate(st, &b, &b, &t, &action);
    Ok(())
}

/// A chat message from `user_id`; returns its id.
pub fn chat_message(st: &State, broadcaster_id: &str, user_id: &str, text: &str) -> Option<String> {
    let (b, u, badges) = {
        let mut w = st.lock();
        let b = w.user(broadcaster_id).cloned()?;
        let u = w.user(user_id).cloned()?;
        let mut badges = Vec::new();
        if broadcaster_id == user_id {
            badges.push(("broadcaster", "1"));
        } else if w.is_moderator(broadcaster_id, user_id) {
            badges.push(("moderator", "1"));
        }
        (b, u, badges)
    };
    let id = uuid::Uuid::new_v4().to_string();
    send_chat(st, &b, &u, &id, text, &badges);
    Some(id)
}

fn send_chat(
    st: &State,
    b: &User,
    u: &User,
    id: &str,
    text: &str,
    badges: &[(&str, &str)],
) -> usize {
    st.lock().remember_message(
        id.to_string(),
        ChatMessage {
            broadcaster_id: b.id.clone(),
            user_id: u.id.clone(),
            text: text.to_string(),
        },
    );
    deliver(st, "channel.chat.message", on_channel(&b.id), |_| {
        p::chat_message_event(b, u, id, text, badges)
    })
}

pub fn raid(st: &State, from_id: &str, to_id: &str, viewers: u64) {
    let (from, to) = {
        let w = st.lock();
        match (w.user(from_id).cloned(), w.user(to_id).cloned()) {
            (Some(f), Some(t)) => (f, t),
            _ => return,
        }
    };
    deliver(
        st,
        "channel.raid",
        |c: &Value| {
            c["to_broadcaster_user_id"] == to.id || c["from_broadcaster_user_id"] == from.id
        },
        |_| p::raid_event(&from, &to, viewers),
    );
}

pub fn set_live(st: &State, broadcaster_id: &str, live: bool) {
    let (b, stream) = {
        let mut w = st.lock();
        let Some(b) = w.user(broadcaster_id).cloned() else {
            return;
        };
        let ch = w.channel(broadcaster_id);
        if live {
            let s = (rand::random::<u32>().to_string(), Utc::now());
            ch.live = Some(s.clone());
            (b, Some(s))
        } else {
            ch.live = None;
            (b, None)
        }
    };
    match stream {
        Some((id, started)) => {
            deliver(st, "stream.online", on_channel(&b.id), |_| {
                p::stream_online_event(&b, &id, started)
            });
        }
        None => {
            deliver(st, "stream.offline", on_channel(&b.id), |_| {
                p::stream_offline_event(&b)
            });
        }
    }
}

/// The load generator: `per_second` chat messages, sent in 10 ms batches.
pub async fn chat_load(
    st: State,
    broadcaster_id: String,
    chatters: Vec<User>,
    per_second: u32,
    total: Option<u64>,
    stop: Arc<AtomicBool>,
    sent: Arc<AtomicU64>,
) {
    let Some(b) = st.lock().user(&broadcaster_id).cloned() else {
        return;
    };
    let mut tick = tokio::time::interval(Duration::from_millis(10));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let started = tokio::time::Instant::now();
    let mut made: u64 = 0;
    while !stop.load(Ordering::Relaxed) {
        tick.tick().await;
        let due = (started.elapsed().as_secs_f64() * f64::from(per_second)) as u64;
        let due = total.map_or(due, |t| due.min(t));
        while made < due {
            let u = &chatters[(made as usize) % chatters.len().max(1)];
            let id = uuid::Uuid::new_v4().to_string();
            let text = format!("load message {made}");
            let n = send_chat(&st, &b, u, &id, &text, &[]);
            sent.fetch_add(n as u64, Ordering::Relaxed);
            made += 1;
        }
        if total.is_some_and(|t| made >= t) {
            break;
        }
    }
}
