//! The TUI against a real server, on SQLite and on PostgreSQL + Redis: its live client
//! follows the stream into the app state, shows "reconnecting…" when the server goes away
//! and resumes from its cursor with no gap and no duplicate; a ban or timeout taken in
//! another client greys the chatter's messages, adds a system line and refreshes the open
//! user card (with the chatter's recent messages from history); the app's effects carried
//! out on the server come back as events. And `lumio chat` without a terminal refuses at once.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::{front, uid, Cli};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use lumio::tui::state::{Conn, System};
use lumio::tui::{effects, App, Effect, Input};
use lumio_server::testing::TestServer;
use serde_json::{json, Value};
use tokio::sync::mpsc;

on_both!(
    the_live_screen_reconnects_without_a_gap,
    actions_elsewhere_reach_the_chat_and_the_card,
    chat_without_a_terminal_says_so
);

async fn ingest(s: &TestServer, token: &str, user: &str, text: &str) {
    let r = reqwest::Client::new()
        .post(format!("{}/v1/chat/message", s.url))
        .bearer_auth(token)
        .json(
            &json!({"platform": "twitch", "channel_name": "c", "user_id": uid("twitch", user),
            "username": user, "message": text}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
}

/// Feed inputs into the app until `done` holds (or fail after 15 s); the app's effects are
/// carried out on the server and their outcome fed back, as the live screen's loop does.
async fn pump(
    app: &mut App,
    rx: &mut mpsc::Receiver<Input>,
    tx: &mpsc::Sender<Input>,
    client: &lumio::api::Client,
    done: impl Fn(&App) -> bool,
) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(15);
    while !done(app) {
        let input = tokio::time::timeout_at(deadline, rx.recv())
            .await
            .unwrap_or_else(|_| panic!("the app did not get there in time: {:?}", texts(app)))
            .expect("the live client is running");
        for e in app.update(input) {
            run(client, tx, e);
        }
    }
}

fn run(client: &lumio::api::Client, tx: &mpsc::Sender<Input>, e: Effect) {
    let (client, tx) = (client.clone(), tx.clone());
    tokio::spawn(async move {
        if let Some(input) = effects::perform(&client, e).await {
            let _ = tx.send(input).await;
        }
    });
}

fn key(app: &mut App, client: &lumio::api::Client, tx: &mpsc::Sender<Input>, code: KeyCode) {
    for e in app.update(Input::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
        run(client, tx, e);
    }
}

fn texts(app: &App) -> Vec<String> {
    app.lines.iter().map(|l| l.text.clone()).collect()
}

async fn token_of(s: &TestServer, user: &str) -> String {
    let v: Value = reqwest::Client::new()
        .post(format!("{}/v1/auth/login", s.url))
        .json(&json!({"username": user, "password": format!("lumio-{user}")}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    v["token"].as_str().unwrap().to_string()
}

async fn the_live_screen_reconnects_without_a_gap(s: &TestServer) {
    let token = token_of(s, "mod").await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, serving) = front(s, listener).await;

    let (tx, mut rx) = mpsc::channel(1024);
    let client =
        lumio::api::Client::new(&format!("http://{addr}"), Some(token.clone()), None).unwrap();
    let live = tokio::spawn(lumio::tui::live::follow(client.clone(), None, tx.clone()));
    let mut app = App::new(&format!("http://{addr}"), "demo", 1000);
    pump(&mut app, &mut rx, &tx, &client, |a| a.conn == Conn::Live).await;
    ingest(s, &token, "ann", "one").await;
    ingest(s, &token, "ann", "two").await;
    pump(&mut app, &mut rx, &tx, &client, |a| a.lines.len() == 2).await;

    // The server goes away under the screen …
    stop.send(()).unwrap();
    serving.await.unwrap().unwrap();
    pump(&mut app, &mut rx, &tx, &client, |a| {
        matches!(a.conn, Conn::Reconnecting(_))
    })
    .await;
    // … chat goes on meanwhile (through the other front) …
    ingest(s, &token, "ann", "three").await;
    ingest(s, &token, "ann", "four").await;
    // … and it comes back on the same address.
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let (stop, serving) = front(s, listener).await;
    pump(&mut app, &mut rx, &tx, &client, |a| a.lines.len() >= 4).await;
    ingest(s, &token, "ann", "five").await;
    pump(&mut app, &mut rx, &tx, &client, |a| a.lines.len() >= 5).await;
    assert_eq!(app.conn, Conn::Live);
    assert_eq!(texts(&app), ["one", "two", "three", "four", "five"]);

    live.abort();
    stop.send(()).unwrap();
    let _ = serving.await;
}

/// Issue 16 items 2 and 3, end to end: a ban and a timeout taken in another client (the
/// owner, over REST) reach this screen as system lines with actor, action, duration and
/// reason; the chatter's messages grey; the open card says `banned` and lists the chatter's
/// recent messages from history; `:unban` from this screen is carried out and comes back.
async fn actions_elsewhere_reach_the_chat_and_the_card(s: &TestServer) {
    let token = token_of(s, "mod").await;
    let owner = token_of(s, "owner").await;
    let (tx, mut rx) = mpsc::channel(1024);
    let client = lumio::api::Client::new(&s.url, Some(token.clone()), None).unwrap();
    let live = tokio::spawn(lumio::tui::live::follow(client.clone(), None, tx.clone()));
    let mut app = App::new(&s.url, "demo", 1000);
    pump(&mut app, &mut rx, &tx, &client, |a| a.conn == Conn::Live).await;
    // History from before this session, then live chat.
    ingest(s, &token, "loudguy", "an old message").await;
    ingest(s, &token, "loudguy", "CAPS LOCK").await;
    ingest(s, &token, "ann", "hi").await;
    pump(&mut app, &mut rx, &tx, &client, |a| a.lines.len() == 3).await;

    // Select loudguy's message and open the card: profile, and messages from history.
    key(&mut app, &client, &tx, KeyCode::Up);
    key(&mut app, &client, &tx, KeyCode::Up);
    assert_eq!(app.selected_line().unwrap().text, "CAPS LOCK");
    key(&mut app, &client, &tx, KeyCode::Enter);
    pump(&mut app, &mut rx, &tx, &client, |a| {
        a.card.as_ref().is_some_and(|c| c.loaded)
    })
    .await;
    let card = app.card.as_ref().unwrap();
    assert!(card.errors.is_empty(), "{:?}", card.errors);
    assert_eq!(card.profile.as_ref().unwrap().ban.state, "none");
    let msgs: Vec<&str> = card.messages.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(msgs, ["CAPS LOCK", "an old message"]);

    // The owner times loudguy out, then bans them, in another client.
    let moderate = |body: Value| {
        let (url, owner) = (s.url.clone(), owner.clone());
        async move {
            let r = reqwest::Client::new()
                .post(format!("{url}/v1/chat/moderate"))
                .bearer_auth(owner)
                .json(&body)
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success(), "{}", r.text().await.unwrap());
        }
    };
    moderate(json!({"platform": "twitch", "action": "timeout", "platform_user_id": uid("twitch", "loudguy"),
        "duration_seconds": 600, "reason": "caps"}))
    .await;
    pump(&mut app, &mut rx, &tx, &client, |a| {
        a.lines.iter().any(|l| l.system == Some(System::Timeout))
    })
    .await;
    let sys = app.lines.back().unwrap();
    assert!(
        sys.text.starts_with("loudguy was timed out for 10m by ") && sys.text.ends_with(": caps"),
        "{}",
        sys.text
    );
    assert!(app
        .lines
        .iter()
        .filter(|l| l.name == "loudguy" && l.system.is_none())
        .all(|l| l.greyed));
    assert!(!app.lines.iter().find(|l| l.name == "ann").unwrap().greyed);
    let e = &app.modlog[0];
    assert_eq!(
        (e.target.as_str(), e.action.as_str(), e.duration),
        ("loudguy", "timeout", Some(600))
    );
    assert_eq!(e.reason.as_deref(), Some("caps"));

    moderate(
        json!({"platform": "twitch", "action": "ban", "platform_user_id": uid("twitch", "loudguy"),
        "reason": "again"}),
    )
    .await;
    pump(&mut app, &mut rx, &tx, &client, |a| {
        a.card.as_ref().is_some_and(|c| {
            !c.loading && c.profile.as_ref().is_some_and(|p| p.ban.state == "banned")
        }) && a.lines.iter().any(|l| l.system == Some(System::Ban))
    })
    .await;
    let card = app.card.as_ref().unwrap();
    assert!(card.log.iter().any(|e| e.action == "ban"), "{:?}", card.log);
    assert_eq!(
        card.profile.as_ref().unwrap().ban.reason.as_deref(),
        Some("again")
    );

    // `:unban loudguy` from this screen: carried out, and it comes back as an event.
    key(&mut app, &client, &tx, KeyCode::Esc);
    key(&mut app, &client, &tx, KeyCode::Char(':'));
    for c in "unban loudguy".chars() {
        key(&mut app, &client, &tx, KeyCode::Char(c));
    }
    key(&mut app, &client, &tx, KeyCode::Enter);
    pump(&mut app, &mut rx, &tx, &client, |a| {
        a.lines.iter().any(|l| l.system == Some(System::Unban))
            && a.notice
                .as_ref()
                .is_some_and(|n| n.text == "unbanned loudguy")
    })
    .await;
    assert!(app
        .lines
        .back()
        .unwrap()
        .text
        .starts_with("loudguy was unbanned by "));
    live.abort();
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
