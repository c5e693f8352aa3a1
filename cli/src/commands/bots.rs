//! `lumio bots status|pause|resume|rejoin`: the account's chat bot per platform (seed 001's
//! Bot Control).

use clap::Subcommand;

use super::Ctx;
use crate::api::connections::BotAction;
use crate::api::Client;
use crate::cli::Platform;
use crate::error::CliResult;

#[derive(Debug, Subcommand)]
pub enum BotsCommand {
    /// The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch
    /// refused a token it acts with (needs bot-connections:read).
    ///
    /// Piped: platform, status (active, paused, no_connection, needs_reauth), channels. With
    /// --json: platform, status, label and channels (connection_id, channel_name, channel_id,
    /// bot_enabled, credential_status, status_reason).
    #[command(after_help = "\
Examples:
  lumio bots status
  lumio bots status --json | jq -r '.[] | select(.status != \"active\") | .platform'")]
    Status,
    /// Pause the bot on a platform: it leaves the account's channels there (needs
    /// bot-connections:create).
    Pause {
        /// The platform.
        #[arg(value_enum, ignore_case = true)]
        platform: Platform,
    },
    /// Resume the bot on a platform (needs bot-connections:create).
    Resume {
        /// The platform.
        #[arg(value_enum, ignore_case = true)]
        platform: Platform,
    },
    /// Make the bot rejoin the account's channels on a platform now (needs
    /// bot-connections:create).
    Rejoin {
        /// The platform.
        #[arg(value_enum, ignore_case = true)]
        platform: Platform,
    },
}

pub async fn run(ctx: Ctx, cmd: BotsCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        BotsCommand::Status => {
            let all = client.bot_status().await?;
            if ctx.out.json {
                return ctx.out.json(&all);
            }
            let rows: Vec<Vec<String>> = all
                .iter()
                .map(|b| {
                    let channels: Vec<String> = b
                        .channels
                        .iter()
                        .map(|c| match (c.bot_enabled, c.credential_status.as_deref()) {
                            (_, Some("needs_reauth")) => {
                                format!("{} (needs reauth)", c.channel_name)
                            }
                            (false, _) => format!("{} (paused)", c.channel_name),
                            _ => c.channel_name.clone(),
                        })
                        .collect();
                    vec![
                        b.platform.clone(),
                        if ctx.out.tty {
                            b.label.clone()
                        } else {
                            b.status.clone()
                        },
                        channels.join(", "),
                    ]
                })
                .collect();
            ctx.out.table(&["platform", "status", "channels"], &rows)
        }
        BotsCommand::Pause { platform } => {
            let r = client.bot_toggle(platform.as_str(), false).await?;
            report(&ctx, &r, "paused")
        }
        BotsCommand::Resume { platform } => {
            let r = client.bot_toggle(platform.as_str(), true).await?;
            report(&ctx, &r, "resumed")
        }
        BotsCommand::Rejoin { platform } => {
            let r = client.bot_rejoin(platform.as_str()).await?;
            report(&ctx, &r, "asked to rejoin")
        }
    }
}

fn report(ctx: &Ctx, r: &BotAction, what: &str) -> CliResult<()> {
    if ctx.out.json {
        return ctx.out.json(r);
    }
    ctx.out.info(&format!(
        "The {} bot was {what} ({}); it is now {}",
        r.bot.platform, r.action, r.bot.label
    ))
}
