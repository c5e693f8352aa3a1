//! Running the real `lumio` binary with a temporary config directory and no terminal.
#![allow(dead_code, clippy::unwrap_used)]

use std::process::Stdio;
use std::time::Duration;

use lumio_server::testing::TestServer;
use tokio::io::AsyncWriteExt;

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub struct Cli {
    pub server: String,
    pub config: tempfile::TempDir,
}

impl Cli {
    pub fn new(s: &TestServer) -> Cli {
        Cli {
            server: s.url.clone(),
            config: tempfile::tempdir().unwrap(),
        }
    }

    /// Run `lumio ARGS` with `stdin` (none: /dev/null); a hang fails the test.
    pub async fn run(&self, args: &[&str], stdin: Option<&str>) -> Run {
        self.run_env(args, stdin, &[]).await
    }

    /// [`Cli::run`] with more environment variables.
    pub async fn run_env(&self, args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
        let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_lumio"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("LUMIO_CONFIG_DIR", self.config.path())
            .env("LUMIO_SERVER", &self.server)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .kill_on_drop(true);
        let mut child = cmd.spawn().unwrap();
        if let Some(input) = stdin {
            let mut pipe = child.stdin.take().unwrap();
            pipe.write_all(input.as_bytes()).await.unwrap();
            drop(pipe);
        }
        let out = tokio::time::timeout(Duration::from_secs(20), child.wait_with_output())
            .await
            .unwrap_or_else(|_| panic!("lumio {args:?} hung"))
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).to_string(),
            stderr: String::from_utf8_lossy(&out.stderr).to_string(),
        }
    }

    /// Start `lumio ARGS` (no stdin, stdout and stderr piped) without waiting for it.
    pub fn spawn(&self, args: &[&str], env: &[(&str, &str)]) -> tokio::process::Child {
        tokio::process::Command::new(env!("CARGO_BIN_EXE_lumio"))
            .args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("LUMIO_CONFIG_DIR", self.config.path())
            .env("LUMIO_SERVER", &self.server)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap()
    }

    pub async fn ok(&self, args: &[&str], stdin: Option<&str>) -> String {
        let r = self.run(args, stdin).await;
        assert_eq!(r.code, 0, "lumio {args:?}: {}{}", r.stdout, r.stderr);
        r.stdout
    }

    /// `lumio connect twitch --token-stdin --as ROLE --channel lumio_demo` with tokens the fake
    /// issued to `user` with `scopes`; the tokens.
    pub async fn connect_twitch(
        &self,
        fake: &lumio_testkit::twitch::FakeTwitch,
        user: &str,
        role: &str,
        scopes: &[&str],
    ) -> lumio_testkit::twitch::TokenPair {
        let pair = fake.issue_user_token(user, scopes);
        let stdin = format!("{}\n{}\n", pair.access_token, pair.refresh_token);
        let args = [
            "connect",
            "twitch",
            "--token-stdin",
            "--as",
            role,
            "--channel",
            "lumio_demo",
        ];
        self.ok(&args, Some(&stdin)).await;
        pair
    }

    pub async fn login(&self, user: &str) {
        let password = format!("lumio-{user}\n");
        self.ok(
            &["auth", "login", "--username", user, "--password-stdin"],
            Some(&password),
        )
        .await;
    }
}

/// `POST url` with a JSON body (and a bearer token): the answer's JSON.
pub async fn post_json(
    url: &str,
    token: Option<&str>,
    body: &serde_json::Value,
) -> serde_json::Value {
    let mut req = reqwest::Client::new().post(url).json(body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap().json().await.unwrap()
}

/// Serve the test server's state on `listener` (a second front door, or the same address
/// again after a stop): returns the stop switch and the serving task.
pub async fn front(
    s: &TestServer,
    listener: tokio::net::TcpListener,
) -> (
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<std::io::Result<()>>,
) {
    let state = lumio_server::state::AppState {
        closing: std::sync::Arc::new(tokio::sync::watch::Sender::new(false)),
        ..s.state.clone()
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(lumio_server::app::serve(listener, state, async {
        let _ = stopped.await;
    }));
    (stop, serving)
}

/// One `#[tokio::test]` per case against one backend.
#[macro_export]
macro_rules! on_backend {
    ($module:ident, $opts:expr, $($case:ident),*) => {
        mod $module {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let name = concat!(module_path!(), "::", stringify!($case));
                    if let Some(server) = lumio_server::testing::TestServer::start($opts, name).await {
                        super::$case(&server).await;
                        server.stop().await;
                    }
                }
            )*
        }
    };
}

/// Every case on SQLite + in-process bus and on PostgreSQL + Redis.
#[macro_export]
macro_rules! on_both {
    ($($case:ident),* $(,)?) => {
        $crate::on_backend!(sqlite, lumio_server::testing::TestOptions::sqlite(), $($case),*);
        $crate::on_backend!(postgres_redis, lumio_server::testing::TestOptions::postgres_redis(), $($case),*);
    };
}

/// A valid platform user id for a made-up chatter (the server refuses ids that break the
/// platform's rule): digits on twitch, kick and trovo, `UC…` on youtube, a snowflake on
/// discord — the same name always gets the same id.
pub fn uid(platform: &str, name: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    match platform {
        "youtube" => {
            let body: String = name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .chain(std::iter::repeat('a'))
                .take(22)
                .collect();
            format!("UC{body}")
        }
        "discord" => format!("1{:017}", h % 100_000_000_000_000_000),
        _ => format!("{}", h % 1_000_000_000 + 1),
    }
}

/// An NDJSON line of a chat message from `user` on `platform`.
pub fn message_line(platform: &str, user: &str, text: &str) -> String {
    serde_json::json!({
        "platform": platform, "channel_name": "c", "user_id": uid(platform, user),
        "username": user, "message": text,
    })
    .to_string()
}

/// A second host that records the head of every request it gets (request line and
/// headers) and answers each with a lumio-style 401.
pub struct Recorder {
    pub url: String,
    pub heads: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Recorder {
    pub async fn start() -> Recorder {
        use tokio::io::AsyncReadExt;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let heads = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let seen = heads.clone();
        tokio::spawn(async move {
            while let Ok((mut sock, _)) = listener.accept().await {
                let seen = seen.clone();
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    let mut chunk = [0u8; 4096];
                    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                        match sock.read(&mut chunk).await {
                            Ok(0) | Err(_) => break,
                            Ok(n) => buf.extend_from_slice(&chunk[..n]),
                        }
                    }
                    seen.lock()
                        .unwrap()
                        .push(String::from_utf8_lossy(&buf).to_string());
                    let body = r#"{"error":{"code":"unauthorized","message":"recorder"}}"#;
                    let answer = format!(
                        "HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n\
                         content-length: {}\r\nconnection: close\r\n\r\n{body}",
                        body.len()
                    );
                    let _ = sock.write_all(answer.as_bytes()).await;
                    let _ = sock.shutdown().await;
                });
            }
        });
        Recorder { url, heads }
    }

    pub fn heads(&self) -> Vec<String> {
        self.heads.lock().unwrap().clone()
    }
}
