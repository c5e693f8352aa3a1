//! The fake Discord's REST v10 and OAuth2, driven with reqwest as a bot would: auth, the
//! endpoints lumio calls, Discord's error bodies, rate-limit headers and 429s, the daily
//! command-create limit, and the bot authorization flow (consent → code → token with guild).

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::body;
use lumio_testkit::discord::{Consent, FakeDiscord, MESSAGE_ROUTE};
use reqwest::Method;
use serde_json::json;

fn rest(fake: &FakeDiscord, method: Method, path: &str) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .request(method, format!("{}{path}", fake.api_url()))
        .header("Authorization", format!("Bot {}", fake.bot_token()))
}

#[tokio::test]
async fn a_bad_token_is_401_and_the_bot_token_reads_itself_and_its_guilds() {
    let fake = FakeDiscord::start().await.unwrap();
    let r = reqwest::Client::new()
        .get(format!("{}/users/@me", fake.api_url()))
        .header("Authorization", "Bot nope")
        .send()
        .await
        .unwrap();
    assert_eq!(
        body(r).await,
        (401, json!({"message": "401: Unauthorized", "code": 0}))
    );
    let (st, me) = body(rest(&fake, Method::GET, "/users/@me").send().await.unwrap()).await;
    assert_eq!(st, 200);
    assert_eq!(me["id"], fake.application_id());
    assert_eq!(me["bot"], true);
    let (st, guilds) = body(
        rest(&fake, Method::GET, "/users/@me/guilds?with_counts=true")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 200);
    assert_eq!(guilds.as_array().unwrap().len(), 1, "{guilds}");
    assert_eq!(guilds[0]["id"], fake.guild.id);
    assert_eq!(guilds[0]["name"], "Lumio Demo Server");
    assert!(guilds[0]["approximate_member_count"].as_u64().unwrap() >= 2);
    // A guild the bot is not in is not listed, and reading it is 50001 Missing Access.
    let other = fake.add_guild("Elsewhere", &fake.guild.owner, false);
    let (_, guilds) = body(
        rest(&fake, Method::GET, "/users/@me/guilds")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(guilds.as_array().unwrap().len(), 1);
    let (st, b) = body(
        rest(&fake, Method::GET, &format!("/guilds/{}", other.id))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (403, json!({"message": "Missing Access", "code": 50001}))
    );
}

#[tokio::test]
async fn guilds_channels_and_roles_and_their_errors() {
    let fake = FakeDiscord::start().await.unwrap();
    let g = &fake.guild;
    let (st, guild) = body(
        rest(&fake, Method::GET, &format!("/guilds/{}", g.id))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 200);
    assert_eq!(guild["name"], g.name);
    assert_eq!(guild["owner_id"], g.owner.id);
    assert!(guild["icon"].as_str().unwrap().starts_with("a_"));
    assert_eq!(guild["roles"].as_array().unwrap().len(), 3);
    let (st, channels) = body(
        rest(&fake, Method::GET, &format!("/guilds/{}/channels", g.id))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 200);
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
    assert_eq!(channels[1]["type"], 5);
    assert_eq!(channels[3]["type"], 2);
    assert_eq!(channels[0]["guild_id"], g.id);
    let (st, roles) = body(
        rest(&fake, Method::GET, &format!("/guilds/{}/roles", g.id))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 200);
    assert_eq!(roles[0]["name"], "@everyone");
    assert_eq!(roles[0]["id"], g.id, "@everyone has the guild's id");
    assert!(roles[0]["permissions"].is_string());

    // Unknown guild, and a path id that is no snowflake.
    let unknown = fake.snowflake();
    let (st, b) = body(
        rest(&fake, Method::GET, &format!("/guilds/{unknown}/channels"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (404, json!({"message": "Unknown Guild", "code": 10004}))
    );
    let (st, b) = body(
        rest(&fake, Method::GET, "/guilds/abc/roles")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 400);
    assert_eq!(b["code"], 50035);
    assert_eq!(
        b["errors"]["guild_id"]["_errors"][0]["code"],
        "NUMBER_TYPE_COERCE"
    );
    // An unknown route.
    let (st, b) = body(rest(&fake, Method::GET, "/nope").send().await.unwrap()).await;
    assert_eq!((st, b["message"].as_str()), (404, Some("404: Not Found")));
}

#[tokio::test]
async fn messages_are_sent_and_deleted_with_discords_errors() {
    let fake = FakeDiscord::start().await.unwrap();
    let general = fake.guild.channel("general").unwrap().id.clone();
    let r = rest(
        &fake,
        Method::POST,
        &format!("/channels/{general}/messages"),
    )
    .json(&json!({"content": "hello from lumio", "nonce": "n1"}))
    .send()
    .await
    .unwrap();
    let headers = r.headers().clone();
    let (st, msg) = body(r).await;
    assert_eq!(st, 200, "{msg}");
    assert_eq!(msg["content"], "hello from lumio");
    assert_eq!(msg["channel_id"], general);
    assert_eq!(msg["author"]["id"], fake.application_id());
    assert_eq!(msg["nonce"], "n1");
    for h in [
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
        "x-ratelimit-reset-after",
        "x-ratelimit-bucket",
    ] {
        assert!(headers.contains_key(h), "{h} missing: {headers:?}");
    }
    assert_eq!(headers["x-ratelimit-limit"], "5");
    assert_eq!(headers["x-ratelimit-remaining"], "4");
    assert_eq!(
        fake.sent_messages(),
        vec![(general.clone(), "hello from lumio".to_string())]
    );

    let (st, b) = body(
        rest(
            &fake,
            Method::POST,
            &format!("/channels/{general}/messages"),
        )
        .json(&json!({"content": ""}))
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (
            400,
            json!({"message": "Cannot send an empty message", "code": 50006})
        )
    );
    let (st, b) = body(
        rest(
            &fake,
            Method::POST,
            &format!("/channels/{general}/messages"),
        )
        .json(&json!({"content": "x".repeat(2001)}))
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!((st, b["code"].as_u64()), (400, Some(50035)));
    assert!(b["errors"]["content"]["_errors"].is_array(), "{b}");
    let unknown = fake.snowflake();
    let (st, b) = body(
        rest(
            &fake,
            Method::POST,
            &format!("/channels/{unknown}/messages"),
        )
        .json(&json!({"content": "hi"}))
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (404, json!({"message": "Unknown Channel", "code": 10003}))
    );
    fake.deny_permission(&fake.guild.id, "SEND_MESSAGES");
    let (st, b) = body(
        rest(
            &fake,
            Method::POST,
            &format!("/channels/{general}/messages"),
        )
        .json(&json!({"content": "hi"}))
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (
            403,
            json!({"message": "Missing Permissions", "code": 50013})
        )
    );

    let id = msg["id"].as_str().unwrap();
    let r = rest(
        &fake,
        Method::DELETE,
        &format!("/channels/{general}/messages/{id}"),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 204);
    let (st, b) = body(
        rest(
            &fake,
            Method::DELETE,
            &format!("/channels/{general}/messages/{id}"),
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (404, json!({"message": "Unknown Message", "code": 10008}))
    );
}

#[tokio::test]
async fn bans_and_timeouts() {
    let fake = FakeDiscord::start().await.unwrap();
    let (g, u) = (fake.guild.id.clone(), fake.chatter.id.clone());
    let until = (chrono::Utc::now() + chrono::Duration::minutes(10)).to_rfc3339();
    let (st, m) = body(
        rest(&fake, Method::PATCH, &format!("/guilds/{g}/members/{u}"))
            .json(&json!({"communication_disabled_until": until}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 200, "{m}");
    assert_eq!(m["user"]["id"], u);
    assert!(m["communication_disabled_until"].is_string());
    assert!(fake.timeout_of(&g, &u).is_some());
    // More than 28 days ahead is refused.
    let too_long = (chrono::Utc::now() + chrono::Duration::days(29)).to_rfc3339();
    let (st, b) = body(
        rest(&fake, Method::PATCH, &format!("/guilds/{g}/members/{u}"))
            .json(&json!({"communication_disabled_until": too_long}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((st, b["code"].as_u64()), (400, Some(50035)));
    // Lifting it.
    let (st, _) = body(
        rest(&fake, Method::PATCH, &format!("/guilds/{g}/members/{u}"))
            .json(&json!({"communication_disabled_until": null}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 200);
    assert!(fake.timeout_of(&g, &u).is_none());

    let r = rest(&fake, Method::PUT, &format!("/guilds/{g}/bans/{u}"))
        .header("X-Audit-Log-Reason", "spam")
        .json(&json!({"delete_message_seconds": 3600}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let ban = fake.ban_of(&g, &u).unwrap();
    assert_eq!(
        (ban.reason.as_deref(), ban.delete_message_seconds),
        (Some("spam"), 3600)
    );
    // A banned user is no member any more: a timeout is 10007 Unknown Member.
    let (st, b) = body(
        rest(&fake, Method::PATCH, &format!("/guilds/{g}/members/{u}"))
            .json(&json!({"communication_disabled_until": until}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (404, json!({"message": "Unknown Member", "code": 10007}))
    );
    let r = rest(&fake, Method::DELETE, &format!("/guilds/{g}/bans/{u}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    let (st, b) = body(
        rest(&fake, Method::DELETE, &format!("/guilds/{g}/bans/{u}"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (404, json!({"message": "Unknown Ban", "code": 10026}))
    );
    fake.deny_permission(&g, "BAN_MEMBERS");
    let (st, b) = body(
        rest(&fake, Method::PUT, &format!("/guilds/{g}/bans/{u}"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((st, b["code"].as_u64()), (403, Some(50013)));
}

#[tokio::test]
async fn a_full_bucket_answers_429_with_discords_headers_and_body() {
    let fake = FakeDiscord::start().await.unwrap();
    let general = fake.guild.channel("general").unwrap().id.clone();
    let modlog = fake.guild.channel("mod-log").unwrap().id.clone();
    fake.set_route_limit(MESSAGE_ROUTE, 2, Duration::from_secs(30));
    let post = |c: &str| {
        rest(&fake, Method::POST, &format!("/channels/{c}/messages"))
            .json(&json!({"content": "x"}))
            .send()
    };
    assert_eq!(post(&general).await.unwrap().status(), 200);
    let r = post(&general).await.unwrap();
    assert_eq!(r.headers()["x-ratelimit-remaining"], "0");
    let bucket = r.headers()["x-ratelimit-bucket"].clone();
    let r = post(&general).await.unwrap();
    assert_eq!(r.status(), 429);
    let h = r.headers().clone();
    assert_eq!(h["x-ratelimit-scope"], "user");
    assert_eq!(h["x-ratelimit-bucket"], bucket);
    assert_eq!(h["x-ratelimit-remaining"], "0");
    let retry: u64 = h["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=30).contains(&retry), "{retry}");
    let (_, b) = body(r).await;
    assert_eq!(b["message"], "You are being rate limited.");
    assert_eq!(b["global"], false);
    let after = b["retry_after"].as_f64().unwrap();
    assert!(after > 0.0 && after <= 30.0, "{after}");
    // Buckets are per major parameter: another channel has its own.
    let r = post(&modlog).await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["x-ratelimit-bucket"],
        bucket,
        "same route, same bucket id"
    );
    assert_eq!(r.headers()["x-ratelimit-remaining"], "1");

    // A bucket that resets lets calls through again.
    fake.set_route_limit(MESSAGE_ROUTE, 1, Duration::from_millis(300));
    assert_eq!(post(&general).await.unwrap().status(), 200);
    assert_eq!(post(&general).await.unwrap().status(), 429);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(post(&general).await.unwrap().status(), 200);

    // exhaust_route empties one bucket.
    fake.exhaust_route("GET /guilds/{guild_id}/roles", &fake.guild.id);
    let r = rest(
        &fake,
        Method::GET,
        &format!("/guilds/{}/roles", fake.guild.id),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 429);
}

#[tokio::test]
async fn the_global_limit_is_global() {
    let fake = FakeDiscord::start_with(lumio_testkit::discord::Config {
        global_rate_limit: (3, Duration::from_secs(30)),
        ..Default::default()
    })
    .await
    .unwrap();
    for _ in 0..3 {
        let r = rest(&fake, Method::GET, "/users/@me").send().await.unwrap();
        assert_eq!(r.status(), 200);
    }
    let r = rest(&fake, Method::GET, "/users/@me").send().await.unwrap();
    assert_eq!(r.status(), 429);
    assert_eq!(r.headers()["x-ratelimit-global"], "true");
    assert_eq!(r.headers()["x-ratelimit-scope"], "global");
    let (_, b) = body(r).await;
    assert_eq!(b["global"], true);
}

#[tokio::test]
async fn bulk_overwrite_counts_creates_against_the_daily_200() {
    let fake = FakeDiscord::start().await.unwrap();
    let path = format!(
        "/applications/{}/guilds/{}/commands",
        fake.application_id(),
        fake.guild.id
    );
    let cmds = json!([{"name": "so", "description": "shout out", "type": 1},
                      {"name": "uptime", "description": "how long live"}]);
    let (st, b) = body(
        rest(&fake, Method::PUT, &path)
            .json(&cmds)
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 200, "{b}");
    assert_eq!(b.as_array().unwrap().len(), 2);
    let so_id = b[0]["id"].as_str().unwrap().to_string();
    assert_eq!(b[0]["application_id"], fake.application_id());
    assert_eq!(b[0]["guild_id"], fake.guild.id);
    // Overwriting with the same names creates nothing and keeps the ids.
    fake.set_command_creates_today(&fake.guild.id, 200);
    let (st, b) = body(
        rest(&fake, Method::PUT, &path)
            .json(&json!([{"name": "so", "description": "again"}]))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 200, "{b}");
    assert_eq!(b[0]["id"], so_id.as_str());
    assert_eq!(fake.commands(&fake.guild.id).len(), 1, "uptime was dropped");
    // A new name past the limit: Discord's 30034, nothing changes.
    let (st, b) = body(
        rest(&fake, Method::PUT, &path)
            .json(&json!([{"name": "so", "description": "x"}, {"name": "new", "description": "x"}]))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (
            400,
            json!({"message": "Max number of daily application command creates has been reached (200)", "code": 30034})
        )
    );
    assert_eq!(fake.commands(&fake.guild.id).len(), 1);
    // Invalid names are 50035 naming the index.
    let (st, b) = body(
        rest(&fake, Method::PUT, &path)
            .json(&json!([{"name": "Bad Name", "description": "x"}]))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 400);
    assert!(b["errors"]["0.name"].is_object(), "{b}");
}

#[tokio::test]
async fn the_bot_authorization_flow_gives_a_code_that_exchanges_once_for_a_token_and_the_guild() {
    let fake = FakeDiscord::start().await.unwrap();
    let newbie = fake.add_guild("New Server", &fake.guild.owner, false);
    let redirect = "http://127.0.0.1:9/api/discord-guilds/callback";
    fake.register_redirect_uri(redirect);
    let authorize = format!(
        "{}?client_id={}&scope=bot+applications.commands&permissions=1099780063238\
         &response_type=code&redirect_uri={}&state=st4te",
        fake.authorize_url(),
        fake.application_id(),
        "http%3A%2F%2F127.0.0.1%3A9%2Fapi%2Fdiscord-guilds%2Fcallback"
    );
    // Over HTTP the consent screen redirects at once (302), as a browser would see it.
    fake.set_consent(Consent {
        user_id: fake.guild.owner.id.clone(),
        guild_id: Some(newbie.id.clone()),
        approve: true,
    });
    let no_redirects = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = no_redirects.get(&authorize).send().await.unwrap();
    assert_eq!(r.status(), 302);
    let to = url::Url::parse(r.headers()["location"].to_str().unwrap()).unwrap();
    assert_eq!(to.path(), "/api/discord-guilds/callback");
    let q: std::collections::HashMap<String, String> = to.query_pairs().into_owned().collect();
    assert_eq!(q["state"], "st4te");
    assert_eq!(q["guild_id"], newbie.id);
    assert_eq!(q["permissions"], "1099780063238");
    assert!(fake.bot_in_guild(&newbie.id), "the bot joined");

    let exchange = |code: &str, uri: &str, secret: &str| {
        reqwest::Client::new()
            .post(format!("{}/oauth2/token", fake.api_url()))
            .basic_auth(fake.application_id(), Some(secret))
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", uri),
            ])
            .send()
    };
    let (st, b) = body(exchange(&q["code"], redirect, "wrong").await.unwrap()).await;
    assert_eq!((st, b["error"].as_str()), (401, Some("invalid_client")));
    let (st, b) = body(
        exchange(&q["code"], "http://elsewhere/cb", fake.client_secret())
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (
            400,
            json!({"error": "invalid_grant", "error_description": "Invalid \"redirect_uri\" in request."})
        )
    );
    // That attempt used the code up, as Discord's codes are single-use.
    let r2 = fake
        .authorize(
            &authorize,
            &Consent {
                user_id: fake.guild.owner.id.clone(),
                guild_id: Some(newbie.id.clone()),
                approve: true,
            },
        )
        .unwrap();
    let code2 = url::Url::parse(&r2)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .to_string();
    let (st, tok) = body(
        exchange(&code2, redirect, fake.client_secret())
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 200, "{tok}");
    assert_eq!(tok["token_type"], "Bearer");
    assert_eq!(tok["scope"], "bot applications.commands");
    assert_eq!(tok["guild"]["id"], newbie.id);
    assert_eq!(tok["guild"]["name"], "New Server");
    assert!(tok["expires_in"].as_u64().unwrap() > 0);
    let (st, b) = body(
        exchange(&code2, redirect, fake.client_secret())
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (st, b),
        (
            400,
            json!({"error": "invalid_grant", "error_description": "Invalid \"code\" in request."})
        )
    );
    // The user token reads its user with `identify`… which this grant did not include.
    let (st, _) = body(
        reqwest::Client::new()
            .get(format!("{}/users/@me", fake.api_url()))
            .bearer_auth(tok["access_token"].as_str().unwrap())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, 401);

    // Cancel on the consent screen: error=access_denied with the state.
    let denied = fake
        .authorize(
            &authorize,
            &Consent {
                user_id: fake.guild.owner.id.clone(),
                guild_id: None,
                approve: false,
            },
        )
        .unwrap();
    assert!(denied.contains("error=access_denied"), "{denied}");
    assert!(denied.contains("state=st4te"), "{denied}");
    // An unregistered redirect URI is refused on the consent screen itself.
    let bad = authorize.replace("127.0.0.1%3A9", "evil.example");
    assert!(fake
        .authorize(
            &bad,
            &Consent {
                user_id: fake.guild.owner.id.clone(),
                guild_id: Some(newbie.id.clone()),
                approve: true
            }
        )
        .is_err());
}

#[tokio::test]
async fn every_call_is_recorded_with_its_headers() {
    let fake = FakeDiscord::start().await.unwrap();
    let _ = rest(&fake, Method::GET, &format!("/guilds/{}", fake.guild.id))
        .header("User-Agent", "DiscordBot (https://example.invalid, 1)")
        .send()
        .await
        .unwrap();
    let calls = fake.rest_calls();
    let c = calls.last().unwrap();
    assert_eq!(c.method, "GET");
    assert_eq!(c.path, format!("/api/v10/guilds/{}", fake.guild.id));
    assert_eq!(
        c.header("authorization").unwrap(),
        format!("Bot {}", fake.bot_token())
    );
}
