//! ChatBuffer: messages wait on the bus until the flush worker stores them.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use uuid::Uuid;

use super::model::{ChatFilter, ChatMessage};
use super::service;
use crate::bus::{keys, BusOp, PushOnce, PushOutcome};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Buffer a message unless its de-duplication key (`seen`: the key and how long it lives)
/// exists: append to the account's list, mark the account pending, publish the live event,
/// and set the key — one atomic step on the bus, so a key that exists always points at a
/// message that was buffered (and is now buffered, being flushed, stored or
/// dead-lettered). Answers the key's value (the first message's id) for a duplicate.
pub async fn push_once(
    state: &AppState,
    msg: &ChatMessage,
    seen: (String, std::time::Duration),
) -> AppResult<PushOutcome> {
    let json = serde_json::to_string(msg).map_err(AppError::internal)?;
    let account = msg.account_id;
    let event = message_event(msg, &json);
    let (key, ttl) = seen;
    Ok(state
        .bus
        .push_once(PushOnce {
            seen: Some((key, msg.id.to_string(), ttl)),
            list: keys::chat_buffer(account),
            item: json,
            set: keys::pending_chat_accounts(),
            member: account.to_string(),
            channel: keys::chat_events(account),
            payload: event,
        })
        .await?)
}

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

/// How far out of id order a buffered message may stand, in list positions. Ids are
/// time-ordered and given at ingest just before the push (nothing is awaited in between),
/// so the buffer is in id order but for pushes that overtake each other on their way to the
/// bus: a scan from the tail reads this many positions past the last one it needs, then
/// stops. (Servers whose clocks differ by more than this many messages' worth may show a
/// buffered message a page late; stored messages are paged by the database's index.)
pub const ORDER_SLACK: usize = 64;

/// The id of a buffered item without reading the rest: serialized messages begin with
/// `{"id":"…"`; anything else is read in full.
fn peek_id(item: &str) -> Option<Uuid> {
    if let Some(rest) = item.strip_prefix(r#"{"id":""#) {
        if let Some(id) = rest.get(..36).and_then(|s| Uuid::try_parse(s).ok()) {
            return Some(id);
        }
    }
    #[derive(serde::Deserialize)]
    struct Id {
        id: Uuid,
    }
    serde_json::from_str::<Id>(item).ok().map(|i| i.id)
}

/// The lists that hold an account's messages not known to be stored: its buffer (newest),
/// then the lists claimed by flushers.
async fn lists(state: &AppState, account: Uuid) -> AppResult<Vec<String>> {
    let mut out = vec![keys::chat_buffer(account)];
    let prefix = format!("{account}|");
    for entry in state
        .bus
        .set_members(&keys::chat_processing_lists())
        .await?
    {
        if let Some(instance) = entry.strip_prefix(&prefix) {
            out.push(keys::chat_processing_of(account, instance));
        }
    }
    Ok(out)
}

/// A read of one list from its tail (newest) towards its head, in chunks that double.
struct TailScan {
    list: String,
    chunk: usize,
    /// Items read so far (LRANGE index from the end).
    read: usize,
    done: bool,
    /// Ids read, newest first (for the bound on what is still unread).
    ids: Vec<Uuid>,
    /// The smallest id of `ids[..ids.len() - ORDER_SLACK]`, and how far that is computed.
    settled_min: Option<Uuid>,
    settled: usize,
}

impl TailScan {
    fn new(list: String, first_chunk: usize) -> TailScan {
        TailScan {
            list,
            chunk: first_chunk.max(64),
            read: 0,
            done: false,
            ids: Vec::new(),
            settled_min: None,
            settled: 0,
        }
    }

    /// The next chunk, newest first, as (id, item); None once the head was reached.
    async fn next(&mut self, state: &AppState) -> AppResult<Option<Vec<(Uuid, String)>>> {
        if self.done {
            return Ok(None);
        }
        let stop = -(self.read as isize) - 1;
        let start = stop - self.chunk as isize + 1;
        let mut items = state.bus.list_range(&self.list, start, stop).await?;
        if items.len() < self.chunk {
            self.done = true;
        }
        self.read += items.len();
        self.chunk = (self.chunk * 2).min(16_384);
        items.reverse();
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match peek_id(&item) {
                Some(id) => {
                    self.ids.push(id);
                    out.push((id, item));
                }
                None => tracing::warn!(list = %self.list, "unreadable buffered item skipped"),
            }
        }
        while self.settled + ORDER_SLACK < self.ids.len() {
            let id = self.ids[self.settled];
            self.settled_min = Some(self.settled_min.map_or(id, |m| m.min(id)));
            self.settled += 1;
        }
        Ok(if out.is_empty() && self.done {
            None
        } else {
            Some(out)
        })
    }

    /// Every item not read yet has a smaller id than this (None: nothing known yet). An
    /// item is never more than [`ORDER_SLACK`] positions out of id order, so anything older
    /// than the slack behind an item read is older than it.
    fn unread_below(&self) -> Option<Uuid> {
        if self.done {
            return Some(Uuid::nil());
        }
        self.settled_min
    }
}

fn read_message(raw: &str, marks: &HashMap<Uuid, DeletionMark>) -> Option<ChatMessage> {
    match serde_json::from_str::<ChatMessage>(raw) {
        Ok(mut m) => {
            if let Some(d) = marks.get(&m.id) {
                m.deleted_at.get_or_insert(d.at);
                m.deleted_by.get_or_insert_with(|| d.by.clone());
            }
            Some(m)
        }
        Err(e) => {
            tracing::warn!(error = %e, "unreadable buffered message skipped");
            None
        }
    }
}

/// Buffered (and claimed) messages below `before` that match the filter, newest first:
/// the newest `need` of them (fewer when there are fewer). Reads each list from its tail
/// only as far as the page needs (plus [`ORDER_SLACK`]), never the whole buffer for an
/// unfiltered page.
pub async fn page(
    state: &AppState,
    account: Uuid,
    filter: &ChatFilter,
    before: Option<Uuid>,
    need: usize,
) -> AppResult<Vec<ChatMessage>> {
    let marks = deletion_marks(state, account).await?;
    // The `need` newest matching ids so far (a min-heap: its top is the threshold).
    let mut top: BinaryHeap<Reverse<Uuid>> = BinaryHeap::with_capacity(need + 1);
    let mut found: HashMap<Uuid, ChatMessage> = HashMap::new();
    let threshold = |top: &BinaryHeap<Reverse<Uuid>>| {
        (top.len() >= need)
            .then(|| top.peek().map(|r| r.0))
            .flatten()
    };
    for list in lists(state, account).await? {
        let mut scan = TailScan::new(list, need + ORDER_SLACK);
        while let Some(items) = scan.next(state).await? {
            for (id, raw) in items {
                if before.is_some_and(|b| id >= b)
                    || threshold(&top).is_some_and(|t| id <= t)
                    || found.contains_key(&id)
                {
                    continue;
                }
                let Some(m) = read_message(&raw, &marks) else {
                    continue;
                };
                if !service::matches(filter, &m) {
                    continue;
                }
                top.push(Reverse(id));
                if top.len() > need {
                    if let Some(Reverse(out)) = top.pop() {
                        found.remove(&out);
                    }
                }
                found.insert(id, m);
            }
            if let (Some(t), Some(below)) = (threshold(&top), scan.unread_below()) {
                if below < t {
                    break;
                }
            }
        }
    }
    let mut out: Vec<ChatMessage> = found.into_values().collect();
    out.sort_by_key(|m| Reverse(m.id));
    Ok(out)
}

/// Buffered (and claimed) messages after `after`, oldest first, at most `limit`: what a
/// client resuming from a cursor missed. Each list is read from its tail back to `after`.
pub async fn after(
    state: &AppState,
    account: Uuid,
    after: Uuid,
    limit: usize,
) -> AppResult<Vec<ChatMessage>> {
    let marks = deletion_marks(state, account).await?;
    let mut found: HashMap<Uuid, ChatMessage> = HashMap::new();
    for list in lists(state, account).await? {
        let mut scan = TailScan::new(list, limit + ORDER_SLACK);
        while let Some(items) = scan.next(state).await? {
            for (id, raw) in items {
                if id <= after || found.contains_key(&id) {
                    continue;
                }
                if let Some(m) = read_message(&raw, &marks) {
                    found.insert(id, m);
                }
            }
            if scan.unread_below().is_some_and(|below| below <= after) {
                break;
            }
        }
    }
    let mut out: Vec<ChatMessage> = found.into_values().collect();
    out.sort_by_key(|m| m.id);
    out.truncate(limit);
    Ok(out)
}

/// One buffered (or claimed) message, with its deletion state; each list is read from its
/// tail only back to where the id would be.
pub async fn find(state: &AppState, account: Uuid, id: Uuid) -> AppResult<Option<ChatMessage>> {
    let marks = deletion_marks(state, account).await?;
    for list in lists(state, account).await? {
        let mut scan = TailScan::new(list, ORDER_SLACK);
        while let Some(items) = scan.next(state).await? {
            if let Some((_, raw)) = items.iter().find(|(i, _)| *i == id) {
                return Ok(read_message(raw, &marks));
            }
            if scan.unread_below().is_some_and(|below| below < id) {
                break;
            }
        }
    }
    Ok(None)
}

/// How many messages of the account match the filter: stored, buffered and claimed, each
/// once. Without a filter the buffer is not read — its length is — only the claimed lists'
/// ids (checked against the database in the same snapshot as the stored count) and the
/// deletion marks. With a filter every buffered message is read.
///
/// A message moves buffer → claimed list → database while this counts. The bus is read
/// first and the database second, in one snapshot, so a claimed message is counted in
/// exactly one of the two. A message claimed from the buffer *and* committed between the
/// two reads would be counted twice: the buffer's head is read before and after, and when a
/// claim happened meanwhile (the head changed) the count is taken again (up to three times).
pub async fn count_all(state: &AppState, account: Uuid, filter: &ChatFilter) -> AppResult<i64> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        let head = state
            .bus
            .list_range(&keys::chat_buffer(account), 0, 0)
            .await?;
        let n = count_once(state, account, filter).await?;
        let after = state
            .bus
            .list_range(&keys::chat_buffer(account), 0, 0)
            .await?;
        if head == after || attempt == 3 {
            return Ok(n);
        }
    }
}

async fn count_once(state: &AppState, account: Uuid, filter: &ChatFilter) -> AppResult<i64> {
    let unfiltered = filter.platforms.is_empty()
        && filter.user.is_none()
        && filter.contains.is_none()
        && filter.from.is_none()
        && filter.to.is_none();
    let marks = deletion_marks(state, account).await?;
    let all = lists(state, account).await?;
    let (buffer, claimed_lists) = all.split_at(1);
    // The buffer first, the claimed lists second: a message claimed in between is seen
    // twice (once counted), never missed.
    let mut n: i64 = 0;
    let mut seen: HashSet<Uuid> = HashSet::new();
    if unfiltered {
        n += state.bus.list_len(&buffer[0]).await? as i64;
    } else {
        for raw in state.bus.list_range(&buffer[0], 0, -1).await? {
            if let Some(m) = read_message(&raw, &marks) {
                if seen.insert(m.id) && service::matches(filter, &m) {
                    n += 1;
                }
            }
        }
    }
    let mut claimed: Vec<(Uuid, String)> = Vec::new();
    for list in claimed_lists {
        for item in state.bus.list_range(list, 0, -1).await? {
            if let Some(id) = peek_id(&item) {
                claimed.push((id, item));
            }
        }
    }
    let mut ask: Vec<Uuid> = claimed.iter().map(|(id, _)| *id).collect();
    if unfiltered && !filter.include_deleted {
        ask.extend(marks.keys().copied());
    }
    // Claimed messages may have been committed a moment ago: those are in the stored count.
    let (stored_count, stored) = state
        .db
        .chat()
        .count_and_stored(account, filter, &ask)
        .await?;
    n += stored_count;
    for (id, raw) in &claimed {
        if stored.contains(id) || !seen.insert(*id) {
            continue;
        }
        if unfiltered {
            n += 1;
        } else if let Some(m) = read_message(raw, &marks) {
            n += i64::from(service::matches(filter, &m));
        }
    }
    if unfiltered && !filter.include_deleted {
        // Marked messages not stored are buffered or claimed, and counted above.
        n -= marks.keys().filter(|id| !stored.contains(id)).count() as i64;
    }
    Ok(n.max(0))
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

/// Take a mark back (a delete whose database transaction failed).
pub async fn unmark_deleted(state: &AppState, account: Uuid, mark: &DeletionMark) -> AppResult<()> {
    let json = serde_json::to_string(mark).map_err(AppError::internal)?;
    state
        .bus
        .set_remove(&keys::chat_deleted(account), &json)
        .await?;
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
        state
            .db
            .chat()
            .mark_messages_deleted(account, &hits)
            .await?;
    }
    Ok(())
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
