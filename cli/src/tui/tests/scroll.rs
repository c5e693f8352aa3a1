//! Scrolling, selecting and pausing, and the bounded scrollback.

use super::*;

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
