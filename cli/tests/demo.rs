//! `lumio demo` end to end in a pseudo-terminal (util-linux `script` provides it; the screen
//! is read back with a VT100 parser): chat from at least three platforms appears, a ban
//! given with keys reaches the server's moderation log, and `q` leaves cleanly.

#![allow(clippy::unwrap_used)]

use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn wait_for(
    screen: &Arc<Mutex<vt100::Parser>>,
    what: &str,
    ok: impl Fn(&str) -> bool,
) -> String {
    for _ in 0..200 {
        let s = screen.lock().unwrap().screen().contents();
        if ok(&s) {
            return s;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!(
        "timed out waiting for {what}; the screen:\n{}",
        screen.lock().unwrap().screen().contents()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_in_a_terminal_bans_with_keys() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        assert!(
            std::env::var("CI").is_err(),
            "CI needs util-linux `script` for this test"
        );
        eprintln!("SKIP demo_in_a_terminal_bans_with_keys: no `script` (util-linux) here");
        return;
    }
    let port = free_port();
    let config = tempfile::tempdir().unwrap();
    let cmd = format!(
        "stty rows 30 cols 110; exec {} demo --rate 60 --bind 127.0.0.1:{port}",
        env!("CARGO_BIN_EXE_lumio")
    );
    let mut child = tokio::process::Command::new("script")
        .args(["-qfec", &cmd, "/dev/null"])
        .env("LUMIO_CONFIG_DIR", config.path())
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut keys = child.stdin.take().unwrap();
    let mut out = child.stdout.take().unwrap();
    let screen = Arc::new(Mutex::new(vt100::Parser::new(30, 110, 0)));
    let reader = {
        let screen = screen.clone();
        tokio::spawn(async move {
            let mut buf = [0u8; 8192];
            while let Ok(n) = out.read(&mut buf).await {
                if n == 0 {
                    break;
                }
                screen.lock().unwrap().process(&buf[..n]);
            }
        })
    };

    // Chat from at least three platforms.
    wait_for(&screen, "messages from three platforms", |s| {
        ["TW ", "YT ", "KI ", "TR ", "DC "]
            .iter()
            .filter(|b| s.lines().any(|l| l.trim_start_matches('│').starts_with(*b)))
            .count()
            >= 3
    })
    .await;
    // The demo seed connects every platform with its bot enabled.
    let s = wait_for(&screen, "the status bar with the bots", |s| {
        let bot = |p: &str| s.contains(&format!("{p}✓")) || s.contains(&format!("{p}●✓"));
        s.contains("live") && s.contains("msg/s") && bot("TW") && bot("DC")
    })
    .await;
    assert!(s.contains(&format!("127.0.0.1:{port}")), "{s}");

    // Select the newest message, ban its author, confirm.
    for k in ["k", "b"] {
        keys.write_all(k.as_bytes()).await.unwrap();
        keys.flush().await.unwrap();
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let s = wait_for(&screen, "the ban question", |s| s.contains("? y/n")).await;
    let question = s.lines().find(|l| l.contains("? y/n")).unwrap().to_string();
    let who = question
        .trim()
        .strip_prefix("Ban ")
        .and_then(|q| q.split(" on ").next())
        .unwrap()
        .to_string();
    keys.write_all(b"y").await.unwrap();
    keys.flush().await.unwrap();
    wait_for(&screen, "the ban's result", |s| {
        s.contains(&format!("banned {who}"))
    })
    .await;

    // The server has it in the account's moderation log.
    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{port}");
    let login: Value = http
        .post(format!("{base}/v1/auth/login"))
        .json(&json!({"username": "mod", "password": "lumio-mod"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let log: Value = http
        .get(format!("{base}/v1/chat/moderation-log"))
        .bearer_auth(login["token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let ban = log["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "ban")
        .unwrap_or_else(|| panic!("a ban in {log}"));
    assert_eq!(ban["moderator_name"], "Milo Mod");
    assert_eq!(
        ban["target_username"].as_str().unwrap().to_lowercase(),
        who.to_lowercase()
    );

    // q quits, restores the terminal and stops the embedded server.
    keys.write_all(b"q").await.unwrap();
    keys.flush().await.unwrap();
    let status = tokio::time::timeout(Duration::from_secs(15), child.wait())
        .await
        .expect("lumio demo exits on q")
        .unwrap();
    assert!(status.success(), "{status}");
    let _ = reader.await;
    assert!(
        http.get(format!("{base}/healthz")).send().await.is_err(),
        "the embedded server is gone"
    );
}
