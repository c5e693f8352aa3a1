//! lumio's own export (`lumio commands export`): `{kind: "lumio.bot-commands", version: 1,
//! commands: [...], overrides: [...]}` in JSON or YAML. Export → import round-trips
//! exactly: the rows are what the server exported, and the server matches them by name.

use serde_json::Value;

use super::{bad, Converted};
use crate::api::bot_commands::ImportRow;
use crate::error::{CliError, CliResult};

pub const KIND: &str = "lumio.bot-commands";
pub const VERSION: i64 = 1;

/// The export as YAML.
pub fn to_yaml(v: &Value) -> CliResult<String> {
    serde_norway::to_string(v).map_err(|e| CliError::failure(format!("cannot write YAML: {e}")))
}

fn parse(file: &str, text: &str) -> CliResult<Value> {
    let t = text.trim_start();
    if t.starts_with('{') {
        return super::json(file, text);
    }
    serde_norway::from_str::<Value>(text).map_err(|e| {
        let at = e
            .location()
            .map(|l| format!("{file}:{}:{}", l.line(), l.column()))
            .unwrap_or_else(|| file.to_string());
        CliError::failure(format!("{at}: not valid JSON or YAML: {e}"))
    })
}

pub fn convert(file: &str, text: &str) -> CliResult<Converted> {
    let v = parse(file, text)?;
    match v.get("kind").and_then(Value::as_str) {
        Some(KIND) => {}
        other => {
            return Err(bad(
                file,
                "top level",
                "kind",
                format!("expected '{KIND}', got {other:?}: is this a lumio export?"),
            ))
        }
    }
    match v.get("version").and_then(Value::as_i64) {
        Some(VERSION) => {}
        other => {
            return Err(bad(
                file,
                "top level",
                "version",
                format!("this lumio reads version {VERSION}, the file is {other:?}"),
            ))
        }
    }
    let mut out = Converted::default();
    for r in super::records(file, &v, "commands")? {
        let row: ImportRow = serde_json::from_value(r.v.clone()).map_err(|e| r.err("record", e))?;
        out.commands.push(row);
    }
    for r in super::records(file, &v, "overrides")? {
        if r.opt_str("command")?.is_none() {
            return Err(r.err("command", "missing"));
        }
        out.overrides.push(r.v.clone());
    }
    Ok(out)
}
