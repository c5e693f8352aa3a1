//! The server's integration tests: the real server on a free port, on both backends.
//!
//! One test binary per crate (each file a module), so the shared helpers are compiled and the
//! crate linked once instead of once per file: most of the suite's build time was that.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod common;

mod api;
mod auth;
mod binary;
mod bot_worker;
mod bus_contract;
mod chat;
mod chat_resume;
mod chat_ws;
mod chatters;
mod commands;
mod commands_chat;
mod discord;
mod discord_bot;
mod discord_store;
mod emotes;
mod live_controls;
mod moderation;
mod moderation_delivery;
mod profiles;
mod schema_files;
mod simulator;
mod store_contract;
mod twitch_chat_in;
mod twitch_connector;
