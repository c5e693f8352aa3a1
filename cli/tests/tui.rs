//! The TUI against a real server: its live client follows the stream into the app state,
//! shows "reconnecting…" when the server goes away, and resumes from its cursor with no gap
//! and no duplicate when it is back — on SQLite and on PostgreSQL + Redis. And `lumio chat`
//! without a terminal refuses at once instead of drawing into a pipe.

#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::{front, Cli};
use lumio::tui::app::{App, Conn, Input};
use lumio_server::testing::TestServer;
use serde_json::json;
use tokio::sync::mpsc;

on_both!(
    the_live_screen_reconnects_without_a_gap,
    chat_without_a_terminal_says_so
);

async fn ingest(s: &TestServer, token: &str, text: &str) {
    let r = reqwest::Client::new()
        .post(format!("{}/v1/chat/message", s.url))
        .bearer_auth(token)
        .json(
            &json!({"platform": "twitch", "channel_name": "c", "user_id": "8675309",
            "username": "ann", "message": text}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
}

/// Feed inputs into the app until `done` holds (or fail after 15 s).
async fn pump(app: &mut App, rx: &mut mpsc::Receiver<Input>, done: impl Fn(&App) -> bool) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while !done(app) {
        let input = tokio::time::timeout_at(deadline, rx.recv())
            .await
            .expect("the app got there in time")
            .expect("the live client is running");
        app.update(input);
    }
}

fn texts(app: &App) -> Vec<String> {
    app.lines.iter().map(|l| l.text.clone()).collect()
}

async fn the_live_screen_reconnects_without_a_gap(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let token = cli.ok(&["auth", "token"], None).await.trim().to_string();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, serving) = front(s, listener).await;

    let (tx, mut rx) = mpsc::channel(1024);
    let client =
        lumio::api::Client::new(&format!("http://{addr}"), Some(token.clone()), None).unwrap();
    let live = tokio::spawn(lumio::tui::live::follow(client, None, tx));
    let mut app = App::new(&format!("http://{addr}"), "demo", 1000);
    pump(&mut app, &mut rx, |a| a.conn == Conn::Live).await;
    ingest(s, &token, "one").await;
    ingest(s, &token, "two").await;
    pump(&mut app, &mut rx, |a| a.lines.len() == 2).await;

    // The server goes away under the screen …
    stop.send(()).unwrap();
    serving.await.unwrap().unwrap();
    pump(&mut app, &mut rx, |a| {
        matches!(a.conn, Conn::Reconnecting(_))
    })
    .await;
    // … chat goes on meanwhile (through the other front) …
    ingest(s, &token, "three").await;
    ingest(s, &token, "four").await;
    // … and it comes back on the same address.
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let (stop, serving) = front(s, listener).await;
    pump(&mut app, &mut rx, |a| a.lines.len() >= 4).await;
    ingest(s, &token, "five").await;
    pump(&mut app, &mut rx, |a| a.lines.len() >= 5).await;
    assert_eq!(app.conn, Conn::Live);
    assert_eq!(texts(&app), ["one", "two", "three", "four", "five"]);

    live.abort();
    stop.send(()).unwrap();
    let _ = serving.await;
}

async fn chat_without_a_terminal_says_so(s: &TestServer) {
    let cli = Cli::new(s);
    cli.login("mod").await;
    let r = cli.run(&["chat"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("lumio chat tail"), "{}", r.stderr);
    // Not logged in: exit 3, still without touching the terminal.
    let anon = Cli::new(s);
    let r = anon.run(&["chat"], None).await;
    assert_eq!(r.code, 3, "{}", r.stderr);
}
