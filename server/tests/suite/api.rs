//! HTTP tests through the real router on a real port: auth, tokens, notes on REST and
//! GraphQL, permissions, account isolation and bad input — on SQLite with the in-process bus
//! and on PostgreSQL with Redis.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::{code, gql_code, Api};
use lumio_server::testing::{TestServer, TEST_SYSTEM_KEY};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

backend_tests!(
    file = "api", workers = true;
    health_ready_metrics,
    login_and_me,
    login_is_throttled,
    api_tokens_are_limited_and_revocable,
    notes_rest_round_trip,
    notes_graphql_round_trip,
    missing_permission_is_403_naming_it,
    accounts_are_isolated,
    choosing_an_account,
    system_key_is_only_for_system_queries,
    bad_input_is_a_clear_4xx,
);

const NOTES: &str = "/v1/chat/users/twitch/1234/notes";

async fn health_ready_metrics(s: &TestServer) {
    let api = Api::new(&s.url);
    let (st, body) = api.call(Method::GET, "/healthz", None, None).await;
    assert_eq!((st, body["status"].as_str()), (StatusCode::OK, Some("ok")));
    let (st, body) = api.call(Method::GET, "/readyz", None, None).await;
    assert_eq!(st, StatusCode::OK, "{body}");
    assert_eq!(body["database"], "ok");
    assert_eq!(body["bus"], "ok");
    let text = api
        .client
        .get(format!("{}/metrics", s.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        text.contains(
            "lumio_http_requests_total{method=\"GET\",route=\"/readyz\",status=\"200\"} 1"
        ),
        "{text}"
    );
    assert!(text
        .contains("lumio_http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\""));
}

async fn login_and_me(s: &TestServer) {
    let api = Api::new(&s.url);
    let (st, body) = api
        .call(
            Method::POST,
            "/v1/auth/login",
            None,
            Some(json!({"username": "mod", "password": "wrong"})),
        )
        .await;
    assert_eq!(
        (st, code(&body)),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
    let (st, body) = api
        .call(
            Method::POST,
            "/v1/auth/login",
            None,
            Some(json!({"username": "nobody", "password": "x"})),
        )
        .await;
    assert_eq!(st, StatusCode::UNAUTHORIZED, "{body}");

    let token = api.login("mod", "lumio-mod").await;
    assert!(token.starts_with("lum_"));
    let (st, me) = api
        .call(Method::GET, "/v1/auth/me", Some(&token), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{me}");
    assert_eq!(me["user"]["username"], "mod");
    assert_eq!(me["accounts"][0]["slug"], "demo");
    assert_eq!(me["accounts"][0]["role"], "moderator");
    let perms: Vec<&str> = me["accounts"][0]["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        perms.contains(&"chat:notes") && perms.contains(&"chat:ban"),
        "{perms:?}"
    );
    assert!(!perms.contains(&"chat:raid"), "{perms:?}");
    assert_eq!(me["admin_permissions"], json!([]));
    assert_eq!(me["token"]["kind"], "session");

    let admin = api.login("admin", "lumio-admin").await;
    let (_, me) = api
        .call(Method::GET, "/v1/auth/me", Some(&admin), None)
        .await;
    assert!(me["admin_permissions"]
        .as_array()
        .unwrap()
        .contains(&json!("bot-control:edit")));

    // GraphQL `me` agrees.
    let body = api
        .gql(
            Some(&token),
            "{ me { user { username } accounts { slug role } } }",
            json!({}),
        )
        .await;
    assert_eq!(body["data"]["me"]["user"]["username"], "mod", "{body}");

    // Logout revokes the session.
    let (st, _) = api
        .call(Method::POST, "/v1/auth/logout", Some(&token), None)
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, body) = api
        .call(Method::GET, "/v1/auth/me", Some(&token), None)
        .await;
    assert_eq!(
        (st, code(&body)),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
}

async fn login_is_throttled(s: &TestServer) {
    let api = Api::new(&s.url);
    let wrong = json!({"username": "viewer", "password": "guess"});
    for _ in 0..lumio_server::auth::service::MAX_LOGIN_FAILURES {
        let (st, _) = api
            .call(Method::POST, "/v1/auth/login", None, Some(wrong.clone()))
            .await;
        assert_eq!(st, StatusCode::UNAUTHORIZED);
    }
    // Now even the right password is refused for a while, with a 429 …
    let (st, body) = api
        .call(
            Method::POST,
            "/v1/auth/login",
            None,
            Some(json!({"username": "viewer", "password": "lumio-viewer"})),
        )
        .await;
    assert_eq!(
        (st, code(&body)),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited")
    );
    // … while other users are not affected, and a success resets the count.
    api.login("mod", "lumio-mod").await;
    s.bus()
        .del(&lumio_server::bus::keys::login_failures(
            "127.0.0.1",
            "viewer",
        ))
        .await
        .unwrap();
    api.login("viewer", "lumio-viewer").await;
}

async fn api_tokens_are_limited_and_revocable(s: &TestServer) {
    let api = Api::new(&s.url);
    let session = api.login("mod", "lumio-mod").await;
    let (st, created) = api
        .call(Method::POST, "/v1/auth/tokens", Some(&session),
            Some(json!({"name": "ci reader", "permissions": ["chat:read", "chat:notes"], "expires_in_days": 7})))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{created}");
    let notes_token = created["token"].as_str().unwrap().to_string();
    assert_eq!(created["permissions"], json!(["chat:read", "chat:notes"]));
    assert!(created["expires_at"].is_string());

    let (_, read_only) = api
        .call(
            Method::POST,
            "/v1/auth/tokens",
            Some(&session),
            Some(json!({"name": "ro", "permissions": ["chat:read"]})),
        )
        .await;
    let read_only = read_only["token"].as_str().unwrap().to_string();

    // The limited token works within its scope and nowhere else.
    let (st, _) = api.call(Method::GET, NOTES, Some(&notes_token), None).await;
    assert_eq!(st, StatusCode::OK);
    let (st, body) = api.call(Method::GET, NOTES, Some(&read_only), None).await;
    assert_eq!(
        (st, body["error"]["permission"].as_str()),
        (StatusCode::FORBIDDEN, Some("chat:notes"))
    );
    let (_, me) = api
        .call(Method::GET, "/v1/auth/me", Some(&read_only), None)
        .await;
    assert_eq!(me["accounts"][0]["permissions"], json!(["chat:read"]));

    // A token cannot grant more than its creator holds, nor unknown permissions.
    let cases = [
        (&read_only, "chat:ban", StatusCode::FORBIDDEN),
        (&session, "chat:raid", StatusCode::FORBIDDEN),
        (&session, "chat:fly", StatusCode::UNPROCESSABLE_ENTITY),
    ];
    let mut body = Value::Null;
    for (token, perm, want) in cases {
        let (st, b) = api
            .call(
                Method::POST,
                "/v1/auth/tokens",
                Some(token),
                Some(json!({"name": "x", "permissions": [perm]})),
            )
            .await;
        assert_eq!(st, want, "{perm}: {b}");
        body = b;
    }
    assert_eq!(code(&body), "validation_failed");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("chat:fly"));
    let (st, _) = api
        .call(
            Method::POST,
            "/v1/auth/tokens",
            Some(&session),
            Some(json!({"name": "x", "permissions": ["chat:read"], "expires_in_days": 0})),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);

    // Listing shows no secrets; revoking ends the token.
    let (st, list) = api
        .call(Method::GET, "/v1/auth/tokens", Some(&session), None)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(list.as_array().unwrap().len(), 3, "{list}");
    assert!(!list.to_string().contains(&notes_token));
    let id = created["id"].as_str().unwrap();
    let (st, _) = api
        .call(
            Method::DELETE,
            &format!("/v1/auth/tokens/{id}"),
            Some(&session),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, _) = api.call(Method::GET, NOTES, Some(&notes_token), None).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    let (st, body) = api
        .call(
            Method::DELETE,
            &format!("/v1/auth/tokens/{id}"),
            Some(&session),
            None,
        )
        .await;
    assert_eq!((st, code(&body)), (StatusCode::NOT_FOUND, "not_found"));

    // Someone else's token cannot be revoked.
    let viewer = api.login("viewer", "lumio-viewer").await;
    let (_, vlist) = api
        .call(Method::GET, "/v1/auth/tokens", Some(&viewer), None)
        .await;
    let vid = vlist[0]["id"].as_str().unwrap();
    let (st, _) = api
        .call(
            Method::DELETE,
            &format!("/v1/auth/tokens/{vid}"),
            Some(&session),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
}

async fn notes_rest_round_trip(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let (st, list) = api.call(Method::GET, NOTES, Some(&t), None).await;
    assert_eq!((st, list.clone()), (StatusCode::OK, json!([])));

    let (st, note) = api
        .call(
            Method::POST,
            NOTES,
            Some(&t),
            Some(json!({"note": "  spams links  "})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{note}");
    assert_eq!(note["note"], "spams links");
    assert_eq!(note["platform"], "twitch");
    assert_eq!(note["platform_user_id"], "1234");
    assert_eq!(note["created_by_name"], "Milo Mod");
    let id = note["id"].as_str().unwrap().to_string();
    let (_, second) = api
        .call(
            Method::POST,
            NOTES,
            Some(&t),
            Some(json!({"note": "second"})),
        )
        .await;

    let (_, list) = api.call(Method::GET, NOTES, Some(&t), None).await;
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec![second["id"].as_str().unwrap(), id.as_str()],
        "newest first"
    );

    let (st, edited) = api
        .call(
            Method::PATCH,
            &format!("{NOTES}/{id}"),
            Some(&t),
            Some(json!({"note": "spams links, warned"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{edited}");
    assert_eq!(edited["note"], "spams links, warned");
    assert_eq!(edited["created_at"], note["created_at"]);

    // The note id must belong to the user in the path.
    let (st, _) = api
        .call(
            Method::PATCH,
            &format!("/v1/chat/users/twitch/999/notes/{id}"),
            Some(&t),
            Some(json!({"note": "x"})),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);

    let (st, _) = api
        .call(Method::DELETE, &format!("{NOTES}/{id}"), Some(&t), None)
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, body) = api
        .call(Method::DELETE, &format!("{NOTES}/{id}"), Some(&t), None)
        .await;
    assert_eq!((st, code(&body)), (StatusCode::NOT_FOUND, "not_found"));
    let (_, list) = api.call(Method::GET, NOTES, Some(&t), None).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
}

async fn notes_graphql_round_trip(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let body = api
        .gql(Some(&t),
            "mutation($n: String!) { createPlatformUserNote(platform: \"kick\", platformUserId: \"99\", note: $n) { id note platform platformUserId createdByName } }",
            json!({"n": "first-time chatter, friendly"}))
        .await;
    let note = &body["data"]["createPlatformUserNote"];
    assert_eq!(note["note"], "first-time chatter, friendly", "{body}");
    assert_eq!(note["platformUserId"], "99");
    let id = note["id"].as_str().unwrap().to_string();

    // REST sees what GraphQL wrote: one service behind both.
    let (_, list) = api
        .call(Method::GET, "/v1/chat/users/kick/99/notes", Some(&t), None)
        .await;
    assert_eq!(list[0]["id"], json!(id));

    let body = api
        .gql(Some(&t), "mutation($id: UUID!) { updatePlatformUserNote(noteId: $id, note: \"edited\") { note } }", json!({"id": id}))
        .await;
    assert_eq!(
        body["data"]["updatePlatformUserNote"]["note"], "edited",
        "{body}"
    );
    let body = api
        .gql(
            Some(&t),
            "{ platformUserNotes(platform: \"kick\", platformUserId: \"99\") { id note } }",
            json!({}),
        )
        .await;
    assert_eq!(body["data"]["platformUserNotes"][0]["note"], "edited");
    let body = api
        .gql(
            Some(&t),
            "mutation($id: UUID!) { deletePlatformUserNote(noteId: $id) }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(body["data"]["deletePlatformUserNote"], true);
    let body = api
        .gql(
            Some(&t),
            "mutation($id: UUID!) { deletePlatformUserNote(noteId: $id) }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(gql_code(&body), "not_found", "{body}");

    // Validation errors carry their code on GraphQL too.
    let body = api
        .gql(Some(&t), "mutation { createPlatformUserNote(platform: \"kick\", platformUserId: \"7\", note: \"   \") { id } }", json!({}))
        .await;
    assert_eq!(gql_code(&body), "validation_failed", "{body}");
    let body = api
        .gql(Some(&t), "mutation { createPlatformUserNote(platform: \"myspace\", platformUserId: \"u\", note: \"x\") { id } }", json!({}))
        .await;
    assert_eq!(gql_code(&body), "bad_request", "{body}");
    let body = api
        .gql(
            None,
            "{ platformUserNotes(platform: \"kick\", platformUserId: \"7\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(gql_code(&body), "unauthorized", "{body}");
}

async fn missing_permission_is_403_naming_it(s: &TestServer) {
    let api = Api::new(&s.url);
    let viewer = api.login("viewer", "lumio-viewer").await;
    let (st, body) = api
        .call(
            Method::POST,
            NOTES,
            Some(&viewer),
            Some(json!({"note": "x"})),
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    assert_eq!(code(&body), "forbidden");
    assert_eq!(body["error"]["permission"], "chat:notes");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("chat:notes"));

    let body = api
        .gql(
            Some(&viewer),
            "{ platformUserNotes(platform: \"twitch\", platformUserId: \"1\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(gql_code(&body), "forbidden", "{body}");
    assert_eq!(body["errors"][0]["extensions"]["permission"], "chat:notes");

    // The editor role has no chat:notes either; the owner does.
    let editor = api.login("editor", "lumio-editor").await;
    let (st, _) = api.call(Method::GET, NOTES, Some(&editor), None).await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    let owner = api.login("owner", "lumio-owner").await;
    let (st, _) = api.call(Method::GET, NOTES, Some(&owner), None).await;
    assert_eq!(st, StatusCode::OK);
    let (st, body) = api.call(Method::GET, NOTES, None, None).await;
    assert_eq!(
        (st, code(&body)),
        (StatusCode::UNAUTHORIZED, "unauthorized")
    );
}

async fn accounts_are_isolated(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let other = api.login("othermod", "lumio-othermod").await;
    let (_, note) = api
        .call(
            Method::POST,
            NOTES,
            Some(&m),
            Some(json!({"note": "demo only"})),
        )
        .await;
    let id = note["id"].as_str().unwrap();

    let (st, list) = api.call(Method::GET, NOTES, Some(&other), None).await;
    assert_eq!((st, list), (StatusCode::OK, json!([])));
    let (st, _) = api
        .call(
            Method::PATCH,
            &format!("{NOTES}/{id}"),
            Some(&other),
            Some(json!({"note": "hijack"})),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, _) = api
        .call(Method::DELETE, &format!("{NOTES}/{id}"), Some(&other), None)
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let body = api
        .gql(
            Some(&other),
            "mutation($id: UUID!) { deletePlatformUserNote(noteId: $id) }",
            json!({"id": id}),
        )
        .await;
    assert_eq!(gql_code(&body), "not_found");
    // Naming the other account explicitly is refused.
    let (st, body) = api
        .call_with(
            Method::GET,
            NOTES,
            Some(&other),
            None,
            &[("X-Lumio-Account", "demo")],
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{body}");

    let (_, list) = api.call(Method::GET, NOTES, Some(&m), None).await;
    assert_eq!(list[0]["note"], "demo only");
}

async fn choosing_an_account(s: &TestServer) {
    // A user in two accounts must say which one.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.toml");
    std::fs::write(
        &path,
        "[[users]]\nusername = \"both\"\npassword = \"password-both\"\n\n\
         [[memberships]]\nuser = \"both\"\naccount = \"demo\"\nrole = \"moderator\"\n\n\
         [[memberships]]\nuser = \"both\"\naccount = \"other\"\nrole = \"moderator\"\n",
    )
    .unwrap();
    lumio_server::seed::run(&s.state.db, path.to_str().unwrap())
        .await
        .unwrap();
    let api = Api::new(&s.url);
    let t = api.login("both", "password-both").await;
    let (st, body) = api.call(Method::GET, NOTES, Some(&t), None).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{body}");
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("X-Lumio-Account"));

    let (st, n) = api
        .call_with(
            Method::POST,
            NOTES,
            Some(&t),
            Some(json!({"note": "in other"})),
            &[("X-Lumio-Account", "other")],
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{n}");
    let (_, demo_list) = api
        .call_with(
            Method::GET,
            NOTES,
            Some(&t),
            None,
            &[("X-Lumio-Account", "demo")],
        )
        .await;
    assert_eq!(demo_list, json!([]));
    let other_id = n["account_id"].as_str().unwrap();
    let (_, by_id) = api
        .call_with(
            Method::GET,
            NOTES,
            Some(&t),
            None,
            &[("X-Lumio-Account", other_id)],
        )
        .await;
    assert_eq!(by_id[0]["note"], "in other");

    // GraphQL: the accountId argument.
    let body = api
        .gql(Some(&t), "{ platformUserNotes(platform: \"twitch\", platformUserId: \"1234\", accountId: \"other\") { note } }", json!({}))
        .await;
    assert_eq!(
        body["data"]["platformUserNotes"][0]["note"], "in other",
        "{body}"
    );
}

async fn system_key_is_only_for_system_queries(s: &TestServer) {
    let api = Api::new(&s.url);
    let (st, body) = api
        .call(Method::GET, NOTES, Some(TEST_SYSTEM_KEY), None)
        .await;
    assert_eq!((st, code(&body)), (StatusCode::FORBIDDEN, "forbidden"));
    assert!(body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("system"));
    let (st, _) = api
        .call(
            Method::GET,
            "/v1/auth/me",
            Some("lum_not_a_real_token"),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
}

async fn bad_input_is_a_clear_4xx(s: &TestServer) {
    let api = Api::new(&s.url);
    let t = api.login("mod", "lumio-mod").await;
    let check = |st: StatusCode, body: &Value, want: StatusCode, want_code: &str| {
        assert_eq!(st, want, "{body}");
        assert_eq!(code(body), want_code, "{body}");
        assert!(
            !body["error"]["message"].as_str().unwrap_or("").is_empty(),
            "{body}"
        );
    };
    let (st, b) = api
        .raw(NOTES, Some(&t), "application/json", b"{\"note\": ".to_vec())
        .await;
    check(st, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (st, b) = api
        .raw(
            NOTES,
            Some(&t),
            "application/json",
            b"{\"note\": 5}".to_vec(),
        )
        .await;
    check(st, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (st, b) = api
        .raw(
            NOTES,
            Some(&t),
            "application/json",
            b"{\"text\": \"x\"}".to_vec(),
        )
        .await;
    check(st, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (st, b) = api
        .raw(NOTES, Some(&t), "text/plain", b"hello".to_vec())
        .await;
    check(st, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/users/myspace/1/notes",
            Some(&t),
            Some(json!({"note": "x"})),
        )
        .await;
    check(st, &b, StatusCode::BAD_REQUEST, "bad_request");
    assert!(b["error"]["message"].as_str().unwrap().contains("myspace"));
    let (st, b) = api
        .call(
            Method::PATCH,
            &format!("{NOTES}/not-a-uuid"),
            Some(&t),
            Some(json!({"note": "x"})),
        )
        .await;
    check(st, &b, StatusCode::BAD_REQUEST, "bad_request");
    let (st, b) = api
        .call(
            Method::POST,
            NOTES,
            Some(&t),
            Some(json!({"note": "x".repeat(2001)})),
        )
        .await;
    check(
        st,
        &b,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    let (st, b) = api
        .call(Method::POST, NOTES, Some(&t), Some(json!({"note": " \n "})))
        .await;
    check(
        st,
        &b,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    );
    let big = format!("{{\"note\": \"{}\"}}", "x".repeat(2 * 1024 * 1024));
    let (st, b) = api
        .raw(
            NOTES,
            Some(&t),
            "application/json",
            big.clone().into_bytes(),
        )
        .await;
    check(st, &b, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    let (st, b) = api
        .raw("/graphql", Some(&t), "application/json", big.into_bytes())
        .await;
    check(st, &b, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    let (st, b) = api.call(Method::GET, "/v1/nope", Some(&t), None).await;
    check(st, &b, StatusCode::NOT_FOUND, "not_found");
    let (st, b) = api.call(Method::PUT, NOTES, Some(&t), None).await;
    assert_eq!(st, StatusCode::METHOD_NOT_ALLOWED, "{b}");
    let (st, b) = api
        .client
        .get(format!("{}/v1/auth/me", s.url))
        .header("authorization", "Basic abc")
        .send()
        .await
        .map(|r| (r.status(), r))
        .unwrap();
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    let b: Value = b.json().await.unwrap();
    assert_eq!(code(&b), "unauthorized");
    // Nothing was written by any of the above.
    let (_, list) = api.call(Method::GET, NOTES, Some(&t), None).await;
    assert_eq!(list, json!([]));
}
