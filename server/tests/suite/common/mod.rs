//! Helpers for HTTP tests against the real server on a real port.
#![allow(dead_code)]

pub mod discord;
pub mod twitch;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

pub struct Api {
    pub base: String,
    pub client: reqwest::Client,
}

impl Api {
    pub fn new(base: &str) -> Api {
        Api {
            base: base.to_string(),
            client: reqwest::Client::new(),
        }
    }

    pub async fn login(&self, username: &str, password: &str) -> String {
        let (status, body) = self
            .call(
                Method::POST,
                "/v1/auth/login",
                None,
                Some(json!({"username": username, "password": password})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "login {username}: {body}");
        body["token"].as_str().expect("token").to_string()
    }

    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        self.call_with(method, path, token, body, &[]).await
    }

    pub async fn call_with(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
        headers: &[(&str, &str)],
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(method, format!("{}{}", self.base, path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        let text = resp.text().await.expect("body");
        let value = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"))
        };
        (status, value)
    }

    /// POST a raw body (for malformed-input tests).
    pub async fn raw(
        &self,
        path: &str,
        token: Option<&str>,
        content_type: &str,
        body: Vec<u8>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .post(format!("{}{}", self.base, path))
            .header("content-type", content_type)
            .body(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        let text = resp.text().await.expect("body");
        let value =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
        (status, value)
    }

    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let (status, body) = self
            .call(
                Method::POST,
                "/graphql",
                token,
                Some(json!({"query": query, "variables": variables})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }
}

/// The error code of a REST error body.
pub fn code(body: &Value) -> &str {
    body["error"]["code"].as_str().unwrap_or("<none>")
}

/// The `extensions.code` of the first GraphQL error.
pub fn gql_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("<none>")
}

/// One `#[tokio::test]` per case and backend — modules `sqlite` (SQLite + in-process bus)
/// and `postgres_redis` — each case against its own real server. `workers = false` leaves the
/// flush and the schedule to the test. A case is `async fn case(server: &TestServer)`.
#[macro_export]
macro_rules! backend_tests {
    (file = $file:literal, workers = $w:expr; $($case:ident),* $(,)?) => {
        $crate::backend_tests!(@one $file, sqlite, $w; $($case),*);
        $crate::backend_tests!(@one $file, postgres_redis, $w; $($case),*);
    };
    // With a fake of the outside world: `$with()` starts it, the server's configuration is
    // pointed at it (`Fake::configure`), and each case is `async fn case(s, &fake)`.
    (file = $file:literal, workers = $w:expr, with = $with:ident; $($case:ident),* $(,)?) => {
        $crate::backend_tests!(@with $file, sqlite, $w, $with; $($case),*);
        $crate::backend_tests!(@with $file, postgres_redis, $w, $with; $($case),*);
    };
    (@with $file:literal, $backend:ident, $w:expr, $with:ident; $($case:ident),*) => {
        mod $backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let name = concat!($file, "::", stringify!($backend), "::", stringify!($case));
                    let opts = lumio_server::testing::TestOptions {
                        workers: $w,
                        ..lumio_server::testing::TestOptions::$backend()
                    };
                    let fake = super::$with().await;
                    let server = lumio_server::testing::TestServer::start_with(opts, name, |c| {
                        $crate::common::Fake::configure(&fake, c)
                    })
                    .await;
                    if let Some(server) = server {
                        super::$case(&server, &fake).await;
                        server.stop().await;
                    }
                }
            )*
        }
    };
    (@one $file:literal, $backend:ident, $w:expr; $($case:ident),*) => {
        mod $backend {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let name = concat!($file, "::", stringify!($backend), "::", stringify!($case));
                    let opts = lumio_server::testing::TestOptions {
                        workers: $w,
                        ..lumio_server::testing::TestOptions::$backend()
                    };
                    if let Some(server) = lumio_server::testing::TestServer::start(opts, name).await {
                        super::$case(&server).await;
                        server.stop().await;
                    }
                }
            )*
        }
    };
}

/// A live-events WebSocket client.
pub type Ws =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// Open `/v1/chat/ws` on the server at `base` (http://…) with a token (in the upgrade
/// request's `Authorization` header, as the CLI sends it) and extra query (`&since=…`).
pub async fn ws_connect(base: &str, token: &str, query: &str) -> Ws {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let ws = base.replace("http://", "ws://");
    let url = match query.trim_start_matches('&') {
        "" => format!("{ws}/v1/chat/ws"),
        q => format!("{ws}/v1/chat/ws?{q}"),
    };
    let mut req = url.into_client_request().expect("a websocket URL");
    req.headers_mut().insert(
        "authorization",
        format!("Bearer {token}").parse().expect("a header value"),
    );
    tokio_tungstenite::connect_async(req)
        .await
        .expect("websocket")
        .0
}

/// Open `/v1/chat/ws` (resuming after `since` if given) and read its `hello`.
pub async fn ws_open(base: &str, token: &str, since: Option<&str>) -> Ws {
    let query = since.map(|c| format!("&since={c}")).unwrap_or_default();
    let mut ws = ws_connect(base, token, &query).await;
    let hello = ws_frame(&mut ws).await;
    assert_eq!(hello["type"], "hello", "{hello}");
    ws
}

/// The next frame as JSON, within 10 s; a close frame as `{"type":"closed"}`.
pub async fn ws_frame(ws: &mut Ws) -> Value {
    use futures::StreamExt;
    use tokio_tungstenite::tungstenite::Message;
    loop {
        let m = tokio::time::timeout(std::time::Duration::from_secs(10), ws.next())
            .await
            .expect("an event within 10 s")
            .expect("socket open")
            .expect("a frame");
        match m {
            Message::Text(t) => return serde_json::from_str(&t).expect("JSON frame"),
            Message::Close(_) => return serde_json::json!({"type": "closed"}),
            _ => continue,
        }
    }
}

/// The next live event other than `hello`, within 10 s.
pub async fn next_event(ws: &mut Ws) -> Value {
    use futures::StreamExt;
    loop {
        let m = tokio::time::timeout(std::time::Duration::from_secs(10), ws.next())
            .await
            .expect("an event within 10 s")
            .expect("the socket is open")
            .expect("a frame");
        if let tokio_tungstenite::tungstenite::Message::Text(t) = m {
            let v: Value = serde_json::from_str(&t).expect("JSON event");
            if v["type"] != "hello" {
                return v;
            }
        }
    }
}

/// A fake of something outside lumio (a platform's API) that a test server is pointed at.
pub trait Fake {
    fn configure(&self, config: &mut lumio_server::config::Config);
}

/// A valid platform user id for a chatter name, the same every time: digits on Twitch, Kick
/// and Trovo, a `UC…` channel id on YouTube, a snowflake on Discord (the rules of
/// `Platform::is_user_id`).
pub fn platform_id(platform: &str, name: &str) -> String {
    // FNV-1a: stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.to_lowercase().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    match platform {
        "youtube" => {
            let clean: String = name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .take(14)
                .collect();
            format!("UC{clean:0<14}{:08x}", h as u32)
        }
        "discord" => format!("{}", 100_000_000_000_000_000 + h % 800_000_000_000_000_000),
        _ => format!("{}", 1000 + h % 1_000_000_000),
    }
}

/// The moderation log entry `id` (`GET /v1/chat/moderation-log`) once its `delivery_status`
/// is `status`; `""` waits for no status at all (an action that is not delivered).
pub async fn log_entry_with_status(api: &Api, token: &str, id: &str, status: &str) -> Value {
    let mut last = Value::Null;
    for _ in 0..500 {
        let (st, page) = api
            .call(
                Method::GET,
                "/v1/chat/moderation-log?limit=200",
                Some(token),
                None,
            )
            .await;
        assert_eq!(st, StatusCode::OK, "{page}");
        if let Some(e) = page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
        {
            let now = &e["delivery_status"];
            if now == status || (status.is_empty() && now.is_null()) {
                return e.clone();
            }
            last = e.clone();
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("entry {id} never reached {status:?}: {last}");
}
