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

// ----- bot control (seed 001 "/admin/bot-control") ---------------------------------------------

/// Every account's bots: one row per account and platform with a channel connection.
pub async fn bots(state: &AppState) -> AppResult<Vec<AdminBot>> {
    let mut out = Vec::new();
    for account in crate::chatter::connections::accounts_with_connections(state).await? {
        for b in crate::bots::service::status(state, account).await? {
            if b.status == crate::bots::model::BotState::NoConnection {
                continue;
            }
            out.push(AdminBot {
                account_id: account,
                platform: b.platform,
                status: b.status,
                label: b.label,
                channels: b.channels,
            });
        }
    }
    Ok(out)
}

/// The account's context as the admin acts in it (bot control names the admin as the actor).
fn acting_in(admin: &UserPrincipal, account: Uuid) -> crate::auth::AccountCtx {
    crate::auth::AccountCtx {
        account_id: account,
        account_slug: String::new(),
        user_id: admin.user.id,
        user_name: admin.user.display_name.clone(),
        permissions: Default::default(),
    }
}

fn account_id(v: &str) -> AppResult<Uuid> {
    Uuid::try_parse(v.trim()).map_err(|_| {
        AppError::BadRequest(format!(
            "account_id must be an account's UUID, got '{}'",
            crate::validate::quote(v)
        ))
    })
}

/// Pause or resume an account's bot on a platform (every channel of it); audited.
pub async fn toggle_bot(
    state: &AppState,
    admin: &UserPrincipal,
    account: &str,
    platform: &str,
    enabled: bool,
) -> AppResult<crate::bots::model::BotActionResult> {
    let account = account_id(account)?;
    let p: crate::platforms::Platform = platform.parse()?;
    let action = AuditAction {
        permission: Permission::BotControlEdit,
        action: "bot.toggle",
        target_kind: "bot",
        target_id: format!("{account}:{p}"),
        account_id: Some(account),
        details: json!({"platform": p.as_str(), "enabled": enabled}),
    };
    let ctx = acting_in(admin, account);
    audited(state, admin, action, || {
        crate::bots::service::toggle(state, &ctx, p.as_str(), enabled)
    })
    .await
}

/// Remove an account's bot on a platform: its channel connections on that platform go (the
/// bot leaves them); audited.
pub async fn remove_bot(
    state: &AppState,
    admin: &UserPrincipal,
    account: &str,
    platform: &str,
) -> AppResult<AdminBotRemoval> {
    let account = account_id(account)?;
    let p: crate::platforms::Platform = platform.parse()?;
    let conns: Vec<_> = crate::chatter::connections::list(state, account)
        .await?
        .into_iter()
        .filter(|c| c.platform == p.as_str())
        .collect();
    let action = AuditAction {
        permission: Permission::BotControlEdit,
        action: "bot.delete",
        target_kind: "bot",
        target_id: format!("{account}:{p}"),
        account_id: Some(account),
        details: json!({"platform": p.as_str(),
            "channels": conns.iter().map(|c| c.channel_name.clone()).collect::<Vec<_>>()}),
    };
    let acting = acting_in(admin, account);
    let ctx = &acting;
    audited(state, admin, action, || async move {
        if conns.is_empty() {
            return Err(AppError::NotFound(format!(
                "account {account} has no {p} bot (no channel connection)"
            )));
        }
        let mut removed = Vec::new();
        for c in &conns {
            if crate::chatter::connections::remove(state, account, c.id).await? {
                removed.push(c.channel_name.clone());
            }
        }
        crate::bots::service::connection_changed(state, ctx, p, "bot_leave").await;
        Ok(AdminBotRemoval {
            account_id: account,
            platform: p.as_str().to_string(),
            removed,
        })
    })
    .await
}

/// Pause (`enabled` false) or resume the bot in one Discord guild, whichever account holds it
/// (the `paused` guild setting: no chat in, no feature posts); audited.
pub async fn toggle_discord_guild(
    state: &AppState,
    admin: &UserPrincipal,
    guild_id: &str,
    enabled: bool,
) -> AppResult<AdminGuildToggle> {
    let guild_id = crate::discord::model::snowflake("guild_id", guild_id)?;
    let known = crate::discord::service::connection(state, &guild_id)
        .await
        .ok();
    let action = AuditAction {
        permission: Permission::BotControlEdit,
        action: "discord_guild.toggle",
        target_kind: "discord_guild",
        target_id: guild_id.clone(),
        account_id: known.as_ref().map(|c| c.account_id),
        details: json!({
            "guild_name": known.as_ref().map(|c| c.guild_name.clone()),
            "enabled": enabled,
        }),
    };
    let guild = guild_id.as_str();
    audited(state, admin, action, || async move {
        let c = crate::discord::service::set_paused(state, guild, !enabled).await?;
        Ok(AdminGuildToggle {
            guild_id: c.guild_id,
            guild_name: c.guild_name,
            account_id: c.account_id,
            enabled,
        })
    })
    .await
}
