//! The fakes' own tests: each fake against the platform's documented behaviour (and, for
//! Helix, against the twitch_api crate's types). One binary, each file a module.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod control;
mod discord_gateway;
mod discord_rest;
mod discord_twilight;
mod eventsub;
mod helix;
mod oauth;
mod twitch_api_crosscheck;
