//! The Redis bus: commands over a `ConnectionManager` (reconnects by itself), pub/sub over
//! one shared connection per bus whose messages are fanned out to local subscribers.

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use redis::aio::{ConnectionManager, ConnectionManagerConfig, PubSubSink, PubSubStream};
use redis::{Client, RedisError};
use tokio::sync::Mutex;

use super::fanout::{Fanout, SubStream};
use super::{Bus, BusError, BusResult, Subscription, Ttl};
use crate::store::redact_url;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(5);

/// Move up to ARGV[1] items from the head of KEYS[1] to the tail of KEYS[2], atomically.
const LIST_MOVE: &str = r"
local out = {}
for i = 1, tonumber(ARGV[1]) do
  local v = redis.call('LMOVE', KEYS[1], KEYS[2], 'LEFT', 'RIGHT')
  if not v then break end
  out[#out + 1] = v
end
return out
";

pub struct RedisBus {
    prefix: String,
    conn: ConnectionManager,
    pubsub: Arc<PubSubHub>,
}

/// The shared pub/sub connection: a sink to (un)subscribe, a task that fans messages out.
struct PubSubHub {
    client: Client,
    sink: Mutex<Option<PubSubSink>>,
    fanout: Arc<Fanout>,
}

fn err(e: RedisError) -> BusError {
    if e.is_io_error() || e.is_connection_dropped() || e.is_timeout() || e.is_connection_refusal() {
        BusError::Unavailable(format!("redis: {e}"))
    } else {
        BusError::Other(format!("redis: {e}"))
    }
}

fn ms(d: Duration) -> u64 {
    (d.as_millis() as u64).max(1)
}

impl PubSubHub {
    /// A new pub/sub connection subscribed to every channel with local subscribers.
    async fn open(&self) -> BusResult<(PubSubSink, PubSubStream)> {
        let pubsub = tokio::time::timeout(CONNECT_TIMEOUT, self.client.get_async_pubsub())
            .await
            .map_err(|_| BusError::Unavailable("redis: pub/sub connection timed out".into()))?
            .map_err(err)?;
        let (mut sink, stream) = pubsub.split();
        for channel in self.fanout.channels() {
            sink.subscribe(&channel).await.map_err(err)?;
        }
        Ok((sink, stream))
    }

    /// The sink of a live pub/sub connection, connecting when there is none.
    async fn sink(self: &Arc<Self>) -> BusResult<PubSubSink> {
        let mut guard = self.sink.lock().await;
        if let Some(s) = guard.as_ref() {
            return Ok(s.clone());
        }
        let (sink, stream) = self.open().await?;
        tokio::spawn(read_loop(Arc::downgrade(self), stream));
        *guard = Some(sink.clone());
        Ok(sink)
    }
}

/// Fan messages out until the connection ends, then reconnect (with backoff) and resubscribe.
/// Exactly one loop runs per live connection: whoever opens a connection (here or in
/// `PubSubHub::sink`) does so under the sink lock and sets it.
async fn read_loop(hub: std::sync::Weak<PubSubHub>, mut stream: PubSubStream) {
    loop {
        while let Some(msg) = stream.next().await {
            let Some(h) = hub.upgrade() else { return };
            if let Ok(payload) = msg.get_payload::<String>() {
                h.fanout.deliver(msg.get_channel_name(), &payload);
            }
        }
        tracing::warn!("redis pub/sub connection lost; reconnecting");
        match hub.upgrade() {
            Some(h) => *h.sink.lock().await = None,
            None => return,
        }
        let mut delay = Duration::from_millis(100);
        loop {
            let Some(h) = hub.upgrade() else { return };
            let mut guard = h.sink.lock().await;
            if guard.is_some() {
                return; // a subscriber reconnected first and runs its own loop
            }
            match h.open().await {
                Ok((sink, new_stream)) => {
                    *guard = Some(sink);
                    stream = new_stream;
                    break;
                }
                Err(e) => {
                    drop(guard);
                    drop(h);
                    tracing::warn!(error = %e, "redis pub/sub reconnect failed");
                    tokio::time::sleep(delay).await;
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
            }
        }
    }
}

impl RedisBus {
    /// Connect, failing fast (a few seconds) with the URL when Redis does not answer.
    pub async fn connect(url: &str, prefix: &str) -> BusResult<RedisBus> {
        let shown = redact_url(url);
        let client = Client::open(url)
            .map_err(|e| BusError::Unavailable(format!("REDIS_URL {shown}: {e}")))?;
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
        let bus = RedisBus {
            prefix: prefix.to_string(),
            conn,
            pubsub: Arc::new(PubSubHub {
                client,
                sink: Mutex::new(None),
                fanout: Arc::new(Fanout::default()),
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
        let reg = self.pubsub.fanout.add(&channel);
        let id = reg.id;
        if reg.first {
            let subscribed = match self.pubsub.sink().await {
                Ok(mut sink) => sink.subscribe(&channel).await.map_err(err),
                Err(e) => Err(e),
            };
            if let Err(e) = subscribed {
                self.pubsub.fanout.remove(&channel, id);
                return Err(e);
            }
        }
        let hub = self.pubsub.clone();
        Ok(Box::pin(SubStream::new(
            reg,
            Box::new(move || {
                if hub.fanout.remove(&channel, id) {
                    tokio::spawn(async move {
                        let sink = hub.sink.lock().await.clone();
                        if let Some(mut sink) = sink {
                            // Someone may have subscribed again meanwhile.
                            if !hub.fanout.channels().contains(&channel) {
                                let _ = sink.unsubscribe(&channel).await;
                            }
                        }
                    });
                }
            }),
        )))
    }

    async fn set(&self, key: &str, value: &str, ttl: Option<Duration>) -> BusResult<()> {
        let mut cmd = redis::cmd("SET");
        cmd.arg(self.k(key)).arg(value);
        if let Some(t) = ttl {
            cmd.arg("PX").arg(ms(t));
        }
        let _: () = self.q(&mut cmd).await?;
        Ok(())
    }

    async fn set_nx(&self, key: &str, value: &str, ttl: Option<Duration>) -> BusResult<bool> {
        let mut cmd = redis::cmd("SET");
        cmd.arg(self.k(key)).arg(value).arg("NX");
        if let Some(t) = ttl {
            cmd.arg("PX").arg(ms(t));
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
            .q(redis::cmd("PEXPIRE").arg(self.k(key)).arg(ms(ttl)))
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
        self.q(redis::cmd("EVAL")
            .arg(LIST_MOVE)
            .arg(2)
            .arg(self.k(src))
            .arg(self.k(dst))
            .arg(count))
            .await
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
}
