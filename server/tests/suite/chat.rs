//! The chat pipeline on both backends: ingest → buffer → flush → history, crash safety of
//! the flush, several instances on one database and bus, bad input.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::{code, gql_code, Api};
use lumio_server::chat::flush::{FailPoint, Flusher};
use lumio_server::chat::{buffer, deadletter, model::ChatMessageInput, service};
use lumio_server::chatter::model::PlatformUserRow;
use lumio_server::state::AppState;
use lumio_server::testing::TestServer;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

backend_tests!(
    file = "chat", workers = false;
    ingested_messages_are_visible_at_once_and_stored_once,
    duplicates_by_platform_message_id_are_stored_once,
    history_pages_filters_and_cursors,
    a_flush_that_dies_after_claiming_loses_nothing,
    a_flush_that_dies_after_commit_stores_nothing_twice,
    two_instances_flushing_store_each_message_once,
    graphql_ingest_and_history,
    bad_input_is_rejected_and_stores_nothing,
    awkward_text_is_stored_exactly_and_chatters_counted_once_per_batch,
    poisoned_text_is_refused_at_ingest_naming_the_field,
    a_row_the_database_refuses_is_dead_lettered_and_every_other_flows,
    a_dead_letter_is_replayed_once_the_database_takes_it,
    history_and_count_over_a_large_buffer_page_exactly,
    graphql_lists_cost_by_their_limit,
);

fn msg(i: usize, platform: &str, user: &str) -> Value {
    json!({
        "platform": platform,
        "channel_name": "lumio_demo",
        "user_id": common::platform_id(platform, user),
        "username": user,
        "display_name": user.to_uppercase(),
        "message": format!("hello {i} from {user}"),
        "badges": ["subscriber/12"],
        "color": "#1E90FF",
        "is_sub": true,
        "emotes": [{"id": "25", "name": "hello", "start": 0, "end": 4, "provider": "twitch"}],
    })
}

async fn ingest(api: &Api, token: &str, body: Value) -> Value {
    let (st, b) = api
        .call(Method::POST, "/v1/chat/message", Some(token), Some(body))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    b
}

async fn history(api: &Api, token: &str, query: &str) -> Value {
    let (st, b) = api
        .call(
            Method::GET,
            &format!("/v1/chat/history{query}"),
            Some(token),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    b
}

async fn count(api: &Api, token: &str) -> i64 {
    let (st, b) = api
        .call(Method::GET, "/v1/chat/history/count", Some(token), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    b["count"].as_i64().unwrap()
}

async fn stored(state: &AppState) -> i64 {
    lumio_server::testing::raw::count(&state.db, "platform_messages", None).await
}

/// The demo account's row of a chatter (`platform_users`).
async fn chatter(s: &TestServer, platform: &str, name: &str) -> PlatformUserRow {
    let db = &s.state.db;
    let account = db.auth().account_id_by_slug("demo").await.unwrap().unwrap();
    let id = common::platform_id(platform, name);
    (db.chatter().user_row(account, platform, &id).await)
        .unwrap()
        .unwrap_or_else(|| panic!("no platform_users row of {platform}/{name}"))
}

async fn ingested_messages_are_visible_at_once_and_stored_once(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let first = ingest(&api, &t, msg(1, "twitch", "alice")).await;
    assert_eq!(first["duplicate"], false);
    assert_eq!(first["message"]["platform"], "twitch");
    ingest(&api, &t, msg(2, "kick", "bob")).await;
    // Visible before any flush.
    assert_eq!(stored(&s.state).await, 0);
    let page = history(&api, &t, "").await;
    assert_eq!(page["messages"].as_array().unwrap().len(), 2);
    assert_eq!(page["messages"][0]["username"], "bob", "newest first");
    assert_eq!(page["messages"][1]["emotes"][0]["name"], "hello");
    assert_eq!(count(&api, &t).await, 2);

    let flusher = Flusher::new(s.state.clone());
    assert_eq!(flusher.run_once().await.unwrap(), 2);
    assert_eq!(stored(&s.state).await, 2);
    assert_eq!(flusher.run_once().await.unwrap(), 0);
    let after = history(&api, &t, "").await;
    assert_eq!(
        after["messages"], page["messages"],
        "the same messages, once each"
    );
    assert_eq!(count(&api, &t).await, 2);

    // platform_users was kept up to date.
    ingest(&api, &t, msg(3, "twitch", "alice")).await;
    flusher.run_once().await.unwrap();
    let row = chatter(s, "twitch", "alice").await;
    assert_eq!((row.message_count, row.username.as_str()), (2, "alice"));
}

async fn duplicates_by_platform_message_id_are_stored_once(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let mut m = msg(1, "youtube", "carol");
    m["platform_message_id"] = json!("yt-abc");
    let first = ingest(&api, &t, m.clone()).await;
    let (st, again) = api
        .call(Method::POST, "/v1/chat/message", Some(&t), Some(m.clone()))
        .await;
    assert_eq!(st, StatusCode::OK, "{again}");
    assert_eq!(again["duplicate"], true);
    assert_eq!(again["id"], first["id"]);
    // The bus remembers the id for the dedup window (LUMIO_DEDUP_WINDOW, 10 minutes).
    let seen = lumio_server::bus::keys::chat_seen(
        first["message"]["account_id"].as_str().unwrap(),
        "youtube",
        "yt-abc",
    );
    match s.bus().ttl(&seen).await.unwrap() {
        lumio_server::bus::Ttl::Expires(d) => assert!(
            d <= std::time::Duration::from_secs(600) && d > std::time::Duration::from_secs(300),
            "{d:?}"
        ),
        other => panic!("the seen key has no TTL: {other:?}"),
    }
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    assert_eq!(stored(&s.state).await, 1);
    // Even once the bus has forgotten it, the database refuses a second copy.
    assert!(s.bus().del(&seen).await.unwrap(), "the bus forgets the id");
    // The ingest answer cannot know (that would cost a database read per message): the
    // late copy is taken, then refused by the unique index when flushed and counted as a
    // duplicate there: never stored twice, never dead-lettered, never an error.
    let late = ingest(&api, &t, m).await;
    assert_eq!(late["duplicate"], false);
    assert_ne!(late["id"], first["id"]);
    let flusher = Flusher::new(s.state.clone());
    let before = lumio_server::chat::flush::duplicates_refused();
    assert_eq!(flusher.run_once().await.unwrap(), 0, "nothing new stored");
    assert_eq!(
        flusher
            .duplicates
            .load(std::sync::atomic::Ordering::Relaxed),
        1
    );
    assert!(lumio_server::chat::flush::duplicates_refused() > before);
    // /metrics shows the process's count (other tests in this process add to it).
    let metrics = reqwest::get(format!("{}/metrics", s.url))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let shown: u64 = metrics
        .lines()
        .find_map(|l| l.strip_prefix("lumio_chat_duplicates_refused_total "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no duplicates counter in /metrics:\n{metrics}"));
    assert!(shown > before, "{shown} > {before}");
    assert_eq!(stored(&s.state).await, 1);
    assert!(dead_letters(s).await.is_empty());
    let page = history(&api, &t, "?limit=10").await;
    let ids: Vec<&Value> = page["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["id"])
        .collect();
    assert_eq!(ids, vec![&first["id"]], "history shows the first copy only");
    let (st, count) = api
        .call(Method::GET, "/v1/chat/history/count", Some(&t), None)
        .await;
    assert_eq!((st, count["count"].as_i64()), (StatusCode::OK, Some(1)));
    // A batch where a late copy meets new rows stores the new ones.
    let mut again = msg(2, "youtube", "carol");
    again["platform_message_id"] = json!("yt-abc");
    assert!(s.bus().del(&seen).await.unwrap(), "the bus forgets the id");
    ingest(&api, &t, again).await;
    let mut fresh = msg(3, "youtube", "carol");
    fresh["platform_message_id"] = json!("yt-def");
    ingest(&api, &t, fresh).await;
    assert_eq!(flusher.run_once().await.unwrap(), 1);
    assert_eq!(
        flusher
            .duplicates
            .load(std::sync::atomic::Ordering::Relaxed),
        2
    );
    assert_eq!(stored(&s.state).await, 2);
    assert!(dead_letters(s).await.is_empty());
}

async fn history_pages_filters_and_cursors(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let users = ["alice", "bob", "Carol"];
    let platforms = ["twitch", "kick", "youtube"];
    for i in 0..25 {
        ingest(&api, &t, msg(i, platforms[i % 3], users[i % 3])).await;
        if i == 11 {
            // Half stored, half still buffered: pages span both.
            Flusher::new(s.state.clone()).run_once().await.unwrap();
        }
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let q = match &cursor {
            Some(c) => format!("?limit=10&cursor={c}"),
            None => "?limit=10".to_string(),
        };
        let page = history(&api, &t, &q).await;
        pages += 1;
        for m in page["messages"].as_array().unwrap() {
            seen.push(m["message"].as_str().unwrap().to_string());
        }
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let expected: Vec<String> = (0..25)
        .rev()
        .map(|i| format!("hello {i} from {}", users[i % 3]))
        .collect();
    assert_eq!(seen, expected, "every message once, newest first");

    let kick = history(&api, &t, "?platform=kick,youtube&limit=100").await;
    assert_eq!(kick["messages"].as_array().unwrap().len(), 16);
    let carol = history(&api, &t, "?user=carol").await;
    assert_eq!(carol["messages"].as_array().unwrap().len(), 8);
    let by_id = history(
        &api,
        &t,
        &format!("?user={}", common::platform_id("kick", "bob")),
    )
    .await;
    assert_eq!(by_id["messages"].as_array().unwrap().len(), 8);
    let text = history(&api, &t, "?contains=HELLO%201").await;
    // hello 1, hello 10..19
    assert_eq!(text["messages"].as_array().unwrap().len(), 11);
    let pct = history(&api, &t, "?contains=%25").await;
    assert_eq!(pct["messages"], json!([]), "% is matched literally");
    let future = history(&api, &t, "?from=2999-01-01T00:00:00Z").await;
    assert_eq!(future["messages"], json!([]));
}

async fn a_flush_that_dies_after_claiming_loses_nothing(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    for i in 0..30 {
        ingest(&api, &t, msg(i, "trovo", "dave")).await;
    }
    let mut dying = Flusher::new(s.state.clone());
    dying.fail = FailPoint::AfterClaim;
    assert!(dying.run_once().await.is_err());
    assert_eq!(stored(&s.state).await, 0);
    // Claimed but not stored: still visible in history.
    assert_eq!(count(&api, &t).await, 30);
    assert_eq!(
        history(&api, &t, "?limit=100").await["messages"]
            .as_array()
            .unwrap()
            .len(),
        30
    );

    // The instance is gone (its heartbeat expires); a restarted server recovers its claim.
    s.bus()
        .del(&lumio_server::bus::keys::chat_flusher(&dying.instance))
        .await
        .unwrap();
    let restarted = Flusher::new(s.state.clone());
    assert_eq!(restarted.run_once().await.unwrap(), 30);
    assert_eq!(stored(&s.state).await, 30);
    assert_eq!(count(&api, &t).await, 30);
    assert_eq!(
        history(&api, &t, "?limit=100").await["messages"]
            .as_array()
            .unwrap()
            .len(),
        30
    );
}

async fn a_flush_that_dies_after_commit_stores_nothing_twice(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    for i in 0..10 {
        ingest(&api, &t, msg(i, "discord", "erin")).await;
    }
    // Batches of 3: the first is stored while the second is claimed, then the flusher dies
    // before releasing either.
    let mut dying = Flusher::new(s.state.clone());
    dying.batch = 3;
    dying.fail = FailPoint::AfterCommit;
    assert!(dying.run_once().await.is_err());
    assert_eq!(stored(&s.state).await, 3);
    assert_eq!(count(&api, &t).await, 10);
    s.bus()
        .del(&lumio_server::bus::keys::chat_flusher(&dying.instance))
        .await
        .unwrap();
    // The replay inserts only what was not stored, and the user's message count stays exact.
    let mut restarted = Flusher::new(s.state.clone());
    restarted.batch = 3;
    assert_eq!(restarted.run_once().await.unwrap(), 7);
    assert_eq!(stored(&s.state).await, 10);
    assert_eq!(count(&api, &t).await, 10);
    assert_eq!(chatter(s, "discord", "erin").await.message_count, 10);
}

async fn two_instances_flushing_store_each_message_once(s: &TestServer) {
    // A second server process on the same database and bus.
    let other = AppState::connect((*s.state.config).clone()).await.unwrap();
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let writer = {
        let api = Api::new(&s.url);
        let t = t.clone();
        tokio::spawn(async move {
            for i in 0..400 {
                ingest(&api, &t, msg(i, "twitch", "frank")).await;
            }
        })
    };
    // Small batches, so each instance stores one batch while it claims the next.
    let mut a = Flusher::new(s.state.clone());
    let mut b = Flusher::new(other.clone());
    (a.batch, b.batch) = (7, 7);
    let mut total = 0;
    while !writer.is_finished() {
        let (x, y) = tokio::join!(a.run_once(), b.run_once());
        total += x.unwrap() + y.unwrap();
    }
    writer.await.unwrap();
    let (x, y) = tokio::join!(a.run_once(), b.run_once());
    total += x.unwrap() + y.unwrap();
    assert_eq!(total, 400);
    assert_eq!(stored(&s.state).await, 400);
    assert_eq!(count(&api, &t).await, 400);
    other.db.close().await;
}

async fn graphql_ingest_and_history(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let body = api
        .gql(
            Some(&t),
            "mutation($m: ChatMessageInputGql!) { sendChatMessage(input: $m) { id duplicate message { username platform } } }",
            json!({"m": {"platform": "kick", "channelName": "c", "userId": "9", "username": "gina", "message": "hi from graphql"}}),
        )
        .await;
    assert_eq!(
        body["data"]["sendChatMessage"]["message"]["username"], "gina",
        "{body}"
    );
    let body = api
        .gql(
            Some(&t),
            "{ chatHistory(filter: {platform: \"kick\"}) { messages { message } nextCursor } chatMessageCount }",
            json!({}),
        )
        .await;
    assert_eq!(
        body["data"]["chatHistory"]["messages"][0]["message"], "hi from graphql",
        "{body}"
    );
    assert_eq!(body["data"]["chatMessageCount"], 1);
    let body = api
        .gql(
            Some(&t),
            "{ chatHistory(filter: {cursor: \"nope\"}) { nextCursor } }",
            json!({}),
        )
        .await;
    assert_eq!(gql_code(&body), "bad_request", "{body}");
}

async fn bad_input_is_rejected_and_stores_nothing(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let cases = [
        (
            json!({"platform": "myspace"}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (json!({"message": "   "}), StatusCode::UNPROCESSABLE_ENTITY),
        (
            json!({"message": "x".repeat(2001)}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (json!({"username": ""}), StatusCode::UNPROCESSABLE_ENTITY),
        (json!({"color": "blue"}), StatusCode::UNPROCESSABLE_ENTITY),
        (
            json!({"emotes": [{"id": "1", "name": "x", "start": 5, "end": 500}]}),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (json!({"is_mod": "yes"}), StatusCode::BAD_REQUEST),
        (json!({"surprise": 1}), StatusCode::BAD_REQUEST),
    ];
    for (patch, want) in cases {
        let mut m = msg(0, "twitch", "hank");
        for (k, v) in patch.as_object().unwrap() {
            m[k] = v.clone();
        }
        let (st, b) = api
            .call(Method::POST, "/v1/chat/message", Some(&t), Some(m))
            .await;
        assert_eq!(st, want, "{patch}: {b}");
        assert!(!b["error"]["message"].as_str().unwrap().is_empty());
    }
    let (st, b) = api
        .call(Method::GET, "/v1/chat/history?cursor=zzz", Some(&t), None)
        .await;
    assert_eq!((st, code(&b)), (StatusCode::BAD_REQUEST, "bad_request"));
    let (st, _) = api
        .call(Method::GET, "/v1/chat/history?limit=0", Some(&t), None)
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    let (st, _) = api
        .call(
            Method::GET,
            "/v1/chat/history?platform=myspace",
            Some(&t),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    let (st, _) = api
        .call(
            Method::GET,
            "/v1/chat/history?from=yesterday",
            Some(&t),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    // viewer may read but not ingest.
    let v = api.login("viewer", "lumio-viewer").await;
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(&v),
            Some(msg(0, "twitch", "x")),
        )
        .await;
    assert_eq!(
        (st, b["error"]["permission"].as_str()),
        (StatusCode::FORBIDDEN, Some("chat:write"))
    );
    assert_eq!(count(&api, &v).await, 0);
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    assert_eq!(stored(&s.state).await, 0);
}

/// The PostgreSQL flush goes through `COPY … (FORMAT csv)`: quotes, commas, backslashes,
/// line breaks, non-Latin text, empty and missing optional values must come back exactly
/// as the buffer held them; a chatter with several messages in one batch is counted once
/// per message, with the first and latest times and the latest name.
async fn awkward_text_is_stored_exactly_and_chatters_counted_once_per_batch(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let texts = [
        r#"she said "hi", then left \o/ ,,, "" \N"#,
        "line one\nline two\r\n\tindented",
        "ünïcödé — 日本語 — 🎉🎉 — NULL",
        "\\.",
    ];
    for (i, text) in texts.iter().enumerate() {
        let mut body = msg(i, "youtube", "quoter");
        body["message"] = json!(text);
        body["display_name"] = json!(format!("Quoter \"{i}\""));
        if i == 3 {
            body["emotes"] = json!([]); // too short for the emote of msg()
        }
        if i == 1 {
            body["reply_to_message_id"] = json!("m-1");
            body["reply_to_username"] = json!("o'brien, \"the\" user");
            body["reply_to_message"] = json!("a, b\nc");
            body["emotes"] = json!([]);
            body["color"] = json!("");
        }
        ingest(&api, &t, body).await;
    }
    let buffered = history(&api, &t, "").await;
    assert_eq!(buffered["messages"].as_array().unwrap().len(), texts.len());

    let flusher = Flusher::new(s.state.clone());
    assert_eq!(flusher.run_once().await.unwrap(), texts.len());
    assert_eq!(stored(&s.state).await, texts.len() as i64);
    let from_db = history(&api, &t, "").await;
    assert_eq!(from_db["messages"], buffered["messages"]);
    for (got, want) in from_db["messages"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .zip(texts)
    {
        assert_eq!(got["message"], want);
    }

    let row = chatter(s, "youtube", "quoter").await;
    let (first, last) = (row.first_seen_at.unwrap(), row.last_seen_at.unwrap());
    assert_eq!(row.message_count, texts.len() as i64);
    assert_eq!(row.display_name.as_deref(), Some("Quoter \"3\""));
    let oldest = buffered["messages"][texts.len() - 1]["created_at"]
        .as_str()
        .unwrap();
    let newest = buffered["messages"][0]["created_at"].as_str().unwrap();
    assert_eq!(
        first,
        oldest.parse::<chrono::DateTime<chrono::Utc>>().unwrap()
    );
    assert_eq!(
        last,
        newest.parse::<chrono::DateTime<chrono::Utc>>().unwrap()
    );
}

/// Issue 12: a NUL (or any control character) in any text field, an oversized badge, or a
/// message too large as a whole is a 400 that names the field, and nothing is buffered.
async fn poisoned_text_is_refused_at_ingest_naming_the_field(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let huge_badges: Vec<String> = (0..40).map(|_| "b".repeat(20_000)).collect();
    let many_emotes: Vec<Value> = (0..500)
        .map(|i| json!({"id": format!("{i:0>100}"), "name": "n".repeat(100), "start": 0, "end": 0}))
        .collect();
    let cases = [
        (json!({"message": "free\u{0}followers"}), "message"),
        (json!({"message": "bell\u{7}"}), "message"),
        (json!({"badges": ["vip/1", "sub\u{0}"]}), "badges[1]"),
        (json!({"badges": huge_badges}), "badges[0]"),
        (json!({"badges": ["x".repeat(101)]}), "badges[0]"),
        (
            json!({"reply_to_message": "quote\u{0}d"}),
            "reply_to_message",
        ),
        (
            json!({"reply_to_username": "o\u{0}brien"}),
            "reply_to_username",
        ),
        (json!({"username": "ha\u{0}nk"}), "username"),
        (json!({"display_name": "Hank\u{1b}[31m"}), "display_name"),
        (json!({"channel_name": "chan\u{0}"}), "channel_name"),
        (
            json!({"platform_message_id": "pm\u{0}"}),
            "platform_message_id",
        ),
        (json!({"sub_tier": "1000\u{0}"}), "sub_tier"),
        (json!({"color": "#\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}"}), "color"),
        (
            json!({"emotes": [{"id": "25", "name": "Ka\u{0}ppa", "start": 0, "end": 4}]}),
            "emotes[0].name",
        ),
        (
            json!({"emotes": [{"id": "2\u{0}5", "name": "Kappa", "start": 0, "end": 4}]}),
            "emotes[0].id",
        ),
        (json!({"emotes": many_emotes}), "the message as a whole"),
        (json!({"user_id": "u-hank"}), "user_id"),
    ];
    for (patch, field) in cases {
        let mut m = msg(0, "twitch", "hank");
        for (k, v) in patch.as_object().unwrap() {
            m[k] = v.clone();
        }
        let (st, b) = api
            .call(Method::POST, "/v1/chat/message", Some(&t), Some(m))
            .await;
        assert_eq!(st, StatusCode::BAD_REQUEST, "{field}: {b}");
        let message = b["error"]["message"].as_str().unwrap();
        assert!(message.starts_with(field), "{field}: {message}");
        assert!(
            message.len() < 400,
            "the value is not echoed whole: {message}"
        );
    }
    // Line breaks and tabs are text, not poison.
    let mut ok = msg(1, "twitch", "hank");
    ok["message"] = json!("two\nlines\tand a tab");
    ingest(&api, &t, ok).await;
    assert_eq!(count(&api, &t).await, 1);
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    assert_eq!(stored(&s.state).await, 1);
}

async fn account_of(api: &Api, token: &str) -> uuid::Uuid {
    let (_, me) = api
        .call(Method::GET, "/v1/auth/me", Some(token), None)
        .await;
    me["accounts"][0]["id"].as_str().unwrap().parse().unwrap()
}

async fn dead_letters(s: &TestServer) -> Vec<lumio_server::chat::model::DeadLetter> {
    deadletter::list(&s.state.db, None, 1000).await.unwrap()
}

/// Issue 12: a row the database refuses (a NUL byte, put straight into the buffer past
/// ingest's checks) no longer stops the flush for every account: it is dead-lettered with
/// the database's own error, and every other row of every account is stored.
async fn a_row_the_database_refuses_is_dead_lettered_and_every_other_flows(s: &TestServer) {
    let api = Api::new(&s.url);
    let demo = api.login("mod", "lumio-mod").await;
    let other = api.login("othermod", "lumio-othermod").await;
    let demo_account = account_of(&api, &demo).await;
    for i in 0..6 {
        ingest(&api, &demo, msg(i, "twitch", "alice")).await;
        ingest(&api, &other, msg(i, "kick", "bob")).await;
        if i == 2 {
            // Past validation: what an older server, or a bug, could have buffered.
            let input: ChatMessageInput =
                serde_json::from_value(msg(99, "twitch", "mallory")).unwrap();
            let mut bad = service::validate(demo_account, &input).unwrap();
            bad.message = "free\u{0}followers".into();
            bad.badges = vec!["sub\u{0}".into()];
            buffer::push(&s.state, &bad).await.unwrap();
        }
    }
    let mut flusher = Flusher::new(s.state.clone());
    flusher.batch = 4; // several batches, the refused row in the middle of one
    assert_eq!(flusher.run_once().await.unwrap(), 12);
    assert_eq!(
        stored(&s.state).await,
        12,
        "every other row of both accounts"
    );
    assert_eq!(count(&api, &demo).await, 6);
    assert_eq!(count(&api, &other).await, 6);
    let dead = dead_letters(s).await;
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(dead[0].account_id, demo_account);
    assert!(dead[0].payload.contains("mallory"), "{}", dead[0].payload);
    assert!(
        dead[0].error.contains("0x00") || dead[0].error.contains("NUL"),
        "the database's own error: {}",
        dead[0].error
    );
    assert!(!dead[0].error.contains("internal error"));
    // Nothing is left buffered or claimed, and the next pass has nothing to do.
    assert_eq!(flusher.run_once().await.unwrap(), 0);
    assert_eq!(dead_letters(s).await.len(), 1);

    // Replaying it checks it again as ingest would: still refused, with its new error.
    let r = deadletter::replay_one(&s.state.db, dead[0].id)
        .await
        .unwrap();
    assert_eq!(r.outcome, "refused", "{r:?}");
    assert!(
        r.error
            .as_deref()
            .unwrap()
            .contains("message must not contain control characters"),
        "{r:?}"
    );
    let again = dead_letters(s).await;
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].attempts, 2);
    assert_eq!(again[0].error, r.error.clone().unwrap());
    assert_eq!(stored(&s.state).await, 12);
}

/// A row refused for a reason the operator then fixes is stored by a replay.
async fn a_dead_letter_is_replayed_once_the_database_takes_it(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    // A rule of this database that refuses one message (as a bad migration might).
    let (add, drop) = match s.state.db.backend_name() {
        "postgres" => (
            "ALTER TABLE platform_messages ADD CONSTRAINT test_refuse \
             CHECK (message <> 'refuse me')",
            "ALTER TABLE platform_messages DROP CONSTRAINT test_refuse",
        ),
        _ => (
            "CREATE TRIGGER test_refuse BEFORE INSERT ON platform_messages \
             WHEN NEW.message = 'refuse me' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
            "DROP TRIGGER test_refuse",
        ),
    };
    lumio_server::testing::raw::execute(&s.state.db, add).await;
    for i in 0..5 {
        let mut m = msg(i, "youtube", "carol");
        if i == 3 {
            m["message"] = json!("refuse me");
        }
        ingest(&api, &t, m).await;
    }
    assert_eq!(Flusher::new(s.state.clone()).run_once().await.unwrap(), 4);
    let dead = dead_letters(s).await;
    assert_eq!(dead.len(), 1);
    assert!(
        dead[0].error.contains("test_refuse") || dead[0].error.contains("refused by the test"),
        "{}",
        dead[0].error
    );
    // Still refused: stays, one more attempt.
    let r = deadletter::replay_one(&s.state.db, dead[0].id)
        .await
        .unwrap();
    assert_eq!(r.outcome, "refused");
    lumio_server::testing::raw::execute(&s.state.db, drop).await;
    let r = deadletter::replay_one(&s.state.db, dead[0].id)
        .await
        .unwrap();
    assert_eq!(r.outcome, "stored", "{r:?}");
    assert!(dead_letters(s).await.is_empty());
    assert_eq!(stored(&s.state).await, 5);
    let page = history(&api, &t, "").await;
    assert_eq!(page["messages"][1]["message"], "refuse me", "{page}");
    // Replaying it again finds nothing.
    let r = deadletter::replay_one(&s.state.db, dead[0].id)
        .await
        .unwrap();
    assert_eq!(r.outcome, "missing");
}

/// History reads only the tail of the buffer a page needs: pages, filters, cursors and
/// counts over thousands of buffered messages (some pushed slightly out of id order, some
/// claimed by a flusher, some stored) still come out exact.
async fn history_and_count_over_a_large_buffer_page_exactly(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let account = account_of(&api, &t).await;
    let input = |i: usize| -> ChatMessageInput {
        let (platform, user) = [("twitch", "alice"), ("kick", "bob"), ("youtube", "carol")][i % 3];
        let mut m = msg(i, platform, user);
        m["message"] = json!(format!("m{i:05}"));
        serde_json::from_value(m).unwrap()
    };
    let n = 3000;
    let mut msgs: Vec<_> = (0..n)
        .map(|i| service::validate(account, &input(i)).unwrap())
        .collect();
    // Pushes that overtook each other in flight: neighbours swapped here and there.
    for i in (0..n - 1).step_by(37) {
        msgs.swap(i, i + 1);
    }
    let (first, rest) = msgs.split_at(1000);
    for chunk in first.chunks(500) {
        for m in chunk {
            buffer::push(&s.state, m).await.unwrap();
        }
    }
    // The oldest thousand stored; a flusher then claims (and "dies" holding) 300 more.
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    for m in rest {
        buffer::push(&s.state, m).await.unwrap();
    }
    let mut dying = Flusher::new(s.state.clone());
    dying.batch = 300;
    dying.fail = FailPoint::AfterClaim;
    assert!(dying.run_once().await.is_err());
    assert_eq!(stored(&s.state).await, 1000);

    let mut want: Vec<String> = (0..n).map(|i| format!("m{i:05}")).collect();
    want.reverse();
    for (query, filter) in [
        ("", None::<&str>),
        ("&platform=kick", Some("kick")),
        ("&user=carol", Some("youtube")),
    ] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let q = match &cursor {
                Some(c) => format!("?limit=173{query}&cursor={c}"),
                None => format!("?limit=173{query}"),
            };
            let page = history(&api, &t, &q).await;
            for m in page["messages"].as_array().unwrap() {
                seen.push(m["message"].as_str().unwrap().to_string());
            }
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
        }
        let expected: Vec<String> = want
            .iter()
            .filter(|m| {
                let i: usize = m[1..].parse().unwrap();
                let p = ["twitch", "kick", "youtube"][i % 3];
                filter.is_none_or(|f| f == p)
            })
            .cloned()
            .collect();
        assert_eq!(seen.len(), expected.len(), "{query}");
        assert_eq!(seen, expected, "every message once, newest first ({query})");
        let (_, c) = api
            .call(
                Method::GET,
                &format!("/v1/chat/history/count{}", query.replacen('&', "?", 1)),
                Some(&t),
                None,
            )
            .await;
        assert_eq!(c["count"], expected.len() as i64, "count{query}: {c}");
    }
    assert_eq!(count(&api, &t).await, n as i64);
    // A deleted buffered message leaves the page and the count.
    let newest = history(&api, &t, "?limit=1").await["messages"][0].clone();
    let (st, r) = api
        .call(
            Method::POST,
            "/v1/chat/moderate",
            Some(&t),
            Some(json!({"platform": newest["platform"], "action": "delete",
                "message_id": newest["id"]})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{r}");
    assert_eq!(count(&api, &t).await, n as i64 - 1);
    assert_ne!(
        history(&api, &t, "?limit=1").await["messages"][0]["id"],
        newest["id"]
    );
}

/// Issue 12: a list field costs by its `limit` in the query's complexity: 200 `chatHistory`
/// aliases are refused before anything runs, with a clear error; a full page is fine.
async fn graphql_lists_cost_by_their_limit(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    ingest(&api, &t, msg(1, "twitch", "alice")).await;
    let aliases: String = (0..200)
        .map(|i| format!("h{i}: chatHistory {{ messages {{ id message }} nextCursor }} "))
        .collect();
    let body = api
        .gql(Some(&t), &format!("{{ {aliases} }}"), json!({}))
        .await;
    assert_eq!(body["data"], Value::Null, "nothing ran");
    assert_eq!(gql_code(&body), "bad_request", "{body}");
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("too complex") && message.contains("limit"),
        "{message}"
    );
    // Small limits cost little; one page of 500 with every field is fine.
    let few: String = (0..5)
        .map(|i| format!("h{i}: chatHistory(filter: {{limit: 10}}) {{ messages {{ id }} }} "))
        .collect();
    let body = api.gql(Some(&t), &format!("{{ {few} }}"), json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    let body = api
        .gql(
            Some(&t),
            "{ chatHistory(filter: {limit: 500}) { nextCursor messages { id accountId platform \
             channelName userId username displayName message badges color isMod isSub isVip \
             subTier platformMessageId replyToMessageId replyToUserId replyToUsername \
             replyToMessage createdAt deletedAt deletedBy isFirstMessage isFirstInStream \
             treatment emotes { id name start end provider } } } }",
            json!({}),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(
        body["data"]["chatHistory"]["messages"][0]["message"],
        "hello 1 from alice"
    );
    // The moderation log counts its limit too.
    let logs: String = (0..120)
        .map(|i| format!("l{i}: accountModerationLog(limit: 200) {{ total entries {{ id }} }} "))
        .collect();
    let body = api.gql(Some(&t), &format!("{{ {logs} }}"), json!({})).await;
    assert_eq!(gql_code(&body), "bad_request", "{body}");
}
