//! The flush worker: moves buffered messages into `platform_messages` in batches.
//!
//! At-least-once and idempotent. A flusher *claims* a batch by moving it atomically from
//! the account's buffer to a list of its own (`…:processing:{account}:{instance}`), stores it
//! in one transaction, and only then deletes its list. A flusher that dies between claim and
//! commit leaves its list behind; its heartbeat key expires and any other flusher (or itself
//! after a restart, under a new instance id) moves the orphaned list into its own and stores
//! it. Stores skip rows already present, so a replayed batch inserts nothing twice, and
//! several servers flushing the same Redis and database never lose or double a message.

use std::time::Duration;

use uuid::Uuid;

use super::model::ChatMessage;
use crate::app::AppState;
use crate::bus::keys;
use crate::error::{AppError, AppResult};

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

/// A claimed batch: how many items it holds on the processing list, and those that read.
struct Claimed {
    claimed: usize,
    msgs: Vec<ChatMessage>,
}

pub struct Flusher {
    state: AppState,
    pub instance: String,
    /// Messages per batch ([`BATCH`]; tests use small ones to see several batches).
    pub batch: usize,
    pub fail: FailPoint,
}

impl Flusher {
    pub fn new(state: AppState) -> Flusher {
        Flusher {
            state,
            instance: Uuid::now_v7().simple().to_string(),
            batch: BATCH,
            fail: FailPoint::None,
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

    /// One pass: recover orphaned claims, then flush every pending account.
    /// Returns how many new rows were stored.
    pub async fn run_once(&self) -> AppResult<usize> {
        self.heartbeat().await?;
        let mut stored = self.recover_orphans().await?;
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
            stored += self.flush_account(account).await?;
        }
        Ok(stored)
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
                self.state.db.insert_messages(&batch.msgs),
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
        let msgs = batch
            .iter()
            .filter_map(|item| match serde_json::from_str(item) {
                Ok(m) => Some(m),
                Err(e) => {
                    tracing::error!(error = %e, "dropping an unreadable buffered message");
                    None
                }
            })
            .collect();
        Ok(Claimed {
            claimed: batch.len(),
            msgs,
        })
    }

    /// Take over the claims of flushers whose heartbeat has expired.
    pub async fn recover_orphans(&self) -> AppResult<usize> {
        let bus = &self.state.bus;
        let registry = keys::chat_processing_lists();
        let mut stored = 0;
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
            stored += self.flush_account(account).await?;
            bus.set_remove(&registry, &entry).await?;
        }
        Ok(stored)
    }

    /// Flush on an interval until `shutdown` fires, then flush once more.
    pub fn spawn(
        state: AppState,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let flusher = Flusher::new(state);
            loop {
                if let Err(e) = flusher.run_once().await {
                    tracing::warn!(error = %e, "chat flush failed; retrying");
                }
                tokio::select! {
                    _ = tokio::time::sleep(INTERVAL) => {}
                    _ = shutdown.changed() => break,
                }
            }
            if let Err(e) = flusher.run_once().await {
                tracing::warn!(error = %e, "final chat flush failed; the buffer keeps the rest");
            }
            let _ = flusher
                .state
                .bus
                .del(&keys::chat_flusher(&flusher.instance))
                .await;
        })
    }
}
