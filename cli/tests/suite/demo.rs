//! `lumio demo` end to end in a pseudo-terminal (util-linux `script` provides it; the screen
//! is read back with a VT100 parser): chat from at least three platforms appears, a ban
//! given with keys reaches the server's moderation log, and `q` leaves cleanly; selecting
//! pauses the chat (`paused · N new`, N growing) until End goes back to live; a long message
//! wraps under its text with nothing cut.

#![allow(clippy::unwrap_used)]

use crate::common;

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

/// `lumio demo` in a pseudo-terminal of `rows`×`cols`: the child, its keyboard, its screen.
struct Pty {
    child: tokio::process::Child,
    keys: tokio::process::ChildStdin,
    screen: Arc<Mutex<vt100::Parser>>,
    port: u16,
    _config: tempfile::TempDir,
}

fn has_script() -> bool {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok()
    {
        return true;
    }
    assert!(
        std::env::var("CI").is_err(),
        "CI needs util-linux `script` for the pseudo-terminal tests"
    );
    eprintln!("SKIP: no `script` (util-linux) here");
    false
}

fn demo_in_pty(rows: u16, cols: u16, rate: u32) -> Pty {
    let port = free_port();
    let config = tempfile::tempdir().unwrap();
    let cmd = format!(
        "stty rows {rows} cols {cols}; exec {} demo --rate {rate} --bind 127.0.0.1:{port}",
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
    let keys = child.stdin.take().unwrap();
    let mut out = child.stdout.take().unwrap();
    let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
    {
        let screen = screen.clone();
        tokio::spawn(async move {
            let mut buf = [0u8; 8192];
            while let Ok(n) = out.read(&mut buf).await {
                if n == 0 {
                    break;
                }
                screen.lock().unwrap().process(&buf[..n]);
            }
        });
    }
    Pty {
        child,
        keys,
        screen,
        port,
        _config: config,
    }
}

impl Pty {
    async fn press(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).await.unwrap();
        self.keys.flush().await.unwrap();
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    async fn quit(mut self) {
        self.press("q").await;
        let status = tokio::time::timeout(Duration::from_secs(15), self.child.wait())
            .await
            .expect("lumio demo exits on q")
            .unwrap();
        assert!(status.success(), "{status}");
    }
}

/// The N of `paused · N new` on the status bar.
fn new_count(s: &str) -> Option<u64> {
    let after = s.split("paused · ").nth(1)?;
    after.split(' ').next()?.parse().ok()
}

/// Issue 16 items 1 and 2 in a real terminal: selecting pauses the chat and the status bar
/// counts what arrives (`paused · N new`), End goes back to live; a long message wraps with
/// a hanging indent and every word of it is on screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_pauses_counts_new_goes_live_and_wraps() {
    if !has_script() {
        return;
    }
    let mut pty = demo_in_pty(30, 72, 40);
    wait_for(&pty.screen, "chat and the live status", |s| {
        s.contains(" live ")
            && s.contains("msg/s")
            && s.lines().filter(|l| l.contains(": ")).count() > 5
    })
    .await;

    // k selects the newest message: paused, and the count grows while chat goes on.
    pty.press("k").await;
    let s = wait_for(&pty.screen, "paused · N new", |s| new_count(s).is_some()).await;
    let first = new_count(&s).unwrap();
    assert!(!s.contains(" live "), "paused is not live: {s}");
    let s = wait_for(&pty.screen, "more new messages", |s| {
        new_count(s).is_some_and(|n| n >= first + 5)
    })
    .await;
    assert!(s.contains("paused · "), "{s}");
    // End (as xterm sends it) goes back to live.
    pty.press("\x1b[F").await;
    wait_for(&pty.screen, "live again", |s| {
        s.contains(" live ") && new_count(s).is_none()
    })
    .await;
    // G too, after a pause.
    pty.press("k").await;
    wait_for(&pty.screen, "paused", |s| new_count(s).is_some()).await;
    pty.press("G").await;
    wait_for(&pty.screen, "live after G", |s| new_count(s).is_none()).await;

    // A long message from a chatter of our own, alone on screen through the filter.
    pty.press("/from:wrap_check\r").await;
    let http = reqwest::Client::new();
    let base = format!("http://127.0.0.1:{}", pty.port);
    let login: Value = http
        .post(format!("{base}/v1/auth/login"))
        .json(&json!({"username": "mod", "password": "lumio-mod"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let words: Vec<String> = (1..=30).map(|i| format!("word{i:02}")).collect();
    let text = format!(
        "{} https://example.com/a/very/long/path/that/cannot/fit/on/one/row/at/all end",
        words.join(" ")
    );
    let r = http
        .post(format!("{base}/v1/chat/message"))
        .bearer_auth(login["token"].as_str().unwrap())
        .json(
            &json!({"platform": "kick", "channel_name": "lumio-demo", "user_id": "4242",
            "username": "wrap_check", "message": text}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let s = wait_for(&pty.screen, "the long message", |s| {
        s.contains("wrap_check:")
    })
    .await;
    let rows: Vec<&str> = s.lines().map(|l| l.trim_start_matches('│')).collect();
    let at = rows.iter().position(|l| l.contains("wrap_check:")).unwrap();
    // In columns (the ✦ of a first message is one column, three bytes).
    let text_col = rows[at][..rows[at].find("word01").unwrap()].chars().count();
    let mut seen = String::new();
    for (i, row) in rows[at..].iter().enumerate() {
        let body = row.trim_end_matches([' ', '│']);
        if i > 0 {
            if body.trim().is_empty() {
                break;
            }
            let indent = body.len() - body.trim_start().len();
            assert_eq!(
                indent, text_col,
                "continuation rows start under the text: {s}"
            );
        }
        seen.extend(body.chars().skip(text_col));
        seen.push(' ');
    }
    assert!(rows[at..].len() > 3, "it wrapped: {s}");
    for w in &words {
        assert!(seen.contains(w.as_str()), "{w} is on screen: {s}");
    }
    let joined: String = seen.split_whitespace().collect();
    assert!(
        joined
            .contains("https://example.com/a/very/long/path/that/cannot/fit/on/one/row/at/allend"),
        "the URL is whole, broken only at the row's end: {s}"
    );
    pty.quit().await;
}

/// Issue 12 item 17: without a terminal, `lumio demo` says to use --no-tui, at once, on
/// one line, before it starts anything.
#[test]
fn demo_without_a_terminal_suggests_no_tui() {
    let config = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lumio"))
        .args(["demo", "--bind", "127.0.0.1:0"])
        .env("LUMIO_CONFIG_DIR", config.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("lumio demo --no-tui"), "{stderr}");
    assert!(
        out.stdout.is_empty(),
        "no server was started: {:?}",
        out.stdout
    );
}

/// Issue 12 item 17: the README lists every seeded user, and its examples name chatters the
/// demo's simulated chat has.
#[test]
fn the_readme_lists_every_seeded_user_and_uses_demo_names() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let seed = std::fs::read_to_string(format!("{root}/migrations/seeds/demo.toml")).unwrap();
    let simulator =
        std::fs::read_to_string(format!("{root}/server/src/platforms/simulator.rs")).unwrap();
    let seed: toml::Value = toml::from_str(&seed).unwrap();
    let users: Vec<&str> = seed["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert!(users.contains(&"janitor"), "{users:?}");
    for u in users {
        assert!(
            readme.contains(&format!("| `{u}` |")),
            "the README's table lacks {u}"
        );
    }
    // Every @name in a README example is a chatter of the simulated chat.
    let mut names = 0;
    for line in readme.lines().filter(|l| l.starts_with("lumio ")) {
        for word in line.split_whitespace().filter(|w| w.starts_with('@')) {
            let name = word
                .trim_start_matches('@')
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '_');
            let known = simulator.contains(&format!("\"{name}\""))
                || (name.starts_with("f0llow_b0t_") && simulator.contains("f0llow_b0t_"));
            assert!(
                known,
                "README example names @{name}, whom the demo never has: {line}"
            );
            names += 1;
        }
    }
    assert!(names >= 5, "the README's examples use demo names ({names})");
}

/// Issue 15 §7: `lumio demo --no-tui --platform-fake` runs against the fake Twitch; a ban
/// given with the real `lumio` binary reaches the fake through the delivery worker, and the
/// fake's EventSub echo marks it `confirmed` in `lumio mod log`. (The tests build `lumio`
/// with `platform-fake`: the crate dev-depends on itself with that feature.)
#[cfg(feature = "platform-fake")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_with_the_fake_twitch_confirms_a_ban() {
    use tokio::io::AsyncBufReadExt;

    let config = tempfile::tempdir().unwrap();
    let mut demo = tokio::process::Command::new(env!("CARGO_BIN_EXE_lumio"))
        .args([
            "demo",
            "--no-tui",
            "--platform-fake",
            "--rate",
            "10",
            "--bind",
            "127.0.0.1:0",
        ])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LUMIO_CONFIG_DIR", config.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    // The first line on stdout is the server's URL.
    let mut lines = tokio::io::BufReader::new(demo.stdout.take().unwrap()).lines();
    let url = tokio::time::timeout(Duration::from_secs(60), lines.next_line())
        .await
        .expect("the demo prints its URL")
        .unwrap()
        .expect("a URL line");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");

    let cli = common::Cli {
        server: url.clone(),
        config: tempfile::tempdir().unwrap(),
    };
    cli.login("mod").await;
    // The fake's `some_viewer` (id 400000004), a chatter of the fake's channel.
    let out = cli
        .ok(
            &[
                "mod",
                "ban",
                "twitch",
                "400000004",
                "--reason",
                "demo test",
                "--json",
            ],
            None,
        )
        .await;
    let result: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["delivery"], "queued_for_bot", "{result}");

    // Delivered by the worker, then confirmed by the fake's EventSub `channel.ban` echo.
    let mut last = Value::Null;
    for _ in 0..150 {
        let log: Value =
            serde_json::from_str(&cli.ok(&["mod", "log", "--json"], None).await).unwrap();
        last = log
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["platform_user_id"] == "400000004" && e["action"] == "ban")
            .cloned()
            .unwrap_or(Value::Null);
        if last["delivery_status"] == "confirmed" {
            break;
        }
        assert_ne!(last["delivery_status"], "failed", "{last}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(last["delivery_status"], "confirmed", "{last}");
    assert_eq!(last["reason"], "demo test");

    // Ctrl-C ends the demo cleanly.
    let pid = demo.id().unwrap().to_string();
    std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    let status = tokio::time::timeout(Duration::from_secs(20), demo.wait())
        .await
        .expect("the demo ends on Ctrl-C")
        .unwrap();
    assert!(status.success(), "{status}");
}
