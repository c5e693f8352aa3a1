//! Live controls on both backends against the strict fake Twitch: cancel a raid, end a poll,
//! end a prediction, send a chat message — each as the account's own Twitch identity (the
//! channel's broadcaster credential; the bot's to send), with the right Helix call and body,
//! a token refreshed once after a 401, a missing scope named, permissions per control,
//! validation before any call, Twitch's errors passed on clearly, and an account without a
//! Twitch connection told to connect one.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::twitch::{connect_moderating_bot, paste_tokens};
use common::{next_event, ws_connect, Api};
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::FakeTwitch;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn twitch() -> FakeTwitch {
    FakeTwitch::start().await.unwrap()
}

backend_tests!(
    file = "live_controls", workers = false, with = twitch;
    raids_are_cancelled_on_twitch,
    polls_end_terminated_or_archived,
    predictions_resolve_only_with_a_winner,
    messages_are_sent_as_the_bot_or_queued_for_it,
    permissions_are_checked_per_control,
    helix_failures_are_clear,
    an_account_without_twitch_is_told_to_connect,
    a_refused_token_is_refreshed_once_and_the_new_one_used,
    a_missing_scope_is_named_before_twitch_is_asked
);

/// What the broadcaster grants lumio for the live controls.
const LIVE_CONTROLS: &[&str] = &[
    "channel:manage:polls",
    "channel:manage:predictions",
    "channel:manage:raids",
];

/// Log in as the owner and connect the fake broadcaster's own token (`scopes`); the owner's
/// session token and the broadcaster's access token.
async fn owner_as_broadcaster(api: &Api, f: &FakeTwitch, scopes: &[&str]) -> (String, String) {
    let owner = api.login("owner", "lumio-owner").await;
    let pair = f.issue_user_token(&f.broadcaster.id, scopes);
    paste_tokens(api, &owner, f, &pair, "broadcaster").await;
    (owner, pair.access_token)
}

async fn call(
    api: &Api,
    t: &str,
    method: Method,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    api.call(method, path, Some(t), body).await
}

async fn raids_are_cancelled_on_twitch(s: &TestServer, f: &FakeTwitch) {
    let api = Api::new(&s.url);
    let (owner, access) = owner_as_broadcaster(&api, f, LIVE_CONTROLS).await;
    let b = f.broadcaster.id.as_str();
    let mut live = ws_connect(&s.url, &owner, "").await;
    f.set_raid_pending(b, true);
    let (st, body) = call(&api, &owner, Method::DELETE, "/v1/chat/raid", None).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(
        body,
        json!({"platform": "twitch", "broadcaster_id": b, "cancelled": true})
    );
    assert!(!f.raid_pending(b));
    let c = f.helix_calls().pop().unwrap();
    assert_eq!(
        (c.method.as_str(), c.path.as_str()),
        ("DELETE", "/helix/raids")
    );
    assert_eq!(c.query_param("broadcaster_id").as_deref(), Some(b));
    // The broadcaster's own token, not a server-wide one.
    assert_eq!(
        c.header("authorization"),
        Some(format!("Bearer {access}").as_str())
    );
    let e = next_event(&mut live).await;
    assert_eq!(e["type"], "live_control", "{e}");
    assert_eq!(e["action"], "raid_cancelled");
    assert_eq!(e["by"], "Olive Owner");

    // No raid pending: Twitch's 404 comes back as a 404 with Twitch's message.
    let (st, body) = call(&api, &owner, Method::DELETE, "/v1/chat/raid", None).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("pending raid"),
        "{body}"
    );

    // GraphQL does the same.
    f.set_raid_pending(b, true);
    let g = api
        .gql(
            Some(&owner),
            "mutation { cancelRaid { cancelled broadcasterId } }",
            json!({}),
        )
        .await;
    assert_eq!(g["data"]["cancelRaid"]["cancelled"], true, "{g}");
    assert!(!f.raid_pending(b));
}

async fn polls_end_terminated_or_archived(s: &TestServer, f: &FakeTwitch) {
    let api = Api::new(&s.url);
    let (owner, _) = owner_as_broadcaster(&api, f, LIVE_CONTROLS).await;
    let b = f.broadcaster.id.as_str();
    f.add_poll(b, "poll-1", "Next game?", &["Yes", "No"]);
    f.add_poll(b, "poll-2", "Snacks?", &["Chips", "Fruit"]);
    let (st, body) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "poll-1"})),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "TERMINATED");
    assert_eq!(body["title"], "Next game?");
    assert_eq!(
        body["choices"],
        json!([{"id": "poll-1-0", "title": "Yes", "votes": 0},
            {"id": "poll-1-1", "title": "No", "votes": 0}])
    );
    let c = f.helix_calls().pop().unwrap();
    assert_eq!(
        (c.method.as_str(), c.path.as_str()),
        ("PATCH", "/helix/polls")
    );
    assert_eq!(
        c.json().unwrap(),
        json!({"broadcaster_id": b, "id": "poll-1", "status": "TERMINATED"})
    );
    assert_eq!(f.poll(b, "poll-1").unwrap()["status"], "TERMINATED");

    let g = api
        .gql(
            Some(&owner),
            "mutation { endPoll(pollId: \"poll-2\", status: \"archived\") { status } }",
            json!({}),
        )
        .await;
    assert_eq!(g["data"]["endPoll"]["status"], "ARCHIVED", "{g}");

    // A status Twitch does not have is refused before Twitch is asked.
    let before = f.helix_calls().len();
    let (st, body) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "poll-1", "status": "PAUSED"})),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("TERMINATED or ARCHIVED"),
        "{body}"
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
    assert_eq!(f.helix_calls().len(), before, "no Helix call for bad input");
    // A poll Twitch does not know: Twitch's 400 and its message, as a 422.
    let (st, body) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "nope"})),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let said = body["error"]["message"].as_str().unwrap();
    assert!(
        said.contains("400") && said.contains("id field is not valid"),
        "{body}"
    );
}

async fn predictions_resolve_only_with_a_winner(s: &TestServer, f: &FakeTwitch) {
    let api = Api::new(&s.url);
    let (owner, _) = owner_as_broadcaster(&api, f, LIVE_CONTROLS).await;
    let b = f.broadcaster.id.as_str();
    f.add_prediction(b, "pred-1", "Will we win?", &["Yes", "No"]);
    f.add_prediction(b, "pred-2", "First blood?", &["Us", "Them"]);
    let before = f.helix_calls().len();

    // RESOLVED without a winner: a validation error, and Twitch is not called.
    let (st, body) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/prediction",
        Some(json!({"prediction_id": "pred-1", "status": "RESOLVED"})),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("winning_outcome_id"),
        "{body}"
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
        Some(json!({"prediction_id": "pred-1", "status": "CANCELED", "winning_outcome_id": "pred-1-0"}))).await;
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
    assert_eq!(f.helix_calls().len(), before, "no Helix call for bad input");

    let (st, body) = call(&api, &owner, Method::DELETE, "/v1/chat/prediction",
        Some(json!({"prediction_id": "pred-1", "status": "resolved", "winning_outcome_id": "pred-1-0"}))).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["status"], "RESOLVED");
    assert_eq!(body["winning_outcome_id"], "pred-1-0");
    assert_eq!(body["outcomes"].as_array().unwrap().len(), 2);
    assert_eq!(body["outcomes"][1]["title"], "No");
    let c = f.helix_calls().pop().unwrap();
    assert_eq!(
        (c.method.as_str(), c.path.as_str()),
        ("PATCH", "/helix/predictions")
    );
    assert_eq!(
        c.json().unwrap(),
        json!({"broadcaster_id": b, "id": "pred-1",
        "status": "RESOLVED", "winning_outcome_id": "pred-1-0"})
    );
    assert_eq!(f.prediction(b, "pred-1").unwrap()["status"], "RESOLVED");

    let g = api
        .gql(Some(&owner), "mutation { endPrediction(predictionId: \"pred-2\", status: \"LOCKED\") { status winningOutcomeId } }", json!({}))
        .await;
    assert_eq!(
        g["data"]["endPrediction"],
        json!({"status": "LOCKED", "winningOutcomeId": null}),
        "{g}"
    );
    // A winner Twitch does not know: Twitch's answer, passed on.
    let (st, body) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/prediction",
        Some(
            json!({"prediction_id": "pred-2", "status": "RESOLVED", "winning_outcome_id": "nope"}),
        ),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("winning_outcome_id"),
        "{body}"
    );
}

async fn messages_are_sent_as_the_bot_or_queued_for_it(s: &TestServer, f: &FakeTwitch) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let m = api.login("mod", "lumio-mod").await;

    // No Twitch channel connected yet: the bot gets it on its channel.
    let mut sub = s
        .bus()
        .subscribe(&format!(
            "lumio:bot:action:twitch:{}",
            account_id(&api, &m).await
        ))
        .await
        .unwrap();
    let (st, b) = call(
        &api,
        &m,
        Method::POST,
        "/v1/chat/send",
        Some(json!({"platform": "twitch", "message": "early"})),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["delivery"], "queued_for_bot");
    let published: Value = serde_json::from_str(&next(&mut sub).await).unwrap();
    assert_eq!(published["message"], "early");
    assert!(f.helix_calls().is_empty());

    // Connected: sent through Helix as the channel's bot.
    connect_moderating_bot(&api, &owner, f).await;
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
    assert!(!b["message_id"].as_str().unwrap().is_empty(), "{b}");
    assert_eq!(
        f.sent_messages(),
        vec![(
            f.broadcaster.id.clone(),
            f.bot.id.clone(),
            "welcome to the stream".to_string()
        )]
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
    assert_eq!(f.sent_messages().len(), 1);
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

async fn permissions_are_checked_per_control(s: &TestServer, f: &FakeTwitch) {
    let api = Api::new(&s.url);
    owner_as_broadcaster(&api, f, LIVE_CONTROLS).await;
    let m = api.login("mod", "lumio-mod").await;
    let viewer = api.login("viewer", "lumio-viewer").await;
    let bid = f.broadcaster.id.as_str();
    f.set_raid_pending(bid, true);
    f.add_poll(bid, "p", "t", &["a", "b"]);
    f.add_prediction(bid, "q", "t", &["a", "b"]);
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
    assert!(f.helix_calls().is_empty(), "{:?}", f.helix_calls());
    assert!(f.raid_pending(bid));
}

async fn helix_failures_are_clear(s: &TestServer, f: &FakeTwitch) {
    let api = Api::new(&s.url);
    let (owner, _) = owner_as_broadcaster(&api, f, LIVE_CONTROLS).await;
    let b = f.broadcaster.id.as_str();
    f.add_poll(b, "p", "t", &["a", "b"]);
    f.fail_next_helix(Some("PATCH"), "/polls", 500, 1);
    let (st, body) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "p"})),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_GATEWAY, "{body}");
    assert_eq!(common::code(&body), "platform_error");
    let said = body["error"]["message"].as_str().unwrap();
    assert!(
        said.contains("500") && said.contains("told to fail"),
        "{body}"
    );
    // A rate limit is a wait, said as such.
    f.fail_next_helix(Some("PATCH"), "/polls", 429, 1);
    let (st, body) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "p"})),
    )
    .await;
    assert_eq!(st, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("rate limit"),
        "{body}"
    );
    assert_eq!(f.poll(b, "p").unwrap()["status"], "ACTIVE");
    // Then it goes through.
    let (st, body) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "p"})),
    )
    .await;
    assert_eq!(st, StatusCode::OK, "{body}");
    // No token in any answer.
    assert!(!body.to_string().contains("Bearer"));
}

async fn an_account_without_twitch_is_told_to_connect(s: &TestServer, f: &FakeTwitch) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    f.set_raid_pending(&f.broadcaster.id, true);
    let (st, b) = call(&api, &owner, Method::DELETE, "/v1/chat/raid", None).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    let said = b["error"]["message"].as_str().unwrap();
    assert!(said.contains("lumio connect twitch"), "{b}");
    let g = api
        .gql(
            Some(&owner),
            "mutation { endPoll(pollId: \"p\") { status } }",
            json!({}),
        )
        .await;
    assert_eq!(common::gql_code(&g), "validation_failed", "{g}");
    assert!(g.to_string().contains("lumio connect twitch"), "{g}");

    // Only the bot connected: raids are the broadcaster's, and the error says how.
    connect_moderating_bot(&api, &owner, f).await;
    let (st, b) = call(&api, &owner, Method::DELETE, "/v1/chat/raid", None).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("lumio connect twitch --as broadcaster"),
        "{b}"
    );
    assert!(
        !f.helix_calls().iter().any(|c| c.path == "/helix/raids"),
        "Twitch is not asked"
    );
    assert!(f.raid_pending(&f.broadcaster.id));
}

async fn a_refused_token_is_refreshed_once_and_the_new_one_used(s: &TestServer, f: &FakeTwitch) {
    let api = Api::new(&s.url);
    let (owner, access) = owner_as_broadcaster(&api, f, LIVE_CONTROLS).await;
    let b = f.broadcaster.id.as_str();
    f.set_raid_pending(b, true);
    f.expire_token(&access);
    let (st, body) = call(&api, &owner, Method::DELETE, "/v1/chat/raid", None).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert!(!f.raid_pending(b));
    let raids: Vec<_> = f
        .helix_answers()
        .into_iter()
        .filter(|(c, _)| c.path == "/helix/raids")
        .collect();
    assert_eq!(raids.len(), 2, "{raids:?}");
    let old = format!("Bearer {access}");
    assert_eq!(raids[0].0.header("authorization"), Some(old.as_str()));
    assert_eq!(raids[0].1, 401);
    let fresh = raids[1].0.header("authorization").unwrap().to_string();
    assert_ne!(fresh, old, "the refreshed token is used");
    assert!(f.token_is_valid(fresh.trim_start_matches("Bearer ")));
    assert_eq!(raids[1].1, 204);
    assert!(f.calls().iter().any(|c| c.path.ends_with("/token")));

    // The refreshed token is kept: the next call uses it at once.
    f.add_poll(b, "p", "t", &["a", "b"]);
    let (st, _) = call(
        &api,
        &owner,
        Method::DELETE,
        "/v1/chat/poll",
        Some(json!({"poll_id": "p"})),
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    let c = f.helix_calls().pop().unwrap();
    assert_eq!(c.header("authorization"), Some(fresh.as_str()));

    // A refresh Twitch refuses: the credential needs re-authorization, said as a 409.
    f.revoke_token(fresh.trim_start_matches("Bearer "));
    f.set_raid_pending(b, true);
    let (st, body) = call(&api, &owner, Method::DELETE, "/v1/chat/raid", None).await;
    assert_eq!(st, StatusCode::CONFLICT, "{body}");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("re-authorization"),
        "{body}"
    );
}

async fn a_missing_scope_is_named_before_twitch_is_asked(s: &TestServer, f: &FakeTwitch) {
    let api = Api::new(&s.url);
    let (owner, _) = owner_as_broadcaster(&api, f, &["channel:manage:raids"]).await;
    let b = f.broadcaster.id.as_str();
    f.add_poll(b, "p", "t", &["a", "b"]);
    f.add_prediction(b, "q", "t", &["a", "b"]);
    for (path, body, scope) in [
        (
            "/v1/chat/poll",
            json!({"poll_id": "p"}),
            "channel:manage:polls",
        ),
        (
            "/v1/chat/prediction",
            json!({"prediction_id": "q", "status": "LOCKED"}),
            "channel:manage:predictions",
        ),
    ] {
        let (st, b) = call(&api, &owner, Method::DELETE, path, Some(body)).await;
        assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
        let said = b["error"]["message"].as_str().unwrap();
        assert!(said.contains(&format!("`{scope}` not granted")), "{b}");
        assert!(
            said.contains("lumio connect twitch --as broadcaster --scopes"),
            "{b}"
        );
    }
    assert!(f.helix_calls().is_empty(), "{:?}", f.helix_calls());
    assert_eq!(f.poll(b, "p").unwrap()["status"], "ACTIVE");
}
