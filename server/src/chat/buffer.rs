//! ChatBuffer: messages wait on the bus until the flush worker stores them.

use uuid::Uuid;

use super::model::ChatMessage;
use crate::app::AppState;
use crate::bus::{keys, BusOp};
use crate::error::{AppError, AppResult};

/// Buffer a message: append to the account's list, mark the account pending, publish the
/// live event.
pub async fn push(state: &AppState, msg: &ChatMessage) -> AppResult<()> {
    let json = serde_json::to_string(msg).map_err(AppError::internal)?;
    let account = msg.account_id;
    let event = message_event(msg, &json);
    // In this order, in one round trip: a subscriber told of the message finds it buffered.
    state
        .bus
        .batch(vec![
            BusOp::ListPush {
                key: keys::chat_buffer(account),
                values: vec![json],
            },
            BusOp::SetAdd {
                key: keys::pending_chat_accounts(),
                member: account.to_string(),
            },
            BusOp::Publish {
                channel: keys::chat_events(account),
                payload: event,
            },
        ])
        .await?;
    Ok(())
}

/// The `message` live event of a message already serialized as `json`: the same JSON as
/// serializing [`ChatEvent::Message`], without serializing the message twice.
fn message_event(msg: &ChatMessage, json: &str) -> String {
    // The cursor is hexadecimal: nothing to escape.
    format!(
        r#"{{"type":"message","cursor":"{}","message":{json}}}"#,
        msg.cursor()
    )
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

/// How long a deletion mark stays on the bus: far longer than a message waits in the buffer.
const DELETION_MARK_TTL: std::time::Duration = std::time::Duration::from_secs(3600);

/// A deletion of a message that may not be in the database yet.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct DeletionMark {
    pub id: Uuid,
    pub by: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// Record a deletion for buffered and claimed copies of the message. Written before the
/// database is updated, so that a flush committing meanwhile applies it afterwards.
pub async fn mark_deleted(state: &AppState, account: Uuid, mark: &DeletionMark) -> AppResult<()> {
    let key = keys::chat_deleted(account);
    let json = serde_json::to_string(mark).map_err(AppError::internal)?;
    state.bus.set_add(&key, &json).await?;
    state.bus.expire(&key, DELETION_MARK_TTL).await?;
    Ok(())
}

/// The deletion marks of an account, by message id.
pub async fn deletion_marks(
    state: &AppState,
    account: Uuid,
) -> AppResult<std::collections::HashMap<Uuid, DeletionMark>> {
    Ok(state
        .bus
        .set_members(&keys::chat_deleted(account))
        .await?
        .iter()
        .filter_map(|j| serde_json::from_str::<DeletionMark>(j).ok())
        .map(|m| (m.id, m))
        .collect())
}

/// After a batch is committed: store the deletions of its messages that were marked while
/// they waited.
pub async fn apply_deletions(
    state: &AppState,
    account: Uuid,
    batch: &[ChatMessage],
) -> AppResult<()> {
    let marks = deletion_marks(state, account).await?;
    if marks.is_empty() {
        return Ok(());
    }
    let hits: Vec<_> = batch
        .iter()
        .filter_map(|m| marks.get(&m.id))
        .map(|d| (d.id, d.by.clone(), d.at))
        .collect();
    if !hits.is_empty() {
        state.db.mark_messages_deleted(account, &hits).await?;
    }
    Ok(())
}

/// The account's buffer and the lists claimed by flushers, with deletions applied.
pub async fn buffered(state: &AppState, account: Uuid) -> AppResult<Buffered> {
    let mut out = Buffered::default();
    let marks = deletion_marks(state, account).await?;
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
    if !marks.is_empty() {
        for m in out.waiting.iter_mut().chain(out.claimed.iter_mut()) {
            if let Some(d) = marks.get(&m.id) {
                m.deleted_at.get_or_insert(d.at);
                m.deleted_by.get_or_insert_with(|| d.by.clone());
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chat::model::ChatEvent;

    #[test]
    fn the_message_event_is_the_serialized_chat_event() {
        let input: crate::chat::model::ChatMessageInput =
            serde_json::from_value(serde_json::json!({
                "platform": "twitch", "channel_name": "c", "user_id": "1", "username": "u \"q\"",
                "message": "hi \\ \"there\"\n", "badges": ["vip/1"],
            }))
            .unwrap();
        let msg = crate::chat::service::validate(Uuid::now_v7(), &input).unwrap();
        let json = serde_json::to_string(&msg).unwrap();
        let fast: ChatEvent = serde_json::from_str(&message_event(&msg, &json)).unwrap();
        let want = ChatEvent::Message {
            cursor: msg.cursor(),
            message: msg.clone(),
        };
        assert_eq!(
            serde_json::to_value(&fast).unwrap(),
            serde_json::to_value(&want).unwrap()
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&message_event(&msg, &json)).unwrap(),
            serde_json::to_value(&want).unwrap()
        );
    }
}
