//! Checking command input and turning it into rows; every message names the field.

use sqlx::types::Json;
use uuid::Uuid;

use super::engine::Kind;
use super::model::{
    CommandInput, CommandRow, CommandUpdate, ImportRow, OverrideInput, OverrideRow,
};
use super::role::Role;
use super::template;
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;

pub const MAX_NAME_CHARS: usize = 50;
pub const MAX_ALIASES: usize = 20;
/// The longest response: Twitch's limit for one chat message.
pub const MAX_RESPONSE_CHARS: usize = 500;
pub const MAX_COOLDOWN_SECONDS: i64 = 86_400;
pub const MAX_AUTOMATION_CHARS: usize = 100;

/// The plan limits of seed 004: how many commands an account may own (None: unlimited).
pub fn plan_limit(plan: &str) -> Option<i64> {
    match plan {
        "free" => Some(25),
        "pro" => Some(200),
        _ => None,
    }
}

fn invalid(field: &str, why: impl std::fmt::Display) -> AppError {
    AppError::Validation(format!("{field}: {why}"))
}

/// A command name or alias: trimmed, a leading `!` or `/` dropped, lower case, 1–50
/// characters without spaces.
pub fn clean_name(field: &str, raw: &str) -> AppResult<String> {
    let name = raw.trim().trim_start_matches(['!', '/']).to_lowercase();
    if name.is_empty() {
        return Err(invalid(field, format!("'{raw}' is not a command name")));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(invalid(
            field,
            format!("'{raw}' is longer than {MAX_NAME_CHARS} characters"),
        ));
    }
    if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(invalid(field, format!("'{raw}' must not contain spaces")));
    }
    Ok(name)
}

fn clean_aliases(name: &str, raw: &[String]) -> AppResult<Vec<String>> {
    if raw.len() > MAX_ALIASES {
        return Err(invalid("aliases", format!("at most {MAX_ALIASES}")));
    }
    let mut out: Vec<String> = Vec::new();
    for a in raw {
        let a = clean_name("aliases", a)?;
        if a == name {
            return Err(invalid(
                "aliases",
                format!("'{a}' is the command's own name"),
            ));
        }
        if !out.contains(&a) {
            out.push(a);
        }
    }
    Ok(out)
}

fn clean_platforms(field: &str, raw: &[String]) -> AppResult<Vec<String>> {
    if raw.is_empty() {
        return Err(invalid(field, "name at least one platform"));
    }
    let mut set = Vec::new();
    for p in raw {
        let p: Platform = p.parse().map_err(|e: AppError| invalid(field, e))?;
        if !set.contains(&p) {
            set.push(p);
        }
    }
    // In the order of Platform::ALL, so equal sets compare equal.
    Ok(Platform::ALL
        .into_iter()
        .filter(|p| set.contains(p))
        .map(|p| p.to_string())
        .collect())
}

fn clean_cooldown(field: &str, secs: i64) -> AppResult<i64> {
    if !(0..=MAX_COOLDOWN_SECONDS).contains(&secs) {
        return Err(invalid(
            field,
            format!("must be 0 to {MAX_COOLDOWN_SECONDS} seconds; got {secs}"),
        ));
    }
    Ok(secs)
}

fn clean_text(field: &str, text: &str, max: usize) -> AppResult<String> {
    let t = text.trim();
    if t.chars().count() > max {
        return Err(invalid(field, format!("is longer than {max} characters")));
    }
    if t.chars().any(|c| c.is_control() && c != '\n') {
        return Err(invalid(field, "must not contain control characters"));
    }
    Ok(t.to_string())
}

fn clean_reply(raw: &str) -> AppResult<Option<String>> {
    let r = clean_text("cooldown_reply", raw, MAX_RESPONSE_CHARS)?;
    Ok((!r.is_empty()).then_some(r))
}

fn clean_role(field: &str, raw: &str) -> AppResult<Role> {
    raw.parse::<Role>().map_err(|_| {
        invalid(
            field,
            format!(
                "unknown role '{raw}' (expected broadcaster, moderator, vip, subscriber, \
                 follower or everyone)"
            ),
        )
    })
}

/// A fresh row with the defaults (every platform, prefix style, everyone, no cooldown).
pub fn blank_row(account: Option<Uuid>, name: String) -> CommandRow {
    let now = crate::store::now();
    CommandRow {
        id: Uuid::now_v7(),
        account_id: account,
        name,
        aliases: Json(Vec::new()),
        kind: String::new(),
        response: String::new(),
        automation: None,
        platforms: Json(Platform::ALL.iter().map(|p| p.to_string()).collect()),
        discord_style: "prefix".into(),
        min_role: Role::Everyone.to_string(),
        global_cooldown_seconds: 0,
        user_cooldown_seconds: 0,
        cooldown_applies_to_mods: false,
        cooldown_reply: None,
        enabled: true,
        needs_review: false,
        source: None,
        source_id: None,
        created_at: now,
        updated_at: now,
    }
}

/// Apply the fields present in `u` to `row`, checking each, then the row as a whole.
pub fn apply_update(row: &mut CommandRow, u: &CommandUpdate) -> AppResult<()> {
    if let Some(n) = &u.name {
        row.name = clean_name("name", n)?;
    }
    if let Some(a) = &u.aliases {
        row.aliases = Json(clean_aliases(&row.name, a)?);
    } else {
        row.aliases = Json(clean_aliases(&row.name, &row.aliases.0)?);
    }
    if let Some(k) = &u.kind {
        let k = k.trim().to_ascii_lowercase();
        if Kind::parse(&k).is_none() {
            return Err(invalid(
                "type",
                format!("unknown type '{k}' (expected text, template or automation)"),
            ));
        }
        row.kind = k;
    }
    if let Some(r) = &u.response {
        row.response = clean_text("response", r, MAX_RESPONSE_CHARS)?;
    }
    if let Some(a) = &u.automation {
        let a = clean_text("automation", a, MAX_AUTOMATION_CHARS)?;
        row.automation = (!a.is_empty()).then_some(a);
    }
    if let Some(p) = &u.platforms {
        row.platforms = Json(clean_platforms("platforms", p)?);
    }
    if let Some(d) = &u.discord_style {
        let d = d.trim().to_ascii_lowercase();
        if d != "prefix" && d != "slash" {
            return Err(invalid(
                "discord_style",
                format!("'{d}' is neither prefix nor slash"),
            ));
        }
        row.discord_style = d;
    }
    if let Some(r) = &u.min_role {
        row.min_role = clean_role("min_role", r)?.to_string();
    }
    if let Some(s) = u.global_cooldown_seconds {
        row.global_cooldown_seconds = clean_cooldown("global_cooldown_seconds", s)?;
    }
    if let Some(s) = u.user_cooldown_seconds {
        row.user_cooldown_seconds = clean_cooldown("user_cooldown_seconds", s)?;
    }
    if let Some(m) = u.cooldown_applies_to_mods {
        row.cooldown_applies_to_mods = m;
    }
    if let Some(r) = &u.cooldown_reply {
        row.cooldown_reply = clean_reply(r)?;
    }
    if let Some(e) = u.enabled {
        row.enabled = e;
    }
    if let Some(r) = u.needs_review {
        row.needs_review = r;
    }
    if row.kind.is_empty() {
        // Default: template when the response has variables.
        row.kind = if template::parse(&row.response).has_variables() {
            "template"
        } else {
            "text"
        }
        .into();
    }
    match Kind::parse(&row.kind) {
        Some(Kind::Automation) => {
            if row.automation.is_none() {
                return Err(invalid(
                    "automation",
                    "an automation command names its automation",
                ));
            }
        }
        _ => {
            if row.response.is_empty() {
                return Err(invalid("response", "must not be empty"));
            }
        }
    }
    Ok(())
}

/// The update that a create input amounts to.
pub fn create_fields(i: &CommandInput) -> CommandUpdate {
    CommandUpdate {
        name: Some(i.name.clone()),
        aliases: Some(i.aliases.clone()),
        kind: i.kind.clone(),
        response: Some(i.response.clone()),
        automation: i.automation.clone(),
        platforms: i.platforms.clone(),
        discord_style: i.discord_style.clone(),
        min_role: i.min_role.clone(),
        global_cooldown_seconds: i.global_cooldown_seconds,
        user_cooldown_seconds: i.user_cooldown_seconds,
        cooldown_applies_to_mods: i.cooldown_applies_to_mods,
        cooldown_reply: i.cooldown_reply.clone(),
        enabled: i.enabled,
        needs_review: i.needs_review,
    }
}

/// The update an import row amounts to (its response already translated).
pub fn import_fields(r: &ImportRow, response: String) -> CommandUpdate {
    CommandUpdate {
        name: Some(r.name.clone()),
        aliases: Some(r.aliases.clone()),
        kind: r.kind.clone(),
        response: Some(response),
        automation: r.automation.clone(),
        platforms: r.platforms.clone(),
        discord_style: r.discord_style.clone(),
        min_role: r.min_role.clone(),
        global_cooldown_seconds: r.global_cooldown_seconds,
        user_cooldown_seconds: r.user_cooldown_seconds,
        cooldown_applies_to_mods: r.cooldown_applies_to_mods,
        cooldown_reply: r.cooldown_reply.clone(),
        enabled: r.enabled,
        needs_review: r.needs_review,
    }
}

/// Check an override against its global command and merge it into the existing one:
/// fields present replace, absent ones stay. `min_role` may not be less restrictive than
/// the global's (422 naming the field).
pub fn merge_override(
    global: &CommandRow,
    existing: Option<&OverrideRow>,
    account: Uuid,
    i: &OverrideInput,
) -> AppResult<OverrideRow> {
    let now = crate::store::now();
    let mut o = existing.cloned().unwrap_or(OverrideRow {
        id: Uuid::now_v7(),
        account_id: account,
        command_id: global.id,
        response: None,
        platforms: None,
        global_cooldown_seconds: None,
        user_cooldown_seconds: None,
        cooldown_reply: None,
        min_role: None,
        enabled: None,
        created_at: now,
        updated_at: now,
    });
    if let Some(r) = &i.response {
        let r = clean_text("response", r, MAX_RESPONSE_CHARS)?;
        if r.is_empty() && global.kind != "automation" {
            return Err(invalid("response", "must not be empty"));
        }
        o.response = Some(r);
    }
    if let Some(p) = &i.platforms {
        o.platforms = Some(Json(clean_platforms("platforms", p)?));
    }
    if let Some(s) = i.global_cooldown_seconds {
        o.global_cooldown_seconds = Some(clean_cooldown("global_cooldown_seconds", s)?);
    }
    if let Some(s) = i.user_cooldown_seconds {
        o.user_cooldown_seconds = Some(clean_cooldown("user_cooldown_seconds", s)?);
    }
    if let Some(r) = &i.cooldown_reply {
        o.cooldown_reply = Some(clean_reply(r)?.unwrap_or_default());
    }
    if let Some(r) = &i.min_role {
        let wanted = clean_role("min_role", r)?;
        let floor: Role = global.min_role.parse().unwrap_or(Role::Broadcaster);
        if wanted < floor {
            return Err(invalid(
                "min_role",
                format!(
                    "'{wanted}' is less restrictive than the global command's '{floor}'; an \
                     override may only keep or raise it"
                ),
            ));
        }
        o.min_role = Some(wanted.to_string());
    }
    if let Some(e) = i.enabled {
        o.enabled = Some(e);
    }
    o.updated_at = now;
    Ok(o)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_limits() {
        assert_eq!(clean_name("name", " !SO ").unwrap(), "so");
        assert_eq!(clean_name("name", "/dice").unwrap(), "dice");
        for bad in ["", "!", "two words", &"x".repeat(51)] {
            let e = clean_name("name", bad).unwrap_err().to_string();
            assert!(e.starts_with("name: "), "{e}");
        }
        assert_eq!(plan_limit("free"), Some(25));
        assert_eq!(plan_limit("pro"), Some(200));
        assert_eq!(plan_limit("enterprise"), None);
    }

    #[test]
    fn rows_are_checked_field_by_field() {
        let mut row = blank_row(None, "x".into());
        let ok = CommandUpdate {
            response: Some("hi {user}".into()),
            aliases: Some(vec!["!Y".into(), "y".into()]),
            platforms: Some(vec!["Kick".into(), "twitch".into(), "kick".into()]),
            ..Default::default()
        };
        apply_update(&mut row, &ok).unwrap();
        assert_eq!(row.kind, "template", "variables make a template");
        assert_eq!(row.aliases.0, ["y"]);
        assert_eq!(row.platforms.0, ["twitch", "kick"]);
        let cases: Vec<(CommandUpdate, &str)> = vec![
            (
                CommandUpdate {
                    kind: Some("macro".into()),
                    ..Default::default()
                },
                "type:",
            ),
            (
                CommandUpdate {
                    platforms: Some(vec!["myspace".into()]),
                    ..Default::default()
                },
                "platforms:",
            ),
            (
                CommandUpdate {
                    min_role: Some("king".into()),
                    ..Default::default()
                },
                "min_role:",
            ),
            (
                CommandUpdate {
                    global_cooldown_seconds: Some(-1),
                    ..Default::default()
                },
                "global_cooldown_seconds:",
            ),
            (
                CommandUpdate {
                    response: Some("x".repeat(501)),
                    ..Default::default()
                },
                "response:",
            ),
            (
                CommandUpdate {
                    kind: Some("automation".into()),
                    ..Default::default()
                },
                "automation:",
            ),
            (
                CommandUpdate {
                    aliases: Some(vec!["x".into()]),
                    ..Default::default()
                },
                "aliases:",
            ),
            (
                CommandUpdate {
                    discord_style: Some("both".into()),
                    ..Default::default()
                },
                "discord_style:",
            ),
        ];
        for (u, field) in cases {
            let mut r = row.clone();
            let e = apply_update(&mut r, &u).unwrap_err().to_string();
            assert!(e.starts_with(field), "{field}: {e}");
        }
        let mut empty = blank_row(None, "e".into());
        let e = apply_update(&mut empty, &CommandUpdate::default())
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("response:"), "{e}");
    }

    #[test]
    fn an_override_cannot_lower_min_role() {
        let mut g = blank_row(None, "g".into());
        g.min_role = "moderator".into();
        g.response = "x".into();
        let acc = Uuid::now_v7();
        let lower = OverrideInput {
            min_role: Some("everyone".into()),
            ..Default::default()
        };
        let e = merge_override(&g, None, acc, &lower).unwrap_err();
        assert!(matches!(e, AppError::Validation(_)));
        assert!(e.to_string().starts_with("min_role:"), "{e}");
        let higher = OverrideInput {
            min_role: Some("broadcaster".into()),
            response: Some("mine".into()),
            ..Default::default()
        };
        let o = merge_override(&g, None, acc, &higher).unwrap();
        assert_eq!(o.min_role.as_deref(), Some("broadcaster"));
        // A later override keeps what it does not name.
        let more = OverrideInput {
            enabled: Some(false),
            ..Default::default()
        };
        let o2 = merge_override(&g, Some(&o), acc, &more).unwrap();
        assert_eq!(
            (o2.response.as_deref(), o2.enabled, o2.id),
            (Some("mine"), Some(false), o.id)
        );
    }
}
