//! Bot commands (seed 004). The single-command calls go through GraphQL operations in
//! `cli/graphql/bot_commands.graphql` (checked against the committed schema at compile
//! time); the bulk import and the export go through REST (`POST /v1/bot-commands/import`,
//! `GET /v1/bot-commands/export`), which carry whole files well.

use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Client;
use crate::error::{CliError, CliResult};

/// The GraphQL operations, generated from `cli/graphql/bot_commands.graphql`.
#[allow(clippy::all, missing_docs, non_camel_case_types)]
pub mod ops {
    use graphql_client::GraphQLQuery;

    pub type UUID = String;
    pub type DateTime = String;

    macro_rules! op {
        ($name:ident) => {
            #[derive(GraphQLQuery)]
            #[graphql(
                schema_path = "../schema/schema.graphql",
                query_path = "graphql/bot_commands.graphql",
                response_derives = "Debug, Clone, Serialize",
                variables_derives = "Debug, Clone, Default"
            )]
            pub struct $name;
        };
    }

    op!(BotCommands);
    op!(CreateBotCommand);
    op!(UpdateBotCommand);
    op!(DeleteBotCommand);
    op!(OverrideGlobalCommand);
    op!(RemoveGlobalCommandOverride);
    op!(TestBotCommand);
    op!(BotCommandStats);
    op!(BotCommandHistory);
}

use ops::*;

/// An account's override of a global command (absent: inherited).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct CommandOverride {
    pub response: Option<String>,
    pub platforms: Option<Vec<String>>,
    pub global_cooldown_seconds: Option<i64>,
    pub user_cooldown_seconds: Option<i64>,
    pub cooldown_reply: Option<String>,
    pub min_role: Option<String>,
    pub enabled: Option<bool>,
    pub updated_at: String,
}

/// A command as `lumio commands … --json` prints it (snake_case, like the REST API).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct BotCommand {
    pub id: String,
    pub account_id: Option<String>,
    pub scope: String,
    pub name: String,
    pub aliases: Vec<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub response: String,
    pub automation: Option<String>,
    pub platforms: Vec<String>,
    pub discord_style: String,
    pub min_role: String,
    pub global_cooldown_seconds: i64,
    pub user_cooldown_seconds: i64,
    pub cooldown_applies_to_mods: bool,
    pub cooldown_reply: Option<String>,
    pub enabled: bool,
    pub needs_review: bool,
    pub source: Option<String>,
    pub source_id: Option<String>,
    pub shadows_global: Option<String>,
    pub account_override: Option<CommandOverride>,
    pub created_at: String,
    pub updated_at: String,
}

/// What a message would do (`lumio commands test`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct TestResult {
    pub would_run: bool,
    pub outcome: String,
    pub reason: Option<String>,
    pub command_id: Option<String>,
    pub command_name: Option<String>,
    pub reply: Option<String>,
    pub automation: Option<String>,
    pub unknown_variables: Vec<String>,
    pub warnings: Vec<String>,
    pub global_cooldown_remaining: i64,
    pub user_cooldown_remaining: i64,
    pub skips_cooldown: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct CommandStat {
    pub command_id: String,
    pub name: String,
    pub scope: String,
    pub uses: i64,
    pub last_used_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all(deserialize = "camelCase"))]
pub struct HistoryEntry {
    pub id: String,
    pub command_id: String,
    pub account_id: Option<String>,
    pub target: String,
    pub action: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub changed_fields: Vec<String>,
    pub changed_by: Option<String>,
    pub changed_by_name: String,
    pub created_at: String,
}

/// The fields of a command to create or change; absent ones are left to the server.
#[derive(Debug, Clone, Default)]
pub struct CommandSpec {
    pub name: Option<String>,
    pub aliases: Option<Vec<String>>,
    pub kind: Option<String>,
    pub response: Option<String>,
    pub automation: Option<String>,
    pub platforms: Option<Vec<String>>,
    pub discord_style: Option<String>,
    pub min_role: Option<String>,
    pub global_cooldown_seconds: Option<i64>,
    pub user_cooldown_seconds: Option<i64>,
    pub cooldown_applies_to_mods: Option<bool>,
    pub cooldown_reply: Option<String>,
    pub enabled: Option<bool>,
}

/// One row of a bulk import, in lumio's canonical form (the server's `ImportRow`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportRow {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default)]
    pub response: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platforms: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discord_style: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global_cooldown_seconds: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_cooldown_seconds: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooldown_applies_to_mods: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooldown_reply: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_review: Option<bool>,
    /// What the converter could not map.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A bulk import request (`POST /v1/bot-commands/import`).
#[derive(Debug, Clone, Serialize)]
pub struct ImportRequest {
    pub source: String,
    pub dry_run: bool,
    pub on_conflict: String,
    pub commands: Vec<ImportRow>,
    /// lumio's own export only: overrides of global commands, as the file has them.
    pub overrides: Vec<Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRowResult {
    pub row: i64,
    pub name: String,
    pub source_id: Option<String>,
    pub action: String,
    pub command_id: Option<String>,
    pub lost: Vec<String>,
    pub error: Option<String>,
}

/// The server's report of an import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportResult {
    pub dry_run: bool,
    pub applied: bool,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub skipped: i64,
    pub failed: i64,
    pub total_after: i64,
    pub limit: Option<i64>,
    pub plan: String,
    pub rows: Vec<ImportRowResult>,
    pub overrides: Vec<ImportRowResult>,
}

/// A chatter's settable flags (seed 002).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatterFlags {
    pub platform: String,
    pub platform_user_id: String,
    pub flags: Vec<String>,
}

/// A generated answer into the CLI's own type (the field names are checked by the
/// generated code; this only renames them).
fn convert<A: Serialize, B: DeserializeOwned>(a: A) -> CliResult<B> {
    let v = serde_json::to_value(a)
        .map_err(|e| CliError::failure(format!("unexpected GraphQL data: {e}")))?;
    serde_json::from_value(v)
        .map_err(|e| CliError::failure(format!("unexpected GraphQL data: {e}")))
}

impl Client {
    /// The account's commands and the global ones it inherits (or only the globals).
    pub async fn bot_commands(
        &self,
        global: bool,
        platform: Option<&str>,
    ) -> CliResult<Vec<BotCommand>> {
        let data = self
            .graphql::<BotCommands>(bot_commands::Variables {
                global,
                platform: platform.map(String::from),
                account_id: self.account(),
            })
            .await?;
        convert(data.bot_commands)
    }

    /// A command by id, or by name or alias (as the account sees them).
    pub async fn find_bot_command(&self, wanted: &str, global: bool) -> CliResult<BotCommand> {
        let all = self.bot_commands(global, None).await?;
        let w = wanted.trim().trim_start_matches(['!', '/']).to_lowercase();
        all.into_iter()
            .find(|c| c.id == wanted.trim() || c.name == w || c.aliases.contains(&w))
            .ok_or_else(|| CliError::not_found(format!("no command '{wanted}' in this account")))
    }

    pub async fn create_bot_command(&self, s: &CommandSpec, global: bool) -> CliResult<BotCommand> {
        let input = create_bot_command::BotCommandInput {
            name: s.name.clone().unwrap_or_default(),
            aliases: s.aliases.clone().unwrap_or_default(),
            type_: s.kind.clone(),
            response: s.response.clone().unwrap_or_default(),
            automation: s.automation.clone(),
            platforms: s.platforms.clone(),
            discord_style: s.discord_style.clone(),
            min_role: s.min_role.clone(),
            global_cooldown_seconds: s.global_cooldown_seconds,
            user_cooldown_seconds: s.user_cooldown_seconds,
            cooldown_applies_to_mods: s.cooldown_applies_to_mods,
            cooldown_reply: s.cooldown_reply.clone(),
            enabled: s.enabled,
            needs_review: None,
            global,
        };
        let data = self
            .graphql::<CreateBotCommand>(create_bot_command::Variables {
                input,
                account_id: self.account(),
            })
            .await?;
        convert(data.create_bot_command)
    }

    pub async fn update_bot_command(&self, id: &str, s: &CommandSpec) -> CliResult<BotCommand> {
        let input = update_bot_command::BotCommandUpdateInput {
            name: s.name.clone(),
            aliases: s.aliases.clone(),
            type_: s.kind.clone(),
            response: s.response.clone(),
            automation: s.automation.clone(),
            platforms: s.platforms.clone(),
            discord_style: s.discord_style.clone(),
            min_role: s.min_role.clone(),
            global_cooldown_seconds: s.global_cooldown_seconds,
            user_cooldown_seconds: s.user_cooldown_seconds,
            cooldown_applies_to_mods: s.cooldown_applies_to_mods,
            cooldown_reply: s.cooldown_reply.clone(),
            enabled: s.enabled,
            needs_review: None,
        };
        let data = self
            .graphql::<UpdateBotCommand>(update_bot_command::Variables {
                id: id.to_string(),
                input,
                account_id: self.account(),
            })
            .await?;
        convert(data.update_bot_command)
    }

    pub async fn delete_bot_command(&self, id: &str) -> CliResult<()> {
        self.graphql::<DeleteBotCommand>(delete_bot_command::Variables {
            id: id.to_string(),
            account_id: self.account(),
        })
        .await?;
        Ok(())
    }

    pub async fn override_global_command(
        &self,
        id: &str,
        s: &CommandSpec,
    ) -> CliResult<BotCommand> {
        let input = override_global_command::BotCommandOverrideInput {
            response: s.response.clone(),
            platforms: s.platforms.clone(),
            global_cooldown_seconds: s.global_cooldown_seconds,
            user_cooldown_seconds: s.user_cooldown_seconds,
            cooldown_reply: s.cooldown_reply.clone(),
            min_role: s.min_role.clone(),
            enabled: s.enabled,
        };
        let data = self
            .graphql::<OverrideGlobalCommand>(override_global_command::Variables {
                command_id: id.to_string(),
                input,
                account_id: self.account(),
            })
            .await?;
        convert(data.override_global_command)
    }

    pub async fn remove_global_command_override(&self, id: &str) -> CliResult<BotCommand> {
        let data = self
            .graphql::<RemoveGlobalCommandOverride>(remove_global_command_override::Variables {
                command_id: id.to_string(),
                account_id: self.account(),
            })
            .await?;
        convert(data.remove_global_command_override)
    }

    /// A dry run of a chat message, as a role on a platform.
    pub async fn test_bot_command(
        &self,
        message: &str,
        role: Option<&str>,
        platform: Option<&str>,
        user: Option<&str>,
    ) -> CliResult<TestResult> {
        let data = self
            .graphql::<TestBotCommand>(test_bot_command::Variables {
                input: test_bot_command::BotCommandTestInput {
                    message: message.to_string(),
                    as_: role.map(String::from),
                    platform: platform.map(String::from),
                    user: user.map(String::from),
                    user_id: None,
                },
                account_id: self.account(),
            })
            .await?;
        convert(data.test_bot_command)
    }

    pub async fn bot_command_stats(&self) -> CliResult<Vec<CommandStat>> {
        let data = self
            .graphql::<BotCommandStats>(bot_command_stats::Variables {
                account_id: self.account(),
            })
            .await?;
        convert(data.bot_command_stats)
    }

    pub async fn bot_command_history(&self, id: &str) -> CliResult<Vec<HistoryEntry>> {
        let data = self
            .graphql::<BotCommandHistory>(bot_command_history::Variables {
                command_id: id.to_string(),
                account_id: self.account(),
            })
            .await?;
        convert(data.bot_command_history)
    }

    /// Import rows in one transaction (or, with `dry_run`, only report).
    pub async fn import_bot_commands(&self, req: &ImportRequest) -> CliResult<ImportResult> {
        self.call(
            self.v1(Method::POST, &["bot-commands", "import"])?
                .json(req),
        )
        .await
    }

    /// Set or clear a chatter's flag (invulnerable, vulnerable, greedy, itemlock).
    pub async fn set_chatter_flag(
        &self,
        platform: &str,
        user_id: &str,
        flag: &str,
        on: bool,
    ) -> CliResult<ChatterFlags> {
        let method = if on { Method::PUT } else { Method::DELETE };
        self.call(self.v1(method, &["chat", "users", platform, user_id, "flags", flag])?)
            .await
    }

    /// A chatter's settable flags.
    pub async fn chatter_flags(&self, platform: &str, user_id: &str) -> CliResult<ChatterFlags> {
        self.call(self.v1(Method::GET, &["chat", "users", platform, user_id, "flags"])?)
            .await
    }

    /// The account's commands as lumio's versioned export.
    pub async fn export_bot_commands(&self) -> CliResult<Value> {
        self.call(self.v1(Method::GET, &["bot-commands", "export"])?)
            .await
    }
}
