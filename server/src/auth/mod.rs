//! Who is calling and what they may do: principals (user token, system key), the
//! [`Permission`] enum, roles, login and API tokens.

pub mod extract;
pub mod graphql;
pub mod model;
pub mod permission;
pub mod principal;
pub mod rest;
pub mod revocation;
pub mod service;
pub mod store;

pub use extract::Auth;
pub use permission::{builtin_role, Permission, PermissionSet, BUILTIN_ROLES};
pub use principal::{AccountCtx, Principal};
