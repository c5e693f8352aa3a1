//! Moderator notes on platform users (seed 000: `platform_user_notes`), scoped to an account.
//! The pattern every feature follows: model → store → service ← rest / graphql.

pub mod graphql;
pub mod model;
pub mod rest;
pub mod service;
pub mod store;
