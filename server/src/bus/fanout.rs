//! Local fan-out of channel messages to subscribers, shared by both bus implementations.
//!
//! Every subscriber has its own bounded queue of [`SUBSCRIBER_BUFFER`] messages. Delivery
//! never waits: when a subscriber's queue is full the message is dropped for that subscriber
//! only, counted in [`Fanout::dropped`], and the subscriber's stream yields
//! [`LAGGED`](super::LAGGED) before its next message so it knows to re-sync. A slow
//! subscriber therefore neither blocks the publisher nor makes memory grow without bound.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll};

use futures::Stream;
use tokio::sync::mpsc;

use super::SUBSCRIBER_BUFFER;

/// A subscriber: its id, its queue, and whether it missed messages.
struct Sender {
    id: u64,
    tx: mpsc::Sender<String>,
    lagged: Arc<AtomicBool>,
}

type Senders = HashMap<String, Vec<Sender>>;

#[derive(Default)]
pub struct Fanout {
    subs: Mutex<Senders>,
    next_id: AtomicU64,
    /// Messages dropped because a subscriber's queue was full.
    pub dropped: AtomicU64,
}

impl Fanout {
    fn lock(&self) -> MutexGuard<'_, Senders> {
        match self.subs.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }

    /// Register a subscriber; also says whether it is the channel's first.
    pub fn add(&self, channel: &str) -> Registered {
        let (tx, rx) = mpsc::channel(SUBSCRIBER_BUFFER);
        let lagged = Arc::new(AtomicBool::new(false));
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut subs = self.lock();
        let list = subs.entry(channel.to_string()).or_default();
        let first = list.is_empty();
        list.push(Sender {
            id,
            tx,
            lagged: lagged.clone(),
        });
        Registered {
            id,
            rx,
            lagged,
            first,
        }
    }

    /// Remove a subscriber; true when the channel has none left.
    pub fn remove(&self, channel: &str, id: u64) -> bool {
        let mut subs = self.lock();
        let Some(list) = subs.get_mut(channel) else {
            return false;
        };
        list.retain(|s| s.id != id);
        if list.is_empty() {
            subs.remove(channel);
            true
        } else {
            false
        }
    }

    /// Channels with at least one subscriber.
    pub fn channels(&self) -> Vec<String> {
        self.lock().keys().cloned().collect()
    }

    /// How many subscribers a channel has.
    pub fn subscribers(&self, channel: &str) -> usize {
        self.lock().get(channel).map_or(0, Vec::len)
    }

    /// Hand a message to every subscriber of the channel without waiting; a subscriber whose
    /// queue is full loses this message and is marked lagged.
    pub fn deliver(&self, channel: &str, payload: &str) {
        let subs = self.lock();
        if let Some(list) = subs.get(channel) {
            for s in list {
                if s.tx.try_send(payload.to_string()).is_err() {
                    s.lagged.store(true, Ordering::Relaxed);
                    self.dropped.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
    }

    /// Mark every current subscriber lagged (messages may have been lost, e.g. while the
    /// Redis pub/sub connection was down).
    pub fn lag_all(&self) {
        for list in self.lock().values() {
            for s in list {
                s.lagged.store(true, Ordering::Relaxed);
            }
        }
    }
}

pub struct Registered {
    pub id: u64,
    pub rx: mpsc::Receiver<String>,
    pub lagged: Arc<AtomicBool>,
    pub first: bool,
}

/// A subscriber's stream; dropping it runs `on_drop` (unregister, maybe unsubscribe).
pub struct SubStream {
    rx: mpsc::Receiver<String>,
    lagged: Arc<AtomicBool>,
    on_drop: Option<Box<dyn FnOnce() + Send>>,
}

impl SubStream {
    pub fn new(reg: Registered, on_drop: Box<dyn FnOnce() + Send>) -> Self {
        SubStream {
            rx: reg.rx,
            lagged: reg.lagged,
            on_drop: Some(on_drop),
        }
    }
}

impl Stream for SubStream {
    type Item = String;
    /// Messages in order; [`LAGGED`](super::LAGGED) as soon as some were dropped because
    /// this subscriber fell behind.
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<String>> {
        if self.lagged.swap(false, Ordering::Relaxed) {
            return Poll::Ready(Some(super::LAGGED.to_string()));
        }
        self.rx.poll_recv(cx)
    }
}

impl Drop for SubStream {
    fn drop(&mut self) {
        if let Some(f) = self.on_drop.take() {
            f();
        }
    }
}
