//! The update, key by key and event by event, without a terminal or a server: the fixtures
//! here (shared with `view/tests.rs`), the tests by area in the submodules.

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::command::Verb;
use super::state::*;
use super::update::Input;
use crate::api::chat::{ChatMessage, EmotePosition};
use crate::api::live::{LiveEvent, UserEvent};
use crate::platform::Platform;

mod filter;
mod moderation;
mod prompt;
mod scroll;
mod status;

pub fn key(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

pub fn ctrl(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn code(c: KeyCode) -> Input {
    Input::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

pub fn typed(app: &mut App, s: &str) -> Vec<Effect> {
    let mut fx = Vec::new();
    for c in s.chars() {
        fx.extend(app.update(key(c)));
    }
    fx
}

pub fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-23T12:34:56Z")
        .map(|t| t.to_utc())
        .unwrap_or_default()
}

/// The user id of a test chatter on a platform (valid there).
pub fn uid(platform: &str, user: &str) -> String {
    let n: u64 = user
        .bytes()
        .fold(7, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    match platform {
        "youtube" => format!("UC{:022}", n % 10u64.pow(18)),
        "discord" => format!("{}", 100_000_000_000_000_000 + n % 100_000_000_000_000_000),
        _ => format!("{}", n % 1_000_000_000),
    }
}

pub fn message(i: u32, platform: &str, user: &str, text: &str) -> ChatMessage {
    ChatMessage {
        id: format!("m{i}"),
        account_id: "a".into(),
        platform: platform.into(),
        channel_name: "lumio_demo".into(),
        user_id: uid(platform, user),
        username: user.to_lowercase(),
        display_name: Some(user.into()),
        message: text.into(),
        emotes: Vec::new(),
        badges: Vec::new(),
        color: Some("#1E90FF".into()),
        is_mod: false,
        is_sub: false,
        is_vip: false,
        sub_tier: None,
        platform_message_id: None,
        reply_to_message_id: None,
        reply_to_user_id: None,
        reply_to_username: None,
        reply_to_message: None,
        created_at: "2026-11-23T12:34:56Z".into(),
        deleted_at: None,
        deleted_by: None,
        is_first_message: i == 1,
        is_first_in_stream: false,
        treatment: None,
    }
}

pub fn live(event: LiveEvent) -> Input {
    Input::Live {
        event: Box::new(event),
        cursor: None,
        at: t0(),
    }
}

pub fn msg_of(m: ChatMessage) -> Input {
    live(LiveEvent::Message {
        cursor: m.id.clone(),
        message: Box::new(m),
    })
}

pub fn msg(i: u32, platform: &str, user: &str, text: &str) -> Input {
    msg_of(message(i, platform, user, text))
}

pub fn with_emote(mut m: ChatMessage, name: &str) -> ChatMessage {
    let start = m.message.chars().count() as i32 + 1;
    m.message.push(' ');
    m.message.push_str(name);
    m.emotes.push(EmotePosition {
        id: "25".into(),
        name: name.into(),
        start,
        end: start + name.len() as i32 - 1,
        provider: Some("twitch".into()),
    });
    m
}

pub fn user_event(platform: &str, user: &str) -> UserEvent {
    UserEvent {
        platform: platform.into(),
        user_id: uid(platform, user),
        username: Some(user.into()),
        reason: None,
        duration_seconds: None,
        expires_at: None,
        treatment: None,
        note: None,
        moderator: Some("Milo Mod".into()),
    }
}

pub const PS: [&str; 5] = ["twitch", "youtube", "kick", "trovo", "discord"];

pub fn app_with(n: u32) -> App {
    let mut a = App::new("http://127.0.0.1:8080", "demo", 100);
    a.size = (120, 40);
    a.update(Input::Conn(Conn::Live));
    for i in 1..=n {
        a.update(msg(
            i,
            PS[(i as usize) % 5],
            &format!("user{i}"),
            &format!("hello {i}"),
        ));
    }
    a
}

fn chatter(platform: &str, user: &str) -> Chatter {
    Chatter {
        platform: platform.parse().unwrap(),
        user_id: uid(platform, user),
        name: user.into(),
    }
}

fn texts(a: &App) -> Vec<String> {
    a.lines.iter().map(|l| l.text.clone()).collect()
}

pub fn profile_with(who: &Chatter, ban: &str) -> crate::api::profiles::Profile {
    use crate::api::profiles::{BanStatus, FollowStatus, Profile};
    Profile {
        platform: who.platform.to_string(),
        platform_user_id: who.user_id.clone(),
        username: Some(who.name.to_lowercase()),
        display_name: Some(who.name.clone()),
        color: None,
        first_seen_at: Some("2026-11-23T10:00:00Z".into()),
        last_seen_at: None,
        message_count: 12,
        recent_messages: Vec::new(),
        ban: BanStatus {
            state: ban.into(),
            reason: None,
            since: None,
            expires_at: None,
            seconds_left: None,
        },
        treatment: "none".into(),
        follower: FollowStatus {
            platform: who.platform.to_string(),
            platform_user_id: who.user_id.clone(),
            following: Some(true),
            followed_at: None,
            checked_at: None,
            source: "cached".into(),
        },
        note_count: 0,
        flags: Vec::new(),
        sub_tier: None,
        enrichment_status: "ok".into(),
        enrichment: None,
        enriched_at: None,
    }
}

pub fn profile_for(who: &Chatter) -> crate::api::profiles::Profile {
    profile_with(who, "none")
}
