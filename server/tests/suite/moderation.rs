//! Moderation end to end on both backends: per-action permissions, the log, live events,
//! deletes of buffered and stored messages, timeouts that expire and stack, re-mod that
//! runs once across a restart and across instances, bad input.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{next_event, Api};
use futures::StreamExt;
use lumio_server::bus::keys::{self, UserFlag};
use lumio_server::bus::Ttl;
use lumio_server::chat::flush::Flusher;
use lumio_server::moderation::schedule::Scheduler;
use lumio_server::testing::TestServer;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

backend_tests!(
    file = "moderation", workers = false;
    permissions_are_checked_per_action,
    actions_are_logged_and_announced,
    deletes_reach_buffer_and_database,
    timeouts_expire_and_stack,
    remod_runs_once_across_restart_and_instances,
    bad_input_is_refused_clearly,
    a_ban_that_changes_nothing_says_so_and_logs_nothing,
    platform_user_ids_are_checked_per_platform,
    oversized_or_poisoned_input_is_a_4xx_never_a_500,
    a_failed_log_write_leaves_no_half_action,
);

/// The Twitch (or Kick) user id of a test chatter.
fn tid(user: &str) -> String {
    match user {
        "newbie" => "9001",
        "regular" => "9002",
        "veteran" => "9003",
        "shady" => "9004",
        "alice" => "9005",
        "bob" => "9006",
        "target" => "9101",
        "spammer" => "9102",
        "other" => "9103",
        "tt" => "9104",
        "helper" => "9105",
        "a" => "9201",
        "b" => "9202",
        "x" => "9203",
        other => panic!("no test id for {other}"),
    }
    .to_string()
}

async fn ingest(api: &Api, t: &str, user: &str, text: &str, is_mod: bool) -> Value {
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(t),
            Some(json!({"platform": "twitch", "channel_name": "lumio_demo",
                "user_id": tid(user), "username": user, "message": text,
                "is_mod": is_mod})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    b["message"].clone()
}

async fn moderate(api: &Api, t: &str, body: Value) -> (StatusCode, Value) {
    api.call(Method::POST, "/v1/chat/moderate", Some(t), Some(body))
        .await
}

async fn permissions_are_checked_per_action(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let jan = api.login("janitor", "lumio-janitor").await;
    let viewer = api.login("viewer", "lumio-viewer").await;
    ingest(&api, &m, "target", "hi", false).await;
    let timeout = json!({"platform": "twitch", "action": "timeout", "username": "target",
        "duration_seconds": 60});
    let ban = json!({"platform": "twitch", "action": "ban", "platform_user_id": "9101"});
    assert_eq!(moderate(&api, &m, timeout.clone()).await.0, StatusCode::OK);
    assert_eq!(moderate(&api, &m, ban.clone()).await.0, StatusCode::OK);
    // A custom role with chat:timeout and not chat:ban.
    assert_eq!(
        moderate(&api, &jan, timeout.clone()).await.0,
        StatusCode::OK
    );
    let (st, b) = moderate(&api, &jan, ban.clone()).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    assert!(
        b["error"]["message"].as_str().unwrap().contains("chat:ban"),
        "{b}"
    );
    for body in [timeout, ban] {
        let (st, b) = moderate(&api, &viewer, body).await;
        assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    }
    // The same through GraphQL.
    let (st, b) = api
        .call(
            Method::POST,
            "/graphql",
            Some(&jan),
            Some(json!({"query": "mutation { moderateChat(input: {platform: \"twitch\", action: \"ban\", platformUserId: \"9101\"}) { id } }"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(b["errors"][0]["extensions"]["code"], "forbidden", "{b}");
    // The viewer cannot read the log either (chat:userinfo).
    let (st, _) = api
        .call(
            Method::GET,
            "/v1/chat/users/twitch/9101/moderation-log",
            Some(&viewer),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
}

async fn actions_are_logged_and_announced(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let url = format!("{}/v1/chat/ws?token={m}", s.url.replace("http://", "ws://"));
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    // The first message is the welcome message a ban removes (seed 002); the second is
    // the one deleted by hand below.
    let welcome = ingest(&api, &m, "spammer", "hi all", false).await;
    assert_eq!(next_event(&mut ws).await["type"], "message");
    let msg = ingest(&api, &m, "spammer", "buy followers", false).await;
    assert_eq!(next_event(&mut ws).await["type"], "message");

    let (st, r) = moderate(
        &api,
        &m,
        json!({"platform": "twitch", "action": "timeout",
        "username": "Spammer", "duration_seconds": 600, "reason": "spam"}),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["platform_user_id"], "9102");
    assert_eq!(r["delivery"], "queued_for_bot");
    assert_eq!(
        r["channel"]
            .as_str()
            .unwrap()
            .split(':')
            .take(4)
            .collect::<Vec<_>>(),
        ["lumio", "bot", "action", "twitch"]
    );
    let e = next_event(&mut ws).await;
    assert_eq!(
        (e["type"].as_str(), e["duration_seconds"].as_i64()),
        (Some("user_timed_out"), Some(600)),
        "{e}"
    );
    assert!(e["cursor"].is_string());

    let ban = json!({"platform": "twitch", "action": "ban", "platform_user_id": "9102"});
    assert_eq!(moderate(&api, &m, ban).await.0, StatusCode::OK);
    let e = next_event(&mut ws).await;
    assert_eq!(e["type"], "message_deleted", "{e}");
    assert_eq!(e["message_id"], welcome["id"]);
    assert_eq!(next_event(&mut ws).await["type"], "user_banned");
    let unban = json!({"platform": "twitch", "action": "unban", "username": "spammer"});
    assert_eq!(moderate(&api, &m, unban).await.0, StatusCode::OK);
    assert_eq!(next_event(&mut ws).await["type"], "user_unbanned");
    let (st, r) = moderate(
        &api,
        &m,
        json!({"platform": "twitch", "action": "delete",
        "message_id": msg["id"]}),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    let e = next_event(&mut ws).await;
    assert_eq!(e["type"], "message_deleted");
    assert_eq!(e["message_id"], msg["id"]);
    assert_eq!(e["deleted_by"], "Milo Mod");

    let (st, t) = api
        .call(
            Method::PUT,
            "/v1/chat/users/twitch/9102/treatment",
            Some(&m),
            Some(json!({"treatment": "restricted"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{t}");
    let e = next_event(&mut ws).await;
    assert_eq!(
        (e["type"].as_str(), e["treatment"].as_str()),
        (Some("treatment_changed"), Some("restricted"))
    );

    let (st, log) = api
        .call(
            Method::GET,
            "/v1/chat/users/twitch/9102/moderation-log?limit=3",
            Some(&m),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{log}");
    assert_eq!(log["total"], 5);
    let actions: Vec<_> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(actions, ["treatment", "delete", "unban"]);
    assert_eq!(log["entries"][1]["target_message_id"], msg["id"]);
    assert_eq!(log["entries"][1]["moderator_name"], "Milo Mod");
    let (_, page2) = api
        .call(
            Method::GET,
            "/v1/chat/users/twitch/9102/moderation-log?limit=3&page=2",
            Some(&m),
            None,
        )
        .await;
    let actions: Vec<_> = page2["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(actions, ["ban", "timeout"]);
    assert_eq!(page2["entries"][1]["reason"], "spam");
    assert_eq!(page2["entries"][1]["duration_seconds"], 600);

    // GraphQL reads the same log.
    let (_, b) = api
        .call(Method::POST, "/graphql", Some(&m), Some(json!({"query":
            "{ moderationLog(platform: \"twitch\", platformUserId: \"9102\") { total entries { action moderatorName } } }"})))
        .await;
    assert_eq!(b["data"]["moderationLog"]["total"], 5, "{b}");

    // The account-wide log holds every chatter's entries, newest first.
    ingest(&api, &m, "other", "hello", false).await;
    let (st, r) = moderate(
        &api,
        &m,
        json!({"platform": "twitch", "action": "ban", "username": "other"}),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    let (st, all) = api
        .call(
            Method::GET,
            "/v1/chat/moderation-log?limit=2",
            Some(&m),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{all}");
    assert_eq!(all["total"], 6, "{all}");
    assert_eq!(all["entries"][0]["platform_user_id"], "9103");
    assert_eq!(all["entries"][1]["platform_user_id"], "9102");
    let (_, b) = api
        .call(
            Method::POST,
            "/graphql",
            Some(&m),
            Some(json!({"query":
            "{ accountModerationLog(limit: 1) { total entries { action } } }"})),
        )
        .await;
    assert_eq!(b["data"]["accountModerationLog"]["total"], 6, "{b}");
    let viewer = api.login("viewer", "lumio-viewer").await;
    let (st, _) = api
        .call(Method::GET, "/v1/chat/moderation-log", Some(&viewer), None)
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    let (st, _) = api
        .call(
            Method::GET,
            "/v1/chat/moderation-log?limit=0",
            Some(&m),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn deletes_reach_buffer_and_database(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let stored = ingest(&api, &m, "a", "stored first", false).await;
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    let buffered = ingest(&api, &m, "b", "still buffered", false).await;
    for msg in [&stored, &buffered] {
        let (st, r) = moderate(
            &api,
            &m,
            json!({"platform": "twitch", "action": "delete",
            "message_id": msg["id"]}),
        )
        .await;
        assert_eq!(st, StatusCode::OK, "{r}");
    }
    // Deleting twice is harmless, and says so.
    let (st, r) = moderate(
        &api,
        &m,
        json!({"platform": "twitch", "action": "delete",
        "message_id": stored["id"]}),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        r["warnings"][0].as_str().unwrap().contains("already"),
        "{r}"
    );

    let (_, h) = api
        .call(Method::GET, "/v1/chat/history", Some(&m), None)
        .await;
    assert_eq!(h["messages"].as_array().unwrap().len(), 0, "{h}");
    let (_, h) = api
        .call(
            Method::GET,
            "/v1/chat/history?include_deleted=true",
            Some(&m),
            None,
        )
        .await;
    let msgs = h["messages"].as_array().unwrap();
    assert_eq!(msgs.len(), 2);
    assert!(
        msgs.iter()
            .all(|x| x["deleted_by"] == "Milo Mod" && x["deleted_at"].is_string()),
        "{h}"
    );

    // The flush stores the buffered message as deleted.
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    let id: Uuid = buffered["id"].as_str().unwrap().parse().unwrap();
    let account: Uuid = buffered["account_id"].as_str().unwrap().parse().unwrap();
    let row = s
        .state
        .db
        .chat()
        .message_by_id(account, id)
        .await
        .unwrap()
        .expect("flushed");
    assert_eq!(row.deleted_by.as_deref(), Some("Milo Mod"));
    let (_, c) = api
        .call(Method::GET, "/v1/chat/history/count", Some(&m), None)
        .await;
    assert_eq!(c["count"], 0, "{c}");
}

async fn timeouts_expire_and_stack(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let msg = ingest(&api, &m, "tt", "hello", false).await;
    let account: Uuid = msg["account_id"].as_str().unwrap().parse().unwrap();
    let key = keys::user_flag(account, "twitch", "9104", UserFlag::Timeout);
    let (st, r) = moderate(
        &api,
        &m,
        json!({"platform": "twitch", "action": "timeout",
        "platform_user_id": "9104", "duration_seconds": 1}),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert!(r["expires_at"].is_string());
    assert!(
        matches!(s.state.bus.ttl(&key).await.unwrap(), Ttl::Expires(d) if d <= Duration::from_secs(1))
    );
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(
        !s.state.bus.exists(&key).await.unwrap(),
        "the timeout flag expires with the timeout"
    );

    // A ban has no expiry.
    moderate(
        &api,
        &m,
        json!({"platform": "twitch", "action": "ban", "platform_user_id": "9104"}),
    )
    .await;
    assert_eq!(s.state.bus.ttl(&key).await.unwrap(), Ttl::Persistent);

    // Stacking: off, a new timeout replaces; on, it adds what is left.
    let t = |d: i64| json!({"platform": "twitch", "action": "timeout", "platform_user_id": "9104", "duration_seconds": d});
    let (_, r) = moderate(&api, &m, t(100)).await;
    assert_eq!(r["duration_seconds"], 100);
    assert!(r["warnings"][0].as_str().unwrap().contains("banned"), "{r}");
    let (_, r) = moderate(&api, &m, t(100)).await;
    assert_eq!(r["duration_seconds"], 100);
    s.state
        .bus
        .set(&keys::timeout_stacking(account), "1", None)
        .await
        .unwrap();
    let (_, r) = moderate(&api, &m, t(100)).await;
    let total = r["duration_seconds"].as_i64().unwrap();
    assert!((198..=200).contains(&total), "{r}");
    assert!(
        r["warnings"][0].as_str().unwrap().contains("stacking"),
        "{r}"
    );

    // Invulnerable chatters: a staff action goes through with a warning.
    s.state
        .bus
        .set(
            &keys::user_flag(account, "twitch", "9104", UserFlag::Invulnerable),
            "1",
            None,
        )
        .await
        .unwrap();
    let (st, r) = moderate(&api, &m, t(5)).await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("invulnerable")),
        "{r}"
    );
    // A bot rule may not time an invulnerable chatter out, and leaves no trace.
    let ctx = lumio_server::auth::AccountCtx {
        account_id: account,
        account_slug: "demo".into(),
        user_id: Uuid::nil(),
        user_name: "bot rule".into(),
        permissions: [lumio_server::auth::Permission::ChatTimeout]
            .into_iter()
            .collect(),
    };
    let input: lumio_server::moderation::model::ModerationInput =
        serde_json::from_value(t(30)).unwrap();
    let (_, before) = api
        .call(
            Method::GET,
            "/v1/chat/users/twitch/9104/moderation-log",
            Some(&m),
            None,
        )
        .await;
    let err = lumio_server::moderation::service::moderate(
        &s.state,
        &ctx,
        &input,
        lumio_server::moderation::service::Actor::BotRule,
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("invulnerable"), "{err}");
    assert_eq!(err.status().as_u16(), 403);
    let (_, after) = api
        .call(
            Method::GET,
            "/v1/chat/users/twitch/9104/moderation-log",
            Some(&m),
            None,
        )
        .await;
    assert_eq!(before["total"], after["total"]);
}

async fn remod_runs_once_across_restart_and_instances(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let msg = ingest(&api, &m, "helper", "I moderate here", true).await;
    Flusher::new(s.state.clone()).run_once().await.unwrap(); // platform_users.is_mod = true
    let account: Uuid = msg["account_id"].as_str().unwrap().parse().unwrap();
    let mut bot = s
        .state
        .bus
        .subscribe(&keys::bot_action("twitch", account))
        .await
        .unwrap();

    let (st, r) = moderate(
        &api,
        &m,
        json!({"platform": "twitch", "action": "timeout",
        "username": "helper", "duration_seconds": 1}),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert!(
        r["warnings"][0].as_str().unwrap().contains("moderator"),
        "{r}"
    );
    let mut actions = Vec::new();
    for _ in 0..2 {
        let a: Value = serde_json::from_str(&bot.next().await.unwrap()).unwrap();
        actions.push(a["action"].as_str().unwrap().to_string());
    }
    assert_eq!(actions, ["unmod", "timeout"]);

    // An instance that looks before the timeout ends does nothing, then goes away.
    assert_eq!(Scheduler::new(s.state.clone()).run_once().await.unwrap(), 0);
    tokio::time::sleep(Duration::from_millis(1200)).await;
    // Two fresh instances (a restart, and a second server) race for the due re-mod.
    let (a, b) = tokio::join!(
        async { Scheduler::new(s.state.clone()).run_once().await.unwrap() },
        async { Scheduler::new(s.state.clone()).run_once().await.unwrap() }
    );
    assert_eq!(a + b, 1, "exactly one instance carries out the re-mod");
    let again = Scheduler::new(s.state.clone()).run_once().await.unwrap();
    assert_eq!(again, 0);
    let a: Value = serde_json::from_str(&bot.next().await.unwrap()).unwrap();
    assert_eq!(
        (a["action"].as_str(), a["user_id"].as_str()),
        (Some("mod"), Some("9105"))
    );
    assert!(
        tokio::time::timeout(Duration::from_millis(300), bot.next())
            .await
            .is_err(),
        "no second mod"
    );
    assert_eq!(
        s.state
            .db
            .moderation()
            .done_actions(account, "remod")
            .await
            .unwrap(),
        1
    );
    assert!(s
        .state
        .bus
        .exists(&keys::user_flag(account, "twitch", "9105", UserFlag::Mod))
        .await
        .unwrap());
}

async fn bad_input_is_refused_clearly(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    ingest(&api, &m, "x", "hi", false).await;
    let cases = [
        (
            json!({"platform": "twitch", "action": "nuke", "platform_user_id": "1"}),
            400,
            "unknown action",
        ),
        (
            json!({"platform": "myspace", "action": "ban", "platform_user_id": "1"}),
            400,
            "platform",
        ),
        (
            json!({"platform": "twitch", "action": "timeout", "platform_user_id": "1", "duration_seconds": -5}),
            422,
            "between",
        ),
        (
            json!({"platform": "twitch", "action": "timeout", "platform_user_id": "1", "duration_seconds": 99999999}),
            422,
            "between",
        ),
        (
            json!({"platform": "twitch", "action": "timeout", "platform_user_id": "1"}),
            422,
            "duration",
        ),
        (
            json!({"platform": "twitch", "action": "ban", "platform_user_id": "1", "duration_seconds": 5}),
            422,
            "timeout only",
        ),
        (
            json!({"platform": "twitch", "action": "ban"}),
            422,
            "platform_user_id or username",
        ),
        (
            json!({"platform": "twitch", "action": "ban", "username": "nobody_seen"}),
            404,
            "nobody_seen",
        ),
        (
            json!({"platform": "twitch", "action": "delete"}),
            422,
            "message_id",
        ),
        (
            json!({"platform": "twitch", "action": "delete", "message_id": Uuid::now_v7()}),
            404,
            "no message",
        ),
        (
            json!({"platform": "twitch", "action": "ban", "platform_user_id": "1", "reason": "r".repeat(501)}),
            422,
            "reason",
        ),
        (
            json!({"platform": "twitch", "action": "ban", "platform_user_id": "1", "bogus": 1}),
            400,
            "bogus",
        ),
    ];
    for (body, status, needle) in cases {
        let (st, b) = moderate(&api, &m, body.clone()).await;
        assert_eq!(st.as_u16(), status, "{body}: {b}");
        let msg = b["error"]["message"].as_str().unwrap_or_default();
        assert!(msg.contains(needle), "{body}: {msg}");
    }
    let (st, b) = api
        .call(
            Method::PUT,
            "/v1/chat/users/twitch/1/treatment",
            Some(&m),
            Some(json!({"treatment": "shadowban"})),
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    let (st, _) = api
        .call(
            Method::GET,
            "/v1/chat/users/twitch/1/moderation-log?page=0",
            Some(&m),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    // Nothing bad was logged.
    let (_, log) = api
        .call(
            Method::GET,
            "/v1/chat/users/twitch/1/moderation-log",
            Some(&m),
            None,
        )
        .await;
    assert_eq!(log["total"], 0, "{log}");
}

/// Issue 12: banning a banned chatter, or unbanning one who is not banned, answers 200 with
/// `changed: false` and a warning, writes no log entry and publishes nothing. A timeout
/// always changes.
async fn a_ban_that_changes_nothing_says_so_and_logs_nothing(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    ingest(&api, &m, "target", "hi", false).await;
    let account: Uuid = ingest(&api, &m, "target", "again", false).await["account_id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let mut bot = s
        .bus()
        .subscribe(&keys::bot_action("twitch", account))
        .await
        .unwrap();
    let url = format!("{}/v1/chat/ws?token={m}", s.url.replace("http://", "ws://"));
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    let ban = json!({"platform": "twitch", "action": "ban", "platform_user_id": "9101"});
    let unban = json!({"platform": "twitch", "action": "unban", "platform_user_id": "9101"});

    let (st, r) = moderate(&api, &m, unban.clone()).await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["changed"], false, "{r}");
    assert!(
        r["warnings"][0].as_str().unwrap().contains("not banned"),
        "{r}"
    );
    assert_eq!(r["delivery"], "none");

    let (st, r) = moderate(&api, &m, ban.clone()).await;
    assert_eq!((st, &r["changed"]), (StatusCode::OK, &json!(true)), "{r}");
    let first_id = r["id"].clone();
    let (st, r) = moderate(&api, &m, ban.clone()).await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["changed"], false, "{r}");
    assert!(
        r["warnings"][0]
            .as_str()
            .unwrap()
            .contains("already banned"),
        "{r}"
    );
    assert_ne!(r["id"], first_id);
    // GraphQL says the same.
    let b = api
        .gql(
            Some(&m),
            "mutation { moderateChat(input: {platform: \"twitch\", action: \"ban\", \
             platformUserId: \"9101\"}) { changed warnings delivery } }",
            json!({}),
        )
        .await;
    assert_eq!(b["data"]["moderateChat"]["changed"], false, "{b}");
    assert!(b["data"]["moderateChat"]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("already banned"));

    // A timeout of a banned chatter changes the ban into a timeout; an unban then lifts it.
    let (_, r) = moderate(
        &api,
        &m,
        json!({"platform": "twitch", "action": "timeout", "platform_user_id": "9101",
            "duration_seconds": 60}),
    )
    .await;
    assert_eq!(r["changed"], true, "{r}");
    let (_, r) = moderate(&api, &m, unban.clone()).await;
    assert_eq!(
        r["changed"], true,
        "unbanning a timed-out chatter lifts it: {r}"
    );
    let (_, r) = moderate(&api, &m, unban).await;
    assert_eq!(r["changed"], false, "{r}");

    // Exactly the three changes were logged, published for the bot and announced.
    let (_, log) = api
        .call(
            Method::GET,
            "/v1/chat/users/twitch/9101/moderation-log",
            Some(&m),
            None,
        )
        .await;
    let actions: Vec<&str> = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["unban", "timeout", "ban"], "{log}");
    let mut to_bot = Vec::new();
    while let Ok(Some(p)) = tokio::time::timeout(Duration::from_millis(300), bot.next()).await {
        let v: Value = serde_json::from_str(&p).unwrap();
        to_bot.push(v["action"].as_str().unwrap().to_string());
    }
    assert_eq!(to_bot, ["ban", "timeout", "unban"]);
    ingest(&api, &m, "target", "marker", false).await;
    let mut events = Vec::new();
    loop {
        let e = next_event(&mut ws).await;
        let kind = e["type"].as_str().unwrap().to_string();
        if kind == "message" {
            break; // the marker: everything before it has arrived
        }
        events.push(kind);
    }
    // (The first ban also removed the chatter's welcome message.)
    assert_eq!(
        events,
        [
            "message_deleted",
            "user_banned",
            "user_timed_out",
            "user_unbanned"
        ]
    );
}

/// Issue 12: platform user ids are checked per platform wherever the API takes one: a bare
/// name is not a Twitch id, a YouTube id is a `UC…` channel id, a Discord id a snowflake.
async fn platform_user_ids_are_checked_per_platform(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    for (platform, id) in [
        ("twitch", "loudguy"),
        ("twitch", "123456789012345678901"),
        ("kick", "12a"),
        ("trovo", "-5"),
        ("youtube", "UC123"),
        ("youtube", "ucLumioDemo0000000000000"),
        ("discord", "1234567890123456"),
        ("discord", "99999999999999999999"),
    ] {
        let (st, b) = moderate(
            &api,
            &m,
            json!({"platform": platform, "action": "ban", "platform_user_id": id}),
        )
        .await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{platform} {id}: {b}");
        let msg = b["error"]["message"].as_str().unwrap();
        assert!(msg.starts_with("platform_user_id"), "{msg}");
        assert!(msg.contains(platform), "{msg}");
        for path in [
            format!("/v1/chat/users/{platform}/{id}/notes"),
            format!("/v1/chat/users/{platform}/{id}"),
            format!("/v1/chat/users/{platform}/{id}/moderation-log"),
            format!("/v1/chat/users/{platform}/{id}/follow-status"),
        ] {
            let (st, b) = api.call(Method::GET, &path, Some(&m), None).await;
            assert_eq!(st, StatusCode::BAD_REQUEST, "{path}: {b}");
            assert!(b["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("platform_user_id"));
        }
        let (st, _) = api
            .call(
                Method::PUT,
                &format!("/v1/chat/users/{platform}/{id}/treatment"),
                Some(&m),
                Some(json!({"treatment": "restricted"})),
            )
            .await;
        assert_eq!(st, StatusCode::BAD_REQUEST);
        let (st, b) = api
            .call(
                Method::POST,
                "/v1/chat/message",
                Some(&m),
                Some(
                    json!({"platform": platform, "channel_name": "c", "user_id": id,
                    "username": "someone", "message": "hi"}),
                ),
            )
            .await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
        assert!(
            b["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("user_id"),
            "{b}"
        );
    }
    // Valid ids of each platform are taken.
    for (platform, id) in [
        ("twitch", "12345678901234567890"),
        ("kick", "1"),
        ("trovo", "100000001"),
        ("youtube", "UC_x-5Yyz0123456789abcde"),
        ("discord", "18446744073709551615"),
    ] {
        let (st, b) = moderate(
            &api,
            &m,
            json!({"platform": platform, "action": "ban", "platform_user_id": id}),
        )
        .await;
        assert_eq!(st, StatusCode::OK, "{platform} {id}: {b}");
    }
    let b = api
        .gql(
            Some(&m),
            "{ moderationLog(platform: \"twitch\", platformUserId: \"loudguy\") { total } }",
            json!({}),
        )
        .await;
    assert_eq!(common::gql_code(&b), "bad_request", "{b}");
}

/// Issue 12: input that used to reach the database and come back as a 500 is a 4xx that
/// names the field.
async fn oversized_or_poisoned_input_is_a_4xx_never_a_500(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    ingest(&api, &m, "target", "hi", false).await;
    let long = "u".repeat(100_000);
    for body in [
        json!({"platform": "twitch", "action": "ban", "platform_user_id": "9101", "username": long}),
        json!({"platform": "twitch", "action": "ban", "username": long}),
        json!({"platform": "twitch", "action": "ban", "platform_user_id": "9101",
            "username": "tar\u{0}get"}),
    ] {
        let (st, b) = moderate(&api, &m, body).await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
        assert!(
            b["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("username"),
            "{b}"
        );
    }
    let (st, b) = moderate(
        &api,
        &m,
        json!({"platform": "twitch", "action": "ban", "platform_user_id": "9101",
            "reason": "spam\u{0}"}),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("reason"),
        "{b}"
    );
    for query in [
        "page=9223372036854775807",
        "page=9223372036854775807&limit=200",
        "page=4611686018427387904&limit=2",
    ] {
        for path in [
            "/v1/chat/users/twitch/9101/moderation-log",
            "/v1/chat/moderation-log",
        ] {
            let (st, b) = api
                .call(Method::GET, &format!("{path}?{query}"), Some(&m), None)
                .await;
            assert_eq!(st, StatusCode::BAD_REQUEST, "{path}?{query}: {b}");
            assert!(
                b["error"]["message"].as_str().unwrap().starts_with("page"),
                "{b}"
            );
        }
    }
    let b = api
        .gql(
            Some(&m),
            "{ accountModerationLog(page: 9223372036854775807) { total } }",
            json!({}),
        )
        .await;
    assert_eq!(common::gql_code(&b), "bad_request", "{b}");
    // Nothing was logged by any of it.
    let (_, log) = api
        .call(Method::GET, "/v1/chat/moderation-log", Some(&m), None)
        .await;
    assert_eq!(log["total"], 0, "{log}");
}

/// Turn on (or off) a failpoint in the database itself: a trigger that refuses every
/// `moderation_log` insert, so the last write of an action fails after its state writes.
async fn log_failpoint(s: &TestServer, on: bool) {
    use lumio_server::store::Db;
    let sql: &[&str] = match (&s.state.db, on) {
        (Db::Postgres(_), true) => &[
            "CREATE FUNCTION lumio_test_failpoint() RETURNS trigger AS $$ \
             BEGIN RAISE EXCEPTION 'failpoint: moderation_log'; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER lumio_test_failpoint BEFORE INSERT ON moderation_log \
             FOR EACH ROW EXECUTE FUNCTION lumio_test_failpoint()",
        ],
        (Db::Postgres(_), false) => &[
            "DROP TRIGGER lumio_test_failpoint ON moderation_log",
            "DROP FUNCTION lumio_test_failpoint()",
        ],
        (Db::Sqlite(_), true) => &["CREATE TRIGGER lumio_test_failpoint BEFORE INSERT ON \
             moderation_log BEGIN SELECT RAISE(ABORT, 'failpoint: moderation_log'); END"],
        (Db::Sqlite(_), false) => &["DROP TRIGGER lumio_test_failpoint"],
    };
    for q in sql {
        lumio_server::testing::raw::execute(&s.state.db, q).await;
    }
}

/// Issue 14: an action's state and its log entry are written in one transaction and the bus
/// is told only after the commit. With the log insert failing, a ban, a timeout of a
/// moderator, a delete and a treatment leave nothing behind: no ban on the chatter's row or
/// the bus, no re-mod scheduled, mod not taken, the message not deleted, no treatment,
/// nothing for the bot. Once the database takes writes again, the same actions change things.
async fn a_failed_log_write_leaves_no_half_action(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let msg = ingest(&api, &m, "helper", "I moderate here", true).await;
    Flusher::new(s.state.clone()).run_once().await.unwrap(); // stored, is_mod = true
    let account: Uuid = msg["account_id"].as_str().unwrap().parse().unwrap();
    let flag = |f| keys::user_flag(account, "twitch", "9105", f);
    let mut bot = s
        .bus()
        .subscribe(&keys::bot_action("twitch", account))
        .await
        .unwrap();
    s.bus().set(&flag(UserFlag::Mod), "1", None).await.unwrap();

    let buffered = ingest(&api, &m, "helper", "still in the buffer", true).await;

    log_failpoint(s, true).await;
    let delete_buffered =
        json!({"platform": "twitch", "action": "delete", "message_id": buffered["id"]});
    let (st, r) = moderate(&api, &m, delete_buffered).await;
    assert!(st.is_server_error(), "{st} {r}");
    let ban = json!({"platform": "twitch", "action": "ban", "platform_user_id": "9105"});
    let timeout = json!({"platform": "twitch", "action": "timeout", "platform_user_id": "9105",
        "duration_seconds": 60});
    let delete = json!({"platform": "twitch", "action": "delete", "message_id": msg["id"]});
    for body in [&ban, &timeout, &delete] {
        let (st, r) = moderate(&api, &m, body.clone()).await;
        assert!(
            st.is_server_error(),
            "the failpoint refuses the log: {st} {r}"
        );
    }
    let (st, r) = api
        .call(
            Method::PUT,
            "/v1/chat/users/twitch/9105/treatment",
            Some(&m),
            Some(json!({"treatment": "restricted"})),
        )
        .await;
    assert!(st.is_server_error(), "{st} {r}");

    let db = &s.state.db;
    let row = db
        .chatter()
        .user_ban(account, "twitch", "9105")
        .await
        .unwrap();
    assert_eq!(
        row,
        Some((None, None)),
        "no ban nor timeout on the chatter's row"
    );
    assert!(!s.bus().exists(&flag(UserFlag::Timeout)).await.unwrap());
    assert!(!s.bus().exists(&flag(UserFlag::Remod)).await.unwrap());
    assert!(
        s.bus().exists(&flag(UserFlag::Mod)).await.unwrap(),
        "mod was not taken"
    );
    let id: Uuid = msg["id"].as_str().unwrap().parse().unwrap();
    let stored = db.chat().message_by_id(account, id).await.unwrap().unwrap();
    assert_eq!(stored.deleted_at, None, "the message was not deleted");
    log_failpoint(s, false).await;
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    let id: Uuid = buffered["id"].as_str().unwrap().parse().unwrap();
    let flushed = db.chat().message_by_id(account, id).await.unwrap().unwrap();
    assert_eq!(
        flushed.deleted_at, None,
        "the buffered message was not deleted"
    );
    let treatment = keys::user_treatment(account, "twitch", "9105");
    assert!(!s.bus().exists(&treatment).await.unwrap());
    let told = tokio::time::timeout(Duration::from_millis(300), bot.next()).await;
    assert!(told.is_err(), "nothing was published for the bot: {told:?}");

    // The database takes writes again: the same actions now change things.
    let (st, r) = moderate(&api, &m, timeout).await;
    assert_eq!((st, &r["changed"]), (StatusCode::OK, &json!(true)), "{r}");
    let (st, r) = moderate(&api, &m, delete).await;
    assert_eq!((st, &r["changed"]), (StatusCode::OK, &json!(true)), "{r}");
    let (st, r) = moderate(&api, &m, ban).await;
    assert_eq!((st, &r["changed"]), (StatusCode::OK, &json!(true)), "{r}");
    let mut to_bot = Vec::new();
    while let Ok(Some(p)) = tokio::time::timeout(Duration::from_millis(300), bot.next()).await {
        let v: Value = serde_json::from_str(&p).unwrap();
        to_bot.push(v["action"].as_str().unwrap().to_string());
    }
    assert_eq!(to_bot, ["unmod", "timeout", "delete", "ban"]);
}
