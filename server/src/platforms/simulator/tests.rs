//! The simulator against the real server: traffic, moderation over REST, determinism.

use super::*;

#[test]
fn messages_are_valid_and_varied() {
    let mut rng = Rng::new(7);
    let mut platforms = std::collections::HashSet::new();
    let mut spam = 0;
    for n in 0..2000 {
        let m = message(&mut rng, n);
        crate::chat::service::validate(Uuid::nil(), &m).expect("valid");
        platforms.insert(m.platform.clone());
        let platform: Platform = m.platform.parse().unwrap();
        assert!(platform.is_user_id(&m.user_id), "{platform} {}", m.user_id);
        if m.username.starts_with("f0llow_b0t_") {
            spam += 1;
        }
    }
    assert_eq!(platforms.len(), 5);
    assert!((20..200).contains(&spam), "{spam}");
    // The same chatter keeps their id; different chatters have different ones.
    assert_eq!(
        user_id(Platform::Discord, "ada.dev"),
        user_id(Platform::Discord, "ada.dev")
    );
    assert_ne!(
        user_id(Platform::Twitch, "frostbyte"),
        user_id(Platform::Twitch, "PixelPanda")
    );
    for p in Platform::ALL {
        for who in ["a", "xX_Sniper_Xx", "visitor99999", "f0llow_b0t_2"] {
            assert!(p.is_user_id(&user_id(p, who)), "{p} {who}");
        }
    }
}

/// Issue 16: in the demo a chatter's name colour and badges changed from message to
/// message.
#[test]
fn a_chatter_keeps_their_colour_and_badges() {
    let mut rng = Rng::new(11);
    let mut looks: HashMap<(String, String), (Option<String>, Vec<String>)> = HashMap::new();
    let mut badged = 0;
    for n in 0..5000 {
        let m = message(&mut rng, n);
        badged += usize::from(!m.badges.is_empty());
        let look = (m.color.clone(), m.badges.clone());
        let seen = looks
            .entry((m.platform.clone(), m.user_id.clone()))
            .or_insert_with(|| look.clone());
        assert_eq!(*seen, look, "{} {}", m.platform, m.username);
    }
    assert!(looks.len() > 100, "many chatters: {}", looks.len());
    assert!((500..2500).contains(&badged), "some have badges: {badged}");
    let colours: std::collections::HashSet<_> = looks.values().map(|(c, _)| c).collect();
    assert!(colours.len() > 5, "chatters differ: {colours:?}");
}

fn user(platform: &str, id: &str, secs: Option<i64>) -> crate::chat::model::UserEvent {
    crate::chat::model::UserEvent {
        platform: platform.into(),
        user_id: id.into(),
        duration_seconds: secs,
        moderator: "Milo Mod".into(),
        ..Default::default()
    }
}

#[test]
fn banned_stay_silent_timed_out_until_the_end() {
    let t0 = Instant::now();
    let mut s = Silenced::default();
    assert!(!s.is_silent("twitch", "1", t0));
    let ban = ChatEvent::UserBanned {
        cursor: "c".into(),
        user: user("twitch", "1", None),
    };
    s.apply(&ban, t0);
    let timeout = ChatEvent::UserTimedOut {
        cursor: "c".into(),
        user: user("kick", "2", Some(600)),
    };
    s.apply(&timeout, t0);
    let day = Duration::from_secs(86_400);
    assert!(s.is_silent("twitch", "1", t0 + day), "banned for good");
    assert!(
        !s.is_silent("kick", "1", t0),
        "on another platform it is someone else"
    );
    assert!(s.is_silent("kick", "2", t0 + Duration::from_secs(599)));
    assert!(
        !s.is_silent("kick", "2", t0 + Duration::from_secs(601)),
        "the timeout ended"
    );
    s.apply(
        &ChatEvent::UserUnbanned {
            cursor: "c".into(),
            user: user("twitch", "1", None),
        },
        t0,
    );
    assert!(!s.is_silent("twitch", "1", t0));
}

/// Issue 16: timed-out and banned simulated chatters kept talking. A ban and a timeout
/// taken through the moderation service (as from any client) silence the chatter.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moderated_chatters_fall_silent() {
    use crate::chat::model::ChatFilterInput;
    use crate::testing::{TestOptions, TestServer};
    let Some(s) = TestServer::start(
        TestOptions::sqlite(),
        "platforms::simulator::moderated_chatters_fall_silent",
    )
    .await
    else {
        return;
    };
    let sim = tokio::spawn(run(
        s.state.clone(),
        SimulatorConfig {
            account_slug: "demo".into(),
            rate: 300.0,
            seed: 5,
            skip: Vec::new(),
        },
    ));
    let ctx = AccountCtx {
        permissions: [Permission::ChatRead]
            .into_iter()
            .collect::<PermissionSet>(),
        ..connector_ctx(&s.state, "demo").await.unwrap()
    };
    // The moderator acts over REST, as any client would.
    let http = reqwest::Client::new();
    let login: serde_json::Value = http
        .post(format!("{}/v1/auth/login", s.url))
        .json(&serde_json::json!({"username": "mod", "password": "lumio-mod"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["token"].as_str().unwrap().to_string();
    let of = |platform: &str, user: &str| ChatFilterInput {
        platform: Some(platform.into()),
        user: Some(user.into()),
        limit: Some(500),
        ..ChatFilterInput::default()
    };
    // Two regulars of Twitch who have talked.
    let talked = |p: &str, u: &str| {
        let (state, ctx, q) = (s.state.clone(), ctx.clone(), of(p, u));
        async move {
            crate::chat::service::history(&state, &ctx, &q)
                .await
                .unwrap()
                .messages
        }
    };
    let mut regulars = Vec::new();
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        regulars.clear();
        for name in ["kappa_king", "frostbyte", "PixelPanda", "NightOwlNina"] {
            if let Some(m) = talked("twitch", name).await.first() {
                regulars.push(m.user_id.clone());
            }
        }
        if regulars.len() >= 2 {
            break;
        }
    }
    assert!(regulars.len() >= 2, "the simulator talks");
    let (banned, timed_out) = (regulars[0].clone(), regulars[1].clone());
    for body in [
        serde_json::json!({"platform": "twitch", "action": "ban", "platform_user_id": banned}),
        serde_json::json!({"platform": "twitch", "action": "timeout", "platform_user_id": timed_out,
            "duration_seconds": 4}),
    ] {
        let r = http
            .post(format!("{}/v1/chat/moderate", s.url))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
    }
    let since = chrono::Utc::now() + chrono::Duration::milliseconds(300);
    let after = |msgs: Vec<crate::chat::model::ChatMessage>| {
        msgs.into_iter().filter(|m| m.created_at > since).count()
    };
    // While the timeout lasts, neither talks …
    tokio::time::sleep(Duration::from_millis(3000)).await;
    assert_eq!(after(talked("twitch", &banned).await), 0, "banned: silent");
    assert_eq!(
        after(talked("twitch", &timed_out).await),
        0,
        "timed out: silent"
    );
    // … then the timed-out one talks again; the banned one never does.
    let mut back = 0;
    for _ in 0..150 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        back = after(talked("twitch", &timed_out).await);
        if back > 0 {
            break;
        }
    }
    assert!(back > 0, "the timed-out chatter talks again after 4 s");
    assert_eq!(
        after(talked("twitch", &banned).await),
        0,
        "banned: still silent"
    );
    sim.abort();
    s.stop().await;
}
