//! `eventsub` (issue 15): Twitch chat → a lumio WebSocket client through lumio's Twitch
//! connector. lumio-testkit's fake Twitch pushes `channel.chat.message` notifications on the
//! bot worker's EventSub session at `--rate` per second, each message's text carrying its send
//! time (`t=<µs>`); the connector ingests them and a live WebSocket client (the owner's token in
//! the Authorization header) times their arrival. In the same run, on the same server: today's
//! ingest → WebSocket latency (`latency` with one subscriber) at the same rate, so the
//! difference is what the connector adds; and the physical reference, a bare EventSub client of
//! the fake (no lumio) timing the same notifications.

use std::time::{Duration, Instant};

use futures::StreamExt;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::{FakeTwitch, User};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::args::Args;
use crate::live::{live_socket, read_latencies, LiveSocket};
use crate::stats::percentile;

/// Distinct chatters the fake's messages come from, in turn.
const CHATTERS: usize = 500;

/// Push `total` chat messages at `rate` per second from `chatters` in turn, each text
/// `t=<µs since origin>`; the rate actually pushed.
async fn push_paced(
    fake: &FakeTwitch,
    chatters: &[User],
    rate: u64,
    total: u64,
    origin: Instant,
) -> f64 {
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate.max(1) as f64));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let start = Instant::now();
    for i in 0..total {
        tick.tick().await;
        let t = origin.elapsed().as_micros() as u64;
        let who = &chatters[i as usize % chatters.len()];
        fake.inject_chat(&fake.broadcaster.id, &who.id, &format!("t={t}"));
    }
    total as f64 / start.elapsed().as_secs_f64()
}

fn summary(lat: &mut [f64], sent: u64) -> Value {
    lat.sort_by(f64::total_cmp);
    json!({"sent": sent, "received": lat.len(),
        "p50_ms": percentile(lat, 0.5), "p99_ms": percentile(lat, 0.99),
        "max_ms": lat.last().copied().unwrap_or(f64::NAN)})
}

pub async fn run(a: &Args, s: &TestServer, fake: &FakeTwitch) -> anyhow::Result<Value> {
    let bot = crate::twitch_bot::start(s, fake, &["channel.chat.message"]).await?;
    let chatters: Vec<User> = (0..CHATTERS)
        .map(|i| fake.add_user(&format!("bench_chatter_{i}")))
        .collect();
    let total = a.rate * a.seconds.min(5);

    // 1. EventSub → lumio → WebSocket client.
    let mut ws = live_socket(&s.url, &bot.token).await?;
    ws.next().await; // hello
    let origin = Instant::now();
    let reader = tokio::spawn(read_latencies(ws, total as usize, origin, None));
    let pushed = push_paced(fake, &chatters, a.rate, total, origin).await;
    let mut lat = reader.await?;
    let mut eventsub = summary(&mut lat, total);
    eventsub["pushed_per_s"] = json!(pushed);
    let pair = bot.pair.clone();
    bot.stop().await;

    // 2. Today's ingest → WebSocket at the same rate, one subscriber, same server.
    let ingest = crate::latency::run(a, s, 1).await?;

    // 3. The physical reference: the same notifications read by a bare EventSub client.
    let bare = bare_reference(fake, &pair.access_token, &chatters, a.rate, total).await?;

    let added =
        |k: &str| eventsub[k].as_f64().unwrap_or(f64::NAN) - ingest[k].as_f64().unwrap_or(f64::NAN);
    Ok(
        json!({"rate": a.rate, "eventsub_to_ws": eventsub, "ingest_to_ws": ingest,
        "added_p50_ms": added("p50_ms"), "added_p99_ms": added("p99_ms"),
        "bare_eventsub": bare}),
    )
}

/// A bare EventSub client of the fake (no lumio): welcome, a `channel.chat.message`
/// subscription with the bot's token, then the same paced messages, timed on arrival.
async fn bare_reference(
    fake: &FakeTwitch,
    token: &str,
    chatters: &[User],
    rate: u64,
    total: u64,
) -> anyhow::Result<Value> {
    let req = fake.eventsub_ws_url().into_client_request()?;
    let mut ws: LiveSocket = tokio_tungstenite::connect_async(req).await?.0;
    let welcome: Value = match ws.next().await {
        Some(Ok(m)) => serde_json::from_str(m.to_text()?)?,
        _ => anyhow::bail!("no welcome from the fake's EventSub"),
    };
    let session = welcome["payload"]["session"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let r = reqwest::Client::new()
        .post(format!("{}/eventsub/subscriptions", fake.helix_url()))
        .bearer_auth(token)
        .header("Client-Id", fake.client_id())
        .json(&json!({"type": "channel.chat.message", "version": "1",
            "condition": {"broadcaster_user_id": fake.broadcaster.id, "user_id": fake.bot.id},
            "transport": {"method": "websocket", "session_id": session}}))
        .send()
        .await?;
    anyhow::ensure!(r.status().is_success(), "bare subscription: {}", r.status());
    let origin = Instant::now();
    let reader = tokio::spawn(async move {
        let mut lat = Vec::with_capacity(total as usize);
        while lat.len() < total as usize {
            let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(10), ws.next()).await
            else {
                break;
            };
            let Ok(text) = m.into_text() else { continue };
            let Ok(v) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            if let Some(sent) = v["payload"]["event"]["message"]["text"]
                .as_str()
                .and_then(|t| t.strip_prefix("t=")?.parse::<u64>().ok())
            {
                let now = origin.elapsed().as_micros() as u64;
                lat.push(now.saturating_sub(sent) as f64 / 1000.0);
            }
        }
        lat
    });
    push_paced(fake, chatters, rate, total, origin).await;
    let mut lat = reader.await?;
    Ok(summary(&mut lat, total))
}
