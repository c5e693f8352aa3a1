//! Twitch: the Helix API client lumio uses for live controls and sending. Its fakes live in
//! the dev-only crate `lumio-testkit`.

pub mod connector;
pub mod events;
pub mod eventsub;
pub mod helix;
