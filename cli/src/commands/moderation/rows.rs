//! The rows of a bulk moderation file (`lumio mod apply`): CSV with a header row (read with
//! the `csv` crate: quoted fields may hold commas, quotes and line breaks; a UTF-8 BOM is
//! skipped) or NDJSON, one object per line; each row checked on its own.

use serde::Deserialize;

use crate::api::moderation::Action;
use crate::duration::parse_duration;
use crate::error::{CliError, CliResult};
use crate::platform::{Platform, UserRef};

/// The columns (CSV) and fields (NDJSON) a row may have.
pub const FIELDS: [&str; 6] = [
    "platform",
    "user",
    "action",
    "duration",
    "reason",
    "message_id",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Ndjson,
}

/// A duration as a file gives it: `10m`, or whole seconds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum RawDuration {
    Seconds(i64),
    Text(String),
}

/// A row's fields before they are checked.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRow {
    pub platform: Option<String>,
    pub user: Option<String>,
    pub action: Option<String>,
    pub duration: Option<RawDuration>,
    pub reason: Option<String>,
    pub message_id: Option<String>,
}

/// One row of a bulk file, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line the row starts on (the CSV header is line 1).
    pub n: usize,
    pub platform: Platform,
    pub action: Action,
    pub user: Option<UserRef>,
    pub message_id: Option<String>,
    pub duration: Option<i64>,
    pub reason: Option<String>,
}

impl Row {
    /// Who or what the row is about, as the file says it.
    pub fn label(&self) -> String {
        self.user
            .as_ref()
            .map(ToString::to_string)
            .or_else(|| self.message_id.clone())
            .unwrap_or_default()
    }
}

/// The format of a file: `--format`, else its name, else its first character.
pub fn detect_format(flag: Option<Format>, name: &str, text: &str) -> Format {
    if let Some(f) = flag {
        return f;
    }
    let name = name.to_ascii_lowercase();
    if name.ends_with(".csv") {
        Format::Csv
    } else if [".ndjson", ".jsonl", ".json"]
        .iter()
        .any(|e| name.ends_with(e))
        || text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
    {
        Format::Ndjson
    } else {
        Format::Csv
    }
}

/// The rows of a file by line number, each parsed or with what is wrong with it. A CSV
/// header that names no platform or action, or an unknown column, is a usage error.
pub fn read(text: &str, format: Format) -> CliResult<Vec<(usize, Result<RawRow, String>)>> {
    match format {
        Format::Ndjson => Ok(read_ndjson(text)),
        Format::Csv => read_csv(text),
    }
}

fn read_ndjson(text: &str) -> Vec<(usize, Result<RawRow, String>)> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let row = match serde_json::from_str::<serde_json::Value>(line) {
                Err(e) => Err(format!("malformed JSON: {e}")),
                Ok(serde_json::Value::Object(_)) => {
                    serde_json::from_str::<RawRow>(line).map_err(|e| {
                        let e = e.to_string();
                        e.split(" at line ").next().unwrap_or(&e).to_string()
                    })
                }
                Ok(_) => Err("not a JSON object".to_string()),
            };
            (i + 1, row)
        })
        .collect()
}

fn read_csv(text: &str) -> CliResult<Vec<(usize, Result<RawRow, String>)>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| CliError::usage(format!("the header row: {e}")))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_ascii_lowercase())
        .collect();
    if header.iter().all(String::is_empty) {
        return Ok(Vec::new());
    }
    for need in ["platform", "action"] {
        if !header.iter().any(|h| h == need) {
            return Err(CliError::usage(format!(
                "the header row has no '{need}' column (expected {})",
                FIELDS.join(",")
            )));
        }
    }
    if let Some(h) = header.iter().find(|h| !FIELDS.contains(&h.as_str())) {
        return Err(CliError::usage(format!(
            "the header row names an unknown column '{h}' (expected {})",
            FIELDS.join(", ")
        )));
    }
    // Rows are reported by the line they start on, counted from the byte offset: the csv
    // crate's own line count misses CRLF endings and blank lines, and after a CRLF its
    // offset points at the LF, so line breaks are skipped first.
    let bytes = text.as_bytes();
    let line_at = |p: Option<&csv::Position>| {
        let mut at = p.map_or(0, |p| p.byte() as usize).min(bytes.len());
        while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
            at += 1;
        }
        bytes[..at].iter().filter(|b| **b == b'\n').count() + 1
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        rows.push(match record {
            Ok(r) => (line_at(r.position()), raw_of(&header, &r)),
            Err(e) => (line_at(e.position()), Err(format!("unreadable CSV: {e}"))),
        });
    }
    Ok(rows)
}

fn raw_of(header: &[String], r: &csv::StringRecord) -> Result<RawRow, String> {
    if r.len() > header.len() {
        return Err(format!(
            "{} fields, the header has {}",
            r.len(),
            header.len()
        ));
    }
    let mut raw = RawRow::default();
    for (h, v) in header.iter().zip(r.iter()) {
        if v.is_empty() {
            continue;
        }
        let v = Some(v.to_string());
        match h.as_str() {
            "platform" => raw.platform = v,
            "user" => raw.user = v,
            "action" => raw.action = v,
            "duration" => raw.duration = v.map(RawDuration::Text),
            "reason" => raw.reason = v,
            _ => raw.message_id = v,
        }
    }
    Ok(raw)
}

fn text(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

/// Check one row's fields.
pub fn check(n: usize, raw: &RawRow) -> Result<Row, String> {
    let platform_s = text(&raw.platform).ok_or("platform is missing")?;
    let platform: Platform = platform_s.parse().map_err(|e: CliError| e.message)?;
    let action: Action = text(&raw.action).ok_or("action is missing")?.parse()?;
    let user = text(&raw.user)
        .map(|u| UserRef::parse(platform, &u).map_err(|e| e.message))
        .transpose()?;
    let message_id = text(&raw.message_id);
    let duration = match &raw.duration {
        None => None,
        Some(RawDuration::Seconds(d)) => {
            Some(parse_duration(&d.to_string()).map_err(|_| "duration out of range")?)
        }
        Some(RawDuration::Text(d)) if d.trim().is_empty() => None,
        Some(RawDuration::Text(d)) => Some(parse_duration(d)?),
    };
    match action {
        Action::Ban | Action::Unban | Action::Timeout | Action::Warn => {
            if user.is_none() {
                return Err(format!("{action} needs a user"));
            }
            if action == Action::Timeout && duration.is_none() {
                return Err("timeout needs a duration (e.g. 10m)".into());
            }
            if action != Action::Timeout && duration.is_some() {
                return Err(format!("duration applies to timeout only, not to {action}"));
            }
            if action == Action::Warn && text(&raw.reason).is_none() {
                return Err("warn needs a reason (the chatter sees it)".into());
            }
        }
        Action::Delete => {
            if message_id.is_none() {
                return Err("delete needs a message_id".into());
            }
        }
    }
    Ok(Row {
        n,
        platform,
        action,
        user,
        message_id,
        duration,
        reason: text(&raw.reason),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn raw(v: serde_json::Value) -> RawRow {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn rows_are_checked() {
        let ok = check(
            2,
            &raw(json!({"platform": "Twitch", "user": "@x", "action": "ban"})),
        )
        .unwrap();
        assert_eq!(ok.user, Some(UserRef::Name("x".into())));
        let bare = check(
            2,
            &raw(json!({"platform": "twitch", "user": "loudguy", "action": "ban"})),
        )
        .unwrap();
        assert_eq!(bare.user, Some(UserRef::Name("loudguy".into())));
        let t = check(
            3,
            &raw(json!({"platform": "kick", "user": "7", "action": "timeout", "duration": 600})),
        )
        .unwrap();
        assert_eq!(
            (t.user, t.duration),
            (Some(UserRef::Id("7".into())), Some(600))
        );
        for (bad, why) in [
            (
                json!({"platform": "myspace", "user": "1", "action": "ban"}),
                "unknown platform",
            ),
            (
                json!({"platform": "twitch", "user": "1", "action": "nuke"}),
                "unknown action",
            ),
            (
                json!({"platform": "twitch", "action": "ban"}),
                "needs a user",
            ),
            (
                json!({"platform": "twitch", "user": "1", "action": "timeout"}),
                "needs a duration",
            ),
            (
                json!({"platform": "twitch", "user": "1", "action": "ban", "duration": "1m"}),
                "timeout only",
            ),
            (
                json!({"platform": "twitch", "user": "1", "action": "timeout", "duration": "-1m"}),
                "unknown unit",
            ),
            (
                json!({"platform": "twitch", "action": "delete"}),
                "message_id",
            ),
        ] {
            let e = check(1, &raw(bad.clone())).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
    }

    #[test]
    fn ndjson_rows_name_their_line_and_problem() {
        let rows = read(
            "{\"platform\":\"twitch\",\"user\":\"1\",\"action\":\"ban\"}\n\n[1]\n{\"platform\": \n\
             {\"platform\":\"twitch\",\"user\":\"1\",\"action\":\"ban\",\"colour\":\"red\"}\n",
            Format::Ndjson,
        )
        .unwrap();
        let lines: Vec<usize> = rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, [1, 3, 4, 5]);
        assert!(rows[0].1.is_ok());
        assert_eq!(rows[1].1.as_ref().unwrap_err(), "not a JSON object");
        assert!(rows[2]
            .1
            .as_ref()
            .unwrap_err()
            .starts_with("malformed JSON"));
        assert!(rows[3]
            .1
            .as_ref()
            .unwrap_err()
            .contains("unknown field `colour`"));
    }

    #[test]
    fn csv_takes_quoted_newlines_commas_quotes_and_a_bom() {
        let text = "\u{feff}platform,user,action,duration,reason\r\n\
                    twitch,@a,timeout,10m,\"caps, \"\"again\"\"\"\r\n\
                    kick,4411,ban,,\"first line\nsecond line\"\r\n\
                    \r\n\
                    trovo,55,unban\n\
                    twitch,1,ban,,a,extra\n";
        let rows = read(text, Format::Csv).unwrap();
        let lines: Vec<usize> = rows.iter().map(|r| r.0).collect();
        assert_eq!(lines, [2, 3, 6, 7], "{rows:?}");
        let first = rows[0].1.as_ref().unwrap();
        assert_eq!(
            first.platform.as_deref(),
            Some("twitch"),
            "the BOM is not part of the header"
        );
        assert_eq!(first.reason.as_deref(), Some("caps, \"again\""));
        assert_eq!(first.duration, Some(RawDuration::Text("10m".into())));
        let second = rows[1].1.as_ref().unwrap();
        assert_eq!(second.reason.as_deref(), Some("first line\nsecond line"));
        assert_eq!(second.user.as_deref(), Some("4411"));
        let short = rows[2].1.as_ref().unwrap();
        assert_eq!(
            (short.action.as_deref(), &short.reason),
            (Some("unban"), &None)
        );
        assert!(rows[3].1.as_ref().unwrap_err().contains("6 fields"));
        let row = check(rows[1].0, second).unwrap();
        assert_eq!((row.n, row.action), (3, Action::Ban));
    }

    #[test]
    fn a_bad_header_is_a_usage_error() {
        for (text, why) in [
            ("who,what\nx,y\n", "no 'platform' column"),
            ("platform,action,colour\n", "unknown column 'colour'"),
        ] {
            let e = read(text, Format::Csv).unwrap_err();
            assert_eq!(e.code, crate::error::ExitCode::Usage);
            assert!(e.message.contains(why), "{}", e.message);
        }
        assert!(read("", Format::Csv).unwrap().is_empty());
    }

    #[test]
    fn formats_come_from_the_flag_the_name_or_the_text() {
        assert_eq!(detect_format(None, "b.CSV", "{"), Format::Csv);
        assert_eq!(detect_format(None, "b.jsonl", "p"), Format::Ndjson);
        assert_eq!(
            detect_format(None, "-", "\u{feff} {\"a\":1}"),
            Format::Ndjson
        );
        assert_eq!(detect_format(None, "-", "platform,action"), Format::Csv);
        assert_eq!(
            detect_format(Some(Format::Csv), "x.ndjson", "{"),
            Format::Csv
        );
    }
}
