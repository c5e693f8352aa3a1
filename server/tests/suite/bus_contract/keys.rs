//! Strings, NX, TTLs and expiry, counters, type errors, the footprint.

#[allow(unused_imports)]
use super::*;

pub(crate) async fn ping(b: Arc<dyn Bus>) {
    b.ping().await.unwrap();
}

pub(crate) async fn strings(b: Arc<dyn Bus>) {
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

pub(crate) async fn set_nx(b: Arc<dyn Bus>) {
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

pub(crate) async fn ttl_expiry(b: Arc<dyn Bus>) {
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

pub(crate) async fn expire(b: Arc<dyn Bus>) {
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

pub(crate) async fn counters(b: Arc<dyn Bus>) {
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

pub(crate) async fn wrong_type_is_an_error(b: Arc<dyn Bus>) {
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

pub(crate) async fn footprint_counts_what_is_held(b: Arc<dyn Bus>) {
    let empty = b.footprint().await.unwrap();
    b.set("big", &"x".repeat(100_000), None).await.unwrap();
    let full = b.footprint().await.unwrap();
    assert!(full >= empty + 100_000, "{empty} → {full}");
    b.del("big").await.unwrap();
    assert!(b.footprint().await.unwrap() < 10_000);
}
