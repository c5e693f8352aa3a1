//! The chat pipeline (seed 000, "Data Flow"): ingest → buffer on the bus → live event →
//! flush into `platform_messages` in batches; history and counts that include what is still
//! buffered, so a message is visible the moment it is ingested.

pub mod buffer;
pub mod deadletter;
pub mod flush;
pub mod graphql;
pub mod model;
pub mod rest;
pub mod service;
pub mod store;
pub mod ws;
