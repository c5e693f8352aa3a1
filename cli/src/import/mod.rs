//! Converting other bots' command files into lumio's canonical import rows, one module per
//! format. The server translates the variables of each format (`$(user)`, `${user}`,
//! `(sender)`, `$user`, `%user%` → `{user}`) and reports what it could not; the converters
//! map the structure — names, roles, cooldowns, platforms — and note, per command, every
//! thing that has no place in lumio (a cost, a sound file, a regular-only level…).
//!
//! A file that cannot be read is refused whole, naming the line (or the record) and the
//! field: nothing is sent to the server.

pub mod firebot;
pub mod lumio;
pub mod nightbot;
pub mod phantombot;
pub mod streamelements;
pub mod streamlabs;

use std::fmt::Display;

use clap::ValueEnum;
use serde_json::Value;

use crate::api::bot_commands::ImportRow;
use crate::error::{CliError, CliResult};

/// The formats `lumio commands import --from` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Lumio,
    Nightbot,
    #[value(name = "streamelements")]
    StreamElements,
    Streamlabs,
    #[value(name = "phantombot")]
    PhantomBot,
    Firebot,
}

impl Format {
    /// The `source` the server records (and whose variables it translates).
    pub fn source(self) -> &'static str {
        match self {
            Format::Lumio => "lumio",
            Format::Nightbot => "nightbot",
            Format::StreamElements => "streamelements",
            Format::Streamlabs => "streamlabs",
            Format::PhantomBot => "phantombot",
            Format::Firebot => "firebot",
        }
    }
}

/// A file converted: the rows, lumio's overrides (its own export only), and what of the
/// file as a whole was not imported (timers, events…).
#[derive(Debug, Clone, Default)]
pub struct Converted {
    pub commands: Vec<ImportRow>,
    pub overrides: Vec<Value>,
    pub file_notes: Vec<String>,
}

/// A bad file: where (a line or a record) and which field.
pub fn bad(file: &str, at: &str, field: &str, why: impl Display) -> CliError {
    CliError::failure(format!("{file}: {at}: {field}: {why}"))
}

fn read(path: &str) -> CliResult<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CliError::not_found(format!("{path}: no such file")),
        _ => CliError::failure(format!("{path}: {e}")),
    })
}

/// The text of a file, without a byte order mark.
pub fn text(path: &str) -> CliResult<String> {
    let bytes = read(path)?;
    let s = String::from_utf8(bytes)
        .map_err(|e| CliError::failure(format!("{path}: not UTF-8 text ({e})")))?;
    Ok(s.strip_prefix('\u{feff}').unwrap_or(&s).to_string())
}

/// Parse JSON, naming the line and column of a syntax error.
pub fn json(path: &str, text: &str) -> CliResult<Value> {
    serde_json::from_str(text).map_err(|e| {
        CliError::failure(format!(
            "{path}:{}:{}: not valid JSON: {e}",
            e.line(),
            e.column()
        ))
    })
}

/// Convert `path` in `format`.
pub async fn convert(path: &str, format: Format) -> CliResult<Converted> {
    match format {
        Format::PhantomBot => phantombot::convert(path).await,
        Format::Lumio => lumio::convert(path, &text(path)?),
        Format::Nightbot => nightbot::convert(path, &json(path, &text(path)?)?),
        Format::StreamElements => streamelements::convert(path, &json(path, &text(path)?)?),
        Format::Streamlabs => streamlabs::convert(path, &text(path)?),
        Format::Firebot => firebot::convert(path, &json(path, &text(path)?)?),
    }
}

/// One JSON record of a file, for field access with errors that name the record.
pub struct Rec<'a> {
    pub file: &'a str,
    pub at: String,
    pub v: &'a Value,
}

impl Rec<'_> {
    pub fn err(&self, field: &str, why: impl Display) -> CliError {
        bad(self.file, &self.at, field, why)
    }

    pub fn opt_str(&self, field: &str) -> CliResult<Option<String>> {
        match self.v.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(self.err(field, format!("expected text, got {other}"))),
        }
    }

    pub fn str(&self, field: &str) -> CliResult<String> {
        self.opt_str(field)?
            .ok_or_else(|| self.err(field, "missing"))
    }

    pub fn opt_i64(&self, field: &str) -> CliResult<Option<i64>> {
        match self.v.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n
                .as_i64()
                .or_else(|| n.as_f64().map(|f| f.round() as i64))
                .map(Some)
                .ok_or_else(|| self.err(field, format!("expected a number, got {n}"))),
            Some(other) => Err(self.err(field, format!("expected a number, got {other}"))),
        }
    }

    pub fn opt_bool(&self, field: &str) -> CliResult<Option<bool>> {
        match self.v.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(self.err(field, format!("expected true or false, got {other}"))),
        }
    }

    pub fn strings(&self, field: &str) -> CliResult<Vec<String>> {
        match self.v.get(field) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(a)) => a
                .iter()
                .map(|x| {
                    x.as_str()
                        .map(String::from)
                        .ok_or_else(|| self.err(field, format!("expected a list of text, got {x}")))
                })
                .collect(),
            Some(other) => Err(self.err(field, format!("expected a list, got {other}"))),
        }
    }
}

/// The records of a JSON array (or of `key` in an object), named `key[i]`.
pub fn records<'a>(file: &'a str, v: &'a Value, key: &str) -> CliResult<Vec<Rec<'a>>> {
    let arr = match v {
        Value::Array(a) => a,
        Value::Object(o) => match o.get(key) {
            Some(Value::Array(a)) => a,
            Some(_) => return Err(bad(file, "top level", key, "expected a list")),
            None => return Ok(Vec::new()),
        },
        _ => {
            return Err(bad(
                file,
                "top level",
                key,
                "expected a list or an object holding one",
            ))
        }
    };
    Ok(arr
        .iter()
        .enumerate()
        .map(|(i, v)| Rec {
            file,
            at: format!("{key}[{i}]"),
            v,
        })
        .collect())
}

/// A command name from another bot: without its prefix, lower case.
pub fn name_of(raw: &str) -> String {
    raw.trim().trim_start_matches(['!', '/']).to_lowercase()
}

/// A timer, which lumio does not have: kept as a disabled command flagged for review, so
/// its text is not lost.
pub fn timer_row(source_id: String, name: &str, message: String, how: &str) -> ImportRow {
    let slug: String = name
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    ImportRow {
        source_id: Some(source_id),
        name: format!("timer_{slug}"),
        response: message,
        enabled: Some(false),
        needs_review: Some(true),
        notes: vec![format!(
            "timer ({how}): lumio has no timers; kept as a disabled command"
        )],
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_lose_their_bom_and_json_errors_name_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bom.csv");
        std::fs::write(&p, "\u{feff}Command,Response\n!a,b\n").unwrap();
        let path = p.to_str().unwrap();
        let t = text(path).unwrap();
        assert!(t.starts_with("Command"), "{t:?}");
        let c = streamlabs::convert(path, &t).unwrap();
        assert_eq!(c.commands[0].name, "a");
        let e = json("x.json", "{\n\"a\": 1,\n}").unwrap_err().message;
        assert!(e.starts_with("x.json:3:"), "{e}");
        assert_eq!(name_of(" !So "), "so");
        assert_eq!(
            text("/no/such/file").unwrap_err().code,
            crate::error::ExitCode::NotFound
        );
    }
}
