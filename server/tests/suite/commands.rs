//! Bot commands (seed 004) end to end on both backends: the API with its permissions and
//! field-naming errors, global commands and overrides, plan limits, the dry run, the import,
//! history, execution on the bus (cooldowns, disabled commands, roles, counters flushed to
//! statistics, `command_sync`), seed 002's settable flags and item commands.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{code, gql_code, platform_id, Api};
use futures::StreamExt;
use lumio_server::bus::keys;
use lumio_server::bus::Ttl;
use lumio_server::commands::engine::parse_invocation;
use lumio_server::commands::exec::{self, Invoker, Outcome};
use lumio_server::commands::role::Role;
use lumio_server::platforms::Platform;
use lumio_server::testing::{TestServer, TEST_SYSTEM_KEY};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use uuid::Uuid;

backend_tests!(
    file = "commands", workers = false;
    commands_are_created_listed_changed_and_deleted,
    permissions_and_bad_input_are_refused_clearly,
    global_commands_overrides_and_shadowing,
    plan_limits_name_the_plan_and_the_limit,
    the_dry_run_consumes_nothing,
    execution_checks_disabled_role_and_cooldowns,
    counters_are_flushed_to_statistics,
    imports_are_idempotent_all_or_nothing_and_round_trip,
    the_system_query_and_command_sync,
    chatter_flags_and_item_commands,
    the_bus_batches_the_engine_ops
);

async fn account_of(api: &Api, t: &str) -> Uuid {
    let (_, me) = api.call(Method::GET, "/v1/auth/me", Some(t), None).await;
    Uuid::parse_str(me["accounts"][0]["id"].as_str().unwrap()).unwrap()
}

async fn create(api: &Api, t: &str, body: Value) -> Value {
    let (st, b) = api
        .call(Method::POST, "/v1/bot-commands", Some(t), Some(body))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    b
}

fn invoker(account: Uuid, user: &str, role: Role) -> Invoker {
    Invoker {
        account,
        platform: Platform::Twitch,
        channel: "lumio_demo".into(),
        user_id: platform_id("twitch", user),
        user_name: user.into(),
        role,
        message_id: None,
        platform_message_id: None,
    }
}

async fn run(s: &TestServer, who: &Invoker, message: &str) -> Outcome {
    let inv = parse_invocation(message).unwrap();
    exec::execute(&s.state, &inv, who).await.unwrap()
}

async fn commands_are_created_listed_changed_and_deleted(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let c = create(
        &api,
        &ed,
        json!({"name": "!Socials", "response": "twitter.com/lumio", "aliases": ["links"],
            "platforms": ["twitch", "kick"], "user_cooldown_seconds": 30}),
    )
    .await;
    assert_eq!(c["name"], "socials");
    assert_eq!(c["type"], "text");
    assert_eq!(c["scope"], "account");
    assert_eq!(c["platforms"], json!(["twitch", "kick"]));
    let t = create(
        &api,
        &ed,
        json!({"name": "hug", "response": "{user} hugs {touser}"}),
    )
    .await;
    assert_eq!(t["type"], "template", "variables make a template");
    let id = c["id"].as_str().unwrap();

    // The list holds both, the built-in globals too (disabled).
    let (st, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{list}");
    let names: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    for n in [
        "socials",
        "hug",
        "grenade",
        "tnt",
        "silverbullet",
        "roulette",
    ] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    let grenade = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "grenade")
        .unwrap();
    assert_eq!(
        (grenade["scope"].as_str(), grenade["enabled"].as_bool()),
        (Some("global"), Some(false))
    );
    let (_, kick) = api
        .call(
            Method::GET,
            "/v1/bot-commands?platform=youtube",
            Some(&ed),
            None,
        )
        .await;
    assert!(!kick
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == "socials"));

    // Update: absent fields stay.
    let (st, u) = api
        .call(
            Method::PUT,
            &format!("/v1/bot-commands/{id}"),
            Some(&ed),
            Some(json!({"response": "x.com/lumio", "min_role": "subscriber"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{u}");
    assert_eq!(
        (
            u["response"].as_str(),
            u["min_role"].as_str(),
            u["user_cooldown_seconds"].as_i64()
        ),
        (Some("x.com/lumio"), Some("subscriber"), Some(30))
    );
    let (_, shown) = api
        .call(
            Method::GET,
            &format!("/v1/bot-commands/{id}"),
            Some(&ed),
            None,
        )
        .await;
    assert_eq!(shown["response"], "x.com/lumio");

    // The same through GraphQL.
    let g = api
        .gql(
            Some(&ed),
            "mutation($i: BotCommandInput!) { createBotCommand(input: $i) { id name type } }",
            json!({"i": {"name": "dice", "response": "{random:1,2,3,4,5,6}"}}),
        )
        .await;
    assert_eq!(g["data"]["createBotCommand"]["type"], "template", "{g}");
    let gid = g["data"]["createBotCommand"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let g = api
        .gql(Some(&ed), "mutation($id: UUID!) { updateBotCommand(id: $id, input: {enabled: false}) { enabled } }",
            json!({"id": gid}))
        .await;
    assert_eq!(g["data"]["updateBotCommand"]["enabled"], false, "{g}");
    let g = api
        .gql(Some(&ed), "{ botCommands { name } }", json!({}))
        .await;
    assert!(g["data"]["botCommands"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == "dice"));
    let g = api
        .gql(
            Some(&ed),
            "mutation($id: UUID!) { deleteBotCommand(id: $id) }",
            json!({"id": gid}),
        )
        .await;
    assert_eq!(g["data"]["deleteBotCommand"], true, "{g}");

    // History keeps the create and the update, with the fields that changed.
    let (_, h) = api
        .call(
            Method::GET,
            &format!("/v1/bot-commands/{id}/history"),
            Some(&ed),
            None,
        )
        .await;
    let h = h.as_array().unwrap();
    assert_eq!(h.len(), 2, "{h:?}");
    assert_eq!(h[1]["action"], "update");
    assert_eq!(h[1]["changed_fields"], json!(["min_role", "response"]));
    assert_eq!(h[1]["changed_by_name"], "Eddie Editor");

    let (st, _) = api
        .call(
            Method::DELETE,
            &format!("/v1/bot-commands/{id}"),
            Some(&ed),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
    let (st, b) = api
        .call(
            Method::GET,
            &format!("/v1/bot-commands/{id}"),
            Some(&ed),
            None,
        )
        .await;
    assert_eq!((st, code(&b)), (StatusCode::NOT_FOUND, "not_found"));
    // A deleted command keeps its history.
    let (_, h) = api
        .call(
            Method::GET,
            &format!("/v1/bot-commands/{id}/history"),
            Some(&ed),
            None,
        )
        .await;
    assert_eq!(h.as_array().unwrap().last().unwrap()["action"], "delete");
}

async fn permissions_and_bad_input_are_refused_clearly(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let viewer = api.login("viewer", "lumio-viewer").await;
    let other = api.login("othermod", "lumio-othermod").await;
    let (st, b) = api
        .call(Method::GET, "/v1/bot-commands", Some(&viewer), None)
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    assert_eq!(b["error"]["permission"], "bot-commands:read");
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/bot-commands",
            Some(&viewer),
            Some(json!({"name": "x", "response": "y"})),
        )
        .await;
    assert_eq!(
        (st, b["error"]["permission"].as_str()),
        (StatusCode::FORBIDDEN, Some("bot-commands:create"))
    );
    let (st, _) = api.call(Method::GET, "/v1/bot-commands", None, None).await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    let g = api
        .gql(Some(&viewer), "{ botCommands { name } }", json!({}))
        .await;
    assert_eq!(gql_code(&g), "forbidden", "{g}");

    // Each bad field is a 422 that names it; nothing is written.
    for (body, field) in [
        (json!({"name": "two words", "response": "x"}), "name:"),
        (json!({"name": "a", "response": ""}), "response:"),
        (
            json!({"name": "a", "response": "x", "type": "macro"}),
            "type:",
        ),
        (
            json!({"name": "a", "response": "x", "platforms": ["myspace"]}),
            "platforms:",
        ),
        (
            json!({"name": "a", "response": "x", "min_role": "king"}),
            "min_role:",
        ),
        (
            json!({"name": "a", "response": "x", "global_cooldown_seconds": -5}),
            "global_cooldown_seconds:",
        ),
        (
            json!({"name": "a", "response": "x", "discord_style": "both"}),
            "discord_style:",
        ),
        (json!({"name": "a", "type": "automation"}), "automation:"),
    ] {
        let (st, b) = api
            .call(
                Method::POST,
                "/v1/bot-commands",
                Some(&ed),
                Some(body.clone()),
            )
            .await;
        assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {b}");
        assert!(
            b["error"]["message"].as_str().unwrap().starts_with(field),
            "{field}: {b}"
        );
    }
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/bot-commands",
            Some(&ed),
            Some(json!({"name": "a", "response": "x", "colour": 1})),
        )
        .await;
    assert_eq!(
        (st, code(&b)),
        (StatusCode::BAD_REQUEST, "bad_request"),
        "{b}"
    );
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    assert!(!list.as_array().unwrap().iter().any(|c| c["name"] == "a"));

    // Names and aliases are unique in the account: 409 naming the field.
    create(
        &api,
        &ed,
        json!({"name": "lurk", "response": "x", "aliases": ["afk"]}),
    )
    .await;
    for (body, field) in [
        (json!({"name": "LURK", "response": "y"}), "name:"),
        (json!({"name": "afk", "response": "y"}), "name:"),
        (
            json!({"name": "brb", "response": "y", "aliases": ["lurk"]}),
            "aliases:",
        ),
    ] {
        let (st, b) = api
            .call(Method::POST, "/v1/bot-commands", Some(&ed), Some(body))
            .await;
        assert_eq!(st, StatusCode::CONFLICT, "{b}");
        assert!(
            b["error"]["message"].as_str().unwrap().starts_with(field),
            "{b}"
        );
    }
    // Another account sees nothing of it.
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    let id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "lurk")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (st, _) = api
        .call(
            Method::GET,
            &format!("/v1/bot-commands/{id}"),
            Some(&other),
            None,
        )
        .await;
    assert_eq!(
        st,
        StatusCode::FORBIDDEN,
        "othermod has no bot-commands:read"
    );
    let admin = api.login("admin", "lumio-admin").await;
    let (st, _) = api
        .call_with(
            Method::PUT,
            &format!("/v1/bot-commands/{id}"),
            Some(&admin),
            Some(json!({"response": "z"})),
            &[("X-Lumio-Account", "other")],
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "admin is no member of other");
    let (st, _) = api
        .call(Method::GET, "/v1/bot-commands/not-a-uuid", Some(&ed), None)
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
}

async fn global_commands_overrides_and_shadowing(s: &TestServer) {
    let api = Api::new(&s.url);
    let admin = api.login("admin", "lumio-admin").await;
    let ed = api.login("editor", "lumio-editor").await;
    let owner = api.login("owner", "lumio-owner").await;
    // Only admins create global commands.
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/bot-commands",
            Some(&owner),
            Some(json!({"name": "discord", "response": "join us", "global": true})),
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("bot-commands:create"),
        "{b}"
    );
    let g = create(
        &api,
        &admin,
        json!({"name": "discord", "response": "discord.gg/lumio",
        "global": true, "min_role": "subscriber", "global_cooldown_seconds": 10}),
    )
    .await;
    assert_eq!(
        (g["scope"].as_str(), g["account_id"].clone()),
        (Some("global"), Value::Null)
    );
    let gid = g["id"].as_str().unwrap().to_string();
    let (_, globals) = api
        .call(
            Method::GET,
            "/v1/bot-commands?global=true",
            Some(&admin),
            None,
        )
        .await;
    assert!(globals
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["scope"] == "global"));
    let (st, _) = api
        .call(Method::GET, "/v1/bot-commands?global=true", Some(&ed), None)
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    // The account inherits it; its editor cannot change the global itself.
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["id"] == gid.as_str()));
    let (st, _) = api
        .call(
            Method::PUT,
            &format!("/v1/bot-commands/{gid}"),
            Some(&ed),
            Some(json!({"response": "mine"})),
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    let (st, _) = api
        .call(
            Method::DELETE,
            &format!("/v1/bot-commands/{gid}"),
            Some(&ed),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);

    // Overrides: customise, never less restrictive.
    let path = format!("/v1/bot-commands/{gid}/override");
    let (st, b) = api
        .call(
            Method::POST,
            &path,
            Some(&ed),
            Some(json!({"min_role": "everyone"})),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("min_role:"),
        "{b}"
    );
    let (st, o) = api
        .call(
            Method::POST,
            &path,
            Some(&ed),
            Some(json!({"response": "our discord", "min_role": "vip", "platforms": ["twitch"]})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{o}");
    assert_eq!(
        (o["response"].as_str(), o["min_role"].as_str()),
        (Some("our discord"), Some("vip"))
    );
    assert_eq!(o["account_override"]["response"], "our discord");
    assert_eq!(o["global_cooldown_seconds"], 10, "inherited");
    let (_, o) = api
        .call(
            Method::POST,
            &path,
            Some(&ed),
            Some(json!({"enabled": false})),
        )
        .await;
    assert_eq!(
        (o["enabled"].as_bool(), o["response"].as_str()),
        (Some(false), Some("our discord")),
        "merged"
    );
    let g = api
        .gql(Some(&ed), "mutation($id: UUID!) { overrideGlobalCommand(commandId: $id, input: {minRole: \"everyone\"}) { name } }", json!({"id": gid}))
        .await;
    assert_eq!(gql_code(&g), "validation_failed", "{g}");
    // Overriding one's own command is refused; so is an unknown id.
    let own = create(&api, &ed, json!({"name": "mine", "response": "x"})).await;
    let (st, _) = api
        .call(
            Method::POST,
            &format!("/v1/bot-commands/{}/override", own["id"].as_str().unwrap()),
            Some(&ed),
            Some(json!({"enabled": false})),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    let (st, _) = api
        .call(
            Method::POST,
            &format!("/v1/bot-commands/{}/override", Uuid::now_v7()),
            Some(&ed),
            Some(json!({})),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);

    // Removing the override brings the global back as it is.
    let g = api
        .gql(Some(&ed), "mutation($id: UUID!) { removeGlobalCommandOverride(commandId: $id) { response enabled accountOverride { response } } }", json!({"id": gid}))
        .await;
    assert_eq!(
        g["data"]["removeGlobalCommandOverride"],
        json!({"response": "discord.gg/lumio", "enabled": true, "accountOverride": null}),
        "{g}"
    );
    let (st, _) = api.call(Method::DELETE, &path, Some(&ed), None).await;
    assert_eq!(st, StatusCode::NOT_FOUND, "no override left");

    // An account command of the same name shadows the global.
    let shadow = create(&api, &ed, json!({"name": "discord", "response": "our own"})).await;
    assert_eq!(shadow["scope"], "account");
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    let discords: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == "discord")
        .collect();
    assert_eq!(discords.len(), 1, "{discords:?}");
    assert_eq!(discords[0]["shadows_global"], gid.as_str());
    let account = account_of(&api, &ed).await;
    assert_eq!(
        run(s, &invoker(account, "zed", Role::Everyone), "!discord").await,
        Outcome::Replied {
            command: "discord".into(),
            text: "our own".into()
        }
    );

    // The global's history: its creation, and this account's overrides.
    let (_, h) = api
        .call(
            Method::GET,
            &format!("/v1/bot-commands/{gid}/history"),
            Some(&ed),
            None,
        )
        .await;
    let actions: Vec<(String, String)> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["target"].as_str().unwrap().to_string(),
                e["action"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            ("command", "create"),
            ("override", "create"),
            ("override", "update"),
            ("override", "delete")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Admins delete globals.
    let (st, _) = api
        .call(
            Method::DELETE,
            &format!("/v1/bot-commands/{gid}"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);
}

async fn plan_limits_name_the_plan_and_the_limit(s: &TestServer) {
    // A member with bot-commands:create in the free account "other".
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("free.toml");
    std::fs::write(&seed, "[[accounts]]\nslug = \"other\"\nname = \"Other Stream\"\nplan = \"free\"\n\n\
        [[users]]\nusername = \"freebie\"\ndisplay_name = \"Fred Free\"\npassword = \"lumio-freebie\"\n\n\
        [[memberships]]\nuser = \"freebie\"\naccount = \"other\"\nrole = \"editor\"\n").unwrap();
    lumio_server::seed::run(&s.state.db, seed.to_str().unwrap())
        .await
        .unwrap();
    let api = Api::new(&s.url);
    let free = api.login("freebie", "lumio-freebie").await;
    for i in 0..25 {
        create(
            &api,
            &free,
            json!({"name": format!("c{i}"), "response": "x"}),
        )
        .await;
    }
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/bot-commands",
            Some(&free),
            Some(json!({"name": "c25", "response": "x"})),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT, "{b}");
    let m = b["error"]["message"].as_str().unwrap();
    assert!(m.contains("free plan") && m.contains("25"), "{m}");
    // Global commands do not count; deleting one makes room.
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&free), None)
        .await;
    let c0 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "c0")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    api.call(
        Method::DELETE,
        &format!("/v1/bot-commands/{c0}"),
        Some(&free),
        None,
    )
    .await;
    create(&api, &free, json!({"name": "c25", "response": "x"})).await;

    // Imports too: the pro account (200) refuses 201 rows, in a dry run as well.
    let ed = api.login("editor", "lumio-editor").await;
    let rows: Vec<Value> = (0..201)
        .map(|i| json!({"source_id": format!("n{i}"), "name": format!("n{i}"), "response": "x"}))
        .collect();
    for dry in [true, false] {
        let (st, b) = api
            .call(
                Method::POST,
                "/v1/bot-commands/import",
                Some(&ed),
                Some(json!({"source": "nightbot", "dry_run": dry, "commands": rows})),
            )
            .await;
        assert_eq!(st, StatusCode::CONFLICT, "{b}");
        let m = b["error"]["message"].as_str().unwrap();
        assert!(m.contains("pro plan") && m.contains("200"), "{m}");
    }
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    assert!(
        !list.as_array().unwrap().iter().any(|c| c["name"] == "n0"),
        "nothing written"
    );
}

async fn the_dry_run_consumes_nothing(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let account = account_of(&api, &ed).await;
    create(
        &api,
        &ed,
        json!({"name": "so", "response": "Go follow {touser} on {platform}! ({count}) {points}",
        "global_cooldown_seconds": 30, "user_cooldown_seconds": 120, "min_role": "subscriber",
        "cooldown_reply": "{user}: wait {remaining}s"}),
    )
    .await;
    let test = |body: Value| {
        let api = &api;
        let ed = ed.clone();
        async move {
            let (st, b) = api
                .call(Method::POST, "/v1/bot-commands/test", Some(&ed), Some(body))
                .await;
            assert_eq!(st, StatusCode::OK, "{b}");
            b
        }
    };
    let r = test(json!({"message": "!so @alice", "as": "moderator", "platform": "twitch"})).await;
    assert_eq!(r["would_run"], true, "{r}");
    assert_eq!(r["reply"], "Go follow alice on twitch! (1) {points}");
    assert_eq!(r["unknown_variables"], json!(["{points}"]));
    assert_eq!(r["skips_cooldown"], true);
    let r = test(json!({"message": "!so @alice", "as": "everyone"})).await;
    assert_eq!(
        (r["would_run"].as_bool(), r["reason"].as_str()),
        (
            Some(false),
            Some("needs subscriber or higher; the invoker is everyone")
        )
    );
    let r = test(json!({"message": "!nope"})).await;
    assert!(
        r["reason"].as_str().unwrap().contains("no command !nope"),
        "{r}"
    );
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/bot-commands/test",
            Some(&ed),
            Some(json!({"message": "!so", "as": "king"})),
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(b["error"]["message"].as_str().unwrap().starts_with("as:"));
    // Nothing was consumed: no cooldown key, no count.
    let gkey = keys::cmd_cooldown_global(account, "so");
    assert_eq!(s.bus().ttl(&gkey).await.unwrap(), Ttl::Missing);
    assert_eq!(
        s.bus()
            .get(&keys::cmd_count(account, Uuid::nil()))
            .await
            .unwrap(),
        None
    );
    // A real use sets the cooldowns; the dry run then reports them.
    let out = run(s, &invoker(account, "sub", Role::Subscriber), "!so @bob").await;
    assert_eq!(
        out,
        Outcome::Replied {
            command: "so".into(),
            text: "Go follow bob on twitch! (1) {points}".into()
        }
    );
    let r = test(
        json!({"message": "!so @alice", "as": "subscriber", "user": "sub", "user_id": &platform_id("twitch", "sub")}),
    )
    .await;
    assert_eq!(
        (r["would_run"].as_bool(), r["outcome"].as_str()),
        (Some(false), Some("reply")),
        "{r}"
    );
    assert!(r["global_cooldown_remaining"].as_i64().unwrap() > 25);
    assert!(r["user_cooldown_remaining"].as_i64().unwrap() > 115);
    assert!(
        r["reply"].as_str().unwrap().starts_with("sub: wait "),
        "{r}"
    );
    // GraphQL's dry run says the same, and the count it shows is the next one.
    let g = api
        .gql(Some(&ed), "mutation { testBotCommand(input: {message: \"!so x\", as: \"broadcaster\"}) { wouldRun reply } }", json!({}))
        .await;
    assert_eq!(
        g["data"]["testBotCommand"]["reply"], "Go follow x on twitch! (2) {points}",
        "{g}"
    );
    let ttl = s.bus().ttl(&gkey).await.unwrap();
    assert!(
        matches!(ttl, Ttl::Expires(d) if d <= Duration::from_secs(30)),
        "{ttl:?}"
    );
}

async fn execution_checks_disabled_role_and_cooldowns(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let account = account_of(&api, &ed).await;
    create(&api, &ed, json!({"name": "hello", "response": "hi {user}", "aliases": ["hi"],
        "global_cooldown_seconds": 60, "user_cooldown_seconds": 60, "platforms": ["twitch", "discord"]})).await;
    create(
        &api,
        &ed,
        json!({"name": "vipcmd", "response": "vip only", "min_role": "vip"}),
    )
    .await;
    create(&api, &ed, json!({"name": "strict", "response": "s", "global_cooldown_seconds": 60, "cooldown_applies_to_mods": true})).await;
    create(
        &api,
        &ed,
        json!({"name": "flow", "type": "automation", "automation": "raid-alert"}),
    )
    .await;
    let mut sub = s
        .bus()
        .subscribe(&keys::bot_action(Platform::Twitch, account))
        .await
        .unwrap();

    let alice = invoker(account, "alice", Role::Everyone);
    assert_eq!(
        run(s, &alice, "!hi").await,
        Outcome::Replied {
            command: "hello".into(),
            text: "hi alice".into()
        }
    );
    let sent: Value = serde_json::from_str(
        &tokio::time::timeout(Duration::from_secs(5), sub.next())
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (
            sent["action"].as_str(),
            sent["message"].as_str(),
            sent["channel"].as_str()
        ),
        (Some("send"), Some("hi alice"), Some("lumio_demo"))
    );
    // The seed's keys, with the cooldown as TTL.
    for k in [
        keys::cmd_cooldown_global(account, "hello"),
        keys::cmd_cooldown_user(account, "hello", &platform_id("twitch", "alice")),
    ] {
        assert!(
            matches!(s.bus().ttl(&k).await.unwrap(), Ttl::Expires(d) if d <= Duration::from_secs(60) && d > Duration::from_secs(50)),
            "{k}"
        );
    }
    // On cooldown: silent (no reply configured); a moderator skips cooldowns.
    let bob = invoker(account, "bob", Role::Everyone);
    assert_eq!(
        run(s, &bob, "!hello").await,
        Outcome::OnCooldown { reply: None }
    );
    // Bob's own cooldown was not left claimed by the refused attempt.
    assert_eq!(
        s.bus()
            .ttl(&keys::cmd_cooldown_user(
                account,
                "hello",
                &platform_id("twitch", "bob")
            ))
            .await
            .unwrap(),
        Ttl::Missing
    );
    let m = invoker(account, "milo", Role::Moderator);
    assert!(matches!(
        run(s, &m, "!hello").await,
        Outcome::Replied { .. }
    ));
    // ...unless the command says otherwise.
    assert!(matches!(
        run(s, &m, "!strict").await,
        Outcome::Replied { .. }
    ));
    assert_eq!(
        run(s, &m, "!strict").await,
        Outcome::OnCooldown { reply: None }
    );
    // Role, platform, unknown.
    assert!(
        matches!(run(s, &alice, "!vipcmd").await, Outcome::Ignored(r) if r.contains("needs vip"))
    );
    assert!(matches!(
        run(s, &invoker(account, "v", Role::Vip), "!vipcmd").await,
        Outcome::Replied { .. }
    ));
    let kick = Invoker {
        platform: Platform::Kick,
        ..m.clone()
    };
    assert!(
        matches!(run(s, &kick, "!hello").await, Outcome::Ignored(r) if r.contains("not active on kick"))
    );
    assert_eq!(run(s, &alice, "!nothing").await, Outcome::Unknown);
    // Disabled through seed 002's disabledcommands (the chatter settings).
    let (st, _) = api
        .call(
            Method::PATCH,
            "/v1/chat/settings",
            Some(&ed),
            Some(json!({"disable_commands": ["!vipcmd"]})),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        matches!(run(s, &invoker(account, "v", Role::Broadcaster), "!vipcmd").await, Outcome::Ignored(r) if r.contains("disabled"))
    );
    // An automation publishes its trigger.
    assert_eq!(
        run(s, &alice, "!flow go").await,
        Outcome::Automation {
            command: "flow".into(),
            automation: "raid-alert".into()
        }
    );
    let mut found = false;
    for _ in 0..10 {
        let e: Value = serde_json::from_str(
            &tokio::time::timeout(Duration::from_secs(5), sub.next())
                .await
                .unwrap()
                .unwrap(),
        )
        .unwrap();
        if e["action"] == "automation_trigger" {
            assert_eq!(
                (e["automation"].as_str(), e["args"].clone()),
                (Some("raid-alert"), json!(["go"]))
            );
            found = true;
            break;
        }
    }
    assert!(found);
    // A change reaches the cache of the engine at once (the version on the bus).
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    let flow = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "flow")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    api.call(
        Method::PUT,
        &format!("/v1/bot-commands/{flow}"),
        Some(&ed),
        Some(json!({"type": "text", "response": "now text"})),
    )
    .await;
    assert_eq!(
        run(s, &alice, "!flow").await,
        Outcome::Replied {
            command: "flow".into(),
            text: "now text".into()
        }
    );
    // Discord: prefix vs slash per command.
    api.call(
        Method::PUT,
        &format!("/v1/bot-commands/{flow}"),
        Some(&ed),
        Some(json!({"discord_style": "slash"})),
    )
    .await;
    let d = Invoker {
        platform: Platform::Discord,
        ..alice.clone()
    };
    assert_eq!(run(s, &d, "!flow").await, Outcome::Unknown);
    assert!(matches!(run(s, &d, "/flow").await, Outcome::Replied { .. }));
}

async fn counters_are_flushed_to_statistics(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let account = account_of(&api, &ed).await;
    let c = create(
        &api,
        &ed,
        json!({"name": "deaths", "response": "{channel} died {count} times"}),
    )
    .await;
    let id = Uuid::parse_str(c["id"].as_str().unwrap()).unwrap();
    let a = invoker(account, "a", Role::Everyone);
    for n in 1..=3 {
        assert_eq!(
            run(s, &a, "!deaths").await,
            Outcome::Replied {
                command: "deaths".into(),
                text: format!("lumio_demo died {n} times")
            }
        );
    }
    assert_eq!(exec::flush_counts(&s.state).await.unwrap(), 1);
    assert_eq!(
        exec::flush_counts(&s.state).await.unwrap(),
        0,
        "nothing new"
    );
    assert_eq!(
        s.state
            .db
            .commands()
            .stored_uses(account, id)
            .await
            .unwrap(),
        3
    );
    // The bus forgets: the count carries on from the database.
    s.bus().del(&keys::cmd_count(account, id)).await.unwrap();
    assert_eq!(
        run(s, &a, "!deaths").await,
        Outcome::Replied {
            command: "deaths".into(),
            text: "lumio_demo died 4 times".into()
        }
    );
    // A stale flush never lowers the stored count.
    s.state
        .db
        .commands()
        .flush_uses(account, id, 2, chrono::Utc::now())
        .await
        .unwrap();
    exec::flush_counts(&s.state).await.unwrap();
    let (_, stats) = api
        .call(Method::GET, "/v1/bot-commands/stats", Some(&ed), None)
        .await;
    assert_eq!(stats[0]["name"], "deaths", "{stats}");
    assert_eq!(stats[0]["uses"], 4);
    assert!(stats[0]["last_used_at"].is_string());
    let g = api
        .gql(Some(&ed), "{ botCommandStats { name uses } }", json!({}))
        .await;
    assert_eq!(
        g["data"]["botCommandStats"][0],
        json!({"name": "deaths", "uses": 4})
    );
}

async fn imports_are_idempotent_all_or_nothing_and_round_trip(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let import = |body: Value| {
        let api = &api;
        let ed = ed.clone();
        async move {
            let (st, b) = api
                .call(
                    Method::POST,
                    "/v1/bot-commands/import",
                    Some(&ed),
                    Some(body),
                )
                .await;
            assert_eq!(st, StatusCode::OK, "{b}");
            b
        }
    };
    let rows = json!([
        {"source_id": "5673a", "name": "!hug", "response": "$(user) hugs $(touser)", "global_cooldown_seconds": 30},
        {"source_id": "5673b", "name": "!weather", "response": "$(urlfetch https://wttr.in/$(1))", "notes": ["userLevel regular: mapped to vip"], "min_role": "vip"},
    ]);
    let body = json!({"source": "nightbot", "commands": rows});
    let dry = import(json!({"source": "nightbot", "commands": rows, "dry_run": true})).await;
    assert_eq!(
        (dry["created"].as_i64(), dry["applied"].as_bool()),
        (Some(2), Some(false))
    );
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    assert!(
        !list.as_array().unwrap().iter().any(|c| c["name"] == "hug"),
        "a dry run writes nothing"
    );
    let first = import(body.clone()).await;
    assert_eq!(
        (first["created"].as_i64(), first["applied"].as_bool()),
        (Some(2), Some(true)),
        "{first}"
    );
    let weather = &first["rows"][1];
    assert_eq!(
        weather["lost"],
        json!([
            "userLevel regular: mapped to vip",
            "response: $(urlfetch https://wttr.in/$(1)) has no lumio equivalent",
            "imported disabled and flagged for review: fix the variables above"
        ]),
        "{weather}"
    );
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    let hug = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "hug")
        .unwrap();
    assert_eq!(
        (
            hug["response"].as_str(),
            hug["source"].as_str(),
            hug["source_id"].as_str()
        ),
        (
            Some("{user} hugs {touser}"),
            Some("nightbot"),
            Some("5673a")
        )
    );
    let w = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "weather")
        .unwrap();
    assert_eq!(
        (w["enabled"].as_bool(), w["needs_review"].as_bool()),
        (Some(false), Some(true))
    );
    // A second run changes nothing.
    let again = import(body.clone()).await;
    assert_eq!(
        (
            again["created"].as_i64(),
            again["unchanged"].as_i64(),
            again["updated"].as_i64()
        ),
        (Some(0), Some(2), Some(0)),
        "{again}"
    );
    // A renamed command in the source updates the same lumio command.
    let renamed = import(json!({"source": "nightbot", "commands": [{"source_id": "5673a", "name": "!cuddle", "response": "$(user) cuddles $(touser)"}]})).await;
    assert_eq!(renamed["rows"][0]["action"], "update", "{renamed}");
    assert_eq!(renamed["rows"][0]["command_id"], hug["id"]);
    // One bad row: nothing is written, each row reported.
    let bad = import(json!({"source": "streamelements", "commands": [
        {"source_id": "se1", "name": "ok", "response": "${user}"},
        {"source_id": "se2", "name": "two words", "response": "x"},
        {"name": "noid", "response": "x"}]}))
    .await;
    assert_eq!(
        (bad["applied"].as_bool(), bad["failed"].as_i64()),
        (Some(false), Some(2)),
        "{bad}"
    );
    assert!(bad["rows"][1]["error"]
        .as_str()
        .unwrap()
        .starts_with("name:"));
    assert!(bad["rows"][2]["error"]
        .as_str()
        .unwrap()
        .starts_with("source_id:"));
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    assert!(!list.as_array().unwrap().iter().any(|c| c["name"] == "ok"));
    // A name taken by a hand-made command: error by default, skip or replace on request.
    create(&api, &ed, json!({"name": "rules", "response": "be nice"})).await;
    let clash = json!([{"source_id": "r1", "name": "rules", "response": "no spam"}]);
    let e = import(json!({"source": "streamelements", "commands": clash})).await;
    assert_eq!(e["failed"], 1, "{e}");
    let sk =
        import(json!({"source": "streamelements", "commands": clash, "on_conflict": "skip"})).await;
    assert_eq!(
        (sk["skipped"].as_i64(), sk["applied"].as_bool()),
        (Some(1), Some(false))
    );
    let rp =
        import(json!({"source": "streamelements", "commands": clash, "on_conflict": "replace"}))
            .await;
    assert_eq!(rp["updated"], 1, "{rp}");

    // lumio's export round-trips: export, wipe, import, export again.
    let admin = api.login("admin", "lumio-admin").await;
    let (_, globals) = api
        .call(
            Method::GET,
            "/v1/bot-commands?global=true",
            Some(&admin),
            None,
        )
        .await;
    let grenade = globals
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "grenade")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    api.call(
        Method::POST,
        &format!("/v1/bot-commands/{grenade}/override"),
        Some(&ed),
        Some(json!({"enabled": true, "min_role": "vip"})),
    )
    .await;
    let (_, export) = api
        .call(Method::GET, "/v1/bot-commands/export", Some(&ed), None)
        .await;
    assert_eq!(
        (export["kind"].as_str(), export["version"].as_i64()),
        (Some("lumio.bot-commands"), Some(1))
    );
    assert_eq!(export["overrides"][0]["command"], "grenade");
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    for c in list
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["scope"] == "account")
    {
        api.call(
            Method::DELETE,
            &format!("/v1/bot-commands/{}", c["id"].as_str().unwrap()),
            Some(&ed),
            None,
        )
        .await;
    }
    api.call(
        Method::DELETE,
        &format!("/v1/bot-commands/{grenade}/override"),
        Some(&ed),
        None,
    )
    .await;
    let back = import(json!({"source": "lumio", "commands": export["commands"], "overrides": export["overrides"]})).await;
    assert_eq!(back["applied"], true, "{back}");
    let (_, export2) = api
        .call(Method::GET, "/v1/bot-commands/export", Some(&ed), None)
        .await;
    assert_eq!(export2, export);
    let same = import(json!({"source": "lumio", "commands": export["commands"], "overrides": export["overrides"]})).await;
    assert_eq!(
        (same["created"].as_i64(), same["updated"].as_i64()),
        (Some(0), Some(0)),
        "{same}"
    );
}

async fn the_system_query_and_command_sync(s: &TestServer) {
    let api = Api::new(&s.url);
    let ed = api.login("editor", "lumio-editor").await;
    let account = account_of(&api, &ed).await;
    let mut twitch = s
        .bus()
        .subscribe(&keys::bot_action(Platform::Twitch, account))
        .await
        .unwrap();
    create(
        &api,
        &ed,
        json!({"name": "yt", "response": "y", "platforms": ["youtube"]}),
    )
    .await;
    create(
        &api,
        &ed,
        json!({"name": "off", "response": "o", "enabled": false}),
    )
    .await;
    let e: Value = serde_json::from_str(
        &tokio::time::timeout(Duration::from_secs(5), twitch.next())
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        (e["action"].as_str(), e["command"].as_str()),
        (Some("command_sync"), Some("yt"))
    );
    let q = "query($a: UUID!, $p: String!) { botCommandsForAccount(accountId: $a, platform: $p) { name } }";
    let g = api
        .gql(
            Some(TEST_SYSTEM_KEY),
            q,
            json!({"a": account, "p": "youtube"}),
        )
        .await;
    let names: Vec<&str> = g["data"]["botCommandsForAccount"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"yt") && !names.contains(&"off") && !names.contains(&"grenade"),
        "{names:?}"
    );
    let g = api
        .gql(
            Some(TEST_SYSTEM_KEY),
            q,
            json!({"a": account, "p": "twitch"}),
        )
        .await;
    assert!(!g["data"]["botCommandsForAccount"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["name"] == "yt"));
    let g = api
        .gql(Some(&ed), q, json!({"a": account, "p": "twitch"}))
        .await;
    assert_eq!(gql_code(&g), "forbidden", "{g}");
    let g = api
        .gql(
            Some(TEST_SYSTEM_KEY),
            q,
            json!({"a": account, "p": "myspace"}),
        )
        .await;
    assert_eq!(gql_code(&g), "bad_request", "{g}");
}

async fn chatter_flags_and_item_commands(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let viewer = api.login("viewer", "lumio-viewer").await;
    let ed = api.login("editor", "lumio-editor").await;
    let account = account_of(&api, &m).await;
    let path = &format!(
        "/v1/chat/users/twitch/{}/flags",
        platform_id("twitch", "vic")
    );
    let (st, f) = api
        .call(Method::PUT, &format!("{path}/vulnerable"), Some(&m), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{f}");
    assert_eq!(f["flags"], json!(["vulnerable"]));
    assert!(s
        .bus()
        .exists(&keys::user_flag(
            account,
            Platform::Twitch,
            &platform_id("twitch", "vic"),
            keys::UserFlag::Vulnerable
        ))
        .await
        .unwrap());
    let (st, b) = api
        .call(Method::PUT, &format!("{path}/mod"), Some(&m), None)
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(b["error"]["message"].as_str().unwrap().starts_with("flag:"));
    let (st, _) = api
        .call(Method::PUT, &format!("{path}/greedy"), Some(&viewer), None)
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    let g = api
        .gql(Some(&m), &format!("mutation {{ setChatterFlag(platform: \"twitch\", platformUserId: \"{}\", flag: \"invulnerable\", on: true) {{ flags }} }}", platform_id("twitch", "inv")), json!({}))
        .await;
    assert_eq!(
        g["data"]["setChatterFlag"]["flags"],
        json!(["invulnerable"]),
        "{g}"
    );

    // grenade is a global command, disabled until the account turns it on.
    let thrower = invoker(account, "thrower", Role::Everyone);
    assert!(
        matches!(run(s, &thrower, "!grenade").await, Outcome::Ignored(r) if r.contains("disabled"))
    );
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    let gid = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "grenade")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (st, _) = api
        .call(
            Method::POST,
            &format!("/v1/bot-commands/{gid}/override"),
            Some(&ed),
            Some(json!({"enabled": true})),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    // The only vulnerable chatter is timed out; the invulnerable one never is.
    api.call(
        Method::PUT,
        &format!(
            "/v1/chat/users/twitch/{}/flags/vulnerable",
            platform_id("twitch", "inv")
        ),
        Some(&m),
        None,
    )
    .await;
    let mut hit_vic = false;
    let out = run(s, &thrower, "!grenade").await;
    let Outcome::Replied { text, .. } = out else {
        panic!("{out:?}")
    };
    if text.contains(&platform_id("twitch", "vic")) {
        hit_vic = true;
    }
    assert!(!text.contains(&platform_id("twitch", "inv")), "{text}");
    let timeout = |u: &str| keys::user_flag(account, Platform::Twitch, u, keys::UserFlag::Timeout);
    assert!(!s
        .bus()
        .exists(&timeout(&platform_id("twitch", "inv")))
        .await
        .unwrap());
    assert_eq!(
        s.bus()
            .exists(&timeout(&platform_id("twitch", "vic")))
            .await
            .unwrap(),
        hit_vic
    );
    // itemlock stops items.
    api.call(
        Method::PUT,
        &format!(
            "/v1/chat/users/twitch/{}/flags/itemlock",
            platform_id("twitch", "thrower")
        ),
        Some(&m),
        None,
    )
    .await;
    let later = Invoker {
        user_id: platform_id("twitch", "thrower"),
        ..thrower.clone()
    };
    s.bus()
        .del(&keys::cmd_cooldown_user(
            account,
            "grenade",
            &platform_id("twitch", "thrower"),
        ))
        .await
        .unwrap();
    s.bus()
        .del(&keys::cmd_cooldown_global(account, "grenade"))
        .await
        .unwrap();
    let out = run(s, &later, "!grenade").await;
    assert!(
        matches!(&out, Outcome::Replied { text, .. } if text.contains("items are locked")),
        "{out:?}"
    );
    // Roulette counts every bullet in rouletteCount.
    let (_, list) = api
        .call(Method::GET, "/v1/bot-commands", Some(&ed), None)
        .await;
    let rid = list
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "roulette")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    api.call(
        Method::POST,
        &format!("/v1/bot-commands/{rid}/override"),
        Some(&ed),
        Some(json!({"enabled": true, "user_cooldown_seconds": 0})),
    )
    .await;
    let mut bangs = 0;
    for i in 0..40 {
        let p = invoker(account, &format!("p{i}"), Role::Everyone);
        if let Outcome::Replied { text, .. } = run(s, &p, "!roulette").await {
            if text.contains("BANG") {
                bangs += 1;
            }
        }
    }
    let count = s
        .bus()
        .get(&keys::roulette_count(account))
        .await
        .unwrap()
        .map(|v| v.parse::<i64>().unwrap())
        .unwrap_or(0);
    assert_eq!(count, bangs);
    // Clearing a flag.
    let (_, f) = api
        .call(
            Method::DELETE,
            &format!("{path}/vulnerable"),
            Some(&m),
            None,
        )
        .await;
    assert_eq!(f["flags"], json!([]));
    assert!(!s
        .bus()
        .set_members(&keys::vulnerable_users(account, Platform::Twitch))
        .await
        .unwrap()
        .contains(&platform_id("twitch", "vic")));
}

/// The pipeline operations the engine uses (INCRBY, SISMEMBER, DEL), alike on both buses.
async fn the_bus_batches_the_engine_ops(s: &TestServer) {
    use lumio_server::bus::{BusOp, BusReply};
    let bus = s.bus();
    bus.set_add("set", "a").await.unwrap();
    bus.set("gone", "1", None).await.unwrap();
    let r = bus
        .batch(vec![
            BusOp::Incr {
                key: "n".into(),
                by: 1,
            },
            BusOp::Incr {
                key: "n".into(),
                by: 41,
            },
            BusOp::SetContains {
                key: "set".into(),
                member: "a".into(),
            },
            BusOp::SetContains {
                key: "set".into(),
                member: "b".into(),
            },
            BusOp::Del { key: "gone".into() },
            BusOp::Del { key: "gone".into() },
            BusOp::SetNx {
                key: "cd".into(),
                value: "1".into(),
                ttl: Some(Duration::from_millis(1500)),
            },
            BusOp::SetNx {
                key: "cd".into(),
                value: "1".into(),
                ttl: Some(Duration::from_millis(1500)),
            },
        ])
        .await
        .unwrap();
    assert_eq!(
        r,
        [
            BusReply::Int(1),
            BusReply::Int(42),
            BusReply::Flag(true),
            BusReply::Flag(false),
            BusReply::Flag(true),
            BusReply::Flag(false),
            BusReply::Flag(true),
            BusReply::Flag(false),
        ]
    );
    assert!(
        matches!(bus.ttl("cd").await.unwrap(), Ttl::Expires(d) if d <= Duration::from_millis(1500))
    );
    tokio::time::sleep(Duration::from_millis(1700)).await;
    assert_eq!(bus.ttl("cd").await.unwrap(), Ttl::Missing, "PX expiry");
}
