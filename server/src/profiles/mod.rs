//! Chatter profiles (seed 000 `platformUserProfile`, `GET /v1/chat/users/{platform}/{id}`,
//! `…/follow-status`): what lumio knows of a chatter (first and last seen, messages, ban
//! and timeout with time left, treatment, notes, flags) joined with enrichment from the
//! platform's API through the [`enrich::ProfileService`] (one enricher per platform, a TTL
//! cache on the bus, a circuit breaker per platform).

pub mod breaker;
pub mod enrich;
pub mod graphql;
pub mod model;
pub mod rest;
pub mod service;
