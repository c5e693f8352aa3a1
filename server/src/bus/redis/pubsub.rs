//! The Redis bus's shared pub/sub connection: (un)subscribing, the reading task that fans
//! messages out, and reconnecting with backoff (see [`super`] for the whole picture).

use std::sync::{Arc, Weak};
use std::time::Duration;

use futures::future::BoxFuture;
use futures::StreamExt;
use redis::aio::{PubSubSink, PubSubStream};
use redis::{Client, RedisError};
use tokio::sync::{watch, Mutex, MutexGuard};

use super::{err, CONNECT_TIMEOUT, RESPONSE_TIMEOUT};
use crate::bus::fanout::Fanout;
use crate::bus::{BusError, BusResult};

/// The shared pub/sub connection.
pub(super) struct PubSubHub {
    pub(super) client: Client,
    /// Held while connecting, (un)subscribing and deciding whether to: these never interleave.
    pub(super) state: Mutex<HubState>,
    pub(super) fanout: Arc<Fanout>,
    /// Dropped with the hub, which stops the reading task (and so closes the connection).
    pub(super) shutdown: watch::Sender<()>,
}

#[derive(Default)]
pub(super) struct HubState {
    /// The live connection's sink, if there is one.
    sink: Option<PubSubSink>,
    /// Which connection is the live one (each has its own reading task).
    generation: u64,
    /// The live connection's reading task.
    reader: Option<tokio::task::AbortHandle>,
}

impl HubState {
    /// Give up on the live connection (it failed a command): stop its reader, which closes it.
    pub(super) fn reset(&mut self) {
        self.sink = None;
        if let Some(r) = self.reader.take() {
            r.abort();
        }
    }
}

/// A pub/sub command with a deadline, so a hung connection cannot hold the hub forever.
pub(super) async fn with_deadline<F>(what: &str, fut: F) -> BusResult<()>
where
    F: std::future::Future<Output = Result<(), RedisError>>,
{
    match tokio::time::timeout(RESPONSE_TIMEOUT, fut).await {
        Ok(r) => r.map_err(err),
        Err(_) => Err(BusError::Unavailable(format!("redis: {what} timed out"))),
    }
}

impl PubSubHub {
    /// The live connection's sink; connects (and resubscribes every channel that has local
    /// subscribers) when there is none. After a lost connection, those subscribers are told
    /// they lagged.
    pub(super) async fn sink(self: &Arc<Self>, state: &mut HubState) -> BusResult<PubSubSink> {
        if let Some(s) = &state.sink {
            return Ok(s.clone());
        }
        let pubsub = tokio::time::timeout(CONNECT_TIMEOUT, self.client.get_async_pubsub())
            .await
            .map_err(|_| BusError::Unavailable("redis: pub/sub connection timed out".into()))?
            .map_err(err)?;
        let (mut sink, stream) = pubsub.split();
        let channels = self.fanout.channels();
        if !channels.is_empty() {
            with_deadline("SUBSCRIBE", sink.subscribe(&channels)).await?;
        }
        let reconnected = state.generation > 0;
        state.reset();
        state.generation += 1;
        state.sink = Some(sink.clone());
        let reader = tokio::spawn(read_loop(
            Arc::downgrade(self),
            stream,
            state.generation,
            self.shutdown.subscribe(),
        ));
        state.reader = Some(reader.abort_handle());
        if reconnected {
            self.fanout.lag_all();
        }
        Ok(sink)
    }

    pub(super) async fn lock(&self) -> MutexGuard<'_, HubState> {
        self.state.lock().await
    }

    /// After the last local subscriber of `channel` left: unsubscribe, unless someone
    /// subscribed again meanwhile.
    pub(super) async fn release(&self, channel: &str) {
        let state = self.lock().await;
        if self.fanout.subscribers(channel) > 0 {
            return;
        }
        if let Some(mut sink) = state.sink.clone() {
            if let Err(e) = with_deadline("UNSUBSCRIBE", sink.unsubscribe(channel)).await {
                tracing::debug!(error = %e, channel, "redis unsubscribe failed");
            }
        }
    }
}

/// Fan the messages of connection `generation` out until it ends or the bus is dropped; then,
/// if subscribers remain, reconnect with backoff (which starts the next connection's task).
/// (Boxed: reconnecting spawns the next reader, so the future type would be recursive.)
fn read_loop(
    hub: Weak<PubSubHub>,
    stream: PubSubStream,
    generation: u64,
    shutdown: watch::Receiver<()>,
) -> BoxFuture<'static, ()> {
    Box::pin(read_messages(hub, stream, generation, shutdown))
}

async fn read_messages(
    hub: Weak<PubSubHub>,
    mut stream: PubSubStream,
    generation: u64,
    mut shutdown: watch::Receiver<()>,
) {
    loop {
        tokio::select! {
            msg = stream.next() => match msg {
                Some(msg) => {
                    let Some(h) = hub.upgrade() else { return };
                    match msg.get_payload::<String>() {
                        Ok(payload) => h.fanout.deliver(msg.get_channel_name(), &payload),
                        Err(e) => tracing::warn!(error = %e, "dropping a non-UTF-8 bus message"),
                    }
                }
                None => break,
            },
            _ = shutdown.changed() => return,
        }
    }
    drop(stream);
    let mut delay = Duration::from_millis(100);
    loop {
        let Some(h) = hub.upgrade() else { return };
        let mut state = h.lock().await;
        if state.generation == generation {
            // Our own connection ended: forget it (without aborting ourselves).
            state.sink = None;
            state.reader = None;
        }
        if state.sink.is_some() || h.fanout.channels().is_empty() {
            // Someone else reconnected, or nobody listens: the next subscribe connects.
            return;
        }
        tracing::warn!("redis pub/sub connection lost; reconnecting");
        match h.sink(&mut state).await {
            Ok(_) => return,
            Err(e) => {
                drop(state);
                drop(h);
                tracing::warn!(error = %e, "redis pub/sub reconnect failed");
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    _ = shutdown.changed() => return,
                }
                delay = (delay * 2).min(Duration::from_secs(5));
            }
        }
    }
}
