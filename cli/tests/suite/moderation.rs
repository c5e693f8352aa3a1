//! `lumio mod` and `lumio user` end to end against a real server, on SQLite and on
//! PostgreSQL + Redis: single actions and the log, permissions as exit codes, bad durations,
//! ids checked per platform and bare names resolved, a bulk file with good and bad rows, a
//! dry run that changes nothing, a second run that does no harm, rows of one chatter in file
//! order at any concurrency, and the profile card.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::{message_line, post_json, uid, Cli};
use lumio_server::testing::TestServer;
use serde_json::Value;

on_both!(
    single_actions_reach_the_log,
    permissions_and_bad_input_are_exit_codes,
    a_bare_name_is_a_username_never_a_made_up_id,
    bulk_files_apply_good_rows_and_report_bad_ones,
    bulk_rows_of_one_chatter_run_in_file_order,
    user_show_prints_the_profile
);

async fn chat(cli: &Cli, lines: &[(&str, &str, &str)]) {
    let input: Vec<String> = lines
        .iter()
        .map(|(platform, user, text)| message_line(platform, user, text))
        .collect();
    cli.ok(&["chat", "ingest", "-"], Some(&input.join("\n")))
        .await;
}

/// The actions of `mod log --json`, which is an array of entries.
fn log_actions(json: &str) -> Vec<String> {
    let v: Value = serde_json::from_str(json).unwrap();
    v.as_array()
        .unwrap_or_else(|| panic!("mod log --json is an array: {json}"))
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect()
}

async fn single_actions_reach_the_log(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    chat(
        &cli,
        &[("twitch", "alice", "hello"), ("twitch", "alice", "BUY NOW")],
    )
    .await;

    let id = cli
        .ok(
            &[
                "mod",
                "timeout",
                "twitch",
                "@alice",
                "--duration",
                "10m",
                "-r",
                "caps",
            ],
            None,
        )
        .await;
    assert_eq!(id.trim().len(), 36, "piped: the log entry id: {id}");
    let alice = uid("twitch", "alice");
    let r: Value = serde_json::from_str(
        &cli.ok(&["mod", "ban", "twitch", &alice, "--json"], None)
            .await,
    )
    .unwrap();
    assert_eq!(r["action"], "ban");
    assert_eq!(r["platform_user_id"], alice.as_str());
    assert_eq!(r["delivery"], "queued_for_bot");
    cli.ok(&["mod", "unban", "twitch", "@Alice"], None).await;

    let history: Value = serde_json::from_str(
        &cli.ok(&["chat", "history", "--json", "--include-deleted"], None)
            .await,
    )
    .unwrap();
    let msgs = history.as_array().unwrap();
    let newest = msgs[0]["id"].as_str().unwrap();
    let del = cli.run(&["mod", "delete", "twitch", newest], None).await;
    assert_eq!(del.code, 0, "{}", del.stderr);

    let log = cli
        .ok(&["mod", "log", "twitch", "@alice", "--json"], None)
        .await;
    assert_eq!(
        log_actions(&log),
        ["delete", "unban", "ban", "timeout"],
        "{log}"
    );
    // Piped, the log is tab-separated rows without headers.
    let tsv = cli.ok(&["mod", "log", "twitch", &alice], None).await;
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4, "{tsv}");
    assert_eq!(rows[3][1], "timeout");
    assert_eq!(rows[3][4], "10m");
    assert_eq!(rows[3][5], "Milo Mod");
    assert_eq!(rows[3][6], "caps");
    // The whole account's log, one page at a time; --json is an array, like every list.
    let page = cli
        .ok(
            &["mod", "log", "--limit", "2", "--page", "2", "--json"],
            None,
        )
        .await;
    assert_eq!(log_actions(&page), ["ban", "timeout"]);

    cli.ok(
        &["mod", "treatment", "twitch", "@alice", "restricted"],
        None,
    )
    .await;
    let card: Value = serde_json::from_str(
        &cli.ok(&["user", "show", "twitch", "@alice", "--json"], None)
            .await,
    )
    .unwrap();
    assert_eq!(card["treatment"], "restricted");

    // A warning says why (the chatter reads it): without --reason it is a usage error.
    let r = cli.run(&["mod", "warn", "twitch", "@alice"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--reason"), "{}", r.stderr);
    let r = cli
        .run(&["mod", "warn", "twitch", "@alice", "--reason", " "], None)
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    let w: Value = serde_json::from_str(
        &cli.ok(
            &[
                "mod",
                "warn",
                "twitch",
                "@alice",
                "--reason",
                "no spoilers",
                "--json",
            ],
            None,
        )
        .await,
    )
    .unwrap();
    assert_eq!(w["action"], "warn");
    let log = cli
        .ok(&["mod", "log", "twitch", "@alice", "--json"], None)
        .await;
    assert_eq!(log_actions(&log)[0], "warn", "{log}");
    // Warnings are Twitch's.
    let r = cli
        .run(&["mod", "warn", "kick", "77", "--reason", "x"], None)
        .await;
    assert_ne!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("Twitch"), "{}", r.stderr);
}

async fn permissions_and_bad_input_are_exit_codes(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("viewer").await;
    chat_as_mod(s).await;
    let bob = uid("twitch", "bob");
    let r = cli.run(&["mod", "ban", "twitch", &bob], None).await;
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("chat:ban"), "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
    let r = cli.run(&["mod", "log", "twitch", &bob], None).await;
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("chat:userinfo"), "{}", r.stderr);

    let m = Cli::new(s);
    m.login("mod").await;
    for bad in ["0", "-5m", "15d", "10x", "soon"] {
        let r = m
            .run(&["mod", "timeout", "twitch", &bob, "--duration", bad], None)
            .await;
        assert_eq!(r.code, 2, "{bad}: {}", r.stderr);
    }
    let r = m
        .run(&["mod", "timeout", "twitch", &bob, "-d", "15d"], None)
        .await;
    assert!(r.stderr.contains("14 days"), "{}", r.stderr);
    // Unknown chatters and messages are "not found".
    let r = m.run(&["mod", "ban", "twitch", "@nobody"], None).await;
    assert_eq!(r.code, 5, "{}", r.stderr);
    assert!(r.stderr.contains("nobody"), "{}", r.stderr);
    let r = m
        .run(
            &[
                "mod",
                "delete",
                "twitch",
                "0193a4c2-5b1e-7c3d-9f00-1a2b3c4d5e6f",
            ],
            None,
        )
        .await;
    assert_eq!(r.code, 5, "{}", r.stderr);
    let r = m.run(&["user", "show", "kick", "4242"], None).await;
    assert_eq!(r.code, 5, "{}", r.stderr);
    let r = m.run(&["mod", "ban", "myspace", "1"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    // Nothing was logged by any of it.
    let log = m.ok(&["mod", "log", "--json"], None).await;
    assert!(log_actions(&log).is_empty(), "{log}");
    let anon = Cli::new(s);
    let r = anon.run(&["mod", "ban", "twitch", &bob], None).await;
    assert_eq!(r.code, 3, "{}", r.stderr);
}

async fn chat_as_mod(s: &TestServer) {
    let m = Cli::new(s);
    m.login("mod").await;
    chat(&m, &[("twitch", "bob", "hi")]).await;
}

const BULK: &str = "platform,user,action,duration,reason
twitch,@spam1,ban,,bot wave
twitch,@spam2,timeout,10m,\"caps, again\"
myspace,@spam3,ban,,nope
twitch,@ghost,ban,,never seen
kick,@kk,timeout,soon,bad duration
twitch,,ban,,no user
kick,@kk,timeout,1h,fine
";

async fn bulk_files_apply_good_rows_and_report_bad_ones(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    chat(
        &cli,
        &[
            ("twitch", "spam1", "a"),
            ("twitch", "spam2", "b"),
            ("kick", "kk", "c"),
        ],
    )
    .await;
    let file = cli.config.path().join("bans.csv");
    std::fs::write(&file, BULK).unwrap();
    let file = file.to_str().unwrap();

    // A dry run checks and resolves, and changes nothing.
    let dry = cli
        .run(&["mod", "apply", "--file", file, "--dry-run"], None)
        .await;
    assert_eq!(dry.code, 1, "{}{}", dry.stdout, dry.stderr);
    let rows: Vec<Vec<&str>> = dry
        .stdout
        .lines()
        .map(|l| l.split('\t').collect())
        .collect();
    let status: Vec<(&str, &str)> = rows.iter().map(|r| (r[0], r[1])).collect();
    assert_eq!(
        status,
        [
            ("2", "valid"),
            ("3", "valid"),
            ("4", "invalid"),
            ("5", "failed"),
            ("6", "invalid"),
            ("7", "invalid"),
            ("8", "valid")
        ],
        "{}",
        dry.stdout
    );
    assert!(
        rows[0][5].contains(&format!("@spam1 is {}", uid("twitch", "spam1"))),
        "{}",
        dry.stdout
    );
    assert!(
        rows[2][5].contains("unknown platform 'myspace'"),
        "{}",
        dry.stdout
    );
    assert!(rows[3][5].contains("ghost"), "{}", dry.stdout);
    assert!(rows[4][5].contains("soon"), "{}", dry.stdout);
    assert!(dry.stderr.contains("4 failed"), "{}", dry.stderr);
    let log = cli.ok(&["mod", "log", "--json"], None).await;
    assert!(log_actions(&log).is_empty(), "dry run: {log}");

    // For real: the good rows are applied, the bad ones reported.
    let r = cli
        .run(
            &["mod", "apply", "--file", file, "--concurrency", "3"],
            None,
        )
        .await;
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("4 of 7 rows failed"), "{}", r.stderr);
    let applied: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.split('\t').nth(1) == Some("applied"))
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(applied, ["2", "3", "8"], "{}", r.stdout);
    let log = cli.ok(&["mod", "log", "--json"], None).await;
    let mut actions = log_actions(&log);
    actions.sort();
    assert_eq!(actions, ["ban", "timeout", "timeout"], "{log}");

    // A second run does no harm: done rows are skipped, nothing new is logged.
    let again = cli
        .run(&["mod", "apply", "--file", file, "--json"], None)
        .await;
    assert_eq!(again.code, 1);
    let v: Value = serde_json::from_str(&again.stdout).unwrap();
    let statuses: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        ["skipped", "skipped", "invalid", "failed", "invalid", "invalid", "skipped"],
        "{}",
        again.stdout
    );
    assert_eq!(v[0]["message"], "already banned");
    assert!(
        again.stderr.contains("0 applied, 3 skipped"),
        "{}",
        again.stderr
    );
    let log2 = cli.ok(&["mod", "log", "--json"], None).await;
    assert_eq!(log_actions(&log2).len(), 3, "{log2}");

    // NDJSON from standard input, all good: exit 0.
    let nd = format!(
        "{{\"platform\":\"twitch\",\"user\":\"@spam2\",\"action\":\"unban\"}}\n\
         {{\"platform\":\"kick\",\"user\":\"{}\",\"action\":\"timeout\",\"duration\":7200}}\n",
        uid("kick", "kk")
    );
    let r = cli.run(&["mod", "apply", "--file", "-"], Some(&nd)).await;
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("2 applied"), "{}", r.stderr);
    // A file with a broken header is a usage error before anything is sent.
    let r = cli
        .run(
            &["mod", "apply", "--file", "-", "--format", "csv"],
            Some("who,what\nx,y\n"),
        )
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
}

async fn user_show_prints_the_profile(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    chat(
        &cli,
        &[("youtube", "yuki", "first"), ("youtube", "yuki", "second")],
    )
    .await;
    let yuki = uid("youtube", "yuki");
    cli.ok(&["notes", "add", "youtube", &yuki, "regular"], None)
        .await;
    cli.ok(&["mod", "timeout", "youtube", "@yuki", "-d", "1h"], None)
        .await;
    let v: Value = serde_json::from_str(
        &cli.ok(&["user", "show", "youtube", "@yuki", "--json"], None)
            .await,
    )
    .unwrap();
    assert_eq!(v["platform_user_id"], yuki.as_str());
    assert_eq!(v["message_count"], 2);
    assert_eq!(v["note_count"], 1);
    assert_eq!(v["ban"]["state"], "timed_out");
    assert_eq!(v["recent_messages"].as_array().unwrap().len(), 2);
    // Piped: key<TAB>value lines.
    let tsv = cli.ok(&["user", "show", "youtube", &yuki], None).await;
    let card: std::collections::HashMap<&str, &str> =
        tsv.lines().filter_map(|l| l.split_once('\t')).collect();
    assert_eq!(card["messages"], "2", "{tsv}");
    assert_eq!(card["notes"], "1");
    assert!(card["ban"].starts_with("timed out, "), "{tsv}");
    assert_eq!(card["platform profile"], "not_configured");
}

/// Item 12 of issue 12: `lumio mod ban twitch loudguy` banned a made-up id `loudguy`.
async fn a_bare_name_is_a_username_never_a_made_up_id(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    chat(&cli, &[("twitch", "loudguy", "AAAAAAAA")]).await;
    let loudguy = uid("twitch", "loudguy");

    // A word that is no twitch id is the username: the real chatter is banned.
    let r: Value = serde_json::from_str(
        &cli.ok(&["mod", "ban", "twitch", "loudguy", "--json"], None)
            .await,
    )
    .unwrap();
    assert_eq!(r["platform_user_id"], loudguy.as_str(), "{r}");
    assert_eq!(r["username"], "loudguy");

    // Nobody by that name: exit 5, one line with a hint, and nothing is logged.
    let r = cli.run(&["mod", "ban", "twitch", "quietguy"], None).await;
    assert_eq!(r.code, 5, "{}{}", r.stdout, r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("'quietguy'"), "{}", r.stderr);
    assert!(
        r.stderr.contains("twitch user id (1–20 digits)"),
        "{}",
        r.stderr
    );
    for (platform, word) in [
        ("youtube", "yt-1"),
        ("discord", "1234"),
        ("kick", "@quietguy"),
    ] {
        let r = cli.run(&["user", "show", platform, word], None).await;
        assert_eq!(r.code, 5, "{platform} {word}: {}", r.stderr);
        assert!(r.stderr.contains("has been seen"), "{}", r.stderr);
    }
    let log = cli.ok(&["mod", "log", "--json"], None).await;
    assert_eq!(log_actions(&log), ["ban"], "{log}");
    // The made-up id never reached a log entry or a chatter.
    let r = cli
        .run(&["mod", "log", "twitch", "loudguy", "--json"], None)
        .await;
    assert_eq!(r.code, 0, "{}", r.stderr);
    let entries: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(entries[0]["platform_user_id"], loudguy.as_str());

    // Banning the banned, unbanning the unbanned: said on stderr, gh-style, exit 0 — once
    // the server reports `changed` (servers before it change something every time).
    let token = cli.ok(&["auth", "token"], None).await.trim().to_string();
    let raw = post_json(
        &format!("{}/v1/chat/moderate", s.url),
        Some(&token),
        &serde_json::json!({"platform": "twitch", "action": "ban", "platform_user_id": loudguy}),
    )
    .await;
    if raw.get("changed").is_some() {
        let again = cli.run(&["mod", "ban", "twitch", &loudguy], None).await;
        assert_eq!(again.code, 0, "{}", again.stderr);
        assert!(
            again.stderr.contains(&format!(
                "! twitch user {loudguy} (loudguy) is already banned"
            )),
            "{}",
            again.stderr
        );
        cli.ok(&["mod", "unban", "twitch", "@loudguy"], None).await;
        let r = cli.run(&["mod", "unban", "twitch", "@loudguy"], None).await;
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stderr.contains("is not banned"), "{}", r.stderr);
    } else {
        eprintln!(
            "NOTE: this server does not report `changed` yet; the already-banned notice is \
             not checked"
        );
    }
}

/// Item 11 of issue 12: a ban on row 3 and an unban on row 4 were applied unban-first.
async fn bulk_rows_of_one_chatter_run_in_file_order(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let names = ["ord1", "ord2", "ord3", "ord4", "ord5", "ord6"];
    let lines: Vec<(&str, &str, &str)> = names.iter().map(|n| ("kick", *n, "hi")).collect();
    chat(&cli, &lines).await;
    // Each chatter: banned, then unbanned, then timed out and the timeout lifted — in
    // that order, with the chatters interleaved, by name and by id.
    let mut file = String::from("platform,user,action,duration,reason\n");
    for n in &names {
        file.push_str(&format!("kick,@{n},ban,,first\n"));
    }
    for n in &names {
        file.push_str(&format!("kick,{},unban,,second\n", uid("kick", n)));
    }
    for n in &names {
        file.push_str(&format!(
            "kick,@{n},timeout,10m,third\nkick,@{n},unban,,fourth\n"
        ));
    }
    for round in 0..3 {
        let r = cli
            .run(
                &[
                    "mod",
                    "apply",
                    "--file",
                    "-",
                    "--format",
                    "csv",
                    "--concurrency",
                    "8",
                    "--json",
                ],
                Some(&file),
            )
            .await;
        assert_eq!(r.code, 0, "round {round}: {}{}", r.stdout, r.stderr);
        let rows: Value = serde_json::from_str(&r.stdout).unwrap();
        let numbers: Vec<i64> = rows
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["row"].as_i64().unwrap())
            .collect();
        assert_eq!(
            numbers,
            (2..=25).collect::<Vec<i64>>(),
            "results in row order"
        );
        for n in &names {
            let card: Value = serde_json::from_str(
                &cli.ok(&["user", "show", "kick", &format!("@{n}"), "--json"], None)
                    .await,
            )
            .unwrap();
            assert_eq!(
                card["ban"]["state"], "none",
                "round {round}: {n} ends unbanned"
            );
            // The chatter's own log, newest first, is the file's order reversed.
            let log = cli
                .ok(
                    &[
                        "mod",
                        "log",
                        "kick",
                        &format!("@{n}"),
                        "--limit",
                        "4",
                        "--json",
                    ],
                    None,
                )
                .await;
            let reasons: Vec<String> = serde_json::from_str::<Value>(&log)
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["reason"].as_str().unwrap_or_default().to_string())
                .collect();
            assert_eq!(
                reasons,
                ["fourth", "third", "second", "first"],
                "round {round}: {n}"
            );
        }
    }
}
