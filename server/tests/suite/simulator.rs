//! The simulator connector on both backends: it produces chat on all five platforms through
//! the real ingest path (live events, history, first-time chatters, spammers).

#![allow(clippy::unwrap_used)]

use crate::common;

use std::collections::HashSet;
use std::time::Duration;

use common::{next_event, ws_connect, Api};
use lumio_server::platforms::simulator::{self, SimulatorConfig};
use lumio_server::testing::TestServer;
use reqwest::Method;

backend_tests!(
    file = "simulator", workers = true;
    simulated_chat_covers_five_platforms
);

async fn simulated_chat_covers_five_platforms(s: &TestServer) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let mut live = ws_connect(&s.url, &m, "").await;
    let sim = tokio::spawn(simulator::run(
        s.state.clone(),
        SimulatorConfig {
            account_slug: "demo".into(),
            rate: 400.0,
            seed: 42,
            skip: Vec::new(),
        },
    ));
    // Live events arrive as the simulator ingests.
    let first = next_event(&mut live).await;
    assert_eq!(first["type"], "message", "{first}");
    let mut platforms = HashSet::new();
    let mut spam = false;
    let mut firsts = false;
    for _ in 0..100 {
        let (_, h) = api
            .call(Method::GET, "/v1/chat/history?limit=500", Some(&m), None)
            .await;
        for msg in h["messages"].as_array().unwrap() {
            platforms.insert(msg["platform"].as_str().unwrap().to_string());
            spam |= msg["username"].as_str().unwrap().starts_with("f0llow_b0t_");
            firsts |= msg["is_first_message"] == true;
        }
        if platforms.len() == 5 && spam && firsts {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    sim.abort();
    assert_eq!(platforms.len(), 5, "{platforms:?}");
    assert!(spam, "some spammers worth banning");
    assert!(firsts, "first-time chatters");

    // An unknown account is a clear error, not a silent idle loop.
    let err = simulator::run(
        s.state.clone(),
        SimulatorConfig {
            account_slug: "nope".into(),
            rate: 1.0,
            seed: 1,
            skip: Vec::new(),
        },
    )
    .await
    .unwrap_err();
    assert!(err.to_string().contains("nope"), "{err}");
}
