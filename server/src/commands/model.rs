//! Types of the command engine and its API.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::types::Json;
use uuid::Uuid;

/// A `bot_commands` row: an account command, or a global one (`account_id` NULL).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CommandRow {
    pub id: Uuid,
    pub account_id: Option<Uuid>,
    pub name: String,
    pub aliases: Json<Vec<String>>,
    pub kind: String,
    pub response: String,
    pub automation: Option<String>,
    pub platforms: Json<Vec<String>>,
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
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A `bot_command_overrides` row: an account's changes to a global command.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OverrideRow {
    pub id: Uuid,
    pub account_id: Uuid,
    pub command_id: Uuid,
    pub response: Option<String>,
    pub platforms: Option<Json<Vec<String>>>,
    pub global_cooldown_seconds: Option<i64>,
    pub user_cooldown_seconds: Option<i64>,
    pub cooldown_reply: Option<String>,
    pub min_role: Option<String>,
    pub enabled: Option<bool>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An account's override of a global command, as the API shows it (absent = inherited).
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::SimpleObject,
)]
#[graphql(name = "BotCommandOverride")]
pub struct CommandOverride {
    pub response: Option<String>,
    pub platforms: Option<Vec<String>>,
    pub global_cooldown_seconds: Option<i64>,
    pub user_cooldown_seconds: Option<i64>,
    pub cooldown_reply: Option<String>,
    pub min_role: Option<String>,
    /// `false` disables the global command for the account.
    pub enabled: Option<bool>,
    pub updated_at: DateTime<Utc>,
}

impl From<&OverrideRow> for CommandOverride {
    fn from(o: &OverrideRow) -> Self {
        CommandOverride {
            response: o.response.clone(),
            platforms: o.platforms.as_ref().map(|p| p.0.clone()),
            global_cooldown_seconds: o.global_cooldown_seconds,
            user_cooldown_seconds: o.user_cooldown_seconds,
            cooldown_reply: o.cooldown_reply.clone(),
            min_role: o.min_role.clone(),
            enabled: o.enabled,
            updated_at: o.updated_at,
        }
    }
}

/// A command as the API shows it. For a global command seen from an account, the fields are
/// the effective ones (the account's override applied) and `account_override` holds the
/// override itself.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::SimpleObject,
)]
#[graphql(name = "BotCommand")]
pub struct BotCommand {
    pub id: Uuid,
    /// Null for a global command.
    pub account_id: Option<Uuid>,
    /// `account` or `global`.
    pub scope: String,
    /// Without prefix, lower case (`so` for `!so`).
    pub name: String,
    pub aliases: Vec<String>,
    /// `text`, `template` or `automation`.
    #[serde(rename = "type")]
    #[graphql(name = "type")]
    pub kind: String,
    pub response: String,
    /// The automation an `automation` command triggers.
    pub automation: Option<String>,
    /// Where the command answers: twitch, youtube, kick, trovo, discord.
    pub platforms: Vec<String>,
    /// On Discord: `prefix` (`!name`) or `slash` (`/name`).
    pub discord_style: String,
    /// broadcaster, moderator, vip, subscriber, follower or everyone.
    pub min_role: String,
    pub global_cooldown_seconds: i64,
    pub user_cooldown_seconds: i64,
    /// Whether moderators and the broadcaster wait for cooldowns too (default: they skip them).
    pub cooldown_applies_to_mods: bool,
    /// Sent when the command is on cooldown (`{user}`, `{remaining}`); none: silent.
    pub cooldown_reply: Option<String>,
    pub enabled: bool,
    /// Imported with something lumio could not map: check it before enabling it.
    pub needs_review: bool,
    /// Where an imported command came from (nightbot, streamelements …) and its id there.
    pub source: Option<String>,
    pub source_id: Option<String>,
    /// For a global command: this account's override, if any.
    pub account_override: Option<CommandOverride>,
    /// For an account command: the global command of the same name it shadows, if any.
    pub shadows_global: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new command (`createBotCommand`, `POST /v1/bot-commands`).
#[derive(
    Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema, async_graphql::InputObject,
)]
#[graphql(name = "BotCommandInput")]
#[serde(deny_unknown_fields)]
pub struct CommandInput {
    /// 1–50 characters, no spaces; a leading `!` or `/` is dropped.
    pub name: String,
    #[serde(default)]
    #[graphql(default)]
    pub aliases: Vec<String>,
    /// `text`, `template` or `automation`; default: template when the response has
    /// variables, else text.
    #[serde(rename = "type")]
    #[graphql(name = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    #[graphql(default)]
    pub response: String,
    pub automation: Option<String>,
    /// Default: every platform.
    pub platforms: Option<Vec<String>>,
    /// `prefix` (default) or `slash`.
    pub discord_style: Option<String>,
    /// Default: everyone.
    pub min_role: Option<String>,
    pub global_cooldown_seconds: Option<i64>,
    pub user_cooldown_seconds: Option<i64>,
    pub cooldown_applies_to_mods: Option<bool>,
    pub cooldown_reply: Option<String>,
    pub enabled: Option<bool>,
    pub needs_review: Option<bool>,
    /// A global command (admin permission `bot-commands:create`).
    #[serde(default)]
    #[graphql(default)]
    pub global: bool,
}

/// A change of a command (`updateBotCommand`, `PUT /v1/bot-commands/{id}`); absent fields
/// stay as they are. `cooldown_reply: ""` removes the reply.
#[derive(
    Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema, async_graphql::InputObject,
)]
#[graphql(name = "BotCommandUpdateInput")]
#[serde(deny_unknown_fields)]
pub struct CommandUpdate {
    pub name: Option<String>,
    pub aliases: Option<Vec<String>>,
    #[serde(rename = "type")]
    #[graphql(name = "type")]
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
    pub needs_review: Option<bool>,
}

/// An account's override of a global command (`overrideGlobalCommand`,
/// `POST /v1/bot-commands/{id}/override`): absent fields are inherited. `min_role` may only
/// be as restrictive as the global's or more.
#[derive(
    Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema, async_graphql::InputObject,
)]
#[graphql(name = "BotCommandOverrideInput")]
#[serde(deny_unknown_fields)]
pub struct OverrideInput {
    pub response: Option<String>,
    pub platforms: Option<Vec<String>>,
    pub global_cooldown_seconds: Option<i64>,
    pub user_cooldown_seconds: Option<i64>,
    pub cooldown_reply: Option<String>,
    pub min_role: Option<String>,
    /// `false` disables the global command for this account.
    pub enabled: Option<bool>,
}

/// A dry run of a command (`testBotCommand`, `POST /v1/bot-commands/test`): nothing is
/// consumed — no cooldown is set, no use counted, nothing sent.
#[derive(Debug, Clone, Deserialize, Serialize, utoipa::ToSchema, async_graphql::InputObject)]
#[graphql(name = "BotCommandTestInput")]
#[serde(deny_unknown_fields)]
pub struct TestInput {
    /// The chat message, e.g. `!so @alice`.
    pub message: String,
    /// The invoker's role (default: everyone).
    #[serde(rename = "as")]
    #[graphql(name = "as")]
    pub as_role: Option<String>,
    /// Default: twitch.
    pub platform: Option<String>,
    /// The invoker's name (default: tester).
    pub user: Option<String>,
    /// The invoker's platform user id, for their per-user cooldown (default: the name).
    pub user_id: Option<String>,
}

/// What a command would do.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::SimpleObject,
)]
#[graphql(name = "BotCommandTestResult")]
pub struct TestResult {
    /// Whether it would run.
    pub would_run: bool,
    /// `reply`, `automation`, `silent` (on cooldown without a reply) or `ignored`.
    pub outcome: String,
    /// Why it would not run (`unknown command`, `disabled`, `needs moderator` …).
    pub reason: Option<String>,
    pub command_id: Option<Uuid>,
    pub command_name: Option<String>,
    /// The reply it would send (or the cooldown reply).
    pub reply: Option<String>,
    pub automation: Option<String>,
    /// Variables no resolver knows, as written.
    pub unknown_variables: Vec<String>,
    /// Variables that rendered empty, and why.
    pub warnings: Vec<String>,
    /// Seconds left of the global and per-user cooldowns (0: ready).
    pub global_cooldown_remaining: i64,
    pub user_cooldown_remaining: i64,
    /// Whether the role skips cooldowns for this command.
    pub skips_cooldown: bool,
}

/// Usage of one command in the account.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::SimpleObject,
)]
#[graphql(name = "BotCommandStat")]
pub struct CommandStat {
    pub command_id: Uuid,
    pub name: String,
    pub scope: String,
    /// Uses counted so far (the live counter on the bus, flushed to `bot_command_stats`).
    pub uses: i64,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// One change of a command or of an override (`bot_command_history`).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Serialize,
    Deserialize,
    sqlx::FromRow,
    utoipa::ToSchema,
    async_graphql::SimpleObject,
)]
#[graphql(name = "BotCommandChange")]
pub struct HistoryEntry {
    pub id: Uuid,
    pub command_id: Uuid,
    /// The account whose command or override changed; null for a global command itself.
    pub account_id: Option<Uuid>,
    /// `command` or `override`.
    pub target: String,
    /// `create`, `update`, `delete` or `import`.
    pub action: String,
    /// The JSON before and after (null when created / deleted).
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    /// The fields that changed.
    #[sqlx(json)]
    pub changed_fields: Vec<String>,
    pub changed_by: Option<Uuid>,
    pub changed_by_name: String,
    pub created_at: DateTime<Utc>,
}

/// One command of a bulk import (and of a lumio export), in lumio's canonical form.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Deserialize,
    Serialize,
    utoipa::ToSchema,
    async_graphql::InputObject,
)]
#[graphql(name = "BotCommandImportRow")]
#[serde(deny_unknown_fields)]
pub struct ImportRow {
    /// The command's id in the source, for idempotency (lumio's own export: the name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
    pub name: String,
    #[serde(default)]
    #[graphql(default)]
    pub aliases: Vec<String>,
    #[serde(rename = "type")]
    #[graphql(name = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    #[graphql(default)]
    pub response: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub automation: Option<String>,
    pub platforms: Option<Vec<String>>,
    pub discord_style: Option<String>,
    pub min_role: Option<String>,
    pub global_cooldown_seconds: Option<i64>,
    pub user_cooldown_seconds: Option<i64>,
    pub cooldown_applies_to_mods: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooldown_reply: Option<String>,
    pub enabled: Option<bool>,
    pub needs_review: Option<bool>,
    /// What the converter could not map (reported back, not stored).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[graphql(default)]
    pub notes: Vec<String>,
}

/// An override of a global command in an import or a lumio export, naming the global.
#[derive(
    Debug,
    Clone,
    Default,
    PartialEq,
    Deserialize,
    Serialize,
    utoipa::ToSchema,
    async_graphql::InputObject,
)]
#[graphql(name = "BotCommandImportOverride")]
#[serde(deny_unknown_fields)]
pub struct ImportOverride {
    /// The global command's name.
    pub command: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platforms: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global_cooldown_seconds: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_cooldown_seconds: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooldown_reply: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}

impl ImportOverride {
    pub fn fields(&self) -> OverrideInput {
        OverrideInput {
            response: self.response.clone(),
            platforms: self.platforms.clone(),
            global_cooldown_seconds: self.global_cooldown_seconds,
            user_cooldown_seconds: self.user_cooldown_seconds,
            cooldown_reply: self.cooldown_reply.clone(),
            min_role: self.min_role.clone(),
            enabled: self.enabled,
        }
    }
}

/// A bulk import (`importBotCommands`, `POST /v1/bot-commands/import`): one transaction,
/// idempotent on (`source`, `source_id`), within the plan's limit.
#[derive(
    Debug, Clone, Default, Deserialize, Serialize, utoipa::ToSchema, async_graphql::InputObject,
)]
#[graphql(name = "BotCommandImportInput")]
#[serde(deny_unknown_fields)]
pub struct ImportInput {
    /// lumio, nightbot, streamelements, streamlabs, phantombot, firebot or other: whose
    /// variables the responses use (they are translated).
    pub source: String,
    #[serde(default)]
    #[graphql(default)]
    pub dry_run: bool,
    /// When a row's name is taken by a command not from this source: `error` (default),
    /// `skip` or `replace`.
    pub on_conflict: Option<String>,
    #[serde(default)]
    #[graphql(default)]
    pub commands: Vec<ImportRow>,
    #[serde(default)]
    #[graphql(default)]
    pub overrides: Vec<ImportOverride>,
}

/// What the import did (or, in a dry run, would do) with one row.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::SimpleObject,
)]
#[graphql(name = "BotCommandImportRowResult")]
pub struct ImportRowResult {
    /// The row's place in the input, from 1.
    pub row: i64,
    pub name: String,
    pub source_id: Option<String>,
    /// `create`, `update`, `unchanged`, `skip` or `error`.
    pub action: String,
    pub command_id: Option<Uuid>,
    /// What did not map: the converter's notes and the untranslated variables.
    pub lost: Vec<String>,
    pub error: Option<String>,
}

/// The outcome of an import.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::SimpleObject,
)]
#[graphql(name = "BotCommandImportResult")]
pub struct ImportResult {
    pub dry_run: bool,
    /// Whether anything was written (false in a dry run and when a row failed).
    pub applied: bool,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub skipped: i64,
    pub failed: i64,
    /// Commands the account has after the import (or would have).
    pub total_after: i64,
    /// The plan's limit (null: unlimited).
    pub limit: Option<i64>,
    pub plan: String,
    pub rows: Vec<ImportRowResult>,
    pub overrides: Vec<ImportRowResult>,
}

/// The lumio export file (`lumio commands export`): versioned, round-trips through import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ExportFile {
    /// Always `lumio.bot-commands`.
    pub kind: String,
    pub version: i64,
    pub commands: Vec<ImportRow>,
    #[serde(default)]
    pub overrides: Vec<ImportOverride>,
}

/// Seed 002's per-chatter flags that the API sets and clears.
pub const SETTABLE_FLAGS: [&str; 4] = ["invulnerable", "vulnerable", "greedy", "itemlock"];

/// A chatter's settable flags.
#[derive(
    Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema, async_graphql::SimpleObject,
)]
#[graphql(name = "ChatterFlags")]
pub struct ChatterFlags {
    pub platform: String,
    pub platform_user_id: String,
    /// The flags that are set, in seed 002's spelling.
    pub flags: Vec<String>,
}

/// A chatter's welcome message (`PUT /v1/chat/users/{platform}/{id}/welcome-message`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WelcomeMessage {
    /// Sent for the chatter on their first message of a stream; null or "" clears it.
    pub text: Option<String>,
}
