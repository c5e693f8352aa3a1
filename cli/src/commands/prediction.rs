//! `lumio prediction`: the channel's Twitch predictions.

use clap::{Subcommand, ValueEnum};

use super::Ctx;
use crate::api::Client;
use crate::error::{CliError, CliResult};

#[derive(Debug, Subcommand)]
pub enum PredictionCommand {
    /// End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome,
    /// cancel it (refunds everyone) or lock it (no more predictions).
    #[command(after_help = "\
Examples:
  lumio prediction end 0c9a4f5e --status resolved --winner 73085848
  lumio prediction end 0c9a4f5e --status canceled")]
    End {
        /// The Twitch prediction id.
        prediction_id: String,
        /// How it ends.
        #[arg(long, value_enum)]
        status: Status,
        /// The winning outcome's id (required with --status resolved).
        #[arg(long, value_name = "OUTCOME_ID")]
        winner: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Status {
    Resolved,
    Canceled,
    Locked,
}

pub async fn run(ctx: Ctx, cmd: PredictionCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        PredictionCommand::End {
            prediction_id,
            status,
            winner,
        } => {
            let status = match (status, &winner) {
                (Status::Resolved, None) => {
                    return Err(CliError::usage(
                        "--status resolved needs --winner OUTCOME_ID (the outcome that won)",
                    ))
                }
                (Status::Resolved, Some(_)) => "RESOLVED",
                (_, Some(_)) => {
                    return Err(CliError::usage("--winner goes with --status resolved only"))
                }
                (Status::Canceled, None) => "CANCELED",
                (Status::Locked, None) => "LOCKED",
            };
            let p = client
                .end_prediction(&prediction_id, status, winner.as_deref())
                .await?;
            if ctx.out.json {
                return ctx.out.json(&p);
            }
            let rows: Vec<Vec<String>> = p
                .outcomes
                .iter()
                .map(|o| {
                    let won = p.winning_outcome_id.as_deref() == Some(o.id.as_str());
                    vec![
                        o.title.clone(),
                        o.users.to_string(),
                        o.channel_points.to_string(),
                        if won { "won" } else { "" }.to_string(),
                    ]
                })
                .collect();
            if ctx.out.tty {
                ctx.out
                    .info(&format!("Prediction \"{}\" is {}", p.title, p.status))?;
            }
            ctx.out
                .table(&["outcome", "users", "points", "result"], &rows)
        }
    }
}
