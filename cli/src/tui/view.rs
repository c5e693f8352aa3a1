//! Drawing the app: the stream, the side panel (user card or moderation log), the status bar
//! and the prompt line. Only the visible slice of the stream is rendered.

use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line as TLine, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;
use serde_json::Value;

use super::app::{App, Conn, Line, Mode, PromptKind, PLATFORMS};
use super::keymap::{Action, Keymap};

fn platform_style(p: &str, colors: &[Color; 5]) -> (&'static str, Color) {
    let badge = match p {
        "twitch" => "TW",
        "youtube" => "YT",
        "kick" => "KI",
        "trovo" => "TR",
        "discord" => "DC",
        _ => "??",
    };
    let color = PLATFORMS
        .iter()
        .position(|x| *x == p)
        .map_or(Color::Gray, |i| colors[i]);
    (badge, color)
}

fn hex(c: &Option<String>) -> Color {
    c.as_deref()
        .and_then(|h| h.strip_prefix('#'))
        .filter(|h| h.len() == 6)
        .and_then(|h| u32::from_str_radix(h, 16).ok())
        .map(|n| Color::Rgb((n >> 16) as u8, (n >> 8) as u8, n as u8))
        .unwrap_or(Color::White)
}

/// One chat line as spans.
pub fn line_spans(l: &Line, selected: bool, colors: &[Color; 5]) -> TLine<'static> {
    let (badge, pc) = platform_style(&l.platform, colors);
    let mut spans = vec![
        Span::styled(
            format!("{badge} "),
            Style::default().fg(Color::Black).bg(pc),
        ),
        Span::styled(
            format!(" {} ", l.time),
            Style::default().fg(Color::DarkGray),
        ),
    ];
    let mut marks = String::new();
    if l.badges.iter().any(|b| b.starts_with("broadcaster")) {
        marks.push('▶');
    }
    if l.is_mod {
        marks.push('⚔');
    }
    if l.is_vip {
        marks.push('◆');
    }
    if l.is_sub {
        marks.push('★');
    }
    if l.first {
        marks.push('✦');
    }
    if l.restricted {
        marks.push('⚠');
    }
    if !marks.is_empty() {
        spans.push(Span::styled(marks, Style::default().fg(Color::Yellow)));
    }
    spans.push(Span::styled(
        l.username.clone(),
        Style::default()
            .fg(hex(&l.color))
            .add_modifier(Modifier::BOLD),
    ));
    spans.push(Span::raw(": "));
    if let Some(r) = &l.reply_to {
        spans.push(Span::styled(
            format!("↪ @{r} "),
            Style::default().fg(Color::DarkGray),
        ));
    }
    let deleted = l.deleted_by.is_some();
    let base = if deleted {
        Style::default()
            .fg(Color::DarkGray)
            .add_modifier(Modifier::CROSSED_OUT)
    } else {
        Style::default()
    };
    for (i, word) in l.text.split(' ').enumerate() {
        if i > 0 {
            spans.push(Span::styled(" ", base));
        }
        let style = if l.emotes.iter().any(|e| e == word) {
            base.fg(Color::Magenta).add_modifier(Modifier::BOLD)
        } else {
            base
        };
        spans.push(Span::styled(word.to_string(), style));
    }
    if let Some(by) = &l.deleted_by {
        spans.push(Span::styled(
            format!("  (deleted by {by})"),
            Style::default().fg(Color::Red),
        ));
    }
    let mut line = TLine::from(spans);
    if selected {
        line = line.style(Style::default().bg(Color::Rgb(50, 50, 70)));
    }
    line
}

pub fn draw(f: &mut Frame, app: &App) {
    let area = f.area();
    let rows = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .split(area);
    let wide = area.width >= 110;
    let side = app.card.is_some() || wide;
    let cols = Layout::default()
        .direction(Direction::Horizontal)
        .constraints(if side {
            vec![
                Constraint::Min(40),
                Constraint::Length(if wide { 44 } else { 38 }),
            ]
        } else {
            vec![Constraint::Min(40)]
        })
        .split(rows[0]);
    draw_stream(f, app, cols[0]);
    if side {
        if app.card.is_some() {
            draw_card(f, app, cols[1]);
        } else {
            draw_modlog(f, app, cols[1]);
        }
    }
    draw_status(f, app, rows[1]);
    draw_prompt(f, app, rows[2]);
    if app.mode == Mode::Help {
        draw_help(f, app, area);
    }
}

fn draw_stream(f: &mut Frame, app: &App, area: Rect) {
    let title = if app.filter_text.is_empty() {
        " chat ".to_string()
    } else {
        format!(" chat — filter: {} ", app.filter_text)
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let lines: Vec<TLine> = app
        .window(inner.height as usize)
        .into_iter()
        .map(|l| line_spans(l, Some(l.seq) == app.selected, &app.keymap.colors))
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "-".into(),
        other => other.to_string(),
    }
}

fn draw_card(f: &mut Frame, app: &App, area: Rect) {
    let Some(card) = &app.card else { return };
    let name = card
        .target
        .as_ref()
        .map(|t| format!(" {} ({}) ", t.username, t.platform))
        .unwrap_or_default();
    let block = Block::default().borders(Borders::ALL).title(name);
    let mut lines: Vec<TLine> = Vec::new();
    match (&card.profile, &card.error) {
        (_, Some(e)) => lines.push(TLine::from(Span::styled(
            e.clone(),
            Style::default().fg(Color::Red),
        ))),
        (None, None) => lines.push(TLine::from("loading…")),
        (Some(p), None) => {
            let ban = &p["ban"];
            let ban = match ban["state"].as_str() {
                Some("banned") => "banned".to_string(),
                Some("timed_out") => format!(
                    "timed out ({} left)",
                    crate::duration::format_duration(ban["seconds_left"].as_i64().unwrap_or(0))
                ),
                _ => "none".into(),
            };
            for (k, v) in [
                ("id", text(&p["platform_user_id"])),
                (
                    "first seen",
                    text(&p["first_seen_at"]).chars().take(16).collect(),
                ),
                ("messages", text(&p["message_count"])),
                ("ban", ban),
                ("treatment", text(&p["treatment"])),
                ("notes", text(&p["note_count"])),
                ("profile", text(&p["enrichment_status"])),
            ] {
                lines.push(TLine::from(vec![
                    Span::styled(format!("{k:>10} "), Style::default().fg(Color::DarkGray)),
                    Span::raw(v),
                ]));
            }
        }
    }
    if !card.notes.is_empty() {
        lines.push(TLine::from(Span::styled(
            "notes",
            Style::default().add_modifier(Modifier::BOLD),
        )));
        for n in card.notes.iter().take(4) {
            lines.push(TLine::from(format!(
                "  {}: {}",
                text(&n["created_by_name"]),
                text(&n["note"])
            )));
        }
    }
    if !card.log.is_empty() {
        lines.push(TLine::from(Span::styled(
            "moderation log",
            Style::default().add_modifier(Modifier::BOLD),
        )));
        for e in card.log.iter().take(5) {
            lines.push(TLine::from(format!(
                "  {} {} by {}",
                text(&e["created_at"]).get(5..16).unwrap_or_default(),
                text(&e["action"]),
                text(&e["moderator_name"])
            )));
        }
    }
    lines.push(TLine::from(Span::styled(
        "1-4 timeout 1m/10m/1h/1d · b ban · n note · Esc close",
        Style::default().fg(Color::DarkGray),
    )));
    f.render_widget(Clear, area);
    f.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

fn draw_modlog(f: &mut Frame, app: &App, area: Rect) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" moderation log ");
    let lines: Vec<TLine> = app
        .modlog
        .iter()
        .take(area.height as usize)
        .map(|s| TLine::from(s.clone()))
        .collect();
    f.render_widget(
        Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

fn draw_status(f: &mut Frame, app: &App, area: Rect) {
    let (conn, color) = match &app.conn {
        Conn::Connecting => ("connecting…".to_string(), Color::Yellow),
        Conn::Live => ("live".to_string(), Color::Green),
        Conn::Reconnecting(why) => (format!("reconnecting… ({why})"), Color::Red),
    };
    let mut spans = vec![
        Span::styled(
            format!(" {} ", app.account),
            Style::default().fg(Color::Black).bg(Color::Cyan),
        ),
        Span::raw(format!(" {} ", app.server)),
        Span::styled(conn, Style::default().fg(color)),
        Span::raw(format!("  {:.1} msg/s ", app.rate())),
    ];
    for (i, p) in PLATFORMS.iter().enumerate() {
        let (badge, pc) = platform_style(p, &app.keymap.colors);
        let live = app.live_states.iter().any(|(x, l)| x == p && *l);
        let style = if app.platforms_on[i] {
            Style::default().fg(pc)
        } else {
            Style::default()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::CROSSED_OUT)
        };
        let bot = app
            .bots
            .iter()
            .find(|(x, _)| x == p)
            .map_or("", |(_, b)| bot_mark(b));
        spans.push(Span::styled(
            format!(" {}{}{}{bot}", i + 1, badge, if live { "●" } else { "" }),
            style,
        ));
    }
    spans.push(Span::styled(
        "  ? help",
        Style::default().fg(Color::DarkGray),
    ));
    f.render_widget(Paragraph::new(TLine::from(spans)), area);
}

/// The status bar's mark for the account's bot on a platform (the help lists them).
fn bot_mark(status: &str) -> &'static str {
    match status {
        "active" => "✓",
        "paused" => "‖",
        "no_connection" => "×",
        _ => "?",
    }
}

fn draw_prompt(f: &mut Frame, app: &App, area: Rect) {
    let line = match &app.mode {
        Mode::Prompt { kind, input } => {
            let label = match kind {
                PromptKind::Filter => "filter (from: platform: is:deleted|first|mod|restricted has:link regex:)",
                PromptKind::Command => ":",
                PromptKind::Note => "note",
                PromptKind::Send => "send (PLATFORM MESSAGE)",
                PromptKind::Timeout => "timeout: 1) 1m 2) 10m 3) 1h 4) 1d ⏎, or a duration (30m, 1h30m) ⏎",
            };
            TLine::from(vec![
                Span::styled(format!("{label} › "), Style::default().fg(Color::Cyan)),
                Span::raw(input.clone()),
                Span::styled("▏", Style::default().fg(Color::Cyan)),
            ])
        }
        Mode::Confirm(p) => TLine::from(Span::styled(
            p.question.clone(),
            Style::default().fg(Color::Black).bg(Color::Yellow),
        )),
        _ => match &app.notice {
            Some((s, true)) => TLine::from(Span::styled(s.clone(), Style::default().fg(Color::Red))),
            Some((s, false)) => TLine::from(Span::styled(s.clone(), Style::default().fg(Color::Green))),
            None => TLine::from(Span::styled(
                "j/k select · b ban · t timeout · d delete · u card · n note · / filter · : command · q quit",
                Style::default().fg(Color::DarkGray),
            )),
        },
    };
    f.render_widget(Paragraph::new(line), area);
}

/// The keys, as the keymap has them.
pub fn help(k: &Keymap) -> Vec<(String, &'static str)> {
    let c = |a| k.key(a);
    vec![
        (format!("↑/↓ {}/{}", c(Action::Up), c(Action::Down)), "select a message (the stream stops scrolling)"),
        ("End/Esc".into(), "back to live (Esc also closes the card)"),
        (c(Action::Ban).to_string(), "ban the selected chatter (asks y/n)"),
        (c(Action::Timeout).to_string(), "timeout: 1 2 3 4 ⏎ = 1m 10m 1h 1d, or type a duration ⏎"),
        (c(Action::Delete).to_string(), "delete the selected message (asks y/n)"),
        (format!("{}/Enter", c(Action::Card)), "user card: profile, notes, log; 1-4 timeout, ban key bans"),
        (c(Action::Note).to_string(), "add a note on the chatter"),
        (c(Action::Filter).to_string(), "filter: from:user platform:twitch is:deleted is:first is:mod is:restricted has:link regex:… text"),
        ("1-5".into(), "toggle twitch youtube kick trovo discord"),
        (c(Action::Send).to_string(), "send a message: PLATFORM TEXT"),
        (c(Action::Command).to_string(), "ban USER [reason] · timeout USER 10m [reason] · note USER TEXT · treat USER restricted"),
        ("status".into(), "per platform: ● live; bot ✓ active, ‖ paused, × no channel connection"),
        (c(Action::Help).to_string(), "this help"),
        (c(Action::Quit).to_string(), "quit"),
    ]
}

fn draw_help(f: &mut Frame, app: &App, area: Rect) {
    let help = help(&app.keymap);
    let w = area.width.min(90);
    let h = (help.len() as u16 + 2).min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    let lines: Vec<TLine> = help
        .iter()
        .map(|(k, v)| {
            TLine::from(vec![
                Span::styled(format!("{k:>9}  "), Style::default().fg(Color::Cyan)),
                Span::raw(*v),
            ])
        })
        .collect();
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(" keys — any key closes "),
            )
            .wrap(Wrap { trim: true }),
        r,
    );
}

#[cfg(test)]
mod tests {
    use super::super::app::tests::{app_with, code, key};
    use super::super::app::Input;
    use super::*;
    use crossterm::event::KeyCode;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    use serde_json::json;

    fn screen(app: &App, w: u16, h: u16) -> String {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| draw(f, app)).unwrap();
        let buf = t.backend().buffer().clone();
        let mut out = String::new();
        for y in 0..h {
            for x in 0..w {
                out.push_str(buf[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn main_screen_at_80x24() {
        let mut app = app_with(30);
        app.update(Input::Conn(Conn::Live));
        let s = screen(&app, 80, 24);
        assert!(s.contains("hello 30"), "{s}");
        assert!(!s.contains("hello 5 "), "only the newest fit: {s}");
        assert!(s.contains("live"), "{s}");
        assert!(s.contains("1TW") && s.contains("5DC"), "{s}");
        assert!(s.contains("demo"), "{s}");
        assert_eq!(s.lines().count(), 24);
        insta::assert_snapshot!("main_screen_80x24", s);
        app.update(Input::Streams(vec![
            json!({"platform": "twitch", "live": true, "bot": "active"}),
            json!({"platform": "youtube", "live": false, "bot": "paused"}),
            json!({"platform": "kick", "live": false, "bot": "no_connection"}),
            json!({"platform": "trovo", "live": false, "bot": "active"}),
            json!({"platform": "discord", "live": false, "bot": "active"}),
        ]));
        let s = screen(&app, 80, 24);
        let status = s.lines().nth(22).unwrap();
        assert!(status.contains("1TW●✓ 2YT‖ 3KI× 4TR✓ 5DC✓"), "{status}");
        insta::assert_snapshot!("main_screen_120x40", screen(&app, 120, 40));
    }

    #[test]
    fn deleted_first_and_selected_lines() {
        let mut app = app_with(3);
        app.update(Input::Event(
            json!({"type": "message_deleted", "cursor": "x",
            "message_id": "m1", "user_id": "id-user1", "deleted_by": "Milo Mod"}),
        ));
        let s = screen(&app, 100, 10);
        assert!(s.contains("(deleted by Milo Mod)"), "{s}");
        assert!(s.contains("✦user1"), "first-time mark: {s}");
        insta::assert_snapshot!("deleted_and_first", s);
    }

    #[test]
    fn card_help_and_prompts() {
        let mut app = app_with(5);
        app.update(key('k'));
        app.update(key('u'));
        let s = screen(&app, 80, 24);
        assert!(s.contains("user5 (twitch)"), "{s}");
        assert!(s.contains("loading"), "{s}");
        let mut card = app.card.clone().unwrap();
        card.profile = Some(json!({"platform_user_id": "id-user5", "message_count": 12,
            "ban": {"state": "timed_out", "seconds_left": 590}, "treatment": "restricted",
            "note_count": 2, "enrichment_status": "ok", "first_seen_at": "2026-11-23T10:00:00Z"}));
        card.notes = vec![json!({"created_by_name": "Milo Mod", "note": "spams links"})];
        app.update(Input::Card(Box::new(card)));
        let s = screen(&app, 80, 24);
        assert!(s.contains("timed out (9m50s left)"), "{s}");
        assert!(s.contains("restricted"), "{s}");
        assert!(s.contains("Milo Mod: spams links"), "{s}");
        insta::assert_snapshot!("user_card", s);

        app.update(code(KeyCode::Esc));
        app.update(key('?'));
        let s = screen(&app, 100, 30);
        assert!(s.contains("keys — any key closes"), "{s}");
        assert!(
            s.contains("toggle twitch youtube kick trovo discord"),
            "{s}"
        );
        insta::assert_snapshot!("help", s);
        app.update(key('x'));
        app.update(key('t'));
        let s = screen(&app, 100, 10);
        assert!(s.contains("timeout: 1) 1m 2) 10m 3) 1h 4) 1d"), "{s}");
        insta::assert_snapshot!("timeout_prompt", s);
        app.update(code(KeyCode::Esc));
        app.update(key('b'));
        let s = screen(&app, 100, 10);
        assert!(s.contains("Ban user5 on twitch? y/n"), "{s}");
        insta::assert_snapshot!("ban_confirmation", s);
    }
}
