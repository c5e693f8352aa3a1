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
//!   them into 429 waits);
//! - `discord`: the Discord bot against lumio-testkit's fake Discord (gateway → WebSocket
//!   latency, feature-channel mirroring);
//! - `eventsub`: Twitch chat (the fake's EventSub `channel.chat.message` at `--rate`) → lumio's
//!   Twitch connector → a WebSocket client, next to the same run's ingest → WebSocket latency
//!   and a bare EventSub client of the fake.
//!
//! One module per measurement; `args`, `client` (login, message bodies), `live` (the live
//! socket and its timed reader), `data`, `stats` and `twitch_bot` are shared.
#![forbid(unsafe_code)]

/// mimalloc: the server allocates per request and per message from many threads, where
/// glibc malloc spent a fifth of the CPU time (see docs/bench.md). The `system-alloc` feature
/// leaves it out, so that a heap profiler (heaptrack) sees every allocation.
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod client;
mod data;
mod delivery;
mod discord;
mod eventsub;
mod flush;
mod history;
mod history_buffer;
mod ingest;
mod latency;
mod live;
mod retention;
mod stats;
mod twitch_bot;

use clap::Parser;
use lumio_server::testing::{TestBackend, TestOptions, TestServer};
use lumio_testkit::twitch::FakeTwitch;
use serde_json::json;

use args::Args;

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
        } else if what == "delivery" || what == "eventsub" {
            Some(Fake::Twitch(Box::new(FakeTwitch::start().await?)))
        } else {
            None
        };
        let Some(s) = TestServer::start_with(opts, "lumio-bench", |c| {
            if let Some(f) = &fake {
                match f {
                    Fake::Discord(f) => discord::configure(f, c),
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
            "ingest" => ingest::run(&a, &s).await?,
            "latency" => {
                let mut all = vec![];
                for n in &a.subscribers {
                    all.push(latency::run(&a, &s, *n).await?);
                }
                json!(all)
            }
            "flush" => flush::run(&a, &s).await?,
            "history" => history::run(&a, &s).await?,
            "history-buffer" => history_buffer::run(&a, &s).await?,
            "retention" => retention::run(&a, &s).await?,
            "discord" => match &fake {
                Some(Fake::Discord(f)) => discord::run(&s, f, a.rate.min(500), a.seconds).await?,
                _ => anyhow::bail!("discord: no fake Discord"),
            },
            "delivery" => match &fake {
                Some(Fake::Twitch(f)) => delivery::run(&a, &s, f).await?,
                _ => anyhow::bail!("delivery needs the fake Twitch"),
            },
            "eventsub" => match &fake {
                Some(Fake::Twitch(f)) => eventsub::run(&a, &s, f).await?,
                _ => anyhow::bail!("eventsub needs the fake Twitch"),
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
