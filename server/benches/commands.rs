//! Bot command benchmarks (figures in docs/bench.md):
//!
//! - executions per second of a template command — match, permission, the per-user
//!   cooldown's `SET NX PX`, the use counter, render and the reply published — on the bus
//!   (Redis with `--backend postgres`, in-process with `--backend sqlite`), one at a time
//!   (latency) and from 16 tasks at once (throughput); next to a bare `SET NX PX` round trip
//!   measured in the same run, and their ratio (goal ≤ 3×);
//! - an import of 1,000 commands through `POST /v1/bot-commands/import`: the time, and for
//!   a dry run the time and the peak resident memory it added.
//!
//! ```sh
//! cargo bench -p lumio-server --bench commands -- --backend sqlite
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//!   cargo bench -p lumio-server --bench commands -- --backend postgres
//! ```

#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use lumio_server::commands::engine::parse_invocation;
use lumio_server::commands::exec::{self, Invoker, Outcome};
use lumio_server::commands::role::Role;
use lumio_server::platforms::Platform;
use lumio_server::testing::{TestOptions, TestServer};
use serde_json::{json, Value};
use uuid::Uuid;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// Peak resident memory of this process since the last reset, in KiB (Linux).
fn peak_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
}

fn rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
}

/// Reset the peak to the current resident size (Linux: `echo 5 > /proc/self/clear_refs`).
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

struct Timing {
    per_sec: f64,
    mean_us: f64,
    p50_us: f64,
    p99_us: f64,
}

fn timing(mut lat: Vec<Duration>, total: Duration) -> Timing {
    lat.sort();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    let n = lat.len().max(1);
    Timing {
        per_sec: lat.len() as f64 / total.as_secs_f64(),
        mean_us: us(total) / n as f64,
        p50_us: us(lat[n / 2]),
        p99_us: us(lat[(n * 99 / 100).min(n - 1)]),
    }
}

async fn login(client: &reqwest::Client, base: &str, user: &str) -> String {
    let r: Value = client
        .post(format!("{base}/v1/auth/login"))
        .json(&json!({"username": user, "password": format!("lumio-{user}")}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    r["token"].as_str().unwrap().to_string()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let backend = arg("--backend").unwrap_or_else(|| "sqlite".into());
    let n: usize = arg("--n").and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let opts = match backend.as_str() {
        "postgres" => TestOptions::postgres_redis(),
        _ => TestOptions::sqlite(),
    };
    let opts = TestOptions {
        workers: false,
        ..opts
    };
    let Some(s) = TestServer::start(opts, "bench-commands").await else {
        eprintln!("the {backend} backend is not configured (DATABASE_URL / REDIS_URL)");
        return;
    };
    let bus = s.bus();
    println!(
        "bot commands — {} + {} bus, {n} operations",
        s.state.db.backend_name(),
        bus.backend()
    );

    // The account may hold 1,000 commands.
    let dir = tempfile::tempdir().unwrap();
    let seed = dir.path().join("enterprise.toml");
    std::fs::write(
        &seed,
        "[[accounts]]\nslug = \"demo\"\nname = \"Lumio Demo\"\nplan = \"enterprise\"\n",
    )
    .unwrap();
    lumio_server::seed::run(&s.state.db, seed.to_str().unwrap())
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let token = login(&http, &s.url, "editor").await;
    let me: Value = http
        .get(format!("{}/v1/auth/me", s.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let account = Uuid::parse_str(me["accounts"][0]["id"].as_str().unwrap()).unwrap();
    let st = http
        .post(format!("{}/v1/bot-commands", s.url))
        .bearer_auth(&token)
        .json(
            &json!({"name": "so", "response": "Go follow {touser} on {platform}, says {user}!",
            "user_cooldown_seconds": 600, "min_role": "everyone"}),
        )
        .send()
        .await
        .unwrap()
        .status();
    assert!(st.is_success(), "{st}");

    // 1. A bare SET NX PX round trip.
    let mut lat = Vec::with_capacity(n);
    let t0 = Instant::now();
    for i in 0..n {
        let t = Instant::now();
        bus.set_nx(
            &format!("bench:setnx:{i}"),
            "1",
            Some(Duration::from_secs(600)),
        )
        .await
        .unwrap();
        lat.push(t.elapsed());
    }
    let bare = timing(lat, t0.elapsed());

    // 2. Command executions, one at a time: a new chatter each time, so the per-user
    //    cooldown's SET NX PX succeeds and the command runs to the end.
    let inv = parse_invocation("!so @alice").unwrap();
    let who = |i: usize| Invoker {
        account,
        platform: Platform::Twitch,
        channel: "lumio_demo".into(),
        user_id: format!("u{i}"),
        user_name: format!("user{i}"),
        role: Role::Everyone,
        message_id: None,
        platform_message_id: None,
    };
    // Warm the cache.
    exec::execute(&s.state, &inv, &who(usize::MAX))
        .await
        .unwrap();
    let mut lat = Vec::with_capacity(n);
    let t0 = Instant::now();
    for i in 0..n {
        let t = Instant::now();
        let out = exec::execute(&s.state, &inv, &who(i)).await.unwrap();
        lat.push(t.elapsed());
        debug_assert!(matches!(out, Outcome::Replied { .. }));
    }
    let one = timing(lat, t0.elapsed());
    // A second call of the same chatter is refused by the cooldown (and answered silently).
    let refused = exec::execute(&s.state, &inv, &who(0)).await.unwrap();
    assert_eq!(refused, Outcome::OnCooldown { reply: None });

    // 3. The same from 16 tasks at once.
    let state = Arc::new(s.state.clone());
    let tasks = 16;
    let per = n / tasks;
    let t0 = Instant::now();
    let mut handles = Vec::new();
    for k in 0..tasks {
        let state = state.clone();
        let inv = inv.clone();
        handles.push(tokio::spawn(async move {
            for i in 0..per {
                let w = Invoker {
                    account,
                    platform: Platform::Twitch,
                    channel: "lumio_demo".into(),
                    user_id: format!("c{k}-{i}"),
                    user_name: format!("c{k}-{i}"),
                    role: Role::Everyone,
                    message_id: None,
                    platform_message_id: None,
                };
                exec::execute(&state, &inv, &w).await.unwrap();
            }
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    let concurrent = (per * tasks) as f64 / t0.elapsed().as_secs_f64();

    println!();
    println!("| measure | per second | mean | p50 | p99 |");
    println!("|---|---|---|---|---|");
    println!(
        "| bare SET NX PX | {:.0} | {:.1} µs | {:.1} µs | {:.1} µs |",
        bare.per_sec, bare.mean_us, bare.p50_us, bare.p99_us
    );
    println!(
        "| command execution, one at a time | {:.0} | {:.1} µs | {:.1} µs | {:.1} µs |",
        one.per_sec, one.mean_us, one.p50_us, one.p99_us
    );
    println!("| command execution, {tasks} tasks | {concurrent:.0} | | | |");
    println!(
        "ratio of one execution to a bare SET NX PX round trip: {:.2}× by the mean, {:.2}× by \
         the median (goal ≤ 3×)",
        one.mean_us / bare.mean_us,
        one.p50_us / bare.p50_us
    );

    // 4. Import of 1,000 commands: a dry run (time and memory), then the import.
    let rows: Vec<Value> = (0..1000)
        .map(|i| {
            json!({"source_id": format!("nb{i}"), "name": format!("!cmd{i}"),
                "response": format!("$(user) used command {i}, $(count) times; $(touser) say hi"),
                "global_cooldown_seconds": 5, "min_role": "everyone",
                "notes": ["userLevel regular: made a vip command"]})
        })
        .collect();
    let body = json!({"source": "nightbot", "commands": rows});
    let import = |dry: bool| {
        let mut b = body.clone();
        b["dry_run"] = json!(dry);
        let http = http.clone();
        let url = format!("{}/v1/bot-commands/import", s.url);
        let token = token.clone();
        async move {
            let t = Instant::now();
            let r: Value = http
                .post(url)
                .bearer_auth(token)
                .json(&b)
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            (t.elapsed(), r)
        }
    };
    let before = rss_kib();
    let reset = reset_peak();
    let (dry_time, dry) = import(true).await;
    let peak = peak_kib();
    assert_eq!(dry["created"], 1000, "{dry}");
    let (real_time, real) = import(false).await;
    assert_eq!(
        (real["created"].as_i64(), real["applied"].as_bool()),
        (Some(1000), Some(true)),
        "{real}"
    );
    let (again_time, again) = import(false).await;
    assert_eq!(again["unchanged"], 1000);
    println!();
    println!("| import of 1,000 commands | time |");
    println!("|---|---|");
    println!("| dry run | {:.0} ms |", dry_time.as_secs_f64() * 1e3);
    println!("| import | {:.0} ms |", real_time.as_secs_f64() * 1e3);
    println!(
        "| the same again (all unchanged) | {:.0} ms |",
        again_time.as_secs_f64() * 1e3
    );
    match (reset, before, peak) {
        (true, Some(b), Some(p)) => println!(
            "dry run memory: peak resident {:.1} MiB, {:.1} MiB above the {:.1} MiB before it",
            p as f64 / 1024.0,
            p.saturating_sub(b) as f64 / 1024.0,
            b as f64 / 1024.0
        ),
        _ => println!("dry run memory: not measured (needs Linux /proc)"),
    }
    s.stop().await;
}
