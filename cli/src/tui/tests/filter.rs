//! Platform toggles, the filter and mention highlights.

use super::*;

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
