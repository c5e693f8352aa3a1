//! What only one backend has: the in-process bus's subscriptions and expiry, Redis's shared
//! connection, key names, instances, and failures to connect.

#[allow(unused_imports)]
use super::*;

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

pub(crate) async fn raw_redis(url: &str) -> ::redis::aio::MultiplexedConnection {
    ::redis::Client::open(url)
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap()
}

pub(crate) async fn numsub(conn: &mut ::redis::aio::MultiplexedConnection, channel: &str) -> i64 {
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
