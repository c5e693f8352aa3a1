//! `lumio chat` end to end: ingest NDJSON with bad lines, history, count, a live tail that
//! resumes from its cursor and survives a server restart — on SQLite and on PostgreSQL +
//! Redis.

#![allow(clippy::unwrap_used)]

mod common;

use std::process::Stdio;
use std::time::Duration;

use common::{front, Cli};
use lumio_server::testing::TestServer;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};

on_both!(
    ingest_history_and_count,
    tail_follows_and_resumes,
    tail_survives_a_server_restart
);

fn line(i: usize, platform: &str, user: &str) -> String {
    format!(
        "{{\"platform\":\"{platform}\",\"channel_name\":\"c\",\"user_id\":\"id-{user}\",\"username\":\"{user}\",\"message\":\"msg {i}\"}}"
    )
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
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_lumio"))
        .args(["chat", "tail", "--json", "--count", "3"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LUMIO_CONFIG_DIR", cli.config.path())
        .env("LUMIO_SERVER", &cli.server)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
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
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_lumio"))
        .args(["chat", "tail", "--json", "--count", "4"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LUMIO_CONFIG_DIR", cli.config.path())
        .env("LUMIO_SERVER", format!("http://{addr}"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
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
