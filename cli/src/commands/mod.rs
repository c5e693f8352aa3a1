//! One module per top-level subcommand, each with its own `run`.

pub mod admin;
pub mod auth;
pub mod bot_commands;
pub mod bots;
pub mod chat;
pub mod completions;
pub mod connect;
pub mod connections;
#[cfg(feature = "demo")]
pub mod demo;
pub mod discord;
pub mod emotes;
pub mod moderation;
pub mod notes;
pub mod poll;
pub mod prediction;
pub mod raid;
pub mod user;

use std::io::IsTerminal;

use crate::cli::{Cli, Command, Global};
use crate::config::{resolve, ConfigFile, Resolved};
use crate::error::CliResult;
use crate::output::Output;

/// What every command gets: flags, output, configuration.
pub struct Ctx {
    pub global: Global,
    pub out: Output,
    pub file: ConfigFile,
    pub resolved: Resolved,
}

impl Ctx {
    /// Whether a person can answer a prompt (stdin and stdout are terminals).
    pub fn interactive(&self) -> bool {
        std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
    }
}

pub async fn run(cli: Cli) -> CliResult<()> {
    let g = cli.global;
    let out = Output::new(g.json, g.no_color, g.quiet);
    match cli.command {
        Command::Completions { shell } => return completions::completions(shell),
        Command::Man { out_dir } => return completions::man(out_dir.as_deref()),
        _ => {}
    }
    let file = ConfigFile::load()?;
    let resolved = resolve(
        &file,
        g.profile.as_deref(),
        g.server.as_deref(),
        g.account.as_deref(),
    );
    let ctx = Ctx {
        global: g,
        out,
        file,
        resolved,
    };
    match cli.command {
        Command::Auth(c) => auth::run(ctx, c).await,
        Command::Commands(c) => bot_commands::run(ctx, c).await,
        Command::Chat(a) => chat::run_args(ctx, a).await,
        Command::Notes(c) => notes::run(ctx, c).await,
        Command::Emotes(a) => emotes::run(ctx, a).await,
        #[cfg(feature = "demo")]
        Command::Demo(a) => demo::run(ctx, a).await,
        Command::Mod(c) => moderation::run(ctx, c).await,
        Command::User(c) => user::run(ctx, c).await,
        Command::Raid(c) => raid::run(ctx, c).await,
        Command::Poll(c) => poll::run(ctx, c).await,
        Command::Prediction(c) => prediction::run(ctx, c).await,
        Command::Discord(c) => discord::run(ctx, c).await,
        Command::Admin(c) => admin::run(ctx, c).await,
        Command::Connect(c) => connect::run(ctx, c).await,
        Command::Connections(c) => connections::run(ctx, c).await,
        Command::Bots(c) => bots::run(ctx, c).await,
        Command::Completions { .. } | Command::Man { .. } => Ok(()),
    }
}

/// Read all of stdin (for `--password-stdin`, `--with-token`, text `-`).
pub fn read_stdin() -> CliResult<String> {
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)?;
    Ok(s)
}
