//! Local fan-out of channel messages to subscribers, shared by both bus implementations.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use futures::Stream;
use tokio::sync::mpsc;

use super::SUBSCRIBER_BUFFER;

/// A subscriber: its id, its queue, and whether it missed messages because it was full.
type Sender = (u64, mpsc::Sender<String>, Arc<AtomicBool>);
type Senders = HashMap<String, Vec<Sender>>;

#[derive(Default)]
pub struct Fanout {
    subs: Mutex<Senders>,
    next_id: AtomicU64,
    /// Messages dropped because a subscriber's buffer was full.
    pub dropped: AtomicU64,
}

impl Fanout {
    fn lock(&self) -> std::sync::MutexGuard<'_, Senders> {
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
        list.push((id, tx, lagged.clone()));
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
        list.retain(|(i, _, _)| *i != id);
        if list.is_empty() {
            subs.remove(channel);
            true
        } else {
            false
        }
    }

    pub fn channels(&self) -> Vec<String> {
        self.lock().keys().cloned().collect()
    }

    /// Hand a message to every subscriber of the channel without waiting.
    pub fn deliver(&self, channel: &str, payload: &str) {
        let subs = self.lock();
        if let Some(list) = subs.get(channel) {
            for (_, tx, lagged) in list {
                if tx.try_send(payload.to_string()).is_err() {
                    lagged.store(true, Ordering::Relaxed);
                    self.dropped.fetch_add(1, Ordering::Relaxed);
                }
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

pub type SharedFanout = Arc<Fanout>;
