//! lumio-server: the lumio API (GraphQL + REST + WebSocket), the chat pipeline and its workers.
//!
//! The crate is a library so that tests, benchmarks and `lumio demo` run the very same server
//! the binary runs. [`app::build_router`] turns an [`state::AppState`] into the axum router;
//! [`app::serve`] runs it on a listener until a shutdown signal.
#![forbid(unsafe_code)]

pub mod admin;
pub mod app;
pub mod auth;
pub mod bots;
pub mod bus;
pub mod chat;
pub mod chatter;
pub mod commands;
pub mod config;
pub mod connections;
pub mod discord;
pub mod emotes;
pub mod error;
pub mod events;
pub mod graphql;
pub mod http;
pub mod live_controls;
pub mod moderation;
pub mod notes;
pub mod openapi;
pub mod platforms;
pub mod profiles;
pub mod seed;
pub mod state;
pub mod store;
/// The test harness (a database per test, the real server on a free port): only with the
/// `testing` feature, which the tests, benches and `lumio-bench` turn on; never in a release.
#[cfg(feature = "testing")]
pub mod testing;
pub mod validate;
pub mod worker;

pub use error::{AppError, AppResult};
