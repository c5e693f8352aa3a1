//! Drawing the state: the chat, the side pane (the user card or the moderation log), the
//! status bar and the prompt line, and the help, confirmation and choice overlays. The
//! layout ([`areas`]) and the chat window ([`chat::window`]) are pure functions of the
//! state, so the update can map a mouse click to a message the same way the screen drew it.

pub mod card;
pub mod chat;
pub mod help;
pub mod log;

#[cfg(test)]
mod tests;

use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::keymap::Action;
use super::state::{pidx, tag, App, Conn, Level, Mode, PromptKind, SENDABLE, WIDE};
use crate::duration::format_duration;
use crate::platform::Platform;

/// Where things are on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The chat's frame, and inside it (None when the side pane covers the screen).
    pub chat_block: Option<Rect>,
    pub chat: Option<Rect>,
    /// The user card or the log pane.
    pub side: Option<Rect>,
    pub status: Rect,
    pub prompt: Rect,
}

/// The side pane's width.
fn side_width(w: u16) -> u16 {
    if w >= WIDE {
        44
    } else {
        38
    }
}

pub fn areas(app: &App, full: Rect) -> Areas {
    let bars = full.height.min(2);
    let main = Rect::new(full.x, full.y, full.width, full.height - bars);
    let status = Rect::new(full.x, full.y + main.height, full.width, bars.min(1));
    let prompt = Rect::new(
        full.x,
        full.y + main.height + status.height,
        full.width,
        bars.saturating_sub(1),
    );
    let side_wanted = app.card.is_some() || app.log_shown();
    let (chat_block, side) = if !side_wanted {
        (Some(main), None)
    } else {
        let sw = side_width(full.width);
        if full.width >= 40 + sw {
            (
                Some(Rect::new(main.x, main.y, main.width - sw, main.height)),
                Some(Rect::new(main.x + main.width - sw, main.y, sw, main.height)),
            )
        } else {
            // Too narrow for both: the pane covers the chat (its key hides it again).
            (None, Some(main))
        }
    };
    let chat = chat_block.map(|r| Block::default().borders(Borders::ALL).inner(r));
    Areas {
        chat_block,
        chat,
        side,
        status,
        prompt,
    }
}

pub fn draw(f: &mut Frame, app: &App) {
    let a = areas(app, f.area());
    if let (Some(block), Some(inner)) = (a.chat_block, a.chat) {
        draw_chat(f, app, block, inner);
    }
    if let Some(side) = a.side {
        if app.card.is_some() {
            card::draw(f, app, side);
        } else {
            log::draw(f, app, side);
        }
    }
    draw_status(f, app, a.status);
    draw_prompt(f, app, a.prompt);
    match &app.mode {
        Mode::Help { scroll } => help::draw(f, app, f.area(), *scroll),
        Mode::Choose(c) => {
            let lines: Vec<TLine> = c
                .options
                .iter()
                .enumerate()
                .map(|(i, (label, _))| {
                    TLine::from(vec![
                        Span::styled(format!(" {}) ", i + 1), Style::default().fg(Color::Cyan)),
                        Span::raw(label.clone()),
                    ])
                })
                .collect();
            popup(f, f.area(), &c.question, lines);
        }
        _ => {}
    }
}

/// A box in the middle of `area` with `lines` in it.
pub fn popup(f: &mut Frame, area: Rect, title: &str, lines: Vec<TLine<'static>>) {
    let widest = lines.iter().map(|l| l.width()).max().unwrap_or(0);
    let w = (widest.max(title.width() + 4) as u16 + 4).min(area.width);
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::default()
                .borders(Borders::ALL)
                .title(format!(" {title} ")),
        ),
        r,
    );
}

fn draw_chat(f: &mut Frame, app: &App, block_area: Rect, inner: Rect) {
    let mut title = vec![Span::raw(" chat ")];
    if !app.filter_text.is_empty() {
        title.push(Span::styled(
            format!("filter: {} ", app.filter_text),
            Style::default().fg(Color::Cyan),
        ));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(TLine::from(title));
    f.render_widget(block, block_area);
    let win = chat::window(app, inner.width, inner.height);
    if win.is_empty() {
        let why = if app.lines.is_empty() {
            "waiting for chat…".to_string()
        } else if !app.filter.is_empty() {
            format!(
                "no message matches the filter `{}` ({} kept) · / changes it, :filter clears it",
                app.filter_text,
                app.lines.len()
            )
        } else {
            "every platform is toggled off (1–5 toggle them)".to_string()
        };
        f.render_widget(
            Paragraph::new(Span::styled(why, Style::default().fg(Color::DarkGray)))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let rows: Vec<TLine<'static>> = win.into_iter().flat_map(|(_, r)| r).collect();
    chat::draw_rows(f.buffer_mut(), inner, &rows);
}

/// The status bar's mark for the account's bot on a platform (the help lists them).
pub fn bot_mark(status: &str) -> &'static str {
    match status {
        "active" => "✓",
        "paused" => "‖",
        "no_connection" => "×",
        "needs_reauth" => "!",
        _ => "?",
    }
}

fn draw_status(f: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 {
        return;
    }
    let mut spans = vec![
        Span::styled(
            format!(" {} ", app.account),
            Style::default().fg(Color::Black).bg(Color::Cyan),
        ),
        Span::raw(format!(" {} ", app.server)),
    ];
    match &app.conn {
        Conn::Connecting => spans.push(Span::styled(
            "connecting…",
            Style::default().fg(Color::Yellow),
        )),
        Conn::Reconnecting(why) => spans.push(Span::styled(
            format!("reconnecting… ({why})"),
            Style::default().fg(Color::Red),
        )),
        Conn::Live if app.paused.is_none() => {
            spans.push(Span::styled("live", Style::default().fg(Color::Green)))
        }
        Conn::Live => {}
    }
    if let Some(p) = app.paused {
        if app.conn != Conn::Live {
            spans.push(Span::raw(" · "));
        }
        spans.push(Span::styled(
            format!("paused · {} new", p.new),
            Style::default()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        ));
    }
    spans.push(Span::raw(format!(
        "  {:.1} msg/s ",
        app.rate.per_second(app.now)
    )));
    for (i, p) in Platform::ALL.iter().enumerate() {
        let live = app.live_states[i] == Some(true);
        let style = if app.platforms_on[i] {
            Style::default().fg(app.keymap.colors[pidx(*p)])
        } else {
            Style::default()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::CROSSED_OUT)
        };
        let bot = app.bots[i].as_deref().map_or("", bot_mark);
        spans.push(Span::styled(
            format!(" {}{}{}{bot}", i + 1, tag(*p), if live { "●" } else { "" }),
            style,
        ));
    }
    if !app.log_shown() && app.card.is_none() {
        let k = app.keymap.key(Action::Log);
        let unseen = if app.log_unseen > 0 {
            format!("·{}", app.log_unseen)
        } else {
            String::new()
        };
        spans.push(Span::styled(
            format!("  {k} log{unseen}"),
            Style::default().fg(if app.log_unseen > 0 {
                Color::Yellow
            } else {
                Color::DarkGray
            }),
        ));
    }
    spans.push(Span::styled(
        format!("  {} help", app.keymap.key(Action::Help)),
        Style::default().fg(Color::DarkGray),
    ));
    f.render_widget(Paragraph::new(TLine::from(spans)), area);
}

fn draw_prompt(f: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 {
        return;
    }
    let cyan = Style::default().fg(Color::Cyan);
    let line = match &app.mode {
        Mode::Prompt(p) => {
            let mut label: Vec<Span<'static>> = match p.kind {
                PromptKind::Filter => vec![Span::styled("filter › ", cyan)],
                PromptKind::Command => vec![Span::styled(": ", cyan)],
                PromptKind::Note => {
                    let who = p
                        .target
                        .as_ref()
                        .map(|t| format!("note on {} ({}) › ", t.name, t.platform))
                        .unwrap_or_else(|| "note › ".into());
                    vec![Span::styled(who, cyan)]
                }
                PromptKind::Timeout => {
                    let who = p
                        .target
                        .as_ref()
                        .map(|t| t.name.clone())
                        .unwrap_or_default();
                    vec![Span::styled(
                        format!("time out {who}: 1) 1m 2) 10m 3) 1h 4) 1d, or 30m [reason] › "),
                        cyan,
                    )]
                }
                PromptKind::Send => {
                    let mut s = vec![Span::styled("send to ", cyan)];
                    for sp in SENDABLE {
                        let st = if sp == p.platform {
                            app_tag_style(app, sp).add_modifier(Modifier::BOLD)
                        } else {
                            Style::default().fg(Color::DarkGray)
                        };
                        s.push(Span::styled(format!(" {} ", sp), st));
                    }
                    s.push(Span::styled(" (Ctrl-T) › ", cyan));
                    s
                }
            };
            let error = p.error.clone().or_else(|| {
                (p.kind == PromptKind::Filter)
                    .then(|| app.filter_error.clone())
                    .flatten()
            });
            let label_w: usize = label.iter().map(|s| s.width()).sum();
            let err_w = error.as_ref().map_or(0, |e| e.width() + 3);
            let field = (area.width as usize)
                .saturating_sub(label_w)
                .saturating_sub(err_w.min(area.width as usize / 2))
                .max(8);
            let (cursor, scroll) = p.editor.visual(field.saturating_sub(1));
            let shown: String = skip_cols(p.editor.value(), scroll, field);
            label.push(Span::raw(format!("{shown:<field$}")));
            if let Some(e) = error {
                label.push(Span::styled(
                    format!(" ✗ {e}"),
                    Style::default().fg(Color::Red).add_modifier(Modifier::BOLD),
                ));
            }
            let x = area.x + (label_w + cursor).min(area.width.saturating_sub(1) as usize) as u16;
            f.set_cursor_position(Position::new(x, area.y));
            TLine::from(label)
        }
        Mode::Confirm(p) => TLine::from(Span::styled(
            p.question.clone(),
            Style::default().fg(Color::Black).bg(Color::Yellow),
        )),
        Mode::Choose(c) => TLine::from(Span::styled(
            c.question.clone(),
            Style::default().fg(Color::Black).bg(Color::Yellow),
        )),
        _ => match &app.notice {
            Some(n) => TLine::from(Span::styled(
                n.text.clone(),
                Style::default().fg(match n.level {
                    Level::Info => Color::Green,
                    Level::Warn => Color::Yellow,
                    Level::Error => Color::Red,
                }),
            )),
            None => {
                let k = |a| app.keymap.key(a);
                let hint = if app.card.is_some() {
                    format!(
                        "↑↓ messages · 1-4/{} timeout · {} ban · {} unban · {} delete · {} note · {} treatment · Esc",
                        k(Action::Timeout), k(Action::Ban), k(Action::Unban), k(Action::Delete), k(Action::Note), k(Action::Treatment)
                    )
                } else {
                    format!(
                        "{}/{} select · {} ban · {} timeout · {} delete · {} card · / filter · : command · {} send · {} help",
                        k(Action::Down), k(Action::Up), k(Action::Ban), k(Action::Timeout), k(Action::Delete), k(Action::Card), k(Action::Send), k(Action::Help)
                    )
                };
                TLine::from(Span::styled(hint, Style::default().fg(Color::DarkGray)))
            }
        },
    };
    f.render_widget(Paragraph::new(line), area);
}

fn app_tag_style(app: &App, p: Platform) -> Style {
    chat::tag_style(app, p)
}

/// The columns `from..from + width` of a text.
fn skip_cols(s: &str, from: usize, width: usize) -> String {
    let mut col = 0;
    let mut out = String::new();
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if col >= from && col + w <= from + width {
            out.push(c);
        }
        col += w;
    }
    out
}

/// A duration for the log and the card.
pub fn span_text(secs: Option<i64>) -> String {
    secs.map(format_duration).unwrap_or_default()
}
