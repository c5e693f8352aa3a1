//! `lumio admin`: platform-wide views for admins — every account's Discord guild mappings,
//! every account's bots, and the admin audit log. Each needs an admin permission
//! (`discord-guilds:read`, `discord-guilds:delete`, `bot-control:read`, `bot-control:edit`),
//! which the server checks.

use clap::Subcommand;
use serde::Serialize;

use super::discord::{confirm, snowflake};
use super::Ctx;
use crate::api::Client;
use crate::cli::Platform;
use crate::error::CliResult;

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Every account's Discord guild mappings: list, pause / resume the bot, remove.
    #[command(subcommand)]
    Guilds(GuildsCommand),
    /// Every account's bots: list, pause / resume, remove.
    #[command(subcommand)]
    Bots(BotsCommand),
    /// The admin audit log, newest first: who did what to which target, and how it ended.
    ///
    /// Piped: one tab-separated line per entry — time (RFC 3339), admin, action, target id,
    /// outcome, error. With --json: an array of entries with id, actor_id, actor_name,
    /// permission, action, target_kind, target_id, account_id, details, outcome (`pending`,
    /// `ok`, `failed`), error, created_at, finished_at.
    #[command(after_help = "\
Examples:
  lumio admin audit
  lumio admin audit --limit 200 --json | jq -r '.[] | select(.outcome == \"failed\") | .target_id'")]
    Audit {
        /// How many entries (1–500).
        #[arg(long, short = 'n', default_value_t = 50, value_parser = clap::value_parser!(i64).range(1..=500))]
        limit: i64,
        /// Only entries older than this one (its id), to page back.
        #[arg(long, value_name = "ENTRY_ID")]
        before: Option<uuid::Uuid>,
    },
}

#[derive(Debug, Subcommand)]
pub enum GuildsCommand {
    /// Every Discord guild mapped to any account (needs discord-guilds:read).
    ///
    /// Piped: guild id, name, account id, connected by, connected at (RFC 3339). With
    /// --json: an array of connections.
    #[command(visible_alias = "ls")]
    List,
    /// Remove a guild's mapping, whichever account holds it (needs discord-guilds:delete;
    /// written to the audit log). Asks first on a terminal; `--yes` is required otherwise.
    #[command(
        visible_alias = "delete",
        after_help = "\
Example:
  lumio admin guilds rm 81384788765712384 --yes"
    )]
    Rm {
        /// The guild's id.
        guild_id: String,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it:
    /// paused, it ingests no chat there and posts nothing there (needs bot-control:edit;
    /// audited).
    #[command(after_help = "\
Example:
  lumio admin guilds toggle 81384788765712384 --off")]
    Toggle {
        /// The guild's id.
        guild_id: String,
        /// Resume the bot in the guild.
        #[arg(long, conflicts_with = "off", required_unless_present = "off")]
        on: bool,
        /// Pause the bot in the guild.
        #[arg(long)]
        off: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum BotsCommand {
    /// Every account's bot on each platform it has a channel on (needs bot-control:read).
    ///
    /// Piped: account id, platform, status, channels (comma-separated). With --json: an
    /// array of bots with account_id, platform, status, label and channels.
    #[command(visible_alias = "ls")]
    List,
    /// Pause (`--off`) or resume (`--on`) an account's bot on a platform (needs
    /// bot-control:edit; written to the audit log).
    #[command(after_help = "\
Examples:
  lumio admin bots toggle 0190f5c2-6c1e-7c8e-9a55-3a5e0b6f4d21 twitch --off
  lumio admin bots toggle 0190f5c2-6c1e-7c8e-9a55-3a5e0b6f4d21 twitch --on")]
    Toggle {
        /// The account's id (a UUID, as `lumio admin bots list` shows it).
        account_id: uuid::Uuid,
        platform: Platform,
        /// Resume the bot.
        #[arg(long, conflicts_with = "off", required_unless_present = "off")]
        on: bool,
        /// Pause the bot.
        #[arg(long)]
        off: bool,
    },
    /// Remove an account's bot on a platform: its channel connections there (needs
    /// bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise.
    #[command(visible_alias = "delete")]
    Rm {
        account_id: uuid::Uuid,
        platform: Platform,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Serialize)]
struct Removed {
    removed: String,
    account_id: String,
}

pub async fn run(ctx: Ctx, cmd: AdminCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        AdminCommand::Guilds(GuildsCommand::List) => {
            let guilds = client.admin_discord_guilds().await?;
            if ctx.out.json {
                return ctx.out.json(&guilds);
            }
            if guilds.is_empty() {
                if ctx.out.tty {
                    ctx.out.note("No Discord guild is mapped to any account.");
                }
                return Ok(());
            }
            let rows: Vec<Vec<String>> = guilds
                .iter()
                .map(|g| {
                    vec![
                        g.guild_id.clone(),
                        g.guild_name.clone(),
                        g.account_id.clone(),
                        g.connected_by_name.clone(),
                        ctx.out.time(&g.created_at),
                    ]
                })
                .collect();
            ctx.out.table(
                &["guild id", "name", "account", "connected by", "connected"],
                &rows,
            )
        }
        AdminCommand::Guilds(GuildsCommand::Rm { guild_id, yes }) => {
            let guild_id = snowflake("guild", &guild_id)?;
            if !yes {
                confirm(
                    &ctx,
                    &format!("Remove the mapping of Discord guild {guild_id} from its account?"),
                )?;
            }
            let g = client.admin_delete_discord_guild(&guild_id).await?;
            if ctx.out.json {
                return ctx.out.json(&Removed {
                    removed: g.guild_id,
                    account_id: g.account_id,
                });
            }
            ctx.out.info(&format!(
                "Removed Discord guild {} ({}) from account {}",
                g.guild_id, g.guild_name, g.account_id
            ))
        }
        AdminCommand::Guilds(GuildsCommand::Toggle { guild_id, on, .. }) => {
            let guild_id = snowflake("guild", &guild_id)?;
            let t = client.admin_toggle_guild(&guild_id, on).await?;
            if ctx.out.json {
                return ctx.out.json(&t);
            }
            ctx.out.info(&format!(
                "The bot is {} in Discord guild {} ({}) of account {}",
                if t.enabled { "resumed" } else { "paused" },
                t.guild_id,
                t.guild_name,
                t.account_id
            ))
        }
        AdminCommand::Bots(BotsCommand::List) => {
            let bots = client.admin_bots().await?;
            if ctx.out.json {
                return ctx.out.json(&bots);
            }
            if bots.is_empty() {
                if ctx.out.tty {
                    ctx.out
                        .note("No account has a bot (no channel connection).");
                }
                return Ok(());
            }
            let rows: Vec<Vec<String>> = bots
                .iter()
                .map(|b| {
                    vec![
                        b.account_id.clone(),
                        b.platform.clone(),
                        b.status.clone(),
                        b.channels
                            .iter()
                            .map(|c| c.channel_name.clone())
                            .collect::<Vec<_>>()
                            .join(","),
                    ]
                })
                .collect();
            ctx.out
                .table(&["account", "platform", "status", "channels"], &rows)
        }
        AdminCommand::Bots(BotsCommand::Toggle {
            account_id,
            platform,
            on,
            ..
        }) => {
            let t = client
                .admin_toggle_bot(&account_id.to_string(), platform.as_str(), on)
                .await?;
            if ctx.out.json {
                return ctx.out.json(&t);
            }
            ctx.out.info(&format!(
                "The {} bot of account {account_id} is {} ({})",
                t.bot.platform,
                t.bot.label.to_lowercase(),
                t.action
            ))
        }
        AdminCommand::Bots(BotsCommand::Rm {
            account_id,
            platform,
            yes,
        }) => {
            if !yes {
                confirm(
                    &ctx,
                    &format!(
                        "Remove the {} bot (every {} channel connection) of account {account_id}?",
                        platform.as_str(),
                        platform.as_str()
                    ),
                )?;
            }
            let r = client
                .admin_remove_bot(&account_id.to_string(), platform.as_str())
                .await?;
            if ctx.out.json {
                return ctx.out.json(&r);
            }
            ctx.out.info(&format!(
                "Removed the {} bot of account {}: {}",
                r.platform,
                r.account_id,
                r.removed.join(", ")
            ))
        }
        AdminCommand::Audit { limit, before } => {
            let entries = client
                .admin_audit_log(Some(limit), before.map(|b| b.to_string()))
                .await?;
            if ctx.out.json {
                return ctx.out.json(&entries);
            }
            if entries.is_empty() {
                if ctx.out.tty {
                    ctx.out.note("The audit log is empty.");
                }
                return Ok(());
            }
            let rows: Vec<Vec<String>> = entries
                .iter()
                .map(|e| {
                    vec![
                        ctx.out.time(&e.created_at),
                        e.actor_name.clone(),
                        e.action.clone(),
                        e.target_id.clone(),
                        e.outcome.clone(),
                        e.error.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            ctx.out.table(
                &["time", "admin", "action", "target", "outcome", "error"],
                &rows,
            )
        }
    }
}
