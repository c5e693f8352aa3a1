//! Live controls on both backends against a fake Twitch Helix that speaks the real
//! protocol: cancel a raid, end a poll, end a prediction, send a chat message — the right
//! Helix call with the right credentials and body, permissions per control, validation
//! before any call, Helix errors passed on clearly, and a server without Twitch configured.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::{next_event, ws_connect, Api};
use lumio_server::config::Config;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::lite::{FakeHelix, BOT_ID, BROADCASTER_ID};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

impl common::Fake for FakeHelix {
    fn configure(&self, c: &mut Config) {
        lumio_server::testing::point_twitch_at(self, c);
    }
}

async fn helix() -> FakeHelix {
    FakeHelix::start().await.unwrap()
}

backend_tests!(
    file = "live_controls", workers = false, with = helix;
    raids_are_cancelled_on_twitch,
    polls_end_terminated_or_archived,
    predictions_resolve_only_with_a_winner,
    messages_are_sent_through_helix_or_queued_for_the_bot,
    permissions_are_checked_per_control,
    helix_failures_are_clear
);

async fn call(
    api: &Api,
    t: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    api.call(method, path, Some(t), body).await
}

async fn raids_are_cancelled_on_twitch(s: &TestServer, h: &FakeHelix) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let mut live = ws_connect(&s.url, &owner, "").await;
    h.set_raid_pending(true);
    let (st, b) = call(&api, &owner, Method::DELETE, "/v1/chat/raid", None).await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(
        b,
        json!({"platform": "twitch", "broadcaster_id": BROADCASTER_ID, "cancelled": true})
    );
    assert!(!h.raid_pending());
    let c = h.calls().pop().unwrap();
    assert_eq!((c.method.as_str(), c.path.as_str()), ("DELETE", "/raids"));
    assert_eq!(c.query["broadcaster_id"], BROADCASTER_ID);
    let e = next_event(&mut live).await;
    assert_eq!(e["type"], "live_control", "{e}");
    assert_eq!(e["action"], "raid_cancelled");
    assert_eq!(e["by"], "Olive Owner");

    // No raid pending: Twitch's 404 comes back as a 404 that says so.
    let (st, b) = call(&api, &owner, Method::DELETE, "/v1/chat/raid", None).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("pending raid"),
        "{b}"
    );

    // GraphQL does the same.
    h.set_raid_pending(true);
    let g = api
        .gql(
            Some(&owner),
            "mutation { cancelRaid { cancelled broadcasterId } }",
            json!({}),
        )
        .await;
    assert_eq!(g["data"]["cancelRaid"]["cancelled"], true, "{g}");
}

async fn polls_end_terminated_or_archived(s: &TestServer, h: &FakeHelix) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    h.add_poll("poll-1", "Next game?");
    h.add_poll("poll-2", "Snacks?");
    let (st, b) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "poll-1"})),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["status"], "TERMINATED");
    assert_eq!(b["title"], "Next game?");
    assert_eq!(
        b["choices"][0],
        json!({"id": "poll-1-a", "title": "Yes", "votes": 12})
    );
    let c = h.calls().pop().unwrap();
    assert_eq!((c.method.as_str(), c.path.as_str()), ("PATCH", "/polls"));
    assert_eq!(
        c.body,
        json!({"broadcaster_id": BROADCASTER_ID, "id": "poll-1", "status": "TERMINATED"})
    );
    assert_eq!(h.poll("poll-1").unwrap()["status"], "TERMINATED");

    let g = api
        .gql(
            Some(&owner),
            "mutation { endPoll(pollId: \"poll-2\", status: \"archived\") { status } }",
            json!({}),
        )
        .await;
    assert_eq!(g["data"]["endPoll"]["status"], "ARCHIVED", "{g}");

    // A status Twitch does not have is refused before Twitch is asked.
    let before = h.calls().len();
    let (st, b) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "poll-1", "status": "PAUSED"})),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("TERMINATED or ARCHIVED"),
        "{b}"
    );
    let (st, _) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": " "})),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    let (st, _) = call(&api, &owner, Method::DELETE, "/v1/chat/poll", None).await;
    assert!(st.is_client_error(), "{st}");
    assert_eq!(h.calls().len(), before, "no Helix call for bad input");
    // A poll Twitch does not know: Twitch's answer, passed on.
    let (st, b) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "nope"})),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not found"),
        "{b}"
    );
}

async fn predictions_resolve_only_with_a_winner(s: &TestServer, h: &FakeHelix) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    h.add_prediction("pred-1", "Will we win?");
    h.add_prediction("pred-2", "First blood?");

    // RESOLVED without a winner: a validation error, and Twitch is not called.
    let (st, b) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/prediction",
        Some(json!({"prediction_id": "pred-1", "status": "RESOLVED"})),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("winning_outcome_id"),
        "{b}"
    );
    let g = api
        .gql(
            Some(&owner),
            "mutation { endPrediction(predictionId: \"pred-1\", status: \"RESOLVED\") { status } }",
            json!({}),
        )
        .await;
    assert_eq!(common::gql_code(&g), "validation_failed", "{g}");
    let (st, _) = call(&api, &owner, Method::DELETE, "/v1/chat/prediction",
        Some(json!({"prediction_id": "pred-1", "status": "CANCELED", "winning_outcome_id": "pred-1-blue"}))).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    let (st, _) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/prediction",
        Some(json!({"prediction_id": "pred-1", "status": "DONE"})),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(h.calls().is_empty(), "{:?}", h.calls());

    let (st, b) = call(&api, &owner, Method::DELETE, "/v1/chat/prediction",
        Some(json!({"prediction_id": "pred-1", "status": "resolved", "winning_outcome_id": "pred-1-blue"}))).await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["status"], "RESOLVED");
    assert_eq!(b["winning_outcome_id"], "pred-1-blue");
    assert_eq!(b["outcomes"].as_array().unwrap().len(), 2);
    let c = h.calls().pop().unwrap();
    assert_eq!(
        (c.method.as_str(), c.path.as_str()),
        ("PATCH", "/predictions")
    );
    assert_eq!(
        c.body,
        json!({"broadcaster_id": BROADCASTER_ID, "id": "pred-1",
        "status": "RESOLVED", "winning_outcome_id": "pred-1-blue"})
    );

    let g = api
        .gql(Some(&owner), "mutation { endPrediction(predictionId: \"pred-2\", status: \"LOCKED\") { status winningOutcomeId } }", json!({}))
        .await;
    assert_eq!(
        g["data"]["endPrediction"],
        json!({"status": "LOCKED", "winningOutcomeId": null}),
        "{g}"
    );
}

async fn messages_are_sent_through_helix_or_queued_for_the_bot(s: &TestServer, h: &FakeHelix) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let (st, b) = call(
        &api,
        &m,
        Method::POST,
        "/v1/chat/send",
        Some(json!({"platform": "twitch", "message": "  welcome to the stream  "})),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["delivery"], "sent");
    assert_eq!(b["message_id"], "fake-msg-1");
    assert_eq!(
        h.sent(),
        vec![
            json!({"broadcaster_id": BROADCASTER_ID, "sender_id": BOT_ID,
        "message": "welcome to the stream"})
        ]
    );

    // Kick has no direct connector yet: the bot gets it on its channel.
    let mut sub = s
        .bus()
        .subscribe(&format!(
            "lumio:bot:action:kick:{}",
            account_id(&api, &m).await
        ))
        .await
        .unwrap();
    let (st, b) = call(
        &api,
        &m,
        Method::POST,
        "/v1/chat/send",
        Some(json!({"platform": "kick", "message": "hi kick", "reply_to": "k-42"})),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["delivery"], "queued_for_bot");
    let published: Value = serde_json::from_str(&next(&mut sub).await).unwrap();
    assert_eq!(published["action"], "send");
    assert_eq!(published["message"], "hi kick");
    assert_eq!(published["reply_to"], "k-42");

    for (body, why) in [
        (
            json!({"platform": "youtube", "message": "x"}),
            "not supported",
        ),
        (json!({"platform": "twitch", "message": "   "}), "empty"),
        (
            json!({"platform": "twitch", "message": "x".repeat(501)}),
            "501",
        ),
    ] {
        let (st, b) = call(&api, &m, Method::POST, "/v1/chat/send", Some(body)).await;
        assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(b["error"]["message"].as_str().unwrap().contains(why), "{b}");
    }
    let (st, _) = call(
        &api,
        &m,
        Method::POST,
        "/v1/chat/send",
        Some(json!({"platform": "myspace", "message": "x"})),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert_eq!(h.sent().len(), 1);
}

async fn account_id(api: &Api, t: &str) -> String {
    let (_, me) = api.call(Method::GET, "/v1/auth/me", Some(t), None).await;
    me["accounts"][0]["id"].as_str().unwrap().to_string()
}

async fn next(sub: &mut lumio_server::bus::Subscription) -> String {
    use futures::StreamExt;
    tokio::time::timeout(std::time::Duration::from_secs(5), sub.next())
        .await
        .unwrap()
        .unwrap()
}

async fn permissions_are_checked_per_control(s: &TestServer, h: &FakeHelix) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let viewer = api.login("viewer", "lumio-viewer").await;
    h.set_raid_pending(true);
    h.add_poll("p", "t");
    h.add_prediction("q", "t");
    // A moderator moderates chat but does not run the channel's raids, polls, predictions.
    for (path, body, perm) in [
        ("/v1/chat/raid", None, "chat:raid"),
        ("/v1/chat/poll", Some(json!({"poll_id": "p"})), "chat:poll"),
        (
            "/v1/chat/prediction",
            Some(json!({"prediction_id": "q", "status": "LOCKED"})),
            "chat:prediction",
        ),
    ] {
        for t in [&m, &viewer] {
            let (st, b) = call(&api, t, Method::DELETE, path, body.clone()).await;
            assert_eq!(st, StatusCode::FORBIDDEN, "{path}: {b}");
            assert!(
                b["error"]["message"].as_str().unwrap().contains(perm),
                "{b}"
            );
        }
    }
    let (st, b) = call(
        &api,
        &viewer,
        Method::POST,
        "/v1/chat/send",
        Some(json!({"platform": "twitch", "message": "x"})),
    )
    .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("chat:write"),
        "{b}"
    );
    let (st, _) = api.call(Method::DELETE, "/v1/chat/raid", None, None).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    assert!(h.calls().is_empty(), "{:?}", h.calls());
    assert!(h.raid_pending());
}

async fn helix_failures_are_clear(s: &TestServer, h: &FakeHelix) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    h.add_poll("p", "t");
    h.set_failing(true);
    let (st, b) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "p"})),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_GATEWAY, "{b}");
    assert_eq!(common::code(&b), "platform_error");
    assert!(
        b["error"]["message"].as_str().unwrap().contains("bad day"),
        "{b}"
    );
    h.set_failing(false);

    // A server whose Twitch token is not configured says so, and calls nobody.
    let opts = lumio_server::testing::TestOptions {
        workers: false,
        ..s.options
    };
    let Some(bare) = TestServer::start(opts, "live_controls::helix_failures::bare").await else {
        return;
    };
    let api2 = Api::new(&bare.url);
    let o2 = api2.login("owner", "lumio-owner").await;
    let before = h.calls().len();
    let (st, b) = call(&api2, &o2, Method::DELETE, "/v1/chat/raid", None).await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("LUMIO_TWITCH_TOKEN"),
        "{b}"
    );
    // Sending falls back to the bot.
    let (st, b) = call(
        &api2,
        &o2,
        Method::POST,
        "/v1/chat/send",
        Some(json!({"platform": "twitch", "message": "hi"})),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["delivery"], "queued_for_bot");
    assert_eq!(h.calls().len(), before);
    bare.stop().await;
}
