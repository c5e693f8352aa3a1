//! Nightbot's API JSON: the answers of `GET https://api.nightbot.tv/1/commands` and
//! `GET /1/timers` (api-docs.nightbot.tv; nightbot/api-docs `includes/commands/_get.md`,
//! `includes/timers/_get.md`). A file may hold either answer or both (`commands` and
//! `timers` in one object); a bare array is a list of commands.
//!
//! Userlevels (`includes/_userlevels.md`), highest first: admin, owner, moderator,
//! twitch_vip, regular, subscriber, everyone. lumio has no `regular` (Nightbot's list of
//! trusted viewers): such commands become vip commands, which is stricter, and the report
//! says so.

use serde_json::Value;

use super::{name_of, records, timer_row, Converted};
use crate::api::bot_commands::ImportRow;
use crate::error::CliResult;

fn role(level: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match level {
        "everyone" => ("everyone", None),
        "subscriber" => ("subscriber", None),
        "regular" => (
            "vip",
            Some("userLevel regular: lumio has no regulars; made a vip command (stricter)"),
        ),
        "twitch_vip" => ("vip", None),
        "moderator" => ("moderator", None),
        "owner" => ("broadcaster", None),
        "admin" => (
            "broadcaster",
            Some("userLevel admin (Nightbot staff): made a broadcaster command"),
        ),
        _ => return None,
    })
}

pub fn convert(file: &str, v: &Value) -> CliResult<Converted> {
    let mut out = Converted::default();
    for r in records(file, v, "commands")? {
        let id = r.str("_id")?;
        let raw_name = r.str("name")?;
        let message = r.str("message")?;
        let mut notes = Vec::new();
        let level = r.opt_str("userLevel")?.unwrap_or_else(|| "everyone".into());
        let (min_role, note) = role(&level).ok_or_else(|| {
            r.err(
                "userLevel",
                format!(
                    "unknown userlevel '{level}' (expected everyone, subscriber, regular, \
                     twitch_vip, moderator, owner or admin)"
                ),
            )
        })?;
        notes.extend(note.map(String::from));
        if !raw_name.starts_with('!') && !raw_name.is_empty() {
            notes.push(format!(
                "name '{raw_name}' has no ! prefix: lumio commands answer to !{}",
                name_of(&raw_name)
            ));
        }
        let count = r.opt_i64("count")?.unwrap_or(0);
        if count > 0 {
            notes.push(format!("count {count}: lumio counts uses from 0"));
        }
        let cooldown = r.opt_i64("coolDown")?;
        if cooldown.is_some_and(|c| c < 0) {
            return Err(r.err("coolDown", "must not be negative"));
        }
        out.commands.push(ImportRow {
            source_id: Some(id),
            name: name_of(&raw_name),
            response: message,
            min_role: Some(min_role.into()),
            global_cooldown_seconds: cooldown,
            notes,
            ..Default::default()
        });
    }
    for r in records(file, v, "timers")? {
        let id = r.str("_id")?;
        let name = r.str("name")?;
        let message = r.str("message")?;
        let interval = r.opt_str("interval")?.unwrap_or_default();
        let lines = r.opt_i64("lines")?.unwrap_or(0);
        let mut row = timer_row(
            format!("timer:{id}"),
            &name,
            message,
            &format!("every '{interval}', after {lines} chat lines"),
        );
        if r.opt_bool("enabled")? == Some(false) {
            row.notes.push("the timer was disabled in Nightbot".into());
        }
        out.commands.push(row);
    }
    if out.commands.is_empty() {
        return Err(super::bad(
            file,
            "top level",
            "commands",
            "no commands or timers found (expected the answer of GET /1/commands or /1/timers)",
        ));
    }
    Ok(out)
}
