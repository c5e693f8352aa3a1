//! Admin views over GraphQL: every account's Discord guild mappings
//! (`adminDiscordGuilds`, `adminDeleteDiscordGuild`) and the audit log (`adminAuditLog`).

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

impl Client {
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
