//! The user card: the profile at the top, the chatter's recent messages (scrollable, the
//! highlighted one can be deleted), then the notes and the moderation log.

use chrono::DateTime;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::{Block, Borders, Clear};
use ratatui::Frame;

use super::chat::{card_rows, draw_rows, wrap, Piece};
use crate::duration::format_duration;
use crate::tui::state::{local_time, App, Card};

/// `      name value`, the value wrapped under itself.
fn field(w: u16, k: &str, v: String, style: Style) -> Vec<TLine<'static>> {
    let ps = vec![
        Piece {
            text: format!("{k:>10} "),
            style: Style::default().fg(Color::DarkGray),
            atomic: true,
        },
        Piece {
            text: v,
            style,
            atomic: false,
        },
    ];
    wrap(ps, w as usize, 11)
        .into_iter()
        .map(TLine::from)
        .collect()
}

fn heading(s: String) -> TLine<'static> {
    TLine::from(Span::styled(
        s,
        Style::default()
            .add_modifier(Modifier::BOLD)
            .fg(Color::Cyan),
    ))
}

/// The ban state as the card says it; a timeout counts down from when it was loaded.
fn ban_text(app: &App, card: &Card) -> (String, Style) {
    let Some(p) = &card.profile else {
        return ("…".into(), Style::default());
    };
    let reason = p
        .ban
        .reason
        .as_deref()
        .map(|r| format!(": {r}"))
        .unwrap_or_default();
    match p.ban.state.as_str() {
        "banned" => (
            format!("banned{reason}"),
            Style::default()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
        ),
        "timed_out" => {
            let left = p.ban.seconds_left.unwrap_or(0)
                - card
                    .loaded_at
                    .map_or(0, |t| (app.now - t).num_seconds().max(0));
            if left > 0 {
                (
                    format!("timed out, {} left{reason}", format_duration(left)),
                    Style::default()
                        .fg(Color::Yellow)
                        .add_modifier(Modifier::BOLD),
                )
            } else {
                ("timeout over".into(), Style::default())
            }
        }
        _ => ("none".into(), Style::default()),
    }
}

pub fn draw(f: &mut Frame, app: &App, area: Rect) {
    let Some(card) = &app.card else { return };
    let t = &card.target;
    let mut title = format!(" {} ({}) ", t.name, t.platform);
    if card.loading {
        title.push_str("· loading… ");
    }
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    f.render_widget(Clear, area);
    f.render_widget(block, area);
    let w = inner.width;

    let mut top: Vec<TLine<'static>> = Vec::new();
    for e in &card.errors {
        for r in wrap(
            vec![Piece {
                text: e.clone(),
                style: Style::default().fg(Color::Red),
                atomic: false,
            }],
            w as usize,
            2,
        ) {
            top.push(TLine::from(r));
        }
    }
    match &card.profile {
        None if card.loading => top.push(TLine::from("loading…")),
        None => {}
        Some(p) => {
            let (ban, ban_style) = ban_text(app, card);
            let when = |t: &Option<String>| {
                t.as_deref()
                    .map(|t| local_time(t, app.offset, "%Y-%m-%d %H:%M"))
                    .unwrap_or_else(|| "-".into())
            };
            top.extend(field(w, "id", p.platform_user_id.clone(), Style::default()));
            top.extend(field(
                w,
                "first seen",
                when(&p.first_seen_at),
                Style::default(),
            ));
            top.extend(field(
                w,
                "messages",
                p.message_count.to_string(),
                Style::default(),
            ));
            top.extend(field(w, "ban", ban, ban_style));
            let tr_style = match p.treatment.as_str() {
                "restricted" => Style::default().fg(Color::LightRed),
                "active_monitoring" => Style::default().fg(Color::Yellow),
                _ => Style::default(),
            };
            top.extend(field(
                w,
                "treatment",
                p.treatment.replace('_', " "),
                tr_style,
            ));
            let follows = match p.follower.following {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            };
            top.extend(field(w, "follows", follows.into(), Style::default()));
            if let Some(created) = p
                .enrichment
                .as_ref()
                .and_then(|e| e.account_created_at.clone())
            {
                let age = DateTime::parse_from_rfc3339(&created)
                    .map(|c| format!("{} days", (app.now - c.to_utc()).num_days()))
                    .unwrap_or(created);
                top.extend(field(w, "account", age, Style::default()));
            }
        }
    }

    // Notes and the log at the bottom, at most two fifths of the card.
    let mut bottom: Vec<TLine<'static>> = Vec::new();
    bottom.push(heading(format!(
        "notes ({})",
        card.profile
            .as_ref()
            .map_or(card.notes.len() as i64, |p| p.note_count)
    )));
    for n in card.notes.iter().take(5) {
        let ps = vec![
            Piece {
                text: format!("{}: ", n.created_by_name),
                style: Style::default().fg(Color::DarkGray),
                atomic: true,
            },
            Piece {
                text: n.note.clone(),
                style: Style::default(),
                atomic: false,
            },
        ];
        bottom.extend(wrap(ps, w as usize, 2).into_iter().map(TLine::from));
    }
    bottom.push(heading(format!("moderation log ({})", card.log.len())));
    for e in card.log.iter().take(8) {
        let mut text = format!(
            "{} {}",
            local_time(&e.created_at, app.offset, "%m-%d %H:%M"),
            e.action
        );
        if let Some(d) = e.duration_seconds.filter(|_| e.action == "timeout") {
            text.push_str(&format!(" {}", format_duration(d)));
        }
        text.push_str(&format!(" by {}", e.moderator_name));
        if let Some(r) = &e.reason {
            text.push_str(&format!(": {r}"));
        }
        let ps = vec![Piece {
            text,
            style: Style::default(),
            atomic: false,
        }];
        bottom.extend(wrap(ps, w as usize, 2).into_iter().map(TLine::from));
    }
    let max_bottom = (inner.height as usize * 2 / 5).max(2);
    bottom.truncate(max_bottom);

    let mid_h = (inner.height as usize)
        .saturating_sub(top.len())
        .saturating_sub(bottom.len())
        .saturating_sub(1);
    let mut mid: Vec<TLine<'static>> = vec![heading(format!(
        "recent messages ({}) ↑/↓",
        card.messages.len()
    ))];
    // Scroll so that the highlighted message is on screen.
    let rendered: Vec<Vec<TLine<'static>>> = card
        .messages
        .iter()
        .enumerate()
        .map(|(i, l)| card_rows(app, l, w, i == card.cursor))
        .collect();
    let mut start = 0;
    loop {
        let used: usize = rendered[start..=card.cursor.min(rendered.len().saturating_sub(1))]
            .iter()
            .map(Vec::len)
            .sum();
        if used <= mid_h || start >= card.cursor || rendered.is_empty() {
            break;
        }
        start += 1;
    }
    for r in rendered.iter().skip(start) {
        for row in r {
            if mid.len() > mid_h {
                break;
            }
            mid.push(row.clone());
        }
    }
    if card.messages.is_empty() && !card.loading {
        mid.push(TLine::from(Span::styled(
            "no messages",
            Style::default().fg(Color::DarkGray),
        )));
    }

    let mut y = inner.y;
    for part in [&top, &mid] {
        let h = (part.len() as u16).min(inner.y + inner.height - y);
        draw_rows(
            f.buffer_mut(),
            Rect::new(inner.x, y, w, h),
            &part[..h as usize],
        );
        y += h;
    }
    let bh = bottom.len() as u16;
    let by = (inner.y + inner.height).saturating_sub(bh).max(y);
    let h = (inner.y + inner.height).saturating_sub(by);
    draw_rows(
        f.buffer_mut(),
        Rect::new(inner.x, by, w, h),
        &bottom[..h as usize],
    );
}
