//! Discord on the platform layer (issue 18 §2): a thin client of our own over
//! tokio-tungstenite (gateway) and the process's reqwest client (REST v10).
//!
//! - `connector`: the [`crate::platforms::connector::Connector`] for Discord (timeout, ban,
//!   unban, delete, send) with Discord's rate limits honoured;
//! - `gateway`: the gateway client (identify / resume, heartbeats, op 7 / op 9, backoff);
//! - `events`: what a dispatch changes (guild caches, chat ingest);
//! - `features`: the feature channels (`chat_mirror`, `moderation_log`, `live_notification`);
//! - `commands`: slash-command registration per guild, within Discord's daily limit;
//! - `session`: the one bot session, held by one worker through a lease on the bus.

pub mod commands;
pub mod connector;
pub mod events;
pub mod features;
pub mod gateway;
pub mod session;
