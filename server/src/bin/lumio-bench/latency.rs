//! `latency`: ingest → WebSocket receipt at a fixed rate, with N subscribers.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use lumio_server::testing::TestServer;
use serde_json::{json, Value};

use crate::args::Args;
use crate::client::{login, message_body};
use crate::live::{live_socket, read_latencies};
use crate::stats::percentile;

pub async fn run(a: &Args, s: &TestServer, subscribers: usize) -> anyhow::Result<Value> {
    let (http, token, _) = login(&s.url).await?;
    let origin = Instant::now();
    let total = a.rate * a.seconds.min(5);
    let lagged = Arc::new(AtomicU64::new(0));
    let send_failed = Arc::new(AtomicU64::new(0));
    let mut subs = Vec::new();
    for _ in 0..subscribers {
        let lagged = lagged.clone();
        let mut ws = live_socket(&s.url, &token).await?;
        ws.next().await; // hello
        subs.push(tokio::spawn(read_latencies(
            ws,
            total as usize,
            origin,
            Some(lagged),
        )));
    }
    // Paced senders: `rate` messages per second in total.
    let senders = 16u64;
    let per = a.rate / senders;
    let mut tasks = Vec::new();
    for k in 0..senders {
        let (http, token, url) = (
            http.clone(),
            token.clone(),
            format!("{}/v1/chat/message", s.url),
        );
        let n = total / senders;
        let send_failed = send_failed.clone();
        tasks.push(tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / per as f64));
            for i in 0..n {
                tick.tick().await;
                let t = origin.elapsed().as_micros() as u64;
                let r = http
                    .post(&url)
                    .bearer_auth(&token)
                    .json(&message_body(k * n + i, &format!("t={t}")))
                    .send()
                    .await;
                if !r.is_ok_and(|r| r.status().is_success()) {
                    send_failed.fetch_add(1, Ordering::Relaxed);
                }
            }
        }));
    }
    for t in tasks {
        t.await?;
    }
    let mut all = Vec::new();
    for s in subs {
        all.extend(s.await?);
    }
    all.sort_by(f64::total_cmp);
    Ok(
        json!({"subscribers": subscribers, "rate": a.rate, "sent": total,
        "send_failed": send_failed.load(Ordering::Relaxed),
        "lagged_subscribers": lagged.load(Ordering::Relaxed), "received": all.len(),
        "p50_ms": percentile(&all, 0.5), "p99_ms": percentile(&all, 0.99),
        "max_ms": all.last().copied().unwrap_or(f64::NAN)}),
    )
}
