//! The bus contract: the same cases against the in-process bus and Redis.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use lumio_server::bus::{self, Bus, Ttl};

async fn memory() -> Option<Arc<dyn Bus>> {
    Some(bus::connect(None, &prefix()).await.unwrap())
}

async fn redis(test: &str) -> Option<Arc<dyn Bus>> {
    let url = lumio_server::testing::redis_url(test)?;
    Some(bus::connect(Some(&url), &prefix()).await.unwrap())
}

fn prefix() -> String {
    format!("t-{}:", uuid::Uuid::new_v4().simple())
}

/// One `#[tokio::test]` per case and backend.
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
                    if let Some(b) = super::redis(concat!("bus::redis::", stringify!($case))).await {
                        super::$case(b).await;
                    }
                }
            )*
        }
    };
}

contract!(
    publish_subscribe,
    strings_and_ttl,
    counters,
    lists,
    list_move_claims_each_item_once,
    sets,
    sorted_sets_claim_once,
    wrong_type_is_an_error,
    a_slow_subscriber_is_told_it_lagged,
);

async fn next(sub: &mut bus::Subscription) -> String {
    tokio::time::timeout(Duration::from_secs(5), sub.next())
        .await
        .expect("a message within 5 s")
        .expect("subscription open")
}

async fn publish_subscribe(b: Arc<dyn Bus>) {
    let mut a1 = b.subscribe("chan:a").await.unwrap();
    let mut a2 = b.subscribe("chan:a").await.unwrap();
    let mut other = b.subscribe("chan:b").await.unwrap();
    for i in 0..100 {
        b.publish("chan:a", &format!("m{i}")).await.unwrap();
    }
    for i in 0..100 {
        assert_eq!(next(&mut a1).await, format!("m{i}"));
        assert_eq!(next(&mut a2).await, format!("m{i}"));
    }
    b.publish("chan:b", "only-b").await.unwrap();
    assert_eq!(next(&mut other).await, "only-b");
    // Dropping one subscriber leaves the other subscribed.
    drop(a1);
    b.publish("chan:a", "after-drop").await.unwrap();
    assert_eq!(next(&mut a2).await, "after-drop");
    assert!(
        tokio::time::timeout(Duration::from_millis(200), other.next())
            .await
            .is_err(),
        "chan:b got a chan:a message"
    );
    // Resubscribing after every subscriber left works.
    drop(a2);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let mut again = b.subscribe("chan:a").await.unwrap();
    b.publish("chan:a", "again").await.unwrap();
    assert_eq!(next(&mut again).await, "again");
}

async fn strings_and_ttl(b: Arc<dyn Bus>) {
    assert_eq!(b.get("k").await.unwrap(), None);
    assert_eq!(b.ttl("k").await.unwrap(), Ttl::Missing);
    b.set("k", "v", None).await.unwrap();
    assert_eq!(b.get("k").await.unwrap().as_deref(), Some("v"));
    assert_eq!(b.ttl("k").await.unwrap(), Ttl::Persistent);
    assert!(b.exists("k").await.unwrap());
    assert!(!b.set_nx("k", "w", None).await.unwrap());
    assert_eq!(b.get("k").await.unwrap().as_deref(), Some("v"));
    assert!(b.del("k").await.unwrap());
    assert!(!b.del("k").await.unwrap());
    assert!(b.set_nx("k", "w", None).await.unwrap());

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
    assert!(b.exists("short").await.unwrap());
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert!(!b.exists("short").await.unwrap());
    assert_eq!(b.get("short").await.unwrap(), None);
    assert_eq!(b.ttl("short").await.unwrap(), Ttl::Missing);
    // An expired key can be set again with NX.
    b.set("nx", "1", Some(Duration::from_millis(200)))
        .await
        .unwrap();
    assert!(!b.set_nx("nx", "2", None).await.unwrap());
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(b.set_nx("nx", "2", None).await.unwrap());

    assert!(!b.expire("missing", Duration::from_secs(1)).await.unwrap());
    b.set("e", "1", None).await.unwrap();
    assert!(b.expire("e", Duration::from_millis(200)).await.unwrap());
    assert!(matches!(b.ttl("e").await.unwrap(), Ttl::Expires(_)));
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(!b.exists("e").await.unwrap());
}

async fn counters(b: Arc<dyn Bus>) {
    assert_eq!(b.incr("c", 1).await.unwrap(), 1);
    assert_eq!(b.incr("c", 5).await.unwrap(), 6);
    assert_eq!(b.incr("c", -2).await.unwrap(), 4);
    b.expire("c", Duration::from_secs(60)).await.unwrap();
    assert_eq!(b.incr("c", 1).await.unwrap(), 5);
    assert!(
        matches!(b.ttl("c").await.unwrap(), Ttl::Expires(_)),
        "incr keeps the TTL"
    );
    b.set("s", "abc", None).await.unwrap();
    assert!(b.incr("s", 1).await.is_err());
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
    let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(b.list_len("l").await.unwrap(), 0);
    assert_eq!(
        b.list_range("l", 0, -1).await.unwrap(),
        Vec::<String>::new()
    );
    assert_eq!(b.list_push("l", &v(&["a", "b", "c"])).await.unwrap(), 3);
    assert_eq!(b.list_push("l", &v(&["d", "e"])).await.unwrap(), 5);
    assert_eq!(
        b.list_range("l", 0, -1).await.unwrap(),
        v(&["a", "b", "c", "d", "e"])
    );
    assert_eq!(b.list_range("l", 1, 2).await.unwrap(), v(&["b", "c"]));
    assert_eq!(b.list_range("l", -2, -1).await.unwrap(), v(&["d", "e"]));
    assert_eq!(b.list_range("l", 3, 100).await.unwrap(), v(&["d", "e"]));
    assert_eq!(b.list_range("l", 4, 2).await.unwrap(), Vec::<String>::new());
    b.list_trim("l", 1, -2).await.unwrap();
    assert_eq!(b.list_range("l", 0, -1).await.unwrap(), v(&["b", "c", "d"]));
    b.list_trim("l", 5, 10).await.unwrap();
    assert_eq!(b.list_len("l").await.unwrap(), 0);
    assert!(!b.exists("l").await.unwrap(), "an emptied list is gone");
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
                got.extend(batch);
            }
        }));
    }
    let mut all = Vec::new();
    let mut sizes = Vec::new();
    for m in movers {
        let got = m.await.unwrap();
        // Each mover's batches keep the list order.
        let mut sorted = got.clone();
        sorted.sort();
        assert_eq!(got, sorted);
        sizes.push(got.len());
        all.extend(got);
    }
    all.sort();
    assert_eq!(all, items, "every item claimed exactly once");
    assert_eq!(b.list_len("src").await.unwrap(), 0);
    assert_eq!(b.list_len("dst").await.unwrap(), 1000);
    assert_eq!(
        b.list_move("src", "dst", 10).await.unwrap(),
        Vec::<String>::new()
    );
    let _ = sizes;
}

async fn sets(b: Arc<dyn Bus>) {
    assert!(b.set_add("s", "b").await.unwrap());
    assert!(b.set_add("s", "a").await.unwrap());
    assert!(!b.set_add("s", "a").await.unwrap());
    assert_eq!(
        b.set_members("s").await.unwrap(),
        vec!["a".to_string(), "b".to_string()]
    );
    assert!(b.set_contains("s", "a").await.unwrap());
    assert!(!b.set_contains("s", "z").await.unwrap());
    assert!(b.set_remove("s", "a").await.unwrap());
    assert!(!b.set_remove("s", "a").await.unwrap());
    assert!(b.set_remove("s", "b").await.unwrap());
    assert_eq!(b.set_members("s").await.unwrap(), Vec::<String>::new());
}

async fn sorted_sets_claim_once(b: Arc<dyn Bus>) {
    b.zadd("z", "late", 300.0).await.unwrap();
    b.zadd("z", "early", 100.0).await.unwrap();
    b.zadd("z", "mid", 200.0).await.unwrap();
    let due = b.zrange_by_score("z", 250.0, 10).await.unwrap();
    assert_eq!(
        due,
        vec![("early".to_string(), 100.0), ("mid".to_string(), 200.0)]
    );
    assert_eq!(b.zrange_by_score("z", 1000.0, 1).await.unwrap().len(), 1);
    b.zadd("z", "early", 400.0).await.unwrap();
    assert_eq!(b.zrange_by_score("z", 250.0, 10).await.unwrap()[0].0, "mid");
    // Many instances racing to claim the same due job: exactly one wins.
    let mut racers = Vec::new();
    for _ in 0..16 {
        let b = b.clone();
        racers.push(tokio::spawn(
            async move { b.zrem("z", "mid").await.unwrap() },
        ));
    }
    let mut wins = 0;
    for r in racers {
        if r.await.unwrap() {
            wins += 1;
        }
    }
    assert_eq!(wins, 1);
}

async fn a_slow_subscriber_is_told_it_lagged(b: Arc<dyn Bus>) {
    let mut slow = b.subscribe("flood").await.unwrap();
    let total = bus::SUBSCRIBER_BUFFER + 50;
    for i in 0..total {
        b.publish("flood", &format!("m{i}")).await.unwrap();
    }
    // Give the Redis fan-out a moment to receive the whole flood.
    let mut fast = b.subscribe("probe").await.unwrap();
    b.publish("flood", "after").await.unwrap();
    b.publish("probe", "done").await.unwrap();
    assert_eq!(next(&mut fast).await, "done");
    // The first thing the slow subscriber sees is that it lagged; what it kept is in order.
    assert_eq!(next(&mut slow).await, bus::LAGGED);
    assert_eq!(next(&mut slow).await, "m0");
    assert_eq!(next(&mut slow).await, "m1");
}

async fn wrong_type_is_an_error(b: Arc<dyn Bus>) {
    b.list_push("list", &["x".to_string()]).await.unwrap();
    assert!(b.get("list").await.is_err());
    assert!(b.set_add("list", "x").await.is_err());
    b.set("str", "x", None).await.unwrap();
    assert!(b.list_push("str", &["y".to_string()]).await.is_err());
    assert!(b.list_move("str", "dst", 1).await.is_err());
}

#[tokio::test]
async fn redis_that_does_not_answer_fails_fast_with_the_url() {
    let started = std::time::Instant::now();
    let err = match bus::connect(Some("redis://127.0.0.1:1"), "").await {
        Ok(_) => panic!("connected to nothing"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("redis://127.0.0.1:1"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(15));
}
