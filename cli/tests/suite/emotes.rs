//! `lumio emotes` end to end: the real binary, a real server, the strict fake Twitch (asked
//! with the bot token connected by `lumio connect twitch --token-stdin`) and fakes of the
//! other emote providers in their real response shapes — on SQLite and on PostgreSQL + Redis.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::Cli;
use lumio_server::testing::{
    point_emote_providers_at, point_twitch_fake_at, TestOptions, TestServer,
};
use lumio_testkit::emote_providers::{FakeEmoteApis, TWITCH_CHANNEL};
use lumio_testkit::twitch::FakeTwitch;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    emotes(TestOptions::sqlite(), "cli::emotes::sqlite").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_redis() {
    emotes(TestOptions::postgres_redis(), "cli::emotes::postgres_redis").await;
}

async fn emotes(opts: TestOptions, name: &str) {
    let twitch = FakeTwitch::start().await.unwrap();
    let apis = FakeEmoteApis::start().await.unwrap();
    let Some(s) = TestServer::start_with(opts, name, |c| {
        point_twitch_fake_at(&twitch, c);
        point_emote_providers_at(&apis, c);
    })
    .await
    else {
        return;
    };
    let owner = Cli::new(&s);
    owner.login("owner").await;
    let bot = twitch.bot.id.clone();
    owner
        .connect_twitch(&twitch, &bot, "bot", &["user:bot", "user:read:emotes"])
        .await;
    let cli = Cli::new(&s);
    cli.login("viewer").await;

    // Piped: provider, name, id, url, animated per line.
    let out = cli.ok(&["emotes", "twitch", TWITCH_CHANNEL], None).await;
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 7, "{out}");
    assert_eq!(rows[0][..2], ["twitch", "lumioHype"]);
    let cat = rows.iter().find(|r| r[1] == "catJAM").unwrap();
    assert_eq!(cat[0], "7tv");
    assert_eq!(cat[4], "animated");

    let out = cli
        .ok(
            &["emotes", "twitch", TWITCH_CHANNEL, "--provider", "bttv,ffz"],
            None,
        )
        .await;
    let provs: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(provs, ["bttv", "bttv", "ffz"], "{out}");

    // One provider down: it is named on stderr, the rest still print, exit 0.
    apis.set_failing("ffz", true);
    let r = cli.run(&["emotes", "twitch", "999"], None).await;
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("ffz: ffz answered 500"), "{}", r.stderr);

    let v: Value =
        serde_json::from_str(&cli.ok(&["emotes", "--user", "--json"], None).await).unwrap();
    // --json lists are arrays: the bot's channel emotes and a global.
    assert_eq!(v.as_array().unwrap().len(), 3, "{v}");
    let v: Value = serde_json::from_str(
        &cli.ok(
            &[
                "emotes",
                "twitch",
                TWITCH_CHANNEL,
                "--provider",
                "7tv",
                "--json",
            ],
            None,
        )
        .await,
    )
    .unwrap();
    assert!(
        v.as_array().unwrap().iter().all(|e| e["provider"] == "7tv"),
        "{v}"
    );

    let r = cli.run(&["emotes", "myspace", "1"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = cli.run(&["emotes", "twitch"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    s.stop().await;
}
