//! `flush`: the flush of buffered rows, next to a plain `COPY` (PostgreSQL).

use std::time::Instant;

use lumio_server::bus::keys;
use lumio_server::chat::flush::Flusher;
use lumio_server::chat::store::{pg_copy_csv as csv, COLS};
use lumio_server::testing::TestServer;
use serde_json::{json, Value};
use sqlx::postgres::PgPoolCopyExt;

use crate::args::Args;
use crate::data::{account_id, generate};

pub async fn run(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
    let state = &s.state;
    let account = account_id(state).await?;
    let msgs = generate(account, a.flush_rows);
    for chunk in msgs.chunks(1000) {
        let items: Vec<String> = chunk
            .iter()
            .map(|m| serde_json::to_string(m).unwrap_or_default())
            .collect();
        state
            .bus
            .list_push(&keys::chat_buffer(account), &items)
            .await?;
    }
    state
        .bus
        .set_add(&keys::pending_chat_accounts(), &account.to_string())
        .await?;
    let flusher = Flusher::new(state.clone());
    let start = Instant::now();
    let stored = flusher.run_once().await?;
    let flush_secs = start.elapsed().as_secs_f64();
    let mut out = json!({"rows": stored, "flush_seconds": flush_secs, "flush_rows_per_sec": stored as f64 / flush_secs});
    if let lumio_server::store::Db::Postgres(pool) = &state.db {
        sqlx::query("CREATE TABLE bench_copy (LIKE platform_messages INCLUDING ALL)")
            .execute(pool)
            .await?;
        let data = csv(&msgs);
        let start = Instant::now();
        let mut copy = pool
            .copy_in_raw(&format!("COPY bench_copy ({COLS}) FROM STDIN (FORMAT csv)"))
            .await?;
        copy.send(data).await?;
        let rows = copy.finish().await?;
        let copy_secs = start.elapsed().as_secs_f64();
        out["copy_rows_per_sec"] = json!(rows as f64 / copy_secs);
        out["flush_vs_copy"] = json!((stored as f64 / flush_secs) / (rows as f64 / copy_secs));
    }
    Ok(out)
}
