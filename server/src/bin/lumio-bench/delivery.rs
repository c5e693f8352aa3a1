//! `delivery`: moderation out against the fake Twitch.

use std::time::{Duration, Instant};

use futures::StreamExt;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::FakeTwitch;
use serde_json::{json, Value};

use crate::args::Args;
use crate::live::live_socket;
use crate::stats::percentile;

/// `delivery`: request → confirmed (the fake's echo) of timeouts at `--actions-rate`.
pub async fn run(a: &Args, s: &TestServer, fake: &FakeTwitch) -> anyhow::Result<Value> {
    fake.set_rate_limit(1_000_000);
    let bot = crate::twitch_bot::start(s, fake, &["channel.moderate"]).await?;
    let (http, token, base) = (bot.http.clone(), bot.token.clone(), s.url.clone());
    let total = (a.actions_rate * a.seconds) as usize;
    let users: Vec<String> = (0..total)
        .map(|i| fake.add_user(&format!("bench_target_{i}")).id)
        .collect();
    let origin = Instant::now();
    let mut ws = live_socket(&base, &token).await?;
    ws.next().await; // hello
    let reader = tokio::spawn(async move {
        let mut confirmed = std::collections::HashMap::new();
        let mut failed = 0u64;
        while confirmed.len() + (failed as usize) < total {
            let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(30), ws.next()).await
            else {
                break;
            };
            let Ok(text) = m.into_text() else { continue };
            let Ok(v) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            if v["type"] == "moderation_delivery" && v["action"] == "timeout" {
                let user = v["user_id"].as_str().unwrap_or_default().to_string();
                match v["status"].as_str() {
                    Some("confirmed") => {
                        confirmed.insert(user, origin.elapsed().as_secs_f64());
                    }
                    Some("failed") => failed += 1,
                    _ => {}
                }
            }
        }
        (confirmed, failed)
    });
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / a.actions_rate as f64));
    let mut sent = Vec::with_capacity(total);
    let mut tasks = Vec::with_capacity(total);
    for user in users {
        tick.tick().await;
        sent.push((user.clone(), origin.elapsed().as_secs_f64()));
        let (http, token, url) = (
            http.clone(),
            token.clone(),
            format!("{base}/v1/chat/moderate"),
        );
        tasks.push(tokio::spawn(async move {
            http.post(&url)
                .bearer_auth(&token)
                .json(&json!({"platform": "twitch", "action": "timeout",
                    "platform_user_id": user, "duration_seconds": 600}))
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
        }));
    }
    let mut refused = 0u64;
    for t in tasks {
        if !t.await? {
            refused += 1;
        }
    }
    let (confirmed, failed) = reader.await?;
    let mut lat: Vec<f64> = sent
        .iter()
        .filter_map(|(u, at)| confirmed.get(u).map(|c| (c - at) * 1000.0))
        .collect();
    lat.sort_by(f64::total_cmp);
    let pair = bot.pair.clone();
    bot.stop().await;
    // The physical reference of the same run: one bare Helix timeout on the fake, same pace.
    let mut bare = Vec::with_capacity(total);
    let url = format!("{}/moderation/bans", fake.helix_url());
    for i in 0..total.min(200) {
        tick.tick().await;
        let user = fake.add_user(&format!("bench_bare_{i}")).id;
        let t0 = Instant::now();
        let r = http
            .post(&url)
            .query(&[
                ("broadcaster_id", fake.broadcaster.id.as_str()),
                ("moderator_id", fake.bot.id.as_str()),
            ])
            .bearer_auth(&pair.access_token)
            .header("Client-Id", fake.client_id())
            .json(&json!({"data": {"user_id": user, "duration": 600}}))
            .send()
            .await;
        if r.is_ok_and(|r| r.status().is_success()) {
            bare.push(t0.elapsed().as_secs_f64() * 1000.0);
        }
    }
    bare.sort_by(f64::total_cmp);
    Ok(
        json!({"rate": a.actions_rate, "actions": total, "refused": refused,
        "confirmed": lat.len(), "failed": failed,
        "p50_ms": percentile(&lat, 0.5), "p99_ms": percentile(&lat, 0.99),
        "max_ms": lat.last().copied().unwrap_or(f64::NAN),
        "bare_helix_p50_ms": percentile(&bare, 0.5),
        "bare_helix_p99_ms": percentile(&bare, 0.99)}),
    )
}
