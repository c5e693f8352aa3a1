//! The `/_control` HTTP routes (for a fake run outside the test process) do what the handle's
//! methods do.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::{http, next_message, quick_fake, session, subscribe};
use serde_json::json;

#[tokio::test]
async fn control_routes_inject_chat_bans_and_device_approvals() {
    let fake = quick_fake().await;
    let b = fake.broadcaster.id.clone();
    let (mut ws, sid) = session(&fake, 10).await;
    let owner = fake.issue_user_token(&b, &["user:read:chat", "channel:moderate"]);
    subscribe(
        &fake,
        &owner.access_token,
        &sid,
        "channel.chat.message",
        "1",
        json!({"broadcaster_user_id": b, "user_id": b}),
    )
    .await;
    subscribe(
        &fake,
        &owner.access_token,
        &sid,
        "channel.ban",
        "1",
        json!({"broadcaster_user_id": b}),
    )
    .await;

    let r = http()
        .get(format!("{}/_control/sessions", fake.base_url()))
        .send()
        .await
        .unwrap();
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["sessions"], json!([sid]));

    let r = http()
        .post(format!("{}/_control/chat", fake.base_url()))
        .json(&json!({"broadcaster_id": b, "user_id": fake.viewer.id, "text": "from outside"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        next_message(&mut ws).await["payload"]["event"]["message"]["text"],
        "from outside"
    );

    let r = http()
        .post(format!("{}/_control/ban", fake.base_url()))
        .json(&json!({"moderator_id": fake.moderator.id, "broadcaster_id": b, "user_id": fake.viewer.id, "reason": "r"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let ban = next_message(&mut ws).await;
    assert_eq!(ban["payload"]["event"]["moderator_user_login"], "other_mod");

    let d: serde_json::Value = http()
        .post(format!("{}/device", fake.oauth_url()))
        .form(&[
            ("client_id", fake.client_id()),
            ("scopes", "user:read:chat"),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let approve = |code: String| {
        http()
            .post(format!("{}/_control/device/approve", fake.base_url()))
            .json(&json!({"user_code": code, "user_id": fake.bot.id}))
            .send()
    };
    assert_eq!(
        approve(d["user_code"].as_str().unwrap().to_string())
            .await
            .unwrap()
            .status()
            .as_u16(),
        204
    );
    assert_eq!(
        approve("NOSUCHCODE".into())
            .await
            .unwrap()
            .status()
            .as_u16(),
        404
    );
}
