//! Twitch: the Helix connector, EventSub, and acting on an account's channel with its own
//! credential ([`act`]). Its fakes live in the dev-only crate `lumio-testkit`.

pub mod act;
pub mod connector;
pub mod events;
pub mod eventsub;
pub mod read;
