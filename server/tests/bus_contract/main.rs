//! The bus contract: the same cases against the in-process bus and Redis.
//!
//! Every case is one `async fn(Arc<dyn Bus>)`; [`contract!`] turns each into two tests,
//! `memory::<case>` and `redis::<case>`. Every test gets a bus with a fresh key prefix, so the
//! tests run in parallel on one Redis. Redis tests use `REDIS_URL`; without it they print
//! `SKIP <test>: REDIS_URL not set` and pass, unless `CI=true`, where they fail.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use lumio_server::bus::{
    self, Bus, BusError, BusOp, BusReply, MemoryBus, PushOnce, PushOutcome, RedisBus, Ttl,
};

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

async fn ping(b: Arc<dyn Bus>) {
    b.ping().await.unwrap();
}

async fn publish_subscribe(b: Arc<dyn Bus>) {
    let mut a1 = b.subscribe("chan:a").await.unwrap();
    let mut a2 = b.subscribe("chan:a").await.unwrap();
    let mut other = b.subscribe("chan:b").await.unwrap();
    for i in 0..100 {
        b.publish("chan:a", &format!("m{i}")).await.unwrap();
    }
    // Both subscribers get every message, in publish order.
    for i in 0..100 {
        assert_eq!(next(&mut a1).await, format!("m{i}"));
    }
    for i in 0..100 {
        assert_eq!(next(&mut a2).await, format!("m{i}"));
    }
    // The subscriber of another channel got none of them: its first message is its own.
    b.publish("chan:b", "only-b").await.unwrap();
    assert_eq!(next(&mut other).await, "only-b");
    nothing_more(&mut a1, "chan:a subscriber after a chan:b publish").await;

    // Dropping one subscriber leaves the other subscribed.
    drop(a1);
    b.publish("chan:a", "after-drop").await.unwrap();
    assert_eq!(next(&mut a2).await, "after-drop");
    nothing_more(&mut other, "chan:b subscriber").await;

    // Publishing to a channel nobody listens to is fine.
    drop(a2);
    b.publish("chan:a", "into-the-void").await.unwrap();
    // Resubscribing after every subscriber left works, and sees only new messages.
    let mut again = b.subscribe("chan:a").await.unwrap();
    b.publish("chan:a", "again").await.unwrap();
    assert_eq!(next(&mut again).await, "again");
    // Payloads travel unchanged.
    let odd = "ünïcödé \"json\" {\"a\":[1,2]}\nline2\ttab";
    b.publish("chan:a", odd).await.unwrap();
    assert_eq!(next(&mut again).await, odd);
    b.publish("chan:a", "").await.unwrap();
    assert_eq!(next(&mut again).await, "");
}

async fn subscription_is_active_when_subscribe_returns(b: Arc<dyn Bus>) {
    // No sleeps: a publish right after subscribe() returned is received. Fresh channels
    // and re-subscriptions of a just-dropped channel alike.
    for i in 0..20 {
        let channel = format!("fresh:{i}");
        let mut sub = b.subscribe(&channel).await.unwrap();
        b.publish(&channel, "first").await.unwrap();
        assert_eq!(next(&mut sub).await, "first", "{channel}");
        drop(sub);
        let mut sub = b.subscribe(&channel).await.unwrap();
        b.publish(&channel, "second").await.unwrap();
        assert_eq!(next(&mut sub).await, "second", "{channel} resubscribed");
    }
    // Subscribing concurrently to one channel: every subscriber is active on return.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let b = b.clone();
        tasks.push(tokio::spawn(
            async move { b.subscribe("crowd").await.unwrap() },
        ));
    }
    let mut subs = Vec::new();
    for t in tasks {
        subs.push(t.await.unwrap());
    }
    b.publish("crowd", "hello").await.unwrap();
    for s in &mut subs {
        assert_eq!(next(s).await, "hello");
    }
}

async fn many_channels_one_bus(b: Arc<dyn Bus>) {
    let mut subs = Vec::new();
    for i in 0..10 {
        subs.push(b.subscribe(&format!("multi:{i}")).await.unwrap());
    }
    for round in 0..3 {
        for i in (0..10).rev() {
            b.publish(&format!("multi:{i}"), &format!("{i}/{round}"))
                .await
                .unwrap();
        }
    }
    for (i, s) in subs.iter_mut().enumerate() {
        for round in 0..3 {
            assert_eq!(next(s).await, format!("{i}/{round}"));
        }
    }
    // Dropping half of them leaves the other half working.
    let kept: Vec<_> = subs
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .collect();
    for i in 0..10 {
        b.publish(&format!("multi:{i}"), "tail").await.unwrap();
    }
    for (i, mut s) in kept {
        assert_eq!(next(&mut s).await, "tail", "multi:{i}");
        nothing_more(&mut s, "kept subscriber").await;
    }
}

async fn strings(b: Arc<dyn Bus>) {
    assert_eq!(b.get("k").await.unwrap(), None);
    assert!(!b.exists("k").await.unwrap());
    b.set("k", "v", None).await.unwrap();
    assert_eq!(b.get("k").await.unwrap().as_deref(), Some("v"));
    assert!(b.exists("k").await.unwrap());
    b.set("k", "w", None).await.unwrap();
    assert_eq!(b.get("k").await.unwrap().as_deref(), Some("w"));
    assert!(b.del("k").await.unwrap());
    assert!(!b.del("k").await.unwrap());
    assert!(!b.exists("k").await.unwrap());
    assert_eq!(b.get("k").await.unwrap(), None);
    // Values are kept byte for byte.
    let odd = "  spaced ünïcödé\n{\"json\":true}  ";
    b.set("odd", odd, None).await.unwrap();
    assert_eq!(b.get("odd").await.unwrap().as_deref(), Some(odd));
    b.set("empty", "", None).await.unwrap();
    assert_eq!(b.get("empty").await.unwrap().as_deref(), Some(""));
    assert!(b.exists("empty").await.unwrap());
    // Keys that look like the seeds' keys are just keys.
    let key = bus::keys::user_flag("acc", "twitch", "42", bus::keys::UserFlag::Mod);
    b.set(&key, "1", None).await.unwrap();
    assert_eq!(b.get(&key).await.unwrap().as_deref(), Some("1"));
}

async fn set_nx(b: Arc<dyn Bus>) {
    assert!(b.set_nx("k", "first", None).await.unwrap());
    assert!(!b.set_nx("k", "second", None).await.unwrap());
    assert_eq!(b.get("k").await.unwrap().as_deref(), Some("first"));
    assert_eq!(b.ttl("k").await.unwrap(), Ttl::Persistent);
    // With a TTL.
    assert!(b
        .set_nx("cd", "1", Some(Duration::from_secs(30)))
        .await
        .unwrap());
    assert!(matches!(b.ttl("cd").await.unwrap(), Ttl::Expires(_)));
    assert!(!b
        .set_nx("cd", "2", Some(Duration::from_secs(30)))
        .await
        .unwrap());
    // Racing instances: exactly one wins the lock.
    let mut racers = Vec::new();
    for i in 0..16 {
        let b = b.clone();
        racers.push(tokio::spawn(async move {
            b.set_nx("lock", &format!("owner{i}"), Some(Duration::from_secs(30)))
                .await
                .unwrap()
        }));
    }
    let mut wins = 0;
    for r in racers {
        wins += usize::from(r.await.unwrap());
    }
    assert_eq!(wins, 1);
}

async fn ttl_expiry(b: Arc<dyn Bus>) {
    assert_eq!(b.ttl("none").await.unwrap(), Ttl::Missing);
    b.set("forever", "1", None).await.unwrap();
    assert_eq!(b.ttl("forever").await.unwrap(), Ttl::Persistent);

    b.set("short", "1", Some(Duration::from_millis(300)))
        .await
        .unwrap();
    match b.ttl("short").await.unwrap() {
        Ttl::Expires(d) => assert!(
            d <= Duration::from_millis(300) && d > Duration::ZERO,
            "{d:?}"
        ),
        other => panic!("expected a TTL, got {other:?}"),
    }
    assert_eq!(b.get("short").await.unwrap().as_deref(), Some("1"));
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(!b.exists("short").await.unwrap());
    assert_eq!(b.get("short").await.unwrap(), None);
    assert_eq!(b.ttl("short").await.unwrap(), Ttl::Missing);
    assert!(
        !b.del("short").await.unwrap(),
        "an expired key is not there"
    );
    // The key that had no TTL is still there.
    assert_eq!(b.get("forever").await.unwrap().as_deref(), Some("1"));

    // An expired key can be taken again with NX (a cooldown that ran out).
    b.set("cooldown", "1", Some(Duration::from_millis(300)))
        .await
        .unwrap();
    assert!(!b.set_nx("cooldown", "2", None).await.unwrap());
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(b.set_nx("cooldown", "2", None).await.unwrap());
    assert_eq!(b.get("cooldown").await.unwrap().as_deref(), Some("2"));
    assert_eq!(b.ttl("cooldown").await.unwrap(), Ttl::Persistent);

    // A plain SET replaces the value and drops the TTL.
    b.set("reset", "1", Some(Duration::from_millis(300)))
        .await
        .unwrap();
    b.set("reset", "2", None).await.unwrap();
    assert_eq!(b.ttl("reset").await.unwrap(), Ttl::Persistent);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(b.get("reset").await.unwrap().as_deref(), Some("2"));

    // Lists, sets and sorted sets expire too.
    b.list_push("l", &vs(&["a"])).await.unwrap();
    b.set_add("s", "a").await.unwrap();
    b.zadd("z", "a", 1.0).await.unwrap();
    for k in ["l", "s", "z"] {
        assert!(b.expire(k, Duration::from_millis(300)).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(b.list_len("l").await.unwrap(), 0);
    assert_eq!(
        b.list_range("l", 0, -1).await.unwrap(),
        Vec::<String>::new()
    );
    assert!(!b.set_contains("s", "a").await.unwrap());
    assert_eq!(b.set_members("s").await.unwrap(), Vec::<String>::new());
    assert!(b.zrange_by_score("z", 10.0, 10).await.unwrap().is_empty());
    // ... and come back fresh, without the old TTL.
    assert_eq!(b.list_push("l", &vs(&["b"])).await.unwrap(), 1);
    assert_eq!(b.ttl("l").await.unwrap(), Ttl::Persistent);
}

async fn expire(b: Arc<dyn Bus>) {
    assert!(!b.expire("missing", Duration::from_secs(1)).await.unwrap());
    assert_eq!(b.ttl("missing").await.unwrap(), Ttl::Missing);
    b.set("e", "1", None).await.unwrap();
    assert!(b.expire("e", Duration::from_secs(60)).await.unwrap());
    match b.ttl("e").await.unwrap() {
        Ttl::Expires(d) => assert!(d <= Duration::from_secs(60) && d > Duration::ZERO),
        other => panic!("expected a TTL, got {other:?}"),
    }
    // Shortening works, and the key is gone after it.
    assert!(b.expire("e", Duration::from_millis(300)).await.unwrap());
    match b.ttl("e").await.unwrap() {
        Ttl::Expires(d) => assert!(d <= Duration::from_millis(300), "{d:?}"),
        other => panic!("expected a TTL, got {other:?}"),
    }
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(!b.exists("e").await.unwrap());
    assert!(!b.expire("e", Duration::from_secs(1)).await.unwrap());
}

async fn counters(b: Arc<dyn Bus>) {
    assert_eq!(
        b.incr("c", 1).await.unwrap(),
        1,
        "a missing key counts from 0"
    );
    assert_eq!(b.incr("c", 5).await.unwrap(), 6);
    assert_eq!(b.incr("c", -10).await.unwrap(), -4);
    assert_eq!(b.get("c").await.unwrap().as_deref(), Some("-4"));
    assert_eq!(b.incr("neg", -3).await.unwrap(), -3);
    // A counter set as a string counts on.
    b.set("from-set", "41", None).await.unwrap();
    assert_eq!(b.incr("from-set", 1).await.unwrap(), 42);

    // incr keeps an existing TTL (a rate-limit window keeps its end).
    b.set("win", "0", Some(Duration::from_secs(60)))
        .await
        .unwrap();
    assert_eq!(b.incr("win", 1).await.unwrap(), 1);
    match b.ttl("win").await.unwrap() {
        Ttl::Expires(d) => assert!(d <= Duration::from_secs(60) && d > Duration::ZERO),
        other => panic!("incr dropped the TTL: {other:?}"),
    }
    b.set("short", "5", Some(Duration::from_millis(300)))
        .await
        .unwrap();
    assert_eq!(b.incr("short", 1).await.unwrap(), 6);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        b.incr("short", 1).await.unwrap(),
        1,
        "the expired counter starts over"
    );
    assert_eq!(b.ttl("short").await.unwrap(), Ttl::Persistent);

    // Not an integer, or overflowing: an error, and the value is unchanged.
    b.set("s", "abc", None).await.unwrap();
    assert!(matches!(b.incr("s", 1).await, Err(BusError::Other(_))));
    b.set("f", "1.5", None).await.unwrap();
    assert!(b.incr("f", 1).await.is_err());
    b.set("max", &i64::MAX.to_string(), None).await.unwrap();
    assert!(b.incr("max", 1).await.is_err());
    assert_eq!(
        b.get("max").await.unwrap(),
        Some(i64::MAX.to_string()),
        "unchanged"
    );

    // Concurrent increments all count.
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let b = b.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..50 {
                b.incr("par", 1).await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(b.get("par").await.unwrap().as_deref(), Some("400"));
}

async fn lists(b: Arc<dyn Bus>) {
    assert_eq!(b.list_len("l").await.unwrap(), 0);
    assert_eq!(
        b.list_range("l", 0, -1).await.unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(b.list_push("l", &vs(&["a", "b", "c"])).await.unwrap(), 3);
    assert_eq!(b.list_push("l", &vs(&["d", "e"])).await.unwrap(), 5);
    assert_eq!(b.list_push("l", &[]).await.unwrap(), 5, "pushing nothing");
    assert_eq!(b.list_len("l").await.unwrap(), 5);
    let all = vs(&["a", "b", "c", "d", "e"]);
    assert_eq!(b.list_range("l", 0, -1).await.unwrap(), all);
    // LRANGE semantics.
    let cases: &[(isize, isize, &[&str])] = &[
        (0, 0, &["a"]),
        (1, 2, &["b", "c"]),
        (-2, -1, &["d", "e"]),
        (-1, -1, &["e"]),
        (3, 100, &["d", "e"]),
        (-100, 1, &["a", "b"]),
        (-100, -100, &[]),
        (4, 2, &[]),
        (5, 10, &[]),
        (0, -6, &[]),
        (2, -2, &["c", "d"]),
    ];
    for (start, stop, want) in cases {
        assert_eq!(
            b.list_range("l", *start, *stop).await.unwrap(),
            vs(want),
            "LRANGE {start} {stop}"
        );
    }
    // LTRIM semantics.
    b.list_trim("l", 1, -2).await.unwrap();
    assert_eq!(
        b.list_range("l", 0, -1).await.unwrap(),
        vs(&["b", "c", "d"])
    );
    b.list_trim("l", -2, 100).await.unwrap();
    assert_eq!(b.list_range("l", 0, -1).await.unwrap(), vs(&["c", "d"]));
    b.list_trim("l", 0, -1).await.unwrap();
    assert_eq!(b.list_len("l").await.unwrap(), 2);
    b.list_trim("l", 5, 10).await.unwrap();
    assert_eq!(b.list_len("l").await.unwrap(), 0);
    assert!(!b.exists("l").await.unwrap(), "an emptied list is gone");
    b.list_trim("never", 0, 1).await.unwrap();

    // Keep-the-last-N, the way a capped log uses it.
    for i in 0..10 {
        b.list_push("capped", &[format!("{i}")]).await.unwrap();
        b.list_trim("capped", -3, -1).await.unwrap();
    }
    assert_eq!(
        b.list_range("capped", 0, -1).await.unwrap(),
        vs(&["7", "8", "9"])
    );
}

async fn list_move_order_and_batches(b: Arc<dyn Bus>) {
    assert_eq!(
        b.list_move("src", "dst", 5).await.unwrap(),
        Vec::<String>::new()
    );
    assert!(!b.exists("dst").await.unwrap());
    b.list_push("src", &vs(&["a", "b", "c", "d", "e"]))
        .await
        .unwrap();
    b.list_push("dst", &vs(&["x"])).await.unwrap();
    assert_eq!(
        b.list_move("src", "dst", 0).await.unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(b.list_move("src", "dst", 2).await.unwrap(), vs(&["a", "b"]));
    assert_eq!(
        b.list_range("src", 0, -1).await.unwrap(),
        vs(&["c", "d", "e"])
    );
    assert_eq!(
        b.list_range("dst", 0, -1).await.unwrap(),
        vs(&["x", "a", "b"])
    );
    // Asking for more than there is moves what there is, and the source is gone.
    assert_eq!(
        b.list_move("src", "dst", 100).await.unwrap(),
        vs(&["c", "d", "e"])
    );
    assert!(!b.exists("src").await.unwrap());
    assert_eq!(
        b.list_range("dst", 0, -1).await.unwrap(),
        vs(&["x", "a", "b", "c", "d", "e"])
    );
    // Moving within one list rotates it.
    assert_eq!(b.list_move("dst", "dst", 2).await.unwrap(), vs(&["x", "a"]));
    assert_eq!(
        b.list_range("dst", 0, -1).await.unwrap(),
        vs(&["b", "c", "d", "e", "x", "a"])
    );
    // A large move (Redis pushes it in runs of 1,000) keeps every item, in order.
    let many: Vec<String> = (0..2500).map(|i| format!("m{i:04}")).collect();
    b.list_push("big", &many).await.unwrap();
    assert_eq!(b.list_move("big", "dst", 2400).await.unwrap(), many[..2400]);
    assert_eq!(b.list_range("big", 0, -1).await.unwrap(), many[2400..]);
    let dst = b.list_range("dst", 0, -1).await.unwrap();
    assert_eq!(dst.len(), 6 + 2400);
    assert_eq!(dst[6..], many[..2400]);
}

async fn list_move_claims_each_item_once(b: Arc<dyn Bus>) {
    let items: Vec<String> = (0..1000).map(|i| format!("i{i:04}")).collect();
    for chunk in items.chunks(100) {
        b.list_push("src", chunk).await.unwrap();
    }
    let mut movers = Vec::new();
    for _ in 0..2 {
        let b = b.clone();
        movers.push(tokio::spawn(async move {
            let mut got = Vec::new();
            loop {
                let batch = b.list_move("src", "dst", 37).await.unwrap();
                if batch.is_empty() {
                    return got;
                }
                assert!(batch.len() <= 37);
                // A batch is a contiguous run of the list, in order.
                let mut sorted = batch.clone();
                sorted.sort();
                assert_eq!(batch, sorted);
                got.extend(batch);
                tokio::task::yield_now().await;
            }
        }));
    }
    let mut all = Vec::new();
    for m in movers {
        let got = m.await.unwrap();
        // Each mover's claims keep the list order.
        let mut sorted = got.clone();
        sorted.sort();
        assert_eq!(got, sorted);
        all.extend(got);
    }
    assert_eq!(all.len(), 1000, "no item claimed twice or lost");
    all.sort();
    assert_eq!(all, items, "every item claimed exactly once");
    assert_eq!(b.list_len("src").await.unwrap(), 0);
    assert_eq!(b.list_len("dst").await.unwrap(), 1000);
    let mut dst = b.list_range("dst", 0, -1).await.unwrap();
    dst.sort();
    let unique: HashSet<&String> = dst.iter().collect();
    assert_eq!(unique.len(), 1000);
    assert_eq!(dst, items);
}

async fn list_move_checks_types_before_moving(b: Arc<dyn Bus>) {
    b.list_push("src", &vs(&["a", "b"])).await.unwrap();
    b.set("str", "x", None).await.unwrap();
    assert!(matches!(
        b.list_move("src", "str", 2).await,
        Err(BusError::Other(_))
    ));
    assert_eq!(
        b.list_range("src", 0, -1).await.unwrap(),
        vs(&["a", "b"]),
        "nothing was lost"
    );
    assert_eq!(b.get("str").await.unwrap().as_deref(), Some("x"));
    assert!(b.list_move("str", "dst", 1).await.is_err());
    assert!(!b.exists("dst").await.unwrap());
}

async fn sets(b: Arc<dyn Bus>) {
    assert_eq!(b.set_members("s").await.unwrap(), Vec::<String>::new());
    assert!(!b.set_contains("s", "a").await.unwrap());
    assert!(!b.set_remove("s", "a").await.unwrap());
    for m in ["pear", "apple", "fig", "Banana"] {
        assert!(b.set_add("s", m).await.unwrap());
    }
    assert!(!b.set_add("s", "apple").await.unwrap());
    assert_eq!(
        b.set_members("s").await.unwrap(),
        vs(&["Banana", "apple", "fig", "pear"]),
        "sorted"
    );
    assert!(b.set_contains("s", "fig").await.unwrap());
    assert!(!b.set_contains("s", "Fig").await.unwrap());
    assert!(b.set_remove("s", "fig").await.unwrap());
    assert!(!b.set_remove("s", "fig").await.unwrap());
    for m in ["pear", "apple", "Banana"] {
        assert!(b.set_remove("s", m).await.unwrap());
    }
    assert_eq!(b.set_members("s").await.unwrap(), Vec::<String>::new());
    assert!(!b.exists("s").await.unwrap(), "an emptied set is gone");
}

async fn sorted_sets(b: Arc<dyn Bus>) {
    assert!(b.zrange_by_score("z", 1e18, 10).await.unwrap().is_empty());
    assert!(!b.zrem("z", "nobody").await.unwrap());
    b.zadd("z", "late", 300.0).await.unwrap();
    b.zadd("z", "early", 100.0).await.unwrap();
    b.zadd("z", "mid", 200.0).await.unwrap();
    b.zadd("z", "mid2", 200.0).await.unwrap();
    b.zadd("z", "frac", 150.25).await.unwrap();
    b.zadd("z", "neg", -5.0).await.unwrap();
    let due = b.zrange_by_score("z", 250.0, 10).await.unwrap();
    assert_eq!(
        due,
        vec![
            ("neg".to_string(), -5.0),
            ("early".to_string(), 100.0),
            ("frac".to_string(), 150.25),
            ("mid".to_string(), 200.0),
            ("mid2".to_string(), 200.0),
        ],
        "score <= max, ascending, ties by member"
    );
    assert_eq!(
        b.zrange_by_score("z", 100.0, 10).await.unwrap().len(),
        2,
        "max is inclusive"
    );
    assert_eq!(
        b.zrange_by_score("z", 1000.0, 2).await.unwrap(),
        vec![("neg".to_string(), -5.0), ("early".to_string(), 100.0)],
        "limit"
    );
    assert!(b.zrange_by_score("z", 1000.0, 0).await.unwrap().is_empty());
    assert!(b.zrange_by_score("z", -10.0, 10).await.unwrap().is_empty());
    // Re-adding moves a member (a rescheduled job).
    b.zadd("z", "early", 400.0).await.unwrap();
    assert_eq!(b.zrange_by_score("z", 250.0, 10).await.unwrap().len(), 4);
    // Epoch-millisecond scores survive exactly.
    let due_at = 1_767_225_600_123.0;
    b.zadd("z", "job", due_at).await.unwrap();
    let got = b.zrange_by_score("z", due_at, 100).await.unwrap();
    assert_eq!(got.last(), Some(&("job".to_string(), due_at)));
    assert!(b.zrem("z", "job").await.unwrap());
    assert!(!b.zrem("z", "job").await.unwrap());
}

async fn zrem_claims_once(b: Arc<dyn Bus>) {
    // Many instances see the same due jobs; each job is claimed by exactly one of them.
    for j in 0..20 {
        b.zadd("sched", &format!("job{j}"), f64::from(j))
            .await
            .unwrap();
    }
    let mut racers = Vec::new();
    for _ in 0..8 {
        let b = b.clone();
        racers.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            for (job, _) in b.zrange_by_score("sched", 100.0, 100).await.unwrap() {
                if b.zrem("sched", &job).await.unwrap() {
                    mine.push(job);
                }
            }
            mine
        }));
    }
    let mut claimed = Vec::new();
    for r in racers {
        claimed.extend(r.await.unwrap());
    }
    claimed.sort();
    let mut want: Vec<String> = (0..20).map(|j| format!("job{j}")).collect();
    want.sort();
    assert_eq!(claimed, want, "each job claimed exactly once");
    assert!(b
        .zrange_by_score("sched", 100.0, 100)
        .await
        .unwrap()
        .is_empty());
}

async fn wrong_type_is_an_error(b: Arc<dyn Bus>) {
    let other = |r: Result<_, BusError>| matches!(r, Err(BusError::Other(_)));
    b.list_push("list", &vs(&["x"])).await.unwrap();
    assert!(other(b.get("list").await.map(|_| ())));
    assert!(other(b.incr("list", 1).await.map(|_| ())));
    assert!(other(b.set_add("list", "x").await.map(|_| ())));
    assert!(other(b.set_members("list").await.map(|_| ())));
    assert!(other(b.zadd("list", "x", 1.0).await));
    assert!(other(b.zrange_by_score("list", 1.0, 1).await.map(|_| ())));
    b.set("str", "x", None).await.unwrap();
    assert!(other(b.list_push("str", &vs(&["y"])).await.map(|_| ())));
    assert!(other(b.list_range("str", 0, -1).await.map(|_| ())));
    assert!(other(b.list_len("str").await.map(|_| ())));
    assert!(other(b.list_trim("str", 0, 1).await));
    assert!(other(b.set_contains("str", "x").await.map(|_| ())));
    assert!(other(b.zrem("str", "x").await.map(|_| ())));
    // Nothing was changed by the failed calls, and the generic calls still work.
    assert_eq!(b.get("str").await.unwrap().as_deref(), Some("x"));
    assert_eq!(b.list_range("list", 0, -1).await.unwrap(), vs(&["x"]));
    assert!(b.exists("list").await.unwrap());
    assert_eq!(b.ttl("list").await.unwrap(), Ttl::Persistent);
    assert!(b.del("list").await.unwrap());
    // SET replaces a value of any type.
    b.set_add("set", "m").await.unwrap();
    b.set("set", "now a string", None).await.unwrap();
    assert_eq!(b.get("set").await.unwrap().as_deref(), Some("now a string"));
}

async fn a_slow_subscriber_is_told_it_lagged(b: Arc<dyn Bus>) {
    let mut slow = b.subscribe("flood").await.unwrap();
    let total = bus::SUBSCRIBER_BUFFER + 50;
    for i in 0..total {
        b.publish("flood", &format!("m{i}")).await.unwrap();
    }
    // The probe's message comes after the flood, so once it arrived the flood was delivered.
    let mut probe = b.subscribe("probe").await.unwrap();
    b.publish("flood", "after").await.unwrap();
    b.publish("probe", "done").await.unwrap();
    assert_eq!(next(&mut probe).await, "done");
    assert!(
        b.dropped_messages() >= 51,
        "dropped {}",
        b.dropped_messages()
    );
    // The first thing the slow subscriber sees is that it lagged; what it kept is in order:
    // the oldest messages, exactly as many as its queue holds.
    assert_eq!(next(&mut slow).await, bus::LAGGED);
    for i in 0..bus::SUBSCRIBER_BUFFER {
        assert_eq!(next(&mut slow).await, format!("m{i}"));
    }
    // Having caught up, it receives new messages again.
    b.publish("flood", "fresh").await.unwrap();
    assert_eq!(next(&mut slow).await, "fresh");
}

// ---- backend-specific ----------------------------------------------------------------

#[tokio::test]
async fn memory_dropping_a_subscription_frees_it() {
    let b = MemoryBus::new(&prefix());
    let s1 = b.subscribe("c").await.unwrap();
    let s2 = b.subscribe("c").await.unwrap();
    assert_eq!(b.subscribers("c"), 2);
    drop(s1);
    assert_eq!(b.subscribers("c"), 1);
    drop(s2);
    assert_eq!(b.subscribers("c"), 0);
}

#[tokio::test]
async fn memory_buses_do_not_share_state() {
    let a = MemoryBus::new("p:");
    let b = MemoryBus::new("p:");
    a.set("k", "v", None).await.unwrap();
    assert_eq!(b.get("k").await.unwrap(), None);
}

async fn raw_redis(url: &str) -> ::redis::aio::MultiplexedConnection {
    ::redis::Client::open(url)
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap()
}

async fn numsub(conn: &mut ::redis::aio::MultiplexedConnection, channel: &str) -> i64 {
    let (_, n): (String, i64) = ::redis::cmd("PUBSUB")
        .arg("NUMSUB")
        .arg(channel)
        .query_async(conn)
        .await
        .unwrap();
    n
}

/// Subscribers share one pub/sub connection, and the last one to go unsubscribes it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_subscriptions_share_a_connection_and_unsubscribe_on_drop() {
    let Some(url) = redis_url("redis_subscriptions_share_a_connection_and_unsubscribe_on_drop")
    else {
        return;
    };
    let p = prefix();
    let b = RedisBus::connect(&url, &p).await.unwrap();
    let mut raw = raw_redis(&url).await;
    let chan = format!("{p}c");
    let s1 = b.subscribe("c").await.unwrap();
    let s2 = b.subscribe("c").await.unwrap();
    let s3 = b.subscribe("other").await.unwrap();
    assert_eq!(numsub(&mut raw, &chan).await, 1, "one connection for both");
    assert_eq!(numsub(&mut raw, &format!("{p}other")).await, 1);
    drop(s1);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(numsub(&mut raw, &chan).await, 1, "s2 still listens");
    drop(s2);
    let mut n = 1;
    for _ in 0..50 {
        n = numsub(&mut raw, &chan).await;
        if n == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(n, 0, "the last subscriber's drop unsubscribed");
    assert_eq!(numsub(&mut raw, &format!("{p}other")).await, 1);
    drop(s3);
    // Dropping the bus closes its pub/sub connection.
    drop(b);
    let mut n = 1;
    for _ in 0..50 {
        n = numsub(&mut raw, &format!("{p}other")).await;
        if n == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(n, 0);
}

/// Keys and channels are stored under the prefix + the name, nothing else.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_names_are_prefix_plus_name() {
    let Some(url) = redis_url("redis_names_are_prefix_plus_name") else {
        return;
    };
    let p = prefix();
    let b = bus::connect(Some(&url), &p).await.unwrap();
    let mut raw = raw_redis(&url).await;
    let key = bus::keys::cmd_cooldown_global("acc", "dice");
    b.set(&key, "1", Some(Duration::from_secs(30)))
        .await
        .unwrap();
    let got: Option<String> = ::redis::cmd("GET")
        .arg(format!("{p}lumio:cmd_cd:acc:dice:global"))
        .query_async(&mut raw)
        .await
        .unwrap();
    assert_eq!(got.as_deref(), Some("1"));
    let pttl: i64 = ::redis::cmd("PTTL")
        .arg(format!("{p}{key}"))
        .query_async(&mut raw)
        .await
        .unwrap();
    assert!(pttl > 0 && pttl <= 30_000, "{pttl}");
    // Written by someone else under the prefixed name: seen by the bus.
    let _: () = ::redis::cmd("RPUSH")
        .arg(format!("{p}lumio:chat:buffer:7"))
        .arg("m")
        .query_async(&mut raw)
        .await
        .unwrap();
    assert_eq!(
        b.list_range(&bus::keys::chat_buffer(7), 0, -1)
            .await
            .unwrap(),
        vs(&["m"])
    );
    // Channels too.
    let mut sub = b.subscribe(&bus::keys::chat_events(7)).await.unwrap();
    let _: i64 = ::redis::cmd("PUBLISH")
        .arg(format!("{p}lumio:chat:events:7"))
        .arg("hello")
        .query_async(&mut raw)
        .await
        .unwrap();
    assert_eq!(next(&mut sub).await, "hello");
    // Another prefix sees none of it.
    let other = bus::connect(Some(&url), &prefix()).await.unwrap();
    assert!(!other.exists(&key).await.unwrap());
    let mut other_sub = other.subscribe(&bus::keys::chat_events(7)).await.unwrap();
    b.publish(&bus::keys::chat_events(7), "mine").await.unwrap();
    assert_eq!(next(&mut sub).await, "mine");
    nothing_more(&mut other_sub, "a bus with another prefix").await;
}

/// Two buses (two server instances) on one Redis: messages cross, claims are shared.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redis_two_instances_share_state_and_messages() {
    let Some(url) = redis_url("redis_two_instances_share_state_and_messages") else {
        return;
    };
    let p = prefix();
    let a = bus::connect(Some(&url), &p).await.unwrap();
    let b = bus::connect(Some(&url), &p).await.unwrap();
    let mut on_b = b.subscribe("events").await.unwrap();
    a.publish("events", "from a").await.unwrap();
    assert_eq!(next(&mut on_b).await, "from a");
    assert!(a.set_nx("lock", "a", None).await.unwrap());
    assert!(!b.set_nx("lock", "b", None).await.unwrap());
    a.zadd("z", "job", 1.0).await.unwrap();
    let (ra, rb) = tokio::join!(a.zrem("z", "job"), b.zrem("z", "job"));
    assert!(
        ra.unwrap() ^ rb.unwrap(),
        "exactly one instance claims the job"
    );
}

#[tokio::test]
async fn redis_that_does_not_answer_fails_fast_with_the_url() {
    let started = std::time::Instant::now();
    let err = match bus::connect(Some("redis://:s3cretpw@127.0.0.1:1"), "").await {
        Ok(_) => panic!("connected to nothing"),
        Err(e) => e,
    };
    assert!(matches!(err, BusError::Unavailable(_)), "{err:?}");
    let msg = err.to_string();
    assert!(msg.contains("127.0.0.1:1"), "{msg}");
    assert!(!msg.contains("s3cretpw"), "the password leaked: {msg}");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "did not fail fast"
    );
}

#[tokio::test]
async fn a_bad_redis_url_is_an_error_naming_it() {
    let err = match bus::connect(Some("not-a-url"), "").await {
        Ok(_) => panic!("connected to nothing"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("not-a-url"), "{err}");
}

async fn batches_run_in_order_and_answer_each(b: Arc<dyn Bus>) {
    assert_eq!(b.batch(Vec::new()).await.unwrap(), Vec::new());
    b.set("taken", "x", None).await.unwrap();
    let mut sub = b.subscribe("ch").await.unwrap();
    let s = |v: &str| v.to_string();
    let replies = b
        .batch(vec![
            BusOp::SetNx {
                key: s("fresh"),
                value: s("1"),
                ttl: Some(Duration::from_secs(30)),
            },
            BusOp::SetNx {
                key: s("taken"),
                value: s("y"),
                ttl: None,
            },
            BusOp::Get { key: s("taken") },
            BusOp::Get { key: s("missing") },
            BusOp::Set {
                key: s("plain"),
                value: s("v"),
                ttl: Some(Duration::from_secs(30)),
            },
            // Later commands see what earlier ones did.
            BusOp::Get { key: s("plain") },
            BusOp::SetAdd {
                key: s("set"),
                member: s("m"),
            },
            BusOp::SetAdd {
                key: s("set"),
                member: s("m"),
            },
            BusOp::ListPush {
                key: s("list"),
                values: vec![s("a"), s("b")],
            },
            BusOp::ListPush {
                key: s("list"),
                values: Vec::new(),
            },
            BusOp::Publish {
                channel: s("ch"),
                payload: s("hello"),
            },
            BusOp::Expire {
                key: s("set"),
                ttl: Duration::from_secs(30),
            },
            BusOp::Expire {
                key: s("missing"),
                ttl: Duration::from_secs(30),
            },
        ])
        .await
        .unwrap();
    assert_eq!(
        replies,
        vec![
            BusReply::Flag(true),
            BusReply::Flag(false),
            BusReply::Value(Some(s("x"))),
            BusReply::Value(None),
            BusReply::Done,
            BusReply::Value(Some(s("v"))),
            BusReply::Flag(true),
            BusReply::Flag(false),
            BusReply::Count(2),
            BusReply::Count(2),
            BusReply::Done,
            BusReply::Flag(true),
            BusReply::Flag(false),
        ]
    );
    assert!(matches!(b.ttl("set").await.unwrap(), Ttl::Expires(_)));
    assert!(matches!(b.ttl("fresh").await.unwrap(), Ttl::Expires(_)));
    assert!(matches!(b.ttl("plain").await.unwrap(), Ttl::Expires(_)));
    assert_eq!(b.get("taken").await.unwrap().as_deref(), Some("x"));
    assert_eq!(
        b.list_range("list", 0, -1).await.unwrap(),
        vec![s("a"), s("b")]
    );
    assert_eq!(next(&mut sub).await, "hello");
    // A command on a key of the wrong type fails the batch with an error, not a panic.
    let err = b
        .batch(vec![BusOp::ListPush {
            key: s("set"),
            values: vec![s("z")],
        }])
        .await;
    assert!(err.is_err(), "{err:?}");
}

fn push(seen: Option<(&str, &str)>, item: &str) -> PushOnce {
    PushOnce {
        seen: seen.map(|(k, v)| (k.to_string(), v.to_string(), Duration::from_secs(60))),
        list: "buffer".into(),
        item: item.into(),
        set: "pending".into(),
        member: "acct".into(),
        channel: "events".into(),
        payload: format!("event of {item}"),
    }
}

async fn push_once_sets_the_seen_key_and_pushes_in_one_step(b: Arc<dyn Bus>) {
    let mut sub = b.subscribe("events").await.unwrap();
    assert_eq!(
        b.push_once(push(Some(("seen:p1", "id-1")), "m1"))
            .await
            .unwrap(),
        PushOutcome::Pushed
    );
    assert_eq!(b.get("seen:p1").await.unwrap().as_deref(), Some("id-1"));
    assert!(
        matches!(b.ttl("seen:p1").await.unwrap(), Ttl::Expires(d) if d <= Duration::from_secs(60))
    );
    assert_eq!(b.list_range("buffer", 0, -1).await.unwrap(), vs(&["m1"]));
    assert!(b.set_contains("pending", "acct").await.unwrap());
    assert_eq!(next(&mut sub).await, "event of m1");
    // The same key again: nothing happens, and the first value is answered.
    assert_eq!(
        b.push_once(push(Some(("seen:p1", "id-2")), "m1 again"))
            .await
            .unwrap(),
        PushOutcome::Seen(Some("id-1".into()))
    );
    assert_eq!(b.list_range("buffer", 0, -1).await.unwrap(), vs(&["m1"]));
    nothing_more(&mut sub, "a duplicate publishes nothing").await;
    // Without a key it always pushes.
    for item in ["m2", "m3"] {
        assert_eq!(
            b.push_once(push(None, item)).await.unwrap(),
            PushOutcome::Pushed
        );
    }
    assert_eq!(
        b.list_range("buffer", 0, -1).await.unwrap(),
        vs(&["m1", "m2", "m3"])
    );
}

/// The failure that lost acknowledged messages: a seen key set for a message that was never
/// buffered. When the push cannot happen, the key must not be set either.
async fn push_once_is_all_or_nothing(b: Arc<dyn Bus>) {
    b.set("buffer", "not a list", None).await.unwrap();
    let r = b.push_once(push(Some(("seen:p2", "id-9")), "m")).await;
    assert!(r.is_err(), "{r:?}");
    assert_eq!(
        b.get("seen:p2").await.unwrap(),
        None,
        "a failed push leaves no seen key behind"
    );
    assert!(!b.set_contains("pending", "acct").await.unwrap());
    // Once the list can take it, the same message goes through.
    b.del("buffer").await.unwrap();
    assert_eq!(
        b.push_once(push(Some(("seen:p2", "id-9")), "m"))
            .await
            .unwrap(),
        PushOutcome::Pushed
    );
    assert_eq!(b.list_range("buffer", 0, -1).await.unwrap(), vs(&["m"]));
}

async fn push_once_under_concurrency_pushes_once(b: Arc<dyn Bus>) {
    let mut tasks = Vec::new();
    for i in 0..32 {
        let b = b.clone();
        tasks.push(tokio::spawn(async move {
            b.push_once(push(
                Some(("seen:race", &format!("id-{i}"))),
                &format!("m{i}"),
            ))
            .await
            .unwrap()
        }));
    }
    let mut pushed = Vec::new();
    let mut seen_values = HashSet::new();
    for (i, t) in tasks.into_iter().enumerate() {
        match t.await.unwrap() {
            PushOutcome::Pushed => pushed.push(i),
            PushOutcome::Seen(v) => {
                seen_values.insert(v.expect("the key's value"));
            }
        }
    }
    assert_eq!(pushed.len(), 1, "exactly one push wins");
    let winner = format!("id-{}", pushed[0]);
    assert!(
        seen_values.iter().all(|v| *v == winner),
        "every duplicate points at the pushed one: {seen_values:?} vs {winner}"
    );
    assert_eq!(
        b.list_range("buffer", 0, -1).await.unwrap(),
        vec![format!("m{}", pushed[0])]
    );
}

async fn footprint_counts_what_is_held(b: Arc<dyn Bus>) {
    let empty = b.footprint().await.unwrap();
    b.set("big", &"x".repeat(100_000), None).await.unwrap();
    let full = b.footprint().await.unwrap();
    assert!(full >= empty + 100_000, "{empty} → {full}");
    b.del("big").await.unwrap();
    assert!(b.footprint().await.unwrap() < 10_000);
}

/// The in-process bus removes expired keys by itself, not only when they are read: what a
/// burst of keys with a TTL held is given back once the TTL has passed (Redis does the same
/// with its own active expiry).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_memory_bus_expires_keys_nobody_reads() {
    let b = MemoryBus::new(&prefix());
    b.set("kept", "1", None).await.unwrap();
    for i in 0..20_000 {
        b.set(
            &format!("lumio:chat:seen:acc:twitch:{i}"),
            "id",
            Some(Duration::from_millis(200)),
        )
        .await
        .unwrap();
    }
    // Renewed before it expires: a key whose TTL moved is expired at its new time only.
    b.expire("lumio:chat:seen:acc:twitch:0", Duration::from_secs(600))
        .await
        .unwrap();
    assert_eq!(b.keys_held(), 20_001);
    // Nothing is read from here on; the expiry thread alone brings the count down.
    let mut held = b.keys_held();
    for _ in 0..100 {
        if held == 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        held = b.keys_held();
    }
    assert_eq!(held, 2, "expired keys left in memory");
    assert!(b.exists("kept").await.unwrap());
    assert!(b.exists("lumio:chat:seen:acc:twitch:0").await.unwrap());
}
