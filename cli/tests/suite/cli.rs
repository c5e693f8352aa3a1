//! End to end: the real `lumio` binary against the real server on a free port, on SQLite
//! and on PostgreSQL + Redis, with a temporary config directory and no terminal.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::Cli;
use lumio_server::testing::TestServer;
use serde_json::Value;

on_both!(
    login_status_and_config_file,
    login_with_token,
    notes_round_trip_in_tsv_and_json,
    errors_have_their_exit_codes,
    output_shapes_for_pipes_json_and_odd_terminals,
);

async fn login_status_and_config_file(s: &TestServer) {
    let cli = Cli::new(s);
    // No terminal and no flags: exit 2 at once, naming the flags to use.
    let r = cli.run(&["auth", "login"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--password-stdin") && r.stderr.contains("--with-token"));
    assert_eq!(r.stderr.lines().count(), 1, "one line: {}", r.stderr);

    let r = cli.run(&["auth", "status"], None).await;
    assert_eq!(r.code, 3, "{}", r.stderr);

    cli.login("mod").await;
    let path = cli.config.path().join("config.toml");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "config file mode {mode:o}");
    }
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("token = \"lum_"), "{text}");
    assert!(text.contains("account = \"demo\""), "{text}");

    // Piped, auth status is all TSV: every line a key and its fields.
    let status = cli.ok(&["auth", "status"], None).await;
    let lines: Vec<Vec<&str>> = status.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(lines[0], ["server", s.url.as_str()], "{status}");
    assert_eq!(lines[1], ["user", "mod", "Milo Mod"], "{status}");
    assert_eq!(lines[2][..2], ["token", "session"], "{status}");
    assert_eq!(lines[2][3], "profile", "{status}");
    let account = lines.iter().find(|l| l[0] == "account").expect(&status);
    assert_eq!(account[1..3], ["demo", "moderator"], "{status}");
    assert!(account[3].contains("chat:notes"), "{status}");
    for l in &lines {
        assert!(
            l.len() >= 2 && ["server", "user", "token", "admin", "account"].contains(&l[0]),
            "not TSV: {l:?} in\n{status}"
        );
    }
    let json: Value =
        serde_json::from_str(&cli.ok(&["auth", "status", "--json"], None).await).unwrap();
    assert_eq!(json["me"]["user"]["username"], "mod");
    assert_eq!(json["token_source"], "profile");

    let token = cli.ok(&["auth", "token"], None).await;
    assert!(token.trim().starts_with("lum_"));

    cli.ok(&["auth", "logout"], None).await;
    assert_eq!(cli.run(&["auth", "token"], None).await.code, 3);
    // The token was revoked on the server too.
    let api = reqwest::Client::new();
    let resp = api
        .get(format!("{}/v1/auth/me", s.url))
        .bearer_auth(token.trim())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 401);
}

async fn login_with_token(s: &TestServer) {
    let cli = Cli::new(s);
    let login = common::post_json(
        &format!("{}/v1/auth/login", s.url),
        None,
        &serde_json::json!({"username": "owner", "password": "lumio-owner"}),
    )
    .await;
    let token = login["token"].as_str().unwrap();
    cli.ok(
        &["auth", "login", "--with-token"],
        Some(&format!("{token}\n")),
    )
    .await;
    let status = cli.ok(&["auth", "status"], None).await;
    assert!(status.contains("user\towner\tOlive Owner\n"), "{status}");
    let r = cli
        .run(&["auth", "login", "--with-token"], Some("lum_bogus\n"))
        .await;
    assert_eq!(r.code, 3, "{}", r.stderr);
}

async fn notes_round_trip_in_tsv_and_json(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let id = cli
        .ok(&["notes", "add", "twitch", "1234", "spams links"], None)
        .await;
    let id = id.trim().to_string();
    assert_eq!(id.len(), 36, "{id}");
    cli.ok(
        &["notes", "add", "twitch", "1234", "-"],
        Some("from stdin\twith a tab\n"),
    )
    .await;

    let tsv = cli.ok(&["notes", "list", "twitch", "1234"], None).await;
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "{tsv}");
    assert!(rows.iter().all(|r| r.len() == 4), "{tsv}");
    assert_eq!(rows[0][3], "from stdin with a tab");
    assert_eq!(rows[1][0], id);
    assert_eq!(rows[1][1], "Milo Mod");
    assert!(
        chrono::DateTime::parse_from_rfc3339(rows[1][2]).is_ok(),
        "{}",
        rows[1][2]
    );

    cli.ok(
        &[
            "notes",
            "edit",
            "twitch",
            "1234",
            &id,
            "spams links, warned",
        ],
        None,
    )
    .await;
    let json: Value = serde_json::from_str(
        &cli.ok(&["notes", "list", "twitch", "1234", "--json"], None)
            .await,
    )
    .unwrap();
    let notes = json.as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[1]["note"], "spams links, warned");
    assert_eq!(notes[1]["platform_user_id"], "1234");
    assert!(notes[1]["created_by_name"].is_string());

    // rm without a terminal needs --yes.
    let r = cli.run(&["notes", "rm", "twitch", "1234", &id], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    cli.ok(&["notes", "rm", "twitch", "1234", &id, "--yes"], None)
        .await;
    let tsv = cli.ok(&["notes", "list", "twitch", "1234"], None).await;
    assert_eq!(tsv.lines().count(), 1);
}

async fn errors_have_their_exit_codes(s: &TestServer) {
    let cli = Cli::new(s);
    // Wrong password: 3.
    let r = cli
        .run(
            &["auth", "login", "--username", "mod", "--password-stdin"],
            Some("nope\n"),
        )
        .await;
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.starts_with("lumio: "), "{}", r.stderr);

    // viewer adding a note: 4, naming the permission.
    cli.login("viewer").await;
    let r = cli.run(&["notes", "add", "twitch", "1", "x"], None).await;
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("chat:notes"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1);

    // An unknown note: 5.
    cli.login("mod").await;
    let r = cli
        .run(
            &[
                "notes",
                "rm",
                "twitch",
                "1",
                "01a20000-0000-7000-8000-000000000000",
                "--yes",
            ],
            None,
        )
        .await;
    assert_eq!(r.code, 5, "{}", r.stderr);

    // Bad usage: 2.
    let r = cli.run(&["notes", "add", "myspace", "1", "x"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = cli.run(&["notes", "frobnicate"], None).await;
    assert_eq!(r.code, 2);
    // Validation by the server: 1.
    let r = cli.run(&["notes", "add", "twitch", "1", "   "], None).await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("must not be empty"), "{}", r.stderr);

    // A server that is down: 1, with the URL (a token for it, or it would be 3).
    let r = cli
        .run_env(
            &[
                "--server",
                "http://127.0.0.1:9",
                "notes",
                "list",
                "twitch",
                "1",
            ],
            None,
            &[("LUMIO_TOKEN", "lum_for_that_host")],
        )
        .await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("http://127.0.0.1:9"), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"));

    // A base URL with /v1: exit 2, saying it must not include it.
    let with_v1 = format!("{}/v1", s.url);
    let r = cli
        .run(
            &["--server", &with_v1, "notes", "list", "twitch", "1"],
            None,
        )
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("must not include /v1"), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("use {}", s.url)), "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
}

/// Item 15 of issue 12: JSON arrays for lists, tables that survive a terminal reporting
/// width 0, times to the second.
async fn output_shapes_for_pipes_json_and_odd_terminals(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let note = "a note long enough that a squeezed column would break it over lines";
    cli.ok(&["notes", "add", "twitch", "1234", note], None)
        .await;
    cli.ok(&["mod", "ban", "twitch", "1234", "-r", "spam"], None)
        .await;
    for args in [
        ["notes", "list", "twitch", "1234", "--json"].as_slice(),
        ["mod", "log", "--json"].as_slice(),
        ["mod", "log", "twitch", "1234", "--json"].as_slice(),
        ["chat", "history", "--json"].as_slice(),
    ] {
        let v: Value = serde_json::from_str(&cli.ok(args, None).await).unwrap();
        assert!(v.is_array(), "{args:?} --json is an array: {v}");
    }
    // A terminal that reports 0 columns: still one line per row, headers over columns.
    for (forced, columns) in [("0", None), ("1", None), ("0", Some("0"))] {
        let mut env = vec![("LUMIO_FORCE_TTY", forced), ("NO_COLOR", "1")];
        if let Some(c) = columns {
            env.push(("COLUMNS", c));
        }
        let r = cli
            .run_env(&["notes", "list", "twitch", "1234"], None, &env)
            .await;
        assert_eq!(r.code, 0, "{}", r.stderr);
        let lines: Vec<&str> = r.stdout.lines().collect();
        if forced == "0" {
            assert_eq!(lines.len(), 2, "LUMIO_FORCE_TTY={forced}:\n{}", r.stdout);
            assert!(
                lines[0].trim_start().starts_with("ID") && lines[0].contains("NOTE"),
                "{}",
                r.stdout
            );
            assert!(lines[1].contains(note), "{}", r.stdout);
            // Times to the second.
            let created = lines[1]
                .split_whitespace()
                .skip(3)
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                chrono::NaiveDateTime::parse_from_str(&created, "%Y-%m-%d %H:%M:%S").is_ok(),
                "{created:?} in\n{}",
                r.stdout
            );
        } else {
            assert!(lines.len() > 2, "a real width of 1 wraps: {}", r.stdout);
        }
    }
    let r = cli
        .run_env(
            &["mod", "log"],
            None,
            &[("LUMIO_FORCE_TTY", "0"), ("NO_COLOR", "1")],
        )
        .await;
    let row = r.stdout.lines().nth(1).unwrap_or_default().to_string();
    assert!(row.contains("ban") && row.contains("spam"), "{}", r.stdout);
    let time = row.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
    assert!(
        chrono::NaiveDateTime::parse_from_str(&time, "%Y-%m-%d %H:%M:%S").is_ok(),
        "{time:?}: {}",
        r.stdout
    );
}

#[test]
fn help_reads_like_a_finished_tool() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lumio"))
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for word in [
        "auth",
        "notes",
        "completions",
        "Exit codes",
        "--json",
        "LUMIO_TOKEN",
    ] {
        assert!(text.contains(word), "--help lacks {word}:\n{text}");
    }
}
