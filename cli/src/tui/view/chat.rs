//! Chat lines on screen: the spans of a line, wrapped with a hanging indent (continuation
//! rows start under the message text), and the window of lines that ends at the view's
//! bottom. Only the visible slice is wrapped.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line as TLine, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::tui::state::{pidx, tag, App, Line, System};

/// The selected line's background.
pub const SELECTED_BG: Color = Color::Rgb(50, 50, 70);

/// A piece of a line: text in one style; `atomic` pieces (the name, the time) are not
/// broken at their spaces.
pub struct Piece {
    pub text: String,
    pub style: Style,
    pub atomic: bool,
}

fn piece(text: impl Into<String>, style: Style) -> Piece {
    Piece {
        text: text.into(),
        style,
        atomic: true,
    }
}

fn words(text: impl Into<String>, style: Style) -> Piece {
    Piece {
        text: text.into(),
        style,
        atomic: false,
    }
}

/// The platform tag's style.
pub fn tag_style(app: &App, p: crate::platform::Platform) -> Style {
    Style::default()
        .fg(Color::Black)
        .bg(app.keymap.colors[pidx(p)])
}

/// The pieces of a chat line, and where its text starts (the hanging indent) and its name.
pub fn pieces(app: &App, l: &Line, with_name: bool) -> (Vec<Piece>, usize, usize) {
    let grey = Style::default().fg(Color::DarkGray);
    let mut out = vec![
        piece(tag(l.platform), tag_style(app, l.platform)),
        piece(format!(" {} ", l.time), grey),
    ];
    let name_at = width(tag(l.platform)) + l.time.width() + 2;
    if let Some(kind) = l.system {
        let style = Style::default()
            .fg(match kind {
                System::Ban => Color::LightRed,
                System::Timeout => Color::Yellow,
                System::Unban => Color::LightGreen,
                System::Stream | System::Control => Color::Gray,
            })
            .add_modifier(Modifier::ITALIC);
        out.push(words(l.text.clone(), style));
        return (out, name_at, name_at);
    }
    let mut text_at = name_at;
    if with_name {
        let marks = l.marks.glyphs();
        if !marks.is_empty() {
            text_at += marks.width();
            out.push(piece(marks, Style::default().fg(Color::Yellow)));
        }
        let name_style = if l.greyed {
            grey.add_modifier(Modifier::BOLD)
        } else {
            Style::default()
                .fg(l.color.unwrap_or(Color::White))
                .add_modifier(Modifier::BOLD)
        };
        text_at += l.name.width() + 2;
        out.push(piece(l.name.clone(), name_style));
        out.push(piece(": ", Style::default()));
    }
    if let Some(r) = &l.reply_to {
        out.push(piece(format!("↪ @{r} "), grey));
    }
    let base = if l.deleted_by.is_some() {
        grey.add_modifier(Modifier::CROSSED_OUT)
    } else if l.greyed {
        grey
    } else {
        Style::default()
    };
    let emote = base.fg(Color::Magenta).add_modifier(Modifier::BOLD);
    if l.emotes.is_empty() || l.greyed || l.deleted_by.is_some() {
        out.push(words(l.text.clone(), base));
    } else {
        // Emotes in colour, word by word (runs of plain words stay one piece).
        let mut run = String::new();
        for (i, w) in l.text.split(' ').enumerate() {
            if i > 0 {
                run.push(' ');
            }
            if l.emotes.iter().any(|e| e == w) {
                if !run.is_empty() {
                    out.push(words(std::mem::take(&mut run), base));
                }
                out.push(words(w.to_string(), emote));
            } else {
                run.push_str(w);
            }
        }
        if !run.is_empty() {
            out.push(words(run, base));
        }
    }
    if let Some(by) = &l.deleted_by {
        out.push(words(
            format!(" (deleted by {by})"),
            Style::default().fg(Color::Red),
        ));
    }
    (out, text_at, name_at)
}

fn width(s: &str) -> usize {
    s.width()
}

/// The hanging indent: under the text when that is not too far in, else under the name.
pub fn indent(text_at: usize, name_at: usize, w: usize) -> usize {
    if text_at * 5 <= w * 2 {
        text_at
    } else if name_at * 3 <= w {
        name_at
    } else {
        2.min(w.saturating_sub(1))
    }
}

/// Break pieces into rows of at most `w` columns; rows after the first start with `indent`
/// spaces. Words wrap whole; a word longer than a row (a URL) is broken where the row ends.
pub fn wrap(pieces: Vec<Piece>, w: usize, indent: usize) -> Vec<Vec<Span<'static>>> {
    let w = w.max(1);
    let indent = if indent + 1 >= w { 0 } else { indent };
    let mut rows: Vec<Vec<Span<'static>>> = Vec::new();
    let mut cur: Vec<Span<'static>> = Vec::new();
    let mut used = 0usize;
    let append = |cur: &mut Vec<Span<'static>>, text: &str, style: Style| match cur.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(text),
        _ => cur.push(Span::styled(text.to_string(), style)),
    };
    let newline =
        |rows: &mut Vec<Vec<Span<'static>>>, cur: &mut Vec<Span<'static>>, used: &mut usize| {
            // No spaces at the end of a row.
            while let Some(last) = cur.last_mut() {
                let keep = last.content.trim_end_matches(' ').len();
                if keep == 0 {
                    cur.pop();
                } else {
                    last.content.to_mut().truncate(keep);
                    break;
                }
            }
            rows.push(std::mem::take(cur));
            if indent > 0 {
                cur.push(Span::raw(" ".repeat(indent)));
            }
            *used = indent;
        };
    for p in pieces {
        let tokens: Vec<&str> = if p.atomic {
            vec![p.text.as_str()]
        } else {
            split_spaces(&p.text)
        };
        for tok in tokens {
            let tw = tok.width();
            let space = tok.starts_with(' ') && !p.atomic;
            if space {
                if used == indent && !rows.is_empty() {
                    continue; // no spaces at the start of a continuation row
                }
                if used + tw > w {
                    newline(&mut rows, &mut cur, &mut used);
                    continue;
                }
                append(&mut cur, tok, p.style);
                used += tw;
                continue;
            }
            if used + tw <= w {
                append(&mut cur, tok, p.style);
                used += tw;
                continue;
            }
            if tw <= w - indent && used > indent {
                newline(&mut rows, &mut cur, &mut used);
                append(&mut cur, tok, p.style);
                used += tw;
                continue;
            }
            // Longer than a row: break it, starting on a fresh row when little is left.
            if used > indent && w.saturating_sub(used) < 8.min(tw) {
                newline(&mut rows, &mut cur, &mut used);
            }
            let mut chunk = String::new();
            for c in tok.chars() {
                let cw = c.width().unwrap_or(0);
                if used + cw > w {
                    append(&mut cur, &chunk, p.style);
                    chunk.clear();
                    newline(&mut rows, &mut cur, &mut used);
                }
                chunk.push(c);
                used += cw;
            }
            append(&mut cur, &chunk, p.style);
        }
    }
    if !cur.is_empty() || rows.is_empty() {
        rows.push(cur);
    }
    rows
}

/// Runs of spaces and runs of other characters.
fn split_spaces(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in s.char_indices() {
        let sp = c == ' ';
        if in_space.is_some_and(|x| x != sp) {
            out.push(&s[start..i]);
            start = i;
        }
        in_space = Some(sp);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The background of a line: the selection, else its highlight.
fn background(app: &App, l: &Line, selected: bool) -> Option<Color> {
    if selected {
        Some(SELECTED_BG)
    } else {
        l.highlight.map(|h| app.highlighter.background(h))
    }
}

/// A chat line's rows at width `w`.
pub fn rows(app: &App, l: &Line, w: u16) -> Vec<TLine<'static>> {
    let selected = app.selected == Some(l.seq);
    let (ps, text_at, name_at) = pieces(app, l, true);
    let bg = background(app, l, selected);
    wrap(ps, w as usize, indent(text_at, name_at, w as usize))
        .into_iter()
        .map(|spans| {
            let line = TLine::from(spans);
            match bg {
                Some(c) => line.style(Style::default().bg(c)),
                None => line,
            }
        })
        .collect()
}

/// A message of the user card (no tag or name: they are all the card's chatter's).
pub fn card_rows(app: &App, l: &Line, w: u16, selected: bool) -> Vec<TLine<'static>> {
    let (mut ps, _, _) = pieces(app, l, false);
    ps.remove(0); // the tag
    let when = l.at.map_or_else(
        || l.time.clone(),
        |t| {
            t.with_timezone(&app.offset)
                .format("%m-%d %H:%M")
                .to_string()
        },
    );
    ps[0].text = format!("{when} ");
    let indent = 2;
    let bg = background(app, l, selected);
    wrap(ps, w as usize, indent)
        .into_iter()
        .map(|spans| {
            let line = TLine::from(spans);
            match bg {
                Some(c) => line.style(Style::default().bg(c)),
                None => line,
            }
        })
        .collect()
}

/// The lines on screen, oldest first, each with its rows; the first may not fit whole (its
/// top rows are cut). It ends at the view's bottom: the newest line, or where the pause is.
pub fn window(app: &App, w: u16, h: u16) -> Vec<(u64, Vec<TLine<'static>>)> {
    let mut out = Vec::new();
    let Some(end) = app.view_bottom().and_then(|b| app.index(b)) else {
        return out;
    };
    let mut used = 0usize;
    for i in (0..=end).rev() {
        let l = &app.lines[i];
        if !l.shown {
            continue;
        }
        let r = rows(app, l, w);
        used += r.len();
        out.push((l.seq, r));
        if used >= h as usize {
            break;
        }
    }
    out.reverse();
    out
}

/// Draw rows into `area`, the last `area.height` of them; a row's style fills its width.
pub fn draw_rows(buf: &mut Buffer, area: Rect, rows: &[TLine<'static>]) {
    let cut = rows.len().saturating_sub(area.height as usize);
    for (i, row) in rows[cut..].iter().enumerate() {
        let y = area.y + i as u16;
        let r = Rect::new(area.x, y, area.width, 1);
        buf.set_style(r, row.style);
        buf.set_line(area.x, y, row, area.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rows: &[Vec<Span<'static>>]) -> Vec<String> {
        rows.iter()
            .map(|r| r.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wraps_words_with_a_hanging_indent() {
        let ps = vec![
            piece("name: ", Style::default()),
            words(
                "the quick brown fox jumps over the lazy dog",
                Style::default(),
            ),
        ];
        let rows = wrap(ps, 20, 6);
        assert_eq!(
            text(&rows),
            [
                "name: the quick",
                "      brown fox",
                "      jumps over the",
                "      lazy dog"
            ]
        );
        for r in text(&rows) {
            assert!(r.width() <= 20, "{r}");
        }
    }

    #[test]
    fn breaks_words_longer_than_a_row() {
        let ps = vec![
            piece("bot: ", Style::default()),
            words(
                "go https://scam.example/gift/very/long/path now",
                Style::default(),
            ),
        ];
        let rows = text(&wrap(ps, 16, 5));
        assert_eq!(
            rows.concat().replace(' ', ""),
            "bot:gohttps://scam.example/gift/very/long/pathnow"
        );
        assert!(rows.iter().all(|r| r.width() <= 16), "{rows:?}");
        assert!(rows[1..].iter().all(|r| r.starts_with("     ")), "{rows:?}");
    }

    #[test]
    fn tiny_widths_and_wide_characters_never_panic() {
        for w in 0..6 {
            let ps = vec![
                piece("名前: ", Style::default()),
                words(
                    "日本語のメッセージ https://x.example/long 😀😀",
                    Style::default(),
                ),
            ];
            let rows = wrap(ps, w, 3);
            assert!(!rows.is_empty());
        }
    }

    #[test]
    fn indent_is_under_the_text_unless_too_far() {
        assert_eq!(indent(20, 12, 100), 20);
        assert_eq!(indent(50, 12, 100), 12);
        assert_eq!(indent(50, 40, 100), 2);
    }
}
