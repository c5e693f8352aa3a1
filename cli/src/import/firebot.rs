//! Firebot setups (`.firebotsetup`): `{name, description, version, author, components:
//! {commands: [...], events, timers, …}}`, as Firebot's setup importer reads them
//! (crowbartools/Firebot `src/backend/import/setups/setup-importer.ts`). A command is a
//! `CommandDefinition` (`src/types/commands.ts`): `id, trigger, active, aliases, cooldown:
//! {global, user}, restrictionData: {restrictions: [{type: "firebot:permissions", roleIds}]},
//! effects: {list: [{type, …}]}`.
//!
//! A command whose effects are all chat messages (`firebot:chat`) becomes a text or
//! template command; any other effect makes it an automation flagged for review (lumio
//! publishes its trigger; the effects themselves are not run). Firebot's role ids
//! `broadcaster`, `mod`, `vip`, `sub` map onto lumio's roles; custom roles do not.

use serde_json::Value;

use super::{bad, name_of, records, Converted, Rec};
use crate::api::bot_commands::ImportRow;
use crate::error::CliResult;

fn lumio_role(id: &str) -> Option<&'static str> {
    Some(match id {
        "broadcaster" | "streamer" => "broadcaster",
        "mod" | "moderator" => "moderator",
        "vip" => "vip",
        "sub" | "tier1" | "tier2" | "tier3" => "subscriber",
        _ => return None,
    })
}

const ORDER: [&str; 6] = [
    "everyone",
    "follower",
    "subscriber",
    "vip",
    "moderator",
    "broadcaster",
];

fn command(file: &str, r: &Rec) -> CliResult<ImportRow> {
    let id = r.str("id")?;
    let trigger = r.str("trigger")?;
    let mut notes = Vec::new();
    if r.opt_bool("triggerIsRegex")? == Some(true) {
        return Err(r.err(
            "trigger",
            "a regular-expression trigger has no lumio equivalent",
        ));
    }
    if r.opt_bool("scanWholeMessage")? == Some(true) {
        notes.push(
            "scanWholeMessage: lumio answers only to messages that start with the command".into(),
        );
    }
    let (mut global, mut user) = (None, None);
    if let Some(cd) = r.v.get("cooldown").filter(|c| !c.is_null()) {
        let c = Rec {
            file,
            at: format!("{}.cooldown", r.at),
            v: cd,
        };
        global = c.opt_i64("global")?;
        user = c.opt_i64("user")?;
    }
    // Restrictions: the lowest lumio role among the allowed ones.
    let mut min_role = "everyone";
    if let Some(list) =
        r.v.pointer("/restrictionData/restrictions")
            .and_then(Value::as_array)
    {
        for (i, x) in list.iter().enumerate() {
            let rr = Rec {
                file,
                at: format!("{}.restrictionData.restrictions[{i}]", r.at),
                v: x,
            };
            match rr.opt_str("type")?.as_deref() {
                Some("firebot:permissions") => {
                    let ids = rr.strings("roleIds")?;
                    let mut mapped: Vec<&str> = Vec::new();
                    for role in &ids {
                        match lumio_role(role) {
                            Some(l) => mapped.push(l),
                            None => notes.push(format!(
                                "custom role '{role}': lumio has no custom chat roles"
                            )),
                        }
                    }
                    if let Some(lowest) = mapped
                        .iter()
                        .min_by_key(|r| ORDER.iter().position(|o| o == *r))
                    {
                        min_role = lowest;
                        if mapped.len() > 1 || *lowest != "broadcaster" {
                            notes.push(format!(
                                "roles {ids:?}: lumio allows {lowest} and every role above it"
                            ));
                        }
                    }
                }
                Some(other) => notes.push(format!("restriction {other}: not kept")),
                None => return Err(rr.err("type", "missing")),
            }
        }
    }
    // Effects.
    let effects =
        r.v.pointer("/effects/list")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
    let mut messages = Vec::new();
    let mut others = Vec::new();
    for (i, e) in effects.iter().enumerate() {
        let er = Rec {
            file,
            at: format!("{}.effects.list[{i}]", r.at),
            v: e,
        };
        match er.str("type")?.as_str() {
            "firebot:chat" => messages.push(er.opt_str("message")?.unwrap_or_default()),
            other => others.push(other.to_string()),
        }
    }
    let mut row = ImportRow {
        source_id: Some(id.clone()),
        name: name_of(&trigger),
        aliases: r.strings("aliases")?.iter().map(|a| name_of(a)).collect(),
        min_role: Some(min_role.into()),
        global_cooldown_seconds: global,
        user_cooldown_seconds: user,
        enabled: r.opt_bool("active")?,
        ..Default::default()
    };
    if others.is_empty() && !messages.is_empty() {
        if messages.len() > 1 {
            notes.push(format!(
                "{} chat effects: joined into one reply",
                messages.len()
            ));
        }
        row.response = messages.join(" ");
    } else {
        row.kind = Some("automation".into());
        row.automation = Some(format!("firebot:{id}"));
        row.response = messages.join(" ");
        row.needs_review = Some(true);
        notes.push(format!(
            "effects {}: lumio runs no Firebot effects; an automation flagged for review",
            others.join(", ")
        ));
    }
    if !r
        .v
        .get("subCommands")
        .and_then(Value::as_array)
        .is_none_or(|s| s.is_empty())
    {
        notes.push("subcommands: lumio has none; not kept".into());
    }
    if r.opt_bool("sendCooldownMessage")? == Some(true) {
        notes.push(
            "cooldown message: Firebot's default text is not kept; set a cooldown reply".into(),
        );
    }
    row.notes = notes;
    Ok(row)
}

pub fn convert(file: &str, v: &Value) -> CliResult<Converted> {
    let components = v.get("components").ok_or_else(|| {
        bad(
            file,
            "top level",
            "components",
            "missing: is this a .firebotsetup?",
        )
    })?;
    if !components.is_object() {
        return Err(bad(file, "top level", "components", "expected an object"));
    }
    let mut out = Converted::default();
    for r in records(file, components, "commands")? {
        out.commands.push(command(file, &r)?);
    }
    if let Some(o) = components.as_object() {
        for (k, list) in o {
            let n = list.as_array().map(|a| a.len()).unwrap_or(0);
            if k != "commands" && n > 0 {
                out.file_notes
                    .push(format!("{n} {k}: not commands; not imported"));
            }
        }
    }
    if out.commands.is_empty() {
        return Err(bad(
            file,
            "components",
            "commands",
            "the setup has no commands",
        ));
    }
    Ok(out)
}
