//! `lumio commands`: the account's bot commands — list, show, create, edit, remove,
//! override global commands, dry-run a chat message, usage statistics, history, and bulk
//! import / export (the converters of other bots' files live in `crate::import`).

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

mod print;

use print::{done, print_card, print_import, print_list};

use super::{read_stdin, Ctx};
use crate::api::bot_commands::{CommandSpec, ImportRequest};
use crate::api::Client;
use crate::cli::Platform;
use crate::error::{CliError, CliResult};
use crate::import::{self, Format};

#[derive(Debug, Subcommand)]
pub enum BotCommandsCommand {
    /// List the account's commands and the global ones it inherits.
    ///
    /// Piped: one tab-separated line per command — name, scope, type, min role,
    /// platforms, global/user cooldown, enabled, response. With --json: an array of
    /// commands as the API has them.
    #[command(
        visible_alias = "ls",
        after_help = "\
Examples:
  lumio commands list
  lumio commands list --platform discord --json | jq -r '.[].name'"
    )]
    List {
        /// Only commands active on this platform.
        #[arg(long, value_enum, ignore_case = true)]
        platform: Option<Platform>,
        /// Only the global commands (admins).
        #[arg(long)]
        global: bool,
    },
    /// Show one command (by name, alias or id).
    Show {
        /// Name (`so`, `!so`), alias or id.
        command: String,
    },
    /// Create a command.
    #[command(after_help = "\
Examples:
  lumio commands create so 'Go follow {touser} at twitch.tv/{1}!' --min-role moderator
  lumio commands create dice '{user} rolls {random:1,2,3,4,5,6}' --cooldown 10 --user-cooldown 60
  lumio commands create raid --type automation --automation raid-alert --platform twitch
  lumio commands create rules - < rules.txt")]
    Create {
        /// The name, without or with `!`.
        name: String,
        /// The response (`-` reads it from standard input). Variables: {user} {touser}
        /// {channel} {platform} {uptime} {song} {count} {random:a,b,c} {args} {1}…{9}.
        response: Option<String>,
        #[command(flatten)]
        fields: Fields,
        /// Another name that calls it (repeatable).
        #[arg(long = "alias", value_name = "NAME")]
        aliases: Vec<String>,
        /// text, template or automation (default: template when the response has variables).
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        /// The automation an automation command triggers.
        #[arg(long)]
        automation: Option<String>,
        /// A global command, inherited by every account (admins).
        #[arg(long)]
        global: bool,
    },
    /// Change a command; what is not given stays.
    #[command(after_help = "\
Examples:
  lumio commands edit so --response 'Check out {touser}!'
  lumio commands edit dice --disable")]
    Edit {
        /// Name, alias or id.
        command: String,
        /// A new response (`-` reads it from standard input).
        #[arg(long)]
        response: Option<String>,
        /// A new name.
        #[arg(long)]
        rename: Option<String>,
        /// The aliases (repeatable; replaces them all).
        #[arg(long = "alias", value_name = "NAME")]
        aliases: Vec<String>,
        #[arg(long = "type", value_name = "TYPE")]
        kind: Option<String>,
        #[arg(long)]
        automation: Option<String>,
        #[command(flatten)]
        fields: Fields,
    },
    /// Delete a command (asks on a terminal; --yes otherwise).
    #[command(visible_alias = "delete")]
    Rm {
        /// Name, alias or id.
        command: String,
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Override a global command for this account: response, platforms, cooldowns, a
    /// stricter min role, or disable it. What is not given stays as overridden before.
    #[command(after_help = "\
Examples:
  lumio commands override grenade --enable
  lumio commands override discord --response 'Our Discord: discord.gg/xyz' --min-role vip")]
    Override {
        /// The global command's name or id.
        command: String,
        #[arg(long)]
        response: Option<String>,
        #[command(flatten)]
        fields: Fields,
    },
    /// Remove this account's override of a global command.
    Unoverride {
        /// The global command's name or id.
        command: String,
    },
    /// What a chat message would do, without consuming anything: prints the reply, or why
    /// it would not run (exit 1), with cooldowns and unknown variables.
    #[command(after_help = "\
Examples:
  lumio commands test '!so @alice' --as moderator --platform twitch
  lumio commands test '!dice' --json | jq .unknown_variables")]
    Test {
        /// The chat message, e.g. '!so @alice'.
        message: String,
        /// The invoker's role.
        #[arg(
            long = "as",
            value_enum,
            default_value = "everyone",
            ignore_case = true
        )]
        role: RoleArg,
        #[arg(long, value_enum, default_value = "twitch", ignore_case = true)]
        platform: Platform,
        /// The invoker's name.
        #[arg(long)]
        user: Option<String>,
    },
    /// How often each command was used, most used first.
    Stats,
    /// Every change of a command and of this account's override of it.
    History {
        /// Name, alias or id.
        command: String,
    },
    /// Import commands from another bot (or lumio's own export) in one transaction.
    ///
    /// Idempotent: a second run changes nothing. Ends with a lossiness report — each thing
    /// that did not map, per command. --dry-run prints the report and writes nothing. A bad
    /// file is refused with its line or record and the field, and nothing is written.
    #[command(after_help = "\
Formats (--from):
  lumio           lumio commands export (JSON or YAML)
  nightbot        Nightbot API JSON: GET /1/commands and /1/timers answers (one or both)
  streamelements  StreamElements GET /kappa/v2/bot/commands/{channel} JSON
  streamlabs      Streamlabs Chatbot export: .abcomg (or .acomg) JSON, or the split CSV
  phantombot      PhantomBot's phantombot.db (SQLite)
  firebot         Firebot .firebotsetup

Examples:
  lumio commands import nightbot.json --from nightbot --dry-run
  lumio commands import phantombot.db --from phantombot
  lumio commands export > commands.json && lumio commands import commands.json --from lumio")]
    Import {
        /// The file (`-`: standard input; not for phantombot).
        file: String,
        #[arg(long = "from", value_enum, ignore_case = true)]
        format: Format,
        /// Report only; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// When a name is taken by a command not from this source.
        #[arg(long, value_enum, default_value = "error")]
        on_conflict: OnConflict,
    },
    /// Print the account's commands and overrides as lumio's versioned export.
    Export {
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
    },
}

/// Settings shared by create, edit and override.
#[derive(Debug, Clone, Args)]
pub struct Fields {
    /// Where it answers (repeatable; default: every platform).
    #[arg(long = "platform", value_enum, ignore_case = true)]
    pub platforms: Vec<Platform>,
    /// On Discord: answer to !name (prefix) or /name (slash).
    #[arg(long, value_enum)]
    pub discord_style: Option<DiscordStyle>,
    /// The lowest role that may use it.
    #[arg(long, value_enum, ignore_case = true)]
    pub min_role: Option<RoleArg>,
    /// Global cooldown, seconds.
    #[arg(long, value_name = "SECS")]
    pub cooldown: Option<i64>,
    /// Per-user cooldown, seconds.
    #[arg(long, value_name = "SECS")]
    pub user_cooldown: Option<i64>,
    /// Moderators wait for cooldowns too (default: they skip them).
    #[arg(long)]
    pub mods_wait: bool,
    /// Sent when on cooldown ({user}, {remaining}); "" for silence (the default).
    #[arg(long, value_name = "TEXT")]
    pub cooldown_reply: Option<String>,
    #[arg(long, conflicts_with = "disable")]
    pub enable: bool,
    #[arg(long)]
    pub disable: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Everyone,
    Follower,
    Subscriber,
    Vip,
    Moderator,
    Broadcaster,
}

impl RoleArg {
    fn as_str(self) -> &'static str {
        match self {
            RoleArg::Everyone => "everyone",
            RoleArg::Follower => "follower",
            RoleArg::Subscriber => "subscriber",
            RoleArg::Vip => "vip",
            RoleArg::Moderator => "moderator",
            RoleArg::Broadcaster => "broadcaster",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiscordStyle {
    Prefix,
    Slash,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnConflict {
    Error,
    Skip,
    Replace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Yaml,
}

fn text_arg(t: Option<String>) -> CliResult<Option<String>> {
    match t.as_deref() {
        Some("-") => Ok(Some(read_stdin()?.trim_end().to_string())),
        _ => Ok(t),
    }
}

impl Fields {
    fn spec(&self) -> CommandSpec {
        CommandSpec {
            platforms: (!self.platforms.is_empty())
                .then(|| self.platforms.iter().map(|p| p.to_string()).collect()),
            discord_style: self.discord_style.map(|d| match d {
                DiscordStyle::Prefix => "prefix".into(),
                DiscordStyle::Slash => "slash".into(),
            }),
            min_role: self.min_role.map(|r| r.as_str().to_string()),
            global_cooldown_seconds: self.cooldown,
            user_cooldown_seconds: self.user_cooldown,
            cooldown_applies_to_mods: self.mods_wait.then_some(true),
            cooldown_reply: self.cooldown_reply.clone(),
            enabled: match (self.enable, self.disable) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            ..Default::default()
        }
    }
}

pub async fn run(ctx: Ctx, cmd: BotCommandsCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        BotCommandsCommand::List { platform, global } => {
            let list = client
                .bot_commands(global, platform.map(|p| p.as_str()))
                .await?;
            print_list(&ctx, &list)
        }
        BotCommandsCommand::Show { command } => {
            let c = client.find_bot_command(&command, false).await?;
            print_card(&ctx, &c)
        }
        BotCommandsCommand::Create {
            name,
            response,
            fields,
            aliases,
            kind,
            automation,
            global,
        } => {
            let spec = CommandSpec {
                name: Some(name),
                response: text_arg(response)?,
                aliases: Some(aliases),
                kind,
                automation,
                ..fields.spec()
            };
            let c = client.create_bot_command(&spec, global).await?;
            done(&ctx, &c, "Created")
        }
        BotCommandsCommand::Edit {
            command,
            response,
            rename,
            aliases,
            kind,
            automation,
            fields,
        } => {
            let target = client.find_bot_command(&command, false).await?;
            let spec = CommandSpec {
                name: rename,
                response: text_arg(response)?,
                aliases: (!aliases.is_empty()).then_some(aliases),
                kind,
                automation,
                ..fields.spec()
            };
            let c = client.update_bot_command(&target.id, &spec).await?;
            done(&ctx, &c, "Updated")
        }
        BotCommandsCommand::Rm { command, yes } => {
            let target = client.find_bot_command(&command, false).await?;
            if !yes {
                confirm(&ctx, &format!("Delete the command !{}?", target.name))?;
            }
            client.delete_bot_command(&target.id).await?;
            if ctx.out.json {
                return ctx.out.json(&json!({ "deleted": target.id }));
            }
            ctx.out.info(&format!("Deleted !{}", target.name))
        }
        BotCommandsCommand::Override {
            command,
            response,
            fields,
        } => {
            let target = client.find_bot_command(&command, false).await?;
            let spec = CommandSpec {
                response: text_arg(response)?,
                ..fields.spec()
            };
            let c = client.override_global_command(&target.id, &spec).await?;
            done(&ctx, &c, "Overrode")
        }
        BotCommandsCommand::Unoverride { command } => {
            let target = client.find_bot_command(&command, false).await?;
            let c = client.remove_global_command_override(&target.id).await?;
            done(&ctx, &c, "Removed the override of")
        }
        BotCommandsCommand::Test {
            message,
            role,
            platform,
            user,
        } => {
            let r = client
                .test_bot_command(
                    &message,
                    Some(role.as_str()),
                    Some(platform.as_str()),
                    user.as_deref(),
                )
                .await?;
            if ctx.out.json {
                ctx.out.json(&r)?;
            } else {
                match (&r.reply, r.would_run) {
                    (Some(reply), true) => ctx.out.line(reply)?,
                    (Some(reply), false) => {
                        ctx.out.line(&format!(
                            "would not run: {} (cooldown reply: {reply})",
                            r.reason.as_deref().unwrap_or("?")
                        ))?;
                    }
                    (None, true) => ctx.out.line(&format!(
                        "would trigger the automation {}",
                        r.automation.as_deref().unwrap_or("?")
                    ))?,
                    (None, false) => ctx.out.line(&format!(
                        "would not run: {}",
                        r.reason.as_deref().unwrap_or("?")
                    ))?,
                }
                for u in &r.unknown_variables {
                    ctx.out.note(&format!(
                        "unknown variable {u}: left as written (not one of lumio's)"
                    ));
                }
                for w in &r.warnings {
                    ctx.out.note(&format!("renders empty: {w}"));
                }
                if r.global_cooldown_remaining > 0 || r.user_cooldown_remaining > 0 {
                    ctx.out.note(&format!(
                        "cooldown left: {}s global, {}s for this user",
                        r.global_cooldown_remaining, r.user_cooldown_remaining
                    ));
                } else if r.skips_cooldown {
                    ctx.out.note("this role skips the command's cooldowns");
                }
            }
            if r.would_run {
                Ok(())
            } else {
                Err(CliError::failure(format!(
                    "!{} would not run",
                    r.command_name
                        .as_deref()
                        .unwrap_or(message.trim().trim_start_matches(['!', '/']))
                )))
            }
        }
        BotCommandsCommand::Stats => {
            let stats = client.bot_command_stats().await?;
            if ctx.out.json {
                return ctx.out.json(&stats);
            }
            let rows: Vec<Vec<String>> = stats
                .iter()
                .map(|s| {
                    vec![
                        s.name.clone(),
                        s.scope.clone(),
                        s.uses.to_string(),
                        s.last_used_at
                            .as_deref()
                            .map(|t| ctx.out.time(t))
                            .unwrap_or_else(|| "-".into()),
                    ]
                })
                .collect();
            ctx.out
                .table(&["name", "scope", "uses", "last used"], &rows)
        }
        BotCommandsCommand::History { command } => {
            let id = match client.find_bot_command(&command, false).await {
                Ok(c) => c.id,
                // A deleted command's history is kept: an id still works.
                Err(e) if uuid::Uuid::parse_str(command.trim()).is_ok() => {
                    let _ = e;
                    command.trim().to_string()
                }
                Err(e) => return Err(e),
            };
            let h = client.bot_command_history(&id).await?;
            if ctx.out.json {
                return ctx.out.json(&h);
            }
            let rows: Vec<Vec<String>> = h
                .iter()
                .map(|e| {
                    vec![
                        ctx.out.time(&e.created_at),
                        e.target.clone(),
                        e.action.clone(),
                        e.changed_fields.join(","),
                        e.changed_by_name.clone(),
                    ]
                })
                .collect();
            ctx.out
                .table(&["when", "target", "action", "changed", "by"], &rows)
        }
        BotCommandsCommand::Import {
            file,
            format,
            dry_run,
            on_conflict,
        } => {
            let converted = import::convert(&file, format).await?;
            let req = ImportRequest {
                source: format.source().to_string(),
                dry_run,
                on_conflict: match on_conflict {
                    OnConflict::Error => "error",
                    OnConflict::Skip => "skip",
                    OnConflict::Replace => "replace",
                }
                .into(),
                commands: converted.commands,
                overrides: converted.overrides,
            };
            let result = client.import_bot_commands(&req).await?;
            print_import(&ctx, &result, &converted.file_notes)?;
            if result.failed > 0 {
                return Err(CliError::failure(format!(
                    "{} of {} rows failed: nothing was imported",
                    result.failed,
                    result.rows.len() + result.overrides.len()
                )));
            }
            Ok(())
        }
        BotCommandsCommand::Export { format } => {
            let file = client.export_bot_commands().await?;
            match format {
                ExportFormat::Json => ctx.out.json(&file),
                ExportFormat::Yaml => ctx.out.line(&import::lumio::to_yaml(&file)?),
            }
        }
    }
}

/// Ask before something that cannot be undone: only on a terminal, never waiting otherwise.
fn confirm(ctx: &Ctx, question: &str) -> CliResult<()> {
    if !ctx.interactive() {
        return Err(CliError::usage(
            "not on a terminal, so lumio cannot ask: pass --yes to delete without confirmation",
        ));
    }
    let sure = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .map_err(|e| CliError::failure(format!("prompt: {e}")))?;
    if sure {
        Ok(())
    } else {
        Err(CliError::failure("cancelled; nothing was deleted"))
    }
}
