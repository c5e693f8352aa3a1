//! The bus contract: the same cases against the in-process bus and Redis.
//!
//! Every case is one `async fn(Arc<dyn Bus>)`; [`contract!`] turns each into two tests,
//! `memory::<case>` and `redis::<case>`. Every test gets a bus with a fresh key prefix, so the
//! tests run in parallel on one Redis. Redis tests use `REDIS_URL`; without it they print
//! `SKIP <test>: REDIS_URL not set` and pass, unless `CI=true`, where they fail.
//!
//! The cases are split by data type (`keys`, `lists`, `sets`, `pubsub`, `batches`); what
//! only one backend has is in `backends`. This file holds the harness and the list.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use lumio_server::bus::{
    self, Bus, BusError, BusOp, BusReply, MemoryBus, PushOnce, PushOutcome, RedisBus, Ttl,
};

mod backends;
mod batches;
mod keys;
mod lists;
mod pubsub;
mod sets;

use batches::*;
use keys::*;
use lists::*;
use pubsub::*;
use sets::*;

fn prefix() -> String {
    format!("t-{}:", uuid::Uuid::new_v4().simple())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// `REDIS_URL`, or None after saying the test is skipped (a failure when `CI=true`).
fn redis_url(test: &str) -> Option<String> {
    match std::env::var("REDIS_URL") {
        Ok(u) if !u.trim().is_empty() => Some(u),
        _ => {
            let line = format!("SKIP {test}: REDIS_URL not set");
            if in_ci() {
                panic!("{line} (CI=true: the Redis bus tests must not skip in CI)");
            }
            eprintln!("{line}");
            None
        }
    }
}

async fn memory() -> Option<Arc<dyn Bus>> {
    let b = bus::connect(None, &prefix()).await.unwrap();
    assert_eq!(b.backend(), "memory");
    Some(b)
}

async fn redis(test: &str) -> Option<Arc<dyn Bus>> {
    let url = redis_url(test)?;
    let b = bus::connect(Some(&url), &prefix()).await.unwrap();
    assert_eq!(b.backend(), "redis");
    Some(b)
}

/// One `#[tokio::test]` per case and backend: `memory::<case>` and `redis::<case>`.
macro_rules! contract {
    ($($case:ident),* $(,)?) => {
        mod memory {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    if let Some(b) = super::memory().await {
                        super::$case(b).await;
                    }
                }
            )*
        }
        mod redis {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    if let Some(b) = super::redis(concat!("redis::", stringify!($case))).await {
                        super::$case(b).await;
                    }
                }
            )*
        }
    };
}

contract!(
    ping,
    publish_subscribe,
    subscription_is_active_when_subscribe_returns,
    many_channels_one_bus,
    strings,
    set_nx,
    ttl_expiry,
    expire,
    counters,
    lists,
    list_move_order_and_batches,
    list_move_claims_each_item_once,
    list_move_checks_types_before_moving,
    sets,
    sorted_sets,
    zrem_claims_once,
    wrong_type_is_an_error,
    a_slow_subscriber_is_told_it_lagged,
    batches_run_in_order_and_answer_each,
    push_once_sets_the_seen_key_and_pushes_in_one_step,
    push_once_is_all_or_nothing,
    push_once_under_concurrency_pushes_once,
    footprint_counts_what_is_held,
);

fn vs(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

async fn next(sub: &mut bus::Subscription) -> String {
    tokio::time::timeout(Duration::from_secs(5), sub.next())
        .await
        .expect("a message within 5 s")
        .expect("subscription open")
}

/// Nothing arrives within a short while (only used where nothing is expected at all).
async fn nothing_more(sub: &mut bus::Subscription, what: &str) {
    if let Ok(got) = tokio::time::timeout(Duration::from_millis(200), sub.next()).await {
        panic!("{what}: unexpected {got:?}");
    }
}
