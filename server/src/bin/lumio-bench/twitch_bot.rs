//! The fake Twitch's channel connected to the demo account, read by lumio's bot worker: what
//! `delivery` and `eventsub` start from.

use std::time::{Duration, Instant};

use lumio_server::testing::TestServer;
use lumio_testkit::twitch::{FakeTwitch, TokenPair};
use serde_json::json;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// What the bot is granted: chat in, bans, and reading the moderation events.
const SCOPES: [&str; 6] = [
    "user:read:chat",
    "user:bot",
    "moderator:manage:banned_users",
    "moderator:read:chat_messages",
    "moderator:read:moderators",
    "moderator:read:warnings",
];

/// A running bot worker on the fake channel, with the owner's client and lumio token.
pub struct Bot {
    pub http: reqwest::Client,
    pub token: String,
    /// The bot's Twitch tokens, as the fake issued them.
    pub pair: TokenPair,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Bot {
    /// Stop the worker (its channel released) and wait for it.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// Log in as the owner, paste the fake bot's tokens as the channel's bot credential, turn the
/// Twitch bot on and run a bot worker until the fake has the `subscriptions` (types) enabled.
pub async fn start(
    s: &TestServer,
    fake: &FakeTwitch,
    subscriptions: &[&str],
) -> anyhow::Result<Bot> {
    let http = reqwest::Client::new();
    let base = s.url.clone();
    let token = crate::client::owner_token(&http, &base).await?;
    fake.add_moderator(&fake.broadcaster.id, &fake.bot.id);
    let pair = fake.issue_user_token(&fake.bot.id, &SCOPES);
    for (path, body) in [
        (
            "/v1/connections/twitch/tokens",
            json!({"access_token": pair.access_token, "refresh_token": pair.refresh_token,
                "role": "bot", "channel": fake.broadcaster.login}),
        ),
        (
            "/v1/bot-toggle",
            json!({"platform": "twitch", "enabled": true}),
        ),
    ] {
        let r = http
            .post(format!("{base}{path}"))
            .bearer_auth(&token)
            .json(&body)
            .send()
            .await?;
        anyhow::ensure!(r.status().is_success(), "{path}: {}", r.status());
    }
    let (stop, rx) = watch::channel(false);
    let task = lumio_server::bots::worker::spawn(
        s.state.clone(),
        lumio_server::bots::worker::WorkerOptions::from_config(&s.state.config),
        rx,
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    let enabled = |kind: &str| {
        fake.subscriptions()
            .iter()
            .any(|x| x["type"] == kind && x["status"] == "enabled")
    };
    while !subscriptions.iter().all(|k| enabled(k)) {
        anyhow::ensure!(
            Instant::now() < deadline,
            "the bot never read the fake channel"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(Bot {
        http,
        token,
        pair,
        stop,
        task,
    })
}
