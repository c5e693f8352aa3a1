//! Output, after gh: a table on a terminal, tab-separated rows without headers when piped,
//! `--json` for machines. Colour only on a terminal, never with `NO_COLOR` or `--no-color`.

use std::io::{IsTerminal, Write};

use comfy_table::{presets, Attribute, Cell, ContentArrangement, Table};
use serde::Serialize;

use crate::error::{CliError, CliResult};

#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub json: bool,
    pub tty: bool,
    pub color: bool,
    pub quiet: bool,
}

impl Output {
    pub fn new(json: bool, no_color: bool, quiet: bool) -> Output {
        let tty = std::io::stdout().is_terminal();
        let color = tty && !no_color && std::env::var_os("NO_COLOR").is_none();
        Output {
            json,
            tty,
            color,
            quiet,
        }
    }

    /// Rows under headers: a table on a terminal, TSV (no headers) otherwise.
    pub fn table(&self, headers: &[&str], rows: &[Vec<String>]) -> CliResult<()> {
        let mut out = std::io::stdout().lock();
        if self.tty {
            let mut table = Table::new();
            table
                .load_preset(presets::NOTHING)
                .set_content_arrangement(ContentArrangement::Dynamic);
            if let Some((w, _)) = terminal_width() {
                table.set_width(w);
            }
            table.set_header(headers.iter().map(|h| {
                let c = Cell::new(h.to_uppercase());
                if self.color {
                    c.add_attribute(Attribute::Bold)
                } else {
                    c
                }
            }));
            for r in rows {
                table.add_row(r);
            }
            writeln!(out, "{table}")?;
        } else {
            for r in rows {
                let line: Vec<String> = r.iter().map(|f| tsv_field(f)).collect();
                writeln!(out, "{}", line.join("\t"))?;
            }
        }
        Ok(())
    }

    /// `value` as pretty JSON (one document).
    pub fn json<T: Serialize>(&self, value: &T) -> CliResult<()> {
        let text = serde_json::to_string_pretty(value)
            .map_err(|e| CliError::failure(format!("cannot print JSON: {e}")))?;
        writeln!(std::io::stdout().lock(), "{text}")?;
        Ok(())
    }

    /// A line for people (suppressed by `-q` and with `--json`).
    pub fn info(&self, line: &str) -> CliResult<()> {
        if !self.quiet && !self.json {
            writeln!(std::io::stdout().lock(), "{line}")?;
        }
        Ok(())
    }

    /// A time for people on a terminal, RFC 3339 otherwise.
    pub fn time(&self, rfc3339: &str) -> String {
        if !self.tty {
            return rfc3339.to_string();
        }
        match chrono::DateTime::parse_from_rfc3339(rfc3339) {
            Ok(t) => t
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            Err(_) => rfc3339.to_string(),
        }
    }
}

/// A field of a TSV row: tabs and line breaks would break the row.
pub fn tsv_field(s: &str) -> String {
    s.replace('\t', " ").replace('\r', "").replace('\n', "\\n")
}

fn terminal_width() -> Option<(u16, u16)> {
    comfy_table::Table::new()
        .width()
        .map(|w| (w, 0))
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .map(|w| (w, 0))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_fields_stay_on_one_line() {
        assert_eq!(tsv_field("a\tb\nc\r"), "a b\\nc");
        assert_eq!(tsv_field("plain"), "plain");
    }

    #[test]
    fn times_are_rfc3339_when_piped() {
        let o = Output {
            json: false,
            tty: false,
            color: false,
            quiet: false,
        };
        assert_eq!(
            o.time("2026-11-22T19:39:56.655563Z"),
            "2026-11-22T19:39:56.655563Z"
        );
        let t = Output { tty: true, ..o };
        assert_eq!(t.time("2026-11-22T19:39:56Z").len(), 16);
    }
}
