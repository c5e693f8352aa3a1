//! The fake's EventSub WebSocket, driven with a real WebSocket client and real Helix calls.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{
    body, helix, next_frame, next_message, next_non_keepalive, quick_fake, send_text, session,
    subscribe, Frame,
};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn welcome_keepalive_subscribe_and_notification() {
    let fake = quick_fake().await;
    let mut ws = common::connect(&format!(
        "{}?keepalive_timeout_seconds=1",
        fake.eventsub_ws_url()
    ))
    .await;
    let welcome = next_message(&mut ws).await;
    assert_eq!(welcome["metadata"]["message_type"], "session_welcome");
    assert!(welcome["metadata"]["message_id"].is_string());
    assert!(welcome["metadata"]["message_timestamp"].is_string());
    let s = &welcome["payload"]["session"];
    assert_eq!(s["status"], "connected");
    assert_eq!(s["keepalive_timeout_seconds"], 1);
    assert!(s["reconnect_url"].is_null());
    let session_id = s["id"].as_str().unwrap().to_string();

    let bot = fake.issue_user_token(&fake.bot.id, &["user:read:chat"]);
    let b = fake.broadcaster.id.clone();
    let (status, v) = subscribe(
        &fake,
        &bot.access_token,
        &session_id,
        "channel.chat.message",
        "1",
        json!({"broadcaster_user_id": b, "user_id": fake.bot.id}),
    )
    .await;
    assert_eq!(status, 202, "{v}");
    let sub = &v["data"][0];
    assert_eq!(sub["status"], "enabled");
    assert_eq!(sub["transport"]["method"], "websocket");
    assert_eq!(sub["transport"]["session_id"], session_id);
    assert_eq!(sub["cost"], 0, "the bot subscribes as itself");
    assert_eq!(
        (
            v["total"].clone(),
            v["total_cost"].clone(),
            v["max_total_cost"].clone()
        ),
        (json!(1), json!(0), json!(10))
    );

    // A raid nobody subscribed to is not delivered; the chat message is.
    fake.raid(&fake.viewer.id, &b, 5);
    let id = fake.inject_chat(&b, &fake.viewer.id, "Hi chat").unwrap();
    let n = next_message(&mut ws).await;
    let m = &n["metadata"];
    assert_eq!(m["message_type"], "notification");
    assert_eq!(m["subscription_type"], "channel.chat.message");
    assert_eq!(m["subscription_version"], "1");
    assert!(m["message_id"].is_string() && m["message_timestamp"].is_string());
    assert_eq!(n["payload"]["subscription"]["id"], sub["id"]);
    let e = &n["payload"]["event"];
    assert_eq!(e["message_id"], id);
    assert_eq!(e["chatter_user_login"], "some_viewer");
    assert_eq!(e["message"]["text"], "Hi chat");
    assert_eq!(e["message"]["fragments"][0]["type"], "text");

    // Silence brings a keepalive within the keepalive timeout.
    match next_frame(&mut ws, Duration::from_millis(1500)).await {
        Frame::Json(v) => {
            assert_eq!(v["metadata"]["message_type"], "session_keepalive");
            assert_eq!(v["payload"], json!({}));
        }
        other => panic!("expected a keepalive, got {other:?}"),
    }
    // With keepalives stopped, the client sees silence (to test its keepalive timeout).
    fake.set_keepalive_enabled(&session_id, false);
    assert!(matches!(
        next_frame(&mut ws, Duration::from_millis(1500)).await,
        Frame::Timeout
    ));
}

#[tokio::test]
async fn subscriptions_need_a_live_session_the_right_user_and_no_duplicate() {
    let fake = quick_fake().await;
    let (_ws, session_id) = session(&fake, 10).await;
    let b = fake.broadcaster.id.clone();
    let bot = fake.issue_user_token(&fake.bot.id, &["user:read:chat"]);
    let cond = json!({"broadcaster_user_id": b, "user_id": fake.bot.id});

    let (status, v) = subscribe(
        &fake,
        &bot.access_token,
        "AgoQnotasession",
        "channel.chat.message",
        "1",
        cond.clone(),
    )
    .await;
    assert_eq!((status, v["error"].clone()), (400, json!("Bad Request")));
    let (status, _) = subscribe(
        &fake,
        &bot.access_token,
        &session_id,
        "channel.chat.nonsense",
        "1",
        cond.clone(),
    )
    .await;
    assert_eq!(status, 400);
    // Reading chat as somebody else is not authorized.
    let (status, v) = subscribe(
        &fake,
        &bot.access_token,
        &session_id,
        "channel.chat.message",
        "1",
        json!({"broadcaster_user_id": b, "user_id": fake.viewer.id}),
    )
    .await;
    assert_eq!(
        (status, v["message"].clone()),
        (403, json!("subscription missing proper authorization"))
    );
    // Missing scope.
    let bare = fake.issue_user_token(&fake.bot.id, &[]);
    assert_eq!(
        subscribe(
            &fake,
            &bare.access_token,
            &session_id,
            "channel.chat.message",
            "1",
            cond.clone()
        )
        .await
        .0,
        403
    );

    let (status, created) = subscribe(
        &fake,
        &bot.access_token,
        &session_id,
        "channel.chat.message",
        "1",
        cond.clone(),
    )
    .await;
    assert_eq!(status, 202);
    assert_eq!(
        subscribe(
            &fake,
            &bot.access_token,
            &session_id,
            "channel.chat.message",
            "1",
            cond
        )
        .await
        .0,
        409
    );

    let (status, list) = body(
        helix(
            &fake,
            Method::GET,
            "/eventsub/subscriptions",
            &bot.access_token,
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], 1);
    assert_eq!(list["data"][0]["id"], created["data"][0]["id"]);
    assert_eq!(list["pagination"], json!({}));

    let id = created["data"][0]["id"].as_str().unwrap();
    let path = format!("/eventsub/subscriptions?id={id}");
    assert_eq!(
        helix(&fake, Method::DELETE, &path, &bot.access_token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        204
    );
    assert_eq!(
        helix(&fake, Method::DELETE, &path, &bot.access_token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );
}

#[tokio::test]
async fn reconnect_keeps_delivering_on_the_old_socket_until_the_new_one_is_welcomed() {
    let fake = quick_fake().await;
    let (mut old, old_id) = session(&fake, 10).await;
    let b = fake.broadcaster.id.clone();
    let bot = fake.issue_user_token(&fake.bot.id, &["user:read:chat"]);
    let (status, _) = subscribe(
        &fake,
        &bot.access_token,
        &old_id,
        "channel.chat.message",
        "1",
        json!({"broadcaster_user_id": b, "user_id": fake.bot.id}),
    )
    .await;
    assert_eq!(status, 202);

    assert!(fake.reconnect_session(&old_id));
    let r = next_message(&mut old).await;
    assert_eq!(r["metadata"]["message_type"], "session_reconnect");
    let s = &r["payload"]["session"];
    assert_eq!(
        (s["id"].as_str(), s["status"].as_str()),
        (Some(old_id.as_str()), Some("reconnecting"))
    );
    assert!(s["keepalive_timeout_seconds"].is_null());
    let url = s["reconnect_url"].as_str().unwrap().to_string();
    assert!(url.starts_with(&fake.eventsub_ws_url()));

    // Until the client moves, events still arrive on the old socket.
    fake.inject_chat(&b, &fake.viewer.id, "before").unwrap();
    assert_eq!(
        next_message(&mut old).await["payload"]["event"]["message"]["text"],
        "before"
    );

    let mut new = common::connect(&url).await;
    let welcome = next_message(&mut new).await;
    assert_eq!(welcome["metadata"]["message_type"], "session_welcome");
    let new_id = welcome["payload"]["session"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(new_id, old_id);
    // The old connection is then closed with 4004.
    assert!(matches!(
        next_frame(&mut old, Duration::from_secs(2)).await,
        Frame::Close(Some(4004))
    ));

    fake.inject_chat(&b, &fake.viewer.id, "after").unwrap();
    let n = next_message(&mut new).await;
    assert_eq!(n["payload"]["event"]["message"]["text"], "after");
    assert_eq!(
        n["payload"]["subscription"]["transport"]["session_id"],
        new_id
    );

    // A reconnect URL works once: a second use is an invalid reconnect (4007).
    let mut again = common::connect(&url).await;
    assert!(matches!(
        next_frame(&mut again, Duration::from_secs(2)).await,
        Frame::Close(Some(4007))
    ));
}

#[tokio::test]
async fn reconnect_grace_expiry_closes_the_old_socket_with_4004() {
    let fake = quick_fake().await; // grace: 3 s
    let (mut ws, id) = session(&fake, 10).await;
    let bot = fake.issue_user_token(&fake.bot.id, &[]);
    subscribe(
        &fake,
        &bot.access_token,
        &id,
        "stream.online",
        "1",
        json!({"broadcaster_user_id": fake.broadcaster.id}),
    )
    .await;
    assert!(fake.reconnect_session(&id));
    assert_eq!(
        next_message(&mut ws).await["metadata"]["message_type"],
        "session_reconnect"
    );
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(5)).await,
        Frame::Close(Some(4004))
    ));
}

#[tokio::test]
async fn a_ban_through_helix_is_echoed_as_eventsub_events_with_the_token_user_as_moderator() {
    let fake = quick_fake().await;
    let b = fake.broadcaster.id.clone();
    // The broadcaster's connection listens to channel.ban and channel.moderate v2.
    let owner = fake.issue_user_token(
        &b,
        &[
            "channel:moderate",
            "moderator:read:banned_users",
            "moderator:read:chat_messages",
            "moderator:read:moderators",
            "moderator:read:warnings",
        ],
    );
    let (mut ws, sid) = session(&fake, 10).await;
    assert_eq!(
        subscribe(
            &fake,
            &owner.access_token,
            &sid,
            "channel.ban",
            "1",
            json!({"broadcaster_user_id": b})
        )
        .await
        .0,
        202
    );
    assert_eq!(
        subscribe(
            &fake,
            &owner.access_token,
            &sid,
            "channel.moderate",
            "2",
            json!({"broadcaster_user_id": b, "moderator_user_id": b})
        )
        .await
        .0,
        202
    );

    let bot = fake.issue_user_token(&fake.bot.id, &["moderator:manage:banned_users"]);
    let path = format!(
        "/moderation/bans?broadcaster_id={b}&moderator_id={}",
        fake.bot.id
    );
    let r = helix(&fake, Method::POST, &path, &bot.access_token)
        .json(&json!({"data": {"user_id": fake.viewer.id, "duration": 300, "reason": "calm down"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);

    let ban = next_message(&mut ws).await;
    assert_eq!(ban["metadata"]["subscription_type"], "channel.ban");
    let e = &ban["payload"]["event"];
    assert_eq!(e["moderator_user_id"], fake.bot.id);
    assert_eq!(e["moderator_user_login"], "lumio_bot");
    assert_eq!(e["user_id"], fake.viewer.id);
    assert_eq!(e["reason"], "calm down");
    assert_eq!(e["is_permanent"], false);
    assert!(e["ends_at"].is_string() && e["banned_at"].is_string());

    let m = next_message(&mut ws).await;
    assert_eq!(m["metadata"]["subscription_type"], "channel.moderate");
    assert_eq!(m["metadata"]["subscription_version"], "2");
    let e = &m["payload"]["event"];
    assert_eq!(e["action"], "timeout");
    assert_eq!(e["moderator_user_id"], fake.bot.id);
    assert_eq!(e["timeout"]["user_id"], fake.viewer.id);
    assert!(e["ban"].is_null() && e["warn"].is_null());

    // Another moderator acting on Twitch itself arrives the same way, naming them.
    fake.unban_as(&fake.moderator.id, &b, &fake.viewer.id)
        .unwrap();
    let m = next_message(&mut ws).await;
    // channel.unban has no subscription here; channel.moderate carries it.
    assert_eq!(m["payload"]["event"]["action"], "untimeout");
    assert_eq!(m["payload"]["event"]["moderator_user_login"], "other_mod");
}

#[tokio::test]
async fn revocation_names_the_reason_and_stops_that_subscription() {
    let fake = quick_fake().await;
    let b = fake.broadcaster.id.clone();
    let (mut ws, sid) = session(&fake, 10).await;
    let bot = fake.issue_user_token(&fake.bot.id, &["user:read:chat"]);
    let (_, chat) = subscribe(
        &fake,
        &bot.access_token,
        &sid,
        "channel.chat.message",
        "1",
        json!({"broadcaster_user_id": b, "user_id": fake.bot.id}),
    )
    .await;
    subscribe(
        &fake,
        &bot.access_token,
        &sid,
        "stream.online",
        "1",
        json!({"broadcaster_user_id": b}),
    )
    .await;
    let chat_id = chat["data"][0]["id"].as_str().unwrap();

    assert!(fake.revoke_subscription(chat_id, "authorization_revoked"));
    let r = next_message(&mut ws).await;
    assert_eq!(r["metadata"]["message_type"], "revocation");
    assert_eq!(r["metadata"]["subscription_type"], "channel.chat.message");
    assert_eq!(r["payload"]["subscription"]["id"], chat_id);
    assert_eq!(
        r["payload"]["subscription"]["status"],
        "authorization_revoked"
    );
    assert!(r["payload"].get("event").is_none());

    fake.inject_chat(&b, &fake.viewer.id, "lost").unwrap();
    fake.set_live(&b, true);
    let n = next_message(&mut ws).await;
    assert_eq!(n["metadata"]["subscription_type"], "stream.online");
    assert_eq!(n["payload"]["event"]["type"], "live");
}

#[tokio::test]
async fn close_codes_inbound_traffic_unused_connections_and_drops() {
    let fake = quick_fake().await;
    let bot = fake.issue_user_token(&fake.bot.id, &[]);
    let b = fake.broadcaster.id.clone();

    // Inbound traffic: 4001.
    let (mut ws, sid) = session(&fake, 10).await;
    subscribe(
        &fake,
        &bot.access_token,
        &sid,
        "stream.online",
        "1",
        json!({"broadcaster_user_id": b}),
    )
    .await;
    send_text(&mut ws, "hello?").await;
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(2)).await,
        Frame::Close(Some(4001))
    ));

    // A server-side close with a documented code; the subscription records why.
    let (mut ws, sid) = session(&fake, 10).await;
    subscribe(
        &fake,
        &bot.access_token,
        &sid,
        "stream.offline",
        "1",
        json!({"broadcaster_user_id": b}),
    )
    .await;
    assert!(fake.close_session(&sid, 4005));
    assert!(!fake.close_session(&sid, 4999), "only the documented codes");
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(2)).await,
        Frame::Close(Some(4005))
    ));
    tokio::time::sleep(Duration::from_millis(100)).await;
    let subs = fake.subscriptions();
    let off = subs.iter().find(|s| s["type"] == "stream.offline").unwrap();
    assert_eq!(off["status"], "websocket_network_timeout");
    assert!(off["transport"]["disconnected_at"].is_string());

    // No subscription within the keepalive window: 4003.
    let (mut ws, _) = session(&fake, 1).await;
    let f = next_non_keepalive(&mut ws, Duration::from_secs(3)).await;
    assert!(matches!(f, Frame::Close(Some(4003))), "{f:?}");

    // A dropped connection ends without a close frame.
    let (mut ws, sid) = session(&fake, 10).await;
    assert!(fake.drop_session(&sid));
    assert!(matches!(
        next_frame(&mut ws, Duration::from_secs(2)).await,
        Frame::Gone
    ));
}

#[tokio::test]
async fn the_chat_generator_delivers_the_requested_number_of_notifications() {
    let fake = quick_fake().await;
    let b = fake.broadcaster.id.clone();
    let (mut ws, sid) = session(&fake, 10).await;
    let bot = fake.issue_user_token(&fake.bot.id, &["user:read:chat"]);
    subscribe(
        &fake,
        &bot.access_token,
        &sid,
        "channel.chat.message",
        "1",
        json!({"broadcaster_user_id": b, "user_id": fake.bot.id}),
    )
    .await;
    let load = fake.start_chat_load(&b, 500, Some(100));
    let mut seen = 0;
    while seen < 100 {
        let n = next_message(&mut ws).await;
        assert_eq!(n["metadata"]["subscription_type"], "channel.chat.message");
        seen += 1;
    }
    assert_eq!(load.stop().await, 100);
    assert!(matches!(
        next_frame(&mut ws, Duration::from_millis(300)).await,
        Frame::Timeout
    ));
}
