//! The moderation-log pane: newest first, each entry `time platform actor → target action
//! duration: reason`, wrapped under its time.

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::{Block, Borders, Clear};
use ratatui::Frame;

use super::chat::{draw_rows, tag_style, wrap, Piece};
use crate::tui::keymap::Action;
use crate::tui::state::{tag, App, LogItem};

fn action_color(action: &str) -> Color {
    match action {
        "ban" => Color::LightRed,
        "timeout" => Color::Yellow,
        "unban" => Color::LightGreen,
        "delete" => Color::Magenta,
        "note" => Color::Cyan,
        _ => Color::LightBlue,
    }
}

/// One entry's pieces.
pub fn pieces(app: &App, e: &LogItem) -> Vec<Piece> {
    let p = |text: String, style: Style| Piece {
        text,
        style,
        atomic: true,
    };
    let mut out = vec![p(
        format!("{} ", e.time),
        Style::default().fg(Color::DarkGray),
    )];
    if let Some(pl) = e.platform {
        out.push(p(tag(pl).to_string(), tag_style(app, pl)));
        out.push(p(" ".into(), Style::default()));
    }
    let bold = Style::default().add_modifier(Modifier::BOLD);
    out.push(p(e.actor.clone(), bold));
    out.push(p(" → ".into(), Style::default().fg(Color::DarkGray)));
    out.push(p(e.target.clone(), bold));
    out.push(p(" ".into(), Style::default()));
    out.push(p(
        e.action.clone(),
        Style::default().fg(action_color(&e.action)),
    ));
    if let Some(d) = e.duration.filter(|_| e.action == "timeout") {
        out.push(p(
            format!(" {}", crate::duration::format_duration(d)),
            Style::default().fg(Color::Yellow),
        ));
    }
    if let Some(d) = &e.delivery {
        let color = match d.as_str() {
            "confirmed" => Color::Green,
            "failed" => Color::LightRed,
            _ => Color::DarkGray,
        };
        out.push(p(format!(" [{d}]"), Style::default().fg(color)));
    }
    if let Some(r) = &e.reason {
        out.push(Piece {
            text: format!(": {r}"),
            style: Style::default().add_modifier(Modifier::ITALIC),
            atomic: false,
        });
    }
    out
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let title = format!(" moderation log ({} hides) ", app.keymap.key(Action::Log));
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    f.render_widget(Clear, area);
    f.render_widget(block, area);
    let mut rows: Vec<TLine<'static>> = Vec::new();
    for e in &app.modlog {
        for r in wrap(pieces(app, e), inner.width as usize, 9) {
            rows.push(TLine::from(r));
        }
        if rows.len() >= inner.height as usize {
            break;
        }
    }
    if rows.is_empty() {
        rows.push(TLine::from(Span::styled(
            "nothing yet",
            Style::default().fg(Color::DarkGray),
        )));
    }
    rows.truncate(inner.height as usize);
    draw_rows(f.buffer_mut(), inner, &rows);
}
