//! `history-buffer`: history and count with messages waiting in the buffer.

use lumio_server::bus::keys;
use lumio_server::chat::model::ChatMessage;
use lumio_server::testing::TestServer;
use serde_json::{json, Value};

use crate::args::Args;
use crate::client::login;
use crate::data::{account_id, generate};
use crate::stats::timed;

/// History and count with messages waiting in the buffer (the flush stopped: the server runs
/// without workers), over `STORED` stored ones.
pub async fn run(a: &Args, s: &TestServer) -> anyhow::Result<Value> {
    const STORED: usize = 50_000;
    let state = &s.state;
    let account = account_id(state).await?;
    let stored = generate(account, STORED);
    for chunk in stored.chunks(5_000) {
        state.db.chat().insert_messages(chunk).await?;
    }
    state.db.analyze().await?;
    let (http, token, _) = login(&s.url).await?;
    let buffer = keys::chat_buffer(account);
    let mut have = 0usize;
    let mut out = Vec::new();
    for &want in &a.buffered {
        // Newer messages than the stored ones, pushed in id order as ingest pushes them.
        while have < want {
            let n = (want - have).min(10_000);
            let items: Vec<String> = generate(account, n)
                .iter()
                .map(|m| serde_json::to_string(m).unwrap_or_default())
                .collect();
            for chunk in items.chunks(1_000) {
                state.bus.list_push(&buffer, chunk).await?;
            }
            have += n;
        }
        anyhow::ensure!(state.bus.list_len(&buffer).await? == want, "buffer length");
        let get = |path: &'static str| {
            let (http, token, url) = (http.clone(), token.clone(), s.url.clone());
            move || {
                let (http, token, url) = (http.clone(), token.clone(), url.clone());
                async move {
                    let r = http
                        .get(format!("{url}{path}"))
                        .bearer_auth(&token)
                        .send()
                        .await?;
                    anyhow::ensure!(r.status().is_success(), "{path}: {}", r.status());
                    r.bytes().await?;
                    Ok(())
                }
            }
        };
        // Warm up, then measure.
        timed(20, get("/v1/chat/history?limit=50")).await?;
        let (h50, h99) = timed(200, get("/v1/chat/history?limit=50")).await?;
        let (c50, c99) = timed(200, get("/v1/chat/history/count")).await?;
        let (f50, f99) = timed(20, get("/v1/chat/history?limit=50&platform=kick")).await?;
        // The same run's physical reference: what a page cannot do with less.
        let bus = state.bus.clone();
        let (l50, l99) = timed(200, || {
            let (bus, buffer) = (bus.clone(), buffer.clone());
            async move {
                let slack = lumio_server::chat::buffer::ORDER_SLACK as isize;
                let items = bus.list_range(&buffer, -(51 + slack), -1).await?;
                for i in &items {
                    let _: ChatMessage = serde_json::from_str(i)?;
                }
                Ok(())
            }
        })
        .await?;
        let filter = lumio_server::chat::model::ChatFilter::default();
        let (q50, q99) = timed(200, || {
            let (db, filter) = (state.db.clone(), filter.clone());
            async move {
                db.chat()
                    .messages_page(account, &filter, None, None, 51)
                    .await?;
                Ok(())
            }
        })
        .await?;
        out.push(json!({"buffered": want, "stored": STORED,
            "history_p50_ms": h50, "history_p99_ms": h99,
            "count_p50_ms": c50, "count_p99_ms": c99,
            "filtered_history_p50_ms": f50, "filtered_history_p99_ms": f99,
            "ref_buffer_tail_p50_ms": l50, "ref_buffer_tail_p99_ms": l99,
            "ref_sql_page_p50_ms": q50, "ref_sql_page_p99_ms": q99}));
    }
    let base = out
        .first()
        .and_then(|r| r["history_p99_ms"].as_f64())
        .unwrap_or(f64::NAN);
    for r in &mut out {
        let p99 = r["history_p99_ms"].as_f64().unwrap_or(f64::NAN);
        r["history_p99_vs_empty"] = json!(p99 / base);
    }
    Ok(json!(out))
}
