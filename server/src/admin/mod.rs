//! Admin views and the admin audit log (seed 001 "Admin").
//!
//! Every admin route checks its admin permission through `require_admin`
//! (`discord-guilds:read`, `discord-guilds:delete`; `bot-control:read`/`edit` when issue 15's
//! bot control lands), and the REST routes under `/v1/admin` also sit behind a middleware
//! that turns away callers without any admin permission.
//!
//! Every admin action goes through [`service::audited`]: the audit row is written `pending`
//! before the action runs and marked `ok` or `failed` after, so an action that dies half-way
//! still shows in `lumio admin audit`. Bot control plugs in by calling `audited` with its own
//! [`model::AuditAction`] (`action: "bot.toggle"`, `target_kind: "bot"`, …); the table and
//! the listing need no change.
//!
//! - `model`: audit entries, the actions.
//! - `store`: `admin_audit_log`, behind `db.admin()`.
//! - `service`: `audited`, the audit listing, the guild views (through the discord service).
//! - `rest`, `graphql`: the transports.

pub mod graphql;
pub mod model;
pub mod rest;
pub mod service;
pub mod store;
