//! Discord guilds mapped to lumio accounts (seed 001 "Discord Server Mapping").
//!
//! - `model`: connections, channels, roles, feature mappings, the snowflake check and the
//!   feature keys (a list in code: a new key needs no migration).
//! - `oauth`: the signed, expiring `state` (HMAC-SHA256 with `LUMIO_STATE_SECRET`) and the
//!   consent URL.
//! - `api`: the Discord REST client (one shared HTTP client, base URL from
//!   `LUMIO_DISCORD_API_URL`, errors that keep Discord's code and message).
//! - `store`: `discord_guild_connections`, `discord_guild_settings`,
//!   `discord_guild_channel_mappings`, behind `db.discord()`.
//! - `service`: the logic REST and GraphQL share; the caches
//!   `lumio:discord_guild:{guild_id}` (→ account), `…:channels`, `…:roles`, `…:features`
//!   and `lumio:discord_channel_guild:{channel_id}`, an hour each.
//! - `system`: the bot's system-key operations (GUILD_CREATE news, GUILD_DELETE).
//! - `rest`, `graphql`: the transports.
//!
//! Adding the bot: `authorizeDiscordGuild` returns Discord's consent URL; Discord sends the
//! browser to `GET /api/discord-guilds/callback?code&state&guild_id`, which exchanges the
//! code (`POST /oauth2/token`; the answer names the guild) and stores the connection for the
//! account the state names. The bot hears of it on `lumio:bot:action:discord:{account_id}`
//! (`guild_connected`, `guild_disconnected`, `guild_features_changed`).

pub mod api;
pub mod graphql;
pub mod model;
pub mod oauth;
pub mod rest;
pub mod service;
pub mod store;
pub mod system;
