//! `?`: every key from the live keymap (and the fixed ones), the card's and the prompts'
//! keys, the mouse, the filter language, and what each glyph on the screen means.

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use crate::tui::command::COMMANDS;
use crate::tui::filter::SYNTAX;
use crate::tui::keymap::{Keymap, ACTIONS};
use crate::tui::state::{App, GLYPHS};

/// The help as (key, what it does) rows, with section headings (an empty key).
pub fn entries(k: &Keymap) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let head = |out: &mut Vec<(String, String)>, s: &str| out.push((String::new(), s.to_string()));
    head(
        &mut out,
        "keys (the [tui.keys] of config.toml can change the letters)",
    );
    for (_, a, _, what) in ACTIONS {
        let key = k.key(a).to_string();
        let key = match a {
            crate::tui::keymap::Action::Up => format!("{key} ↑"),
            crate::tui::keymap::Action::Down => format!("{key} ↓"),
            crate::tui::keymap::Action::Live => format!("{key} End"),
            crate::tui::keymap::Action::Card => format!("{key} Enter"),
            _ => key,
        };
        out.push((key, what.to_string()));
    }
    for (key, what) in [
        ("PgUp PgDn", "scroll a page (pauses the chat; at the bottom it goes live)"),
        ("Home", "the oldest message kept"),
        ("Esc", "close the card; else back to live"),
        ("1-5", "toggle twitch youtube kick trovo discord (with a card open: 1-4 time out 1m 10m 1h 1d)"),
        ("Ctrl-C", "quit"),
        ("mouse", "wheel scrolls (pauses), click selects a message"),
    ] {
        out.push((key.into(), what.into()));
    }
    head(&mut out, "the chat pauses while a message is selected or it is scrolled back: the status bar says `paused · N new`; End goes live again");
    head(&mut out, "user card");
    out.push((
        "↑ ↓ PgUp PgDn".into(),
        "its messages; the highlighted one is the one to delete".into(),
    ));
    out.push((
        "Enter".into(),
        "load the card again (it also refreshes on every event about the chatter)".into(),
    ));
    head(&mut out, "prompts (line editors)");
    for (key, what) in [
        ("Ctrl-A Ctrl-E", "start, end of the line (Home, End)"),
        (
            "← → Ctrl-← Ctrl-→",
            "a character, a word (Ctrl-B Ctrl-F, Alt-B Alt-F)",
        ),
        (
            "Ctrl-W Ctrl-U Ctrl-K",
            "delete the word before, to the start, to the end; Ctrl-Y pastes it back",
        ),
        ("↑ ↓", "the prompt's history"),
        (
            "Tab Shift-Tab",
            "complete chatters seen and emotes; again for the next",
        ),
        ("Ctrl-T", "in the send prompt: the next platform"),
        ("Enter Esc", "submit, cancel"),
    ] {
        out.push((key.into(), what.into()));
    }
    head(
        &mut out,
        "the : command line (USER: name, @name or platform:name)",
    );
    for (c, usage) in COMMANDS {
        out.push((c.into(), usage.into()));
    }
    head(&mut out, "the filter");
    out.push(("/".into(), SYNTAX.into()));
    head(&mut out, "glyphs");
    for (g, what) in GLYPHS {
        out.push((g.to_string(), what.to_string()));
    }
    for (g, what) in [
        ("TW YT KI TR DC", "Twitch, YouTube, Kick, Trovo, Discord"),
        ("↪ @name", "a reply to name"),
        ("●", "status bar: the platform's stream is live"),
        (
            "✓ ‖ × !",
            "status bar: bot active, paused, no channel connection, needs re-auth",
        ),
        ("strike", "a deleted message (who deleted it follows)"),
        ("grey", "the chatter was timed out or banned after it"),
        (
            "colour",
            "red: mentions you or has a [tui.highlights] term; green: a first message",
        ),
    ] {
        out.push((g.into(), what.into()));
    }
    out
}

pub fn draw(f: &mut Frame, app: &App, area: Rect, scroll: u16) {
    let rows = entries(&app.keymap);
    let w = area.width.min(100);
    let h = area.height;
    let r = Rect::new(area.x + (area.width - w) / 2, area.y, w, h);
    let lines: Vec<TLine> = rows
        .into_iter()
        .map(|(k, v)| {
            if k.is_empty() {
                TLine::from(Span::styled(
                    v,
                    Style::default()
                        .fg(Color::Cyan)
                        .add_modifier(Modifier::BOLD),
                ))
            } else {
                TLine::from(vec![
                    Span::styled(format!("{k:>20}  "), Style::default().fg(Color::Yellow)),
                    Span::raw(v),
                ])
            }
        })
        .collect();
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" help — ↑/↓ scroll, any other key closes "),
            )
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        r,
    );
}
