//! `lumio raid|poll|prediction` and `lumio chat send` end to end: the real binary, a real
//! server, and a fake Twitch Helix speaking the real protocol — on SQLite and on
//! PostgreSQL + Redis.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::Cli;
use lumio_server::testing::{point_twitch_at, TestOptions, TestServer};
use lumio_testkit::twitch::lite::FakeHelix;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    live_controls(TestOptions::sqlite(), "cli::live::sqlite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_redis() {
    live_controls(TestOptions::postgres_redis(), "cli::live::postgres_redis").await;
}

async fn live_controls(opts: TestOptions, name: &str) {
    let h = FakeHelix::start().await.unwrap();
    let Some(s) = TestServer::start_with(opts, name, |c| point_twitch_at(&h, c)).await else {
        return;
    };
    run(&s, &h).await;
    s.stop().await;
}

async fn run(s: &TestServer, h: &FakeHelix) {
    let owner = Cli::new(s);
    owner.login("owner").await;
    let m = Cli::new(s);
    m.login("mod").await;

    // Raid.
    h.set_raid_pending(true);
    let r = m.run(&["raid", "cancel"], None).await;
    assert_eq!(r.code, 4, "a moderator lacks chat:raid: {}", r.stderr);
    assert!(r.stderr.contains("chat:raid"), "{}", r.stderr);
    assert!(h.raid_pending());
    let out = owner.ok(&["raid", "cancel", "--json"], None).await;
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["cancelled"], true);
    assert!(!h.raid_pending());
    let r = owner.run(&["raid", "cancel"], None).await;
    assert_eq!(r.code, 5, "no raid left: {}", r.stderr);
    assert!(r.stderr.contains("pending raid"), "{}", r.stderr);

    // Poll: piped, one line per choice.
    h.add_poll("poll-9", "Best snack?");
    let out = owner.ok(&["poll", "end", "poll-9"], None).await;
    assert_eq!(out, "Yes\t12\nNo\t7\n");
    assert_eq!(h.poll("poll-9").unwrap()["status"], "TERMINATED");
    h.add_poll("poll-10", "Again?");
    let v: Value = serde_json::from_str(
        &owner
            .ok(&["poll", "end", "poll-10", "--archive", "--json"], None)
            .await,
    )
    .unwrap();
    assert_eq!(v["status"], "ARCHIVED");

    // Prediction: the CLI checks what the server would refuse, before asking it.
    h.add_prediction("pred-7", "Boss down?");
    let calls = h.calls().len();
    let r = owner
        .run(
            &["prediction", "end", "pred-7", "--status", "resolved"],
            None,
        )
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--winner"), "{}", r.stderr);
    let r = owner
        .run(
            &[
                "prediction",
                "end",
                "pred-7",
                "--status",
                "locked",
                "--winner",
                "x",
            ],
            None,
        )
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = owner
        .run(&["prediction", "end", "pred-7", "--status", "paused"], None)
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(h.calls().len(), calls, "nothing reached Twitch");
    let out = owner
        .ok(
            &[
                "prediction",
                "end",
                "pred-7",
                "--status",
                "resolved",
                "--winner",
                "pred-7-pink",
            ],
            None,
        )
        .await;
    assert_eq!(out, "Win\t3\t500\t\nLose\t2\t200\twon\n");
    assert_eq!(
        h.prediction("pred-7").unwrap()["winning_outcome_id"],
        "pred-7-pink"
    );

    // Sending.
    let v: Value = serde_json::from_str(
        &m.ok(
            &["chat", "send", "twitch", "hello from lumio", "--json"],
            None,
        )
        .await,
    )
    .unwrap();
    assert_eq!(v["delivery"], "sent");
    assert_eq!(h.sent()[0]["message"], "hello from lumio");
    let r = m
        .run(&["chat", "send", "kick", "-"], Some("from stdin\n"))
        .await;
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = m.run(&["chat", "send", "youtube", "hi"], None).await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("not supported"), "{}", r.stderr);

    // Twitch failing: exit 1 with Twitch's reason on one line.
    h.add_poll("poll-11", "x");
    h.set_failing(true);
    let r = owner.run(&["poll", "end", "poll-11"], None).await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("bad day"), "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
}
