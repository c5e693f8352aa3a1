//! Emotes (seed 000): a channel's emote sets from Twitch, 7TV, BetterTTV, FrankerFaceZ,
//! Trovo and Discord, each provider behind its own configurable base URL, cached on the bus;
//! a provider that fails is reported and the others still answer.

pub mod graphql;
pub mod model;
pub mod providers;
pub mod rest;
pub mod service;
