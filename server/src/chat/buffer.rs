//! ChatBuffer: messages wait on the bus until the flush worker stores them.

use uuid::Uuid;

use super::model::{ChatEvent, ChatMessage};
use crate::app::AppState;
use crate::bus::keys;
use crate::error::{AppError, AppResult};

/// Buffer a message: append to the account's list, mark the account pending, publish the
/// live event.
pub async fn push(state: &AppState, msg: &ChatMessage) -> AppResult<()> {
    let json = serde_json::to_string(msg).map_err(AppError::internal)?;
    let account = msg.account_id;
    state
        .bus
        .list_push(&keys::chat_buffer(account), &[json])
        .await?;
    state
        .bus
        .set_add(&keys::pending_chat_accounts(), &account.to_string())
        .await?;
    let event = ChatEvent::Message {
        cursor: msg.cursor(),
        message: msg.clone(),
    };
    let event = serde_json::to_string(&event).map_err(AppError::internal)?;
    state
        .bus
        .publish(&keys::chat_events(account), &event)
        .await?;
    Ok(())
}

/// Messages of an account not known to be committed to the database.
#[derive(Debug, Default)]
pub struct Buffered {
    /// In the buffer: not in the database.
    pub waiting: Vec<ChatMessage>,
    /// Claimed by a flusher: possibly committed a moment ago.
    pub claimed: Vec<ChatMessage>,
}

impl Buffered {
    pub fn all(self) -> impl Iterator<Item = ChatMessage> {
        self.waiting.into_iter().chain(self.claimed)
    }
}

async fn read_list(state: &AppState, list: &str, into: &mut Vec<ChatMessage>) -> AppResult<()> {
    for item in state.bus.list_range(list, 0, -1).await? {
        match serde_json::from_str::<ChatMessage>(&item) {
            Ok(m) => into.push(m),
            Err(e) => tracing::warn!(error = %e, "unreadable buffered message skipped"),
        }
    }
    Ok(())
}

/// The account's buffer and the lists claimed by flushers.
pub async fn buffered(state: &AppState, account: Uuid) -> AppResult<Buffered> {
    let mut out = Buffered::default();
    read_list(state, &keys::chat_buffer(account), &mut out.waiting).await?;
    let prefix = format!("{account}|");
    for entry in state
        .bus
        .set_members(&keys::chat_processing_lists())
        .await?
    {
        if let Some(instance) = entry.strip_prefix(&prefix) {
            read_list(
                state,
                &keys::chat_processing_of(account, instance),
                &mut out.claimed,
            )
            .await?;
        }
    }
    Ok(out)
}
