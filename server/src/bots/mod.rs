//! Bot control, exactly as seed 001 names it: `botStatus` (Active / Paused / No Connection per
//! platform, and Needs Reauth when the credential it acts with was refused),
//! `toggleBotForPlatform(platform, enabled)`, `rejoinBot(platform)`, the system query
//! `botChannels(platform)`; REST `GET /v1/bot-status`, `POST /v1/bot-toggle`,
//! `POST /v1/bot-rejoin`.
//!
//! A toggle writes `channel_connections.bot_enabled` (through `chatter/`, its owner) and,
//! after the commit, publishes `bot_join` / `bot_leave` on
//! `lumio:bot:action:{platform}:{account_id}`; a rejoin publishes `bot_join` (the seed's
//! "Reconnect"). Every change is a live `bot_status` event for subscribers holding
//! `bot-connections:read`.

pub mod graphql;
pub mod model;
pub mod rest;
pub mod service;
pub mod worker;
