//! The chat pipeline on both backends: ingest → buffer → flush → history, crash safety of
//! the flush, several instances on one database and bus, bad input.

#![allow(clippy::unwrap_used)]

mod common;

use common::{code, gql_code, Api};
use lumio_server::app::AppState;
use lumio_server::chat::flush::{FailPoint, Flusher};
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
    lumio_server::on_db!(&state.db, |pool| sqlx::query_scalar::<_, i64>(
        "SELECT COUNT(*) FROM platform_messages"
    )
    .fetch_one(pool)
    .await)
    .unwrap()
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
    let (n, name): (i64, String) = lumio_server::on_db!(&s.state.db, |pool| sqlx::query_as(
        "SELECT message_count, username FROM platform_users WHERE platform = 'twitch' AND platform_user_id = $1"
    )
    .bind(common::platform_id("twitch", "alice"))
    .fetch_one(pool)
    .await)
    .unwrap();
    assert_eq!((n, name.as_str()), (2, "alice"));
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
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    assert_eq!(stored(&s.state).await, 1);
    // Even once the bus has forgotten it, the database refuses a second copy.
    s.bus()
        .del(&lumio_server::bus::keys::chat_seen(
            first["message"]["account_id"].as_str().unwrap(),
            "youtube",
            "yt-abc",
        ))
        .await
        .unwrap();
    ingest(&api, &t, m).await;
    Flusher::new(s.state.clone()).run_once().await.unwrap();
    assert_eq!(stored(&s.state).await, 1);
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
    let n: i64 = lumio_server::on_db!(&s.state.db, |pool| sqlx::query_scalar(
        "SELECT message_count FROM platform_users WHERE platform_user_id = $1"
    )
    .bind(common::platform_id("discord", "erin"))
    .fetch_one(pool)
    .await)
    .unwrap();
    assert_eq!(n, 10);
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

    let (n, display, first, last): (
        i64,
        String,
        chrono::DateTime<chrono::Utc>,
        chrono::DateTime<chrono::Utc>,
    ) = lumio_server::on_db!(&s.state.db, |pool| sqlx::query_as(
        "SELECT message_count, display_name, first_seen_at, last_seen_at FROM platform_users \
             WHERE platform = 'youtube' AND platform_user_id = $1"
    )
    .bind(common::platform_id("youtube", "quoter"))
    .fetch_one(pool)
    .await)
    .unwrap();
    assert_eq!(n, texts.len() as i64);
    assert_eq!(display, "Quoter \"3\"");
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
