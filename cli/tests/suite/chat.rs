//! `lumio chat` end to end: ingest NDJSON with bad lines, history, count, a live tail that
//! resumes from its cursor and survives a server restart — on SQLite and on PostgreSQL +
//! Redis.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{front, message_line, uid, Cli};
use lumio_server::testing::TestServer;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};

on_both!(
    ingest_history_and_count,
    history_resolves_names_and_reads_times,
    tail_follows_and_resumes,
    tail_survives_a_server_restart
);

fn line(i: usize, platform: &str, user: &str) -> String {
    message_line(platform, user, &format!("msg {i}"))
}

async fn ingest_history_and_count(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let input = [
        line(1, "twitch", "alice"),
        "{\"platform\": ".to_string(),
        line(2, "myspace", "bob"),
        String::new(),
        line(3, "kick", "bob"),
        line(4, "twitch", "alice"),
    ]
    .join("\n");
    let dry = cli
        .run(&["chat", "ingest", "-", "--dry-run"], Some(&input))
        .await;
    assert_eq!(dry.code, 1, "{}", dry.stderr);
    assert_eq!(
        cli.ok(&["chat", "count"], None).await.trim(),
        "0",
        "dry run sends nothing"
    );

    let r = cli.run(&["chat", "ingest", "-"], Some(&input)).await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("line 2: malformed JSON"), "{}", r.stderr);
    assert!(
        r.stderr.contains("line 3: validation failed"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("myspace"), "{}", r.stderr);
    assert!(
        r.stderr.contains("ingested 3, duplicates 0, rejected 2"),
        "{}",
        r.stderr
    );

    assert_eq!(cli.ok(&["chat", "count"], None).await.trim(), "3");
    assert_eq!(
        cli.ok(&["chat", "count", "--user", "alice"], None)
            .await
            .trim(),
        "2"
    );

    let tsv = cli.ok(&["chat", "history"], None).await;
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 3, "{tsv}");
    assert_eq!(rows[0][4], "msg 4", "newest first: {tsv}");
    assert_eq!(rows[0][3], "alice");
    let json: Value = serde_json::from_str(
        &cli.ok(&["chat", "history", "--platform", "kick", "--json"], None)
            .await,
    )
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["username"], "bob");
    let two = cli.ok(&["chat", "history", "-n", "2"], None).await;
    assert_eq!(two.lines().count(), 2);
    let r = cli
        .run(&["chat", "history", "--cursor", "bogus"], None)
        .await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("cursor"), "{}", r.stderr);
}

async fn tail_follows_and_resumes(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let mut child = cli.spawn(&["chat", "tail", "--json", "--count", "3"], &[]);
    let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
    // Wait until the tail is connected: ingest until its first line arrives.
    let mut first = None;
    for i in 0..50 {
        cli.ok(&["chat", "ingest", "-"], Some(&line(i, "trovo", "tailer")))
            .await;
        if let Ok(Ok(Some(l))) =
            tokio::time::timeout(Duration::from_millis(200), out.next_line()).await
        {
            first = Some(l);
            break;
        }
    }
    let first: Value = serde_json::from_str(&first.expect("tail printed an event")).unwrap();
    assert_eq!(first["type"], "message");
    cli.ok(
        &["chat", "ingest", "-"],
        Some(&format!(
            "{}\n{}",
            line(100, "trovo", "x"),
            line(101, "trovo", "x")
        )),
    )
    .await;
    let mut got = Vec::new();
    while let Ok(Ok(Some(l))) = tokio::time::timeout(Duration::from_secs(10), out.next_line()).await
    {
        got.push(serde_json::from_str::<Value>(&l).unwrap());
    }
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "tail --count 3 exits by itself");
    assert_eq!(got.len(), 2);
    assert_eq!(got[1]["message"]["message"], "msg 101");

    // Resume from the first event's cursor: everything after it, once, in order.
    let cursor = first["cursor"].as_str().unwrap();
    let r = cli
        .run(
            &["chat", "tail", "--since", cursor, "--count", "2", "--json"],
            None,
        )
        .await;
    assert_eq!(r.code, 0, "{}", r.stderr);
    let replay: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(replay[0]["message"]["message"], "msg 100");
    assert_eq!(replay[1]["message"]["message"], "msg 101");

    // Human lines when not --json.
    let r = cli
        .run(&["chat", "tail", "--since", cursor, "--count", "1"], None)
        .await;
    assert!(r.stdout.contains("[trovo] x: msg 100"), "{}", r.stdout);
}

/// A front end on the test server's database and bus that the test can stop and start
/// again on the same port (the test server itself keeps running, for ingesting).
async fn tail_survives_a_server_restart(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, serving) = front(s, listener).await;
    // Another address is another host: its token is given for it (tokens stay per host).
    let token = cli.ok(&["auth", "token"], None).await.trim().to_string();
    let server = format!("http://{addr}");
    let mut child = cli.spawn(
        &["chat", "tail", "--json", "--count", "4"],
        &[("LUMIO_SERVER", &server), ("LUMIO_TOKEN", &token)],
    );
    let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut first = None;
    for i in 0..50 {
        cli.ok(&["chat", "ingest", "-"], Some(&line(i, "kick", "before")))
            .await;
        if let Ok(Ok(Some(l))) =
            tokio::time::timeout(Duration::from_millis(200), out.next_line()).await
        {
            first = Some(l);
            break;
        }
    }
    let first: Value = serde_json::from_str(&first.expect("tail printed an event")).unwrap();
    assert_eq!(first["type"], "message");

    // Stop the server under the tail: shutdown must not wait on the live socket.
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(10), serving)
        .await
        .expect("the server stops with a live WebSocket open")
        .unwrap()
        .unwrap();
    // Messages while it is down, then the server comes back on the same port.
    cli.ok(
        &["chat", "ingest", "-"],
        Some(&format!(
            "{}\n{}",
            line(200, "kick", "during"),
            line(201, "kick", "during")
        )),
    )
    .await;
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let (stop, serving) = front(s, listener).await;
    cli.ok(&["chat", "ingest", "-"], Some(&line(202, "kick", "after")))
        .await;

    let mut got = Vec::new();
    while let Ok(Ok(Some(l))) = tokio::time::timeout(Duration::from_secs(15), out.next_line()).await
    {
        got.push(serde_json::from_str::<Value>(&l).unwrap()["message"]["message"].clone());
    }
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .unwrap()
        .unwrap();
    let mut err = String::new();
    tokio::io::AsyncReadExt::read_to_string(&mut child.stderr.take().unwrap(), &mut err)
        .await
        .unwrap();
    assert!(status.success(), "{err}");
    // No gap and no duplicate across the restart.
    assert_eq!(got, ["msg 200", "msg 201", "msg 202"], "{err}");
    assert!(err.contains("reconnecting"), "{err}");
    stop.send(()).unwrap();
    serving.await.unwrap().unwrap();
}

/// Item 14 of issue 12: `--user @name` found nothing, `--from yesterday` was "Failed to
/// deserialize query string" with exit 1.
async fn history_resolves_names_and_reads_times(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let input = [
        line(1, "twitch", "kappa_king"),
        line(2, "kick", "chillguy"),
        line(3, "twitch", "kappa_king"),
    ]
    .join("\n");
    cli.ok(&["chat", "ingest", "-"], Some(&input)).await;

    // @name resolves as the mod commands do: the chatter's messages.
    for args in [
        vec!["chat", "history", "--user", "@kappa_king", "--json"],
        vec![
            "chat",
            "history",
            "--user",
            "@KAPPA_KING",
            "--platform",
            "twitch",
            "--json",
        ],
    ] {
        let v: Value = serde_json::from_str(&cli.ok(&args, None).await).unwrap();
        let texts: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["message"].as_str().unwrap())
            .collect();
        assert_eq!(texts, ["msg 3", "msg 1"], "{args:?}");
        assert_eq!(v[0]["user_id"], uid("twitch", "kappa_king").as_str());
    }
    let n = cli
        .ok(&["chat", "count", "--user", "@chillguy"], None)
        .await;
    assert_eq!(n.trim(), "1");
    // Nobody by that name: exit 5 with a hint; on a platform where they never chatted too.
    for args in [
        vec!["chat", "history", "--user", "@nobody"],
        vec![
            "chat",
            "history",
            "--user",
            "@chillguy",
            "--platform",
            "twitch",
        ],
    ] {
        let r = cli.run(&args, None).await;
        assert_eq!(r.code, 5, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("has been seen"), "{}", r.stderr);
        assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
    }

    // Times: RFC 3339, a date, or how long ago; anything else is exit 2 naming them.
    for from in ["2h", "30m", "2000-01-01", "2000-01-01T00:00:00Z"] {
        let out = cli.ok(&["chat", "count", "--from", from], None).await;
        assert_eq!(out.trim(), "3", "--from {from}");
    }
    let out = cli.ok(&["chat", "count", "--to", "1d"], None).await;
    assert_eq!(out.trim(), "0", "nothing is older than a day");
    for bad in ["yesterday", "soon", "2026-13-01"] {
        let r = cli.run(&["chat", "history", "--from", bad], None).await;
        assert_eq!(r.code, 2, "--from {bad}: {}", r.stderr);
        assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
        for format in ["RFC 3339", "a date", "2h"] {
            assert!(r.stderr.contains(format), "--from {bad}: {}", r.stderr);
        }
        assert!(!r.stderr.contains("deserialize"), "{}", r.stderr);
    }

    // `chat ingest --help` documents the fields of a line.
    let help = cli.ok(&["chat", "ingest", "--help"], None).await;
    for field in ["channel_name", "platform_message_id", "reply_to_message_id"] {
        assert!(help.contains(field), "ingest --help lacks {field}:\n{help}");
    }
    assert!(help.contains("UC + 22"), "the id rules: {help}");
}
