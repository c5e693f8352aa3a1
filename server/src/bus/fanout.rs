//! Local fan-out of channel messages to subscribers, shared by both bus implementations.

use std::collections::HashMap;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use futures::Stream;
use tokio::sync::mpsc;

use super::SUBSCRIBER_BUFFER;

type Senders = HashMap<String, Vec<(u64, mpsc::Sender<String>)>>;

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
    pub fn add(&self, channel: &str) -> (u64, mpsc::Receiver<String>, bool) {
        let (tx, rx) = mpsc::channel(SUBSCRIBER_BUFFER);
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut subs = self.lock();
        let list = subs.entry(channel.to_string()).or_default();
        let first = list.is_empty();
        list.push((id, tx));
        (id, rx, first)
    }

    /// Remove a subscriber; true when the channel has none left.
    pub fn remove(&self, channel: &str, id: u64) -> bool {
        let mut subs = self.lock();
        let Some(list) = subs.get_mut(channel) else {
            return false;
        };
        list.retain(|(i, _)| *i != id);
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
            for (_, tx) in list {
                if tx.try_send(payload.to_string()).is_err() {
                    self.dropped.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
    }
}

/// A subscriber's stream; dropping it runs `on_drop` (unregister, maybe unsubscribe).
pub struct SubStream {
    rx: mpsc::Receiver<String>,
    on_drop: Option<Box<dyn FnOnce() + Send>>,
}

impl SubStream {
    pub fn new(rx: mpsc::Receiver<String>, on_drop: Box<dyn FnOnce() + Send>) -> Self {
        SubStream {
            rx,
            on_drop: Some(on_drop),
        }
    }
}

impl Stream for SubStream {
    type Item = String;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<String>> {
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
