//! Sets and sorted sets, and claims by removal.

#[allow(unused_imports)]
use super::*;

pub(crate) async fn sets(b: Arc<dyn Bus>) {
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

pub(crate) async fn sorted_sets(b: Arc<dyn Bus>) {
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

pub(crate) async fn zrem_claims_once(b: Arc<dyn Bus>) {
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
