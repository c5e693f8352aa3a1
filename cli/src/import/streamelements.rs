//! StreamElements' bot commands: the answer of
//! `GET https://api.streamelements.com/kappa/v2/bot/commands/{channel}` — an array of
//! `{_id, command, reply, accessLevel, cooldown: {user, global}, aliases, keywords,
//! enabled, enabledOnline, enabledOffline, hidden, cost, type, regex, channel, createdAt,
//! updatedAt}`.
//!
//! `accessLevel` (StreamElements' user levels): 100 everyone, 250 subscriber, 300 regular,
//! 400 VIP, 500 moderator, 1000 super moderator, 1500 broadcaster. lumio has no regulars or
//! super moderators: those become the next stricter lumio role, and the report says so.

use serde_json::Value;

use super::{name_of, records, Converted};
use crate::api::bot_commands::ImportRow;
use crate::error::CliResult;

fn role(level: i64) -> Option<(&'static str, Option<&'static str>)> {
    Some(match level {
        100 => ("everyone", None),
        250 => ("subscriber", None),
        300 => (
            "vip",
            Some("accessLevel 300 (regular): lumio has no regulars; made a vip command (stricter)"),
        ),
        400 => ("vip", None),
        500 => ("moderator", None),
        1000 => (
            "broadcaster",
            Some("accessLevel 1000 (super moderator): lumio has none; made a broadcaster command (stricter)"),
        ),
        1500 => ("broadcaster", None),
        _ => return None,
    })
}

pub fn convert(file: &str, v: &Value) -> CliResult<Converted> {
    let mut out = Converted::default();
    for r in records(file, v, "commands")? {
        let id = r.str("_id")?;
        let name = r.str("command")?;
        let reply = r.str("reply")?;
        let level = r.opt_i64("accessLevel")?.unwrap_or(100);
        let (min_role, note) = role(level).ok_or_else(|| {
            r.err(
                "accessLevel",
                format!("{level} is not one of 100, 250, 300, 400, 500, 1000, 1500"),
            )
        })?;
        let mut notes: Vec<String> = note.map(String::from).into_iter().collect();
        let (mut global, mut user) = (None, None);
        if let Some(cd) = r.v.get("cooldown").filter(|c| !c.is_null()) {
            let c = super::Rec {
                file,
                at: format!("{}.cooldown", r.at),
                v: cd,
            };
            global = c.opt_i64("global")?;
            user = c.opt_i64("user")?;
        }
        let cost = r.opt_i64("cost")?.unwrap_or(0);
        if cost > 0 {
            notes.push(format!("cost {cost} loyalty points: lumio has no points"));
        }
        let keywords = r.strings("keywords")?;
        if !keywords.is_empty() {
            notes.push(format!(
                "keywords {keywords:?}: lumio answers to !commands only"
            ));
        }
        if r.opt_str("regex")?.is_some_and(|x| !x.is_empty()) {
            notes.push("regex trigger: not kept".into());
        }
        match r.opt_str("type")?.as_deref() {
            Some("whisper") => notes.push("type whisper: lumio answers in chat".into()),
            Some("reply") => notes.push("type reply: lumio answers as a plain chat message".into()),
            _ => {}
        }
        if r.opt_bool("enabledOnline")? == Some(false)
            || r.opt_bool("enabledOffline")? == Some(false)
        {
            notes.push("online-only / offline-only: lumio commands answer either way".into());
        }
        if r.opt_bool("hidden")? == Some(true) {
            notes.push("hidden from the command list: lumio has no public list".into());
        }
        out.commands.push(ImportRow {
            source_id: Some(id),
            name: name_of(&name),
            aliases: r.strings("aliases")?.iter().map(|a| name_of(a)).collect(),
            response: reply,
            min_role: Some(min_role.into()),
            global_cooldown_seconds: global,
            user_cooldown_seconds: user,
            enabled: r.opt_bool("enabled")?,
            notes,
            ..Default::default()
        });
    }
    if out.commands.is_empty() {
        return Err(super::bad(
            file,
            "top level",
            "commands",
            "no commands found",
        ));
    }
    Ok(out)
}
