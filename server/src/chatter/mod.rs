//! The live chatter state of seed 002, kept on the bus beside chat: first-time chatters
//! (`haschatted`, `haschattedthisstream`, `welcomemessageid`), flags from the chatter's
//! badges (`mod`, `subbed`), the user look-up cache, the stream-live state of each channel
//! (`streamIsLive`), and the account's chatter settings (`timeoutStacking`,
//! `disabledcommands`). Beside each platform's stream state, the status of the account's bot
//! there (seed 001: active, paused or no connection), for moderators' screens.

pub mod connections;
pub mod graphql;
pub mod model;
pub mod rest;
pub mod service;
pub mod store;
