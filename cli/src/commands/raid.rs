//! `lumio raid`: the channel's Twitch raid.

use clap::Subcommand;

use super::Ctx;
use crate::api::Client;
use crate::error::CliResult;

#[derive(Debug, Subcommand)]
pub enum RaidCommand {
    /// Cancel the channel's pending Twitch raid (needs chat:raid).
    Cancel,
}

pub async fn run(ctx: Ctx, cmd: RaidCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        RaidCommand::Cancel => {
            let r = client.cancel_raid().await?;
            if ctx.out.json {
                return ctx.out.json(&r);
            }
            ctx.out.info("Cancelled the pending raid on twitch")
        }
    }
}
