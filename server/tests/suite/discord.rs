//! Discord guilds on both backends against lumio-testkit's fake Discord: adding the bot
//! through OAuth (signed, expiring, single-use state; the code exchange; the callback),
//! listing and disconnecting, channels and roles behind the one-hour caches with the
//! ownership check first, feature channels that must belong to the guild, snowflake checks,
//! the bot's system operations, Discord's failures passed on clearly, and the admin views with
//! their audit log.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::discord::{
    account_id, authorize_url, callback, connect, consent_and_callback, REDIRECT,
};
use common::{code, gql_code, Api};
use lumio_server::bus::{keys, Ttl};
use lumio_server::testing::{TestServer, TEST_SYSTEM_KEY};
use lumio_testkit::discord::{Consent, FakeDiscord};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

async fn discord() -> FakeDiscord {
    let fake = FakeDiscord::start().await.unwrap();
    fake.register_redirect_uri(REDIRECT);
    fake
}

backend_tests!(
    file = "discord", workers = false, with = discord;
    adding_the_bot_connects_the_guild_and_disconnecting_removes_it,
    states_are_signed_expiring_single_use_and_bound_to_the_caller,
    a_guild_belongs_to_one_account,
    channels_and_roles_are_cached_an_hour_after_the_ownership_check,
    features_map_to_text_channels_of_that_guild_only,
    system_operations_take_the_system_key,
    discord_failures_are_passed_on_clearly,
    admin_views_are_admin_only_and_every_action_is_audited
);

fn query_of(url: &str) -> Vec<(String, String)> {
    url::Url::parse(url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

fn param(url: &str, k: &str) -> Option<String> {
    query_of(url)
        .into_iter()
        .find(|(n, _)| n == k)
        .map(|(_, v)| v)
}

async fn adding_the_bot_connects_the_guild_and_disconnecting_removes_it(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let account = account_id(&api, &owner).await;
    let g = fake.guild.id.clone();

    let url = authorize_url(&api, &owner).await;
    assert!(url.starts_with(&fake.authorize_url()), "{url}");
    assert_eq!(
        param(&url, "client_id").as_deref(),
        Some(fake.application_id())
    );
    assert_eq!(
        param(&url, "scope").as_deref(),
        Some("bot applications.commands")
    );
    assert_eq!(param(&url, "response_type").as_deref(), Some("code"));
    assert_eq!(param(&url, "redirect_uri").as_deref(), Some(REDIRECT));
    let state = param(&url, "state").unwrap();
    assert!(state.starts_with("v1."), "{state}");

    let mut bot = s
        .bus()
        .subscribe(&keys::bot_action("discord", &account))
        .await
        .unwrap();
    let (st, c) = consent_and_callback(s, fake, &url, &g).await;
    assert_eq!(st, StatusCode::OK, "{c}");
    assert_eq!(c["guild_id"], g);
    assert_eq!(c["guild_name"], "Lumio Demo Server");
    assert_eq!(c["account_id"], account);
    assert_eq!(c["connected_by_name"], "Olive Owner");
    assert!(c["guild_icon"].is_string());
    let told: Value = serde_json::from_str(
        &tokio::time::timeout(Duration::from_secs(5), futures::StreamExt::next(&mut bot))
            .await
            .unwrap()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(told["action"], "guild_connected");
    assert_eq!(told["guild_id"], g);

    // The exchange went to Discord's token endpoint with the app's credentials and the
    // registered redirect URI; the bot token never went there.
    let token_call = fake
        .calls()
        .into_iter()
        .find(|c| c.path == "/api/v10/oauth2/token")
        .unwrap();
    assert!(token_call
        .header("authorization")
        .unwrap()
        .starts_with("Basic "));
    assert!(token_call.body.contains("grant_type=authorization_code"));
    assert!(!token_call.body.contains(fake.bot_token()));
    assert!(token_call
        .body
        .contains("redirect_uri=http%3A%2F%2Flumio.test%2Fapi%2Fdiscord-guilds%2Fcallback"));

    // The owner cache names the account, for an hour.
    let bus = s.bus();
    assert_eq!(
        bus.get(&keys::discord_guild(&g)).await.unwrap().as_deref(),
        Some(account.as_str())
    );
    match bus.ttl(&keys::discord_guild(&g)).await.unwrap() {
        Ttl::Expires(d) => assert!(d > Duration::from_secs(3500) && d <= Duration::from_secs(3600)),
        other => panic!("{other:?}"),
    }

    // Listed over REST and GraphQL.
    let (st, list) = api
        .call(Method::GET, "/v1/discord/guilds", Some(&owner), None)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["guild_id"], g);
    let q = api
        .gql(
            Some(&owner),
            "{ discordGuildConnections { guildId guildName connectedByName } }",
            json!({}),
        )
        .await;
    assert_eq!(q["data"]["discordGuildConnections"][0]["guildId"], g, "{q}");

    // Connecting again (same account) refreshes the name: no duplicate.
    fake.set_guild_info(&g, "Renamed Server", None);
    let again = connect(s, fake, &api, &owner, &g).await;
    assert_eq!(again["guild_name"], "Renamed Server");
    assert_eq!(again["id"], c["id"]);
    let (_, list) = api
        .call(Method::GET, "/v1/discord/guilds", Some(&owner), None)
        .await;
    assert_eq!(list.as_array().unwrap().len(), 1);

    // A browser gets a page.
    let url = authorize_url(&api, &owner).await;
    let redirect = fake
        .authorize(
            &url,
            &Consent {
                user_id: fake.guild.owner.id.clone(),
                guild_id: Some(g.clone()),
                approve: true,
            },
        )
        .unwrap();
    let r = reqwest::Client::new()
        .get(format!(
            "{}/api/discord-guilds/callback?{}",
            s.url,
            redirect.split_once('?').unwrap().1
        ))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("Renamed Server is now connected"));

    // A viewer may not list; an editor may.
    let viewer = api.login("viewer", "lumio-viewer").await;
    let (st, b) = api
        .call(Method::GET, "/v1/discord/guilds", Some(&viewer), None)
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    assert_eq!(b["error"]["permission"], "bot-connections:read");
    let editor = api.login("editor", "lumio-editor").await;
    let (st, _) = api
        .call(Method::GET, "/v1/discord/guilds", Some(&editor), None)
        .await;
    assert_eq!(st, StatusCode::OK);

    // Disconnect: gone from the list and from the caches; the bot is told.
    let (st, b) = api
        .call(
            Method::DELETE,
            &format!("/v1/discord/guilds/{g}"),
            Some(&viewer),
            None,
        )
        .await;
    assert_eq!(
        (st, b["error"]["permission"].as_str()),
        (StatusCode::FORBIDDEN, Some("bot-connections:delete"))
    );
    let (st, b) = api
        .call(
            Method::DELETE,
            &format!("/v1/discord/guilds/{g}"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT, "{b}");
    assert_eq!(bus.get(&keys::discord_guild(&g)).await.unwrap(), None);
    let (_, list) = api
        .call(Method::GET, "/v1/discord/guilds", Some(&owner), None)
        .await;
    assert_eq!(list, json!([]));
    let (st, b) = api
        .call(
            Method::DELETE,
            &format!("/v1/discord/guilds/{g}"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!((st, code(&b)), (StatusCode::NOT_FOUND, "not_found"));
    let g2 = api
        .gql(
            Some(&owner),
            "mutation($g: String!) { disconnectDiscordGuild(guildId: $g) }",
            json!({"g": "12"}),
        )
        .await;
    assert_eq!(gql_code(&g2), "bad_request", "{g2}");
    assert!(g2["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("guild_id must be"));
}

async fn states_are_signed_expiring_single_use_and_bound_to_the_caller(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let g = fake.guild.id.clone();
    let consent = Consent {
        user_id: fake.guild.owner.id.clone(),
        guild_id: Some(g.clone()),
        approve: true,
    };
    // A changed state is refused before Discord is asked.
    let url = authorize_url(&api, &owner).await;
    let redirect = fake.authorize(&url, &consent).unwrap();
    let state = param(&redirect, "state").unwrap();
    // Change the signature's last character (to another one: a forged '0' over a '0' was the
    // same state, and the test failed now and then).
    let last = if state.ends_with('0') { '1' } else { '0' };
    let forged = redirect.replace(&state, &format!("{}{last}", &state[..state.len() - 1]));
    fake.clear_calls();
    let (st, b) = callback(s, &forged).await;
    assert_eq!(
        (st, code(&b)),
        (StatusCode::BAD_REQUEST, "bad_request"),
        "{b}"
    );
    assert!(
        b["error"]["message"].as_str().unwrap().contains("state"),
        "{b}"
    );
    assert!(fake
        .calls()
        .iter()
        .all(|c| c.path != "/api/v10/oauth2/token"));
    // The genuine one works once; a replay of the same redirect is refused.
    let (st, _) = callback(s, &redirect).await;
    assert_eq!(st, StatusCode::OK);
    let (st, b) = callback(s, &redirect).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("used already"),
        "{b}"
    );

    // "Cancel" on Discord's screen comes back as error=access_denied.
    let url = authorize_url(&api, &owner).await;
    let denied = fake
        .authorize(
            &url,
            &Consent {
                approve: false,
                ..consent.clone()
            },
        )
        .unwrap();
    let (st, b) = callback(s, &denied).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("access_denied"),
        "{b}"
    );

    // A state issued to the owner cannot be exchanged by the editor (same account).
    let editor = api.login("editor", "lumio-editor").await;
    let url = authorize_url(&api, &owner).await;
    let redirect = fake.authorize(&url, &consent).unwrap();
    let g3 = api
        .gql(
            Some(&editor),
            "mutation($c: String!, $s: String!, $g: String) { exchangeDiscordGuild(code: $c, state: $s, guildId: $g) { guildId } }",
            json!({"c": param(&redirect, "code"), "s": param(&redirect, "state"), "g": g}),
        )
        .await;
    assert_eq!(gql_code(&g3), "forbidden", "{g3}");
    // …but by the owner, over GraphQL, it can.
    let g4 = api
        .gql(
            Some(&owner),
            "mutation($c: String!, $s: String!, $g: String) { exchangeDiscordGuild(code: $c, state: $s, guildId: $g) { guildId guildName } }",
            json!({"c": param(&redirect, "code"), "s": param(&redirect, "state"), "g": g}),
        )
        .await;
    assert_eq!(g4["data"]["exchangeDiscordGuild"]["guildId"], g, "{g4}");

    // A redirect naming another guild than Discord's answer, and a bad guild id.
    let url = authorize_url(&api, &owner).await;
    let redirect = fake.authorize(&url, &consent).unwrap();
    let other = fake.snowflake();
    let (st, b) = callback(
        s,
        &redirect.replace(&format!("guild_id={g}"), &format!("guild_id={other}")),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("is not the server Discord added"),
        "{b}"
    );
    let url = authorize_url(&api, &owner).await;
    let redirect = fake.authorize(&url, &consent).unwrap();
    let (st, b) = callback(
        s,
        &redirect.replace(&format!("guild_id={g}"), "guild_id=nope"),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("guild_id must be"),
        "{b}"
    );
    // A code Discord does not know: its invalid_grant, as a 400.
    let url = authorize_url(&api, &owner).await;
    let redirect = fake.authorize(&url, &consent).unwrap();
    let c = param(&redirect, "code").unwrap();
    let (st, b) = callback(s, &redirect.replace(&c, "bogus")).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("invalid_grant"),
        "{b}"
    );
    // Neither code nor error.
    let (st, _) = callback(s, "x?state=abc").await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
}

async fn a_guild_belongs_to_one_account(s: &TestServer, fake: &FakeDiscord) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let othermod = api.login("othermod", "lumio-othermod").await;
    let other_account: uuid::Uuid = account_id(&api, &othermod).await.parse().unwrap();
    // Another account holds the second guild.
    let second = fake.add_guild("Second", &fake.guild.owner, true);
    let now = lumio_server::store::now();
    s.state
        .db
        .discord()
        .insert_connection(&lumio_server::discord::model::GuildConnection {
            id: uuid::Uuid::now_v7(),
            account_id: other_account,
            guild_id: second.id.clone(),
            guild_name: "Second".into(),
            guild_icon: None,
            connected_by: None,
            connected_by_name: "Otto Othermod".into(),
            created_at: now,
            updated_at: now,
        })
        .await
        .unwrap();
    // Inserting it again is a conflict that names the constraint.
    let again = s
        .state
        .db
        .discord()
        .insert_connection(&lumio_server::discord::model::GuildConnection {
            id: uuid::Uuid::now_v7(),
            account_id: other_account,
            guild_id: second.id.clone(),
            guild_name: "Second".into(),
            guild_icon: None,
            connected_by: None,
            connected_by_name: "x".into(),
            created_at: now,
            updated_at: now,
        })
        .await
        .unwrap_err();
    assert!(
        matches!(&again, lumio_server::store::StoreError::Conflict { constraint } if constraint == "discord_guild_connections_guild_id_key"),
        "{again:?}"
    );
    // The owner adding the bot there: 409 naming guild_id.
    let url = authorize_url(&api, &owner).await;
    let (st, b) = consent_and_callback(s, fake, &url, &second.id).await;
    assert_eq!((st, code(&b)), (StatusCode::CONFLICT, "conflict"), "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("guild_id:"),
        "{b}"
    );
    // Nor may the owner read its channels, roles or features, or map a feature: it is not
    // connected to this account (no hint that it exists), and Discord is not asked.
    fake.clear_calls();
    for path in ["channels", "roles", "features"] {
        let (st, b) = api
            .call(
                Method::GET,
                &format!("/v1/discord/guilds/{}/{path}", second.id),
                Some(&owner),
                None,
            )
            .await;
        assert_eq!(st, StatusCode::NOT_FOUND, "{path}: {b}");
    }
    let (st, _) = api
        .call(
            Method::PUT,
            &format!("/v1/discord/guilds/{}/features/chat_mirror", second.id),
            Some(&owner),
            Some(json!({"channel_id": second.channels[0].id})),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let (st, _) = api
        .call(
            Method::DELETE,
            &format!("/v1/discord/guilds/{}", second.id),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    assert!(fake.rest_calls().is_empty(), "{:?}", fake.rest_calls());
}

async fn channels_and_roles_are_cached_an_hour_after_the_ownership_check(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let g = fake.guild.id.clone();
    connect(s, fake, &api, &owner, &g).await;
    fake.clear_calls();
    let (st, channels) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/channels"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{channels}");
    let names: Vec<&str> = channels
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "general",
            "announcements",
            "mod-log",
            "Lounge",
            "Text Channels"
        ]
    );
    assert_eq!(channels[0]["type"], 0);
    let calls = fake.rest_calls();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].path, format!("/api/v10/guilds/{g}/channels"));
    assert_eq!(
        calls[0].header("authorization").unwrap(),
        format!("Bot {}", fake.bot_token())
    );
    // The second read is the cache's; the reverse look-up is there too.
    let (_, again) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/channels"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(again, channels);
    assert_eq!(fake.rest_calls().len(), 1);
    let bus = s.bus();
    assert!(matches!(
        bus.ttl(&keys::discord_guild_channels(&g)).await.unwrap(),
        Ttl::Expires(d) if d > Duration::from_secs(3500)
    ));
    let general = fake.guild.channel("general").unwrap().id.clone();
    assert_eq!(
        bus.get(&keys::discord_channel_guild(&general))
            .await
            .unwrap()
            .as_deref(),
        Some(g.as_str())
    );
    // Roles came with Discord's token answer: cached without a call.
    let q = api
        .gql(
            Some(&owner),
            "query($g: String!) { discordGuildRoles(guildId: $g) { id name managed permissions } discordGuildChannels(guildId: $g) { id type } }",
            json!({"g": g}),
        )
        .await;
    let roles = &q["data"]["discordGuildRoles"];
    assert_eq!(roles[0]["name"], "@everyone", "{q}");
    assert_eq!(roles.as_array().unwrap().len(), 3);
    assert_eq!(q["data"]["discordGuildChannels"][1]["type"], 5);
    assert_eq!(fake.rest_calls().len(), 1);
    // Once the cache is gone, Discord is asked (and the answer cached again).
    bus.del(&keys::discord_guild_roles(&g)).await.unwrap();
    let (st, roles) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/roles"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(roles.as_array().unwrap().len(), 3);
    assert_eq!(fake.rest_calls().len(), 2);
    assert!(bus.exists(&keys::discord_guild_roles(&g)).await.unwrap());

    // Ids are snowflakes (400 naming the field), unknown guilds are 404, permissions 403.
    let (st, b) = api
        .call(
            Method::GET,
            "/v1/discord/guilds/123abc/channels",
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("guild_id must be"),
        "{b}"
    );
    let (st, _) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{}/channels", fake.snowflake()),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    let viewer = api.login("viewer", "lumio-viewer").await;
    let (st, b) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/roles"),
            Some(&viewer),
            None,
        )
        .await;
    assert_eq!(
        (st, b["error"]["permission"].as_str()),
        (StatusCode::FORBIDDEN, Some("bot-connections:read"))
    );
    assert_eq!(
        fake.rest_calls().len(),
        2,
        "no call to Discord for refused reads"
    );
}

async fn features_map_to_text_channels_of_that_guild_only(s: &TestServer, fake: &FakeDiscord) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let g = fake.guild.id.clone();
    connect(s, fake, &api, &owner, &g).await;
    let general = fake.guild.channel("general").unwrap().id.clone();
    let lounge = fake.guild.channel("Lounge").unwrap().id.clone();
    let announcements = fake.guild.channel("announcements").unwrap().id.clone();

    let (st, f) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/features"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let keys_listed: Vec<&str> = f
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["feature"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys_listed,
        [
            "live_notification",
            "event_feed",
            "chat_mirror",
            "announcement",
            "moderation_log",
            "clip_feed"
        ]
    );
    assert!(f
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["channel_id"].is_null()));

    let set = |feature: &str, body: Value| {
        let api = &api;
        let owner = &owner;
        let path = format!("/v1/discord/guilds/{g}/features/{feature}");
        async move { api.call(Method::PUT, &path, Some(owner), Some(body)).await }
    };
    let (st, b) = set("chat_mirror", json!({"channel_id": general})).await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(b["channel_id"], general);
    assert_eq!(b["enabled"], true);
    let (st, b) = set(
        "announcement",
        json!({"channel_id": announcements, "enabled": false}),
    )
    .await;
    assert_eq!((st, &b["enabled"]), (StatusCode::OK, &json!(false)), "{b}");
    // A voice channel, a channel of no guild of ours, an unknown feature, a bad id.
    let (st, b) = set("moderation_log", json!({"channel_id": lounge})).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("voice channel"),
        "{b}"
    );
    let elsewhere = fake.add_guild("Elsewhere", &fake.guild.owner, true);
    let (st, b) = set(
        "moderation_log",
        json!({"channel_id": elsewhere.channels[0].id}),
    )
    .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("is not a channel of Discord server"),
        "{b}"
    );
    let (st, b) = set("raid_alerts", json!({"channel_id": general})).await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("feature must be one of"),
        "{b}"
    );
    let (st, b) = set("chat_mirror", json!({"channel_id": "general"})).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("channel_id must be"),
        "{b}"
    );
    let (st, _) = set("chat_mirror", json!({"channel": general})).await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "unknown fields are refused");

    // Read back through the cache, then from the database once the cache is gone.
    let q = api
        .gql(
            Some(&owner),
            "query($g: String!) { discordGuildFeatures(guildId: $g) { feature channelId enabled } }",
            json!({"g": g}),
        )
        .await;
    let fs = q["data"]["discordGuildFeatures"]
        .as_array()
        .unwrap()
        .clone();
    let chat = fs.iter().find(|f| f["feature"] == "chat_mirror").unwrap();
    assert_eq!(chat["channelId"], general);
    let bus = s.bus();
    assert!(bus.exists(&keys::discord_guild_features(&g)).await.unwrap());
    bus.del(&keys::discord_guild_features(&g)).await.unwrap();
    let (_, f) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/features"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(f[2]["channel_id"], general);
    assert_eq!(f[3]["channel_id"], announcements);
    assert_eq!(f[3]["enabled"], false);

    // GraphQL maps and clears too; clearing empties the mapping.
    let m = api
        .gql(
            Some(&owner),
            "mutation($g: String!, $c: String) { setDiscordGuildFeature(guildId: $g, feature: \"clip_feed\", channelId: $c) { feature channelId enabled } }",
            json!({"g": g, "c": announcements}),
        )
        .await;
    assert_eq!(
        m["data"]["setDiscordGuildFeature"]["channelId"], announcements,
        "{m}"
    );
    let (st, b) = set("chat_mirror", json!({"channel_id": null})).await;
    assert_eq!((st, &b["channel_id"]), (StatusCode::OK, &Value::Null));
    let (_, f) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/features"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(f[2]["channel_id"], Value::Null);
    assert_eq!(f[5]["channel_id"], announcements);
    // A viewer cannot map.
    let viewer = api.login("viewer", "lumio-viewer").await;
    let (st, b) = api
        .call(
            Method::PUT,
            &format!("/v1/discord/guilds/{g}/features/chat_mirror"),
            Some(&viewer),
            Some(json!({"channel_id": general})),
        )
        .await;
    assert_eq!(
        (st, b["error"]["permission"].as_str()),
        (StatusCode::FORBIDDEN, Some("bot-connections:create"))
    );
    // Disconnecting removes the mappings with the connection.
    api.call(
        Method::DELETE,
        &format!("/v1/discord/guilds/{g}"),
        Some(&owner),
        None,
    )
    .await;
    assert!(s.state.db.discord().mappings(&g).await.unwrap().is_empty());
}

async fn system_operations_take_the_system_key(s: &TestServer, fake: &FakeDiscord) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let g = fake.guild.id.clone();
    connect(s, fake, &api, &owner, &g).await;
    // A user token is refused, the system key lists every account's guilds.
    let (st, _) = api
        .call(Method::GET, "/v1/discord/bot/guilds", Some(&owner), None)
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    let q = api
        .gql(Some(&owner), "{ discordBotGuilds { guildId } }", json!({}))
        .await;
    assert_eq!(gql_code(&q), "forbidden");
    let (st, list) = api
        .call(
            Method::GET,
            "/v1/discord/bot/guilds",
            Some(TEST_SYSTEM_KEY),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(list[0]["guild_id"], g);
    // GUILD_CREATE news: name, icon, channels and roles.
    let c1 = fake.snowflake();
    let m = api
        .gql(
            Some(TEST_SYSTEM_KEY),
            "mutation($g: String!, $c: [DiscordChannelInput!]) { updateDiscordGuildInfo(guildId: $g, name: \"New Name\", icon: \"abc\", channels: $c) { guildName guildIcon } }",
            json!({"g": g, "c": [{"id": c1, "name": "fresh", "type": 0}]}),
        )
        .await;
    assert_eq!(
        m["data"]["updateDiscordGuildInfo"]["guildName"], "New Name",
        "{m}"
    );
    let bus = s.bus();
    assert_eq!(
        bus.get(&keys::discord_channel_guild(&c1))
            .await
            .unwrap()
            .as_deref(),
        Some(g.as_str())
    );
    let (_, chans) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/channels"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(chans[0]["name"], "fresh");
    let (st, b) = api
        .call(
            Method::PUT,
            &format!("/v1/discord/bot/guilds/{g}"),
            Some(TEST_SYSTEM_KEY),
            Some(json!({"name": "x", "channels": [{"id": "1", "name": "c", "type": 0}]})),
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("channels[0].id must be"),
        "{b}"
    );
    let (st, _) = api
        .call(
            Method::PUT,
            &format!("/v1/discord/bot/guilds/{}", fake.snowflake()),
            Some(TEST_SYSTEM_KEY),
            Some(json!({"name": "x"})),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    // GUILD_DELETE with unavailable: caches cleared, mapping kept.
    let (st, r) = api
        .call(
            Method::DELETE,
            &format!("/v1/discord/bot/guilds/{g}?unavailable=true"),
            Some(TEST_SYSTEM_KEY),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        r,
        json!({"guild_id": g, "removed": false, "cache_cleared": true})
    );
    assert!(!bus.exists(&keys::discord_guild_channels(&g)).await.unwrap());
    assert!(!bus.exists(&keys::discord_channel_guild(&c1)).await.unwrap());
    assert!(s
        .state
        .db
        .discord()
        .connection_by_guild(&g)
        .await
        .unwrap()
        .is_some());
    // Without: the mapping goes.
    let m = api
        .gql(
            Some(TEST_SYSTEM_KEY),
            "mutation($g: String!) { removeDiscordGuildByBot(guildId: $g) { removed } }",
            json!({"g": g}),
        )
        .await;
    assert_eq!(m["data"]["removeDiscordGuildByBot"]["removed"], true, "{m}");
    assert!(s
        .state
        .db
        .discord()
        .connection_by_guild(&g)
        .await
        .unwrap()
        .is_none());
    let m = api
        .gql(
            Some(&owner),
            "mutation($g: String!) { removeDiscordGuildByBot(guildId: $g) { removed } }",
            json!({"g": g}),
        )
        .await;
    assert_eq!(gql_code(&m), "forbidden");
}

async fn discord_failures_are_passed_on_clearly(s: &TestServer, fake: &FakeDiscord) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let g = fake.guild.id.clone();
    connect(s, fake, &api, &owner, &g).await;
    let route = "GET /guilds/{guild_id}/channels";
    // A short 429 is waited out once.
    fake.set_route_limit(route, 1, Duration::from_millis(500));
    fake.exhaust_route(route, &g);
    fake.clear_calls();
    let (st, b) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/channels"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{b}");
    assert_eq!(fake.rest_calls().len(), 2, "a 429, then the retry");
    // A long one is answered as lumio's 429 with Discord's wait.
    s.bus()
        .del(&keys::discord_guild_channels(&g))
        .await
        .unwrap();
    fake.set_route_limit(route, 1, Duration::from_secs(60));
    fake.exhaust_route(route, &g);
    let (st, b) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/channels"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(
        (st, code(&b)),
        (StatusCode::TOO_MANY_REQUESTS, "rate_limited"),
        "{b}"
    );
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("retry after"),
        "{b}"
    );
    // The bot was kicked: Discord's 50001 comes back as a 502 that says so.
    fake.set_route_limit(route, 50, Duration::from_secs(1));
    fake.set_bot_in_guild(&g, false);
    s.bus().del(&keys::discord_guild_roles(&g)).await.unwrap();
    let (st, b) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/roles"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(
        (st, code(&b)),
        (StatusCode::BAD_GATEWAY, "platform_error"),
        "{b}"
    );
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("Missing Access (code 50001)"),
        "{b}"
    );
    // Discord's JSON error never carries lumio's token back out.
    assert!(!b.to_string().contains(fake.bot_token()));
}

async fn admin_views_are_admin_only_and_every_action_is_audited(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    let admin = api.login("admin", "lumio-admin").await;
    let g = fake.guild.id.clone();
    connect(s, fake, &api, &owner, &g).await;

    // The owner of an account is no admin: the middleware turns them away.
    for (m, path) in [
        (Method::GET, "/v1/admin/discord-guilds".to_string()),
        (Method::DELETE, format!("/v1/admin/discord-guilds/{g}")),
        (Method::GET, "/v1/admin/audit-log".to_string()),
    ] {
        let (st, b) = api.call(m, &path, Some(&owner), None).await;
        assert_eq!(st, StatusCode::FORBIDDEN, "{path}: {b}");
    }
    let (st, _) = api
        .call(Method::GET, "/v1/admin/discord-guilds", None, None)
        .await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    let q = api
        .gql(
            Some(&owner),
            "{ adminDiscordGuilds { guildId } }",
            json!({}),
        )
        .await;
    assert_eq!(gql_code(&q), "forbidden");

    let (st, list) = api
        .call(Method::GET, "/v1/admin/discord-guilds", Some(&admin), None)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(list[0]["guild_id"], g);
    let q = api
        .gql(
            Some(&admin),
            "{ adminDiscordGuilds { guildId accountId } }",
            json!({}),
        )
        .await;
    assert_eq!(q["data"]["adminDiscordGuilds"][0]["guildId"], g, "{q}");

    // A token limited to discord-guilds:read may look, not delete (403 naming the permission).
    let (st, t) = api
        .call(
            Method::POST,
            "/v1/auth/tokens",
            Some(&admin),
            Some(json!({"name": "look only", "permissions": ["discord-guilds:read"]})),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{t}");
    let look = t["token"].as_str().unwrap().to_string();
    let (st, b) = api
        .call(
            Method::DELETE,
            &format!("/v1/admin/discord-guilds/{g}"),
            Some(&look),
            None,
        )
        .await;
    assert_eq!(
        (st, b["error"]["permission"].as_str()),
        (StatusCode::FORBIDDEN, Some("discord-guilds:delete"))
    );
    let (st, _) = api
        .call(Method::GET, "/v1/admin/audit-log", Some(&look), None)
        .await;
    assert_eq!(
        st,
        StatusCode::OK,
        "any admin permission reads the audit log"
    );

    // Delete: the mapping goes, the account's bot is told, the audit log says who and what.
    let (st, d) = api
        .call(
            Method::DELETE,
            &format!("/v1/admin/discord-guilds/{g}"),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{d}");
    assert_eq!(d["guild_id"], g);
    assert!(s
        .state
        .db
        .discord()
        .connection_by_guild(&g)
        .await
        .unwrap()
        .is_none());
    assert!(!s.bus().exists(&keys::discord_guild(&g)).await.unwrap());
    // Again: 404, audited as failed. A bad id: 400, before anything is written.
    let m = api
        .gql(
            Some(&admin),
            "mutation($g: String!) { adminDeleteDiscordGuild(guildId: $g) { guildId } }",
            json!({"g": g}),
        )
        .await;
    assert_eq!(gql_code(&m), "not_found", "{m}");
    let (st, _) = api
        .call(
            Method::DELETE,
            "/v1/admin/discord-guilds/nope",
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);

    let (st, log) = api
        .call(Method::GET, "/v1/admin/audit-log", Some(&admin), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{log}");
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 2, "{log:?}");
    assert_eq!(log[0]["outcome"], "failed");
    assert!(log[0]["error"].as_str().unwrap().contains("not connected"));
    let ok = &log[1];
    assert_eq!(ok["outcome"], "ok");
    assert_eq!(ok["action"], "discord_guild.delete");
    assert_eq!(ok["permission"], "discord-guilds:delete");
    assert_eq!(ok["target_id"], g);
    assert_eq!(ok["actor_name"], "Ada Admin");
    assert_eq!(ok["details"]["guild_name"], "Lumio Demo Server");
    assert!(ok["account_id"].is_string());
    assert!(ok["finished_at"].is_string());
    // Paging and limits.
    let (_, older) = api
        .call(
            Method::GET,
            &format!(
                "/v1/admin/audit-log?limit=5&before={}",
                log[0]["id"].as_str().unwrap()
            ),
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(older.as_array().unwrap().len(), 1);
    assert_eq!(older[0]["id"], ok["id"]);
    let (st, _) = api
        .call(
            Method::GET,
            "/v1/admin/audit-log?limit=0",
            Some(&admin),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    let q = api
        .gql(
            Some(&admin),
            "{ adminAuditLog(limit: 1) { action outcome details targetId } }",
            json!({}),
        )
        .await;
    assert_eq!(q["data"]["adminAuditLog"][0]["outcome"], "failed", "{q}");
    assert!(q["data"]["adminAuditLog"][0]["details"].is_object(), "{q}");
}
