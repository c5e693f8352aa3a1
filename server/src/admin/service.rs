//! The admin feature's logic: the audited wrapper every admin action runs in, the audit
//! listing, and the Discord guild views.

use std::future::Future;

use serde_json::json;
use uuid::Uuid;

use super::model::*;
use crate::auth::principal::UserPrincipal;
use crate::auth::Permission;
use crate::discord::model::GuildConnection;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Run an admin action with its audit entry: written `pending` before, `ok` or `failed`
/// (with the error) after. If the entry cannot be written, the action does not run.
pub async fn audited<T, F, Fut>(
    state: &AppState,
    admin: &UserPrincipal,
    action: AuditAction,
    run: F,
) -> AppResult<T>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = AppResult<T>>,
{
    let store = state.db.admin();
    let id = Uuid::now_v7();
    store
        .insert(&AuditRow {
            id,
            actor_id: Some(admin.user.id),
            actor_name: admin.user.display_name.clone(),
            permission: action.permission.as_str().to_string(),
            action: action.action.to_string(),
            target_kind: action.target_kind.to_string(),
            target_id: action.target_id.clone(),
            account_id: action.account_id,
            details: sqlx::types::Json(action.details.clone()),
            outcome: "pending".into(),
            error: None,
            created_at: crate::store::now(),
            finished_at: None,
        })
        .await?;
    let result = run().await;
    let (outcome, error) = match &result {
        Ok(_) => ("ok", None),
        Err(e) => ("failed", Some(e.to_string())),
    };
    if let Err(e) = store
        .finish(id, outcome, error.as_deref(), crate::store::now())
        .await
    {
        // The action's own result stands; the entry stays `pending`, which says "look".
        tracing::error!(error = %e, audit = %id, outcome, "could not finish an audit entry");
    }
    tracing::info!(
        audit = %id,
        admin = %admin.user.username,
        action = action.action,
        target = %action.target_id,
        outcome,
        "admin action"
    );
    result
}

/// The audit log, newest first (`limit` 1–500, default 50).
pub async fn audit_log(state: &AppState, q: &AuditQuery) -> AppResult<Vec<AuditEntry>> {
    let limit = q.limit.unwrap_or(50);
    if !(1..=MAX_AUDIT_PAGE).contains(&limit) {
        return Err(AppError::Validation(format!(
            "limit must be 1 to {MAX_AUDIT_PAGE}, got {limit}"
        )));
    }
    Ok(state
        .db
        .admin()
        .list(limit, q.before)
        .await?
        .into_iter()
        .map(AuditEntry::from)
        .collect())
}

/// The admin permissions that may read the audit log: any admin permission of seed 001.
pub const AUDIT_READERS: &[Permission] = &[
    Permission::DiscordGuildsRead,
    Permission::DiscordGuildsDelete,
    Permission::BotControlRead,
    Permission::BotControlEdit,
];

/// Every Discord guild mapping of every account.
pub async fn discord_guilds(state: &AppState) -> AppResult<Vec<GuildConnection>> {
    crate::discord::service::all_connections(state).await
}

/// Delete a guild mapping, whichever account holds it; audited.
pub async fn delete_discord_guild(
    state: &AppState,
    admin: &UserPrincipal,
    guild_id: &str,
) -> AppResult<GuildConnection> {
    let guild_id = crate::discord::model::snowflake("guild_id", guild_id)?;
    // Known before the action so the entry names the account and the server; a guild that is
    // not connected is a 404 that is audited too (someone tried).
    let known = crate::discord::service::connection(state, &guild_id)
        .await
        .ok();
    let action = AuditAction {
        permission: Permission::DiscordGuildsDelete,
        action: "discord_guild.delete",
        target_kind: "discord_guild",
        target_id: guild_id.clone(),
        account_id: known.as_ref().map(|c| c.account_id),
        details: json!({
            "guild_name": known.as_ref().map(|c| c.guild_name.clone()),
            "connected_by_name": known.as_ref().map(|c| c.connected_by_name.clone()),
        }),
    };
    audited(state, admin, action, || {
        crate::discord::service::remove_any(state, &guild_id)
    })
    .await
}
