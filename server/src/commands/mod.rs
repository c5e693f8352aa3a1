//! Bot commands (seed 004): the engine, global commands and overrides, usage statistics,
//! plan limits, bulk import, and the API.
//!
//! - [`engine`], [`role`], [`template`], [`variables`], [`translate`]: pure — matching a
//!   message to a command, the role hierarchy and each platform's badge mapping, the
//!   permission check, the cooldown keys and decision, `{variable}` templates with a
//!   [`variables::VariableResolver`] registry, and other bots' variables translated.
//! - `store`: the tables `bot_commands` (account commands, and global ones with
//!   `account_id` NULL), `bot_command_overrides`, `bot_command_stats`,
//!   `bot_command_history` and `account_features`, behind `db.commands()`.
//! - `service`: the business logic REST and GraphQL share, and the execution of commands on
//!   chat messages.
//!
//! # Types
//!
//! `text` sends its response as written; `template` renders its `{variables}` first;
//! `automation` sends nothing and publishes its trigger for an automation runner (not part
//! of lumio yet) on the account's bot-action channel
//! `lumio:bot:action:{platform}:{account_id}`:
//!
//! ```json
//! {"action": "automation_trigger", "automation": "<the command's automation>",
//!  "command_id": "…", "command": "<name>", "platform": "twitch", "channel": "…",
//!  "user_id": "…", "user": "<display name>", "role": "subscriber", "args": ["…"],
//!  "message_id": "…", "at": "<RFC 3339>"}
//! ```
//!
//! The built-in automations `builtin:grenade`, `builtin:tnt`, `builtin:silverbullet` and
//! `builtin:roulette` are run by lumio itself (see `service`).
//!
//! # Roles
//!
//! broadcaster > moderator > vip > subscriber > follower > everyone; the table of each
//! platform's badges is in [`role`] (and `docs/commands.md`).
//!
//! # Cooldowns
//!
//! `SET NX PX` on `lumio:cmd_cd:{account_id}:{command_name}:global` and
//! `…:user:{user_id}` with the cooldown as TTL. Moderators and the broadcaster skip them
//! unless the command sets `cooldown_applies_to_mods`. On cooldown the command is silent
//! unless it has a `cooldown_reply`.
//!
//! # Sync
//!
//! Every change publishes `{"action": "command_sync", …}` on the bot-action channel of each
//! platform of the account (of every account with a bot connection, for a global command),
//! and bumps the account's command version on the bus, which the engine reads before each
//! execution to reload its cache.

pub mod chat_hook;
pub mod dry_run;
pub mod engine;
pub mod exec;
pub mod flags;
pub mod graphql;
pub mod import;
pub mod model;
pub mod rest;
pub mod role;
pub mod service;
pub mod store;
pub mod template;
pub mod translate;
pub mod usage;
pub mod validate;
pub mod variables;
pub mod views;
