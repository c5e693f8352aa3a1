//! The command line: global flags and the top-level subcommands.

use clap::{Args, Parser, Subcommand};

use crate::commands::{auth::AuthCommand, chat::ChatCommand, notes::NotesCommand};

const EXAMPLES: &str = "\
Examples:
  lumio auth login --server http://127.0.0.1:8080
  lumio auth login --username mod --password-stdin < password.txt
  lumio notes add twitch 1234 \"spams links in every stream\"
  lumio notes list twitch 1234 --json | jq '.[].note'

Exit codes: 0 ok, 1 failure, 2 usage, 3 not authenticated, 4 forbidden, 5 not found.
Environment: LUMIO_SERVER, LUMIO_TOKEN, LUMIO_ACCOUNT, LUMIO_PROFILE, LUMIO_CONFIG_DIR, NO_COLOR.";

/// Live-stream chat moderation from the terminal.
///
/// lumio talks to a lumio-server: log in once with `lumio auth login`, then script
/// moderation from the shell. Tables on a terminal, tab-separated rows when piped, and
/// `--json` for machines.
#[derive(Debug, Parser)]
#[command(name = "lumio", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Server URL (default: the profile's, else http://127.0.0.1:8080).
    #[arg(long, global = true, env = "LUMIO_SERVER", value_name = "URL")]
    pub server: Option<String>,
    /// Account to act in (id or slug), for users in several accounts.
    #[arg(long, global = true, env = "LUMIO_ACCOUNT", value_name = "ID|SLUG")]
    pub account: Option<String>,
    /// Configuration profile to use.
    #[arg(long, global = true, env = "LUMIO_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,
    /// Print JSON for machines instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
    /// Never use colour (also: NO_COLOR).
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Print only what was asked for; no confirmations.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log in and out, see who you are, print your token.
    #[command(subcommand)]
    Auth(AuthCommand),
    /// Chat: history, counts, a live tail, bulk ingest.
    #[command(subcommand)]
    Chat(ChatCommand),
    /// Moderator notes on platform users.
    #[command(subcommand)]
    Notes(NotesCommand),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  lumio completions bash > ~/.local/share/bash-completion/completions/lumio"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    #[command(hide = true)]
    Man,
}
