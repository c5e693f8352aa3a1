//! Per-channel credentials (issue 15 §1): the tokens lumio acts with on a channel connection.
//!
//! - `crypto`: `LUMIO_SECRET_KEY` and sealing (XChaCha20-Poly1305, random nonce, key id,
//!   row-bound associated data).
//! - `oauth`: a thin client of Twitch's OAuth server at `LUMIO_TWITCH_AUTH_URL` (device code
//!   grant, refresh, validate, revoke).
//! - `model`: the views (never a token), [`model::Token`] whose `Debug` is redacted.
//! - `store`: `channel_credentials`, owned here (`db.credentials()`). The connections
//!   themselves (`channel_connections`) belong to `chatter/`, called through
//!   [`crate::chatter::connections`].
//! - `service`: connect (device code or pasted tokens), list, remove.
//! - `tokens`: what connectors and the delivery worker call — `access_token`, `with_token`
//!   (refresh before expiry and once on a 401; a refused refresh marks `needs_reauth`),
//!   `require_scopes`.
//! - `rest`, `graphql`: the transports (`bot-connections:read` / `:create` / `:delete`).

pub mod crypto;
pub mod graphql;
pub mod model;
pub mod oauth;
pub mod rest;
pub mod service;
pub mod store;
pub mod tokens;
