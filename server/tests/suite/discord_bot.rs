//! The Discord bot (issue 18 §2) on both backends against lumio-testkit's fake Discord: the
//! gateway session (identify, heartbeats, resume after op 7, op 9, a dropped connection and a
//! zombied one; a new session after a non-resumable op 9), held by one worker through a lease;
//! GUILD_CREATE / GUILD_DELETE / outages on the guild caches and the connection row;
//! MESSAGE_CREATE / MESSAGE_DELETE reaching a lumio WebSocket client; the feature channels
//! (chat mirror, moderation log, live notification, a foreign channel refused, posts past
//! the rate limit queued and all delivered); slash-command registration and its daily limit;
//! and the connector's moderation calls against the fake's REST.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::discord::connect;
use common::{log_entry_with_status, next_event, ws_open, Api};
use lumio_server::bus::keys;
use lumio_server::platforms::connector::{ChannelRef, Connector, PlatformError};
use lumio_server::platforms::discord::connector::DiscordConnector;
use lumio_server::platforms::discord::gateway::GatewayOptions;
use lumio_server::platforms::discord::session::{self, SessionOptions};
use lumio_server::testing::TestServer;
use lumio_testkit::discord::{Config as FakeConfig, FakeDiscord, MESSAGE_ROUTE};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio::sync::watch;

async fn discord() -> FakeDiscord {
    let fake = FakeDiscord::start_with(FakeConfig {
        heartbeat_interval: Duration::from_millis(250),
        ..FakeConfig::default()
    })
    .await
    .unwrap();
    fake.register_redirect_uri(common::discord::REDIRECT);
    fake
}

backend_tests!(
    file = "discord_bot", workers = false, with = discord;
    the_gateway_session_feeds_chat_and_guild_state_and_survives_reconnects,
    feature_channels_post_queue_past_the_rate_limit_and_refuse_foreign_channels,
    slash_commands_are_registered_per_guild_within_the_daily_limit,
    moderation_goes_out_through_discord_rest,
    a_ban_in_lumio_reaches_the_guild_through_the_outbox,
    the_bot_worker_runs_the_discord_session_when_a_token_is_configured
);

fn options(fake: &FakeDiscord, id: &str) -> SessionOptions {
    SessionOptions {
        id: id.into(),
        gateway: GatewayOptions {
            min_backoff: Duration::from_millis(20),
            max_backoff: Duration::from_millis(200),
            reidentify_wait: (Duration::from_millis(10), Duration::from_millis(50)),
            ..GatewayOptions::new(&fake.gateway_url(), fake.bot_token())
        },
        lease_ttl: Duration::from_secs(2),
        renew_every: Duration::from_millis(100),
    }
}

async fn until<F: Fn() -> bool>(what: &str, f: F) {
    for _ in 0..500 {
        if f() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

async fn until_async<F, Fut>(what: &str, f: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..500 {
        if f().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

/// The one live session's id, once it is not `old`.
async fn live_session(fake: &FakeDiscord, old: Option<&str>) -> String {
    until("one live gateway session", || {
        let s = fake.sessions();
        s.len() == 1 && Some(s[0].as_str()) != old
    })
    .await;
    fake.sessions()[0].clone()
}

/// Inject a message and wait for it on the WebSocket; the event.
async fn message_arrives(fake: &FakeDiscord, ws: &mut common::Ws, text: &str) -> Value {
    let general = fake.guild.channel("general").unwrap().id.clone();
    fake.inject_message(&general, &fake.chatter.id, text)
        .unwrap();
    loop {
        let e = next_event(ws).await;
        if e["type"] == "message" && e["message"]["message"] == text {
            return e;
        }
    }
}

/// Log in as the owner, connect the fake's guild; (api, token).
async fn owner_with_guild(s: &TestServer, fake: &FakeDiscord) -> (Api, String) {
    let api = Api::new(&s.url);
    let owner = api.login("owner", "lumio-owner").await;
    connect(s, fake, &api, &owner, &fake.guild.id).await;
    (api, owner)
}

async fn the_gateway_session_feeds_chat_and_guild_state_and_survives_reconnects(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let (api, owner) = owner_with_guild(s, fake).await;
    let g = fake.guild.id.clone();
    let bus = s.bus();

    // Two workers: exactly one holds the session (one gateway connection).
    let (stop_a, rx_a) = watch::channel(false);
    let a = session::spawn(s.state.clone(), options(fake, "A"), rx_a);
    let (stop_b, rx_b) = watch::channel(false);
    let b = session::spawn(s.state.clone(), options(fake, "B"), rx_b);
    let first = live_session(fake, None).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        fake.sessions().len(),
        1,
        "exactly one worker holds the session"
    );
    assert_eq!(fake.identifies(), 1);

    // READY's GUILD_CREATE filled the guild's caches.
    let channels_key = keys::discord_guild_channels(&g);
    until_async("the channel cache", || async {
        bus.get(&channels_key).await.unwrap().is_some()
    })
    .await;
    let general = fake.guild.channel("general").unwrap().id.clone();
    assert_eq!(
        bus.get(&keys::discord_channel_guild(&general))
            .await
            .unwrap()
            .as_deref(),
        Some(g.as_str())
    );
    assert!(bus
        .get(&keys::discord_guild_roles(&g))
        .await
        .unwrap()
        .is_some());

    // MESSAGE_CREATE → a lumio WebSocket client; MESSAGE_DELETE → the deletion.
    let mut ws = ws_open(&s.url, &owner, None).await;
    let e = message_arrives(fake, &mut ws, "hello from discord").await;
    let m = &e["message"];
    assert_eq!(m["platform"], "discord");
    assert_eq!(m["user_id"], fake.chatter.id.as_str());
    assert_eq!(m["channel_name"], "general");
    let pmid = m["platform_message_id"].as_str().unwrap().to_string();
    let (channel, discord_id) = pmid.split_once('/').unwrap();
    assert_eq!(channel, general);
    assert!(fake.delete_message(discord_id));
    loop {
        let e = next_event(&mut ws).await;
        if e["type"] == "message_deleted" {
            assert_eq!(e["message_id"], m["id"]);
            break;
        }
    }

    // Heartbeats keep the session: the fake closes a silent one after 1.5 intervals.
    fake.request_heartbeat(&first);
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(fake.sessions(), vec![first.clone()], "heartbeats kept it");

    // op 7: reconnect and resume the same session (no new IDENTIFY).
    assert_eq!(fake.resumes(), 0);
    assert!(fake.send_reconnect(&first));
    until("a resume after op 7", || fake.resumes() == 1).await;
    message_arrives(fake, &mut ws, "after op 7").await;
    assert_eq!(live_session(fake, None).await, first);
    // A dropped connection: resumed.
    assert!(fake.drop_connection(&first));
    until("a resume after a drop", || fake.resumes() == 2).await;
    message_arrives(fake, &mut ws, "after a drop").await;
    // Heartbeats not acknowledged: a zombie, closed and resumed.
    fake.withhold_heartbeat_acks(true);
    until("a resume of the zombie", || fake.resumes() >= 3).await;
    fake.withhold_heartbeat_acks(false);
    message_arrives(fake, &mut ws, "after a zombie").await;
    // op 9 resumable: resumed.
    let before = fake.resumes();
    assert!(fake.invalidate_session(&first, true));
    until("a resume after op 9", || fake.resumes() > before).await;
    message_arrives(fake, &mut ws, "after op 9 resumable").await;
    assert_eq!(fake.identifies(), 1, "every reconnect so far resumed");
    assert_eq!(live_session(fake, None).await, first);
    // op 9 not resumable: a new session (IDENTIFY again).
    assert!(fake.invalidate_session(&first, false));
    let second = live_session(fake, Some(&first)).await;
    assert_ne!(second, first);
    assert_eq!(fake.identifies(), 2);
    message_arrives(fake, &mut ws, "after op 9").await;

    // An outage: GUILD_DELETE unavailable clears the caches, keeps the connection.
    fake.set_guild_info(&g, "Renamed Server", Some("a_1234"));
    fake.set_guild_unavailable(&g, true);
    until_async("the caches cleared", || async {
        bus.get(&channels_key).await.unwrap().is_none()
    })
    .await;
    let (st, guilds) = api
        .call(Method::GET, "/v1/discord/guilds", Some(&owner), None)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(guilds.as_array().unwrap().len(), 1, "{guilds}");
    // Back: GUILD_CREATE fills the caches again and updates the name and icon.
    fake.set_guild_unavailable(&g, false);
    until_async("the caches filled again", || async {
        bus.get(&channels_key).await.unwrap().is_some()
    })
    .await;
    let (_, guilds) = api
        .call(Method::GET, "/v1/discord/guilds", Some(&owner), None)
        .await;
    assert_eq!(guilds[0]["guild_name"], "Renamed Server", "{guilds}");
    assert_eq!(guilds[0]["guild_icon"], "a_1234");

    // A paused guild (the admin's toggle) ingests nothing.
    lumio_server::discord::service::set_paused(&s.state, &g, true)
        .await
        .unwrap();
    fake.inject_message(&general, &fake.chatter.id, "while paused")
        .unwrap();
    // Give the bot time to read it (and skip it), then resume.
    tokio::time::sleep(Duration::from_secs(1)).await;
    lumio_server::discord::service::set_paused(&s.state, &g, false)
        .await
        .unwrap();
    fake.inject_message(&general, &fake.chatter.id, "after the pause")
        .unwrap();
    let e = loop {
        let e = next_event(&mut ws).await;
        if e["type"] == "message" {
            break e;
        }
    };
    assert_eq!(
        e["message"]["message"], "after the pause",
        "nothing while paused"
    );

    // The bot is removed from the guild: GUILD_DELETE without `unavailable` removes the row.
    fake.set_bot_in_guild(&g, false);
    until_async("the connection removed", || async {
        let (_, guilds) = api
            .call(Method::GET, "/v1/discord/guilds", Some(&owner), None)
            .await;
        guilds.as_array().is_some_and(|g| g.is_empty())
    })
    .await;

    // The holder stops: its lease is freed and the other worker takes the session.
    let holder = bus
        .get(&keys::discord_gateway_lease())
        .await
        .unwrap()
        .unwrap();
    let (stop_first, first_task, stop_other, other_task, other) = if holder == "A" {
        (stop_a, a, stop_b, b, "B")
    } else {
        (stop_b, b, stop_a, a, "A")
    };
    let _ = stop_first.send(true);
    first_task.await.unwrap();
    let third = live_session(fake, Some(&second)).await;
    assert_ne!(third, second);
    assert_eq!(
        bus.get(&keys::discord_gateway_lease())
            .await
            .unwrap()
            .as_deref(),
        Some(other)
    );
    let _ = stop_other.send(true);
    other_task.await.unwrap();
    assert!(bus
        .get(&keys::discord_gateway_lease())
        .await
        .unwrap()
        .is_none());
}

async fn set_feature(api: &Api, owner: &str, guild: &str, feature: &str, channel: &str) {
    let (st, b) = api
        .call(
            Method::PUT,
            &format!("/v1/discord/guilds/{guild}/features/{feature}"),
            Some(owner),
            Some(json!({"channel_id": channel})),
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{b}");
}

async fn ingest(api: &Api, owner: &str, text: &str) {
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/message",
            Some(owner),
            Some(
                json!({"platform": "twitch", "channel_name": "olive", "user_id": "4242",
                "username": "ivy", "display_name": "Ivy", "message": text}),
            ),
        )
        .await;
    assert!(st.is_success(), "{st} {b}");
}

fn posts_in(fake: &FakeDiscord, channel: &str) -> Vec<String> {
    fake.sent_messages()
        .into_iter()
        .filter(|(c, _)| c == channel)
        .map(|(_, t)| t)
        .collect()
}

async fn metric(s: &TestServer, feature: &str, outcome: &str) -> u64 {
    let text = reqwest::get(format!("{}/metrics", s.url))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .filter(|l| {
            l.starts_with("lumio_discord_feature_posts_total")
                && l.contains(&format!("feature=\"{feature}\""))
                && l.contains(&format!("outcome=\"{outcome}\""))
        })
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum::<f64>() as u64
}

async fn feature_channels_post_queue_past_the_rate_limit_and_refuse_foreign_channels(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let (api, owner) = owner_with_guild(s, fake).await;
    let g = fake.guild.id.clone();
    let general = fake.guild.channel("general").unwrap().id.clone();
    let modlog = fake.guild.channel("mod-log").unwrap().id.clone();
    let news = fake.guild.channel("announcements").unwrap().id.clone();
    set_feature(&api, &owner, &g, "chat_mirror", &general).await;
    set_feature(&api, &owner, &g, "moderation_log", &modlog).await;
    set_feature(&api, &owner, &g, "live_notification", &news).await;

    let (stop, rx) = watch::channel(false);
    let bot = session::spawn(s.state.clone(), options(fake, "A"), rx);
    live_session(fake, None).await;
    // The hub listens once it has listed the guilds: a first mirrored message proves it.
    until_async("the chat mirror", || async {
        ingest(&api, &owner, "warm-up").await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        !posts_in(fake, &general).is_empty()
    })
    .await;
    assert!(posts_in(fake, &general)[0].contains("[twitch] **Ivy**: warm-up"));

    // Past the message bucket (2 per second here): queued, then all posted in order.
    fake.set_route_limit(MESSAGE_ROUTE, 2, Duration::from_secs(1));
    let before = posts_in(fake, &general).len();
    for i in 0..8 {
        ingest(&api, &owner, &format!("burst {i}")).await;
    }
    until("the burst mirrored", || {
        posts_in(fake, &general)
            .iter()
            .filter(|t| t.contains("burst"))
            .count()
            == 8
    })
    .await;
    let burst: Vec<String> = posts_in(fake, &general)[before..]
        .iter()
        .filter(|t| t.contains("burst"))
        .cloned()
        .collect();
    for (i, t) in burst.iter().enumerate() {
        assert!(t.ends_with(&format!("burst {i}")), "in order: {burst:?}");
    }
    assert_eq!(metric(s, "chat_mirror", "queue_full").await, 0);
    assert!(metric(s, "chat_mirror", "posted").await >= 9);
    fake.set_route_limit(MESSAGE_ROUTE, 50, Duration::from_secs(1));

    // A moderation action → the moderation log.
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/chat/moderate",
            Some(&owner),
            Some(
                json!({"platform": "twitch", "action": "ban", "platform_user_id": "4242",
                "reason": "spam"}),
            ),
        )
        .await;
    assert!(st.is_success(), "{b}");
    until("the moderation log post", || {
        posts_in(fake, &modlog)
            .iter()
            .any(|t| t.contains("banned") && t.contains("spam"))
    })
    .await;

    // Going live → the live notification.
    let (st, b) = api
        .call(
            Method::PUT,
            "/v1/chat/streams/twitch",
            Some(&owner),
            Some(json!({"live": true})),
        )
        .await;
    assert!(st.is_success(), "{b}");
    until("the live notification", || {
        posts_in(fake, &news).iter().any(|t| t.contains("live"))
    })
    .await;

    // A mapping that points (after the fact) at another guild's channel: refused, counted.
    let other = fake.add_guild("Elsewhere", &fake.guild.owner, true);
    let foreign = other.channel("general").unwrap().id.clone();
    let db = &s.state.db;
    let mapped_by = db.auth().user_by_username("owner").await.unwrap().unwrap();
    let now = lumio_server::store::now();
    (db.discord())
        .upsert_mapping(&g, "chat_mirror", &foreign, true, mapped_by.id, now)
        .await
        .unwrap();
    s.bus()
        .del(&keys::discord_guild_features(&g))
        .await
        .unwrap();
    // The foreign channel's guild is known to the cache (the bot is in it).
    s.bus()
        .set(&keys::discord_channel_guild(&foreign), &other.id, None)
        .await
        .unwrap();
    ingest(&api, &owner, "must not leave").await;
    until_async("the foreign post refused", || async {
        metric(s, "chat_mirror", "foreign_channel").await == 1
    })
    .await;
    assert!(posts_in(fake, &foreign).is_empty());

    let _ = stop.send(true);
    bot.await.unwrap();
}

async fn slash_commands_are_registered_per_guild_within_the_daily_limit(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let (api, owner) = owner_with_guild(s, fake).await;
    let g = fake.guild.id.clone();
    let create = |name: &str| {
        json!({"name": name, "type": "text", "response": format!("{name} answer"),
            "platforms": ["discord"], "discord_style": "slash"})
    };
    let (st, b) = api
        .call(
            Method::POST,
            "/v1/bot-commands",
            Some(&owner),
            Some(create("dice")),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");

    let (stop, rx) = watch::channel(false);
    let bot = session::spawn(s.state.clone(), options(fake, "A"), rx);
    // The guild connects (GUILD_CREATE): its slash commands are registered.
    until("the registration", || {
        fake.commands(&g).iter().any(|c| c["name"] == "dice")
    })
    .await;
    let put = fake
        .rest_calls()
        .into_iter()
        .filter(|c| c.method == "PUT" && c.path.ends_with("/commands"))
        .count();
    assert_eq!(put, 1);

    // A new slash command: registered again (bulk overwrite with both).
    let (st, _) = api
        .call(
            Method::POST,
            "/v1/bot-commands",
            Some(&owner),
            Some(create("flip")),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
    until("the second registration", || fake.commands(&g).len() == 2).await;

    // The day's count is at Discord's limit: nothing is sent, and the guild says why.
    let day = chrono::Utc::now().format("%Y-%m-%d").to_string();
    s.bus()
        .set(
            &keys::discord_command_registrations(&g, &day),
            "199",
            Some(Duration::from_secs(3600)),
        )
        .await
        .unwrap();
    let (st, _) = api
        .call(
            Method::POST,
            "/v1/bot-commands",
            Some(&owner),
            Some(create("roll")),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED);
    let db = s.state.db.clone();
    let guild = g.clone();
    until_async("the limit recorded", || {
        let db = db.clone();
        let guild = guild.clone();
        async move {
            let st = db.discord().settings(&guild).await.unwrap().unwrap();
            st["slash_commands"]["status"] == "daily_limit"
        }
    })
    .await;
    assert_eq!(fake.commands(&g).len(), 2, "nothing sent past the limit");
    let (st, v) = api
        .call(
            Method::GET,
            &format!("/v1/discord/guilds/{g}/commands"),
            Some(&owner),
            None,
        )
        .await;
    assert_eq!(st, StatusCode::OK, "{v}");
    assert_eq!(v["last"]["status"], "daily_limit", "{v}");
    assert_eq!(v["limit"], 200);
    assert!(v["message"].as_str().unwrap().contains("200"), "{v}");

    let _ = stop.send(true);
    bot.await.unwrap();
}

async fn moderation_goes_out_through_discord_rest(s: &TestServer, fake: &FakeDiscord) {
    let d = DiscordConnector::from_state(&s.state);
    let g = fake.guild.id.clone();
    let general = fake.guild.channel("general").unwrap().id.clone();
    let user = fake.chatter.id.clone();
    let ch = ChannelRef {
        broadcaster_id: g.clone(),
        acting_user_id: fake.bot().id.clone(),
    };
    // Timeout: PATCH the member's communication_disabled_until.
    d.ban("", &ch, &user, Some(600), Some("calm down"))
        .await
        .unwrap();
    let until = fake.timeout_of(&g, &user).unwrap();
    assert!(until > chrono::Utc::now() + chrono::Duration::seconds(500));
    let patch = fake
        .rest_calls()
        .into_iter()
        .find(|c| c.method == "PATCH")
        .unwrap();
    assert_eq!(patch.header("x-audit-log-reason"), Some("calm%20down"));
    assert_eq!(
        patch.header("authorization").map(String::from),
        Some(format!("Bot {}", fake.bot_token()))
    );
    // Ban and unban.
    d.ban("", &ch, &user, None, None).await.unwrap();
    assert!(fake.ban_of(&g, &user).is_some());
    d.unban("", &ch, &user).await.unwrap();
    assert!(fake.ban_of(&g, &user).is_none());
    // Delete a message through its channel, as lumio stores its id.
    let id = fake.inject_message(&general, &user, "bad words").unwrap();
    d.delete("", &ch, Some(&format!("{general}/{id}")))
        .await
        .unwrap();
    let e = d
        .delete("", &ch, Some(&format!("{general}/{id}")))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, PlatformError::Api { status: 404, error, .. } if error == "10008"),
        "{e:?}"
    );
    // Send into a channel.
    let ch_general = ChannelRef {
        broadcaster_id: format!("{g}/{general}"),
        ..ch.clone()
    };
    d.send("", &ch_general, "hello").await.unwrap();
    assert!(fake
        .sent_messages()
        .iter()
        .any(|(c, t)| c == &general && t == "hello"));
    // A missing permission is Discord's 50013, kept.
    fake.deny_permission(&g, "BAN_MEMBERS");
    let e = d.ban("", &ch, &user, None, None).await.unwrap_err();
    assert!(
        matches!(&e, PlatformError::Api { status: 403, error, .. } if error == "50013"),
        "{e:?}"
    );
    // Unsupported capabilities say so.
    assert!(matches!(
        d.warn("", &ch, &user, "x").await,
        Err(PlatformError::Unsupported { .. })
    ));
    assert!(matches!(
        d.delete("", &ch, None).await,
        Err(PlatformError::Unsupported { .. })
    ));
    // A 429 is a wait, not a failure: the bucket emptied, the next send waits and succeeds.
    fake.exhaust_route(MESSAGE_ROUTE, &general);
    d.send("", &ch_general, "after the limit").await.unwrap();
    assert!(d.rate_limited_count() >= 1);
    assert!(fake
        .sent_messages()
        .iter()
        .any(|(_, t)| t == "after the limit"));
    // The token went only to the fake's API, never into a URL.
    assert!(fake
        .calls()
        .iter()
        .all(|c| !c.path.contains(fake.bot_token()) && !c.query.contains(fake.bot_token())));
}

async fn the_bot_worker_runs_the_discord_session_when_a_token_is_configured(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    use lumio_server::bots::worker::{self, WorkerOptions};
    let (stop, rx) = watch::channel(false);
    let w = worker::spawn(
        s.state.clone(),
        WorkerOptions::from_config(&s.state.config),
        rx,
    );
    live_session(fake, None).await;
    let lease = s.bus().get(&keys::discord_gateway_lease()).await.unwrap();
    assert!(lease.is_some(), "the worker holds the session's lease");
    let _ = stop.send(true);
    w.await.unwrap();
    until("the session closed", || fake.sessions().is_empty()).await;
    assert!(s
        .bus()
        .get(&keys::discord_gateway_lease())
        .await
        .unwrap()
        .is_none());
}

/// Issue 18 §2: moderation out through the same outbox and delivery worker as Twitch. A ban
/// and a timeout taken in lumio on a Discord chatter reach the mapped guild once each (the
/// bot's token, Discord's own routes), an unban lifts the ban, and an action in a guild an
/// admin paused is not sent there.
async fn a_ban_in_lumio_reaches_the_guild_through_the_outbox(s: &TestServer, fake: &FakeDiscord) {
    use lumio_server::moderation::delivery::{self, DeliveryOptions};
    let (api, owner) = owner_with_guild(s, fake).await;
    let (stop, rx) = watch::channel(false);
    let worker = delivery::spawn(
        s.state.clone(),
        DeliveryOptions {
            poll: Duration::from_millis(50),
            min_backoff: Duration::from_millis(20),
            ..DeliveryOptions::default()
        },
        rx,
    );
    let g = fake.guild.id.clone();
    let user = fake.chatter.id.clone();
    let moderate = |body: Value| {
        let (api, owner) = (&api, &owner);
        async move {
            let (st, r) = api
                .call(Method::POST, "/v1/chat/moderate", Some(owner), Some(body))
                .await;
            assert_eq!(st, StatusCode::OK, "{r}");
            r["id"].as_str().unwrap().to_string()
        }
    };
    let bans = |method: &str| {
        fake.rest_calls()
            .into_iter()
            .filter(|c| c.method == method && c.path == format!("/api/v10/guilds/{g}/bans/{user}"))
            .count()
    };

    let id = moderate(json!({"platform": "discord", "action": "timeout",
        "platform_user_id": user, "username": "chatter", "duration_seconds": 600}))
    .await;
    log_entry_with_status(&api, &owner, &id, "sent").await;
    let until = fake.timeout_of(&g, &user).expect("timed out in the guild");
    assert!(until > chrono::Utc::now() + chrono::Duration::seconds(500));

    let id = moderate(json!({"platform": "discord", "action": "ban",
        "platform_user_id": user, "username": "chatter", "reason": "spam"}))
    .await;
    log_entry_with_status(&api, &owner, &id, "sent").await;
    assert!(fake.ban_of(&g, &user).is_some());
    assert_eq!(bans("PUT"), 1, "{:?}", fake.rest_calls());

    let id = moderate(json!({"platform": "discord", "action": "unban",
        "platform_user_id": user, "username": "chatter"}))
    .await;
    log_entry_with_status(&api, &owner, &id, "sent").await;
    assert!(fake.ban_of(&g, &user).is_none());
    assert_eq!(bans("DELETE"), 1);

    // Paused by an admin: the action stays lumio's own, nothing is queued for the guild.
    lumio_server::discord::service::set_paused(&s.state, &g, true)
        .await
        .unwrap();
    let id = moderate(json!({"platform": "discord", "action": "ban",
        "platform_user_id": user, "username": "chatter"}))
    .await;
    let e = log_entry_with_status(&api, &owner, &id, "").await;
    assert_eq!(e["delivery_status"], Value::Null, "{e}");
    tokio::time::sleep(Duration::from_millis(300)).await; // several polls of the worker
    assert!(fake.ban_of(&g, &user).is_none());
    assert_eq!(bans("PUT"), 1);

    let _ = stop.send(true);
    worker.await.unwrap();
    // The bot's token went to the fake's API only, in a header.
    assert!(fake
        .calls()
        .iter()
        .all(|c| !c.path.contains(fake.bot_token()) && !c.query.contains(fake.bot_token())));
}
