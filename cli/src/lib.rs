//! `lumio`: the command line of lumio — live-stream chat moderation from the terminal.
//!
//! `main.rs` only parses and maps the result to an exit code; each top-level subcommand
//! lives in `commands/` with its own `run`; `api/` talks to the server; `output.rs` prints.
#![forbid(unsafe_code)]

pub mod api;
pub mod cli;
pub mod commands;
pub mod config;
pub mod error;
pub mod import;
pub mod output;
pub mod tui;

pub use cli::Cli;
pub use error::{CliError, CliResult, ExitCode};
