//! `lumio poll`: the channel's Twitch polls.

use clap::Subcommand;
use serde_json::Value;

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
            let rows: Vec<Vec<String>> = p["choices"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| vec![text(&c["title"]), text(&c["votes"])])
                .collect();
            if ctx.out.tty {
                ctx.out.info(&format!(
                    "Poll \"{}\" is {}",
                    text(&p["title"]),
                    text(&p["status"])
                ))?;
            }
            ctx.out.table(&["choice", "votes"], &rows)
        }
    }
}

pub fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}
