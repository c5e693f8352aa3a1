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
use tokio::sync::mpsc;

use crate::api::moderation::{Action, Moderation};
use crate::api::Client;
use crate::duration::format_duration;
use crate::error::{CliError, CliResult};
use crate::platform::Platform;
use app::{App, Card, Effect, Input};

/// How often the screen may be redrawn (a cap, not a rate: only when something changed).
pub const FRAME: Duration = Duration::from_millis(33);
/// How often the stream states and bot statuses are fetched again.
const STREAMS_EVERY: Duration = Duration::from_secs(30);

pub struct TuiOptions {
    /// The account's name for the status bar.
    pub account: String,
    /// The server, the token and the account to act in (for users in several).
    pub client: Client,
    pub scrollback: usize,
    pub keymap: keymap::Keymap,
}

/// Whether stdin and stdout are both terminals (the live screen needs them).
pub fn has_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(std::io::stdout(), LeaveAlternateScreen);
}

fn setup() -> CliResult<Terminal<CrosstermBackend<Stdout>>> {
    if !has_terminal() {
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
    let mut app = App::new(&opts.client.server(), &opts.account, opts.scrollback);
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
    let live = tokio::spawn(live::follow(opts.client.clone(), None, tx.clone()));
    // The account's moderation log, for the log pane. (The app still takes JSON values for
    // the log, the card and the stream states; typing them is the TUI issue's rewrite of
    // app.rs.)
    {
        let client = opts.client.clone();
        let tx = tx.clone();
        tokio::spawn(async move {
            if let Ok(log) = client.moderation_log(None, 1, 50).await {
                let _ = tx.send(Input::ModLog(values(&log.entries))).await;
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
                if let Ok(states) = client.stream_states().await {
                    if tx.send(Input::Streams(values(&states))).await.is_err() {
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

/// Typed values as the JSON the app reads.
fn values<T: serde::Serialize>(items: &[T]) -> Vec<serde_json::Value> {
    items
        .iter()
        .filter_map(|e| serde_json::to_value(e).ok())
        .collect()
}

/// A platform the app names; an unknown one is an error, never a silent Twitch.
fn platform(p: &str) -> Result<Platform, String> {
    p.parse::<Platform>().map_err(|e| e.message)
}

/// Carry out an effect on the server; its outcome comes back as an input.
fn carry_out(client: &Client, effect: Effect, tx: mpsc::Sender<Input>) {
    let client = client.clone();
    tokio::spawn(async move {
        let done = match effect {
            Effect::LoadCard { target } => {
                let card = match platform(&target.platform) {
                    Ok(p) => load_card(&client, p, target).await,
                    Err(e) => Card {
                        target: Some(target),
                        error: Some(e),
                        ..Card::default()
                    },
                };
                let _ = tx.send(Input::Card(Box::new(card))).await;
                return;
            }
            Effect::Quit => return,
            other => act(&client, other).await,
        };
        let _ = tx.send(Input::Done(done)).await;
    });
}

/// An action of the app on the server: what happened, or the error.
async fn act(client: &Client, effect: Effect) -> Result<String, String> {
    let moderate = |p: &str, action, user_id: Option<&str>| -> Result<Moderation, String> {
        let mut m = Moderation::on(platform(p)?, action, None);
        m.platform_user_id = user_id.map(String::from);
        Ok(m)
    };
    let e = |e: CliError| e.message;
    match effect {
        Effect::Ban { target, reason } => {
            let mut m = moderate(&target.platform, Action::Ban, Some(&target.user_id))?;
            m.reason = reason;
            client.moderate(&m).await.map_err(e)?;
            Ok(format!("banned {}", target.username))
        }
        Effect::Timeout {
            target,
            seconds,
            reason,
        } => {
            let mut m = moderate(&target.platform, Action::Timeout, Some(&target.user_id))?;
            m.duration_seconds = Some(seconds);
            m.reason = reason;
            let r = client.moderate(&m).await.map_err(e)?;
            Ok(format!(
                "timed out {} for {}",
                target.username,
                format_duration(r.duration_seconds.unwrap_or(seconds))
            ))
        }
        Effect::Delete {
            platform: p,
            message_id,
        } => {
            let mut m = moderate(&p, Action::Delete, None)?;
            m.message_id = Some(message_id);
            client.moderate(&m).await.map_err(e)?;
            Ok("deleted".to_string())
        }
        Effect::Note { target, text } => {
            client
                .add_note(platform(&target.platform)?, &target.user_id, &text)
                .await
                .map_err(e)?;
            Ok(format!("noted on {}", target.username))
        }
        Effect::Treat { target, treatment } => {
            client
                .set_treatment(platform(&target.platform)?, &target.user_id, &treatment)
                .await
                .map_err(e)?;
            Ok(format!("{} is now {treatment}", target.username))
        }
        Effect::Send { platform: p, text } => {
            let r = client
                .send_to_platform(platform(&p)?, &text, None)
                .await
                .map_err(e)?;
            Ok(format!("sent to {p} ({})", r.delivery.replace('_', " ")))
        }
        Effect::LoadCard { .. } | Effect::Quit => Ok(String::new()),
    }
}

/// The user card: profile, notes and the chatter's moderation log.
async fn load_card(client: &Client, p: Platform, target: app::Target) -> Card {
    let profile = client.profile(p, &target.user_id).await;
    let notes = client
        .list_notes(p, &target.user_id)
        .await
        .unwrap_or_default();
    let log = client
        .moderation_log(Some((p, &target.user_id)), 1, 10)
        .await
        .map(|l| values(&l.entries))
        .unwrap_or_default();
    let (profile, error) = match profile {
        Ok(p) => (serde_json::to_value(&p).ok(), None),
        Err(e) => (None, Some(e.message)),
    };
    Card {
        target: Some(target),
        profile,
        notes: values(&notes),
        log,
        error,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_platform_is_an_error_not_twitch() {
        assert_eq!(platform("kick"), Ok(Platform::Kick));
        assert_eq!(platform("Discord"), Ok(Platform::Discord));
        let e = platform("myspace").unwrap_err();
        assert!(e.contains("unknown platform 'myspace'"), "{e}");
    }
}
