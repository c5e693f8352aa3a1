//! A live WebSocket client of the server and the reader of timed chat frames.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;

/// What the latency subscribers read of a live event.
#[derive(serde::Deserialize)]
struct Frame<'a> {
    #[serde(rename = "type", borrow)]
    kind: std::borrow::Cow<'a, str>,
    #[serde(default, borrow)]
    message: Option<FrameMessage<'a>>,
}

#[derive(serde::Deserialize)]
struct FrameMessage<'a> {
    #[serde(borrow)]
    message: std::borrow::Cow<'a, str>,
}

pub type LiveSocket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// A live WebSocket of the server at `base` (`http://…`), the token in the upgrade request's
/// `Authorization` header as the CLI sends it (never in the URL).
pub async fn live_socket(base: &str, token: &str) -> anyhow::Result<LiveSocket> {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let mut req =
        format!("{}/v1/chat/ws", base.replace("http://", "ws://")).into_client_request()?;
    req.headers_mut()
        .insert("authorization", format!("Bearer {token}").parse()?);
    Ok(tokio_tungstenite::connect_async(req).await?.0)
}

/// Read `total` chat messages from a live socket, each message's text being `t=<µs since
/// origin>` when it was sent: their latencies in ms. Stops early after 10 s of silence, or on
/// a `lagged` event (counted in `lagged` when given).
pub async fn read_latencies(
    mut ws: LiveSocket,
    total: usize,
    origin: Instant,
    lagged: Option<Arc<AtomicU64>>,
) -> Vec<f64> {
    let mut lat = Vec::with_capacity(total);
    while lat.len() < total {
        let Ok(Some(Ok(m))) = tokio::time::timeout(Duration::from_secs(10), ws.next()).await else {
            break;
        };
        let Ok(text) = m.into_text() else { continue };
        // Only the fields read: a full `Value` per frame would make this load generator, on
        // the same cores, the bottleneck it measures.
        let Ok(v) = serde_json::from_str::<Frame>(&text) else {
            continue;
        };
        if v.kind == "lagged" {
            if let Some(l) = &lagged {
                l.fetch_add(1, Ordering::Relaxed);
            }
            break;
        }
        if let Some(sent) = v
            .message
            .and_then(|m| m.message.strip_prefix("t=")?.parse::<u64>().ok())
        {
            let now = origin.elapsed().as_micros() as u64;
            lat.push(now.saturating_sub(sent) as f64 / 1000.0);
        }
    }
    lat
}
