//! Live controls of a channel (seed 000): cancel a raid, end a poll, end a prediction — on
//! Twitch through Helix — and send a chat message to a platform.

pub mod graphql;
pub mod model;
pub mod rest;
pub mod service;
