//! The command line: global flags and the top-level subcommands. Doc comments are the help.

use clap::{Args, Parser, Subcommand};

use crate::commands::{
    admin::AdminCommand, auth::AuthCommand, bot_commands::BotCommandsCommand, bots::BotsCommand,
    chat::ChatArgs, connect::ConnectCommand, connections::ConnectionsCommand,
    discord::DiscordCommand, emotes::EmotesArgs, moderation::ModCommand, notes::NotesCommand,
    poll::PollCommand, prediction::PredictionCommand, raid::RaidCommand, user::UserCommand,
};
pub use crate::platform::Platform;

const EXAMPLES: &str = "\
Examples:
  lumio auth login                                    # asks for server, username, password
  echo \"$PW\" | lumio auth login --server http://127.0.0.1:8080 --username mod --password-stdin
  lumio auth status
  lumio notes add twitch 1234 \"spams links in every stream\"
  lumio notes list twitch 1234
  lumio notes list twitch 1234 --json | jq -r '.[].note'

Output: a table on a terminal, tab-separated rows without headers when piped (times in
RFC 3339), JSON with --json. Colour only on a terminal, never with NO_COLOR or --no-color.

Exit codes: 0 ok, 1 failure, 2 usage, 3 not authenticated, 4 forbidden, 5 not found.

Environment:
  LUMIO_SERVER, LUMIO_ACCOUNT, LUMIO_PROFILE  defaults for --server, --account, --profile
  LUMIO_TOKEN       a token to use instead of the profile's (for CI)
  LUMIO_CONFIG_DIR  where config.toml lives (default: the platform's config directory)
  NO_COLOR          never use colour";

/// Live-stream chat moderation from the terminal.
///
/// lumio talks to a lumio-server: log in once with `lumio auth login`, then moderate and
/// script from the shell. Tables on a terminal, tab-separated rows when piped, and `--json`
/// for machines.
#[derive(Debug, Parser)]
#[command(
    name = "lumio",
    version,
    about,
    long_about,
    after_long_help = EXAMPLES,
    after_help = "See `lumio --help` for examples, exit codes and environment variables."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Server URL [default: the profile's, else http://127.0.0.1:8080].
    #[arg(
        long,
        global = true,
        env = "LUMIO_SERVER",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub server: Option<String>,
    /// Account to act in (id or slug), for users in several accounts.
    #[arg(
        long,
        global = true,
        env = "LUMIO_ACCOUNT",
        hide_env_values = true,
        value_name = "ID|SLUG"
    )]
    pub account: Option<String>,
    /// Configuration profile to use [default: the config's default_profile, else "default"].
    #[arg(
        long,
        global = true,
        env = "LUMIO_PROFILE",
        hide_env_values = true,
        value_name = "NAME"
    )]
    pub profile: Option<String>,
    /// Print JSON for machines instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
    /// Never use colour (also: the NO_COLOR environment variable).
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Print only what was asked for: no confirmations or hints.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Log in and out, see who you are and what you may do, print your token.
    #[command(subcommand)]
    Auth(AuthCommand),
    /// Chat: the live multichat screen (no subcommand), history, counts, a live tail for
    /// pipes, bulk ingest, sending.
    Chat(ChatArgs),
    /// Bot commands: list, create, edit, override global ones, dry-run a message, stats,
    /// history, and import / export (Nightbot, StreamElements, Streamlabs, PhantomBot,
    /// Firebot, lumio).
    #[command(subcommand)]
    Commands(BotCommandsCommand),
    /// Moderator notes on platform users: list, add, edit, remove.
    #[command(subcommand)]
    Notes(NotesCommand),
    /// A channel's emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord).
    Emotes(EmotesArgs),
    /// A first look: an embedded server with simulated five-platform chat, and the live
    /// screen logged in as `mod`.
    #[cfg(feature = "demo")]
    Demo(crate::commands::demo::DemoArgs),
    /// Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment.
    #[command(subcommand, name = "mod")]
    Mod(ModCommand),
    /// Chatters: a profile card.
    #[command(subcommand)]
    User(UserCommand),
    /// The channel's Twitch raid: cancel it.
    #[command(subcommand)]
    Raid(RaidCommand),
    /// The channel's Twitch polls: end one.
    #[command(subcommand)]
    Poll(PollCommand),
    /// The channel's Twitch predictions: resolve, cancel or lock one.
    #[command(subcommand)]
    Prediction(PredictionCommand),
    /// Discord servers of the account: add the bot, list, disconnect, channels, roles, and
    /// the channel each feature posts into.
    #[command(subcommand)]
    Discord(DiscordCommand),
    /// Admin views: every account's Discord guild mappings, the admin audit log.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Connect a platform channel: the tokens lumio acts with there (Twitch's device code,
    /// or pasted tokens).
    #[command(subcommand)]
    Connect(ConnectCommand),
    /// The account's channel connections and their credentials: list, remove.
    #[command(subcommand)]
    Connections(ConnectionsCommand),
    /// The account's chat bots per platform: status, pause, resume, rejoin.
    #[command(subcommand)]
    Bots(BotsCommand),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(after_help = "\
Examples:
  lumio completions bash > ~/.local/share/bash-completion/completions/lumio
  lumio completions zsh > \"${fpath[1]}/_lumio\"
  lumio completions fish > ~/.config/fish/completions/lumio.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `lumio man | man -l -`; with --out-dir, write one page
    /// per command there (`lumio.1`, `lumio-mod-ban.1` …).
    #[command(hide = true)]
    Man {
        /// Write every page into this directory instead.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<std::path::PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn platforms_parse_in_any_case() {
        let cli = Cli::try_parse_from(["lumio", "notes", "list", "Twitch", "1"]);
        assert!(cli.is_ok(), "{cli:?}");
        let bad = Cli::try_parse_from(["lumio", "notes", "list", "myspace", "1"]);
        assert_eq!(bad.map(|_| ()).map_err(|e| e.exit_code()), Err(2));
        assert_eq!(Platform::Youtube.to_string(), "youtube");
    }
}
