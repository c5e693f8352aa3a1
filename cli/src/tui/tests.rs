//! The update, key by key and event by event, without a terminal or a server.

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::command::Verb;
use super::state::*;
use super::update::Input;
use crate::api::chat::{ChatMessage, EmotePosition};
use crate::api::live::{LiveEvent, UserEvent};
use crate::platform::Platform;

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

#[test]
fn selecting_pauses_counts_new_and_end_goes_live() {
    let mut a = app_with(10);
    assert_eq!((a.selected, a.paused), (None, None));
    a.update(key('k'));
    assert_eq!(a.selected_line().unwrap().id, "m10");
    a.update(code(KeyCode::Up));
    assert_eq!(a.selected_line().unwrap().id, "m9");
    assert_eq!(a.paused.unwrap().new, 0);
    a.update(msg(11, "twitch", "late", "new"));
    a.update(msg(12, "twitch", "late", "newer"));
    assert_eq!(
        a.selected_line().unwrap().id,
        "m9",
        "the selection stays put"
    );
    assert_eq!(a.paused.unwrap().new, 2, "paused · 2 new");
    assert_eq!(
        a.line(a.view_bottom().unwrap()).unwrap().id,
        "m10",
        "the view stays"
    );
    a.update(key('j'));
    assert_eq!(a.selected_line().unwrap().id, "m10");
    a.update(code(KeyCode::End));
    assert_eq!((a.selected, a.paused), (None, None));
    assert_eq!(a.line(a.view_bottom().unwrap()).unwrap().id, "m12");
    a.update(key('k'));
    a.update(key('G'));
    assert_eq!(a.paused, None, "G is live too");
    a.update(key('k'));
    a.update(code(KeyCode::Esc));
    assert_eq!(a.paused, None, "and Esc");
}

/// Issue 16: at 2,000 msg/s the selected message falls out of the scrollback in seconds;
/// the screen says so and stays paused instead of jumping back to live.
#[test]
fn an_evicted_selection_is_announced_and_the_view_stays_paused() {
    let mut a = app_with(100);
    a.update(key('k'));
    a.update(key('k'));
    assert_eq!(a.selected_line().unwrap().id, "m99");
    for i in 101..=198 {
        a.update(msg(i, "kick", "flood", "x"));
    }
    assert_eq!(
        a.selected_line().unwrap().id,
        "m99",
        "kept while in the scrollback"
    );
    assert!(a.notice.is_none());
    a.update(msg(199, "kick", "flood", "x"));
    assert_eq!(a.selected, None);
    let n = a.notice.clone().unwrap();
    assert_eq!(n.level, Level::Warn);
    assert!(n.text.contains("left the scrollback"), "{}", n.text);
    let p = a.paused.expect("still paused");
    assert_eq!(p.new, 99);
    assert_eq!(a.lines.len(), 100);
    assert!(
        a.line(p.bottom).is_some(),
        "the view's bottom moved with the scrollback"
    );
}

#[test]
fn the_mouse_scrolls_and_selects() {
    let mut a = app_with(60);
    let at = |kind, row| {
        Input::Mouse(MouseEvent {
            kind,
            column: 10,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    a.update(at(MouseEventKind::ScrollUp, 5));
    let p = a.paused.expect("the wheel pauses");
    assert_eq!(a.line(p.bottom).unwrap().id, "m57");
    assert_eq!(a.selected, None);
    a.update(at(MouseEventKind::ScrollDown, 5));
    assert_eq!(a.paused, None, "back at the bottom: live");
    // A click on the last row of the chat (row 36 of a 40-row screen: the frame, then
    // 36 rows of chat, then status and prompt) selects the newest message.
    a.update(at(MouseEventKind::Down(MouseButton::Left), 36));
    assert_eq!(a.selected_line().unwrap().id, "m60");
    assert!(a.paused.is_some());
    a.update(at(MouseEventKind::Down(MouseButton::Left), 35));
    assert_eq!(a.selected_line().unwrap().id, "m59");
    a.update(at(MouseEventKind::Down(MouseButton::Left), 0));
    assert_eq!(
        a.selected_line().unwrap().id,
        "m59",
        "the frame is no message"
    );
}

#[test]
fn page_keys_scroll_and_come_back() {
    let mut a = app_with(90);
    a.update(code(KeyCode::PageUp));
    let b = a.line(a.paused.unwrap().bottom).unwrap().id.clone();
    assert_eq!(b, "m56", "a page is the chat's height less two");
    a.update(code(KeyCode::PageDown));
    assert_eq!(a.paused, None);
    a.update(code(KeyCode::Home));
    let p = a.paused.unwrap();
    assert_eq!(a.line(p.bottom).unwrap().id, "m1");
}

#[test]
fn deletions_timeouts_and_bans_show_in_chat_whoever_took_them() {
    let mut a = app_with(3);
    a.update(live(LiveEvent::MessageDeleted {
        cursor: "x".into(),
        message_id: "m2".into(),
        platform: "kick".into(),
        user_id: uid("kick", "user2"),
        deleted_by: "Milo Mod".into(),
    }));
    assert_eq!(a.lines[1].deleted_by.as_deref(), Some("Milo Mod"));
    assert_eq!(a.modlog[0].target, "user2", "the name, not the id");
    assert_eq!(a.modlog[0].action, "delete");
    // A timeout taken in another client: the messages grey out and a system line says so.
    let mut u = user_event("trovo", "user3");
    u.duration_seconds = Some(600);
    u.reason = Some("caps lock".into());
    a.update(live(LiveEvent::UserTimedOut {
        cursor: "y".into(),
        user: u,
    }));
    assert!(a.lines[2].greyed);
    assert!(!a.lines[0].greyed);
    let sys = a.lines.back().unwrap();
    assert_eq!(sys.system, Some(System::Timeout));
    assert_eq!(
        sys.text,
        "user3 was timed out for 10m by Milo Mod: caps lock"
    );
    assert_eq!(sys.platform, Platform::Trovo);
    let e = &a.modlog[0];
    assert_eq!(
        (
            e.actor.as_str(),
            e.target.as_str(),
            e.action.as_str(),
            e.duration,
            e.reason.as_deref(),
            e.platform
        ),
        (
            "Milo Mod",
            "user3",
            "timeout",
            Some(600),
            Some("caps lock"),
            Some(Platform::Trovo)
        )
    );
    // A ban without a username in the event still names the chatter; a blank moderator is
    // no blank name.
    let mut u = user_event("youtube", "user1");
    u.username = Some("  ".into());
    u.moderator = Some(String::new());
    a.update(live(LiveEvent::UserBanned {
        cursor: "z".into(),
        user: u,
    }));
    assert!(a.lines[0].greyed);
    assert_eq!(
        a.lines.back().unwrap().text,
        "user1 was banned by a moderator"
    );
    assert_eq!(a.modlog[0].target, "user1");
    // A replayed message is not shown twice.
    a.update(msg(3, "trovo", "user3", "hello 3"));
    assert_eq!(a.lines.iter().filter(|l| l.id == "m3").count(), 1);
}

/// Issue 16: the card showed `ban none` after the user was just banned.
#[test]
fn the_card_refreshes_on_every_event_about_its_chatter() {
    let mut a = app_with(5);
    a.update(key('k'));
    let fx = a.update(code(KeyCode::Enter));
    let who = chatter("twitch", "user5");
    assert_eq!(
        fx,
        vec![Effect::LoadCard {
            target: who.clone()
        }]
    );
    let card = a.card.as_ref().unwrap();
    assert_eq!(
        card.messages.len(),
        1,
        "what the session has, until history answers"
    );
    // The card's data arrives.
    let data = CardData {
        profile: Some(profile_with(&who, "none")),
        messages: vec![
            message(5, "twitch", "user5", "hello 5"),
            message(0, "twitch", "user5", "older"),
        ],
        ..CardData::default()
    };
    assert!(a
        .update(Input::Card(who.clone(), Box::new(data)))
        .is_empty());
    let card = a.card.as_ref().unwrap();
    assert!(!card.loading);
    assert_eq!(
        card.messages
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>(),
        ["hello 5", "older"]
    );
    // Banned elsewhere: the card says so at once and loads again.
    let fx = a.update(live(LiveEvent::UserBanned {
        cursor: "b".into(),
        user: user_event("twitch", "user5"),
    }));
    assert_eq!(
        fx,
        vec![Effect::LoadCard {
            target: who.clone()
        }]
    );
    let card = a.card.as_ref().unwrap();
    assert_eq!(card.profile.as_ref().unwrap().ban.state, "banned");
    assert!(card.loading);
    // Another event while it loads: one more load after this one, not two at once.
    let fx = a.update(live(LiveEvent::NoteCreated {
        cursor: "n".into(),
        user: user_event("twitch", "user5"),
    }));
    assert!(fx.is_empty());
    let data = CardData {
        profile: Some(profile_with(&who, "banned")),
        ..CardData::default()
    };
    let fx = a.update(Input::Card(who.clone(), Box::new(data)));
    assert_eq!(
        fx,
        vec![Effect::LoadCard {
            target: who.clone()
        }],
        "the stale card loads again"
    );
    // A new message of the chatter goes on top of the card at once.
    a.update(msg(6, "twitch", "user5", "I am back"));
    assert_eq!(a.card.as_ref().unwrap().messages[0].text, "I am back");
    // Events about others leave it alone.
    let fx = a.update(live(LiveEvent::UserBanned {
        cursor: "c".into(),
        user: user_event("kick", "user2"),
    }));
    assert!(fx.is_empty());
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

#[test]
fn acting_from_the_card() {
    let mut a = app_with(3);
    a.update(key('k'));
    a.update(key('u'));
    let who = chatter("trovo", "user3");
    // Presets, ban, unban, treatment, note, delete of the highlighted message.
    a.update(key('3'));
    let fx = a.update(key('y'));
    assert_eq!(
        fx,
        vec![Effect::Moderate {
            target: who.clone(),
            action: ModAction::Timeout {
                seconds: 3600,
                reason: None
            }
        }]
    );
    a.update(key('U'));
    assert!(matches!(&a.mode, Mode::Confirm(p) if p.question == "Unban user3 on trovo? y/n"));
    assert_eq!(
        a.update(key('y')),
        vec![Effect::Moderate {
            target: who.clone(),
            action: ModAction::Unban
        }]
    );
    a.update(key('r'));
    let fx = a.update(key('3'));
    assert_eq!(
        fx,
        vec![Effect::Treat {
            target: who.clone(),
            treatment: "restricted".into()
        }]
    );
    a.update(key('n'));
    typed(&mut a, "spams links");
    let fx = a.update(code(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Note {
            target: who.clone(),
            text: "spams links".into()
        }]
    );
    a.update(key('d'));
    let fx = a.update(key('y'));
    assert_eq!(
        fx,
        vec![Effect::Delete {
            platform: Platform::Trovo,
            message_id: "m3".into(),
            author: "user3".into()
        }]
    );
    a.update(code(KeyCode::Esc));
    assert!(a.card.is_none());
}

#[test]
fn timeouts_from_presets_or_typed_with_a_reason() {
    let mut a = app_with(3);
    a.update(key('k'));
    a.update(key('t'));
    a.update(key('2'));
    a.update(code(KeyCode::Enter));
    let fx = a.update(key('y'));
    assert!(
        matches!(
            &fx[..],
            [Effect::Moderate {
                action: ModAction::Timeout {
                    seconds: 600,
                    reason: None
                },
                ..
            }]
        ),
        "{fx:?}"
    );
    a.update(key('t'));
    typed(&mut a, "1h30m caps lock");
    a.update(code(KeyCode::Enter));
    let fx = a.update(key('y'));
    assert!(
        matches!(&fx[..], [Effect::Moderate { action: ModAction::Timeout { seconds: 5400, reason: Some(r) }, .. }] if r == "caps lock"),
        "{fx:?}"
    );
    a.update(key('t'));
    typed(&mut a, "soon");
    assert!(a.update(code(KeyCode::Enter)).is_empty());
    match &a.mode {
        Mode::Prompt(p) => assert!(
            p.error.as_ref().unwrap().contains("not a duration"),
            "{p:?}"
        ),
        other => panic!("the prompt stays open: {other:?}"),
    }
}

#[test]
fn nothing_selected_is_an_error_and_the_next_success_clears_it() {
    let mut a = app_with(3);
    assert!(a.update(key('b')).is_empty());
    assert_eq!(a.notice.as_ref().unwrap().level, Level::Error);
    a.update(key('1')); // a platform toggle works: the old error goes
    assert!(a.notice.is_none());
    a.update(key('1'));
    a.update(Input::Done(Err(
        "forbidden: missing permission chat:ban".into()
    )));
    a.update(key(':'));
    typed(&mut a, "filter from:user2");
    a.update(code(KeyCode::Enter));
    assert!(a.notice.is_none(), "{:?}", a.notice);
    a.update(Input::Done(Err("boom".into())));
    a.update(Input::Done(Ok("banned x".into())));
    assert_eq!(a.notice.as_ref().unwrap().level, Level::Info);
}

#[test]
fn platform_toggles_and_the_filter() {
    let mut a = app_with(10);
    a.update(key('1')); // twitch off
    assert!(a
        .lines
        .iter()
        .filter(|l| l.shown)
        .all(|l| l.platform != Platform::Twitch));
    a.update(key('1'));
    a.update(key('/'));
    typed(&mut a, "platform:kick");
    assert!(
        a.lines
            .iter()
            .filter(|l| l.shown)
            .all(|l| l.platform == Platform::Kick),
        "applies as typed"
    );
    a.update(code(KeyCode::Enter));
    assert_eq!(a.filter_text, "platform:kick");
    assert_eq!(a.lines.iter().filter(|l| l.shown).count(), 2);
}

/// Issue 16: the invalid `regex:([` emptied the screen with no error.
#[test]
fn an_invalid_filter_keeps_the_last_good_one_and_says_why() {
    let mut a = app_with(10);
    a.update(key('/'));
    typed(&mut a, "regex:free|hello 1");
    let shown = a.lines.iter().filter(|l| l.shown).count();
    assert_eq!(shown, 2, "hello 1, hello 10");
    a.update(ctrl('u'));
    typed(&mut a, "platform:kick regex:h");
    assert_eq!(a.lines.iter().filter(|l| l.shown).count(), 2);
    typed(&mut a, "([");
    assert!(
        a.filter_error.as_ref().unwrap().contains("regex:h(["),
        "{:?}",
        a.filter_error
    );
    assert_eq!(
        a.lines.iter().filter(|l| l.shown).count(),
        10,
        "the filter entered before (none) is on screen, not an empty one"
    );
    assert!(a.update(code(KeyCode::Enter)).is_empty());
    assert!(
        matches!(a.mode, Mode::Prompt(_)),
        "Enter on an invalid query keeps the prompt"
    );
    a.update(code(KeyCode::Esc));
    assert_eq!(a.filter_error, None);
    assert_eq!(a.filter_text, "");
    assert_eq!(a.lines.iter().filter(|l| l.shown).count(), 10);
}

/// Issue 16: the send prompt was prefilled with a platform name, and `youtube hi` went to
/// Twitch as text.
#[test]
fn the_send_prompt_has_a_platform_selector() {
    let mut a = app_with(3);
    a.update(key('i'));
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert_eq!((p.platform, p.editor.value()), (Platform::Twitch, ""));
    a.update(ctrl('t'));
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert_eq!(p.platform, Platform::Kick);
    typed(&mut a, "youtube hi");
    let fx = a.update(code(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Send {
            platform: Platform::Kick,
            text: "youtube hi".into()
        }]
    );
    // It opens on the selected message's platform when lumio can send there.
    a.update(key('k')); // m3: trovo
    a.update(key('i'));
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert_eq!(p.platform, Platform::Trovo);
    a.update(code(KeyCode::Esc));
    a.update(key('k'));
    a.update(key('k')); // m1: youtube (no sending there): the last one used
    a.update(key('i'));
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert_eq!(p.platform, Platform::Kick);
}

#[test]
fn the_command_line_unbans_notes_opens_cards_and_filters() {
    let mut a = app_with(5);
    a.update(key(':'));
    typed(&mut a, "timeout user2 10m caps lock");
    let fx = a.update(code(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Moderate {
            target: chatter("kick", "user2"),
            action: ModAction::Timeout {
                seconds: 600,
                reason: Some("caps lock".into())
            }
        }]
    );
    a.update(key(':'));
    typed(&mut a, "unban @USER2");
    assert_eq!(
        a.update(code(KeyCode::Enter)),
        vec![Effect::Moderate {
            target: chatter("kick", "user2"),
            action: ModAction::Unban
        }]
    );
    a.update(key(':'));
    typed(&mut a, "note user4 warned twice");
    assert_eq!(
        a.update(code(KeyCode::Enter)),
        vec![Effect::Note {
            target: chatter("discord", "user4"),
            text: "warned twice".into()
        }]
    );
    a.update(key(':'));
    typed(&mut a, "card user1");
    assert_eq!(
        a.update(code(KeyCode::Enter)),
        vec![Effect::LoadCard {
            target: chatter("youtube", "user1")
        }]
    );
    assert!(a.card.is_some());
    a.update(code(KeyCode::Esc));
    a.update(key(':'));
    typed(&mut a, "filter platform:kick");
    a.update(code(KeyCode::Enter));
    assert_eq!(a.filter_text, "platform:kick");
    // A name never seen in this session: the server is asked.
    a.update(key(':'));
    typed(&mut a, "ban nobody");
    let fx = a.update(code(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Resolve {
            name: "nobody".into(),
            platform: None,
            verb: Verb::Ban { reason: None }
        }]
    );
    a.update(Input::Resolved {
        name: "nobody".into(),
        verb: Verb::Ban { reason: None },
        found: Ok(vec![]),
    });
    assert!(a
        .notice
        .as_ref()
        .unwrap()
        .text
        .contains("no chatter named 'nobody'"));
    // A typo keeps the line, says why.
    a.update(key(':'));
    typed(&mut a, "bna user2");
    assert!(a.update(code(KeyCode::Enter)).is_empty());
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert!(p.error.as_ref().unwrap().contains("unknown command 'bna'"));
    assert_eq!(p.editor.value(), "bna user2");
}

/// Issue 16: `:ban f0llow_b0t_1` silently chose Twitch although that name chats on five
/// platforms.
#[test]
fn a_name_on_several_platforms_asks_which_or_takes_platform_name() {
    let mut a = app_with(0);
    for (i, p) in PS.iter().enumerate() {
        a.update(msg(i as u32 + 1, p, "f0llow_b0t_1", "FREE FOLLOWERS"));
    }
    a.update(key(':'));
    typed(&mut a, "ban f0llow_b0t_1 spam");
    assert!(a.update(code(KeyCode::Enter)).is_empty());
    let Mode::Choose(c) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert!(
        c.question.contains("chats on 5 platforms"),
        "{}",
        c.question
    );
    assert_eq!(c.options.len(), 5);
    let i = c
        .options
        .iter()
        .position(|(l, _)| l.starts_with("kick"))
        .unwrap();
    let fx = a.update(key(char::from(b'1' + i as u8)));
    assert_eq!(
        fx,
        vec![Effect::Moderate {
            target: chatter("kick", "f0llow_b0t_1"),
            action: ModAction::Ban {
                reason: Some("spam".into())
            }
        }]
    );
    a.update(key(':'));
    typed(&mut a, "ban discord:f0llow_b0t_1");
    let fx = a.update(code(KeyCode::Enter));
    assert_eq!(
        fx,
        vec![Effect::Moderate {
            target: chatter("discord", "f0llow_b0t_1"),
            action: ModAction::Ban { reason: None }
        }]
    );
    // Esc cancels the question.
    a.update(key(':'));
    typed(&mut a, "unban f0llow_b0t_1");
    a.update(code(KeyCode::Enter));
    assert!(a.update(code(KeyCode::Esc)).is_empty());
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn tab_completes_chatters_and_emotes_seen() {
    let mut a = app_with(0);
    a.update(msg(1, "twitch", "kappa_king", "hi"));
    a.update(msg_of(with_emote(
        message(2, "twitch", "ann", "lol"),
        "KEKW",
    )));
    a.update(key(':'));
    typed(&mut a, "ba");
    a.update(code(KeyCode::Tab));
    typed(&mut a, "kap");
    a.update(code(KeyCode::Tab));
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert_eq!(p.editor.value(), "ban kappa_king ");
    a.update(code(KeyCode::Esc));
    a.update(key('i'));
    typed(&mut a, "nice KE");
    a.update(code(KeyCode::Tab));
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert_eq!(p.editor.value(), "nice KEKW ");
    // History: Up brings back the last line of the same prompt.
    a.update(code(KeyCode::Enter));
    a.update(key('i'));
    a.update(code(KeyCode::Up));
    let Mode::Prompt(p) = &a.mode else { panic!() };
    assert_eq!(p.editor.value(), "nice KEKW");
}

#[test]
fn the_log_pane_toggles_and_counts_what_it_missed() {
    let mut a = app_with(3);
    a.update(Input::Resize(80, 24));
    assert!(!a.log_shown(), "narrow: hidden by default");
    a.update(live(LiveEvent::UserBanned {
        cursor: "c".into(),
        user: user_event("kick", "user2"),
    }));
    assert_eq!(a.log_unseen, 1);
    a.update(key('L'));
    assert!(a.log_shown());
    assert_eq!(a.log_unseen, 0);
    a.update(key('L'));
    assert!(!a.log_shown());
    a.update(Input::Resize(140, 40));
    assert!(!a.log_shown(), "the toggle holds");
    a.update(key('L'));
    assert!(a.log_shown());
}

#[test]
fn remapped_keys() {
    use std::collections::BTreeMap;
    let mut a = app_with(3);
    a.keymap = super::keymap::Keymap::from_config(
        &BTreeMap::from([("ban".to_string(), "x".to_string())]),
        &BTreeMap::new(),
    )
    .unwrap();
    a.update(code(KeyCode::Up));
    assert!(a.update(key('b')).is_empty());
    assert_eq!(a.mode, Mode::Normal, "b no longer bans");
    a.update(key('x'));
    assert!(matches!(a.mode, Mode::Confirm(_)));
}

#[test]
fn the_scrollback_and_the_session_memory_are_bounded() {
    let mut a = app_with(0);
    for i in 1..=250 {
        a.update(msg(i, "twitch", &format!("v{i}"), "x"));
    }
    assert_eq!(a.lines.len(), 100);
    assert_eq!(a.lines[0].id, "m151");
    assert_eq!(texts(&a).len(), 100);
    let mut c = Chatters::default();
    for i in 0..(CHATTERS_KEPT as u64 + 10) {
        c.saw(Platform::Kick, &i.to_string(), &format!("visitor{i}"), i);
    }
    assert!(c.len() <= CHATTERS_KEPT, "{}", c.len());
    assert!(c
        .name_of(Platform::Kick, &(CHATTERS_KEPT as u64 + 9).to_string())
        .is_some());
    assert!(
        c.name_of(Platform::Kick, "0").is_none(),
        "the oldest are forgotten"
    );
}

#[test]
fn mentions_are_highlighted_once_we_know_who_we_are() {
    let mut a = app_with(0);
    a.update(msg(2, "twitch", "ann", "hey @mod, look"));
    assert_eq!(a.lines[0].highlight, None);
    a.update(Input::Me(Box::new(crate::api::model::Me {
        user: crate::api::model::User {
            id: "u".into(),
            username: "mod".into(),
            display_name: "Milo Mod".into(),
        },
        accounts: Vec::new(),
        admin_permissions: Vec::new(),
        token: crate::api::model::TokenInfo {
            id: "t".into(),
            name: "cli".into(),
            kind: "session".into(),
            permissions: None,
            created_at: String::new(),
            expires_at: None,
            last_used_at: None,
        },
    })));
    assert_eq!(a.lines[0].highlight, Some(Highlight::Mention));
    a.update(msg(3, "twitch", "bob", "milo mod is here"));
    assert_eq!(a.lines[1].highlight, Some(Highlight::Mention));
    a.update(key('/'));
    typed(&mut a, "is:highlighted");
    assert_eq!(a.lines.iter().filter(|l| l.shown).count(), 2);
}

pub fn profile_for(who: &Chatter) -> crate::api::profiles::Profile {
    profile_with(who, "none")
}

/// Issue 15 §4: a `moderation_delivery` event puts the status word on the log line of that
/// action on that chatter (the newest), and only there.
#[test]
fn the_delivery_status_follows_the_log_line() {
    let mut a = app_with(5);
    for user in ["user1", "user2"] {
        a.update(live(LiveEvent::UserBanned {
            cursor: "z".into(),
            user: user_event("twitch", user),
        }));
    }
    let delivery = |user: &str, action: &str, status: &str| {
        live(LiveEvent::ModerationDelivery {
            cursor: "z".into(),
            platform: "twitch".into(),
            action: action.into(),
            user_id: uid("twitch", user),
            status: status.into(),
            error: None,
        })
    };
    a.update(delivery("user1", "ban", "sent"));
    assert_eq!(a.modlog[1].target, "user1");
    assert_eq!(a.modlog[1].delivery.as_deref(), Some("sent"));
    assert_eq!(a.modlog[0].delivery, None);
    a.update(delivery("user1", "ban", "confirmed"));
    a.update(delivery("user2", "unban", "failed"));
    assert_eq!(a.modlog[1].delivery.as_deref(), Some("confirmed"));
    assert_eq!(a.modlog[0].delivery, None, "another action's status");
    let shown: String = crate::tui::view::log::pieces(&a, &a.modlog[1])
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert!(shown.contains("ban [confirmed]"), "{shown}");
}

/// Issue 15 §6: the status bar follows the bot's status live: a `bot_status` event changes the
/// platform's mark at once and says so in the chat; the same status again says nothing.
#[test]
fn the_bot_mark_follows_live_bot_status() {
    let mut a = app_with(0);
    let bot = |platform: &str, status: &str| {
        live(LiveEvent::BotStatus {
            cursor: "z".into(),
            platform: platform.into(),
            status: status.into(),
            by: Some("Olive Owner".into()),
        })
    };
    let twitch = crate::tui::state::pidx(Platform::Twitch);
    a.update(bot("twitch", "paused"));
    assert_eq!(a.bots[twitch].as_deref(), Some("paused"));
    assert_eq!(crate::tui::view::bot_mark("paused"), "‖");
    let said = |a: &App| a.lines.iter().map(|l| l.text.clone()).collect::<Vec<_>>();
    assert!(
        said(&a)
            .iter()
            .any(|t| t == "the twitch bot is paused (Olive Owner)"),
        "{:?}",
        said(&a)
    );
    let n = a.lines.len();
    a.update(bot("twitch", "paused"));
    assert_eq!(a.lines.len(), n, "the same status again adds no line");
    a.update(bot("twitch", "needs_reauth"));
    assert_eq!(a.bots[twitch].as_deref(), Some("needs_reauth"));
    assert_eq!(crate::tui::view::bot_mark("needs_reauth"), "!");
    assert!(said(&a)
        .iter()
        .any(|t| t.contains("needs re-authorization: run `lumio connect twitch`")));
    // Another platform's mark is its own; an unknown platform changes nothing.
    a.update(bot("kick", "active"));
    assert_eq!(
        a.bots[crate::tui::state::pidx(Platform::Kick)].as_deref(),
        Some("active")
    );
    assert_eq!(a.bots[twitch].as_deref(), Some("needs_reauth"));
    let before = a.bots.clone();
    a.update(bot("myspace", "paused"));
    assert_eq!(a.bots, before);
}
