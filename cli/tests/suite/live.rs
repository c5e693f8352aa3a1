//! `lumio raid|poll|prediction` and `lumio chat send` end to end: the real binary, a real
//! server, and the strict fake Twitch — on SQLite and on PostgreSQL + Redis. The channel is
//! connected with `lumio connect twitch --token-stdin` (the broadcaster for the live controls,
//! the bot to send), and lumio acts with those tokens.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::Cli;
use lumio_server::testing::{point_twitch_fake_at, TestOptions, TestServer};
use lumio_testkit::twitch::FakeTwitch;
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
    let h = FakeTwitch::start().await.unwrap();
    let Some(s) = TestServer::start_with(opts, name, |c| point_twitch_fake_at(&h, c)).await else {
        return;
    };
    run(&s, &h).await;
    s.stop().await;
}

async fn run(s: &TestServer, h: &FakeTwitch) {
    let owner = Cli::new(s);
    owner.login("owner").await;
    let m = Cli::new(s);
    m.login("mod").await;
    let b = h.broadcaster.id.clone();
    let b = b.as_str();

    // No Twitch connection yet: one line that says how to connect one.
    let r = owner.run(&["raid", "cancel"], None).await;
    assert_ne!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("lumio connect twitch"), "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);

    let live = [
        "channel:manage:raids",
        "channel:manage:polls",
        "channel:manage:predictions",
    ];
    owner.connect_twitch(h, b, "broadcaster", &live).await;
    let bot = h.bot.id.clone();
    owner
        .connect_twitch(h, &bot, "bot", &["user:bot", "user:write:chat"])
        .await;

    // Raid.
    h.set_raid_pending(b, true);
    let r = m.run(&["raid", "cancel"], None).await;
    assert_eq!(r.code, 4, "a moderator lacks chat:raid: {}", r.stderr);
    assert!(r.stderr.contains("chat:raid"), "{}", r.stderr);
    assert!(h.raid_pending(b));
    let out = owner.ok(&["raid", "cancel", "--json"], None).await;
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["cancelled"], true);
    assert!(!h.raid_pending(b));
    let r = owner.run(&["raid", "cancel"], None).await;
    assert_eq!(r.code, 5, "no raid left: {}", r.stderr);
    assert!(r.stderr.contains("pending raid"), "{}", r.stderr);

    // Poll: piped, one line per choice.
    h.add_poll(b, "poll-9", "Best snack?", &["Yes", "No"]);
    let out = owner.ok(&["poll", "end", "poll-9"], None).await;
    assert_eq!(out, "Yes\t0\nNo\t0\n");
    assert_eq!(h.poll(b, "poll-9").unwrap()["status"], "TERMINATED");
    h.add_poll(b, "poll-10", "Again?", &["Yes", "No"]);
    let v: Value = serde_json::from_str(
        &owner
            .ok(&["poll", "end", "poll-10", "--archive", "--json"], None)
            .await,
    )
    .unwrap();
    assert_eq!(v["status"], "ARCHIVED");

    // Prediction: the CLI checks what the server would refuse, before asking it.
    h.add_prediction(b, "pred-7", "Boss down?", &["Win", "Lose"]);
    let calls = h.helix_calls().len();
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
    assert_eq!(h.helix_calls().len(), calls, "nothing reached Twitch");
    let out = owner
        .ok(
            &[
                "prediction",
                "end",
                "pred-7",
                "--status",
                "resolved",
                "--winner",
                "pred-7-1",
            ],
            None,
        )
        .await;
    assert_eq!(out, "Win\t0\t0\t\nLose\t0\t0\twon\n");
    assert_eq!(
        h.prediction(b, "pred-7").unwrap()["winning_outcome_id"],
        "pred-7-1"
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
    assert_eq!(
        h.sent_messages(),
        vec![(b.to_string(), bot.clone(), "hello from lumio".to_string())]
    );
    let r = m
        .run(&["chat", "send", "kick", "-"], Some("from stdin\n"))
        .await;
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = m.run(&["chat", "send", "youtube", "hi"], None).await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("not supported"), "{}", r.stderr);

    // Twitch failing: exit 1 with Twitch's reason on one line.
    h.add_poll(b, "poll-11", "x", &["a", "b"]);
    h.fail_next_helix(Some("PATCH"), "/polls", 500, 1);
    let r = owner.run(&["poll", "end", "poll-11"], None).await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("told to fail"), "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
}
