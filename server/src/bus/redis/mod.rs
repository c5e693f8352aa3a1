//! The Redis bus: commands over a `ConnectionManager` (reconnects by itself), pub/sub over
//! one shared connection per bus whose messages are fanned out to local subscribers.
//!
//! Pub/sub: a bus owns at most one Redis pub/sub connection. The first local subscriber of
//! a channel sends `SUBSCRIBE` (and `subscribe` returns only once Redis confirmed it); the
//! last one to drop its stream sends `UNSUBSCRIBE`. One background task per connection reads
//! messages and hands them to the subscribers' bounded queues ([`super::fanout`]). When the
//! connection is lost, the task reconnects with backoff, resubscribes every channel that still
//! has subscribers, and tells each of them [`LAGGED`](super::LAGGED), since messages
//! published meanwhile are gone. Dropping the bus (and its subscriptions) closes the
//! connection.

use std::sync::Arc;
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{Client, RedisError};
use tokio::sync::{watch, Mutex};

use super::fanout::{Fanout, SubStream};
use super::{
    ttl_millis, Bus, BusError, BusOp, BusReply, BusResult, PushOnce, PushOutcome, Subscription, Ttl,
};
use crate::store::redact_url;

mod pubsub;

use pubsub::{with_deadline, HubState, PubSubHub};

const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(5);

/// Move up to ARGV[1] items from the head of KEYS[1] to the tail of KEYS[2], atomically
/// (a script runs alone on the server). Both types are checked before anything moves (LRANGE
/// fails on a source that is not a list); one LRANGE + LTRIM and RPUSHes of up to 1,000 items
/// (Lua's `unpack` limit) instead of an LMOVE per item.
const LIST_MOVE: &str = r"
local t = redis.call('TYPE', KEYS[2]).ok
if t ~= 'list' and t ~= 'none' then
  return redis.error_reply('WRONGTYPE Operation against a key holding the wrong kind of value')
end
local out = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #out == 0 then return out end
redis.call('LTRIM', KEYS[1], #out, -1)
for i = 1, #out, 1000 do
  redis.call('RPUSH', KEYS[2], unpack(out, i, math.min(i + 999, #out)))
end
return out
";

/// [`Bus::push_once`]: KEYS = seen key ('' for none), list, set; ARGV = seen value, seen TTL
/// (ms), item, member, channel, payload. A script runs alone on the server, so the check,
/// the seen key and the push are one step. Types are checked before anything is written.
const PUSH_ONCE: &str = r"
local lt = redis.call('TYPE', KEYS[2]).ok
local st = redis.call('TYPE', KEYS[3]).ok
if (lt ~= 'list' and lt ~= 'none') or (st ~= 'set' and st ~= 'none') then
  return redis.error_reply('WRONGTYPE Operation against a key holding the wrong kind of value')
end
if KEYS[1] ~= '' then
  if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
    local v = redis.call('GET', KEYS[1])
    if v then return {0, v} end
    return {0}
  end
end
redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[4])
redis.call('PUBLISH', ARGV[5], ARGV[6])
return {1}
";

fn push_once_script() -> &'static redis::Script {
    static SCRIPT: std::sync::OnceLock<redis::Script> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| redis::Script::new(PUSH_ONCE))
}

pub struct RedisBus {
    prefix: String,
    conn: ConnectionManager,
    pubsub: Arc<PubSubHub>,
}

fn err(e: RedisError) -> BusError {
    if e.is_io_error() || e.is_connection_dropped() || e.is_timeout() || e.is_connection_refusal() {
        BusError::Unavailable(format!("redis: {e}"))
    } else {
        BusError::Other(format!("redis: {e}"))
    }
}

impl RedisBus {
    /// Connect, failing fast (a few seconds) with the URL when Redis does not answer.
    pub async fn connect(url: &str, prefix: &str) -> BusResult<RedisBus> {
        let shown = redact_url(url);
        let client = Client::open(url)
            .map_err(|e| BusError::Unavailable(format!("bad REDIS_URL {shown}: {e}")))?;
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(CONNECT_TIMEOUT)
            .set_response_timeout(RESPONSE_TIMEOUT)
            .set_number_of_retries(1);
        let conn = tokio::time::timeout(
            CONNECT_TIMEOUT * 2,
            ConnectionManager::new_with_config(client.clone(), config),
        )
        .await
        .map_err(|_| {
            BusError::Unavailable(format!("cannot connect to Redis at {shown}: timed out"))
        })?
        .map_err(|e| BusError::Unavailable(format!("cannot connect to Redis at {shown}: {e}")))?;
        let (shutdown, _) = watch::channel(());
        let bus = RedisBus {
            prefix: prefix.to_string(),
            conn,
            pubsub: Arc::new(PubSubHub {
                client,
                state: Mutex::new(HubState::default()),
                fanout: Arc::new(Fanout::default()),
                shutdown,
            }),
        };
        bus.ping().await.map_err(|e| {
            BusError::Unavailable(format!("cannot connect to Redis at {shown}: {e}"))
        })?;
        Ok(bus)
    }

    fn k(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    async fn q<T: redis::FromRedisValue>(&self, cmd: &mut redis::Cmd) -> BusResult<T> {
        let mut c = self.conn.clone();
        cmd.query_async(&mut c).await.map_err(err)
    }
}

#[async_trait::async_trait]
impl Bus for RedisBus {
    fn backend(&self) -> &'static str {
        "redis"
    }

    fn dropped_messages(&self) -> u64 {
        self.pubsub
            .fanout
            .dropped
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    async fn ping(&self) -> BusResult<()> {
        let pong: String = self.q(&mut redis::cmd("PING")).await?;
        if pong == "PONG" {
            Ok(())
        } else {
            Err(BusError::Other(format!("redis answered PING with {pong}")))
        }
    }

    async fn publish(&self, channel: &str, payload: &str) -> BusResult<()> {
        let _: i64 = self
            .q(redis::cmd("PUBLISH").arg(self.k(channel)).arg(payload))
            .await?;
        Ok(())
    }

    async fn subscribe(&self, channel: &str) -> BusResult<Subscription> {
        let channel = self.k(channel);
        let hub = &self.pubsub;
        let mut state = hub.lock().await;
        // Connect first (resubscribing the others), then register this subscriber. A failed
        // SUBSCRIBE may mean a connection that died unnoticed: replace it once and retry.
        let mut attempt = 0;
        let reg = loop {
            attempt += 1;
            let mut sink = hub.sink(&mut state).await?;
            let reg = hub.fanout.add(&channel);
            if !reg.first {
                break reg;
            }
            match with_deadline("SUBSCRIBE", sink.subscribe(&channel)).await {
                Ok(()) => break reg,
                Err(e) => {
                    hub.fanout.remove(&channel, reg.id);
                    if attempt >= 2 {
                        return Err(e);
                    }
                    tracing::warn!(error = %e, "redis SUBSCRIBE failed; reconnecting pub/sub");
                    state.reset();
                }
            }
        };
        drop(state);
        let id = reg.id;
        let hub = hub.clone();
        let runtime = tokio::runtime::Handle::try_current().ok();
        Ok(Box::pin(SubStream::new(
            reg,
            Box::new(move || {
                if hub.fanout.remove(&channel, id) {
                    if let Some(rt) = runtime {
                        rt.spawn(async move { hub.release(&channel).await });
                    }
                }
            }),
        )))
    }

    async fn set(&self, key: &str, value: &str, ttl: Option<Duration>) -> BusResult<()> {
        let mut cmd = redis::cmd("SET");
        cmd.arg(self.k(key)).arg(value);
        if let Some(t) = ttl {
            cmd.arg("PX").arg(ttl_millis(t));
        }
        let _: () = self.q(&mut cmd).await?;
        Ok(())
    }

    async fn set_nx(&self, key: &str, value: &str, ttl: Option<Duration>) -> BusResult<bool> {
        let mut cmd = redis::cmd("SET");
        cmd.arg(self.k(key)).arg(value).arg("NX");
        if let Some(t) = ttl {
            cmd.arg("PX").arg(ttl_millis(t));
        }
        let done: Option<String> = self.q(&mut cmd).await?;
        Ok(done.is_some())
    }

    async fn get(&self, key: &str) -> BusResult<Option<String>> {
        self.q(redis::cmd("GET").arg(self.k(key))).await
    }

    async fn del(&self, key: &str) -> BusResult<bool> {
        let n: i64 = self.q(redis::cmd("DEL").arg(self.k(key))).await?;
        Ok(n > 0)
    }

    async fn exists(&self, key: &str) -> BusResult<bool> {
        let n: i64 = self.q(redis::cmd("EXISTS").arg(self.k(key))).await?;
        Ok(n > 0)
    }

    async fn ttl(&self, key: &str) -> BusResult<Ttl> {
        let n: i64 = self.q(redis::cmd("PTTL").arg(self.k(key))).await?;
        Ok(match n {
            -2 => Ttl::Missing,
            -1 => Ttl::Persistent,
            n => Ttl::Expires(Duration::from_millis(n.max(0) as u64)),
        })
    }

    async fn expire(&self, key: &str, ttl: Duration) -> BusResult<bool> {
        let n: i64 = self
            .q(redis::cmd("PEXPIRE").arg(self.k(key)).arg(ttl_millis(ttl)))
            .await?;
        Ok(n == 1)
    }

    async fn incr(&self, key: &str, by: i64) -> BusResult<i64> {
        self.q(redis::cmd("INCRBY").arg(self.k(key)).arg(by)).await
    }

    async fn list_push(&self, key: &str, values: &[String]) -> BusResult<usize> {
        if values.is_empty() {
            return self.list_len(key).await;
        }
        self.q(redis::cmd("RPUSH").arg(self.k(key)).arg(values))
            .await
    }

    async fn list_range(&self, key: &str, start: isize, stop: isize) -> BusResult<Vec<String>> {
        self.q(redis::cmd("LRANGE").arg(self.k(key)).arg(start).arg(stop))
            .await
    }

    async fn list_len(&self, key: &str) -> BusResult<usize> {
        self.q(redis::cmd("LLEN").arg(self.k(key))).await
    }

    async fn list_trim(&self, key: &str, start: isize, stop: isize) -> BusResult<()> {
        let _: () = self
            .q(redis::cmd("LTRIM").arg(self.k(key)).arg(start).arg(stop))
            .await?;
        Ok(())
    }

    async fn list_move(&self, src: &str, dst: &str, count: usize) -> BusResult<Vec<String>> {
        if count == 0 {
            return Ok(Vec::new());
        }
        self.q(redis::cmd("EVAL")
            .arg(LIST_MOVE)
            .arg(2)
            .arg(self.k(src))
            .arg(self.k(dst))
            .arg(count))
            .await
    }

    async fn push_once(&self, op: PushOnce) -> BusResult<PushOutcome> {
        let (seen_key, seen_value, seen_ttl) = match &op.seen {
            Some((k, v, ttl)) => (self.k(k), v.as_str(), ttl_millis(*ttl)),
            None => (String::new(), "", 1),
        };
        let mut c = self.conn.clone();
        let reply: Vec<redis::Value> = push_once_script()
            .key(seen_key)
            .key(self.k(&op.list))
            .key(self.k(&op.set))
            .arg(seen_value)
            .arg(seen_ttl)
            .arg(&op.item)
            .arg(&op.member)
            .arg(self.k(&op.channel))
            .arg(&op.payload)
            .invoke_async(&mut c)
            .await
            .map_err(err)?;
        match reply.as_slice() {
            [flag, rest @ ..] if redis::from_redis_value::<i64>(flag).map_err(err)? == 0 => {
                let value = match rest.first() {
                    Some(v) => Some(redis::from_redis_value::<String>(v).map_err(err)?),
                    None => None,
                };
                Ok(PushOutcome::Seen(value))
            }
            [_] => Ok(PushOutcome::Pushed),
            other => Err(BusError::Other(format!(
                "push_once: unexpected reply {other:?}"
            ))),
        }
    }

    async fn footprint(&self) -> BusResult<usize> {
        // Glob characters in the prefix are matched literally.
        let mut pattern = String::new();
        for c in self.prefix.chars() {
            if matches!(c, '*' | '?' | '[' | ']' | '\\') {
                pattern.push('\\');
            }
            pattern.push(c);
        }
        pattern.push('*');
        let mut cursor: u64 = 0;
        let mut total = 0;
        loop {
            let (next, keys): (u64, Vec<String>) = self
                .q(redis::cmd("SCAN")
                    .arg(cursor)
                    .arg("MATCH")
                    .arg(&pattern)
                    .arg("COUNT")
                    .arg(1000))
                .await?;
            for k in keys {
                let bytes: Option<usize> =
                    self.q(redis::cmd("MEMORY").arg("USAGE").arg(&k)).await?;
                total += bytes.unwrap_or(0);
            }
            if next == 0 {
                return Ok(total);
            }
            cursor = next;
        }
    }

    async fn set_add(&self, key: &str, member: &str) -> BusResult<bool> {
        let n: i64 = self
            .q(redis::cmd("SADD").arg(self.k(key)).arg(member))
            .await?;
        Ok(n > 0)
    }

    async fn set_remove(&self, key: &str, member: &str) -> BusResult<bool> {
        let n: i64 = self
            .q(redis::cmd("SREM").arg(self.k(key)).arg(member))
            .await?;
        Ok(n > 0)
    }

    async fn set_members(&self, key: &str) -> BusResult<Vec<String>> {
        let mut m: Vec<String> = self.q(redis::cmd("SMEMBERS").arg(self.k(key))).await?;
        m.sort();
        Ok(m)
    }

    async fn set_contains(&self, key: &str, member: &str) -> BusResult<bool> {
        let n: i64 = self
            .q(redis::cmd("SISMEMBER").arg(self.k(key)).arg(member))
            .await?;
        Ok(n == 1)
    }

    async fn zadd(&self, key: &str, member: &str, score: f64) -> BusResult<()> {
        let _: i64 = self
            .q(redis::cmd("ZADD").arg(self.k(key)).arg(score).arg(member))
            .await?;
        Ok(())
    }

    async fn zrange_by_score(
        &self,
        key: &str,
        max: f64,
        limit: usize,
    ) -> BusResult<Vec<(String, f64)>> {
        self.q(redis::cmd("ZRANGEBYSCORE")
            .arg(self.k(key))
            .arg("-inf")
            .arg(max)
            .arg("WITHSCORES")
            .arg("LIMIT")
            .arg(0)
            .arg(limit))
            .await
    }

    async fn zrem(&self, key: &str, member: &str) -> BusResult<bool> {
        let n: i64 = self
            .q(redis::cmd("ZREM").arg(self.k(key)).arg(member))
            .await?;
        Ok(n == 1)
    }

    async fn batch(&self, ops: Vec<BusOp>) -> BusResult<Vec<BusReply>> {
        if ops.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for op in &ops {
            match op {
                BusOp::Set { key, value, ttl } | BusOp::SetNx { key, value, ttl } => {
                    let cmd = pipe.cmd("SET").arg(self.k(key)).arg(value);
                    if matches!(op, BusOp::SetNx { .. }) {
                        cmd.arg("NX");
                    }
                    if let Some(t) = ttl {
                        cmd.arg("PX").arg(ttl_millis(*t));
                    }
                }
                BusOp::Get { key } => {
                    pipe.cmd("GET").arg(self.k(key));
                }
                BusOp::SetAdd { key, member } => {
                    pipe.cmd("SADD").arg(self.k(key)).arg(member);
                }
                BusOp::ListPush { key, values } if values.is_empty() => {
                    pipe.cmd("LLEN").arg(self.k(key));
                }
                BusOp::ListPush { key, values } => {
                    pipe.cmd("RPUSH").arg(self.k(key)).arg(values);
                }
                BusOp::Publish { channel, payload } => {
                    pipe.cmd("PUBLISH").arg(self.k(channel)).arg(payload);
                }
                BusOp::Incr { key, by } => {
                    pipe.cmd("INCRBY").arg(self.k(key)).arg(*by);
                }
                BusOp::SetContains { key, member } => {
                    pipe.cmd("SISMEMBER").arg(self.k(key)).arg(member);
                }
                BusOp::Del { key } => {
                    pipe.cmd("DEL").arg(self.k(key));
                }
                BusOp::Expire { key, ttl } => {
                    pipe.cmd("PEXPIRE").arg(self.k(key)).arg(ttl_millis(*ttl));
                }
            }
        }
        let mut c = self.conn.clone();
        let replies: Vec<redis::Value> = pipe.query_async(&mut c).await.map_err(err)?;
        if replies.len() != ops.len() {
            return Err(BusError::Other(format!(
                "a pipeline of {} commands got {} replies",
                ops.len(),
                replies.len()
            )));
        }
        ops.iter()
            .zip(replies)
            .map(|(op, v)| {
                if let redis::Value::ServerError(e) = &v {
                    return Err(BusError::Other(format!("{e:?}")));
                }
                Ok(match op {
                    BusOp::Set { .. } | BusOp::Publish { .. } => BusReply::Done,
                    BusOp::SetNx { .. } => BusReply::Flag(!matches!(v, redis::Value::Nil)),
                    BusOp::Get { .. } => BusReply::Value(redis::from_redis_value(&v).map_err(err)?),
                    BusOp::SetAdd { .. } => {
                        BusReply::Flag(redis::from_redis_value::<i64>(&v).map_err(err)? > 0)
                    }
                    BusOp::ListPush { .. } => {
                        BusReply::Count(redis::from_redis_value(&v).map_err(err)?)
                    }
                    BusOp::Incr { .. } => BusReply::Int(redis::from_redis_value(&v).map_err(err)?),
                    BusOp::SetContains { .. } | BusOp::Del { .. } | BusOp::Expire { .. } => {
                        BusReply::Flag(redis::from_redis_value::<i64>(&v).map_err(err)? > 0)
                    }
                })
            })
            .collect()
    }
}
