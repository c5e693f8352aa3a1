//! The in-process bus: the same semantics as Redis, for a server run alone and for tests.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

mod keyspace;

pub use keyspace::EXPIRE_EVERY;
use keyspace::{
    deadline, lock, parse_counter, spawn_expiry, wrong_type, Data, Entry, Value, EXPIRE_ON_ACCESS,
};

use super::fanout::{Fanout, SubStream};
use super::{list_bounds, Bus, BusError, BusResult, PushOnce, PushOutcome, Subscription, Ttl};

pub struct MemoryBus {
    prefix: String,
    data: Arc<Mutex<Data>>,
    fanout: Arc<Fanout>,
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
