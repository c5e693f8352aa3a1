//! Issue 14: the access log. Every request is logged in a span with its method, matched
//! route, status and a redacted query string; secrets in a query (the live WebSocket's
//! `token`, OAuth's `code` and `state`, any credential) never reach a log line.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::sync::{Arc, Mutex};

use lumio_server::testing::{TestOptions, TestServer};

/// Everything the server logs, captured (this test binary installs the global subscriber).
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secrets_in_a_query_never_reach_the_log() {
    let log = Captured::default();
    let writer = log.clone();
    tracing_subscriber::fmt()
        .with_env_filter("info")
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();
    let Some(s) = TestServer::start(TestOptions::sqlite(), "request_log").await else {
        return;
    };
    let http = reqwest::Client::new();
    let secrets = [
        "lum_secret_token_1",
        "oauth_code_2",
        "oauth_state_3",
        "refresh_4",
        "client_secret_5",
        "hunter2_6",
    ];
    let urls = [
        format!("{}/v1/chat/ws?token={}&since=", s.url, secrets[0]),
        format!(
            "{}/api/discord-guilds/callback?code={}&state={}&guild_id=1",
            s.url, secrets[1], secrets[2]
        ),
        format!(
            "{}/healthz?refresh_token={}&Client_Secret={}&%70assword={}",
            s.url, secrets[3], secrets[4], secrets[5]
        ),
    ];
    for u in &urls {
        let r = http.get(u).send().await.unwrap();
        assert!(r.status().as_u16() < 500, "{u}: {}", r.status());
    }
    s.stop().await;
    let text = log.text();
    for secret in secrets {
        assert!(!text.contains(secret), "{secret} was logged:\n{text}");
    }
    // The lines are there, with the route template and the status.
    let health = text
        .lines()
        .find(|l| l.contains("route=/healthz") && l.contains("refresh_token=[redacted]"))
        .unwrap_or_else(|| panic!("no /healthz request line:\n{text}"));
    assert!(health.contains("method=GET"), "{health}");
    assert!(health.contains("status=200"), "{health}");
    assert!(
        text.contains("code=[redacted]&state=[redacted]&guild_id=1"),
        "{text}"
    );
}
