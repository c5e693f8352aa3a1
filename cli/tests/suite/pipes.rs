//! Issue 12 item 13: `lumio chat tail | head -3` panicked with "Broken pipe" (exit 101).
//! Every command that prints ends quietly, with exit 0, when the reader of its stdout goes
//! away — tested through real pipes into `head`, on SQLite and on PostgreSQL + Redis.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::process::Stdio;
use std::time::Duration;

use common::{message_line, Cli};
use lumio_server::testing::TestServer;

on_both!(a_closed_stdout_ends_every_command_quietly);

/// `bash -c "lumio ARGS | head -N"`: lumio's exit status (PIPESTATUS), stdout, stderr.
fn piped(cli: &Cli, args: &str, lines: usize) -> tokio::process::Command {
    let script =
        format!("\"$LUMIO\" {args} | head -{lines}; echo \"lumio exit ${{PIPESTATUS[0]}}\" >&2");
    let mut cmd = tokio::process::Command::new("bash");
    cmd.args(["-c", &script])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LUMIO", env!("CARGO_BIN_EXE_lumio"))
        .env("LUMIO_CONFIG_DIR", cli.config.path())
        .env("LUMIO_SERVER", &cli.server)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    cmd
}

fn check(what: &str, out: &std::process::Output, lines: usize) {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stdout.lines().count(), lines, "{what}: {stdout}");
    assert!(stderr.contains("lumio exit 0"), "{what}: {stderr}");
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert!(!stderr.contains("Broken pipe"), "{what}: {stderr}");
    assert!(
        !stderr.contains("lumio:"),
        "{what}: no error line: {stderr}"
    );
}

async fn a_closed_stdout_ends_every_command_quietly(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;

    // The live tail: head takes three lines and goes; the next event ends lumio quietly.
    let child = piped(&cli, "chat tail", 3).spawn().unwrap();
    let waiting = tokio::spawn(child.wait_with_output());
    let mut i = 0;
    while !waiting.is_finished() {
        assert!(i < 400, "the tail did not end after head went away");
        cli.ok(
            &["chat", "ingest", "-"],
            Some(&message_line("twitch", "piper", &format!("line {i}"))),
        )
        .await;
        i += 1;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let out = waiting.await.unwrap().unwrap();
    check("chat tail | head -3", &out, 3);

    // Commands that print more than a pipe holds (64 KiB) at once.
    let long = "x".repeat(200);
    let input: Vec<String> = (0..400)
        .map(|i| message_line("kick", "bulk", &format!("{i} {long}")))
        .collect();
    cli.ok(&["chat", "ingest", "-"], Some(&input.join("\n")))
        .await;
    for (args, lines) in [
        ("chat history -n 400", 1),
        ("chat history -n 400 --json", 2),
        ("completions bash", 1),
        ("completions zsh", 1),
    ] {
        let out = tokio::time::timeout(Duration::from_secs(30), piped(&cli, args, lines).output())
            .await
            .unwrap_or_else(|_| panic!("{args} hung"))
            .unwrap();
        check(args, &out, lines);
    }
}
