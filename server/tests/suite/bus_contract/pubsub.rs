//! Pub/sub: delivery, subscriptions active on return, many channels, a slow subscriber told it lagged.

#[allow(unused_imports)]
use super::*;

pub(crate) async fn publish_subscribe(b: Arc<dyn Bus>) {
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

pub(crate) async fn subscription_is_active_when_subscribe_returns(b: Arc<dyn Bus>) {
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

pub(crate) async fn many_channels_one_bus(b: Arc<dyn Bus>) {
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

pub(crate) async fn a_slow_subscriber_is_told_it_lagged(b: Arc<dyn Bus>) {
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
