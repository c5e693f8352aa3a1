//! The CLI's integration tests: the real `lumio` binary against the real server.
//!
//! One test binary per crate (each file a module), so the shared helpers are compiled and the
//! crate linked once instead of once per file: most of the suite's build time was that.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod common;

mod chat;
mod cli;
mod commands;
mod connections;
mod demo;
mod discord;
mod emotes;
mod generated;
mod hosts;
mod live;
mod moderation;
mod pipes;
mod tui;
