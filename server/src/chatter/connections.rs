//! The account's channel connections (`channel_connections`, owned here) for the features that
//! connect a channel (`connections/`) and control its bot (`bots/`): they call these
//! functions, never the table.

use uuid::Uuid;

pub use super::store::ConnectionRow;
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// Every channel connection of the account.
pub async fn list(state: &AppState, account: Uuid) -> AppResult<Vec<ConnectionRow>> {
    Ok(state.db.chatter().channel_connections(account).await?)
}

/// One of the account's connections; another account's is "not found", the same as none.
pub async fn get(state: &AppState, account: Uuid, id: Uuid) -> AppResult<ConnectionRow> {
    list(state, account)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| AppError::NotFound(format!("no channel connection {id} in this account")))
}

/// Connect the account to a channel (or fill in the channel id of its connection).
pub async fn upsert(
    state: &AppState,
    account: Uuid,
    platform: Platform,
    channel_name: &str,
    channel_id: Option<&str>,
) -> AppResult<ConnectionRow> {
    Ok(state
        .db
        .chatter()
        .upsert_channel_connection(account, platform.as_str(), channel_name, channel_id)
        .await?)
}

/// Remove one of the account's connections; false when it has none with that id.
pub async fn remove(state: &AppState, account: Uuid, id: Uuid) -> AppResult<bool> {
    Ok(state
        .db
        .chatter()
        .delete_channel_connection(account, id)
        .await?)
}

/// Set `bot_enabled` on every connection of the account on `platform`; how many changed.
pub async fn set_bot_enabled(
    state: &AppState,
    account: Uuid,
    platform: Platform,
    enabled: bool,
) -> AppResult<u64> {
    Ok(state
        .db
        .chatter()
        .set_bot_enabled(account, platform.as_str(), enabled)
        .await?)
}

/// Every connection on `platform` whose bot is enabled, of every account.
pub async fn enabled_bot_connections(
    state: &AppState,
    platform: Platform,
) -> AppResult<Vec<ConnectionRow>> {
    Ok(state
        .db
        .chatter()
        .enabled_bot_connections(platform.as_str())
        .await?)
}

/// Every account with a channel connection, of every account (the admin's bot view).
pub async fn accounts_with_connections(state: &AppState) -> AppResult<Vec<Uuid>> {
    Ok(state.db.chatter().accounts_with_connections().await?)
}
