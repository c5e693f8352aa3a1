//! Bot commands business logic, shared by REST and GraphQL: commands and global commands,
//! overrides, the dry run, statistics and history. Bulk import is in `import.rs`, execution
//! on chat messages in `exec.rs`.

use std::collections::{HashMap, HashSet};

use serde_json::json;
use uuid::Uuid;

use super::model::*;
use super::store::{ApplyError, StoreError, Write};
use super::validate::{self, plan_limit};
pub use super::views::{history, override_json, row_json, same_definition, view};
use crate::auth::{AccountCtx, Auth, Permission};
use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// An admin acting on global commands.
#[derive(Debug, Clone)]
pub struct AdminCtx {
    pub user_id: Uuid,
    pub user_name: String,
}

/// Who calls a commands endpoint: an account member holding the permission, an admin
/// holding it as an admin permission (for global commands), or both.
#[derive(Debug)]
pub struct Caller {
    permission: Permission,
    account: Result<AccountCtx, AppError>,
    plan: String,
    admin: Option<AdminCtx>,
}

fn copy_err(e: &AppError) -> AppError {
    match e {
        AppError::MissingPermission(p) => AppError::MissingPermission(*p),
        AppError::Forbidden(m) => AppError::Forbidden(m.clone()),
        AppError::BadRequest(m) => AppError::BadRequest(m.clone()),
        AppError::Unauthorized(m) => AppError::Unauthorized(m.clone()),
        other => AppError::Forbidden(other.to_string()),
    }
}

impl Caller {
    /// Check `permission` in the account of the call, and as an admin permission; fails
    /// when the caller has neither.
    pub fn from_auth(
        auth: &Auth,
        permission: Permission,
        account: Option<&str>,
    ) -> AppResult<Caller> {
        let acc = auth.require_in(permission, account);
        let admin = auth.require_admin(permission).ok().map(|u| AdminCtx {
            user_id: u.user.id,
            user_name: u.user.display_name.clone(),
        });
        let plan = match (&acc, auth.principal.user()) {
            (Ok(ctx), Ok(u)) => u
                .accounts
                .iter()
                .find(|a| a.id == ctx.account_id)
                .map(|a| a.plan.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        match (acc, admin) {
            (Err(e), None) => Err(e),
            (account, admin) => Ok(Caller {
                permission,
                account,
                plan,
                admin,
            }),
        }
    }

    /// An account member's call (tests and the service's own callers).
    pub fn account(ctx: AccountCtx, plan: &str, permission: Permission) -> Caller {
        Caller {
            permission,
            account: Ok(ctx),
            plan: plan.to_string(),
            admin: None,
        }
    }

    pub fn ctx(&self) -> AppResult<&AccountCtx> {
        self.account.as_ref().map_err(copy_err)
    }

    pub(super) fn admin(&self) -> AppResult<&AdminCtx> {
        self.admin.as_ref().ok_or_else(|| {
            AppError::Forbidden(format!(
                "global commands need the admin permission {} (missing permission {})",
                self.permission, self.permission
            ))
        })
    }

    fn actor(&self) -> (Option<Uuid>, String) {
        match (&self.account, &self.admin) {
            (Ok(a), _) => (Some(a.user_id), a.user_name.clone()),
            (Err(_), Some(a)) => (Some(a.user_id), a.user_name.clone()),
            _ => (None, "lumio".into()),
        }
    }

    pub fn plan(&self) -> &str {
        &self.plan
    }
}

pub(super) fn no_command(id: Uuid) -> AppError {
    AppError::NotFound(format!("no bot command {id}"))
}

/// A store error as the API answers it (a conflict names its field, through `AppError`).
pub fn store_err(e: impl Into<ApplyError>) -> AppError {
    match e.into() {
        ApplyError::Store(StoreError::NotFound) => AppError::NotFound("the command is gone".into()),
        ApplyError::LimitExceeded { count, limit } => AppError::Conflict(format!(
            "plan limit: the account would have {count} commands; its plan allows {limit}"
        )),
        ApplyError::Store(e) => e.into(),
    }
}

/// The plan-limit error, naming the plan and the limit.
pub fn limit_err(plan: &str, limit: i64, count: i64) -> AppError {
    AppError::Conflict(format!(
        "plan limit: the {plan} plan allows {limit} commands; this would make {count}"
    ))
}

/// An account's commands as they act: its own, and the global ones it does not shadow,
/// with its overrides applied; by name.
pub async fn effective(state: &AppState, account: Uuid) -> AppResult<Vec<BotCommand>> {
    let store = state.db.commands();
    let own = store.account_commands(account).await.map_err(store_err)?;
    let globals = store.global_commands().await.map_err(store_err)?;
    let overrides = store.overrides_of(account).await.map_err(store_err)?;
    let by_global: HashMap<Uuid, &OverrideRow> =
        overrides.iter().map(|o| (o.command_id, o)).collect();
    let global_names: HashMap<&str, Uuid> =
        globals.iter().map(|g| (g.name.as_str(), g.id)).collect();
    let own_names: HashSet<&str> = own.iter().map(|c| c.name.as_str()).collect();
    let mut out: Vec<BotCommand> = own
        .iter()
        .map(|c| view(c, None, global_names.get(c.name.as_str()).copied()))
        .collect();
    out.extend(
        globals
            .iter()
            .filter(|g| !own_names.contains(g.name.as_str()))
            .map(|g| view(g, by_global.get(&g.id).copied(), None)),
    );
    out.sort_by(|a, b| a.name.cmp(&b.name).then(a.scope.cmp(&b.scope)));
    Ok(out)
}

/// `botCommands` / `GET /v1/bot-commands`: the account's commands and the global ones it
/// inherits (only the global ones, for an admin asking with `global`).
pub async fn list(
    state: &AppState,
    caller: &Caller,
    global_only: bool,
    platform: Option<&str>,
) -> AppResult<Vec<BotCommand>> {
    let platform = platform.map(str::parse::<Platform>).transpose()?;
    let mut all = if global_only {
        caller.admin()?;
        let globals = state
            .db
            .commands()
            .global_commands()
            .await
            .map_err(store_err)?;
        globals.iter().map(|g| view(g, None, None)).collect()
    } else {
        effective(state, caller.ctx()?.account_id).await?
    };
    if let Some(p) = platform {
        all.retain(|c| c.platforms.iter().any(|x| x == p.as_str()));
    }
    Ok(all)
}

/// The system query `botCommandsForAccount`: what a bot loads — enabled commands active
/// on the platform.
pub async fn for_account(
    state: &AppState,
    account: Uuid,
    platform: &str,
) -> AppResult<Vec<BotCommand>> {
    let platform: Platform = platform.parse()?;
    let mut all = effective(state, account).await?;
    all.retain(|c| c.enabled && c.platforms.iter().any(|p| p == platform.as_str()));
    Ok(all)
}

/// A command the caller may see: the account's own, or a global (as the account sees it).
async fn find(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
) -> AppResult<(CommandRow, Option<OverrideRow>)> {
    let store = state.db.commands();
    let row = store
        .command(id)
        .await
        .map_err(store_err)?
        .ok_or_else(|| no_command(id))?;
    match row.account_id {
        Some(owner) => {
            let ctx = caller.ctx()?;
            if owner != ctx.account_id {
                return Err(no_command(id));
            }
            Ok((row, None))
        }
        None => {
            let ovr = match caller.ctx() {
                Ok(ctx) => store
                    .override_of(ctx.account_id, id)
                    .await
                    .map_err(store_err)?,
                Err(_) => None,
            };
            Ok((row, ovr))
        }
    }
}

pub async fn get(state: &AppState, caller: &Caller, id: Uuid) -> AppResult<BotCommand> {
    let (row, ovr) = find(state, caller, id).await?;
    Ok(view(&row, ovr.as_ref(), None))
}

/// Names and aliases of the account's other commands that `row` would collide with.
pub fn name_clash(row: &CommandRow, others: &[CommandRow]) -> Option<String> {
    let mine: Vec<&String> = std::iter::once(&row.name)
        .chain(row.aliases.0.iter())
        .collect();
    for o in others.iter().filter(|o| o.id != row.id) {
        for n in std::iter::once(&o.name).chain(o.aliases.0.iter()) {
            if mine.contains(&n) {
                let field = if *n == row.name { "name" } else { "aliases" };
                return Some(format!(
                    "{field}: '{n}' is already used by the command '{}' ({})",
                    o.name, o.id
                ));
            }
        }
    }
    None
}

/// Tell the bots (`command_sync` on each bot-action channel) and every instance's cache
/// (the version key) that commands changed. `account` None: a global command changed.
pub async fn announce(
    state: &AppState,
    account: Option<Uuid>,
    change: &str,
    command: &str,
) -> AppResult<()> {
    let scope = account
        .map(|a| a.to_string())
        .unwrap_or_else(|| "global".into());
    state.bus.incr(&keys::cmd_version(&scope), 1).await?;
    let targets: Vec<(Uuid, Platform)> = match account {
        Some(a) => Platform::ALL.into_iter().map(|p| (a, p)).collect(),
        None => crate::chatter::service::bot_channels(state).await?,
    };
    let body = json!({"action": "command_sync", "change": change, "command": command,
        "scope": if account.is_some() { "account" } else { "global" }})
    .to_string();
    for (acc, p) in targets {
        state.bus.publish(&keys::bot_action(p, acc), &body).await?;
    }
    Ok(())
}

/// `createBotCommand` / `POST /v1/bot-commands`.
pub async fn create(
    state: &AppState,
    caller: &Caller,
    input: &CommandInput,
) -> AppResult<BotCommand> {
    let store = state.db.commands();
    let actor = caller.actor();
    let account = if input.global {
        caller.admin()?;
        None
    } else {
        Some(caller.ctx()?.account_id)
    };
    let mut row = validate::blank_row(account, String::new());
    validate::apply_update(&mut row, &validate::create_fields(input))?;
    let others = match account {
        Some(a) => store.account_commands(a).await,
        None => store.global_commands().await,
    }
    .map_err(store_err)?;
    if let Some(clash) = name_clash(&row, &others) {
        return Err(AppError::Conflict(clash));
    }
    let limit = match account {
        Some(a) => match plan_limit(caller.plan()) {
            Some(l) => {
                let count = others.len() as i64 + 1;
                if count > l {
                    return Err(limit_err(caller.plan(), l, count));
                }
                Some((a, l))
            }
            None => None,
        },
        None => None,
    };
    let writes = [
        Write::InsertCommand(row.clone()),
        Write::History(history(
            row.id,
            account,
            "command",
            "create",
            None,
            Some(row_json(&row)),
            &actor,
        )),
    ];
    store.apply(&writes, limit).await.map_err(|e| match e {
        ApplyError::LimitExceeded { count, limit } => limit_err(caller.plan(), limit, count),
        other => store_err(other),
    })?;
    announce(state, account, "create", &row.name).await?;
    Ok(view(&row, None, None))
}

/// `updateBotCommand` / `PUT /v1/bot-commands/{id}` (a global command: admins only).
pub async fn update(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    input: &CommandUpdate,
) -> AppResult<BotCommand> {
    let store = state.db.commands();
    let (before, _) = find(state, caller, id).await?;
    if before.account_id.is_none() {
        caller.admin()?;
    }
    let mut row = before.clone();
    validate::apply_update(&mut row, input)?;
    row.updated_at = crate::store::now();
    let others = match row.account_id {
        Some(a) => store.account_commands(a).await,
        None => store.global_commands().await,
    }
    .map_err(store_err)?;
    if let Some(clash) = name_clash(&row, &others) {
        return Err(AppError::Conflict(clash));
    }
    let entry = history(
        id,
        row.account_id,
        "command",
        "update",
        Some(row_json(&before)),
        Some(row_json(&row)),
        &caller.actor(),
    );
    let changed = !entry.changed_fields.is_empty();
    if changed {
        store
            .apply(
                &[Write::UpdateCommand(row.clone()), Write::History(entry)],
                None,
            )
            .await
            .map_err(store_err)?;
        announce(state, row.account_id, "update", &row.name).await?;
    }
    let ovr = match (row.account_id, caller.ctx()) {
        (None, Ok(ctx)) => store
            .override_of(ctx.account_id, id)
            .await
            .map_err(store_err)?,
        _ => None,
    };
    Ok(view(
        if changed { &row } else { &before },
        ovr.as_ref(),
        None,
    ))
}

/// `deleteBotCommand` / `DELETE /v1/bot-commands/{id}` (a global command: admins only).
pub async fn delete(state: &AppState, caller: &Caller, id: Uuid) -> AppResult<()> {
    let (row, _) = find(state, caller, id).await?;
    if row.account_id.is_none() {
        caller.admin()?;
    }
    let writes = [
        Write::DeleteCommand(id),
        Write::History(history(
            id,
            row.account_id,
            "command",
            "delete",
            Some(row_json(&row)),
            None,
            &caller.actor(),
        )),
    ];
    state
        .db
        .commands()
        .apply(&writes, None)
        .await
        .map_err(store_err)?;
    announce(state, row.account_id, "delete", &row.name).await
}

async fn global_for_override(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
) -> AppResult<(AccountCtx, CommandRow)> {
    let ctx = caller.ctx()?.clone();
    let row = state
        .db
        .commands()
        .command(id)
        .await
        .map_err(store_err)?
        .filter(|r| r.account_id.is_none() || r.account_id == Some(ctx.account_id))
        .ok_or_else(|| no_command(id))?;
    if row.account_id.is_some() {
        return Err(AppError::Validation(format!(
            "commandId: '{}' is the account's own command; only global commands are overridden \
             (edit it instead)",
            row.name
        )));
    }
    Ok((ctx, row))
}

/// `overrideGlobalCommand` / `POST /v1/bot-commands/{id}/override`: fields given replace
/// the account's current override's, absent ones stay.
pub async fn set_override(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    input: &OverrideInput,
) -> AppResult<BotCommand> {
    let (ctx, global) = global_for_override(state, caller, id).await?;
    let store = state.db.commands();
    let existing = store
        .override_of(ctx.account_id, id)
        .await
        .map_err(store_err)?;
    let merged = validate::merge_override(&global, existing.as_ref(), ctx.account_id, input)?;
    let entry = history(
        id,
        Some(ctx.account_id),
        "override",
        if existing.is_some() {
            "update"
        } else {
            "create"
        },
        existing.as_ref().map(override_json),
        Some(override_json(&merged)),
        &caller.actor(),
    );
    store
        .apply(
            &[Write::UpsertOverride(merged.clone()), Write::History(entry)],
            None,
        )
        .await
        .map_err(store_err)?;
    announce(state, Some(ctx.account_id), "override", &global.name).await?;
    Ok(view(&global, Some(&merged), None))
}

/// `removeGlobalCommandOverride` / `DELETE /v1/bot-commands/{id}/override`.
pub async fn remove_override(state: &AppState, caller: &Caller, id: Uuid) -> AppResult<BotCommand> {
    let (ctx, global) = global_for_override(state, caller, id).await?;
    let store = state.db.commands();
    let existing = store
        .override_of(ctx.account_id, id)
        .await
        .map_err(store_err)?
        .ok_or_else(|| {
            AppError::NotFound(format!("the account has no override of '{}'", global.name))
        })?;
    let entry = history(
        id,
        Some(ctx.account_id),
        "override",
        "delete",
        Some(override_json(&existing)),
        None,
        &caller.actor(),
    );
    store
        .apply(
            &[
                Write::DeleteOverride {
                    account: ctx.account_id,
                    command: id,
                },
                Write::History(entry),
            ],
            None,
        )
        .await
        .map_err(store_err)?;
    announce(state, Some(ctx.account_id), "unoverride", &global.name).await?;
    Ok(view(&global, None, None))
}

/// `botCommandHistory` / `GET /v1/bot-commands/{id}/history`: the command's changes and the
/// account's overrides of it (every account's, for an admin without an account). A deleted
/// command keeps its history.
pub async fn command_history(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
) -> AppResult<Vec<HistoryEntry>> {
    let account = match caller.ctx() {
        Ok(ctx) => Some(ctx.account_id),
        Err(e) => {
            caller.admin().map_err(|_| e)?;
            None
        }
    };
    let store = state.db.commands();
    let entries = store.history(id, account).await.map_err(store_err)?;
    let owner = match store.command(id).await.map_err(store_err)? {
        Some(row) => row.account_id,
        None => match entries.iter().find(|e| e.target == "command") {
            Some(e) => e.account_id,
            None => return Err(no_command(id)),
        },
    };
    if owner.is_some() && account.is_some() && owner != account {
        return Err(no_command(id));
    }
    Ok(entries)
}

/// The one call chat ingest makes for each message it buffered: seed 002's chatter
/// behaviours and the commands it calls (`chat_hook`). Never fails ingest.
pub async fn on_message(state: &AppState, msg: &crate::chat::model::ChatMessage) {
    super::chat_hook::on_message(state, msg).await
}
