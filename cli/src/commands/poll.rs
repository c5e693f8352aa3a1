//! `lumio poll`: the channel's Twitch polls.

use clap::Subcommand;

use super::Ctx;
use crate::api::Client;
use crate::error::CliResult;

#[derive(Debug, Subcommand)]
pub enum PollCommand {
    /// End a Twitch poll (needs chat:poll): its results stay visible, or with --archive
    /// they are hidden.
    #[command(after_help = "\
Examples:
  lumio poll end ed961efd-8a3f-4cf5-a9d0-e616c590cd2a
  lumio poll end ed961efd-8a3f-4cf5-a9d0-e616c590cd2a --archive --json")]
    End {
        /// The Twitch poll id.
        poll_id: String,
        /// End it ARCHIVED (hidden) instead of TERMINATED.
        #[arg(long)]
        archive: bool,
    },
}

pub async fn run(ctx: Ctx, cmd: PollCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        PollCommand::End { poll_id, archive } => {
            let status = if archive { "ARCHIVED" } else { "TERMINATED" };
            let p = client.end_poll(&poll_id, status).await?;
            if ctx.out.json {
                return ctx.out.json(&p);
            }
            let rows: Vec<Vec<String>> = p
                .choices
                .iter()
                .map(|c| vec![c.title.clone(), c.votes.to_string()])
                .collect();
            if ctx.out.tty {
                ctx.out
                    .info(&format!("Poll \"{}\" is {}", p.title, p.status))?;
            }
            ctx.out.table(&["choice", "votes"], &rows)
        }
    }
}
