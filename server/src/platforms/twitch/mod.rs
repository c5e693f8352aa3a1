//! Twitch: the Helix API client lumio uses for live controls and sending, and a fake of it
//! that speaks the same protocol for tests and local trials.

pub mod connector;
pub mod events;
pub mod eventsub;
pub mod fake;
pub mod helix;
