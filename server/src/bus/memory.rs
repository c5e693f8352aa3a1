//! The in-process bus: the same semantics as Redis, for a server run alone and for tests.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant};

use super::fanout::{Fanout, SubStream};
use super::{
    list_bounds, ttl_millis, Bus, BusError, BusResult, PushOnce, PushOutcome, Subscription, Ttl,
};

enum Value {
    Str(String),
    List(VecDeque<String>),
    Set(BTreeSet<String>),
    ZSet(HashMap<String, f64>),
}

struct Entry {
    value: Value,
    expires: Option<Instant>,
}

/// How often the expiry thread removes keys whose TTL has passed.
pub const EXPIRE_EVERY: Duration = Duration::from_millis(100);
/// Most expired keys removed under one hold of the lock (the thread takes the lock again
/// until none are due, so that other callers wait at most one such step).
const EXPIRE_STEP: usize = 5_000;
/// Expired keys a caller removes on its way in, before its own command (a cheap share of
/// the work, as Redis does on access).
const EXPIRE_ON_ACCESS: usize = 8;

#[derive(Default)]
struct Data {
    map: HashMap<Arc<str>, Entry>,
    /// Every key with a TTL, by deadline (the same `Arc` as the map's key): expiry walks
    /// its front, so memory falls back once a TTL passes whether or not the key is read.
    expiry: BTreeSet<(Instant, Arc<str>)>,
}

impl Data {
    /// The live entry of a key (an expired one is removed first).
    fn live(&mut self, key: &str) -> Option<&mut Entry> {
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
    fn insert(&mut self, key: String, entry: Entry) {
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

    fn remove(&mut self, key: &str) -> Option<Entry> {
        let (k, e) = self.map.remove_entry(key)?;
        if let Some(at) = e.expires {
            self.expiry.remove(&(at, k));
        }
        Some(e)
    }

    /// Give an existing key a new deadline (None: persistent).
    fn set_expiry(&mut self, key: &str, at: Option<Instant>) {
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
    fn expire_due(&mut self, now: Instant, max: usize) -> usize {
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
fn deadline(ttl: Duration) -> BusResult<Instant> {
    Instant::now()
        .checked_add(Duration::from_millis(ttl_millis(ttl)))
        .ok_or_else(|| BusError::Other(format!("invalid expire time {ttl:?}")))
}

/// Parse a counter the way Redis does: a canonical 64-bit integer, nothing else.
fn parse_counter(key: &str, s: &str) -> BusResult<i64> {
    match s.parse::<i64>() {
        Ok(n) if n.to_string() == s => Ok(n),
        _ => Err(BusError::Other(format!(
            "value of '{key}' is not an integer or out of range"
        ))),
    }
}

fn wrong_type(key: &str) -> BusError {
    BusError::Other(format!(
        "WRONGTYPE operation against key '{key}' holding the wrong kind of value"
    ))
}

pub struct MemoryBus {
    prefix: String,
    data: Arc<Mutex<Data>>,
    fanout: Arc<Fanout>,
}

fn lock(data: &Mutex<Data>) -> MutexGuard<'_, Data> {
    match data.lock() {
        Ok(d) => d,
        Err(p) => p.into_inner(),
    }
}

/// The active expiry: every [`EXPIRE_EVERY`], remove the keys whose TTL has passed (in steps
/// of [`EXPIRE_STEP`], letting other callers in between) and give memory back. A thread,
/// not a task, so that it works whatever runtime (or none) the bus is used from; it ends
/// once the bus is dropped.
fn spawn_expiry(data: Weak<Mutex<Data>>) {
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

impl MemoryBus {
    pub fn new(prefix: &str) -> MemoryBus {
        let data = Arc::new(Mutex::new(Data::default()));
        spawn_expiry(Arc::downgrade(&data));
        MemoryBus {
            prefix: prefix.to_string(),
            data,
            fanout: Arc::new(Fanout::default()),
        }
    }

    fn k(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    fn data(&self) -> MutexGuard<'_, Data> {
        let mut d = lock(&self.data);
        d.expire_due(Instant::now(), EXPIRE_ON_ACCESS);
        d
    }

    /// How many keys the bus holds right now, expired ones not yet removed included (it
    /// removes none itself): what the active expiry has left.
    pub fn keys_held(&self) -> usize {
        lock(&self.data).map.len()
    }

    /// How many live subscriptions a channel has (dropped ones are gone at once).
    pub fn subscribers(&self, channel: &str) -> usize {
        self.fanout.subscribers(&self.k(channel))
    }

    fn with_list<T>(
        &self,
        key: &str,
        create: bool,
        f: impl FnOnce(&mut VecDeque<String>) -> T,
    ) -> BusResult<Option<T>> {
        let k = self.k(key);
        let mut d = self.data();
        if d.live(&k).is_none() {
            if !create {
                return Ok(None);
            }
            d.insert(
                k.clone(),
                Entry {
                    value: Value::List(VecDeque::new()),
                    expires: None,
                },
            );
        }
        let Some(entry) = d.map.get_mut(k.as_str()) else {
            return Ok(None);
        };
        let Value::List(list) = &mut entry.value else {
            return Err(wrong_type(key));
        };
        let out = f(list);
        if list.is_empty() {
            d.remove(&k);
        }
        Ok(Some(out))
    }

    fn with_set<T>(
        &self,
        key: &str,
        create: bool,
        f: impl FnOnce(&mut BTreeSet<String>) -> T,
    ) -> BusResult<Option<T>> {
        let k = self.k(key);
        let mut d = self.data();
        if d.live(&k).is_none() {
            if !create {
                return Ok(None);
            }
            d.insert(
                k.clone(),
                Entry {
                    value: Value::Set(BTreeSet::new()),
                    expires: None,
                },
            );
        }
        let Some(entry) = d.map.get_mut(k.as_str()) else {
            return Ok(None);
        };
        let Value::Set(set) = &mut entry.value else {
            return Err(wrong_type(key));
        };
        let out = f(set);
        if set.is_empty() {
            d.remove(&k);
        }
        Ok(Some(out))
    }

    fn with_zset<T>(
        &self,
        key: &str,
        create: bool,
        f: impl FnOnce(&mut HashMap<String, f64>) -> T,
    ) -> BusResult<Option<T>> {
        let k = self.k(key);
        let mut d = self.data();
        if d.live(&k).is_none() {
            if !create {
                return Ok(None);
            }
            d.insert(
                k.clone(),
                Entry {
                    value: Value::ZSet(HashMap::new()),
                    expires: None,
                },
            );
        }
        let Some(entry) = d.map.get_mut(k.as_str()) else {
            return Ok(None);
        };
        let Value::ZSet(z) = &mut entry.value else {
            return Err(wrong_type(key));
        };
        let out = f(z);
        if z.is_empty() {
            d.remove(&k);
        }
        Ok(Some(out))
    }
}

#[async_trait::async_trait]
impl Bus for MemoryBus {
    fn backend(&self) -> &'static str {
        "memory"
    }

    async fn ping(&self) -> BusResult<()> {
        Ok(())
    }

    fn dropped_messages(&self) -> u64 {
        self.fanout.dropped.load(Ordering::Relaxed)
    }

    async fn publish(&self, channel: &str, payload: &str) -> BusResult<()> {
        self.fanout.deliver(&self.k(channel), payload);
        Ok(())
    }

    async fn subscribe(&self, channel: &str) -> BusResult<Subscription> {
        let channel = self.k(channel);
        let reg = self.fanout.add(&channel);
        let id = reg.id;
        let fanout = self.fanout.clone();
        Ok(Box::pin(SubStream::new(
            reg,
            Box::new(move || {
                fanout.remove(&channel, id);
            }),
        )))
    }

    async fn set(&self, key: &str, value: &str, ttl: Option<Duration>) -> BusResult<()> {
        let expires = ttl.map(deadline).transpose()?;
        let mut d = self.data();
        d.insert(
            self.k(key),
            Entry {
                value: Value::Str(value.to_string()),
                expires,
            },
        );
        Ok(())
    }

    async fn set_nx(&self, key: &str, value: &str, ttl: Option<Duration>) -> BusResult<bool> {
        let expires = ttl.map(deadline).transpose()?;
        let k = self.k(key);
        let mut d = self.data();
        if d.live(&k).is_some() {
            return Ok(false);
        }
        d.insert(
            k,
            Entry {
                value: Value::Str(value.to_string()),
                expires,
            },
        );
        Ok(true)
    }

    async fn get(&self, key: &str) -> BusResult<Option<String>> {
        let mut d = self.data();
        match d.live(&self.k(key)) {
            None => Ok(None),
            Some(Entry {
                value: Value::Str(s),
                ..
            }) => Ok(Some(s.clone())),
            Some(_) => Err(wrong_type(key)),
        }
    }

    async fn del(&self, key: &str) -> BusResult<bool> {
        let k = self.k(key);
        let mut d = self.data();
        Ok(d.live(&k).is_some() && d.remove(&k).is_some())
    }

    async fn exists(&self, key: &str) -> BusResult<bool> {
        Ok(self.data().live(&self.k(key)).is_some())
    }

    async fn ttl(&self, key: &str) -> BusResult<Ttl> {
        let mut d = self.data();
        Ok(match d.live(&self.k(key)) {
            None => Ttl::Missing,
            Some(Entry { expires: None, .. }) => Ttl::Persistent,
            Some(Entry {
                expires: Some(t), ..
            }) => Ttl::Expires(t.saturating_duration_since(Instant::now())),
        })
    }

    async fn expire(&self, key: &str, ttl: Duration) -> BusResult<bool> {
        let expires = deadline(ttl)?;
        let k = self.k(key);
        let mut d = self.data();
        if d.live(&k).is_none() {
            return Ok(false);
        }
        d.set_expiry(&k, Some(expires));
        Ok(true)
    }

    async fn incr(&self, key: &str, by: i64) -> BusResult<i64> {
        let k = self.k(key);
        let mut d = self.data();
        match d.live(&k) {
            None => {
                d.insert(
                    k,
                    Entry {
                        value: Value::Str(by.to_string()),
                        expires: None,
                    },
                );
                Ok(by)
            }
            Some(Entry {
                value: Value::Str(s),
                ..
            }) => {
                let n = parse_counter(key, s)?.checked_add(by).ok_or_else(|| {
                    BusError::Other(format!("increment or decrement of '{key}' would overflow"))
                })?;
                *s = n.to_string();
                Ok(n)
            }
            Some(_) => Err(wrong_type(key)),
        }
    }

    async fn list_push(&self, key: &str, values: &[String]) -> BusResult<usize> {
        Ok(self
            .with_list(key, true, |l| {
                l.extend(values.iter().cloned());
                l.len()
            })?
            .unwrap_or(0))
    }

    async fn list_range(&self, key: &str, start: isize, stop: isize) -> BusResult<Vec<String>> {
        Ok(self
            .with_list(key, false, |l| match list_bounds(l.len(), start, stop) {
                Some((a, b)) => l.range(a..b).cloned().collect(),
                None => Vec::new(),
            })?
            .unwrap_or_default())
    }

    async fn list_len(&self, key: &str) -> BusResult<usize> {
        Ok(self.with_list(key, false, |l| l.len())?.unwrap_or(0))
    }

    async fn list_trim(&self, key: &str, start: isize, stop: isize) -> BusResult<()> {
        self.with_list(key, false, |l| match list_bounds(l.len(), start, stop) {
            Some((a, b)) => {
                l.truncate(b);
                l.drain(..a);
            }
            None => l.clear(),
        })?;
        Ok(())
    }

    async fn list_move(&self, src: &str, dst: &str, count: usize) -> BusResult<Vec<String>> {
        // One lock for both lists: the whole batch moves atomically. Types are checked before
        // anything moves (as LMOVE does), so a bad destination loses nothing.
        if count == 0 {
            return Ok(Vec::new());
        }
        let (ks, kd) = (self.k(src), self.k(dst));
        let mut d = self.data();
        match d.live(&ks) {
            None => return Ok(Vec::new()),
            Some(Entry {
                value: Value::List(_),
                ..
            }) => {}
            Some(_) => return Err(wrong_type(src)),
        }
        match d.live(&kd) {
            None
            | Some(Entry {
                value: Value::List(_),
                ..
            }) => {}
            Some(_) => return Err(wrong_type(dst)),
        }
        let moved: Vec<String> = match d.map.get_mut(ks.as_str()) {
            Some(Entry {
                value: Value::List(l),
                ..
            }) => {
                let n = count.min(l.len());
                l.drain(..n).collect()
            }
            _ => Vec::new(),
        };
        if d.map
            .get(ks.as_str())
            .is_some_and(|e| matches!(&e.value, Value::List(l) if l.is_empty()))
        {
            d.remove(&ks);
        }
        if moved.is_empty() {
            return Ok(moved);
        }
        match d.map.get_mut(kd.as_str()) {
            Some(Entry {
                value: Value::List(l),
                ..
            }) => l.extend(moved.iter().cloned()),
            // Missing (or emptied: src == dst and everything moved): a new list.
            _ => {
                d.insert(
                    kd,
                    Entry {
                        value: Value::List(moved.iter().cloned().collect()),
                        expires: None,
                    },
                );
            }
        }
        Ok(moved)
    }

    async fn push_once(&self, op: PushOnce) -> BusResult<PushOutcome> {
        {
            // One lock: the check, the seen key and the push happen together.
            let mut d = self.data();
            let (kl, ks) = (self.k(&op.list), self.k(&op.set));
            // Types first, as the script on Redis does, so nothing half-happens.
            match d.live(&kl) {
                None
                | Some(Entry {
                    value: Value::List(_),
                    ..
                }) => {}
                Some(_) => return Err(wrong_type(&op.list)),
            }
            match d.live(&ks) {
                None
                | Some(Entry {
                    value: Value::Set(_),
                    ..
                }) => {}
                Some(_) => return Err(wrong_type(&op.set)),
            }
            if let Some((key, value, ttl)) = &op.seen {
                let k = self.k(key);
                match d.live(&k) {
                    Some(Entry {
                        value: Value::Str(v),
                        ..
                    }) => return Ok(PushOutcome::Seen(Some(v.clone()))),
                    Some(_) => return Ok(PushOutcome::Seen(None)),
                    None => {}
                }
                d.insert(
                    k,
                    Entry {
                        value: Value::Str(value.clone()),
                        expires: Some(deadline(*ttl)?),
                    },
                );
            }
            match d.map.get_mut(kl.as_str()) {
                Some(Entry {
                    value: Value::List(l),
                    ..
                }) => l.push_back(op.item),
                _ => {
                    d.insert(
                        kl,
                        Entry {
                            value: Value::List(VecDeque::from([op.item])),
                            expires: None,
                        },
                    );
                }
            }
            match d.map.get_mut(ks.as_str()) {
                Some(Entry {
                    value: Value::Set(set),
                    ..
                }) => {
                    set.insert(op.member);
                }
                _ => {
                    d.insert(
                        ks,
                        Entry {
                            value: Value::Set(BTreeSet::from([op.member])),
                            expires: None,
                        },
                    );
                }
            }
        }
        // Published after the push: a subscriber told of the item finds it in the list.
        self.fanout.deliver(&self.k(&op.channel), &op.payload);
        Ok(PushOutcome::Pushed)
    }

    async fn footprint(&self) -> BusResult<usize> {
        let mut d = self.data();
        d.expire_due(Instant::now(), usize::MAX);
        Ok(d.map
            .iter()
            .filter(|(k, _)| k.starts_with(&self.prefix))
            .map(|(k, e)| {
                k.len()
                    + match &e.value {
                        Value::Str(s) => s.len(),
                        Value::List(l) => l.iter().map(String::len).sum(),
                        Value::Set(s) => s.iter().map(String::len).sum(),
                        Value::ZSet(z) => z.keys().map(|m| m.len() + 8).sum(),
                    }
            })
            .sum())
    }

    async fn set_add(&self, key: &str, member: &str) -> BusResult<bool> {
        Ok(self
            .with_set(key, true, |s| s.insert(member.to_string()))?
            .unwrap_or(false))
    }

    async fn set_remove(&self, key: &str, member: &str) -> BusResult<bool> {
        Ok(self
            .with_set(key, false, |s| s.remove(member))?
            .unwrap_or(false))
    }

    async fn set_members(&self, key: &str) -> BusResult<Vec<String>> {
        Ok(self
            .with_set(key, false, |s| s.iter().cloned().collect())?
            .unwrap_or_default())
    }

    async fn set_contains(&self, key: &str, member: &str) -> BusResult<bool> {
        Ok(self
            .with_set(key, false, |s| s.contains(member))?
            .unwrap_or(false))
    }

    async fn zadd(&self, key: &str, member: &str, score: f64) -> BusResult<()> {
        if score.is_nan() {
            return Err(BusError::Other("score is not a valid float".into()));
        }
        self.with_zset(key, true, |z| {
            z.insert(member.to_string(), score);
        })?;
        Ok(())
    }

    async fn zrange_by_score(
        &self,
        key: &str,
        max: f64,
        limit: usize,
    ) -> BusResult<Vec<(String, f64)>> {
        if max.is_nan() {
            return Err(BusError::Other("max is not a valid float".into()));
        }
        Ok(self
            .with_zset(key, false, |z| {
                let mut due: Vec<(String, f64)> = z
                    .iter()
                    .filter(|(_, s)| **s <= max)
                    .map(|(m, s)| (m.clone(), *s))
                    .collect();
                due.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
                due.truncate(limit);
                due
            })?
            .unwrap_or_default())
    }

    async fn zrem(&self, key: &str, member: &str) -> BusResult<bool> {
        Ok(self
            .with_zset(key, false, |z| z.remove(member).is_some())?
            .unwrap_or(false))
    }
}
