//! Rows as the API shows them (an account's override applied to a global command), and
//! the JSON and changed fields kept in `bot_command_history`.

use serde_json::{json, Value};
use uuid::Uuid;

use super::model::*;

/// The API view of a row, with an account's override applied to a global command.
pub fn view(row: &CommandRow, ovr: Option<&OverrideRow>, shadows: Option<Uuid>) -> BotCommand {
    let o = ovr;
    let cooldown_reply = match o.and_then(|o| o.cooldown_reply.clone()) {
        Some(r) if r.is_empty() => None,
        Some(r) => Some(r),
        None => row.cooldown_reply.clone(),
    };
    BotCommand {
        id: row.id,
        account_id: row.account_id,
        scope: if row.account_id.is_some() {
            "account"
        } else {
            "global"
        }
        .into(),
        name: row.name.clone(),
        aliases: row.aliases.0.clone(),
        kind: row.kind.clone(),
        response: o
            .and_then(|o| o.response.clone())
            .unwrap_or_else(|| row.response.clone()),
        automation: row.automation.clone(),
        platforms: o
            .and_then(|o| o.platforms.as_ref().map(|p| p.0.clone()))
            .unwrap_or_else(|| row.platforms.0.clone()),
        discord_style: row.discord_style.clone(),
        min_role: o
            .and_then(|o| o.min_role.clone())
            .unwrap_or_else(|| row.min_role.clone()),
        global_cooldown_seconds: o
            .and_then(|o| o.global_cooldown_seconds)
            .unwrap_or(row.global_cooldown_seconds),
        user_cooldown_seconds: o
            .and_then(|o| o.user_cooldown_seconds)
            .unwrap_or(row.user_cooldown_seconds),
        cooldown_applies_to_mods: row.cooldown_applies_to_mods,
        cooldown_reply,
        enabled: o.and_then(|o| o.enabled).unwrap_or(row.enabled),
        needs_review: row.needs_review,
        source: row.source.clone(),
        source_id: row.source_id.clone(),
        account_override: o.map(CommandOverride::from),
        shadows_global: shadows,
        created_at: row.created_at,
        updated_at: o
            .map(|o| o.updated_at.max(row.updated_at))
            .unwrap_or(row.updated_at),
    }
}

/// The top-level fields whose values differ between two JSON objects.
fn changed_fields(before: Option<&Value>, after: Option<&Value>) -> Vec<String> {
    let empty = serde_json::Map::new();
    let b = before.and_then(Value::as_object).unwrap_or(&empty);
    let a = after.and_then(Value::as_object).unwrap_or(&empty);
    let mut keys: Vec<&String> = b.keys().chain(a.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| !["updated_at", "created_at"].contains(&k.as_str()))
        .filter(|k| b.get(*k) != a.get(*k))
        .cloned()
        .collect()
}

/// A history row for a change.
#[allow(clippy::too_many_arguments)]
pub fn history(
    command: Uuid,
    account: Option<Uuid>,
    target: &str,
    action: &str,
    before: Option<Value>,
    after: Option<Value>,
    actor: &(Option<Uuid>, String),
) -> HistoryEntry {
    HistoryEntry {
        id: Uuid::now_v7(),
        command_id: command,
        account_id: account,
        target: target.into(),
        action: action.into(),
        changed_fields: changed_fields(before.as_ref(), after.as_ref()),
        before_json: before.map(|v| v.to_string()),
        after_json: after.map(|v| v.to_string()),
        changed_by: actor.0,
        changed_by_name: actor.1.clone(),
        created_at: crate::store::now(),
    }
}

/// The JSON kept in history for a row (its definition, without ids and times).
pub fn row_json(r: &CommandRow) -> Value {
    json!({
        "name": r.name, "aliases": r.aliases.0, "type": r.kind, "response": r.response,
        "automation": r.automation, "platforms": r.platforms.0,
        "discord_style": r.discord_style, "min_role": r.min_role,
        "global_cooldown_seconds": r.global_cooldown_seconds,
        "user_cooldown_seconds": r.user_cooldown_seconds,
        "cooldown_applies_to_mods": r.cooldown_applies_to_mods,
        "cooldown_reply": r.cooldown_reply, "enabled": r.enabled,
        "needs_review": r.needs_review, "source": r.source, "source_id": r.source_id,
    })
}

pub fn override_json(o: &OverrideRow) -> Value {
    json!({
        "response": o.response, "platforms": o.platforms.as_ref().map(|p| &p.0),
        "global_cooldown_seconds": o.global_cooldown_seconds,
        "user_cooldown_seconds": o.user_cooldown_seconds,
        "cooldown_reply": o.cooldown_reply, "min_role": o.min_role, "enabled": o.enabled,
    })
}

/// Unify the row JSON of two commands for comparing an import with what is stored.
pub fn same_definition(a: &CommandRow, b: &CommandRow) -> bool {
    let strip = |r: &CommandRow| {
        let mut v = row_json(r);
        if let Some(o) = v.as_object_mut() {
            o.remove("source");
            o.remove("source_id");
        }
        v
    };
    strip(a) == strip(b)
}
