//! One helper for the periodic background loops (the chat flush, the moderation scheduler,
//! the command counters): a pass every interval until shutdown, then a last step, all in a
//! `worker` span named after the loop, so every log line of a worker says which one.

use std::future::Future;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;
use tracing::Instrument;

/// A periodic worker.
pub trait Periodic: Send + Sync + 'static {
    /// One pass (errors are the worker's to log: a failed pass is retried at the next).
    fn pass(&self) -> impl Future<Output = ()> + Send;
    /// Once, after shutdown was asked for (a last flush, a lease given back).
    fn stop(&self) -> impl Future<Output = ()> + Send {
        async {}
    }
}

/// Run `worker`: a pass at once and then every `every`, until `shutdown` changes; then
/// [`Periodic::stop`]. The task runs in a `worker` span with `name`.
pub fn spawn_worker<W: Periodic>(
    name: &'static str,
    every: Duration,
    mut shutdown: watch::Receiver<bool>,
    worker: W,
) -> JoinHandle<()> {
    let span = tracing::info_span!("worker", name);
    tokio::spawn(
        async move {
            loop {
                worker.pass().await;
                tokio::select! {
                    _ = tokio::time::sleep(every) => {}
                    _ = shutdown.changed() => break,
                }
            }
            worker.stop().await;
        }
        .instrument(span),
    )
}
