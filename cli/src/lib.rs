//! `lumio`: the command line of lumio — live-stream chat moderation from the terminal.
//!
//! `main.rs` only parses and maps the result to an exit code; each top-level subcommand
//! lives in `commands/` with its own `run`; `api/` is the only way to the server (REST,
//! GraphQL, the live WebSocket); `output.rs` prints; `platform.rs` holds the platforms and
//! their user id rules; `duration.rs` parses durations and times; `config.rs` keeps
//! profiles with a token per server host.
#![forbid(unsafe_code)]

pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod duration;
pub mod error;
pub mod output;
pub mod platform;
pub mod tui;

pub use cli::Cli;
pub use error::{CliError, CliResult, ExitCode};
