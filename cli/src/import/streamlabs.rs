//! Streamlabs Chatbot (formerly AnkhBot) commands: the command-group export (right click →
//! Export Group, a JSON array; the real extension is `.abcomg` — `.abcom` for one command —
//! and the issue's `.acomg` is read too) and the split CSV export ("Create Split Excel
//! Files", saved as CSV; the columns xdubx/phantombot-importer's `streamlabs.go` reads).
//!
//! A record: `Command, Permission, Info, Group, Response, Cooldown, UserCooldown, Cost,
//! Count, Usage, Enabled, SoundFile, FKSoundFile, Volume` (cooldowns in seconds). `Usage`:
//! S… stream chat, D… Discord, …C chat, …W whisper, …B both, CB / WB both places, A all.
//! Permissions with no lumio role (`Regular`, `Editor`, `Min_Points`, `Min_Rank`,
//! `Min_Hours`, `User_Specific`, `GameWisp Subscriber`) are mapped to the next stricter
//! role or imported disabled, and the report says which.

use serde_json::Value;

use super::{bad, name_of, records, timer_row, Converted, Rec};
use crate::api::bot_commands::ImportRow;
use crate::error::CliResult;

/// A Streamlabs command, read from JSON or CSV.
struct SlCommand {
    at: String,
    command: String,
    permission: String,
    info: String,
    group: String,
    response: String,
    cooldown: Option<i64>,
    user_cooldown: Option<i64>,
    cost: i64,
    count: i64,
    usage: String,
    enabled: bool,
    sound: String,
}

fn row(file: &str, c: SlCommand) -> CliResult<ImportRow> {
    let mut notes = Vec::new();
    let mut enabled = c.enabled;
    let p = c.permission.trim().to_lowercase();
    let min_role = match p.as_str() {
        "" | "everyone" => "everyone",
        "subscriber" => "subscriber",
        "gamewisp subscriber" => {
            notes.push("permission GameWisp Subscriber: made a subscriber command".into());
            "subscriber"
        }
        "vip exclusive" | "vip" => "vip",
        "regular" => {
            notes.push(
                "permission Regular: lumio has no regulars; made a vip command (stricter)".into(),
            );
            "vip"
        }
        "moderator" => "moderator",
        "editor" => {
            notes.push("permission Editor: lumio has no editors in chat; made a broadcaster command (stricter)".into());
            "broadcaster"
        }
        "caster" => "broadcaster",
        "min_points" | "min_rank" | "min_hours" | "user_specific" => {
            notes.push(format!(
                "permission {} {}: lumio has no points, ranks or per-user lists; imported disabled",
                c.permission.trim(),
                c.info.trim()
            ));
            enabled = false;
            "everyone"
        }
        _ => {
            return Err(bad(
                file,
                &c.at,
                "Permission",
                format!("unknown permission '{}'", c.permission),
            ))
        }
    };
    let usage = c.usage.trim().to_uppercase();
    let platforms: Vec<String> = match usage.as_str() {
        "" | "SC" | "SW" | "SB" => vec!["twitch".into(), "youtube".into()],
        "DC" | "DW" | "DB" => vec!["discord".into()],
        "CB" | "WB" | "A" => vec!["twitch".into(), "youtube".into(), "discord".into()],
        other => {
            return Err(bad(
                file,
                &c.at,
                "Usage",
                format!("unknown usage '{other}' (expected SC, SW, SB, DC, DW, DB, CB, WB or A)"),
            ))
        }
    };
    if usage.contains('W') || usage.ends_with('B') && usage != "CB" {
        notes.push(format!(
            "usage {usage}: whispers are not kept; lumio answers in chat"
        ));
    }
    if c.cost > 0 {
        notes.push(format!("cost {} points: lumio has no points", c.cost));
    }
    if c.count > 0 {
        notes.push(format!("count {}: lumio counts uses from 0", c.count));
    }
    if !c.sound.trim().is_empty() {
        notes.push(format!(
            "sound file {}: lumio plays no sounds",
            c.sound.trim()
        ));
    }
    if c.group.trim().starts_with("[GAME]") {
        notes.push(format!(
            "group {}: game-only commands are not kept",
            c.group.trim()
        ));
    }
    let name = name_of(&c.command);
    Ok(ImportRow {
        source_id: Some(name.clone()),
        name,
        response: c.response,
        platforms: Some(platforms),
        min_role: Some(min_role.into()),
        global_cooldown_seconds: c.cooldown,
        user_cooldown_seconds: c.user_cooldown,
        enabled: Some(enabled),
        notes,
        ..Default::default()
    })
}

fn json_command(r: &Rec) -> CliResult<SlCommand> {
    let num = |f: &str| -> CliResult<Option<i64>> { r.opt_i64(f) };
    Ok(SlCommand {
        at: r.at.clone(),
        command: r.str("Command")?,
        permission: r.opt_str("Permission")?.unwrap_or_default(),
        info: r.opt_str("Info")?.unwrap_or_default(),
        group: r.opt_str("Group")?.unwrap_or_default(),
        response: r.opt_str("Response")?.unwrap_or_default(),
        cooldown: num("Cooldown")?,
        user_cooldown: num("UserCooldown")?,
        cost: num("Cost")?.unwrap_or(0),
        count: num("Count")?.unwrap_or(0),
        usage: r.opt_str("Usage")?.unwrap_or_default(),
        enabled: r.opt_bool("Enabled")?.unwrap_or(true),
        sound: r.opt_str("SoundFile")?.unwrap_or_default(),
    })
}

fn looks_like_json(text: &str) -> bool {
    matches!(text.trim_start().chars().next(), Some('[') | Some('{'))
}

pub fn convert(file: &str, text: &str) -> CliResult<Converted> {
    if looks_like_json(text) {
        let v: Value = super::json(file, text)?;
        // One command (.abcom) is an object; a group (.abcomg) an array.
        let v = match v {
            Value::Object(_) if v.get("Command").is_some() => Value::Array(vec![v]),
            other => other,
        };
        let mut out = Converted::default();
        for r in records(file, &v, "commands")? {
            out.commands.push(row(file, json_command(&r)?)?);
        }
        return Ok(out);
    }
    csv_convert(file, text)
}

/// `yes`, `true`, `1`, `enabled`… (and an empty cell) are true.
fn truthy(s: &str) -> bool {
    !matches!(
        s.trim().to_lowercase().as_str(),
        "false" | "no" | "0" | "disabled" | "inactive" | "off"
    )
}

fn csv_convert(file: &str, text: &str) -> CliResult<Converted> {
    // Excel with a European locale writes `;`.
    let first = text.lines().next().unwrap_or_default();
    let delim = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| bad(file, "line 1", "header", e))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let is_timers = col(&["interval"]).is_some();
    let name_col = col(&["command", "name"]);
    let resp_col = col(&["response", "message", "text"]);
    let (Some(name_col), Some(resp_col)) = (name_col, resp_col) else {
        return Err(bad(
            file,
            "line 1",
            "header",
            format!(
                "expected the Command and Response columns of a Streamlabs export; got {headers:?}"
            ),
        ));
    };
    let get = |rec: &csv::StringRecord, c: Option<usize>| -> String {
        c.and_then(|i| rec.get(i)).unwrap_or_default().to_string()
    };
    let mut out = Converted::default();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(i as u64 + 2);
            bad(file, &format!("line {line}"), "record", e)
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(i as u64 + 2);
        let at = format!("line {line}");
        let name = get(&rec, Some(name_col));
        let response = get(&rec, Some(resp_col));
        if name.trim().is_empty() && response.trim().is_empty() {
            continue;
        }
        if is_timers {
            let interval = get(&rec, col(&["interval"]));
            let lines = get(&rec, col(&["lines", "messages"]));
            let mut row = timer_row(
                format!("timer:{}", name.trim().to_lowercase()),
                &name,
                response,
                &format!("every {interval} minutes, after {lines} chat lines"),
            );
            if !truthy(&get(&rec, col(&["enabled", "status", "active"]))) {
                row.notes
                    .push("the timer was disabled in Streamlabs".into());
            }
            out.commands.push(row);
            continue;
        }
        let num = |names: &[&str], field: &str| -> CliResult<Option<i64>> {
            let s = get(&rec, col(names));
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            s.replace(',', ".")
                .parse::<f64>()
                .map(|f| Some(f.round() as i64))
                .map_err(|_| bad(file, &at, field, format!("'{s}' is not a number")))
        };
        let c = SlCommand {
            at: at.clone(),
            command: name,
            permission: get(&rec, col(&["permission", "permissions"])),
            info: get(&rec, col(&["info"])),
            group: get(&rec, col(&["group"])),
            response,
            cooldown: num(&["cooldown"], "Cooldown")?,
            user_cooldown: num(&["usercooldown", "user cooldown"], "UserCooldown")?,
            cost: num(&["cost"], "Cost")?.unwrap_or(0),
            count: num(&["count"], "Count")?.unwrap_or(0),
            usage: get(&rec, col(&["usage"])),
            enabled: truthy(&get(&rec, col(&["enabled", "status", "active"]))),
            sound: get(&rec, col(&["soundfile", "sound file"])),
        };
        out.commands.push(row(file, c)?);
    }
    if out.commands.is_empty() {
        return Err(bad(file, "line 2", "record", "no commands found"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_semicolons_quoted_newlines_and_odd_permissions() {
        let text = "Command;Permission;Info;Response;Cooldown;UserCooldown;Enabled;Usage\n\
                    !a;Min_Points;500;\"x;\ny\";1,5;0;True;DB\n\
                    !b;Caster;;z;;;False;A\n";
        let c = convert("f.csv", text).unwrap();
        assert_eq!(c.commands.len(), 2);
        let a = &c.commands[0];
        assert_eq!((a.name.as_str(), a.response.as_str()), ("a", "x;\ny"));
        assert_eq!(
            (a.global_cooldown_seconds, a.enabled),
            (Some(2), Some(false))
        );
        assert_eq!(a.platforms.as_deref(), Some(&["discord".to_string()][..]));
        assert!(
            a.notes.iter().any(|n| n.contains("Min_Points 500")),
            "{:?}",
            a.notes
        );
        assert!(
            a.notes.iter().any(|n| n.contains("whispers")),
            "{:?}",
            a.notes
        );
        let b = &c.commands[1];
        assert_eq!(
            (b.min_role.as_deref(), b.enabled),
            (Some("broadcaster"), Some(false))
        );
        let e = convert("f.csv", "Command,Permission,Response\n!x,Overlord,y\n")
            .unwrap_err()
            .message;
        assert_eq!(
            e,
            "f.csv: line 2: Permission: unknown permission 'Overlord'"
        );
        let e = convert("f.csv", "Name,Points\nbob,5\n")
            .unwrap_err()
            .message;
        assert!(e.starts_with("f.csv: line 1: header:"), "{e}");
    }

    #[test]
    fn one_exported_command_is_an_object() {
        let c = convert(
            "one.abcom",
            r#"{"Command": "!x", "Permission": "VIP Exclusive", "Response": "hi", "Usage": "SC"}"#,
        )
        .unwrap();
        assert_eq!(c.commands[0].min_role.as_deref(), Some("vip"));
        let e = convert("g.abcomg", r#"[{"Command": "!x", "Cooldown": "soon"}]"#)
            .unwrap_err()
            .message;
        assert!(
            e.starts_with("g.abcomg: commands[0]: Cooldown: expected a number"),
            "{e}"
        );
    }
}
