//! The live multichat TUI (`lumio chat`, `lumio demo`): one stream for every platform, a
//! user card, moderation in a keystroke. The state and its pure update live in [`app`], the
//! drawing in [`view`]; this module runs the loop: terminal events, the live WebSocket
//! (reconnecting with backoff and resuming from its cursor), and the API calls the app asks
//! for. The terminal is restored on exit and on panic.

pub mod app;
pub mod filter;
pub mod keymap;
pub mod live;
pub mod view;

use std::io::Stdout;
use std::time::Duration;

use crossterm::event::{self, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use reqwest::Method;
use serde_json::{json, Value};
use tokio::sync::mpsc;

use crate::api::moderation::Moderation;
use crate::api::notes::encode;
use crate::api::Client;
use crate::cli::Platform;
use crate::error::{CliError, CliResult};
use app::{App, Card, Effect, Input};

/// How often the screen may be redrawn (a cap, not a rate: only when something changed).
pub const FRAME: Duration = Duration::from_millis(33);
/// How often the stream states and bot statuses are fetched again.
const STREAMS_EVERY: Duration = Duration::from_secs(30);

pub struct TuiOptions {
    pub server: String,
    pub account: String,
    /// The account to follow, for users in several (id or slug).
    pub account_param: Option<String>,
    pub client: Client,
    pub token: String,
    pub scrollback: usize,
    pub keymap: keymap::Keymap,
}

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(std::io::stdout(), LeaveAlternateScreen);
}

fn setup() -> CliResult<Terminal<CrosstermBackend<Stdout>>> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CliError::usage(
            "the live chat needs a terminal; use `lumio chat tail` in scripts and pipes",
        ));
    }
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        hook(info);
    }));
    enable_raw_mode().map_err(|e| CliError::failure(format!("terminal: {e}")))?;
    execute!(std::io::stdout(), EnterAlternateScreen)
        .map_err(|e| CliError::failure(format!("terminal: {e}")))?;
    Terminal::new(CrosstermBackend::new(std::io::stdout()))
        .map_err(|e| CliError::failure(format!("terminal: {e}")))
}

/// Run the TUI until the user quits.
pub async fn run(opts: TuiOptions) -> CliResult<()> {
    let mut term = setup()?;
    let result = run_loop(&mut term, opts).await;
    restore();
    result
}

async fn run_loop(
    term: &mut Terminal<CrosstermBackend<Stdout>>,
    opts: TuiOptions,
) -> CliResult<()> {
    let mut app = App::new(&opts.server, &opts.account, opts.scrollback);
    app.keymap = opts.keymap.clone();
    let (tx, mut rx) = mpsc::channel::<Input>(4096);

    // Keys, read on a blocking thread.
    let keys = tx.clone();
    std::thread::spawn(move || loop {
        match event::poll(Duration::from_millis(100)) {
            Ok(true) => {
                if let Ok(Event::Key(k)) = event::read() {
                    if k.kind != KeyEventKind::Release && keys.blocking_send(Input::Key(k)).is_err()
                    {
                        return;
                    }
                }
            }
            Ok(false) => {
                if keys.is_closed() {
                    return;
                }
            }
            Err(_) => return,
        }
    });
    let live = tokio::spawn(live::follow(
        opts.server.clone(),
        opts.token.clone(),
        opts.account_param.clone(),
        None,
        tx.clone(),
    ));
    // The account's moderation log, for the log pane.
    {
        let client = opts.client.clone();
        let tx = tx.clone();
        tokio::spawn(async move {
            if let Ok(log) = client.moderation_log(None, 1, 50).await {
                let entries = log
                    .entries
                    .iter()
                    .filter_map(|e| serde_json::to_value(e).ok())
                    .collect();
                let _ = tx.send(Input::ModLog(entries)).await;
            }
        });
    }

    // Stream states and the bot on each platform, now and every half minute (a paused or
    // resumed bot shows within that).
    {
        let client = opts.client.clone();
        let tx = tx.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(STREAMS_EVERY);
            loop {
                every.tick().await;
                if let Ok(Value::Array(states)) = client.stream_states().await {
                    if tx.send(Input::Streams(states)).await.is_err() {
                        return;
                    }
                }
            }
        });
    }

    let mut dirty = true;
    let mut tick = tokio::time::interval(FRAME);
    loop {
        tokio::select! {
            Some(input) = rx.recv() => {
                let mut effects = app.update(input);
                // Drain what else is waiting: a flood becomes one frame.
                while let Ok(more) = rx.try_recv() {
                    effects.extend(app.update(more));
                }
                for e in effects {
                    if e == Effect::Quit {
                        live.abort();
                        return Ok(());
                    }
                    carry_out(&opts.client, e, tx.clone());
                }
                dirty = true;
            }
            _ = tick.tick() => {
                if dirty {
                    term.draw(|f| view::draw(f, &app))
                        .map_err(|e| CliError::failure(format!("terminal: {e}")))?;
                    dirty = false;
                }
            }
        }
    }
}

fn platform(p: &str) -> Platform {
    match p {
        "youtube" => Platform::Youtube,
        "kick" => Platform::Kick,
        "trovo" => Platform::Trovo,
        "discord" => Platform::Discord,
        _ => Platform::Twitch,
    }
}

/// Carry out an effect on the server; its outcome comes back as an input.
fn carry_out(client: &Client, effect: Effect, tx: mpsc::Sender<Input>) {
    let client = client.clone();
    tokio::spawn(async move {
        let done = match effect {
            Effect::Ban { target, reason } => {
                let mut m = Moderation::on(platform(&target.platform), "ban", None);
                m.platform_user_id = Some(target.user_id.clone());
                m.reason = reason;
                client
                    .moderate(&m)
                    .await
                    .map(|_| format!("banned {}", target.username))
            }
            Effect::Timeout {
                target,
                seconds,
                reason,
            } => {
                let mut m = Moderation::on(platform(&target.platform), "timeout", None);
                m.platform_user_id = Some(target.user_id.clone());
                m.duration_seconds = Some(seconds);
                m.reason = reason;
                client.moderate(&m).await.map(|r| {
                    format!(
                        "timed out {} for {}",
                        target.username,
                        crate::commands::moderation::format_duration(
                            r.duration_seconds.unwrap_or(seconds)
                        )
                    )
                })
            }
            Effect::Delete {
                platform: p,
                message_id,
            } => {
                let mut m = Moderation::on(platform(&p), "delete", None);
                m.message_id = Some(message_id);
                client.moderate(&m).await.map(|_| "deleted".to_string())
            }
            Effect::Note { target, text } => client
                .add_note(platform(&target.platform), &target.user_id, &text)
                .await
                .map(|_| format!("noted on {}", target.username)),
            Effect::Treat { target, treatment } => client
                .set_treatment(platform(&target.platform), &target.user_id, &treatment)
                .await
                .map(|_| format!("{} is now {treatment}", target.username)),
            Effect::Send { platform: p, text } => {
                client.send_to_platform(&p, &text, None).await.map(|r| {
                    format!(
                        "sent to {p} ({})",
                        r["delivery"].as_str().unwrap_or("?").replace('_', " ")
                    )
                })
            }
            Effect::LoadCard { target } => {
                let p = platform(&target.platform);
                let profile = client.profile(p, &target.user_id).await;
                let notes = client
                    .list_notes(p, &target.user_id)
                    .await
                    .unwrap_or_default();
                let log = client
                    .moderation_log(Some((p, &target.user_id)), 1, 10)
                    .await
                    .map(|l| {
                        l.entries
                            .iter()
                            .filter_map(|e| serde_json::to_value(e).ok())
                            .collect()
                    })
                    .unwrap_or_default();
                let (profile, error) = match profile {
                    Ok(p) => (Some(p), None),
                    Err(e) => (None, Some(e.message)),
                };
                let card = Card {
                    target: Some(target),
                    profile,
                    notes: notes
                        .iter()
                        .filter_map(|n| serde_json::to_value(n).ok())
                        .collect(),
                    log,
                    error,
                };
                let _ = tx.send(Input::Card(Box::new(card))).await;
                return;
            }
            Effect::Quit => return,
        };
        let _ = tx.send(Input::Done(done.map_err(|e| e.message))).await;
    });
}

/// The keymap and scrollback from `[tui]` in the config file and the `--scrollback` flag;
/// a bad setting is a usage error that names it.
pub fn settings(
    cfg: &crate::config::TuiConfig,
    flag: Option<usize>,
) -> CliResult<(keymap::Keymap, usize)> {
    let keymap = keymap::Keymap::from_config(&cfg.keys, &cfg.colors)
        .map_err(|e| CliError::usage(format!("config.toml {e}")))?;
    let scrollback = flag.or(cfg.scrollback).unwrap_or(app::DEFAULT_SCROLLBACK);
    if !(100..=1_000_000).contains(&scrollback) {
        return Err(CliError::usage(
            "scrollback must be between 100 and 1000000",
        ));
    }
    Ok((keymap, scrollback))
}

/// Log in with a password and return the token (for `lumio demo`).
pub async fn login(server: &str, username: &str, password: &str) -> CliResult<String> {
    let c = Client::new(server, None, None)?;
    let r: Value = c
        .rest(
            Method::POST,
            "/v1/auth/login",
            Some(&json!({"username": username, "password": password})),
        )
        .await?;
    r["token"]
        .as_str()
        .map(String::from)
        .ok_or_else(|| CliError::failure("the server answered a login without a token"))
}

/// `ws://…/v1/chat/ws?token=…[&since=…]` for an `http://…` server.
pub fn ws_url(server: &str, token: &str, account: Option<&str>, since: Option<&str>) -> String {
    let base = server
        .replacen("https://", "wss://", 1)
        .replacen("http://", "ws://", 1);
    let mut url = format!("{base}/v1/chat/ws?token={}", encode(token));
    if let Some(a) = account {
        url.push_str(&format!("&account={}", encode(a)));
    }
    if let Some(c) = since {
        url.push_str(&format!("&since={}", encode(c)));
    }
    url
}
