//! Every screen as an insta snapshot of a TestBackend (text), plus the styles text cannot
//! show: highlights, strike-through, grey.

use crossterm::event::KeyCode;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

use super::*;
use crate::api::live::LiveEvent;
use crate::api::live_controls::StreamState;
use crate::tui::state::{CardData, Chatter};
use crate::tui::tests::{
    app_with, code, ctrl, key, live, message, msg, msg_of, typed, uid, user_event, with_emote,
};
use crate::tui::update::Input;

fn buffer(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Input::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    text(&buffer(app, w, h))
}

/// The row and column where `needle` starts.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let t = text(buf);
    for (y, line) in t.lines().enumerate() {
        if let Some(i) = line.find(needle) {
            let x = line[..i].chars().count();
            return Some((x as u16, y as u16));
        }
    }
    None
}

fn streams(app: &mut App) {
    let st = |p: &str, live: bool, bot: &str| StreamState {
        platform: p.into(),
        live,
        channel_name: None,
        bot: bot.into(),
    };
    app.update(Input::Streams(vec![
        st("twitch", true, "active"),
        st("youtube", false, "paused"),
        st("kick", false, "no_connection"),
        st("trovo", false, "active"),
        st("discord", false, "active"),
    ]));
}

#[test]
fn main_screen_at_80x24_and_120x40() {
    let mut app = app_with(30);
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("hello 30"), "{s}");
    assert!(!s.contains("hello 5 "), "only the newest fit: {s}");
    assert!(s.contains("live"), "{s}");
    assert!(
        s.contains("L log"),
        "the log pane collapses to its key: {s}"
    );
    assert_eq!(s.lines().count(), 24);
    insta::assert_snapshot!("main_screen_80x24", s);
    streams(&mut app);
    app.update(live(LiveEvent::UserBanned {
        cursor: "c".into(),
        user: user_event("kick", "user2"),
    }));
    let s = screen(&mut app, 80, 24);
    let status = s.lines().nth(22).unwrap();
    assert!(status.contains("1TW●✓ 2YT‖ 3KI× 4TR✓ 5DC✓"), "{status}");
    assert!(
        status.contains("L log·1"),
        "what the hidden pane missed: {status}"
    );
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("moderation log"), "{s}");
    insta::assert_snapshot!("main_screen_120x40", s);
}

/// Issue 16: the status said `live` while the moderator was scrolled back.
#[test]
fn paused_with_n_new() {
    let mut app = app_with(30);
    app.update(key('k'));
    app.update(key('k'));
    for i in 31..=37 {
        app.update(msg(i, "kick", "late", &format!("late {i}")));
    }
    let buf = buffer(&mut app, 100, 16);
    let s = text(&buf);
    let status = s.lines().nth(14).unwrap();
    assert!(status.contains("paused · 7 new"), "{status}");
    assert!(!status.contains("live "), "{status}");
    assert!(
        s.contains("hello 29") && !s.contains("late 31"),
        "the view stays: {s}"
    );
    let (x, y) = find(&buf, "hello 29").unwrap();
    assert_eq!(
        buf[(x, y)].bg,
        chat::SELECTED_BG,
        "the selection is highlighted"
    );
    insta::assert_snapshot!("paused", s);
    app.update(code(KeyCode::End));
    let s = text(&buffer(&mut app, 100, 16));
    assert!(
        s.contains("late 37") && s.lines().nth(14).unwrap().contains("live"),
        "{s}"
    );
}

/// Issue 16: long messages were cut at the pane's edge; the deleted marker showed as `(d`.
#[test]
fn long_messages_wrap_with_a_hanging_indent() {
    let mut app = app_with(0);
    app.update(msg(1, "twitch", "f0llow_b0t_2", "CLICK HERE for free gift cards https://scam.example/gift/card/claim?id=1234567890 before they are gone!!!"));
    app.update(msg(
        2,
        "kick",
        "chillguy",
        "Want to become famous? Buy followers, primes and viewers on streamboost dot biz",
    ));
    app.update(live(LiveEvent::MessageDeleted {
        cursor: "d".into(),
        message_id: "m2".into(),
        platform: "kick".into(),
        user_id: uid("kick", "chillguy"),
        deleted_by: "Milo Mod".into(),
    }));
    let buf = buffer(&mut app, 60, 16);
    let s = text(&buf);
    let rows: Vec<&str> = s.lines().map(|l| l.trim_matches('│').trim()).collect();
    assert!(
        rows.concat()
            .contains("https://scam.example/gift/card/claim?id=1234567890"),
        "the whole URL: {s}"
    );
    let chat = rows.join(" ");
    assert!(chat.contains("before they are gone!!!"), "{s}");
    assert!(chat.contains("(deleted by Milo Mod)"), "{s}");
    // Continuation rows start under the text.
    let next = s
        .lines()
        .skip_while(|l| !l.contains("f0llow_b0t_2:"))
        .nth(1)
        .unwrap();
    let indent = next.chars().skip(1).take_while(|c| *c == ' ').count();
    assert!(indent >= 12, "a hanging indent: {next:?}");
    let (x, y) = find(&buf, "streamboost").unwrap();
    assert!(
        buf[(x, y)].modifier.contains(Modifier::CROSSED_OUT),
        "struck through"
    );
    let (x, y) = find(&buf, "deleted by").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::CROSSED_OUT));
    insta::assert_snapshot!("wrapped_and_deleted", s);
}

/// Issue 16: a timeout was invisible in chat.
#[test]
fn timeouts_and_bans_grey_the_chatter_and_say_so() {
    let mut app = app_with(4);
    app.update(msg(5, "trovo", "loudguy", "CAPS LOCK IS CRUISE CONTROL"));
    app.update(msg(6, "trovo", "loudguy", "WHY IS NOBODY ANSWERING"));
    let mut u = user_event("trovo", "loudguy");
    u.duration_seconds = Some(600);
    u.reason = Some("caps".into());
    app.update(live(LiveEvent::UserTimedOut {
        cursor: "t".into(),
        user: u,
    }));
    app.update(live(LiveEvent::UserBanned {
        cursor: "b".into(),
        user: user_event("kick", "user2"),
    }));
    let buf = buffer(&mut app, 100, 14);
    let s = text(&buf);
    assert!(
        s.contains("loudguy was timed out for 10m by Milo Mod: caps"),
        "{s}"
    );
    assert!(s.contains("user2 was banned by Milo Mod"), "{s}");
    let (x, y) = find(&buf, "WHY IS NOBODY").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::DarkGray, "greyed");
    let (x, y) = find(&buf, "hello 1").unwrap();
    assert_ne!(buf[(x, y)].fg, Color::DarkGray, "others are not");
    insta::assert_snapshot!("system_lines", s);
}

#[test]
fn highlights_are_coloured_like_chatterinos() {
    let mut app = app_with(0);
    app.highlighter =
        crate::tui::highlight::Highlighter::from_config(&crate::config::HighlightConfig {
            terms: vec!["giveaway".into()],
            ..Default::default()
        })
        .unwrap();
    app.highlighter.set_me(&["mod"]);
    app.update(msg(2, "twitch", "ann", "hey @mod are you there"));
    app.update(msg(3, "twitch", "bob", "is the giveaway still on"));
    app.update(msg(4, "twitch", "cat", "nothing to see"));
    app.update(msg_of(with_emote(
        message(5, "twitch", "dan", "so good"),
        "Kappa",
    )));
    let buf = buffer(&mut app, 80, 10);
    let bg = |needle: &str| {
        let (x, y) = find(&buf, needle).unwrap();
        buf[(x, y)].bg
    };
    assert_eq!(bg("are you there"), crate::tui::highlight::MENTION_BG);
    assert_eq!(bg("still on"), crate::tui::highlight::MENTION_BG);
    assert_eq!(bg("nothing to see"), Color::Reset);
    let (x, y) = find(&buf, "Kappa").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Magenta, "emotes in colour");
}

/// Issue 16: the card kept `ban none` and listed none of the chatter's messages.
#[test]
fn the_user_card() {
    let mut app = app_with(5);
    app.update(key('k'));
    app.update(key('u'));
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("user5 (twitch)") && s.contains("loading"), "{s}");
    let who = Chatter {
        platform: crate::platform::Platform::Twitch,
        user_id: uid("twitch", "user5"),
        name: "user5".into(),
    };
    let mut p = crate::tui::tests::profile_for(&who);
    p.ban.state = "timed_out".into();
    p.ban.seconds_left = Some(590);
    p.ban.reason = Some("caps".into());
    p.treatment = "restricted".into();
    p.note_count = 1;
    let notes = vec![crate::api::model::Note {
        id: "n".into(),
        account_id: "a".into(),
        platform: "twitch".into(),
        platform_user_id: who.user_id.clone(),
        note: "spams links".into(),
        created_by: None,
        created_by_name: "Milo Mod".into(),
        created_at: "2026-11-23T10:00:00Z".into(),
        updated_at: "2026-11-23T10:00:00Z".into(),
    }];
    let log = vec![crate::api::moderation::LogEntry {
        id: "l".into(),
        platform: "twitch".into(),
        platform_user_id: who.user_id.clone(),
        target_username: Some("user5".into()),
        target_message_id: None,
        action: "timeout".into(),
        reason: Some("caps".into()),
        duration_seconds: Some(600),
        moderator_id: None,
        moderator_name: "Milo Mod".into(),
        created_at: "2026-11-23T12:30:00Z".into(),
        delivery_status: None,
        delivery_error: None,
    }];
    let messages = std::iter::once(message(5, "twitch", "user5", "hello 5"))
        .chain((0..12).map(|i| {
            let mut m = message(
                100 + i,
                "twitch",
                "user5",
                &format!("older message number {i} with a few more words to wrap"),
            );
            m.created_at = format!("2026-11-22T1{}:00:00Z", i % 10);
            m
        }))
        .collect();
    let data = CardData {
        profile: Some(p),
        notes,
        log,
        messages,
        errors: Vec::new(),
    };
    app.update(Input::Card(who, Box::new(data)));
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("ban timed out, 9m50s left:"), "{s}");
    assert!(s.contains("restricted"), "{s}");
    assert!(s.contains("Milo Mod: spams links"), "{s}");
    assert!(s.contains("recent messages (13)"), "{s}");
    assert!(s.contains("older message number 0"), "{s}");
    assert!(s.contains("timeout 10m by Milo Mod:"), "{s}");
    insta::assert_snapshot!("user_card", s);
    // Scrolled down its messages.
    for _ in 0..8 {
        app.update(code(KeyCode::Down));
    }
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("older message number 8"), "{s}");
    insta::assert_snapshot!("user_card_scrolled", s);
}

#[test]
fn help_lists_every_key_and_glyph() {
    let mut app = app_with(3);
    app.update(key('?'));
    let s = screen(&mut app, 100, 80);
    for (name, _, k, _) in crate::tui::keymap::ACTIONS {
        assert!(s.contains(&format!("{k}")), "{name}: {s}");
    }
    for (g, what) in crate::tui::state::GLYPHS {
        assert!(
            s.contains(&g.to_string()) && s.contains(what),
            "{g} {what}: {s}"
        );
    }
    assert!(s.contains("Ctrl-U"), "{s}");
    insta::assert_snapshot!("help", s);
    // Scrolls, and any other key closes it.
    app.update(code(KeyCode::Down));
    assert!(matches!(
        app.mode,
        crate::tui::state::Mode::Help { scroll: 1 }
    ));
    app.update(key('x'));
    assert_eq!(app.mode, crate::tui::state::Mode::Normal);
}

#[test]
fn prompts_confirmations_and_choices() {
    let mut app = app_with(5);
    app.update(key('k'));
    app.update(key('t'));
    let s = screen(&mut app, 100, 10);
    assert!(
        s.contains("time out user5: 1) 1m 2) 10m 3) 1h 4) 1d"),
        "{s}"
    );
    insta::assert_snapshot!("timeout_prompt", s);
    app.update(code(KeyCode::Esc));
    app.update(key('b'));
    let s = screen(&mut app, 100, 10);
    assert!(s.contains("Ban user5 on twitch? y/n"), "{s}");
    insta::assert_snapshot!("ban_confirmation", s);
    app.update(key('n'));
    app.update(key('i'));
    app.update(ctrl('t'));
    typed(&mut app, "hello chat");
    let s = screen(&mut app, 100, 10);
    assert!(
        s.contains("send to  twitch  kick  trovo  (Ctrl-T) › hello chat"),
        "{s}"
    );
    insta::assert_snapshot!("send_prompt", s);
    app.update(code(KeyCode::Esc));
    app.update(key('/'));
    typed(&mut app, "regex:([");
    let s = screen(&mut app, 100, 10);
    assert!(s.contains("✗ regex:([ is not a regular expression"), "{s}");
    assert!(s.contains("hello 5"), "the chat is not emptied: {s}");
    insta::assert_snapshot!("filter_error", s);
    app.update(code(KeyCode::Esc));
    for (i, p) in crate::tui::tests::PS.iter().enumerate() {
        app.update(msg(50 + i as u32, p, "f0llow_b0t_1", "FREE FOLLOWERS"));
    }
    app.update(key(':'));
    typed(&mut app, "ban f0llow_b0t_1");
    app.update(code(KeyCode::Enter));
    let s = screen(&mut app, 100, 16);
    assert!(s.contains("chats on 5 platforms"), "{s}");
    assert!(s.contains("1) discord f0llow_b0t_1"), "{s}");
    insta::assert_snapshot!("which_platform", s);
}

#[test]
fn the_log_pane_entries_and_its_narrow_toggle() {
    let mut app = app_with(6);
    app.update(Input::ModLog(vec![crate::api::moderation::LogEntry {
        id: "l".into(),
        platform: "kick".into(),
        platform_user_id: uid("kick", "user2"),
        target_username: Some(String::new()),
        target_message_id: None,
        action: "ban".into(),
        reason: Some("spam bot".into()),
        duration_seconds: None,
        moderator_id: None,
        moderator_name: "Ada Owner".into(),
        created_at: "2026-11-23T11:00:00Z".into(),
        delivery_status: None,
        delivery_error: None,
    }]));
    let mut u = user_event("trovo", "user3");
    u.duration_seconds = Some(600);
    u.reason = Some("caps lock, twice in a row".into());
    app.update(live(LiveEvent::UserTimedOut {
        cursor: "t".into(),
        user: u,
    }));
    app.update(live(LiveEvent::MessageDeleted {
        cursor: "d".into(),
        message_id: "m4".into(),
        platform: "discord".into(),
        user_id: uid("discord", "user4"),
        deleted_by: "Milo Mod".into(),
    }));
    assert_eq!(
        app.modlog
            .iter()
            .map(|e| e.target.as_str())
            .collect::<Vec<_>>(),
        ["user4", "user3", "user2"],
        "names, never ids or blanks"
    );
    let s = screen(&mut app, 120, 20);
    assert!(s.contains("12:34:56 TR Milo Mod → user3"), "{s}");
    assert!(
        s.contains("timeout 10m:") && s.contains("caps lock, twice in a row"),
        "{s}"
    );
    assert!(s.contains("11:00:00 KI Ada Owner → user2 ban"), "{s}");
    insta::assert_snapshot!("log_pane", s);
    // At 80 columns it folds to its key, and comes back over the chat.
    let s = screen(&mut app, 80, 20);
    assert!(!s.contains("moderation log"), "{s}");
    app.update(key('L'));
    let s = screen(&mut app, 80, 20);
    assert!(s.contains("moderation log"), "{s}");
    insta::assert_snapshot!("log_pane_narrow", s);
}

#[test]
fn evicted_selection_and_empty_filter_say_so() {
    let mut app = app_with(100);
    app.update(key('k'));
    for i in 101..=200 {
        app.update(msg(i, "kick", "flood", &format!("flood {i}")));
    }
    let s = screen(&mut app, 100, 12);
    assert!(
        s.contains("the selected message left the scrollback"),
        "{s}"
    );
    assert!(s.contains("paused · 100 new"), "{s}");
    insta::assert_snapshot!("selection_evicted", s);
    app.update(code(KeyCode::End));
    app.update(key(':'));
    typed(&mut app, "filter from:nobody");
    app.update(code(KeyCode::Enter));
    let s = screen(&mut app, 100, 12);
    assert!(
        s.contains("no message matches the filter `from:nobody`"),
        "{s}"
    );
    insta::assert_snapshot!("nothing_matches", s);
}
