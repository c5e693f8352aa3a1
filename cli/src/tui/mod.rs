//! The live multichat TUI (`lumio chat`, `lumio demo`): one stream for every platform, a
//! user card, moderation in a keystroke. After gitui and ratatui's demo2: the state
//! ([`state`], the session's bounded memory in [`session`]) changes only in a pure update
//! ([`update`]; keys in [`keys`], live events in [`events`], the `:` line in [`command`], the
//! user card in [`card`], prompts in [`editor`], the query language in [`filter`]) that
//! returns effects as data; [`view`] draws the state; this module runs the loop — terminal
//! events, the live WebSocket ([`live`], reconnecting and resuming from its cursor), and the
//! effects ([`effects`], through the typed API client). The terminal is restored on exit and
//! on panic.

pub mod card;
pub mod command;
pub mod editor;
pub mod effects;
pub mod events;
pub mod filter;
pub mod highlight;
pub mod keymap;
pub mod keys;
pub mod line;
pub mod live;
pub mod session;
pub mod state;
pub mod update;
pub mod view;

#[cfg(test)]
pub mod tests;

use std::io::Stdout;
use std::time::Duration;

use chrono::{Local, Offset, Utc};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use tokio::sync::mpsc;

use crate::api::Client;
use crate::error::{CliError, CliResult};
pub use state::{App, Effect, DEFAULT_SCROLLBACK};
pub use update::Input;

/// How often the screen may be redrawn (a cap, not a rate: only when something changed).
pub const FRAME: Duration = Duration::from_millis(33);
/// How often the stream states and bot statuses are fetched again.
const STREAMS_EVERY: Duration = Duration::from_secs(30);

/// The settings of the live screen, from `[tui]` and the flags.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: keymap::Keymap,
    pub scrollback: usize,
    pub highlighter: highlight::Highlighter,
}

pub struct TuiOptions {
    /// The account's name for the status bar.
    pub account: String,
    /// The server, the token and the account to act in (for users in several).
    pub client: Client,
    pub settings: Settings,
}

/// Whether stdin and stdout are both terminals (the live screen needs them).
pub fn has_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(std::io::stdout(), DisableMouseCapture, LeaveAlternateScreen);
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
    execute!(std::io::stdout(), EnterAlternateScreen, EnableMouseCapture)
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

/// The app for a client and settings (times in local time).
pub fn app(opts: &TuiOptions) -> App {
    let mut app = App::new(
        &opts.client.server(),
        &opts.account,
        opts.settings.scrollback,
    );
    app.keymap = opts.settings.keymap.clone();
    app.highlighter = opts.settings.highlighter.clone();
    app.offset = Local::now().offset().fix();
    app.now = Utc::now();
    app
}

/// Start what feeds the app besides the keys: the live stream, the moderation log, who is
/// signed in, the stream states, and a tick a second.
pub fn start_feeds(client: &Client, tx: &mpsc::Sender<Input>) -> tokio::task::JoinHandle<()> {
    let live = tokio::spawn(live::follow(client.clone(), None, tx.clone()));
    {
        let (client, tx) = (client.clone(), tx.clone());
        tokio::spawn(async move {
            if let Ok(log) = client.moderation_log(None, 1, 50).await {
                let _ = tx.send(Input::ModLog(log.entries)).await;
            }
            if let Ok(me) = client.me().await {
                let _ = tx.send(Input::Me(Box::new(me))).await;
            }
        });
    }
    {
        let (client, tx) = (client.clone(), tx.clone());
        tokio::spawn(async move {
            let mut every = tokio::time::interval(STREAMS_EVERY);
            loop {
                every.tick().await;
                if let Ok(states) = client.stream_states().await {
                    if tx.send(Input::Streams(states)).await.is_err() {
                        return;
                    }
                }
            }
        });
    }
    {
        let tx = tx.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(1));
            loop {
                every.tick().await;
                if tx.send(Input::Tick(Utc::now())).await.is_err() {
                    return;
                }
            }
        });
    }
    live
}

async fn run_loop(
    term: &mut Terminal<CrosstermBackend<Stdout>>,
    opts: TuiOptions,
) -> CliResult<()> {
    let mut app = app(&opts);
    if let Ok(size) = term.size() {
        app.size = (size.width, size.height);
    }
    let (tx, mut rx) = mpsc::channel::<Input>(4096);

    // Keys, the mouse and resizes, read on a blocking thread.
    let keys = tx.clone();
    std::thread::spawn(move || loop {
        match event::poll(Duration::from_millis(100)) {
            Ok(true) => {
                let input = match event::read() {
                    Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => Input::Key(k),
                    Ok(Event::Mouse(m)) => Input::Mouse(m),
                    Ok(Event::Resize(w, h)) => Input::Resize(w, h),
                    Ok(_) => continue,
                    Err(_) => return,
                };
                if keys.blocking_send(input).is_err() {
                    return;
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
    let live = start_feeds(&opts.client, &tx);

    let mut dirty = true;
    let mut tick = tokio::time::interval(FRAME);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
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
                    let (client, tx) = (opts.client.clone(), tx.clone());
                    tokio::spawn(async move {
                        if let Some(input) = effects::perform(&client, e).await {
                            let _ = tx.send(input).await;
                        }
                    });
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

/// The settings from `[tui]` in the config file and the `--scrollback` flag; a bad setting
/// is a usage error that names it.
pub fn settings(cfg: &crate::config::TuiConfig, flag: Option<usize>) -> CliResult<Settings> {
    let keymap = keymap::Keymap::from_config(&cfg.keys, &cfg.colors)
        .map_err(|e| CliError::usage(format!("config.toml {e}")))?;
    let highlighter = highlight::Highlighter::from_config(&cfg.highlights)
        .map_err(|e| CliError::usage(format!("config.toml {e}")))?;
    let scrollback = flag.or(cfg.scrollback).unwrap_or(DEFAULT_SCROLLBACK);
    if !(100..=1_000_000).contains(&scrollback) {
        return Err(CliError::usage(
            "scrollback must be between 100 and 1000000",
        ));
    }
    Ok(Settings {
        keymap,
        scrollback,
        highlighter,
    })
}
