//! The flush worker: moves buffered messages into `platform_messages` in batches.
//!
//! At-least-once and idempotent. A flusher *claims* a batch by moving it atomically from
//! the account's buffer to a list of its own (`…:processing:{account}:{instance}`), stores it
//! in one transaction, and only then deletes its list. A flusher that dies between claim and
//! commit leaves its list behind; its heartbeat key expires and any other flusher (or itself
//! after a restart, under a new instance id) moves the orphaned list into its own and stores
//! it. Stores skip rows already present, so a replayed batch inserts nothing twice, and
//! several servers flushing the same Redis and database never lose or double a message.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use uuid::Uuid;

use super::model::{ChatMessage, DeadLetter};
use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Messages per batch, stored in one transaction. Large batches matter most for the
/// `platform_users` upsert: a chatter who talks several times in a batch is written once.
pub const BATCH: usize = 20_000;
/// Messages claimed per bus call while a batch is gathered: each claim is atomic on the bus,
/// and short enough not to hold up Redis for its other clients.
pub const CLAIM: usize = 2_000;
/// How often a flusher looks for work.
pub const INTERVAL: Duration = Duration::from_millis(200);
/// How long a flusher counts as alive after its last heartbeat.
pub const HEARTBEAT_TTL: Duration = Duration::from_secs(10);

/// Where a test can make a flush fail, to prove nothing is lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FailPoint {
    #[default]
    None,
    /// After claiming a batch, before storing it.
    AfterClaim,
    /// After storing a batch, before releasing the claim.
    AfterCommit,
}

/// A claimed batch: how many items it holds on the processing list, those that read, and
/// those that did not (dead-lettered as they are).
struct Claimed {
    claimed: usize,
    msgs: Vec<ChatMessage>,
    unreadable: Vec<String>,
}

/// Messages the database refused as duplicates since the process started, all flushers
/// together (see [`Flusher::duplicates`]).
static DUPLICATES_REFUSED: AtomicU64 = AtomicU64::new(0);

/// How many buffered messages every flusher of this process found already stored under
/// their platform message id (see [`Flusher::duplicates`]).
pub fn duplicates_refused() -> u64 {
    DUPLICATES_REFUSED.load(Ordering::Relaxed)
}

pub struct Flusher {
    state: AppState,
    pub instance: String,
    /// Messages per batch ([`BATCH`]; tests use small ones to see several batches).
    pub batch: usize,
    pub fail: FailPoint,
    /// Messages this flusher found already stored under their platform message id: copies
    /// that arrived after the dedup window (`LUMIO_DEDUP_WINDOW`), which the bus had
    /// forgotten and the database's unique index on `(account_id, platform,
    /// platform_message_id)` refused. They are dropped, never stored twice and never
    /// dead-lettered; each batch with some logs them at debug.
    pub duplicates: AtomicU64,
}

impl Flusher {
    pub fn new(state: AppState) -> Flusher {
        Flusher {
            state,
            instance: Uuid::now_v7().simple().to_string(),
            batch: BATCH,
            fail: FailPoint::None,
            duplicates: AtomicU64::new(0),
        }
    }

    pub async fn heartbeat(&self) -> AppResult<()> {
        self.state
            .bus
            .set(
                &keys::chat_flusher(&self.instance),
                "1",
                Some(HEARTBEAT_TTL),
            )
            .await?;
        Ok(())
    }

    /// One pass: recover orphaned claims, then flush every pending account. Returns how many
    /// new rows were stored. One account's failure never stops another's flush: each failure
    /// is logged with its cause, the other accounts are flushed, and the first failure is
    /// returned at the end (its messages stay claimed or buffered, for the next pass).
    pub async fn run_once(&self) -> AppResult<usize> {
        self.heartbeat().await?;
        let mut failed = None;
        if let Err(e) = self.recover_orphans().await {
            tracing::warn!(error = %e.detail(), "recovering orphaned flush batches failed");
            failed = Some(e);
        }
        let mut stored = 0;
        for account in self
            .state
            .bus
            .set_members(&keys::pending_chat_accounts())
            .await?
        {
            let Ok(account) = Uuid::try_parse(&account) else {
                self.state
                    .bus
                    .set_remove(&keys::pending_chat_accounts(), &account)
                    .await?;
                continue;
            };
            match self.flush_account(account).await {
                Ok(n) => stored += n,
                Err(e) => {
                    tracing::warn!(
                        %account,
                        error = %e.detail(),
                        "chat flush of an account failed; its messages stay buffered and are \
                         retried, the other accounts go on"
                    );
                    failed.get_or_insert(e);
                }
            }
        }
        match failed {
            None => Ok(stored),
            Some(e) => Err(e),
        }
    }

    /// Flush one account until its buffer is empty.
    pub async fn flush_account(&self, account: Uuid) -> AppResult<usize> {
        let bus = &self.state.bus;
        let mine = keys::chat_processing_of(account, &self.instance);
        bus.set_add(
            &keys::chat_processing_lists(),
            &format!("{account}|{}", self.instance),
        )
        .await?;
        // A batch claimed earlier and not released (a failed store) goes first, topped up
        // from the buffer.
        let leftover = bus.list_range(&mine, 0, -1).await?;
        let mut batch = self.claim(account, &mine, leftover).await?;
        let mut stored = 0;
        while batch.claimed > 0 {
            if self.fail == FailPoint::AfterClaim {
                return Err(AppError::Unavailable("injected failure after claim".into()));
            }
            // Store this batch while the next one is claimed and read: the database and the
            // bus work at the same time. Both stay claimed until each is stored.
            let (n, next) = tokio::join!(
                self.store(account, &batch),
                self.claim(account, &mine, Vec::new())
            );
            stored += n?;
            super::buffer::apply_deletions(&self.state, account, &batch.msgs).await?;
            if self.fail == FailPoint::AfterCommit {
                return Err(AppError::Unavailable(
                    "injected failure after commit".into(),
                ));
            }
            // Release this batch: the head of the list, before the next one.
            bus.list_trim(&mine, batch.claimed as isize, -1).await?;
            batch = next?;
        }
        // No longer pending — unless a message arrived meanwhile.
        let pending = keys::pending_chat_accounts();
        bus.set_remove(&pending, &account.to_string()).await?;
        if bus.list_len(&keys::chat_buffer(account)).await? > 0 {
            bus.set_add(&pending, &account.to_string()).await?;
        }
        Ok(stored)
    }

    /// Store a claimed batch; returns how many rows were new. When the database refuses the
    /// batch's data (not when it is unreachable: see [`crate::store::is_refusal`]), the
    /// batch is split in halves, and halves of the halves, until the refused rows are found:
    /// those are dead-lettered with the database's error, every other row is stored. Items
    /// that are not readable messages are dead-lettered as they are.
    async fn store(&self, account: Uuid, batch: &Claimed) -> AppResult<usize> {
        let db = &self.state.db;
        let now = crate::store::now();
        let mut dead: Vec<DeadLetter> = batch
            .unreadable
            .iter()
            .map(|raw| DeadLetter {
                id: content_id(raw),
                account_id: account,
                payload: raw.clone(),
                error: match serde_json::from_str::<ChatMessage>(raw) {
                    Err(e) => format!("not a readable chat message: {e}"),
                    Ok(_) => "not a readable chat message".into(),
                },
                attempts: 1,
                created_at: now,
                updated_at: now,
            })
            .collect();
        let mut stored = 0;
        // Slices known to be refused, with the error; split until single rows.
        let mut refused: Vec<(&[ChatMessage], sqlx::Error)> = Vec::new();
        match db.chat().insert_messages(&batch.msgs).await {
            Ok(n) => stored += n,
            Err(e) if crate::store::is_refusal(&e) => {
                tracing::warn!(
                    %account,
                    rows = batch.msgs.len(),
                    error = %crate::store::error_text(&e),
                    "the database refused a flush batch; splitting it to find the rows it refuses"
                );
                refused.push((&batch.msgs, e));
            }
            Err(e) => return Err(flush_error(e)),
        }
        while let Some((rows, e)) = refused.pop() {
            if let [row] = rows {
                let error = crate::store::error_text(&e);
                tracing::debug!(%account, message = %row.id, error = %error, "dead-lettered");
                dead.push(DeadLetter {
                    id: row.id,
                    account_id: account,
                    payload: serde_json::to_string(row).map_err(AppError::internal)?,
                    error,
                    attempts: 1,
                    created_at: now,
                    updated_at: now,
                });
                continue;
            }
            let (a, b) = rows.split_at(rows.len() / 2);
            for half in [b, a] {
                match db.chat().insert_messages(half).await {
                    Ok(n) => stored += n,
                    Err(e) if crate::store::is_refusal(&e) => refused.push((half, e)),
                    Err(e) => return Err(flush_error(e)),
                }
            }
        }
        let dead_rows = dead.len() - batch.unreadable.len();
        if stored + dead_rows < batch.msgs.len() {
            self.count_duplicates(account, batch, &dead).await?;
        }
        if !dead.is_empty() {
            db.chat()
                .insert_dead_letters(&dead)
                .await
                .map_err(flush_error)?;
            // One line a batch (a batch the database refuses whole would otherwise log one
            // line per row), with its distinct errors.
            let mut errors: Vec<&str> = dead.iter().map(|d| d.error.as_str()).collect();
            errors.sort_unstable();
            errors.dedup();
            let shown = errors.len().min(3);
            tracing::error!(
                %account,
                rows = dead.len(),
                first = %dead[0].id,
                errors = %errors[..shown].join(" | "),
                more_errors = errors.len() - shown,
                "the database refused chat messages; they are dead-lettered \
                 (lumio-server deadletter list), the rest of the batch is stored"
            );
        }
        Ok(stored)
    }

    /// Some rows of a stored batch were not new: either already stored under their own id
    /// (a batch replayed after a crash) or refused by the unique index on the platform
    /// message id (a copy that came after the dedup window). The latter are counted and
    /// logged as duplicates.
    async fn count_duplicates(
        &self,
        account: Uuid,
        batch: &Claimed,
        dead: &[DeadLetter],
    ) -> AppResult<()> {
        let ids: Vec<Uuid> = batch.msgs.iter().map(|m| m.id).collect();
        let stored = self
            .state
            .db
            .chat()
            .stored_message_ids(&ids)
            .await
            .map_err(flush_error)?;
        let dead: std::collections::HashSet<Uuid> = dead.iter().map(|d| d.id).collect();
        let dups: Vec<&ChatMessage> = batch
            .msgs
            .iter()
            .filter(|m| m.platform_message_id.is_some())
            .filter(|m| !stored.contains(&m.id) && !dead.contains(&m.id))
            .collect();
        if dups.is_empty() {
            return Ok(());
        }
        let n = dups.len() as u64;
        self.duplicates.fetch_add(n, Ordering::Relaxed);
        DUPLICATES_REFUSED.fetch_add(n, Ordering::Relaxed);
        tracing::debug!(
            %account,
            duplicates = n,
            first = %dups[0].id,
            platform = %dups[0].platform,
            platform_message_id = dups[0].platform_message_id.as_deref().unwrap_or_default(),
            "chat messages already stored under their platform message id (redelivered \
             after the dedup window) were refused by the database and dropped"
        );
        Ok(())
    }

    /// Claim buffered messages onto `mine` after `batch` (already claimed) until it holds
    /// a full batch, and read them.
    async fn claim(&self, account: Uuid, mine: &str, mut batch: Vec<String>) -> AppResult<Claimed> {
        while batch.len() < self.batch {
            let moved = self
                .state
                .bus
                .list_move(
                    &keys::chat_buffer(account),
                    mine,
                    CLAIM.min(self.batch - batch.len()),
                )
                .await?;
            if moved.is_empty() {
                break;
            }
            batch.extend(moved);
        }
        let claimed = batch.len();
        let mut msgs = Vec::with_capacity(claimed);
        let mut unreadable = Vec::new();
        for item in batch {
            match serde_json::from_str(&item) {
                Ok(m) => msgs.push(m),
                Err(e) => {
                    tracing::error!(error = %e, %account, "an unreadable buffered item is dead-lettered");
                    unreadable.push(item);
                }
            }
        }
        Ok(Claimed {
            claimed,
            msgs,
            unreadable,
        })
    }

    /// Take over the claims of flushers whose heartbeat has expired: their lists move onto
    /// this instance's, and their accounts are marked pending, for [`Flusher::run_once`] to
    /// flush.
    pub async fn recover_orphans(&self) -> AppResult<()> {
        let bus = &self.state.bus;
        let registry = keys::chat_processing_lists();
        for entry in bus.set_members(&registry).await? {
            let Some((account, instance)) = entry.split_once('|') else {
                bus.set_remove(&registry, &entry).await?;
                continue;
            };
            if instance == self.instance || bus.exists(&keys::chat_flusher(instance)).await? {
                continue;
            }
            let Ok(account) = Uuid::try_parse(account) else {
                bus.set_remove(&registry, &entry).await?;
                continue;
            };
            let theirs = keys::chat_processing_of(account, instance);
            let mine = keys::chat_processing_of(account, &self.instance);
            bus.set_add(&registry, &format!("{account}|{}", self.instance))
                .await?;
            loop {
                let moved = bus.list_move(&theirs, &mine, BATCH).await?;
                if moved.is_empty() {
                    break;
                }
            }
            tracing::info!(%account, dead = instance, "recovering an orphaned flush batch");
            bus.set_add(&keys::pending_chat_accounts(), &account.to_string())
                .await?;
            bus.set_remove(&registry, &entry).await?;
        }
        Ok(())
    }

    /// Flush on an interval until `shutdown` fires, then flush once more (a `worker` span
    /// named `flush`).
    pub fn spawn(
        state: AppState,
        shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        crate::worker::spawn_worker("flush", INTERVAL, shutdown, Flusher::new(state))
    }
}

impl crate::worker::Periodic for Flusher {
    async fn pass(&self) {
        if let Err(e) = self.run_once().await {
            // Each account's failure was logged with its cause by run_once.
            tracing::debug!(error = %e.detail(), "chat flush pass failed; retrying");
        }
    }

    async fn stop(&self) {
        if let Err(e) = self.run_once().await {
            tracing::warn!(
                error = %e.detail(),
                "final chat flush failed; the buffer keeps the rest"
            );
        }
        let _ = self
            .state
            .bus
            .del(&keys::chat_flusher(&self.instance))
            .await;
    }
}

/// A flush's database error as an [`AppError`] that keeps the database's text.
fn flush_error(e: sqlx::Error) -> AppError {
    match AppError::from(e) {
        AppError::Internal(inner) => AppError::internal(inner.context("storing a flush batch")),
        other => other,
    }
}

/// A stable id for an unreadable buffered item (the same item dead-lettered twice, by a
/// batch replayed after a crash, is one row): the first 16 bytes of its SHA-256.
fn content_id(raw: &str) -> Uuid {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(raw.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Uuid::from_bytes(bytes)
}
