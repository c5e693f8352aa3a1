//! `ingest`: sustained ingest through `POST /v1/chat/message` with many keep-alive clients,
//! and whether the flush keeps up.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use lumio_server::bus::keys;
use lumio_server::testing::TestServer;
use serde_json::{json, Value};

use crate::args::Args;
use crate::client::{login, message_body};

pub async fn run(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
    let (http, token, account) = login(&s.url).await?;
    let sent = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let stop = Instant::now() + Duration::from_secs(a.seconds);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..a.clients {
        let (http, token, url) = (
            http.clone(),
            token.clone(),
            format!("{}/v1/chat/message", s.url),
        );
        let (sent, failed) = (sent.clone(), failed.clone());
        tasks.push(tokio::spawn(async move {
            let mut i = c as u64 * 1_000_000;
            while Instant::now() < stop {
                i += 1;
                let r = http
                    .post(&url)
                    .bearer_auth(&token)
                    .json(&message_body(i, "hello chat, this is a load test message"))
                    .send()
                    .await;
                match r {
                    Ok(resp) if resp.status().is_success() => sent.fetch_add(1, Ordering::Relaxed),
                    _ => failed.fetch_add(1, Ordering::Relaxed),
                };
            }
        }));
    }
    let bus = s.bus();
    let mut max_buffer = 0;
    while Instant::now() < stop {
        tokio::time::sleep(Duration::from_millis(250)).await;
        max_buffer = max_buffer.max(bus.list_len(&keys::chat_buffer(&account)).await?);
    }
    for t in tasks {
        t.await?;
    }
    let elapsed = start.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = bus.list_len(&keys::chat_buffer(&account)).await?;
    let n = sent.load(Ordering::Relaxed);
    Ok(
        json!({"messages": n, "failed": failed.load(Ordering::Relaxed), "seconds": elapsed,
        "msgs_per_sec": n as f64 / elapsed, "clients": a.clients,
        "max_buffer_len": max_buffer, "buffer_len_2s_after": after}),
    )
}
