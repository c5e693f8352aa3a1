//! `retention`: what the bus holds under sustained ingest with platform message ids.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lumio_server::testing::TestServer;
use serde_json::{json, Value};

use crate::args::Args;
use crate::client::{login, message_body};

/// The resident set size of this process (the server runs in it), in bytes.
fn rss_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// Redis `INFO memory` used_memory, and how many keys match `pattern`.
async fn redis_memory(url: &str, pattern: &str) -> anyhow::Result<(u64, u64)> {
    let client = redis::Client::open(url)?;
    let mut c = client.get_multiplexed_async_connection().await?;
    let info: String = redis::cmd("INFO").arg("memory").query_async(&mut c).await?;
    let used = info
        .lines()
        .find_map(|l| l.strip_prefix("used_memory:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let (mut cursor, mut keys) = (0u64, 0u64);
    loop {
        let (next, found): (u64, Vec<String>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("MATCH")
            .arg(pattern)
            .arg("COUNT")
            .arg(10_000)
            .query_async(&mut c)
            .await?;
        keys += found.len() as u64;
        if next == 0 {
            return Ok((used, keys));
        }
        cursor = next;
    }
}

/// One sample of what the bus holds: (bytes, keys). Redis: used_memory of the whole server
/// and the run's dedup keys. In-process: the process RSS and the bus's own byte count.
async fn bus_memory(s: &TestServer) -> anyhow::Result<(u64, u64)> {
    match &s.state.config.redis_url {
        Some(url) => {
            let pattern = format!("{}lumio:chat:seen:*", s.state.config.bus_prefix);
            redis_memory(url, &pattern).await
        }
        None => Ok((rss_bytes(), s.bus().footprint().await? as u64)),
    }
}

pub async fn run(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
    let (http, token, _) = login(&s.url).await?;
    let window = s.state.config.chat.dedup_window.as_secs();
    let run = uuid::Uuid::new_v4().simple().to_string()[..8].to_string();
    let senders = a.rate.clamp(1, 16);
    let per = a.rate as f64 / senders as f64;
    let (sent, failed) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let stop = Instant::now() + Duration::from_secs(a.seconds);
    let (base_bytes, _) = bus_memory(s).await?;
    let mut tasks = Vec::new();
    for k in 0..senders {
        let (http, token, url) = (
            http.clone(),
            token.clone(),
            format!("{}/v1/chat/message", s.url),
        );
        let (sent, failed, run) = (sent.clone(), failed.clone(), run.clone());
        tasks.push(tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / per));
            let mut i = 0u64;
            while Instant::now() < stop {
                tick.tick().await;
                i += 1;
                let mut body =
                    message_body(k * 1_000_000_000 + i, "hello chat, a message with an id");
                // The shape of a Twitch EventSub message_id (a UUID), unique in the run.
                body["platform_message_id"] =
                    json!(format!("{run}-{k:04x}-{i:08x}-0000-000000000000"));
                let r = http.post(&url).bearer_auth(&token).json(&body).send().await;
                match r {
                    Ok(resp) if resp.status() == reqwest::StatusCode::CREATED => {
                        sent.fetch_add(1, Ordering::Relaxed)
                    }
                    _ => failed.fetch_add(1, Ordering::Relaxed),
                };
            }
        }));
    }
    let start = Instant::now();
    let mut samples = Vec::new();
    while Instant::now() < stop {
        tokio::time::sleep(Duration::from_secs(a.sample_every)).await;
        let (bytes, keys) = bus_memory(s).await?;
        let t = start.elapsed().as_secs();
        let n = sent.load(Ordering::Relaxed);
        eprintln!("retention t={t}s sent={n} bytes={bytes} keys={keys}");
        samples.push(json!({"t": t, "sent": n, "bytes": bytes, "keys": keys}));
    }
    for t in tasks {
        t.await?;
    }
    let n = sent.load(Ordering::Relaxed);
    let at = |secs: u64| {
        samples
            .iter()
            .min_by_key(|x| x["t"].as_u64().unwrap_or(0).abs_diff(secs))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let last = samples.last().cloned().unwrap_or(Value::Null);
    let held = last["bytes"]
        .as_u64()
        .unwrap_or(0)
        .saturating_sub(base_bytes);
    // Messages inside the window at the end: the rate times the window (or all, if the run
    // was shorter than the window).
    let in_window = (a.rate as f64 * window.min(a.seconds) as f64).max(1.0);
    let mid = at(a.seconds / 2)["bytes"].as_u64().unwrap_or(0);
    Ok(json!({
        "rate": a.rate, "seconds": a.seconds, "dedup_window_s": window,
        "sent": n, "failed": failed.load(Ordering::Relaxed),
        "baseline_bytes": base_bytes,
        "at_1min": at(60), "at_5min": at(300), "at_10min": at(600),
        "bytes_per_message_in_window": held as f64 / in_window,
        "growth_from_half_to_end_pct":
            (last["bytes"].as_u64().unwrap_or(0) as f64 - mid as f64) / mid.max(1) as f64 * 100.0,
        "samples": samples,
    }))
}
