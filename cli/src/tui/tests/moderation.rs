//! Moderation in the chat and from the user card: what shows, what is sent, delivery.

use super::*;

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
