//! Use counts and statistics, account features, and lumio's export file.

use std::collections::HashMap;

use uuid::Uuid;

use super::model::*;
use super::service::{announce, effective, store_err, Caller};
use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The live use count of a command: the bus counter, or what was flushed when the bus
/// has forgotten it.
pub async fn uses(state: &AppState, account: Uuid, command: Uuid) -> AppResult<i64> {
    let live = state
        .bus
        .get(&keys::cmd_count(account, command))
        .await?
        .and_then(|v| v.parse::<i64>().ok());
    match live {
        Some(n) => Ok(n),
        None => state
            .db
            .commands()
            .stored_uses(account, command)
            .await
            .map_err(store_err),
    }
}

/// `botCommandStats` / `GET /v1/bot-commands/stats`: uses per command, most used first.
pub async fn stats(state: &AppState, caller: &Caller) -> AppResult<Vec<CommandStat>> {
    let ctx = caller.ctx()?;
    let stored: HashMap<Uuid, (i64, Option<chrono::DateTime<chrono::Utc>>)> = state
        .db
        .commands()
        .stats(ctx.account_id)
        .await
        .map_err(store_err)?
        .into_iter()
        .map(|(id, n, at)| (id, (n, at)))
        .collect();
    let mut out = Vec::new();
    for c in effective(state, ctx.account_id).await? {
        let live = state
            .bus
            .get(&keys::cmd_count(ctx.account_id, c.id))
            .await?
            .and_then(|v| v.parse::<i64>().ok());
        let (db_uses, at) = stored.get(&c.id).cloned().unwrap_or((0, None));
        out.push(CommandStat {
            command_id: c.id,
            name: c.name,
            scope: c.scope,
            uses: live.unwrap_or(0).max(db_uses),
            last_used_at: at,
        });
    }
    out.sort_by(|a, b| b.uses.cmp(&a.uses).then(a.name.cmp(&b.name)));
    Ok(out)
}

/// The account's features (for gated variables).
pub async fn features(state: &AppState, caller: &Caller) -> AppResult<Vec<String>> {
    let ctx = caller.ctx()?;
    state
        .db
        .commands()
        .features(ctx.account_id)
        .await
        .map_err(store_err)
}

/// Turn an account's feature on or off (admin `bot-commands:edit`).
pub async fn set_feature(
    state: &AppState,
    caller: &Caller,
    account: Uuid,
    feature: &str,
    on: bool,
) -> AppResult<Vec<String>> {
    caller.admin()?;
    let f = feature.trim();
    if f.is_empty() || f.len() > 100 || f.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(AppError::Validation(
            "feature: 1 to 100 characters without spaces".into(),
        ));
    }
    let store = state.db.commands();
    if store.set_feature(account, f, on).await.map_err(store_err)? {
        announce(state, Some(account), "feature", f).await?;
    }
    store.features(account).await.map_err(store_err)
}

/// For the CLI's `export`: the account's own commands and its overrides, in lumio's
/// canonical form.
pub async fn export(state: &AppState, caller: &Caller) -> AppResult<ExportFile> {
    let ctx = caller.ctx()?;
    let store = state.db.commands();
    let own = store
        .account_commands(ctx.account_id)
        .await
        .map_err(store_err)?;
    let globals = store.global_commands().await.map_err(store_err)?;
    let names: HashMap<Uuid, &str> = globals.iter().map(|g| (g.id, g.name.as_str())).collect();
    let mut overrides: Vec<ImportOverride> = store
        .overrides_of(ctx.account_id)
        .await
        .map_err(store_err)?
        .iter()
        .filter_map(|o| {
            Some(ImportOverride {
                command: names.get(&o.command_id)?.to_string(),
                response: o.response.clone(),
                platforms: o.platforms.as_ref().map(|p| p.0.clone()),
                global_cooldown_seconds: o.global_cooldown_seconds,
                user_cooldown_seconds: o.user_cooldown_seconds,
                cooldown_reply: o.cooldown_reply.clone(),
                min_role: o.min_role.clone(),
                enabled: o.enabled,
            })
        })
        .collect();
    overrides.sort_by(|a, b| a.command.cmp(&b.command));
    Ok(ExportFile {
        kind: EXPORT_KIND.into(),
        version: EXPORT_VERSION,
        commands: own
            .iter()
            .map(|r| ImportRow {
                source_id: None,
                name: r.name.clone(),
                aliases: r.aliases.0.clone(),
                kind: Some(r.kind.clone()),
                response: r.response.clone(),
                automation: r.automation.clone(),
                platforms: Some(r.platforms.0.clone()),
                discord_style: Some(r.discord_style.clone()),
                min_role: Some(r.min_role.clone()),
                global_cooldown_seconds: Some(r.global_cooldown_seconds),
                user_cooldown_seconds: Some(r.user_cooldown_seconds),
                cooldown_applies_to_mods: Some(r.cooldown_applies_to_mods),
                cooldown_reply: r.cooldown_reply.clone(),
                enabled: Some(r.enabled),
                needs_review: Some(r.needs_review),
                notes: Vec::new(),
            })
            .collect(),
        overrides,
    })
}

/// The `kind` and `version` of lumio's export file.
pub const EXPORT_KIND: &str = "lumio.bot-commands";
pub const EXPORT_VERSION: i64 = 1;
