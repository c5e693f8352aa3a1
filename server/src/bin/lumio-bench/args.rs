//! The command line.

use clap::Parser;

/// Measure the chat pipeline of a real lumio-server.
#[derive(Parser, Debug)]
#[command(name = "lumio-bench")]
pub struct Args {
    /// sqlite (with the in-process bus) or postgres (with Redis; DATABASE_URL, REDIS_URL).
    #[arg(long, default_value = "sqlite")]
    pub backend: String,
    /// Which measurements: ingest, latency, flush, history, history-buffer (comma-separated);
    /// also `retention`, `delivery` (moderation actions: request → confirmed by the fake
    /// Twitch's echo) and `discord` (gateway MESSAGE_CREATE → WebSocket latency at `rate`
    /// capped to 500/s, and feature-channel mirroring through lumio-testkit's fake Discord) and
    /// `eventsub` (the fake Twitch's chat at `rate` through lumio's Twitch connector → WebSocket,
    /// next to `latency` with one subscriber at the same rate).
    #[arg(
        long,
        default_value = "ingest,latency,flush,history,history-buffer",
        value_delimiter = ','
    )]
    pub only: Vec<String>,
    /// Concurrent keep-alive clients for `ingest`.
    #[arg(long, default_value_t = 64)]
    pub clients: usize,
    /// Seconds of sustained ingest.
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    /// Messages per second for `latency`, `eventsub` and `retention`.
    #[arg(long, default_value_t = 2000)]
    pub rate: u64,
    /// Subscriber counts for `latency`.
    #[arg(long, default_value = "1,100", value_delimiter = ',')]
    pub subscribers: Vec<usize>,
    /// Rows for `flush`.
    #[arg(long, default_value_t = 100_000)]
    pub flush_rows: usize,
    /// Stored messages for `history`.
    #[arg(long, default_value_t = 1_000_000)]
    pub history_rows: usize,
    /// Buffered messages for `history-buffer` (the first is the reference).
    #[arg(long, default_value = "0,20000,200000", value_delimiter = ',')]
    pub buffered: Vec<usize>,
    /// The server's LUMIO_DEDUP_WINDOW for `retention` (10m, 2m…; default the server's).
    #[arg(long)]
    pub dedup_window: Option<String>,
    /// Seconds between `retention` samples.
    #[arg(long, default_value_t = 10)]
    pub sample_every: u64,
    /// Moderation actions per second for `delivery`.
    #[arg(long, default_value_t = 50)]
    pub actions_rate: u64,
}
