//! `lumio-bench`: the load tool of the chat pipeline. It starts a real lumio-server on a
//! free port (SQLite + in-process bus, or PostgreSQL + Redis from DATABASE_URL / REDIS_URL,
//! each run in a fresh database) and measures, printing a table and a JSON line:
//!
//! - `ingest`: sustained ingest through `POST /v1/chat/message` with many keep-alive
//!   clients, and whether the flush keeps up (buffer length while and after);
//! - `latency`: ingest → WebSocket receipt at a fixed rate, with N subscribers;
//! - `flush`: flush rate from the bus into the database, next to a plain `COPY` of the same
//!   rows into a table of the same shape (PostgreSQL);
//! - `history`: first page and a deep page of history over a large table;
//! - `history-buffer`: the first history page and the message count with 0, 20,000 and
//!   200,000 messages waiting in the buffer (the flush stopped), over stored messages, next
//!   to the same run's reference: a bare read of the buffer's tail and a bare page query;
//! - `retention`: sustained ingest at `--rate` msg/s for `--seconds`, every message with a
//!   platform message id, sampling what the bus holds every 10 s (Redis: `INFO memory`
//!   used_memory and the run's `lumio:chat:seen:*` keys; in-process: the process RSS and the
//!   bus's own count), to show memory levelling off once the dedup window
//!   (`--dedup-window`, default the server's 10m) is full;
//! - `delivery`: moderation out (issue 15 §4) against lumio-testkit's fake Twitch: timeouts at
//!   `--actions-rate` per second for `--seconds`, each timed from the moderator's request to
//!   its live `moderation_delivery` event `confirmed` (the fake's EventSub echo); the fake's
//!   rate limit is raised for the run (Twitch's own 800 points a minute would turn most of
//!   them into 429 waits).
#![forbid(unsafe_code)]

/// mimalloc: the server allocates per request and per message from many threads, where
/// glibc malloc spent a fifth of the CPU time (see docs/bench.md). The `system-alloc` feature
/// leaves it out, so that a heap profiler (heaptrack) sees every allocation.
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use futures::StreamExt;
use lumio_server::app::AppState;
use lumio_server::bus::keys;
use lumio_server::chat::flush::Flusher;
use lumio_server::chat::model::ChatMessage;
use lumio_server::chat::store::{pg_copy_csv as csv, COLS};
use lumio_server::testing::{TestBackend, TestOptions, TestServer};
use lumio_testkit::twitch::FakeTwitch;
use serde_json::{json, Value};
use sqlx::postgres::PgPoolCopyExt;

/// Measure the chat pipeline of a real lumio-server.
#[derive(Parser, Debug)]
#[command(name = "lumio-bench")]
struct Args {
    /// sqlite (with the in-process bus) or postgres (with Redis; DATABASE_URL, REDIS_URL).
    #[arg(long, default_value = "sqlite")]
    backend: String,
    /// Which measurements: ingest, latency, flush, history, history-buffer (comma-separated);
    /// also `retention`, `delivery` (moderation actions: request → confirmed by the fake
    /// Twitch's echo) and `discord` (gateway MESSAGE_CREATE → WebSocket latency at `rate`
    /// capped to 500/s, and feature-channel mirroring through lumio-testkit's fake Discord).
    #[arg(
        long,
        default_value = "ingest,latency,flush,history,history-buffer",
        value_delimiter = ','
    )]
    only: Vec<String>,
    /// Concurrent keep-alive clients for `ingest`.
    #[arg(long, default_value_t = 64)]
    clients: usize,
    /// Seconds of sustained ingest.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Messages per second for `latency`.
    #[arg(long, default_value_t = 2000)]
    rate: u64,
    /// Subscriber counts for `latency`.
    #[arg(long, default_value = "1,100", value_delimiter = ',')]
    subscribers: Vec<usize>,
    /// Rows for `flush`.
    #[arg(long, default_value_t = 100_000)]
    flush_rows: usize,
    /// Stored messages for `history`.
    #[arg(long, default_value_t = 1_000_000)]
    history_rows: usize,
    /// Buffered messages for `history-buffer` (the first is the reference).
    #[arg(long, default_value = "0,20000,200000", value_delimiter = ',')]
    buffered: Vec<usize>,
    /// The server's LUMIO_DEDUP_WINDOW for `retention` (10m, 2m…; default the server's).
    #[arg(long)]
    dedup_window: Option<String>,
    /// Seconds between `retention` samples.
    #[arg(long, default_value_t = 10)]
    sample_every: u64,
    /// Moderation actions per second for `delivery`.
    #[arg(long, default_value_t = 50)]
    actions_rate: u64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn message_body(i: u64, text: &str) -> Value {
    let platform = ["twitch", "youtube", "kick", "trovo", "discord"][(i % 5) as usize];
    let user = format!("viewer{}", i % 5000);
    let user_id = lumio_server::platforms::simulator::user_id(
        platform
            .parse()
            .unwrap_or(lumio_server::platforms::Platform::Twitch),
        &user,
    );
    json!({"platform": platform,
        "channel_name": "lumio_demo", "user_id": user_id,
        "username": user, "message": text,
        "badges": ["subscriber/6"], "color": "#1E90FF", "is_sub": i % 3 == 0})
}

async fn login(base: &str) -> anyhow::Result<(reqwest::Client, String, String)> {
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(1024)
        .build()?;
    let v: Value = http
        .post(format!("{base}/v1/auth/login"))
        .json(&json!({"username": "mod", "password": "lumio-mod"}))
        .send()
        .await?
        .json()
        .await?;
    let token = v["token"].as_str().unwrap_or_default().to_string();
    let me: Value = http
        .get(format!("{base}/v1/auth/me"))
        .bearer_auth(&token)
        .send()
        .await?
        .json()
        .await?;
    let account = me["accounts"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    Ok((http, token, account))
}

async fn bench_ingest(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
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

/// What the latency subscribers read of a live event.
#[derive(serde::Deserialize)]
struct Frame<'a> {
    #[serde(rename = "type", borrow)]
    kind: std::borrow::Cow<'a, str>,
    #[serde(default, borrow)]
    message: Option<FrameMessage<'a>>,
}

#[derive(serde::Deserialize)]
struct FrameMessage<'a> {
    #[serde(borrow)]
    message: std::borrow::Cow<'a, str>,
}

type LiveSocket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A live WebSocket of the server at `base` (`http://…`), the token in the upgrade request's
/// `Authorization` header as the CLI sends it (never in the URL).
async fn live_socket(base: &str, token: &str) -> anyhow::Result<LiveSocket> {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let mut req =
        format!("{}/v1/chat/ws", base.replace("http://", "ws://")).into_client_request()?;
    req.headers_mut()
        .insert("authorization", format!("Bearer {token}").parse()?);
    Ok(tokio_tungstenite::connect_async(req).await?.0)
}

/// Read `total` chat messages from a live socket, each message's text being `t=<µs since
/// origin>` when it was sent: their latencies in ms. Stops early after 10 s of silence, or on
/// a `lagged` event (counted in `lagged` when given).
async fn read_latencies(
    mut ws: LiveSocket,
    total: usize,
    origin: Instant,
    lagged: Option<Arc<AtomicU64>>,
) -> Vec<f64> {
    let mut lat = Vec::with_capacity(total);
    while lat.len() < total {
        let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(10), ws.next()).await else {
            break;
        };
        let Ok(text) = m.into_text() else { continue };
        // Only the fields read: a full `Value` per frame would make this load generator, on
        // the same cores, the bottleneck it measures.
        let Ok(v) = serde_json::from_str::<Frame>(&text) else {
            continue;
        };
        if v.kind == "lagged" {
            if let Some(l) = &lagged {
                l.fetch_add(1, Ordering::Relaxed);
            }
            break;
        }
        if let Some(sent) = v
            .message
            .and_then(|m| m.message.strip_prefix("t=")?.parse::<u64>().ok())
        {
            let now = origin.elapsed().as_micros() as u64;
            lat.push(now.saturating_sub(sent) as f64 / 1000.0);
        }
    }
    lat
}

async fn bench_latency(a: &Args, s: &TestServer, subscribers: usize) -> anyhow::Result<Value> {
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

async fn bench_retention(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
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

fn generate(account: uuid::Uuid, n: usize) -> Vec<ChatMessage> {
    (0..n as u64)
        .map(|i| {
            let input: lumio_server::chat::model::ChatMessageInput = serde_json::from_value(
                message_body(i, &format!("message number {i} in the bench")),
            )
            .unwrap_or_else(|_| unreachable!());
            lumio_server::chat::service::validate(account, &input)
                .unwrap_or_else(|_| unreachable!())
        })
        .collect()
}

async fn account_id(state: &AppState) -> anyhow::Result<uuid::Uuid> {
    state
        .db
        .auth()
        .account_id_by_slug("demo")
        .await?
        .ok_or_else(|| anyhow::anyhow!("no account 'demo'"))
}

async fn bench_flush(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
    let state = &s.state;
    let account = account_id(state).await?;
    let msgs = generate(account, a.flush_rows);
    for chunk in msgs.chunks(1000) {
        let items: Vec<String> = chunk
            .iter()
            .map(|m| serde_json::to_string(m).unwrap_or_default())
            .collect();
        state
            .bus
            .list_push(&keys::chat_buffer(account), &items)
            .await?;
    }
    state
        .bus
        .set_add(&keys::pending_chat_accounts(), &account.to_string())
        .await?;
    let flusher = Flusher::new(state.clone());
    let start = Instant::now();
    let stored = flusher.run_once().await?;
    let flush_secs = start.elapsed().as_secs_f64();
    let mut out = json!({"rows": stored, "flush_seconds": flush_secs, "flush_rows_per_sec": stored as f64 / flush_secs});
    if let lumio_server::store::Db::Postgres(pool) = &state.db {
        sqlx::query("CREATE TABLE bench_copy (LIKE platform_messages INCLUDING ALL)")
            .execute(pool)
            .await?;
        let data = csv(&msgs);
        let start = Instant::now();
        let mut copy = pool
            .copy_in_raw(&format!("COPY bench_copy ({COLS}) FROM STDIN (FORMAT csv)"))
            .await?;
        copy.send(data).await?;
        let rows = copy.finish().await?;
        let copy_secs = start.elapsed().as_secs_f64();
        out["copy_rows_per_sec"] = json!(rows as f64 / copy_secs);
        out["flush_vs_copy"] = json!((stored as f64 / flush_secs) / (rows as f64 / copy_secs));
    }
    Ok(out)
}

async fn bench_history(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
    let state = &s.state;
    let account = account_id(state).await?;
    let start = Instant::now();
    let mut left = a.history_rows;
    while left > 0 {
        let n = left.min(50_000);
        let msgs = generate(account, n);
        match &state.db {
            lumio_server::store::Db::Postgres(pool) => {
                let mut copy = pool
                    .copy_in_raw(&format!(
                        "COPY platform_messages ({COLS}) FROM STDIN (FORMAT csv)"
                    ))
                    .await?;
                copy.send(csv(&msgs)).await?;
                copy.finish().await?;
            }
            lumio_server::store::Db::Sqlite(_) => {
                for chunk in msgs.chunks(1000) {
                    state.db.chat().insert_messages(chunk).await?;
                }
            }
        }
        left -= n;
    }
    state.db.analyze().await?;
    let load_secs = start.elapsed().as_secs_f64();
    let (http, token, _) = login(&s.url).await?;
    let deep = (state.db.chat())
        .newest_id_at(account, (a.history_rows / 2) as i64)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no message at half the history"))?;
    let mut res = json!({"rows": a.history_rows, "load_seconds": load_secs});
    for (name, query) in [
        ("first_page", "limit=50".to_string()),
        ("deep_page", format!("limit=50&cursor={}", deep.simple())),
    ] {
        let mut times = Vec::new();
        for _ in 0..100 {
            let t = Instant::now();
            let r = http
                .get(format!("{}/v1/chat/history?{query}", s.url))
                .bearer_auth(&token)
                .send()
                .await?;
            let ok = r.status().is_success();
            let _ = r.bytes().await?;
            anyhow::ensure!(ok, "history request failed");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        res[format!("{name}_p50_ms")] = json!(percentile(&times, 0.5));
        res[format!("{name}_p99_ms")] = json!(percentile(&times, 0.99));
    }
    Ok(res)
}

/// p50 and p99 of `n` timed runs of `f`, in milliseconds.
async fn timed<F, Fut>(n: usize, mut f: F) -> anyhow::Result<(f64, f64)>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    let mut times = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        f().await?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok((percentile(&times, 0.5), percentile(&times, 0.99)))
}

/// History and count with messages waiting in the buffer (the flush stopped: the server runs
/// without workers), over `STORED` stored ones.
async fn bench_history_buffer(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
    const STORED: usize = 50_000;
    let state = &s.state;
    let account = account_id(state).await?;
    let stored = generate(account, STORED);
    for chunk in stored.chunks(5_000) {
        state.db.chat().insert_messages(chunk).await?;
    }
    state.db.analyze().await?;
    let (http, token, _) = login(&s.url).await?;
    let buffer = keys::chat_buffer(account);
    let mut have = 0usize;
    let mut out = Vec::new();
    for &want in &a.buffered {
        // Newer messages than the stored ones, pushed in id order as ingest pushes them.
        while have < want {
            let n = (want - have).min(10_000);
            let items: Vec<String> = generate(account, n)
                .iter()
                .map(|m| serde_json::to_string(m).unwrap_or_default())
                .collect();
            for chunk in items.chunks(1_000) {
                state.bus.list_push(&buffer, chunk).await?;
            }
            have += n;
        }
        anyhow::ensure!(state.bus.list_len(&buffer).await? == want, "buffer length");
        let get = |path: &'static str| {
            let (http, token, url) = (http.clone(), token.clone(), s.url.clone());
            move || {
                let (http, token, url) = (http.clone(), token.clone(), url.clone());
                async move {
                    let r = http
                        .get(format!("{url}{path}"))
                        .bearer_auth(&token)
                        .send()
                        .await?;
                    anyhow::ensure!(r.status().is_success(), "{path}: {}", r.status());
                    r.bytes().await?;
                    Ok(())
                }
            }
        };
        // Warm up, then measure.
        timed(20, get("/v1/chat/history?limit=50")).await?;
        let (h50, h99) = timed(200, get("/v1/chat/history?limit=50")).await?;
        let (c50, c99) = timed(200, get("/v1/chat/history/count")).await?;
        let (f50, f99) = timed(20, get("/v1/chat/history?limit=50&platform=kick")).await?;
        // The same run's physical reference: what a page cannot do with less.
        let bus = state.bus.clone();
        let (l50, l99) = timed(200, || {
            let (bus, buffer) = (bus.clone(), buffer.clone());
            async move {
                let slack = lumio_server::chat::buffer::ORDER_SLACK as isize;
                let items = bus.list_range(&buffer, -(51 + slack), -1).await?;
                for i in &items {
                    let _: ChatMessage = serde_json::from_str(i)?;
                }
                Ok(())
            }
        })
        .await?;
        let filter = lumio_server::chat::model::ChatFilter::default();
        let (q50, q99) = timed(200, || {
            let (db, filter) = (state.db.clone(), filter.clone());
            async move {
                db.chat()
                    .messages_page(account, &filter, None, None, 51)
                    .await?;
                Ok(())
            }
        })
        .await?;
        out.push(json!({"buffered": want, "stored": STORED,
            "history_p50_ms": h50, "history_p99_ms": h99,
            "count_p50_ms": c50, "count_p99_ms": c99,
            "filtered_history_p50_ms": f50, "filtered_history_p99_ms": f99,
            "ref_buffer_tail_p50_ms": l50, "ref_buffer_tail_p99_ms": l99,
            "ref_sql_page_p50_ms": q50, "ref_sql_page_p99_ms": q99}));
    }
    let base = out
        .first()
        .and_then(|r| r["history_p99_ms"].as_f64())
        .unwrap_or(f64::NAN);
    for r in &mut out {
        let p99 = r["history_p99_ms"].as_f64().unwrap_or(f64::NAN);
        r["history_p99_vs_empty"] = json!(p99 / base);
    }
    Ok(json!(out))
}

/// `--only discord`: the Discord bot against lumio-testkit's fake Discord.
mod discord_bench {
    use super::*;
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
        let v: Value = http
            .post(format!("{}/v1/auth/login", s.url))
            .json(&json!({"username": "owner", "password": "lumio-owner"}))
            .send()
            .await?
            .json()
            .await?;
        let token = v["token"].as_str().unwrap_or_default().to_string();
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
}

/// `delivery`: request → confirmed (the fake's echo) of timeouts at `--actions-rate`.
async fn bench_delivery(a: &Args, s: &TestServer, fake: &FakeTwitch) -> anyhow::Result<Value> {
    let http = reqwest::Client::new();
    let base = s.url.clone();
    let v: Value = http
        .post(format!("{base}/v1/auth/login"))
        .json(&json!({"username": "owner", "password": "lumio-owner"}))
        .send()
        .await?
        .json()
        .await?;
    let token = v["token"].as_str().unwrap_or_default().to_string();
    fake.add_moderator(&fake.broadcaster.id, &fake.bot.id);
    fake.set_rate_limit(1_000_000);
    let scopes = [
        "user:read:chat",
        "user:bot",
        "moderator:manage:banned_users",
        "moderator:read:chat_messages",
        "moderator:read:moderators",
        "moderator:read:warnings",
    ];
    let pair = fake.issue_user_token(&fake.bot.id, &scopes);
    for (path, body) in [
        (
            "/v1/connections/twitch/tokens",
            json!({"access_token": pair.access_token, "refresh_token": pair.refresh_token,
                "role": "bot", "channel": fake.broadcaster.login}),
        ),
        (
            "/v1/bot-toggle",
            json!({"platform": "twitch", "enabled": true}),
        ),
    ] {
        let r = http
            .post(format!("{base}{path}"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await?;
        anyhow::ensure!(r.status().is_success(), "{path}: {}", r.status());
    }
    let (stop, rx) = tokio::sync::watch::channel(false);
    let bot = lumio_server::bots::worker::spawn(
        s.state.clone(),
        lumio_server::bots::worker::WorkerOptions::from_config(&s.state.config),
        rx,
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while !fake
        .subscriptions()
        .iter()
        .any(|x| x["type"] == "channel.moderate" && x["status"] == "enabled")
    {
        anyhow::ensure!(
            Instant::now() < deadline,
            "the bot never read the fake channel"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
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
    let _ = stop.send(true);
    let _ = bot.await;
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

/// The fake platform a measurement runs against.
enum Fake {
    Discord(Box<lumio_testkit::discord::FakeDiscord>),
    Twitch(Box<FakeTwitch>),
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let a = Args::parse();
    tracing_subscriber::fmt()
        .with_env_filter(std::env::var("RUST_LOG").unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .init();
    let backend = match a.backend.as_str() {
        "sqlite" => TestOptions::sqlite(),
        "postgres" => TestOptions::postgres_redis(),
        other => anyhow::bail!("--backend: '{other}' is not sqlite or postgres"),
    };
    let mut results = serde_json::Map::new();
    let mut table = vec![];
    for what in &a.only {
        // A fresh server and database per measurement, so they do not disturb each other.
        let workers = what != "flush" && what != "history-buffer";
        let opts = TestOptions { workers, ..backend };
        let window = a.dedup_window.clone();
        let fake = if what == "discord" {
            Some(Fake::Discord(Box::new(
                lumio_testkit::discord::FakeDiscord::start().await?,
            )))
        } else if what == "delivery" {
            Some(Fake::Twitch(Box::new(FakeTwitch::start().await?)))
        } else {
            None
        };
        let Some(s) = TestServer::start_with(opts, "lumio-bench", |c| {
            if let Some(f) = &fake {
                match f {
                    Fake::Discord(f) => discord_bench::configure(f, c),
                    Fake::Twitch(f) => lumio_server::testing::point_twitch_fake_at(f, c),
                }
            }
            if let Some(w) = &window {
                let args = lumio_server::config::ChatArgs {
                    dedup_window: Some(w.clone()),
                    ..Default::default()
                };
                match lumio_server::config::ChatLimits::from_args(&args) {
                    Ok(l) => c.chat.dedup_window = l.dedup_window,
                    Err(e) => eprintln!("--dedup-window: {e}; the server's default is used"),
                }
            }
        })
        .await
        else {
            anyhow::bail!("the {} backend needs DATABASE_URL and REDIS_URL", a.backend);
        };
        let r = match what.as_str() {
            "ingest" => bench_ingest(&a, &s).await?,
            "latency" => {
                let mut all = vec![];
                for n in &a.subscribers {
                    all.push(bench_latency(&a, &s, *n).await?);
                }
                json!(all)
            }
            "flush" => bench_flush(&a, &s).await?,
            "history" => bench_history(&a, &s).await?,
            "history-buffer" => bench_history_buffer(&a, &s).await?,
            "retention" => bench_retention(&a, &s).await?,
            "discord" => match &fake {
                Some(Fake::Discord(f)) => {
                    discord_bench::run(&s, f, a.rate.min(500), a.seconds).await?
                }
                _ => anyhow::bail!("discord: no fake Discord"),
            },
            "delivery" => match &fake {
                Some(Fake::Twitch(f)) => bench_delivery(&a, &s, f).await?,
                _ => anyhow::bail!("delivery needs the fake Twitch"),
            },
            other => anyhow::bail!("--only: unknown measurement '{other}'"),
        };
        s.stop().await;
        eprintln!("{what}: {r}");
        table.push((what.clone(), r.clone()));
        results.insert(what.clone(), r);
    }
    let backend_name = if backend.backend == TestBackend::Sqlite {
        "sqlite + in-process bus"
    } else {
        "postgres + redis"
    };
    println!("lumio-bench — {backend_name}");
    for (what, r) in &table {
        println!("{what:<8} {r}");
    }
    println!("{}", json!({"backend": a.backend, "results": results}));
    Ok(())
}
