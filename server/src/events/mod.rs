//! Live events: [`model::ChatEvent`] and the message it carries, [`emit`] to publish one on
//! the bus, the cursor of each event, and [`live::live_events`], the fan-out to one
//! subscriber. Features publish through here (chat, chatter, moderation, notes, bots, live
//! controls); none of them needs another feature's module to do so.

pub mod live;
pub mod model;

use uuid::Uuid;

pub use model::{decode_cursor, encode_cursor, ChatEvent, ChatMessage, UserEvent};

use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Publish a live event of the account (WebSocket clients and `chatEvents` subscribers of
/// every instance receive it).
pub async fn emit(state: &AppState, account: Uuid, event: &ChatEvent) -> AppResult<()> {
    let json = serde_json::to_string(event).map_err(AppError::internal)?;
    state
        .bus
        .publish(&keys::chat_events(account), &json)
        .await?;
    Ok(())
}
