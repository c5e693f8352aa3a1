//! Batches: several operations in one round trip, in order, each answered.

#[allow(unused_imports)]
use super::*;

pub(crate) async fn batches_run_in_order_and_answer_each(b: Arc<dyn Bus>) {
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
