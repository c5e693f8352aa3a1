//! `lumio connect twitch`, `lumio connections list|rm` and `lumio bots …` end to end: the real
//! `lumio` binary without a terminal, against the real server (both backends) pointed at
//! lumio-testkit's fake Twitch, which plays the person approving the device code.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::Cli;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::FakeTwitch;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};

macro_rules! with_twitch {
    ($module:ident, $opts:expr, $($case:ident),*) => {
        mod $module {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let name = concat!(module_path!(), "::", stringify!($case));
                    let fake = super::fake().await;
                    let server = lumio_server::testing::TestServer::start_with($opts, name, |c| {
                        super::configure(&fake, c)
                    })
                    .await;
                    if let Some(server) = server {
                        super::$case(&server, &fake).await;
                        server.stop().await;
                    }
                }
            )*
        }
    };
}

macro_rules! both {
    ($($case:ident),* $(,)?) => {
        with_twitch!(sqlite, lumio_server::testing::TestOptions::sqlite(), $($case),*);
        with_twitch!(postgres_redis, lumio_server::testing::TestOptions::postgres_redis(), $($case),*);
    };
}

both!(
    connect_waits_for_the_device_code_without_a_terminal,
    pasted_tokens_list_needs_reauth_and_rm,
    bots_status_pause_resume_rejoin
);

async fn fake() -> FakeTwitch {
    FakeTwitch::start_with(lumio_testkit::twitch::Config {
        device_poll_interval: Duration::from_secs(1),
        ..Default::default()
    })
    .await
    .unwrap()
}

fn configure(fake: &FakeTwitch, c: &mut lumio_server::config::Config) {
    c.platforms.twitch.api_url = fake.helix_url();
    c.platforms.twitch.client_id = Some(fake.client_id().to_string());
    c.twitch_auth.auth_url = fake.oauth_url();
    c.secret_key = Some(lumio_server::connections::crypto::SecretKey::generate());
}

async fn next_line(lines: &mut tokio::io::Lines<BufReader<tokio::process::ChildStdout>>) -> String {
    tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .unwrap()
        .unwrap()
        .expect("a line")
}

async fn connect_waits_for_the_device_code_without_a_terminal(_s: &TestServer, fake: &FakeTwitch) {
    let cli = Cli::new(_s);
    cli.login("owner").await;
    // --json: the device code as one line, then the connection.
    let mut child = cli.spawn(&["connect", "twitch", "--json"], &[]);
    let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
    let flow: Value = serde_json::from_str(&next_line(&mut out).await).unwrap();
    let code = flow["user_code"].as_str().unwrap();
    assert!(flow["verification_uri"].as_str().unwrap().contains(code));
    // The person takes a few polls to approve.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(fake.approve_device(code, &fake.broadcaster.id));
    let conn: Value = serde_json::from_str(&next_line(&mut out).await).unwrap();
    assert_eq!(conn["channel_name"], "lumio_demo");
    assert_eq!(conn["credentials"][0]["login"], "lumio_demo");
    let status = tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success());

    // Plain: the URL and code on stdout; a refusal is exit 1 with one line on stderr.
    let mut child = cli.spawn(&["connect", "twitch", "--as", "bot"], &[]);
    let mut out = BufReader::new(child.stdout.take().unwrap()).lines();
    let line = next_line(&mut out).await;
    assert!(line.starts_with("Open http://"), "{line}");
    let code = line.rsplit(' ').next().unwrap().to_string();
    assert!(fake.deny_device(&code));
    let status = tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.code(), Some(1));
    let mut err = String::new();
    tokio::io::AsyncReadExt::read_to_string(&mut child.stderr.take().unwrap(), &mut err)
        .await
        .unwrap();
    assert!(err.contains("refused"), "{err}");
    // Bad usage: exit 2 before any call.
    let r = cli.run(&["connect", "twitch", "--as", "robot"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
}

async fn pasted_tokens_list_needs_reauth_and_rm(s: &TestServer, fake: &FakeTwitch) {
    let cli = Cli::new(s);
    cli.login("owner").await;
    let pair = fake.issue_user_token(&fake.bot.id, &["user:bot", "user:write:chat"]);
    let stdin = format!("{}\n{}\n", pair.access_token, pair.refresh_token);
    let out = cli
        .ok(
            &[
                "connect",
                "twitch",
                "--token-stdin",
                "--as",
                "bot",
                "--channel",
                "lumio_demo",
            ],
            Some(&stdin),
        )
        .await;
    assert!(out.contains("lumio_demo"), "{out}");
    // Piped: tab-separated rows, no header, no token.
    let list = cli.ok(&["connections", "list"], None).await;
    let row = list
        .lines()
        .find(|l| l.starts_with("twitch\tlumio_demo\tbot"))
        .unwrap_or_else(|| panic!("{list}"));
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(cols[3], "lumio_bot");
    assert_eq!(cols[4], "ok");
    assert_eq!(cols[6], "user:bot,user:write:chat");
    assert!(!list.contains(&pair.access_token) && !list.contains(&pair.refresh_token));
    // An empty stdin is a usage error.
    let r = cli
        .run(&["connect", "twitch", "--token-stdin"], Some(""))
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);

    // Twitch refuses the refresh: the list and bot status say so.
    let j: Value =
        serde_json::from_str(&cli.ok(&["connections", "list", "--json"], None).await).unwrap();
    let id: uuid::Uuid = j
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["channel_name"] == "lumio_demo")
        .unwrap()["credentials"][0]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    fake.revoke_token(&pair.access_token);
    let soon = lumio_server::store::now() + chrono::Duration::seconds(5);
    lumio_server::testing::raw::set_credential_expiry(&s.state.db, id, soon).await;
    assert!(
        lumio_server::connections::tokens::access_token(&s.state, id)
            .await
            .is_err()
    );
    let list = cli.ok(&["connections", "list"], None).await;
    assert!(list.contains("\tbot\tlumio_bot\tneeds_reauth\t"), "{list}");
    let status = cli.ok(&["bots", "status"], None).await;
    assert!(
        status.starts_with("twitch\tneeds_reauth\tlumio_demo (needs reauth)"),
        "{status}"
    );

    // rm without a terminal needs --yes (exit 2, no prompt); with it the credential goes.
    let r = cli
        .run(&["connections", "rm", "lumio_demo", "--as", "bot"], None)
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    cli.ok(
        &["connections", "rm", "lumio_demo", "--as", "bot", "--yes"],
        None,
    )
    .await;
    let list = cli.ok(&["connections", "list"], None).await;
    assert!(!list.contains("lumio_bot"), "{list}");
    let r = cli
        .run(&["connections", "rm", "nosuchchannel", "--yes"], None)
        .await;
    assert_eq!(r.code, 5, "{}", r.stderr);
}

async fn bots_status_pause_resume_rejoin(s: &TestServer, _fake: &FakeTwitch) {
    let cli = Cli::new(s);
    cli.login("owner").await;
    let status = cli.ok(&["bots", "status"], None).await;
    assert!(
        status.starts_with("twitch\tactive\tlumio_demo\n"),
        "{status}"
    );
    let out = cli.ok(&["bots", "pause", "twitch"], None).await;
    assert!(out.contains("Paused"), "{out}");
    let status = cli.ok(&["bots", "status"], None).await;
    assert!(
        status.starts_with("twitch\tpaused\tlumio_demo (paused)"),
        "{status}"
    );
    let r = cli.run(&["bots", "rejoin", "twitch"], None).await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("paused"), "{}", r.stderr);
    let j: Value =
        serde_json::from_str(&cli.ok(&["bots", "resume", "twitch", "--json"], None).await).unwrap();
    assert_eq!(j["action"], "bot_join");
    assert_eq!(j["bot"]["status"], "active");
    let j: Value =
        serde_json::from_str(&cli.ok(&["bots", "rejoin", "Twitch", "--json"], None).await).unwrap();
    assert_eq!(j["action"], "bot_join");
    let r = cli.run(&["bots", "pause", "myspace"], None).await;
    assert_eq!(r.code, 2);
    let viewer = Cli::new(s);
    viewer.login("viewer").await;
    let r = viewer.run(&["bots", "pause", "twitch"], None).await;
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("bot-connections:create"), "{}", r.stderr);
}
