//! Bulk import of commands in lumio's canonical form (the CLI converts other bots' files
//! into it): one transaction, idempotent on (`source`, `source_id`), within the plan's
//! limit, with a report per row. A dry run reports and writes nothing; a row that fails
//! makes the whole import write nothing.

use std::collections::HashMap;

use uuid::Uuid;

use super::model::*;
use super::service::{
    self, announce, history, limit_err, row_json, same_definition, store_err, Caller,
};
use super::store::{ApplyError, Write};
use super::translate::{translate, Dialect};
use super::validate::{self, plan_limit};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The most rows one import takes.
pub const MAX_ROWS: usize = 5_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OnConflict {
    Error,
    Skip,
    Replace,
}

fn row_result(row: usize, name: &str, source_id: Option<String>, action: &str) -> ImportRowResult {
    ImportRowResult {
        row: row as i64,
        name: name.to_string(),
        source_id,
        action: action.into(),
        command_id: None,
        lost: Vec::new(),
        error: None,
    }
}

/// `importBotCommands` / `POST /v1/bot-commands/import`.
pub async fn import(
    state: &AppState,
    caller: &Caller,
    input: &ImportInput,
) -> AppResult<ImportResult> {
    let ctx = caller.ctx()?.clone();
    let account = ctx.account_id;
    let dialect: Dialect = input.source.parse()?;
    let on_conflict = match input.on_conflict.as_deref().unwrap_or("error") {
        "error" => OnConflict::Error,
        "skip" => OnConflict::Skip,
        "replace" => OnConflict::Replace,
        other => {
            return Err(AppError::Validation(format!(
                "on_conflict: '{other}' is not error, skip or replace"
            )))
        }
    };
    if input.commands.len() > MAX_ROWS {
        return Err(AppError::Validation(format!(
            "commands: at most {MAX_ROWS} rows in one import; got {}",
            input.commands.len()
        )));
    }
    if !input.overrides.is_empty() && dialect != Dialect::Lumio {
        return Err(AppError::Validation(
            "overrides: only lumio's own export carries overrides".into(),
        ));
    }
    let store = state.db.commands();
    let own = store.account_commands(account).await.map_err(store_err)?;
    let source = dialect.as_str().to_string();
    let now = crate::store::now();
    let actor = (Some(ctx.user_id), ctx.user_name.clone());

    // The account's commands as they will be: start from what is stored.
    let mut finals: Vec<CommandRow> = own.clone();
    let mut rows = Vec::with_capacity(input.commands.len());
    let mut writes = Vec::new();
    let mut touched: HashMap<Uuid, usize> = HashMap::new();
    for (i, r) in input.commands.iter().enumerate() {
        let n = i + 1;
        let key = match dialect {
            Dialect::Lumio => Some(r.name.trim().trim_start_matches(['!', '/']).to_lowercase()),
            _ => r.source_id.clone().filter(|s| !s.trim().is_empty()),
        };
        let mut res = row_result(n, &r.name, key.clone(), "error");
        res.lost.extend(r.notes.iter().cloned());
        let Some(key) = key else {
            res.error = Some("source_id: every row from another bot needs its id there".into());
            rows.push(res);
            continue;
        };
        let response = translate(&r.response, dialect);
        let reply = r.cooldown_reply.as_deref().map(|c| translate(c, dialect));
        for l in &response.lost {
            res.lost
                .push(format!("response: {l} has no lumio equivalent"));
        }
        let mut fields = validate::import_fields(r, response.text);
        if let Some(t) = &reply {
            for l in &t.lost {
                res.lost
                    .push(format!("cooldown_reply: {l} has no lumio equivalent"));
            }
            fields.cooldown_reply = Some(t.text.clone());
        }
        let untranslated = !response.lost.is_empty() || reply.is_some_and(|t| !t.lost.is_empty());
        if untranslated {
            // A response that would send another bot's syntax to chat waits for a person.
            fields.enabled = Some(false);
            fields.needs_review = Some(true);
            res.lost
                .push("imported disabled and flagged for review: fix the variables above".into());
        }
        // Idempotency: the command this row made before, else one of the same name.
        let by_source = finals.iter().position(|c| {
            c.source.as_deref() == Some(source.as_str())
                && c.source_id.as_deref() == Some(key.as_str())
        });
        let by_source = match dialect {
            Dialect::Lumio => None,
            _ => by_source,
        };
        let wanted_name = match validate::clean_name("name", &r.name) {
            Ok(name) => name,
            Err(e) => {
                res.error = Some(e.to_string());
                rows.push(res);
                continue;
            }
        };
        let by_name = finals.iter().position(|c| c.name == wanted_name);
        let target = match (by_source, by_name) {
            (Some(i), _) => Some(i),
            (None, Some(i)) if dialect == Dialect::Lumio => Some(i),
            (None, Some(i)) => match on_conflict {
                OnConflict::Error => {
                    res.error = Some(format!(
                        "name: '{wanted_name}' is already a command of this account not imported \
                         from this {source} id (use on_conflict skip or replace)"
                    ));
                    rows.push(res);
                    continue;
                }
                OnConflict::Skip => {
                    res.action = "skip".into();
                    res.command_id = Some(finals[i].id);
                    rows.push(res);
                    continue;
                }
                OnConflict::Replace => Some(i),
            },
            (None, None) => None,
        };
        if let Some(i) = target {
            if let Some(prev) = touched.get(&finals[i].id) {
                res.error = Some(format!(
                    "name: the same command as row {prev} (a duplicate row)"
                ));
                rows.push(res);
                continue;
            }
        }
        let mut row = match target {
            Some(i) => finals[i].clone(),
            None => validate::blank_row(Some(account), String::new()),
        };
        let before = row.clone();
        if let Err(e) = validate::apply_update(&mut row, &fields) {
            res.error = Some(e.to_string());
            rows.push(res);
            continue;
        }
        row.source = Some(source.clone());
        row.source_id = Some(key);
        // (name_clash skips the row itself.)
        if let Some(clash) = service::name_clash(&row, &finals) {
            res.error = Some(clash);
            rows.push(res);
            continue;
        }
        res.command_id = Some(row.id);
        touched.insert(row.id, n);
        match target {
            Some(i) if same_definition(&before, &row) => {
                res.action = "unchanged".into();
                finals[i] = before;
            }
            Some(i) => {
                res.action = "update".into();
                row.updated_at = now;
                writes.push(Write::UpdateCommand(row.clone()));
                writes.push(Write::History(history(
                    row.id,
                    Some(account),
                    "command",
                    "import",
                    Some(row_json(&before)),
                    Some(row_json(&row)),
                    &actor,
                )));
                finals[i] = row;
            }
            None => {
                res.action = "create".into();
                writes.push(Write::InsertCommand(row.clone()));
                writes.push(Write::History(history(
                    row.id,
                    Some(account),
                    "command",
                    "import",
                    None,
                    Some(row_json(&row)),
                    &actor,
                )));
                finals.push(row);
            }
        }
        rows.push(res);
    }

    // Overrides of global commands (lumio's export only).
    let globals = store.global_commands().await.map_err(store_err)?;
    let existing: HashMap<Uuid, OverrideRow> = store
        .overrides_of(account)
        .await
        .map_err(store_err)?
        .into_iter()
        .map(|o| (o.command_id, o))
        .collect();
    let mut overrides = Vec::new();
    for (i, o) in input.overrides.iter().enumerate() {
        let mut res = row_result(i + 1, &o.command, None, "error");
        let name = o
            .command
            .trim()
            .trim_start_matches(['!', '/'])
            .to_lowercase();
        let Some(global) = globals.iter().find(|g| g.name == name) else {
            res.error = Some(format!("command: no global command '{name}'"));
            overrides.push(res);
            continue;
        };
        res.command_id = Some(global.id);
        let current = existing.get(&global.id);
        // The override as the file states it, replacing the current one entirely.
        match validate::merge_override(global, None, account, &o.fields()) {
            Err(e) => res.error = Some(e.to_string()),
            Ok(mut merged) => {
                let same = current.is_some_and(|c| {
                    (
                        c.response.clone(),
                        c.platforms.clone(),
                        c.global_cooldown_seconds,
                        c.user_cooldown_seconds,
                        c.cooldown_reply.clone(),
                        c.min_role.clone(),
                        c.enabled,
                    ) == (
                        merged.response.clone(),
                        merged.platforms.clone(),
                        merged.global_cooldown_seconds,
                        merged.user_cooldown_seconds,
                        merged.cooldown_reply.clone(),
                        merged.min_role.clone(),
                        merged.enabled,
                    )
                });
                if same {
                    res.action = "unchanged".into();
                } else {
                    if let Some(c) = current {
                        merged.id = c.id;
                        merged.created_at = c.created_at;
                    }
                    res.action = if current.is_some() {
                        "update"
                    } else {
                        "create"
                    }
                    .into();
                    writes.push(Write::UpsertOverride(merged.clone()));
                    writes.push(Write::History(history(
                        global.id,
                        Some(account),
                        "override",
                        "import",
                        None,
                        Some(
                            serde_json::to_value(CommandOverride::from(&merged))
                                .unwrap_or_default(),
                        ),
                        &actor,
                    )));
                }
            }
        }
        overrides.push(res);
    }

    let count = |a: &str| {
        rows.iter()
            .chain(overrides.iter())
            .filter(|r| r.action == a)
            .count() as i64
    };
    let total_after = finals.len() as i64;
    let limit = plan_limit(caller.plan());
    let failed = count("error");
    let mut result = ImportResult {
        dry_run: input.dry_run,
        applied: false,
        created: count("create"),
        updated: count("update"),
        unchanged: count("unchanged"),
        skipped: count("skip"),
        failed,
        total_after,
        limit,
        plan: caller.plan().to_string(),
        rows,
        overrides,
    };
    if let Some(l) = limit {
        if total_after > l && result.created > 0 {
            return Err(limit_err(caller.plan(), l, total_after));
        }
    }
    if failed > 0 || input.dry_run || writes.is_empty() {
        return Ok(result);
    }
    store
        .apply(&writes, limit.map(|l| (account, l)))
        .await
        .map_err(|e| match e {
            ApplyError::LimitExceeded { count, limit } => limit_err(caller.plan(), limit, count),
            other => store_err(other),
        })?;
    result.applied = true;
    announce(state, Some(account), "import", "*").await?;
    Ok(result)
}
