//! The in-process bus's keyspace: typed values with their deadlines, the deadline index and
//! the expiry thread that walks it.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant};

use super::super::{ttl_millis, BusError, BusResult};

pub(super) enum Value {
    Str(String),
    List(VecDeque<String>),
    Set(BTreeSet<String>),
    ZSet(HashMap<String, f64>),
}

pub(super) struct Entry {
    pub(super) value: Value,
    pub(super) expires: Option<Instant>,
}

/// How often the expiry thread removes keys whose TTL has passed.
pub const EXPIRE_EVERY: Duration = Duration::from_millis(100);
/// Most expired keys removed under one hold of the lock (the thread takes the lock again
/// until none are due, so that other callers wait at most one such step).
const EXPIRE_STEP: usize = 5_000;
/// Expired keys a caller removes on its way in, before its own command (a cheap share of
/// the work, as Redis does on access).
pub(super) const EXPIRE_ON_ACCESS: usize = 8;

#[derive(Default)]
pub(super) struct Data {
    pub(super) map: HashMap<Arc<str>, Entry>,
    /// Every key with a TTL, by deadline (the same `Arc` as the map's key): expiry walks
    /// its front, so memory falls back once a TTL passes whether or not the key is read.
    expiry: BTreeSet<(Instant, Arc<str>)>,
}

impl Data {
    /// The live entry of a key (an expired one is removed first).
    pub(super) fn live(&mut self, key: &str) -> Option<&mut Entry> {
        let expired = self
            .map
            .get(key)
            .is_some_and(|e| e.expires.is_some_and(|t| t <= Instant::now()));
        if expired {
            self.remove(key);
        }
        self.map.get_mut(key)
    }

    /// Store an entry under a key, replacing (and un-indexing) what was there.
    pub(super) fn insert(&mut self, key: String, entry: Entry) {
        let key: Arc<str> = Arc::from(key);
        if let Some(at) = entry.expires {
            self.expiry.insert((at, key.clone()));
        }
        if let Some(old) = self.map.insert(key.clone(), entry) {
            if let Some(at) = old.expires {
                self.expiry.remove(&(at, key));
            }
        }
    }

    pub(super) fn remove(&mut self, key: &str) -> Option<Entry> {
        let (k, e) = self.map.remove_entry(key)?;
        if let Some(at) = e.expires {
            self.expiry.remove(&(at, k));
        }
        Some(e)
    }

    /// Give an existing key a new deadline (None: persistent).
    pub(super) fn set_expiry(&mut self, key: &str, at: Option<Instant>) {
        let Some((k, e)) = self.map.get_key_value(key) else {
            return;
        };
        let (k, old) = (k.clone(), e.expires);
        if let Some(e) = self.map.get_mut(key) {
            e.expires = at;
        }
        if let Some(old) = old {
            self.expiry.remove(&(old, k.clone()));
        }
        if let Some(at) = at {
            self.expiry.insert((at, k));
        }
    }

    /// Remove up to `max` keys whose deadline has passed, earliest first; how many.
    pub(super) fn expire_due(&mut self, now: Instant, max: usize) -> usize {
        let mut n = 0;
        while n < max {
            match self.expiry.first() {
                Some((at, _)) if *at <= now => {}
                _ => break,
            }
            if let Some((_, key)) = self.expiry.pop_first() {
                self.map.remove(&key);
                n += 1;
            }
        }
        n
    }

    /// Give memory back once the map holds far fewer keys than it has room for.
    fn shrink(&mut self) {
        let (len, cap) = (self.map.len(), self.map.capacity());
        if cap > 1024 && len * 4 < cap {
            self.map.shrink_to(len * 2);
        }
    }
}

/// When a key with this TTL expires (millisecond precision, as on Redis).
pub(super) fn deadline(ttl: Duration) -> BusResult<Instant> {
    Instant::now()
        .checked_add(Duration::from_millis(ttl_millis(ttl)))
        .ok_or_else(|| BusError::Other(format!("invalid expire time {ttl:?}")))
}

/// Parse a counter the way Redis does: a canonical 64-bit integer, nothing else.
pub(super) fn parse_counter(key: &str, s: &str) -> BusResult<i64> {
    match s.parse::<i64>() {
        Ok(n) if n.to_string() == s => Ok(n),
        _ => Err(BusError::Other(format!(
            "value of '{key}' is not an integer or out of range"
        ))),
    }
}

pub(super) fn wrong_type(key: &str) -> BusError {
    BusError::Other(format!(
        "WRONGTYPE operation against key '{key}' holding the wrong kind of value"
    ))
}

pub(super) fn lock(data: &Mutex<Data>) -> MutexGuard<'_, Data> {
    match data.lock() {
        Ok(d) => d,
        Err(p) => p.into_inner(),
    }
}

/// The active expiry: every [`EXPIRE_EVERY`], remove the keys whose TTL has passed (in steps
/// of [`EXPIRE_STEP`], letting other callers in between) and give memory back. A thread,
/// not a task, so that it works whatever runtime (or none) the bus is used from; it ends
/// once the bus is dropped.
pub(super) fn spawn_expiry(data: Weak<Mutex<Data>>) {
    let run = move || loop {
        std::thread::sleep(EXPIRE_EVERY);
        let Some(data) = data.upgrade() else { return };
        while lock(&data).expire_due(Instant::now(), EXPIRE_STEP) == EXPIRE_STEP {}
        lock(&data).shrink();
    };
    if let Err(e) = std::thread::Builder::new()
        .name("lumio-bus-expiry".into())
        .spawn(run)
    {
        // Keys still expire when read and on every access's share; only idle memory stays.
        tracing::warn!(error = %e, "the in-process bus could not start its expiry thread");
    }
}
