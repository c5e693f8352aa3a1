//! The fake's Helix, driven with a real HTTP client: auth, rate limit, moderation and the rest.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::{body, helix, http, quick_fake};
use reqwest::Method;
use serde_json::json;

const BAN_SCOPE: &str = "moderator:manage:banned_users";

fn rl(r: &reqwest::Response, h: &str) -> i64 {
    r.headers()
        .get(h)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{h} header missing"))
}

#[tokio::test]
async fn missing_bad_or_mismatched_credentials_get_twitchs_401s() {
    let fake = quick_fake().await;
    let r = http()
        .get(format!("{}/users", fake.helix_url()))
        .send()
        .await
        .unwrap();
    assert!(r.headers().contains_key("ratelimit-limit"));
    assert_eq!(body(r).await.0, 401);

    let r = helix(&fake, Method::GET, "/users", "not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(
        body(r).await,
        (
            401,
            json!({"error": "Unauthorized", "status": 401, "message": "Invalid OAuth token"})
        )
    );

    let pair = fake.issue_user_token(&fake.bot.id, &[]);
    let r = http()
        .get(format!("{}/users", fake.helix_url()))
        .bearer_auth(&pair.access_token)
        .header("Client-Id", "someoneelsesclientid0000000000")
        .send()
        .await
        .unwrap();
    let (status, v) = body(r).await;
    assert_eq!(
        (status, v["message"].clone()),
        (401, json!("Client ID and OAuth token do not match"))
    );

    fake.expire_token(&pair.access_token);
    let r = helix(&fake, Method::GET, "/users", &pair.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(body(r).await.1["message"], "Invalid OAuth token");
}

#[tokio::test]
async fn rate_limit_headers_count_down_and_an_empty_bucket_answers_429() {
    let fake = quick_fake().await;
    fake.set_rate_limit(3);
    let bot = fake.issue_user_token(&fake.bot.id, &[]);
    let before = chrono::Utc::now().timestamp();
    for expected in [2, 1, 0] {
        let r = helix(&fake, Method::GET, "/users", &bot.access_token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
        assert_eq!(rl(&r, "ratelimit-limit"), 3);
        assert_eq!(rl(&r, "ratelimit-remaining"), expected);
        assert!(rl(&r, "ratelimit-reset") >= before);
    }
    let r = helix(&fake, Method::GET, "/users", &bot.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(rl(&r, "ratelimit-remaining"), 0);
    let (status, v) = body(r).await;
    assert_eq!(
        (status, v["error"].clone()),
        (429, json!("Too Many Requests"))
    );

    // Buckets are per client id + user: another user is unaffected, until emptied.
    let other = fake.issue_user_token(&fake.moderator.id, &[]);
    let r = helix(&fake, Method::GET, "/users", &other.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    fake.exhaust_rate_limit(&other.access_token);
    let r = helix(&fake, Method::GET, "/users", &other.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 429);
}

async fn post_ban(
    fake: &lumio_testkit::twitch::FakeTwitch,
    token: &str,
    moderator_id: &str,
    data: serde_json::Value,
) -> (u16, serde_json::Value) {
    let path = format!(
        "/moderation/bans?broadcaster_id={}&moderator_id={moderator_id}",
        fake.broadcaster.id
    );
    let r = helix(fake, Method::POST, &path, token)
        .json(&json!({ "data": data }))
        .send()
        .await
        .unwrap();
    body(r).await
}

#[tokio::test]
async fn ban_timeout_and_unban_follow_twitchs_rules_and_errors() {
    let fake = quick_fake().await;
    let bot = fake.issue_user_token(&fake.bot.id, &[BAN_SCOPE]);
    let viewer = &fake.viewer.id;

    let (status, v) = post_ban(
        &fake,
        &bot.access_token,
        &fake.bot.id,
        json!({"user_id": viewer, "reason": "spam"}),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    let item = &v["data"][0];
    assert_eq!(item["broadcaster_id"], fake.broadcaster.id);
    assert_eq!(item["moderator_id"], fake.bot.id);
    assert_eq!(item["user_id"], *viewer);
    assert!(item["created_at"].is_string());
    assert!(item["end_time"].is_null());
    assert!(fake.ban_of(&fake.broadcaster.id, viewer).is_some());

    let already = json!({"error": "Bad Request", "status": 400,
        "message": "The user specified in the user_id field is already banned."});
    assert_eq!(
        post_ban(
            &fake,
            &bot.access_token,
            &fake.bot.id,
            json!({"user_id": viewer})
        )
        .await,
        (400, already.clone())
    );
    // A banned user cannot be moved into a timeout either.
    assert_eq!(
        post_ban(
            &fake,
            &bot.access_token,
            &fake.bot.id,
            json!({"user_id": viewer, "duration": 60})
        )
        .await,
        (400, already)
    );

    let unban = |token: String| {
        let path = format!(
            "/moderation/bans?broadcaster_id={}&moderator_id={}&user_id={viewer}",
            fake.broadcaster.id, fake.bot.id
        );
        helix(&fake, Method::DELETE, &path, &token).send()
    };
    assert_eq!(
        unban(bot.access_token.clone())
            .await
            .unwrap()
            .status()
            .as_u16(),
        204
    );
    let (status, v) = body(unban(bot.access_token.clone()).await.unwrap()).await;
    assert_eq!(
        (status, v["message"].clone()),
        (
            400,
            json!("The user in the user_id query parameter is not banned.")
        )
    );

    // A timeout has an end time; a user in a timeout can be banned.
    let (status, v) = post_ban(
        &fake,
        &bot.access_token,
        &fake.bot.id,
        json!({"user_id": viewer, "duration": 600}),
    )
    .await;
    assert_eq!(status, 200);
    assert!(v["data"][0]["end_time"].is_string());
    assert_eq!(
        post_ban(
            &fake,
            &bot.access_token,
            &fake.bot.id,
            json!({"user_id": viewer})
        )
        .await
        .0,
        200
    );

    // Nobody bans the broadcaster; a moderator may not ban another moderator.
    let (status, v) = post_ban(
        &fake,
        &bot.access_token,
        &fake.bot.id,
        json!({"user_id": fake.broadcaster.id}),
    )
    .await;
    assert_eq!(
        (status, v["message"].clone()),
        (
            400,
            json!("The user specified in the user_id field may not be banned.")
        )
    );
    assert_eq!(
        post_ban(
            &fake,
            &bot.access_token,
            &fake.bot.id,
            json!({"user_id": fake.moderator.id})
        )
        .await
        .0,
        400
    );
    assert_eq!(
        post_ban(
            &fake,
            &bot.access_token,
            &fake.bot.id,
            json!({"user_id": fake.moderator.id, "duration": 0})
        )
        .await
        .0,
        400
    );

    // Missing scope: 401 naming the scope.
    let no_scope = fake.issue_user_token(&fake.bot.id, &[]);
    assert_eq!(
        post_ban(
            &fake,
            &no_scope.access_token,
            &fake.bot.id,
            json!({"user_id": viewer})
        )
        .await,
        (
            401,
            json!({"error": "Unauthorized", "status": 401, "message": "Missing scope: moderator:manage:banned_users"})
        )
    );
    // Not a moderator of the channel: 403.
    let outsider = fake.add_user("outsider");
    let out = fake.issue_user_token(&outsider.id, &[BAN_SCOPE]);
    assert_eq!(
        post_ban(
            &fake,
            &out.access_token,
            &outsider.id,
            json!({"user_id": viewer})
        )
        .await
        .0,
        403
    );
    // moderator_id must be the token's user.
    assert_eq!(
        post_ban(
            &fake,
            &bot.access_token,
            &fake.moderator.id,
            json!({"user_id": viewer})
        )
        .await
        .0,
        401
    );
    // Someone else is updating the ban state: 409.
    let fresh = fake.add_user("fresh_viewer");
    fake.fail_next_bans_with_conflict(1);
    assert_eq!(
        post_ban(
            &fake,
            &bot.access_token,
            &fake.bot.id,
            json!({"user_id": fresh.id})
        )
        .await
        .0,
        409
    );
    assert_eq!(
        post_ban(
            &fake,
            &bot.access_token,
            &fake.bot.id,
            json!({"user_id": fresh.id})
        )
        .await
        .0,
        200
    );
}

#[tokio::test]
async fn delete_warn_mod_suspicious_and_chat_endpoints_answer_like_helix() {
    let fake = quick_fake().await;
    let b = fake.broadcaster.id.clone();
    let bot = fake.issue_user_token(
        &fake.bot.id,
        &[
            "moderator:manage:chat_messages",
            "moderator:manage:warnings",
            "moderator:manage:suspicious_users",
            "user:write:chat",
        ],
    );
    let owner = fake.issue_user_token(
        &b,
        &[
            "channel:manage:moderators",
            "channel:manage:raids",
            "channel:manage:polls",
            "channel:manage:predictions",
        ],
    );
    let viewer = fake.viewer.id.clone();
    let t = bot.access_token.as_str();

    let msg = fake.inject_chat(&b, &viewer, "hello").unwrap();
    let path = format!(
        "/moderation/chat?broadcaster_id={b}&moderator_id={}&message_id={msg}",
        fake.bot.id
    );
    assert_eq!(
        helix(&fake, Method::DELETE, &path, t)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        204
    );
    let (status, v) = body(helix(&fake, Method::DELETE, &path, t).send().await.unwrap()).await;
    assert_eq!(
        (status, v["message"].clone()),
        (404, json!("The ID in message_id was not found."))
    );

    let path = format!(
        "/moderation/warnings?broadcaster_id={b}&moderator_id={}",
        fake.bot.id
    );
    let r = helix(&fake, Method::POST, &path, t)
        .json(&json!({"data": {"user_id": viewer, "reason": "stop that"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        body(r).await,
        (
            200,
            json!({"data": [{"broadcaster_id": b, "user_id": viewer, "moderator_id": fake.bot.id, "reason": "stop that"}]})
        )
    );
    let r = helix(&fake, Method::POST, &path, t)
        .json(&json!({"data": {"user_id": viewer}}))
        .send()
        .await
        .unwrap();
    assert_eq!(
        body(r).await.1["message"],
        "Missing required parameter \"reason\""
    );

    let path = format!("/moderation/moderators?broadcaster_id={b}&user_id={viewer}");
    assert_eq!(
        helix(&fake, Method::POST, &path, &owner.access_token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        204
    );
    assert!(fake.is_moderator(&b, &viewer));
    assert_eq!(
        helix(&fake, Method::POST, &path, &owner.access_token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        400
    );
    assert_eq!(
        helix(&fake, Method::DELETE, &path, &owner.access_token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        204
    );
    assert!(!fake.is_moderator(&b, &viewer));
    // Only the broadcaster adds moderators (and it needs the scope).
    assert_eq!(
        helix(&fake, Method::POST, &path, t)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        401
    );

    let path = format!(
        "/moderation/suspicious_users?broadcaster_id={b}&moderator_id={}",
        fake.bot.id
    );
    let r = helix(&fake, Method::POST, &path, t)
        .json(&json!({"user_id": viewer, "status": "RESTRICTED"}))
        .send()
        .await
        .unwrap();
    let (status, v) = body(r).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["data"][0]["status"], "RESTRICTED");
    assert_eq!(v["data"][0]["types"], json!(["MANUALLY_ADDED"]));
    assert_eq!(
        fake.suspicious_status(&b, &viewer).as_deref(),
        Some("RESTRICTED")
    );
    let r = helix(
        &fake,
        Method::DELETE,
        &format!("{path}&user_id={viewer}"),
        t,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(body(r).await.1["data"][0]["status"], "NO_TREATMENT");
    assert_eq!(fake.suspicious_status(&b, &viewer), None);

    let r = helix(&fake, Method::POST, "/chat/messages", t)
        .json(&json!({"broadcaster_id": b, "sender_id": fake.bot.id, "message": "hi chat"}))
        .send()
        .await
        .unwrap();
    let (status, v) = body(r).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["data"][0]["is_sent"], true);
    assert!(v["data"][0]["message_id"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));
    assert_eq!(
        fake.sent_messages(),
        vec![(b.clone(), fake.bot.id.clone(), "hi chat".to_string())]
    );

    let path = format!("/raids?broadcaster_id={b}");
    let (status, v) = body(
        helix(&fake, Method::DELETE, &path, &owner.access_token)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (status, v["message"].clone()),
        (
            404,
            json!("The broadcaster doesn't have a pending raid to cancel.")
        )
    );
    fake.set_raid_pending(&b, true);
    assert_eq!(
        helix(&fake, Method::DELETE, &path, &owner.access_token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16(),
        204
    );
    assert!(!fake.raid_pending(&b));

    fake.add_poll(&b, "poll1", "Best emote?", &["A", "B"]);
    let r = helix(&fake, Method::PATCH, "/polls", &owner.access_token)
        .json(&json!({"broadcaster_id": b, "id": "poll1", "status": "TERMINATED"}))
        .send()
        .await
        .unwrap();
    let (status, v) = body(r).await;
    assert_eq!(
        (status, v["data"][0]["status"].clone()),
        (200, json!("TERMINATED"))
    );

    fake.add_prediction(&b, "pred1", "Win?", &["Yes", "No"]);
    let r = helix(&fake, Method::PATCH, "/predictions", &owner.access_token)
        .json(&json!({"broadcaster_id": b, "id": "pred1", "status": "RESOLVED", "winning_outcome_id": "pred1-0"}))
        .send()
        .await
        .unwrap();
    let (status, v) = body(r).await;
    assert_eq!(
        (status, v["data"][0]["winning_outcome_id"].clone()),
        (200, json!("pred1-0"))
    );
}

#[tokio::test]
async fn users_followers_and_emotes_read_the_world() {
    let fake = quick_fake().await;
    let b = fake.broadcaster.id.clone();
    let bot = fake.issue_user_token(
        &fake.bot.id,
        &["moderator:read:followers", "user:read:emotes"],
    );
    let t = bot.access_token.as_str();

    let (status, v) = body(
        helix(
            &fake,
            Method::GET,
            "/users?login=lumio_demo&id=400000004",
            t,
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    let logins: Vec<&str> = v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["login"].as_str().unwrap())
        .collect();
    assert_eq!(logins, vec!["some_viewer", "lumio_demo"]);
    for field in [
        "id",
        "login",
        "display_name",
        "type",
        "broadcaster_type",
        "description",
        "profile_image_url",
        "offline_image_url",
        "view_count",
        "created_at",
    ] {
        assert!(v["data"][0].get(field).is_some(), "{field}");
    }
    let (_, me) = body(helix(&fake, Method::GET, "/users", t).send().await.unwrap()).await;
    assert_eq!(me["data"][0]["id"], fake.bot.id);

    fake.add_follower(&b, &fake.viewer.id);
    let (status, v) = body(
        helix(
            &fake,
            Method::GET,
            &format!("/channels/followers?broadcaster_id={b}"),
            t,
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(v["total"], 1);
    assert_eq!(v["data"][0]["user_login"], "some_viewer");
    assert!(v["data"][0]["followed_at"].is_string());
    // Without moderator:read:followers only the total is visible.
    let plain = fake.issue_user_token(&fake.bot.id, &[]);
    let (_, v) = body(
        helix(
            &fake,
            Method::GET,
            &format!("/channels/followers?broadcaster_id={b}"),
            &plain.access_token,
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (v["total"].clone(), v["data"].clone()),
        (json!(1), json!([]))
    );

    let (_, v) = body(
        helix(
            &fake,
            Method::GET,
            &format!("/chat/emotes?broadcaster_id={b}"),
            t,
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(v["data"].as_array().unwrap().len(), 2);
    assert!(v["template"].as_str().unwrap().contains("{{id}}"));
    let (_, page1) = body(
        helix(
            &fake,
            Method::GET,
            &format!("/chat/emotes/user?user_id={}", fake.bot.id),
            t,
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    let cursor = page1["pagination"]["cursor"].as_str().unwrap().to_string();
    let (_, page2) = body(
        helix(
            &fake,
            Method::GET,
            &format!("/chat/emotes/user?user_id={}&after={cursor}", fake.bot.id),
            t,
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(page2["data"][0]["name"], "Kappa");
    assert_eq!(page2["pagination"], json!({}));
}

#[tokio::test]
async fn every_call_is_recorded_with_its_headers_so_tests_can_follow_a_token() {
    let fake = quick_fake().await;
    let bot = fake.issue_user_token(&fake.bot.id, &[]);
    helix(
        &fake,
        Method::GET,
        "/users?login=lumio_demo",
        &bot.access_token,
    )
    .send()
    .await
    .unwrap();
    let calls = fake.helix_calls();
    assert_eq!(calls.len(), 1);
    let c = &calls[0];
    assert_eq!(
        (c.method.as_str(), c.path.as_str()),
        ("GET", "/helix/users")
    );
    assert_eq!(c.query_param("login").as_deref(), Some("lumio_demo"));
    assert_eq!(
        c.header("Authorization"),
        Some(format!("Bearer {}", bot.access_token).as_str())
    );
    assert_eq!(c.header("client-id"), Some(fake.client_id()));
}

#[tokio::test]
async fn get_banned_users_and_moderators_read_the_fakes_own_state() {
    let fake = quick_fake().await;
    let b = &fake.broadcaster.id;
    let viewer = fake.viewer.id.clone();
    let other = fake.add_user("timedout").id;
    let owner = fake.issue_user_token(
        b,
        &[BAN_SCOPE, "moderation:read", "channel:manage:moderators"],
    );
    post_ban(
        &fake,
        &owner.access_token,
        b,
        json!({"user_id": viewer, "reason": "spam"}),
    )
    .await;
    let (status, _) = post_ban(
        &fake,
        &owner.access_token,
        b,
        json!({"user_id": other, "duration": 600}),
    )
    .await;
    assert_eq!(status, 200);

    let get = |path: String, token: String| {
        let fake = &fake;
        async move {
            body(
                helix(fake, Method::GET, &path, &token)
                    .send()
                    .await
                    .unwrap(),
            )
            .await
        }
    };
    let (status, v) = get(
        format!("/moderation/banned?broadcaster_id={b}&user_id={viewer}&user_id={other}"),
        owner.access_token.clone(),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    let data = v["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    let ban = data
        .iter()
        .find(|i| i["user_id"] == viewer.as_str())
        .unwrap();
    assert_eq!(ban["expires_at"], "");
    assert_eq!(ban["reason"], "spam");
    assert_eq!(ban["moderator_id"], b.as_str());
    assert_eq!(ban["user_login"], fake.viewer.login.as_str());
    let timeout = data
        .iter()
        .find(|i| i["user_id"] == other.as_str())
        .unwrap();
    assert!(!timeout["expires_at"].as_str().unwrap().is_empty());
    assert_eq!(v["pagination"], json!({}));

    // Paging by `first`/`after`.
    let (_, v) = get(
        format!("/moderation/banned?broadcaster_id={b}&first=1"),
        owner.access_token.clone(),
    )
    .await;
    assert_eq!(v["data"].as_array().unwrap().len(), 1);
    let cursor = v["pagination"]["cursor"].as_str().unwrap().to_string();
    let (_, v2) = get(
        format!("/moderation/banned?broadcaster_id={b}&first=1&after={cursor}"),
        owner.access_token.clone(),
    )
    .await;
    assert_eq!(v2["data"].as_array().unwrap().len(), 1);
    assert_ne!(v["data"][0]["user_id"], v2["data"][0]["user_id"]);

    // A forgotten ban is no longer listed.
    assert!(fake.forget_ban(b, &viewer));
    let (_, v) = get(
        format!("/moderation/banned?broadcaster_id={b}&user_id={viewer}"),
        owner.access_token.clone(),
    )
    .await;
    assert_eq!(v["data"], json!([]));

    // Moderators: the bot is one, the viewer is not.
    let bot = fake.bot.id.clone();
    let (status, v) = get(
        format!("/moderation/moderators?broadcaster_id={b}&user_id={bot}&user_id={viewer}"),
        owner.access_token.clone(),
    )
    .await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(
        v["data"],
        json!([{"user_id": bot, "user_login": fake.bot.login, "user_name": fake.bot.display_name}])
    );

    // Scope and identity errors, as Helix answers them.
    let bare = fake.issue_user_token(b, &[]);
    let (status, v) = get(
        format!("/moderation/banned?broadcaster_id={b}"),
        bare.access_token.clone(),
    )
    .await;
    assert_eq!(
        (status, v["message"].clone()),
        (401, json!("Missing scope: moderation:read"))
    );
    let (status, _) = get(
        format!("/moderation/moderators?broadcaster_id={b}"),
        bare.access_token.clone(),
    )
    .await;
    assert_eq!(status, 401);
    let not_owner = fake.issue_user_token(&bot, &["moderation:read"]);
    let (status, v) = get(
        format!("/moderation/banned?broadcaster_id={b}"),
        not_owner.access_token.clone(),
    )
    .await;
    assert_eq!(
        (status, v["message"].clone()),
        (
            401,
            json!("The ID in broadcaster_id must match the user ID in the access token.")
        )
    );
    let (status, v) = get("/moderation/banned".to_string(), owner.access_token.clone()).await;
    assert_eq!(
        (status, v["message"].clone()),
        (400, json!("Missing required parameter \"broadcaster_id\""))
    );
    let (status, _) = get(
        format!("/moderation/banned?broadcaster_id={b}&first=0"),
        owner.access_token.clone(),
    )
    .await;
    assert_eq!(status, 400);
}
