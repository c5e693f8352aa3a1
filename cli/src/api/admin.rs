//! Admin views over GraphQL: every account's Discord guild mappings
//! (`adminDiscordGuilds`, `adminDeleteDiscordGuild`) and the audit log (`adminAuditLog`);
//! bot control over REST (`/v1/admin/bots…`, `/v1/admin/discord-guilds/{id}/toggle`).

use serde::{Deserialize, Serialize};

use super::discord::Guild;
use super::ops::*;
use super::Client;
use crate::error::CliResult;

/// An entry of the admin audit log (`--json` shape).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: String,
    pub actor_id: Option<String>,
    pub actor_name: String,
    pub permission: String,
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    pub account_id: Option<String>,
    pub details: serde_json::Value,
    /// `pending`, `ok` or `failed`.
    pub outcome: String,
    pub error: Option<String>,
    pub created_at: String,
    pub finished_at: Option<String>,
}

/// A channel of an account's bot (`--json` shape).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AdminBotChannel {
    pub connection_id: String,
    pub channel_name: String,
    pub channel_id: Option<String>,
    pub bot_enabled: bool,
}

/// One account's bot on one platform (`--json` shape).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AdminBot {
    pub account_id: String,
    pub platform: String,
    /// `active`, `paused`, `needs_reauth`.
    pub status: String,
    pub label: String,
    pub channels: Vec<AdminBotChannel>,
}

/// What a toggle did (`--json` shape).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AdminBotToggled {
    pub action: String,
    pub bot: AdminBotState,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AdminBotState {
    pub platform: String,
    pub status: String,
    pub label: String,
}

/// What a bot removal did (`--json` shape).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AdminBotRemoval {
    pub account_id: String,
    pub platform: String,
    pub removed: Vec<String>,
}

/// What a guild toggle did (`--json` shape).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AdminGuildToggle {
    pub guild_id: String,
    pub guild_name: String,
    pub account_id: String,
    pub enabled: bool,
}

impl Client {
    pub async fn admin_bots(&self) -> CliResult<Vec<AdminBot>> {
        self.call(self.v1(reqwest::Method::GET, &["admin", "bots"])?)
            .await
    }

    pub async fn admin_toggle_bot(
        &self,
        account_id: &str,
        platform: &str,
        enabled: bool,
    ) -> CliResult<AdminBotToggled> {
        let req = self.v1(
            reqwest::Method::POST,
            &["admin", "bots", account_id, platform, "toggle"],
        )?;
        self.call(req.json(&serde_json::json!({ "enabled": enabled })))
            .await
    }

    pub async fn admin_remove_bot(
        &self,
        account_id: &str,
        platform: &str,
    ) -> CliResult<AdminBotRemoval> {
        self.call(self.v1(
            reqwest::Method::DELETE,
            &["admin", "bots", account_id, platform],
        )?)
        .await
    }

    pub async fn admin_toggle_guild(
        &self,
        guild_id: &str,
        enabled: bool,
    ) -> CliResult<AdminGuildToggle> {
        let req = self.v1(
            reqwest::Method::POST,
            &["admin", "discord-guilds", guild_id, "toggle"],
        )?;
        self.call(req.json(&serde_json::json!({ "enabled": enabled })))
            .await
    }

    pub async fn admin_discord_guilds(&self) -> CliResult<Vec<Guild>> {
        let d = self
            .graphql::<AdminDiscordGuilds>(admin_discord_guilds::Variables {})
            .await?;
        Ok(d.admin_discord_guilds
            .into_iter()
            .map(Guild::from)
            .collect())
    }

    /// Delete a guild mapping whichever account holds it; the deleted mapping.
    pub async fn admin_delete_discord_guild(&self, guild_id: &str) -> CliResult<Guild> {
        let d = self
            .graphql::<AdminDeleteDiscordGuild>(admin_delete_discord_guild::Variables {
                guild_id: guild_id.to_string(),
            })
            .await?;
        Ok(Guild::from(d.admin_delete_discord_guild))
    }

    pub async fn admin_audit_log(
        &self,
        limit: Option<i64>,
        before: Option<String>,
    ) -> CliResult<Vec<AuditEntry>> {
        let d = self
            .graphql::<AdminAuditLog>(admin_audit_log::Variables { limit, before })
            .await?;
        Ok(d.admin_audit_log
            .into_iter()
            .map(|e| AuditEntry {
                id: e.id,
                actor_id: e.actor_id,
                actor_name: e.actor_name,
                permission: e.permission,
                action: e.action,
                target_kind: e.target_kind,
                target_id: e.target_id,
                account_id: e.account_id,
                details: e.details,
                outcome: e.outcome,
                error: e.error,
                created_at: e.created_at,
                finished_at: e.finished_at,
            })
            .collect())
    }
}
