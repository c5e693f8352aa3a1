//! `discord`: the Discord bot against lumio-testkit's fake Discord: gateway `MESSAGE_CREATE`
//! → WebSocket latency, and feature-channel mirroring.

use std::time::{Duration, Instant};

use futures::StreamExt;
use lumio_server::testing::TestServer;
use serde_json::{json, Value};

use crate::client::{message_body, owner_token};
use crate::live::{live_socket, read_latencies};
use crate::stats::percentile;
use lumio_testkit::discord::{FakeDiscord, MESSAGE_ROUTE};

const REDIRECT: &str = "http://lumio.bench/api/discord-guilds/callback";

pub fn configure(f: &FakeDiscord, c: &mut lumio_server::config::Config) {
    f.register_redirect_uri(REDIRECT);
    c.platforms.discord.api_url = f.api_url();
    c.platforms.discord.client_id = Some(f.application_id().to_string());
    c.platforms.discord.token = Some(f.bot_token().to_string());
    c.discord_oauth = lumio_server::config::DiscordOAuth {
        authorize_url: f.authorize_url(),
        client_secret: Some(f.client_secret().to_string()),
        redirect_uri: REDIRECT.to_string(),
    };
    c.discord_gateway_url = f.gateway_url();
}

/// Connect the fake's guild to the demo account (the OAuth flow, as a browser would) and
/// map `chat_mirror` to #general; the owner's token.
async fn setup(s: &TestServer, f: &FakeDiscord) -> anyhow::Result<(reqwest::Client, String)> {
    let http = reqwest::Client::new();
    let token = owner_token(&http, &s.url).await?;
    let g: Value = http
        .post(format!("{}/graphql", s.url))
        .bearer_auth(&token)
        .json(&json!({"query": "mutation { authorizeDiscordGuild { url } }"}))
        .send()
        .await?
        .json()
        .await?;
    let url = g["data"]["authorizeDiscordGuild"]["url"]
        .as_str()
        .unwrap_or_default();
    let redirect = f
        .authorize(
            url,
            &lumio_testkit::discord::Consent {
                user_id: f.guild.owner.id.clone(),
                guild_id: Some(f.guild.id.clone()),
                approve: true,
            },
        )
        .map_err(|e| anyhow::anyhow!(e))?;
    let q = redirect.split_once('?').map(|x| x.1).unwrap_or_default();
    http.get(format!("{}/api/discord-guilds/callback?{q}", s.url))
        .header("Accept", "application/json")
        .send()
        .await?
        .error_for_status()?;
    let general = f
        .guild
        .channel("general")
        .map(|c| c.id.clone())
        .unwrap_or_default();
    http.put(format!(
        "{}/v1/discord/guilds/{}/features/chat_mirror",
        s.url, f.guild.id
    ))
    .bearer_auth(&token)
    .json(&json!({"channel_id": general}))
    .send()
    .await?
    .error_for_status()?;
    Ok((http, token))
}

pub async fn run(
    s: &TestServer,
    f: &FakeDiscord,
    rate: u64,
    seconds: u64,
) -> anyhow::Result<Value> {
    let (http, token) = setup(s, f).await?;
    let (stop, rx) = tokio::sync::watch::channel(false);
    let mut options = lumio_server::platforms::discord::session::SessionOptions::from_config(
        &s.state.config,
        "bench",
    )
    .ok_or_else(|| anyhow::anyhow!("no Discord bot token"))?;
    options.renew_every = Duration::from_millis(200);
    let bot = lumio_server::platforms::discord::session::spawn(s.state.clone(), options, rx);
    let start = Instant::now();
    while f.sessions().is_empty() && start.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let general = f
        .guild
        .channel("general")
        .map(|c| c.id.clone())
        .unwrap_or_default();

    // 1. MESSAGE_CREATE at `rate` per second → one WebSocket client.
    let mut ws = live_socket(&s.url, &token).await?;
    ws.next().await; // hello
    let total = rate * seconds.min(10);
    let origin = Instant::now();
    let reader = tokio::spawn(read_latencies(ws, total as usize, origin, None));
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate.max(1) as f64));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    for _ in 0..total {
        tick.tick().await;
        let t = origin.elapsed().as_micros() as u64;
        f.inject_message(&general, &f.chatter.id, &format!("t={t}"));
    }
    let mut lat = reader.await?;
    lat.sort_by(f64::total_cmp);
    let gateway = json!({"rate": rate, "sent": total, "received": lat.len(),
        "p50_ms": percentile(&lat, 0.5), "p99_ms": percentile(&lat, 0.99),
        "max_ms": lat.last().copied().unwrap_or(f64::NAN)});

    // 2. chat_mirror: N lumio messages as fast as the API takes them; posts per second
    //    with a bucket never reached (the posting path itself), with the fake's default
    //    bucket (50 per second), and with Discord's message bucket (5 per 5 s), where
    //    the rest queues.
    let mut mirror = Vec::new();
    for (limit, window, n) in [(100_000u32, 1u64, 500u64), (50, 1, 500), (5, 5, 30)] {
        f.set_route_limit(MESSAGE_ROUTE, limit, Duration::from_secs(window));
        let posted_before = f.sent_messages().len();
        let t0 = Instant::now();
        for i in 0..n {
            http.post(format!("{}/v1/chat/message", s.url))
                .bearer_auth(&token)
                .json(&message_body(i * 5, &format!("mirror {i}")))
                .send()
                .await?;
        }
        let queued_after_send =
            (n as usize).saturating_sub(f.sent_messages().len().saturating_sub(posted_before));
        let deadline = Duration::from_secs(n * window / u64::from(limit) + 30);
        while f.sent_messages().len() - posted_before < n as usize && t0.elapsed() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let posted = f.sent_messages().len() - posted_before;
        let secs = t0.elapsed().as_secs_f64();
        mirror.push(
            json!({"bucket": format!("{limit} per {window}s"), "messages": n,
            "posted": posted, "seconds": secs, "posts_per_s": posted as f64 / secs,
            "queued_when_sending_ended": queued_after_send}),
        );
    }
    let metrics = http
        .get(format!("{}/metrics", s.url))
        .send()
        .await?
        .text()
        .await?;
    let dropped: Vec<String> = metrics
        .lines()
        .filter(|l| l.starts_with("lumio_discord_feature_posts_total") && !l.contains("posted"))
        .map(String::from)
        .collect();
    let _ = stop.send(true);
    let _ = bot.await;
    Ok(json!({"gateway_to_ws": gateway, "mirror": mirror, "dropped": dropped}))
}
