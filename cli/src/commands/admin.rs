//! `lumio admin`: platform-wide views for admins — every account's Discord guild mappings,
//! and the admin audit log. Each needs an admin permission (`discord-guilds:read`,
//! `discord-guilds:delete`), which the server checks.

use clap::Subcommand;
use serde::Serialize;

use super::discord::{confirm, snowflake};
use super::Ctx;
use crate::api::Client;
use crate::error::CliResult;

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Every account's Discord guild mappings: list, remove.
    #[command(subcommand)]
    Guilds(GuildsCommand),
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
