//! Moderation (seed 000): ban, unban, timeout, delete, treatment, the moderation log; and
//! the live chatter state they keep on the bus (seed 002: the timeout flag whose TTL ends
//! with the timeout, timeout stacking, invulnerable chatters, re-mod after a timeout).

mod actions;
pub mod delivery;
pub mod graphql;
pub mod model;
mod reconcile;
pub mod rest;
pub mod schedule;
pub mod service;
pub mod store;
mod target;
