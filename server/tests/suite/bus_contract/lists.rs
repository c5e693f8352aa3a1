//! Lists: push, range, the claim move (`LMOVE`) and the buffer push with its dedup key.

#[allow(unused_imports)]
use super::*;

pub(crate) async fn lists(b: Arc<dyn Bus>) {
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

pub(crate) async fn list_move_order_and_batches(b: Arc<dyn Bus>) {
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

pub(crate) async fn list_move_claims_each_item_once(b: Arc<dyn Bus>) {
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

pub(crate) async fn list_move_checks_types_before_moving(b: Arc<dyn Bus>) {
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

pub(crate) fn push(seen: Option<(&str, &str)>, item: &str) -> PushOnce {
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

pub(crate) async fn push_once_sets_the_seen_key_and_pushes_in_one_step(b: Arc<dyn Bus>) {
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
pub(crate) async fn push_once_is_all_or_nothing(b: Arc<dyn Bus>) {
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

pub(crate) async fn push_once_under_concurrency_pushes_once(b: Arc<dyn Bus>) {
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
