//! The Twitch connector against lumio-testkit's fake Twitch (no database: the connector is
//! given a token): every moderation call reaches its Helix endpoint and changes the fake's
//! state; Twitch's errors keep their status, error and message (a re-ban's 400 "already
//! banned", a missing scope's 401 naming it, a refused token's 401); a 429 is a wait taken from
//! `Ratelimit-Reset`; send, user look-up, follow status, emotes.

#![allow(clippy::unwrap_used)]

use lumio_server::platforms::connector::{ChannelRef, Connector, PlatformError};
use lumio_server::platforms::twitch::connector::TwitchConnector;
use lumio_testkit::twitch::FakeTwitch;

const MOD_SCOPES: &[&str] = &[
    "moderator:manage:banned_users",
    "moderator:manage:chat_messages",
    "moderator:manage:warnings",
    "moderator:manage:suspicious_users",
    "channel:manage:moderators",
    "user:write:chat",
    "moderator:read:followers",
];

fn connector(fake: &FakeTwitch) -> TwitchConnector {
    TwitchConnector::new(reqwest::Client::new(), &fake.helix_url(), fake.client_id())
}

#[tokio::test]
async fn moderation_calls_reach_twitch_and_errors_keep_its_words() {
    let fake = FakeTwitch::start().await.unwrap();
    let tw = connector(&fake);
    let b = &fake.broadcaster;
    let token = fake.issue_user_token(&b.id, MOD_SCOPES).access_token;
    let ch = ChannelRef {
        broadcaster_id: b.id.clone(),
        acting_user_id: b.id.clone(),
    };
    let viewer = &fake.viewer.id;

    tw.ban(&token, &ch, viewer, None, Some("spam"))
        .await
        .unwrap();
    assert!(fake.ban_of(&b.id, viewer).is_some());
    // A re-ban: Twitch's 400 with its message (the delivery worker treats it as sent).
    match tw.ban(&token, &ch, viewer, None, None).await.unwrap_err() {
        PlatformError::Api {
            status, message, ..
        } => {
            assert_eq!(status, 400);
            assert!(message.contains("already banned"), "{message}");
        }
        e => panic!("not an API error: {e:?}"),
    }
    tw.unban(&token, &ch, viewer).await.unwrap();
    assert!(fake.ban_of(&b.id, viewer).is_none());
    tw.ban(&token, &ch, viewer, Some(600), None).await.unwrap();
    assert!(fake.ban_of(&b.id, viewer).unwrap().ends_at.is_some());

    let msg = fake.inject_chat(&b.id, viewer, "bad words").unwrap();
    tw.delete(&token, &ch, Some(&msg)).await.unwrap();
    tw.warn(&token, &ch, viewer, "be nice").await.unwrap();
    tw.set_treatment(&token, &ch, viewer, Some("restricted"))
        .await
        .unwrap();
    assert!(fake
        .suspicious_status(&b.id, viewer)
        .is_some_and(|s| s.eq_ignore_ascii_case("restricted")));
    tw.set_treatment(&token, &ch, viewer, None).await.unwrap();
    // The fake's moderator is one already: unmod, then mod again (a re-mod after a timeout).
    tw.set_moderator(&token, &ch, &fake.moderator.id, false)
        .await
        .unwrap();
    assert!(!fake.is_moderator(&b.id, &fake.moderator.id));
    tw.set_moderator(&token, &ch, &fake.moderator.id, true)
        .await
        .unwrap();
    assert!(fake.is_moderator(&b.id, &fake.moderator.id));

    tw.send(&token, &ch, "hello").await.unwrap();
    assert_eq!(fake.sent_messages().last().unwrap().2, "hello");
    let u = tw
        .user_by_login(&token, &fake.viewer.login)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(u.id, *viewer);
    assert_eq!(tw.user_by_login(&token, "nobody_here").await.unwrap(), None);
    fake.add_follower(&b.id, viewer);
    assert!(tw
        .follow_status(&token, &ch, viewer)
        .await
        .unwrap()
        .is_some());
    tw.channel_emotes(&token, &ch).await.unwrap();

    let bare = fake
        .issue_user_token(&b.id, &["user:write:chat"])
        .access_token;
    // A scope not granted: Twitch's 401 naming the scope, not a refused token (no refresh).
    let e = tw.ban(&bare, &ch, viewer, None, None).await.unwrap_err();
    assert!(matches!(e, PlatformError::Api { status: 401, .. }), "{e:?}");
    assert!(
        e.to_string().contains("moderator:manage:banned_users"),
        "{e}"
    );
    assert!(!e.is_transient());
    // A refused token.
    fake.revoke_token(&bare);
    let e = tw.send(&bare, &ch, "x").await.unwrap_err();
    assert!(matches!(e, PlatformError::Unauthorized { .. }), "{e:?}");
    // 429: a wait, from Ratelimit-Reset.
    fake.exhaust_rate_limit(&token);
    match tw.unban(&token, &ch, viewer).await.unwrap_err() {
        e @ PlatformError::RateLimited { .. } => {
            assert!(e.is_transient());
            let PlatformError::RateLimited { retry_after, .. } = e else {
                unreachable!()
            };
            assert!(retry_after.as_secs() >= 1 && retry_after.as_secs() <= 60);
        }
        e => panic!("not a rate limit: {e:?}"),
    }
}
