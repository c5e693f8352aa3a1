//! Output, after gh: a table on a terminal (sized to its width), tab-separated rows without
//! headers when piped (times in RFC 3339), `--json` for machines. Colour only on a terminal,
//! never with `NO_COLOR` or `--no-color`.
//!
//! `LUMIO_FORCE_TTY` (like gh's `GH_FORCE_TTY`) makes stdout count as a terminal for the
//! output format — its value, when a number, is the width — e.g. to keep tables through
//! `| less -R`. It never makes `lumio` prompt.

use std::io::{IsTerminal, Write};

use comfy_table::{presets, Attribute, Cell, ContentArrangement, Table};
use serde::Serialize;

use crate::error::{CliError, CliResult};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Output {
    pub json: bool,
    /// stdout is a terminal (or `LUMIO_FORCE_TTY` says to act as if).
    pub tty: bool,
    /// Columns of the terminal, when known.
    pub width: Option<u16>,
    pub color: bool,
    pub quiet: bool,
}

impl Output {
    pub fn new(json: bool, no_color: bool, quiet: bool) -> Output {
        let forced = std::env::var("LUMIO_FORCE_TTY")
            .ok()
            .filter(|v| !v.is_empty());
        let tty = forced.is_some() || std::io::stdout().is_terminal();
        // A width of 0 (a terminal that does not say, `LUMIO_FORCE_TTY=0`) is no width.
        let width = forced
            .and_then(|v| v.parse::<u16>().ok())
            .filter(|w| *w > 0)
            .or_else(|| if tty { terminal_width() } else { None });
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Output {
            json,
            tty,
            width,
            color: tty && !no_color && !no_color_env,
            quiet,
        }
    }

    /// Rows under headers: a table on a terminal, TSV (no headers) otherwise.
    pub fn table(&self, headers: &[&str], rows: &[Vec<String>]) -> CliResult<()> {
        let text = if self.tty {
            render_table(headers, rows, self.width, self.color)
        } else {
            render_tsv(rows)
        };
        write_stdout(&text)
    }

    /// `value` as pretty JSON (one document).
    pub fn json<T: Serialize>(&self, value: &T) -> CliResult<()> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| CliError::failure(format!("cannot print JSON: {e}")))?;
        write_stdout(&format!("{text}\n"))
    }

    /// A line of data (an id, a token, a count): always printed.
    pub fn line(&self, line: &str) -> CliResult<()> {
        write_stdout(&format!("{line}\n"))
    }

    /// A line for people (suppressed by `-q` and with `--json`).
    pub fn info(&self, line: &str) -> CliResult<()> {
        if self.quiet || self.json {
            return Ok(());
        }
        self.line(line)
    }

    /// A hint on stderr (suppressed by `-q`).
    pub fn note(&self, line: &str) {
        if !self.quiet {
            self.warn(line);
        }
    }

    /// A warning on stderr, printed even with `-q` (a closed stderr is not an error).
    pub fn warn(&self, line: &str) {
        let _ = writeln!(std::io::stderr().lock(), "{line}");
    }

    /// Bold on a colour terminal.
    pub fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// A time for people on a terminal (local, to the second, like the TUI), RFC 3339
    /// otherwise.
    pub fn time(&self, rfc3339: &str) -> String {
        if !self.tty {
            return rfc3339.to_string();
        }
        match chrono::DateTime::parse_from_rfc3339(rfc3339) {
            Ok(t) => t
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string(),
            Err(_) => rfc3339.to_string(),
        }
    }
}

fn write_stdout(text: &str) -> CliResult<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// A table for a terminal: upper-case headers (bold in colour), no borders, wrapped to
/// `width` columns when given.
pub fn render_table(
    headers: &[&str],
    rows: &[Vec<String>],
    width: Option<u16>,
    color: bool,
) -> String {
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .force_no_tty()
        .set_content_arrangement(ContentArrangement::Dynamic);
    if color {
        table.enforce_styling();
    }
    // A reported width of 0 would squeeze every column to nothing: no width, no wrapping.
    if let Some(w) = width.filter(|w| *w > 0) {
        table.set_width(w);
    }
    table.set_header(headers.iter().map(|h| {
        let c = Cell::new(h.to_uppercase());
        if color {
            c.add_attribute(Attribute::Bold)
        } else {
            c
        }
    }));
    for r in rows {
        table.add_row(r);
    }
    let lines: Vec<String> = table.lines().map(|l| l.trim_end().to_string()).collect();
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Rows for pipes: tab-separated, no headers, one line per row.
pub fn render_tsv(rows: &[Vec<String>]) -> String {
    let mut text = String::new();
    for r in rows {
        let line: Vec<String> = r.iter().map(|f| tsv_field(f)).collect();
        text.push_str(&line.join("\t"));
        text.push('\n');
    }
    text
}

/// A field of a TSV row: tabs and line breaks would break the row.
pub fn tsv_field(s: &str) -> String {
    s.replace('\t', " ").replace('\r', "").replace('\n', "\\n")
}

/// The terminal's width; a terminal that reports 0 columns (some pseudo-terminals in CI)
/// falls back to `COLUMNS`, else to no width.
fn terminal_width() -> Option<u16> {
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .filter(|w| *w > 0)
    };
    Table::new().width().filter(|w| *w > 0).or_else(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out(tty: bool) -> Output {
        Output {
            json: false,
            tty,
            width: None,
            color: false,
            quiet: false,
        }
    }

    fn rows() -> Vec<Vec<String>> {
        vec![
            vec!["1".into(), "Milo Mod".into(), "spams links".into()],
            vec!["2".into(), "Olive Owner".into(), "a\tb\nc".into()],
        ]
    }

    #[test]
    fn tsv_has_no_headers_and_one_line_per_row() {
        assert_eq!(
            render_tsv(&rows()),
            "1\tMilo Mod\tspams links\n2\tOlive Owner\ta b\\nc\n"
        );
        assert_eq!(render_tsv(&[]), "");
        assert_eq!(tsv_field("a\tb\nc\r"), "a b\\nc");
        assert_eq!(tsv_field("plain"), "plain");
    }

    #[test]
    fn tables_have_headers_and_aligned_columns() {
        let t = render_table(&["id", "author", "note"], &rows()[..1], Some(80), false);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 2, "{t}");
        assert!(
            lines[0].contains("ID") && lines[0].contains("AUTHOR") && lines[0].contains("NOTE")
        );
        assert_eq!(
            lines[0].find("AUTHOR"),
            lines[1].find("Milo Mod"),
            "columns line up:\n{t}"
        );
        assert!(!t.contains('\x1b'), "no colour: {t:?}");
    }

    #[test]
    fn tables_fit_the_width() {
        let long = "word ".repeat(60);
        let t = render_table(
            &["id", "note"],
            &[vec!["1".into(), long.clone()]],
            Some(40),
            false,
        );
        assert!(t.lines().count() > 2, "wrapped:\n{t}");
        for l in t.lines() {
            assert!(l.chars().count() <= 40, "{} > 40: {l:?}", l.chars().count());
        }
        let wide = render_table(&["id", "note"], &[vec!["1".into(), long]], Some(400), false);
        assert_eq!(wide.lines().count(), 2, "{wide}");
    }

    #[test]
    fn a_terminal_of_width_0_still_gets_a_readable_table() {
        let rows = vec![vec![
            "2026-11-22 19:39:56".to_string(),
            "timeout".to_string(),
            "caps, again".to_string(),
        ]];
        let t = render_table(&["time", "action", "reason"], &rows, Some(0), false);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 2, "one line per row, not wrapped:\n{t}");
        assert!(
            lines[0].contains("TIME") && lines[0].contains("REASON"),
            "{t}"
        );
        assert!(lines[1].contains("2026-11-22 19:39:56") && lines[1].contains("caps, again"));
        assert_eq!(lines[0].find("ACTION"), lines[1].find("timeout"), "{t}");
    }

    #[test]
    fn colour_only_when_asked() {
        let t = render_table(&["id"], &[vec!["1".into()]], Some(80), true);
        assert!(t.contains("\x1b[1m"), "bold headers: {t:?}");
        let o = Output {
            color: true,
            ..out(true)
        };
        assert_eq!(o.bold("x"), "\x1b[1mx\x1b[0m");
        assert_eq!(out(true).bold("x"), "x");
    }

    #[test]
    fn json_is_snake_case() {
        let note = crate::api::model::Note {
            id: "i".into(),
            account_id: "a".into(),
            platform: "twitch".into(),
            platform_user_id: "1".into(),
            note: "n".into(),
            created_by: None,
            created_by_name: "Milo Mod".into(),
            created_at: "2026-11-22T19:39:56Z".into(),
            updated_at: "2026-11-22T19:39:56Z".into(),
        };
        let v = serde_json::to_value(&note).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "account_id",
                "created_at",
                "created_by",
                "created_by_name",
                "id",
                "note",
                "platform",
                "platform_user_id",
                "updated_at"
            ]
        );
    }

    #[test]
    fn times_are_rfc3339_when_piped() {
        assert_eq!(
            out(false).time("2026-11-22T19:39:56.655563Z"),
            "2026-11-22T19:39:56.655563Z"
        );
        let shown = out(true).time("2026-11-22T19:39:56Z");
        assert_eq!(shown.len(), 19, "{shown}");
        assert!(shown.ends_with(":56"), "to the second: {shown}");
        assert_eq!(out(true).time("not a time"), "not a time");
    }
}
