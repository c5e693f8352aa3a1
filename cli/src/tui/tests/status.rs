//! The log pane and the status bar.

use super::*;

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
