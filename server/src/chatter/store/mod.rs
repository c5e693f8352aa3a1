//! Queries of the chatter, for both databases, behind `db.chatter()`. The chatter owns two
//! tables: `channel_connections` ([`connections`]: the account's channels, `bot_enabled`)
//! and `platform_users` ([`users`]: one row per chatter, written by the chat flush, by
//! moderation's ban and treatment, by profiles' follow and enrichment). Other features call
//! these functions; a write that must share another feature's transaction takes its
//! connection (the flush) or runs the statement this store names (moderation).

use crate::store::Db;

mod connections;
mod users;

pub use connections::{seed, ConnectionRow};
pub(crate) use users::{pg_upsert_seen, sqlite_upsert_seen, UPSERT_BAN, UPSERT_TREATMENT};

/// The store handle of the chatter: `db.chatter()`.
pub struct ChatterStore<'a> {
    db: &'a Db,
}

impl Db {
    pub fn chatter(&self) -> ChatterStore<'_> {
        ChatterStore { db: self }
    }
}
