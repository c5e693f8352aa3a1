//! `history`: the first page and a deep page of history over a large table.

use std::time::Instant;

use lumio_server::chat::store::{pg_copy_csv as csv, COLS};
use lumio_server::testing::TestServer;
use serde_json::{json, Value};
use sqlx::postgres::PgPoolCopyExt;

use crate::args::Args;
use crate::client::login;
use crate::data::{account_id, generate};
use crate::stats::percentile;

pub async fn run(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
    let state = &s.state;
    let account = account_id(state).await?;
    let start = Instant::now();
    let mut left = a.history_rows;
    while left > 0 {
        let n = left.min(50_000);
        let msgs = generate(account, n);
        match &state.db {
            lumio_server::store::Db::Postgres(pool) => {
                let mut copy = pool
                    .copy_in_raw(&format!(
                        "COPY platform_messages ({COLS}) FROM STDIN (FORMAT csv)"
                    ))
                    .await?;
                copy.send(csv(&msgs)).await?;
                copy.finish().await?;
            }
            lumio_server::store::Db::Sqlite(_) => {
                for chunk in msgs.chunks(1000) {
                    state.db.chat().insert_messages(chunk).await?;
                }
            }
        }
        left -= n;
    }
    state.db.analyze().await?;
    let load_secs = start.elapsed().as_secs_f64();
    let (http, token, _) = login(&s.url).await?;
    let deep = (state.db.chat())
        .newest_id_at(account, (a.history_rows / 2) as i64)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no message at half the history"))?;
    let mut res = json!({"rows": a.history_rows, "load_seconds": load_secs});
    for (name, query) in [
        ("first_page", "limit=50".to_string()),
        ("deep_page", format!("limit=50&cursor={}", deep.simple())),
    ] {
        let mut times = Vec::new();
        for _ in 0..100 {
            let t = Instant::now();
            let r = http
                .get(format!("{}/v1/chat/history?{query}", s.url))
                .bearer_auth(&token)
                .send()
                .await?;
            let ok = r.status().is_success();
            let _ = r.bytes().await?;
            anyhow::ensure!(ok, "history request failed");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        res[format!("{name}_p50_ms")] = json!(percentile(&times, 0.5));
        res[format!("{name}_p99_ms")] = json!(percentile(&times, 0.99));
    }
    Ok(res)
}
