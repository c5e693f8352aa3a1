//! The send prompt, the command line, completion and remapped keys.

use super::*;

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
fn remapped_keys() {
    use std::collections::BTreeMap;
    let mut a = app_with(3);
    a.keymap = crate::tui::keymap::Keymap::from_config(
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
