//! PhantomBot's database, `config/phantombot.db` (SQLite). Every PhantomBot table is
//! `phantombot_<name>` with the columns `section, variable, value` (PhantomBot's
//! `SectionVariableValueTable`); the ones read here, as the bot's scripts write them:
//!
//! - `command`: variable = command name, value = response (`customCommands.js`);
//! - `permcom`: variable = command (or `command subcommand`), value = the group id —
//!   0 caster, 1 administrator, 2 moderator, 3 subscriber, 4 donator, 5 VIP, 6 regular,
//!   7 viewer (`permissions.js`; a lower id is a higher rank);
//! - `cooldown`: variable = command, value = `{"command", "globalSec", "userSec",
//!   "modsSkip", "clearOnOnline"}` with -1 for unset (`commandCoolDown.js`);
//! - `aliases`: variable = alias, value = the command it runs;
//! - `disabledCommands`: variable = command, value = `true`;
//! - `pricecom` / `paycom`: costs and payouts in points (not kept; reported).
//!
//! PhantomBot ranks VIPs below subscribers and has donators and regulars; lumio's roles
//! do not line up, so such levels become subscriber commands (never less strict) and the
//! report says so.

use std::collections::HashMap;
use std::str::FromStr;

use serde_json::Value;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Row};

use super::{bad, name_of, Converted};
use crate::api::bot_commands::ImportRow;
use crate::error::{CliError, CliResult};

fn group(id: &str) -> Option<(&'static str, Option<&'static str>)> {
    Some(match id.trim() {
        "0" => ("broadcaster", None),
        "1" => (
            "broadcaster",
            Some("permission Administrator: lumio has no bot administrators; made a broadcaster command (stricter)"),
        ),
        "2" => ("moderator", None),
        "3" => ("subscriber", None),
        "4" => (
            "subscriber",
            Some("permission Donator: lumio has no donators; made a subscriber command"),
        ),
        "5" => (
            "subscriber",
            Some("permission VIP (below subscribers in PhantomBot): made a subscriber command"),
        ),
        "6" => (
            "subscriber",
            Some("permission Regular: lumio has no regulars; made a subscriber command (stricter)"),
        ),
        "7" => ("everyone", None),
        _ => return None,
    })
}

/// `variable → value` of a PhantomBot table; an absent table is empty.
async fn table(
    conn: &mut sqlx::SqliteConnection,
    names: &HashMap<String, String>,
    name: &str,
) -> CliResult<Vec<(String, String)>> {
    let Some(real) = names.get(&format!("phantombot_{}", name.to_lowercase())) else {
        return Ok(Vec::new());
    };
    let sql = format!(
        "SELECT variable, value FROM \"{}\" ORDER BY rowid",
        real.replace('"', "")
    );
    let rows = sqlx::query(&sql)
        .fetch_all(&mut *conn)
        .await
        .map_err(|e| CliError::failure(format!("reading table {real}: {e}")))?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                r.try_get::<String, _>(0).unwrap_or_default(),
                r.try_get::<Option<String>, _>(1)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            )
        })
        .collect())
}

pub async fn convert(file: &str) -> CliResult<Converted> {
    if file == "-" {
        return Err(CliError::usage(
            "phantombot: give the path of phantombot.db, not -",
        ));
    }
    if !std::path::Path::new(file).exists() {
        return Err(CliError::not_found(format!("{file}: no such file")));
    }
    let opts = SqliteConnectOptions::from_str(&format!("sqlite://{file}"))
        .map_err(|e| CliError::failure(format!("{file}: {e}")))?
        .read_only(true);
    let mut conn = opts
        .connect()
        .await
        .map_err(|e| CliError::failure(format!("{file}: not a SQLite database ({e})")))?;
    let names: HashMap<String, String> =
        sqlx::query("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&mut conn)
            .await
            .map_err(|e| CliError::failure(format!("{file}: not a SQLite database ({e})")))?
            .iter()
            .filter_map(|r| r.try_get::<String, _>(0).ok())
            .map(|n| (n.to_lowercase(), n))
            .collect();
    if !names.contains_key("phantombot_command") {
        return Err(bad(
            file,
            "database",
            "phantombot_command",
            "no such table: is this PhantomBot's config/phantombot.db?",
        ));
    }
    let commands = table(&mut conn, &names, "command").await?;
    let perms: HashMap<String, String> = table(&mut conn, &names, "permcom")
        .await?
        .into_iter()
        .collect();
    let cooldowns: HashMap<String, String> = table(&mut conn, &names, "cooldown")
        .await?
        .into_iter()
        .collect();
    let disabled: HashMap<String, String> = table(&mut conn, &names, "disabledCommands")
        .await?
        .into_iter()
        .collect();
    let prices: HashMap<String, String> = table(&mut conn, &names, "pricecom")
        .await?
        .into_iter()
        .collect();
    let pays: HashMap<String, String> = table(&mut conn, &names, "paycom")
        .await?
        .into_iter()
        .collect();
    let aliases = table(&mut conn, &names, "aliases").await?;

    let mut out = Converted::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (name, response) in commands {
        let key = name_of(&name);
        let at = format!("phantombot_command '{name}'");
        let mut notes = Vec::new();
        let (min_role, note) = match perms.get(&key) {
            None => ("everyone", None),
            Some(p) => group(p).ok_or_else(|| {
                bad(
                    file,
                    &format!("phantombot_permcom '{key}'"),
                    "value",
                    format!("'{p}' is not a group id 0–7"),
                )
            })?,
        };
        notes.extend(note.map(String::from));
        let (mut global, mut user) = (None, None);
        if let Some(cd) = cooldowns.get(&key) {
            let at = format!("phantombot_cooldown '{key}'");
            let v: Value = serde_json::from_str(cd)
                .map_err(|e| bad(file, &at, "value", format!("not JSON: {e}")))?;
            let secs = |f: &str| -> CliResult<Option<i64>> {
                match v.get(f) {
                    None | Some(Value::Null) => Ok(None),
                    Some(x) => {
                        let n = x
                            .as_i64()
                            .or_else(|| x.as_str().and_then(|s| s.trim().parse().ok()))
                            .ok_or_else(|| bad(file, &at, f, format!("{x} is not a number")))?;
                        Ok((n >= 0).then_some(n))
                    }
                }
            };
            global = secs("globalSec")?;
            user = secs("userSec")?;
            if v.get("modsSkip").and_then(Value::as_bool) == Some(false) {
                // PhantomBot's default lets mods wait unless modsSkip; lumio's lets them skip.
                notes.push("modsSkip false: moderators wait for the cooldown in PhantomBot".into());
            }
            if v.get("clearOnOnline").and_then(Value::as_bool) == Some(true) {
                notes.push(
                    "clearOnOnline: lumio does not clear cooldowns when the stream starts".into(),
                );
            }
        }
        if let Some(p) = prices.get(&key).filter(|p| p.trim() != "0") {
            notes.push(format!("cost {p} points (pricecom): lumio has no points"));
        }
        if let Some(p) = pays.get(&key).filter(|p| p.trim() != "0") {
            notes.push(format!("payout {p} points (paycom): lumio has no points"));
        }
        if response.trim().is_empty() {
            return Err(bad(file, &at, "value", "the command has no response"));
        }
        index.insert(key.clone(), out.commands.len());
        out.commands.push(ImportRow {
            source_id: Some(key.clone()),
            name: key.clone(),
            response,
            min_role: Some(min_role.into()),
            global_cooldown_seconds: global,
            user_cooldown_seconds: user,
            cooldown_applies_to_mods: cooldowns
                .get(&key)
                .and_then(|cd| serde_json::from_str::<Value>(cd).ok())
                .and_then(|v| v.get("modsSkip").and_then(Value::as_bool))
                .map(|skip| !skip),
            enabled: Some(!disabled.contains_key(&key)),
            notes,
            ..Default::default()
        });
    }
    for (k, p) in &perms {
        if k.contains(' ') {
            out.file_notes.push(format!(
                "permission of the subcommand '{k}' ({p}): lumio has no subcommands"
            ));
        }
    }
    for (alias, target) in aliases {
        let t = target.trim().trim_start_matches('!');
        let (cmd, args) = t.split_once(' ').unwrap_or((t, ""));
        let cmd = cmd.to_lowercase();
        match index.get(&cmd) {
            Some(&i) if args.trim().is_empty() => out.commands[i].aliases.push(name_of(&alias)),
            Some(&i) => out.commands[i].notes.push(format!(
                "alias !{} runs it with arguments '{}': lumio aliases take none; not kept",
                name_of(&alias),
                args.trim()
            )),
            None => out.file_notes.push(format!(
                "alias !{} of !{cmd}: not a custom command; not kept",
                name_of(&alias)
            )),
        }
    }
    if out.commands.is_empty() {
        return Err(bad(
            file,
            "database",
            "phantombot_command",
            "no custom commands found",
        ));
    }
    Ok(out)
}
