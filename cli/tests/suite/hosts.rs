//! Secrets stay with their server: tokens are kept per server host and sent only to the
//! host that issued them (issue 12 item 7), and the live WebSocket carries its token in the
//! Authorization header, never in a URL (item 5) — on SQLite and on PostgreSQL + Redis.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::{front, Cli, Recorder};
use lumio_server::testing::TestServer;

on_both!(
    a_token_goes_only_to_the_host_that_issued_it,
    an_old_single_token_config_keeps_working,
    the_websocket_token_is_a_header_not_in_the_url
);

async fn a_token_goes_only_to_the_host_that_issued_it(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let token = cli.ok(&["auth", "token"], None).await.trim().to_string();

    // Another host given with --server, without a login of its own: exit 3 naming it, and
    // not one request reaches it.
    let other = Recorder::start().await;
    let host = other.url.trim_start_matches("http://").to_string();
    for args in [
        vec!["notes", "list", "twitch", "1234"],
        vec!["auth", "status"],
        vec!["mod", "ban", "twitch", "1234"],
        vec!["chat", "tail"],
        vec!["chat", "history"],
    ] {
        let mut all = vec!["--server", other.url.as_str()];
        all.extend(&args);
        let r = cli.run(&all, None).await;
        assert_eq!(r.code, 3, "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr.contains(&format!("not logged in to {host}")),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
    }
    let r = cli
        .run(&["--server", &other.url, "auth", "token"], None)
        .await;
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(
        !r.stdout.contains(&token),
        "auth token prints no other host's token"
    );
    let heads = other.heads();
    assert!(heads.is_empty(), "the other host got requests: {heads:?}");

    // A second real server (another front door on its own port) with its own login:
    // each host gets its own token, and the first login still works.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let second = format!("http://{}", listener.local_addr().unwrap());
    let (stop, serving) = front(s, listener).await;
    cli.ok(
        &[
            "--server",
            &second,
            "auth",
            "login",
            "--username",
            "owner",
            "--password-stdin",
        ],
        Some("lumio-owner\n"),
    )
    .await;
    let status = cli.ok(&["--server", &second, "auth", "status"], None).await;
    assert!(status.contains("user\towner\t"), "{status}");
    let second_token = cli
        .ok(&["--server", &second, "auth", "token"], None)
        .await
        .trim()
        .to_string();
    assert_ne!(second_token, token);
    // The profile's server is now the second one; the first keeps its own token.
    let first = cli.ok(&["--server", &s.url, "auth", "status"], None).await;
    assert!(first.contains("user\tmod\t"), "{first}");
    assert_eq!(
        cli.ok(&["--server", &s.url, "auth", "token"], None)
            .await
            .trim(),
        token
    );
    let text = std::fs::read_to_string(cli.config.path().join("config.toml")).unwrap();
    assert_eq!(text.matches("token = ").count(), 2, "{text}");
    // Logging out of one host leaves the other logged in.
    cli.ok(&["--server", &second, "auth", "logout"], None).await;
    let r = cli
        .run(&["--server", &second, "auth", "status"], None)
        .await;
    assert_eq!(r.code, 3, "{}", r.stderr);
    cli.ok(&["--server", &s.url, "auth", "status"], None).await;
    stop.send(()).unwrap();
    serving.await.unwrap().unwrap();
    assert!(other.heads().is_empty());
}

async fn an_old_single_token_config_keeps_working(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let token = cli.ok(&["auth", "token"], None).await.trim().to_string();
    // A config of the days of one token per profile.
    let path = cli.config.path().join("config.toml");
    std::fs::write(
        &path,
        format!(
            "[profiles.default]\nserver = \"{}\"\naccount = \"demo\"\ntoken = \"{token}\"\n\
             username = \"mod\"\n",
            s.url
        ),
    )
    .unwrap();
    let status = cli.ok(&["auth", "status"], None).await;
    assert!(status.contains("user\tmod\t"), "{status}");
    // Its token is for its own server only.
    let other = Recorder::start().await;
    let r = cli
        .run(
            &["--server", &other.url, "notes", "list", "twitch", "1"],
            None,
        )
        .await;
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(other.heads().is_empty(), "{:?}", other.heads());
    // The next write keeps it, under its host.
    cli.ok(&["notes", "add", "twitch", "1", "still works"], None)
        .await;
    cli.ok(
        &[
            "--server",
            &s.url,
            "auth",
            "login",
            "--username",
            "mod",
            "--password-stdin",
        ],
        Some("lumio-mod\n"),
    )
    .await;
    let text = std::fs::read_to_string(&path).unwrap();
    let host = s.url.trim_start_matches("http://");
    assert!(
        text.contains(&format!("[profiles.default.hosts.\"{host}\"]")),
        "{text}"
    );
}

async fn the_websocket_token_is_a_header_not_in_the_url(s: &TestServer) {
    // The real server: tail authenticates with the header (the test server answers only
    // then), and the TUI's live client likewise.
    let cli = Cli::new(s);
    cli.login("mod").await;
    let token = cli.ok(&["auth", "token"], None).await.trim().to_string();

    // A recording host, given the token by LUMIO_TOKEN for it: what does the upgrade say?
    let rec = Recorder::start().await;
    let r = cli
        .run_env(
            &[
                "--server",
                &rec.url,
                "chat",
                "tail",
                "--since",
                "0193a4c2-5b1e-7c3d-9f00-1a2b3c4d5e6f",
            ],
            None,
            &[("LUMIO_TOKEN", &token)],
        )
        .await;
    assert_eq!(r.code, 3, "the recorder refuses: {}", r.stderr);
    let heads = rec.heads();
    assert_eq!(heads.len(), 1, "{heads:?}");
    let request_line = heads[0].lines().next().unwrap();
    assert!(
        request_line.starts_with("GET /v1/chat/ws?since=0193a4c2"),
        "{request_line}"
    );
    assert!(
        !request_line.contains("token"),
        "a token in the URL: {request_line}"
    );
    assert!(!request_line.contains(&token), "{request_line}");
    assert!(
        heads[0]
            .lines()
            .any(|l| l.eq_ignore_ascii_case(&format!("authorization: Bearer {token}"))),
        "{}",
        heads[0]
    );

    // The TUI's live client, the same.
    let (tx, mut rx) = tokio::sync::mpsc::channel(16);
    let client =
        lumio::api::Client::new(&rec.url, Some(token.clone()), Some("demo".into())).unwrap();
    let live = tokio::spawn(lumio::tui::live::follow(client, None, tx));
    let _ = tokio::time::timeout(std::time::Duration::from_secs(10), rx.recv()).await;
    live.abort();
    let heads = rec.heads();
    assert!(heads.len() >= 2, "{heads:?}");
    let tui = &heads[1];
    let request_line = tui.lines().next().unwrap();
    assert_eq!(request_line, "GET /v1/chat/ws HTTP/1.1", "{tui}");
    assert!(
        tui.to_ascii_lowercase().contains("x-lumio-account: demo"),
        "{tui}"
    );
    assert!(tui.contains(&format!("Bearer {token}")), "{tui}");

    // And against the real server the live tail works with the header alone.
    let mut child = cli.spawn(&["chat", "tail", "--json", "--count", "1"], &[]);
    let mut done = None;
    for i in 0..50 {
        cli.ok(
            &["chat", "ingest", "-"],
            Some(&common::message_line("trovo", "wsuser", &format!("ws {i}"))),
        )
        .await;
        if let Ok(status) =
            tokio::time::timeout(std::time::Duration::from_millis(200), child.wait()).await
        {
            done = Some(status.unwrap());
            break;
        }
    }
    assert!(done.expect("tail got an event and ended").success());
}
