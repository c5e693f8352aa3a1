//! The bus: pub/sub, lists, sets, sorted sets, keys with TTL and counters — on Redis with
//! `REDIS_URL`, in-process without it, with the same semantics (TTL expiry included).
//!
//! Every key and channel name is built in [`keys`], spelled as the seeds spell them. A bus
//! has a prefix that is put before every key and channel: empty in production, unique per
//! test so that tests can share one Redis.

pub mod fanout;
pub mod keys;
pub mod memory;
pub mod redis;

pub use memory::MemoryBus;
pub use redis::RedisBus;

use std::sync::Arc;
use std::time::Duration;

pub type BusResult<T> = Result<T, BusError>;

#[derive(Debug, thiserror::Error)]
pub enum BusError {
    #[error("bus unavailable: {0}")]
    Unavailable(String),
    #[error("bus error: {0}")]
    Other(String),
}

/// What `ttl` knows of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ttl {
    Missing,
    Persistent,
    Expires(Duration),
}

/// Messages of one channel, in publish order. Dropping it unsubscribes.
pub type Subscription = futures::stream::BoxStream<'static, String>;

/// How many messages a subscriber may have waiting before new ones are dropped for it
/// (a slow subscriber never makes the publisher wait or memory grow without bound).
///
/// When a subscriber's queue is full, a published message is dropped *for that subscriber
/// only* and counted ([`Bus::dropped_messages`]); its stream then yields [`LAGGED`] before
/// the messages it still holds. Other subscribers and the publisher are not affected.
pub const SUBSCRIBER_BUFFER: usize = 4096;

/// What a subscription yields, in place of messages, once it fell behind and messages
/// were dropped for it (or, on Redis, the pub/sub connection was lost and re-established):
/// the subscriber should re-sync from what it last received.
pub const LAGGED: &str = "\u{0}lagged";

#[async_trait::async_trait]
pub trait Bus: Send + Sync + 'static {
    /// `"redis"` or `"memory"`.
    fn backend(&self) -> &'static str;
    async fn ping(&self) -> BusResult<()>;

    async fn publish(&self, channel: &str, payload: &str) -> BusResult<()>;
    /// Subscribe; when this returns the subscription is active.
    async fn subscribe(&self, channel: &str) -> BusResult<Subscription>;

    async fn set(&self, key: &str, value: &str, ttl: Option<Duration>) -> BusResult<()>;
    /// Set only when the key does not exist; true when it was set.
    async fn set_nx(&self, key: &str, value: &str, ttl: Option<Duration>) -> BusResult<bool>;
    async fn get(&self, key: &str) -> BusResult<Option<String>>;
    async fn del(&self, key: &str) -> BusResult<bool>;
    async fn exists(&self, key: &str) -> BusResult<bool>;
    async fn ttl(&self, key: &str) -> BusResult<Ttl>;
    async fn expire(&self, key: &str, ttl: Duration) -> BusResult<bool>;
    /// Add `by` (a missing key counts from 0); an existing TTL is kept.
    async fn incr(&self, key: &str, by: i64) -> BusResult<i64>;

    /// Append to a list (RPUSH); returns the new length.
    async fn list_push(&self, key: &str, values: &[String]) -> BusResult<usize>;
    /// LRANGE semantics, negative indexes counting from the end.
    async fn list_range(&self, key: &str, start: isize, stop: isize) -> BusResult<Vec<String>>;
    async fn list_len(&self, key: &str) -> BusResult<usize>;
    /// LTRIM semantics.
    async fn list_trim(&self, key: &str, start: isize, stop: isize) -> BusResult<()>;
    /// Atomically move up to `count` items from the head of `src` to the tail of `dst`.
    async fn list_move(&self, src: &str, dst: &str, count: usize) -> BusResult<Vec<String>>;

    async fn set_add(&self, key: &str, member: &str) -> BusResult<bool>;
    async fn set_remove(&self, key: &str, member: &str) -> BusResult<bool>;
    /// Members, sorted.
    async fn set_members(&self, key: &str) -> BusResult<Vec<String>>;
    async fn set_contains(&self, key: &str, member: &str) -> BusResult<bool>;

    async fn zadd(&self, key: &str, member: &str, score: f64) -> BusResult<()>;
    /// Members with a score ≤ `max`, lowest first, at most `limit`.
    async fn zrange_by_score(
        &self,
        key: &str,
        max: f64,
        limit: usize,
    ) -> BusResult<Vec<(String, f64)>>;
    /// Remove a member; true only for the one call that removed it (claims a due job once).
    async fn zrem(&self, key: &str, member: &str) -> BusResult<bool>;

    /// Run several commands in order and answer each: one round trip on Redis (a pipeline,
    /// not a transaction: another client may run commands between them), one after the
    /// other in-process. The hot paths (ingest) use it to pay one round trip per message.
    async fn batch(&self, ops: Vec<BusOp>) -> BusResult<Vec<BusReply>> {
        let mut out = Vec::with_capacity(ops.len());
        for op in ops {
            out.push(match op {
                BusOp::Set { key, value, ttl } => {
                    self.set(&key, &value, ttl).await?;
                    BusReply::Done
                }
                BusOp::SetNx { key, value, ttl } => {
                    BusReply::Flag(self.set_nx(&key, &value, ttl).await?)
                }
                BusOp::Get { key } => BusReply::Value(self.get(&key).await?),
                BusOp::SetAdd { key, member } => BusReply::Flag(self.set_add(&key, &member).await?),
                BusOp::ListPush { key, values } => {
                    BusReply::Count(self.list_push(&key, &values).await?)
                }
                BusOp::Publish { channel, payload } => {
                    self.publish(&channel, &payload).await?;
                    BusReply::Done
                }
                BusOp::Incr { key, by } => BusReply::Int(self.incr(&key, by).await?),
                BusOp::SetContains { key, member } => {
                    BusReply::Flag(self.set_contains(&key, &member).await?)
                }
                BusOp::Del { key } => BusReply::Flag(self.del(&key).await?),
                BusOp::Expire { key, ttl } => BusReply::Flag(self.expire(&key, ttl).await?),
            });
        }
        Ok(out)
    }

    /// Push once: append `op.item` to the list, add `op.member` to the set and publish
    /// `op.payload` — unless `op.seen` names a key that exists already, in which case nothing
    /// is done and its value is answered. The check, setting the seen key (with its TTL)
    /// and the push are one atomic step (a Lua script on Redis, one critical section
    /// in-process): a seen key that exists always belongs to an item that was pushed.
    /// Without `op.seen` it pushes unconditionally.
    async fn push_once(&self, op: PushOnce) -> BusResult<PushOutcome>;

    /// Roughly how many bytes this bus holds under its prefix: keys and values (on Redis,
    /// `MEMORY USAGE` of each key found by `SCAN`). For tests and diagnostics: it reads
    /// every key.
    async fn footprint(&self) -> BusResult<usize>;

    /// Messages dropped so far for subscribers of this bus whose queue was full
    /// (see [`SUBSCRIBER_BUFFER`]).
    fn dropped_messages(&self) -> u64 {
        0
    }
}

/// A [`Bus::push_once`].
#[derive(Debug, Clone, PartialEq)]
pub struct PushOnce {
    /// The de-duplication key, its value and TTL: pushed only when it does not exist yet.
    pub seen: Option<(String, String, Duration)>,
    pub list: String,
    pub item: String,
    pub set: String,
    pub member: String,
    pub channel: String,
    pub payload: String,
}

/// What a [`Bus::push_once`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PushOutcome {
    /// The item was pushed (and the seen key set).
    Pushed,
    /// The seen key existed: nothing was pushed. Its value.
    Seen(Option<String>),
}

/// One command of a [`Bus::batch`], with the semantics of the method of the same name.
#[derive(Debug, Clone, PartialEq)]
pub enum BusOp {
    Set {
        key: String,
        value: String,
        ttl: Option<Duration>,
    },
    SetNx {
        key: String,
        value: String,
        ttl: Option<Duration>,
    },
    Get {
        key: String,
    },
    SetAdd {
        key: String,
        member: String,
    },
    ListPush {
        key: String,
        values: Vec<String>,
    },
    Publish {
        channel: String,
        payload: String,
    },
    /// INCRBY; answers `Int` with the new value.
    Incr {
        key: String,
        by: i64,
    },
    /// SISMEMBER; answers `Flag`.
    SetContains {
        key: String,
        member: String,
    },
    /// DEL; answers `Flag` (whether the key existed).
    Del {
        key: String,
    },
    /// PEXPIRE; answers `Flag` (whether the key existed and now has this TTL).
    Expire {
        key: String,
        ttl: Duration,
    },
}

/// The answer to one [`BusOp`]: `Done` (set, publish), `Flag` (set_nx, set_add,
/// set_contains, del, expire), `Value` (get), `Count` (list_push: the list's new length), `Int`
/// (incr: the new value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BusReply {
    Done,
    Flag(bool),
    Value(Option<String>),
    Count(usize),
    Int(i64),
}

impl BusReply {
    /// The flag of a `Flag` answer (false for any other).
    pub fn flag(&self) -> bool {
        matches!(self, BusReply::Flag(true))
    }

    /// The number of an `Int` answer (None for any other).
    pub fn int(&self) -> Option<i64> {
        match self {
            BusReply::Int(n) => Some(*n),
            _ => None,
        }
    }

    /// The value of a `Value` answer (None for any other).
    pub fn into_value(self) -> Option<String> {
        match self {
            BusReply::Value(v) => v,
            _ => None,
        }
    }
}

/// Redis when a URL is given, else the in-process bus.
pub async fn connect(redis_url: Option<&str>, prefix: &str) -> BusResult<Arc<dyn Bus>> {
    match redis_url {
        Some(url) => Ok(Arc::new(redis::RedisBus::connect(url, prefix).await?)),
        None => Ok(Arc::new(memory::MemoryBus::new(prefix))),
    }
}

/// A TTL in whole milliseconds, at least 1 (Redis refuses `PX 0`; both buses round alike).
pub(crate) fn ttl_millis(ttl: Duration) -> u64 {
    u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1)
}

/// Resolve LRANGE-style indexes against a length: the half-open range to take, if any.
pub(crate) fn list_bounds(len: usize, start: isize, stop: isize) -> Option<(usize, usize)> {
    let len_i = len as isize;
    let s = if start < 0 {
        (len_i + start).max(0)
    } else {
        start
    };
    let e = if stop < 0 {
        len_i + stop
    } else {
        stop.min(len_i - 1)
    };
    if s > e || s >= len_i || e < 0 {
        None
    } else {
        Some((s as usize, e as usize + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::list_bounds;

    #[test]
    fn bounds() {
        assert_eq!(list_bounds(5, 0, -1), Some((0, 5)));
        assert_eq!(list_bounds(5, 1, 2), Some((1, 3)));
        assert_eq!(list_bounds(5, -2, -1), Some((3, 5)));
        assert_eq!(list_bounds(5, 3, 100), Some((3, 5)));
        assert_eq!(list_bounds(5, 4, 2), None);
        assert_eq!(list_bounds(0, 0, -1), None);
        assert_eq!(list_bounds(5, -100, 0), Some((0, 1)));
    }
}
