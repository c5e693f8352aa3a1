//! End to end: the real `lumio-server` binary — migrate and seed twice, serve on a free
//! port, log in as `mod` and round-trip a note with a plain HTTP client, stop on SIGTERM.
//! On SQLite, and on PostgreSQL + Redis.

#![allow(clippy::unwrap_used)]

mod common;

use std::process::{Command, Output, Stdio};
use std::time::Duration;

use common::Api;
use lumio_server::testing::{demo_seed_path, redis_url, TestBackend, TestDb};
use reqwest::{Method, StatusCode};
use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_lumio-server");

fn server(db_url: &str, redis: Option<&str>) -> Command {
    let mut c = Command::new(BIN);
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", db_url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null());
    if let Some(r) = redis {
        c.env("REDIS_URL", r);
    }
    c
}

fn run(mut c: Command) -> Output {
    let out = c.output().expect("run lumio-server");
    assert!(
        out.status.success(),
        "lumio-server failed: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn story(db_url: &str, redis: Option<&str>) {
    // migrate twice: the second run is a no-op.
    let mut c = server(db_url, redis);
    c.args(["migrate", "--status"]);
    assert!(stdout(&run(c)).contains("pending"));
    let mut c = server(db_url, redis);
    c.arg("migrate");
    assert!(stdout(&run(c)).contains("applied"));
    let mut c = server(db_url, redis);
    c.arg("migrate");
    assert!(stdout(&run(c)).contains("nothing to do"));

    // seed twice: the second run changes nothing and says so.
    let seed = demo_seed_path();
    let mut c = server(db_url, redis);
    c.args(["seed", &seed]);
    assert!(stdout(&run(c)).contains("created"));
    let mut c = server(db_url, redis);
    c.args(["seed", &seed]);
    let second = stdout(&run(c));
    assert!(second.contains("nothing to change"), "{second}");

    // serve, and use it like curl would.
    let port = free_port();
    let mut c = server(db_url, redis);
    c.args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn serve");
    let base = format!("http://127.0.0.1:{port}");
    let api = Api::new(&base);
    let mut up = false;
    for _ in 0..100 {
        if let Ok(r) = api.client.get(format!("{base}/readyz")).send().await {
            if r.status() == StatusCode::OK {
                up = true;
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(up, "server did not become ready");
    let t = api.login("mod", "lumio-mod").await;
    let path = "/v1/chat/users/youtube/UC0123456789abcdefABCD_-/notes";
    let (st, note) = api
        .call(Method::POST, path, Some(&t), Some(json!({"note": "e2e"})))
        .await;
    assert_eq!(st, StatusCode::CREATED, "{note}");
    let id = note["id"].as_str().unwrap();
    let (_, list) = api.call(Method::GET, path, Some(&t), None).await;
    assert_eq!(list[0]["note"], "e2e");
    let (st, _) = api
        .call(
            Method::PATCH,
            &format!("{path}/{id}"),
            Some(&t),
            Some(json!({"note": "e2e edited"})),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    let (st, _) = api
        .call(Method::DELETE, &format!("{path}/{id}"), Some(&t), None)
        .await;
    assert_eq!(st, StatusCode::NO_CONTENT);

    // SIGTERM: a graceful, successful exit.
    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "exit after SIGTERM: {status:?}");
}

#[tokio::test]
async fn sqlite_story() {
    let db = TestDb::create(TestBackend::Sqlite, "binary::sqlite_story")
        .await
        .unwrap();
    story(&db.url, None).await;
}

#[tokio::test]
async fn postgres_redis_story() {
    let Some(db) = TestDb::create(TestBackend::Postgres, "binary::postgres_redis_story").await
    else {
        return;
    };
    let Some(redis) = redis_url("binary::postgres_redis_story") else {
        return;
    };
    story(&db.url, Some(&redis)).await;
}

#[test]
fn bad_configuration_names_the_variable() {
    let out = server("mysql://root@localhost/x", None)
        .arg("migrate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("DATABASE_URL"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/x.db?mode=rwc", dir.path().display());
    let out = server(&url, None)
        .args(["serve", "--bind", "not-an-address"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("LUMIO_BIND"));

    let out = server(&url, Some("http://nope"))
        .args(["serve"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("REDIS_URL"));

    let mut c = server(&url, None);
    c.env("RUST_LOG", "info,[[[")
        .args(["serve", "--bind", "127.0.0.1:0"]);
    let out = c.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RUST_LOG"));
}

#[test]
fn a_bad_seed_file_is_rejected_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/x.db?mode=rwc", dir.path().display());
    run({
        let mut c = server(&url, None);
        c.arg("migrate");
        c
    });
    let seed = dir.path().join("bad.toml");
    std::fs::write(&seed, "[[accounts]]\nslug = \"a b\"\nname = \"x\"\n").unwrap();
    let out = server(&url, None)
        .args(["seed", seed.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:2: accounts[0].slug"), "{err}");

    let out = server(&url, None)
        .args(["seed", "/nonexistent.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
