//! The live chatter state of seed 002 on both backends: first-time chatters (ever and this
//! stream) flagged in live events and history, the welcome message a ban removes, the
//! stream-live state, a restricted chatter's messages flagged, and the account's chatter
//! settings (timeout stacking, disabled commands).

#![allow(clippy::unwrap_used)]

use crate::common;

use common::{next_event, ws_connect, Api, Ws};
use lumio_server::bus::keys::{self, UserFlag};
use lumio_server::chat::flush::Flusher;
use lumio_server::platforms::Platform;
use lumio_server::testing::TestServer;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

backend_tests!(
    file = "chatters", workers = false;
    first_time_chatters_are_flagged_and_welcomes_removed_by_a_ban,
    going_live_starts_a_new_stream,
    a_forgetful_bus_does_not_make_old_chatters_new,
    restricted_chatters_are_flagged,
    settings_change_whole_or_not_at_all,
    stream_states_show_the_bot_of_each_platform,
    every_key_a_message_leaves_expires,
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
        "chatty" => "9301",
        other => panic!("no test id for {other}"),
    }
    .to_string()
}

async fn ingest(api: &Api, t: &str, user: &str, text: &str) -> Value {
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(t),
            Some(json!({"platform": "twitch", "channel_name": "lumio_demo",
                "user_id": tid(user), "username": user, "message": text})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    b["message"].clone()
}

async fn ws(s: &TestServer, token: &str) -> Ws {
    ws_connect(&s.url, token, "").await
}

async fn history(api: &Api, t: &str, query: &str) -> Vec<Value> {
    let (st, h) = api
        .call(
            Method::GET,
            &format!("/v1/chat/history{query}"),
            Some(t),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{h}");
    h["messages"].as_array().unwrap().clone()
}

async fn first_time_chatters_are_flagged_and_welcomes_removed_by_a_ban(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let mut live = ws(s, &m).await;

    let first = ingest(&api, &m, "newbie", "hello everyone").await;
    assert_eq!(first["is_first_message"], true, "{first}");
    assert_eq!(first["is_first_in_stream"], true, "{first}");
    let e = next_event(&mut live).await;
    assert_eq!(e["type"], "message");
    assert_eq!(e["message"]["is_first_message"], true, "{e}");
    assert_eq!(e["message"]["is_first_in_stream"], true, "{e}");

    let second = ingest(&api, &m, "newbie", "buy followers at spam.example").await;
    assert_eq!(second["is_first_message"], false, "{second}");
    assert_eq!(second["is_first_in_stream"], false, "{second}");
    let e = next_event(&mut live).await;
    assert_eq!(e["message"]["is_first_message"], false, "{e}");

    // The flags survive the flush into the database.
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    let stored = history(&api, &m, "?user=9001").await;
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[1]["is_first_message"], true, "{stored:?}");
    assert_eq!(stored[0]["is_first_message"], false, "{stored:?}");

    // A ban within 10 minutes deletes the welcome (first) message too, and says so.
    let (st, r) = api
        .call(
            Method::POST,
            "/v1/chat/moderate",
            Some(&m),
            Some(json!({"platform": "twitch", "action": "ban",
                "platform_user_id": "9001", "reason": "spam"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert!(
        r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("welcome message")),
        "{r}"
    );
    let mut types = Vec::new();
    for _ in 0..2 {
        let e = next_event(&mut live).await;
        if e["type"] == "message_deleted" {
            assert_eq!(e["message_id"], first["id"], "{e}");
        }
        types.push(e["type"].as_str().unwrap().to_string());
    }
    types.sort();
    assert_eq!(types, ["message_deleted", "user_banned"]);
    let all = history(&api, &m, "?user=9001&include_deleted=true").await;
    let welcome = all.iter().find(|x| x["id"] == first["id"]).unwrap();
    assert!(welcome["deleted_at"].is_string(), "{welcome}");
    let other = all.iter().find(|x| x["id"] == second["id"]).unwrap();
    assert!(other["deleted_at"].is_null(), "{other}");
    // The welcome key is spent: it is not deleted a second time.
    let account: Uuid = first["account_id"].as_str().unwrap().parse().unwrap();
    let k = keys::user_flag(
        account,
        Platform::Twitch,
        "9001",
        UserFlag::WelcomeMessageId,
    );
    assert_eq!(s.bus().get(&k).await.unwrap(), None);

    // A chatter who is not new has no welcome message to lose.
    ingest(&api, &m, "regular", "first").await;
    s.bus()
        .del(&keys::user_flag(
            account,
            Platform::Twitch,
            "9002",
            UserFlag::WelcomeMessageId,
        ))
        .await
        .unwrap();
    let (_, r) = api
        .call(
            Method::POST,
            "/v1/chat/moderate",
            Some(&m),
            Some(json!({"platform": "twitch", "action": "ban",
                "platform_user_id": "9002"})),
        )
        .await;
    assert!(
        !r["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("welcome")),
        "{r}"
    );
    assert_eq!(
        history(&api, &m, "?user=9002").await.len(),
        1,
        "the regular's message stays"
    );
}

async fn report_live(api: &Api, t: &str, platform: &str, live: bool) -> (StatusCode, Value) {
    api.call(
        Method::PUT,
        &format!("/v1/chat/streams/{platform}"),
        Some(t),
        Some(json!({ "live": live })),
    )
    .await
}

async fn going_live_starts_a_new_stream(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let viewer = api.login("viewer", "lumio-viewer").await;

    let (_, states) = api
        .call(Method::GET, "/v1/chat/streams", Some(&viewer), None)
        .await;
    let states = states.as_array().unwrap().clone();
    assert_eq!(states.len(), 5);
    assert!(states.iter().all(|x| x["live"] == false), "{states:?}");

    ingest(&api, &m, "alice", "before the stream").await;
    ingest(&api, &m, "bob", "before the stream too").await;
    let again = ingest(&api, &m, "alice", "still before").await;
    assert_eq!(again["is_first_in_stream"], false);

    let mut live = ws(s, &m).await;
    let (st, r) = report_live(&api, &m, "twitch", true).await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(r["changed"], true, "{r}");
    assert_eq!(r["chatters_reset"], 2, "{r}");
    let e = next_event(&mut live).await;
    assert_eq!(e["type"], "stream_status", "{e}");
    assert_eq!(e["platform"], "twitch");
    assert_eq!(e["live"], true);
    assert!(e["cursor"].is_string(), "{e}");

    // Reporting the same state again changes nothing and announces nothing.
    let (_, r) = report_live(&api, &m, "twitch", true).await;
    assert_eq!(r["changed"], false, "{r}");
    assert_eq!(r["chatters_reset"], 0, "{r}");

    let (_, states) = api
        .call(Method::GET, "/v1/chat/streams", Some(&viewer), None)
        .await;
    let twitch = states
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["platform"] == "twitch")
        .unwrap()
        .clone();
    assert_eq!(twitch["live"], true, "{states}");

    // Alice's next message is her first of this stream, not her first ever.
    let msg = ingest(&api, &m, "alice", "we're live!").await;
    assert_eq!(msg["is_first_in_stream"], true, "{msg}");
    assert_eq!(msg["is_first_message"], false, "{msg}");
    let e = next_event(&mut live).await;
    assert_eq!(e["type"], "message", "no second stream_status: {e}");
    assert_eq!(e["message"]["is_first_in_stream"], true);
    let msg = ingest(&api, &m, "alice", "again").await;
    assert_eq!(msg["is_first_in_stream"], false, "{msg}");

    // Going offline and live again is a new stream again.
    assert_eq!(
        report_live(&api, &m, "twitch", false).await.1["changed"],
        true
    );
    let (_, r) = report_live(&api, &m, "twitch", true).await;
    assert_eq!(
        r["chatters_reset"], 1,
        "only alice spoke in the last stream: {r}"
    );

    // GraphQL carries the same.
    let b = api
        .gql(
            Some(&viewer),
            "{ streamStates { platform live } }",
            json!({}),
        )
        .await;
    let live_ones: Vec<_> = b["data"]["streamStates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["live"] == true)
        .collect();
    assert_eq!(live_ones.len(), 1, "{b}");

    // Only chat:write may report, and only for a known platform.
    let (st, b) = report_live(&api, &viewer, "twitch", false).await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    assert!(common::code(&b) == "forbidden", "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("chat:write"),
        "{b}"
    );
    let (st, b) = report_live(&api, &m, "myspace", true).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    let (st, _) = api
        .call(
            Method::PUT,
            "/v1/chat/streams/twitch",
            Some(&m),
            Some(json!({"live": "yes"})),
        )
        .await;
    assert!(st.is_client_error(), "{st}");
}

async fn a_forgetful_bus_does_not_make_old_chatters_new(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let first = ingest(&api, &m, "veteran", "been here for years").await;
    assert_eq!(first["is_first_message"], true);
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    // The bus loses its state (Redis flushed, in-process bus restarted) …
    let account: Uuid = first["account_id"].as_str().unwrap().parse().unwrap();
    for f in [UserFlag::HasChatted, UserFlag::HasChattedThisStream] {
        assert!(s
            .bus()
            .del(&keys::user_flag(account, Platform::Twitch, "9003", f))
            .await
            .unwrap());
    }
    // … and the database still knows the veteran.
    let msg = ingest(&api, &m, "veteran", "back again").await;
    assert_eq!(msg["is_first_message"], false, "{msg}");
    assert_eq!(msg["is_first_in_stream"], true, "{msg}");
    // A really new chatter on another platform is still new.
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(&m),
            Some(json!({"platform": "kick", "channel_name": "lumio_demo",
                "user_id": "9003", "username": "veteran", "message": "hi kick"})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    assert_eq!(b["message"]["is_first_message"], true, "{b}");
}

async fn restricted_chatters_are_flagged(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let before = ingest(&api, &m, "shady", "innocent enough").await;
    assert!(before["treatment"].is_null(), "{before}");
    let (st, r) = api
        .call(
            Method::PUT,
            "/v1/chat/users/twitch/9004/treatment",
            Some(&m),
            Some(json!({"treatment": "restricted"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{r}");

    let mut live = ws(s, &m).await;
    let msg = ingest(&api, &m, "shady", "now watched").await;
    assert_eq!(msg["treatment"], "restricted", "{msg}");
    let e = next_event(&mut live).await;
    assert_eq!(e["type"], "message");
    assert_eq!(e["message"]["treatment"], "restricted", "{e}");

    // Stored with the flag, in history before and after the flush.
    let h = history(&api, &m, "?user=9004").await;
    assert_eq!(h[0]["treatment"], "restricted");
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    let h = history(&api, &m, "?user=9004").await;
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["treatment"], "restricted", "{h:?}");
    assert!(
        h[1]["treatment"].is_null(),
        "earlier messages keep theirs: {h:?}"
    );

    // Back to none: new messages are not flagged.
    api.call(
        Method::PUT,
        "/v1/chat/users/twitch/9004/treatment",
        Some(&m),
        Some(json!({"treatment": "none"})),
    )
    .await;
    let after = ingest(&api, &m, "shady", "reformed").await;
    assert!(after["treatment"].is_null(), "{after}");
}

async fn settings(api: &Api, t: &str) -> Value {
    let (st, b) = api
        .call(Method::GET, "/v1/chat/settings", Some(t), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    b
}

async fn patch(api: &Api, t: &str, body: Value) -> (StatusCode, Value) {
    api.call(Method::PATCH, "/v1/chat/settings", Some(t), Some(body))
        .await
}

async fn settings_change_whole_or_not_at_all(s: &TestServer) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let editor = api.login("editor", "lumio-editor").await;
    let m = api.login("mod", "lumio-mod").await;
    let viewer = api.login("viewer", "lumio-viewer").await;

    // Issue 12: a change is bounded (one call cannot write thousands of bus entries), and a
    // bad name is quoted short.
    let many: Vec<String> = (0..1000).map(|i| format!("cmd{i}")).collect();
    let (st, b) = patch(&api, &editor, json!({"disable_commands": many})).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("disable_commands"),
        "{b}"
    );
    let (st, b) = patch(
        &api,
        &editor,
        json!({"disable_commands": [format!("x{}", "y".repeat(100_000))]}),
    )
    .await;
    assert!(st.is_client_error(), "{b}");
    assert!(b.to_string().len() < 500, "the name is not echoed whole");

    assert_eq!(
        settings(&api, &viewer).await,
        json!({"timeout_stacking": false, "disabled_commands": []})
    );
    let (st, b) = patch(
        &api,
        &editor,
        json!({"timeout_stacking": true, "disable_commands": ["!Dice", "hug", "dice"]}),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(
        b,
        json!({"timeout_stacking": true, "disabled_commands": ["dice", "hug"]})
    );

    // A bad name anywhere changes nothing at all.
    let (st, b) = patch(
        &api,
        &owner,
        json!({"timeout_stacking": false, "disable_commands": ["ok"],
            "enable_commands": ["two words"]}),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("two words"),
        "{b}"
    );
    let (st, b) = patch(
        &api,
        &owner,
        json!({"disable_commands": ["lurk"], "enable_commands": ["!lurk"]}),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    let (st, b) = patch(&api, &owner, json!({"disabled_commands": ["typo"]})).await;
    assert!(st.is_client_error(), "unknown field: {st} {b}");
    assert_eq!(
        settings(&api, &m).await,
        json!({"timeout_stacking": true, "disabled_commands": ["dice", "hug"]})
    );

    // Enabling again, through GraphQL.
    let b = api
        .gql(
            Some(&owner),
            "mutation($i: ChatterSettingsInput!) { updateChatterSettings(input: $i) { timeoutStacking disabledCommands } }",
            json!({"i": {"timeoutStacking": false, "enableCommands": ["DICE"]}}),
        )
        .await;
    assert_eq!(
        b["data"]["updateChatterSettings"],
        json!({"timeoutStacking": false, "disabledCommands": ["hug"]}),
        "{b}"
    );
    let b = api
        .gql(
            Some(&viewer),
            "{ chatterSettings { timeoutStacking disabledCommands } }",
            json!({}),
        )
        .await;
    assert_eq!(
        b["data"]["chatterSettings"]["disabledCommands"],
        json!(["hug"])
    );

    // Changing them takes bot-commands:edit: a moderator and a viewer may only read.
    for t in [&m, &viewer] {
        let (st, b) = patch(&api, t, json!({"timeout_stacking": true})).await;
        assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
        assert!(
            b["error"]["message"]
                .as_str()
                .unwrap()
                .contains("bot-commands:edit"),
            "{b}"
        );
    }
    let (st, _) = api.call(Method::GET, "/v1/chat/settings", None, None).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    assert_eq!(settings(&api, &owner).await["timeout_stacking"], false);
}

/// Seed 001's bot status beside each stream state: active (a connection with bot_enabled),
/// paused (bot_enabled false), no_connection.
async fn stream_states_show_the_bot_of_each_platform(s: &TestServer) {
    let api = Api::new(&s.url);
    let viewer = api.login("viewer", "lumio-viewer").await;
    let states = |b: &Value| -> Vec<(String, String, Value)> {
        b.as_array()
            .unwrap()
            .iter()
            .map(|x| {
                (
                    x["platform"].as_str().unwrap().to_string(),
                    x["bot"].as_str().unwrap().to_string(),
                    x["channel_name"].clone(),
                )
            })
            .collect()
    };
    let (st, b) = api
        .call(Method::GET, "/v1/chat/streams", Some(&viewer), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    let all = states(&b);
    assert_eq!(all.len(), 5, "{b}");
    assert!(all.iter().all(|(_, bot, _)| bot == "active"), "{b}");
    assert!(all.contains(&("twitch".into(), "active".into(), json!("lumio_demo"))));

    // Pause the bot on kick, drop the trovo connection.
    let db = &s.state.db;
    let account = db.auth().account_id_by_slug("demo").await.unwrap().unwrap();
    let chatter = db.chatter();
    assert_eq!(
        chatter
            .set_bot_enabled(account, "kick", false)
            .await
            .unwrap(),
        1
    );
    let trovo = (chatter.channel_connections(account).await.unwrap())
        .into_iter()
        .find(|c| c.platform == "trovo")
        .expect("the demo account's trovo connection");
    assert!(chatter
        .delete_channel_connection(account, trovo.id)
        .await
        .unwrap());
    let (_, b) = api
        .call(Method::GET, "/v1/chat/streams", Some(&viewer), None)
        .await;
    let all = states(&b);
    assert!(
        all.contains(&("kick".into(), "paused".into(), json!("lumio-demo"))),
        "{b}"
    );
    assert!(
        all.contains(&("trovo".into(), "no_connection".into(), Value::Null)),
        "{b}"
    );
    assert!(
        all.contains(&("twitch".into(), "active".into(), json!("lumio_demo"))),
        "{b}"
    );

    let g = api
        .gql(
            Some(&viewer),
            "{ streamStates { platform bot channelName } }",
            json!({}),
        )
        .await;
    let kick = g["data"]["streamStates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["platform"] == "kick")
        .unwrap()
        .clone();
    assert_eq!(
        kick,
        json!({"platform": "kick", "bot": "paused", "channelName": "lumio-demo"})
    );
}

/// The audit of docs/architecture.md ("Bounded state"), checked: every key one message
/// writes, per message or per chatter, has a TTL, so that the bus holds state for recent
/// messages and chatters only, however long chat goes on.
async fn every_key_a_message_leaves_expires(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(&t),
            Some(json!({"platform": "twitch", "channel_name": "lumio_demo",
                "user_id": tid("chatty"), "username": "chatty", "display_name": "Chatty",
                "message": "hi", "is_mod": true, "is_sub": true, "sub_tier": "2000",
                "platform_message_id": "9b1c2f1e-0000-4000-8000-000000000001"})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    assert_eq!(b["message"]["is_first_message"], true);
    let account = b["message"]["account_id"].as_str().unwrap().to_string();
    let user = tid("chatty");
    let flag = |f| keys::user_flag(&account, Platform::Twitch, &user, f);
    let written = [
        keys::chat_seen(&account, "twitch", "9b1c2f1e-0000-4000-8000-000000000001"),
        keys::user_lookup(&account, Platform::Twitch, "chatty"),
        keys::user_username(&account, Platform::Twitch, &user),
        keys::user_display_name(&account, Platform::Twitch, &user),
        flag(UserFlag::HasChatted),
        flag(UserFlag::HasChattedThisStream),
        flag(UserFlag::Mod),
        flag(UserFlag::Subbed),
        flag(UserFlag::WelcomeMessageId),
        keys::chatted_this_stream(&account, Platform::Twitch),
    ];
    let bus = s.bus();
    for key in &written {
        match bus.ttl(key).await.unwrap() {
            lumio_server::bus::Ttl::Expires(_) => {}
            other => panic!("{key}: {other:?}, not a TTL"),
        }
    }
    // The buffer is drained by the flush, not by a TTL.
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    assert_eq!(bus.list_len(&keys::chat_buffer(&account)).await.unwrap(), 0);
}
