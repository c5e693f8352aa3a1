//! `lumio discord …` and `lumio admin guilds|bots|audit` end to end: the real `lumio` binary,
//! without a terminal, against the real server (both backends) pointed at lumio-testkit's
//! fake Discord. The test plays the browser: it opens the URL `authorize` prints on the fake's
//! consent screen and follows the redirect to the server's callback.

#![allow(clippy::unwrap_used)]

use crate::common;

use std::time::Duration;

use common::Cli;
use lumio_server::config::DiscordOAuth;
use lumio_server::testing::TestServer;
use lumio_testkit::discord::{Consent, FakeDiscord};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};

const REDIRECT: &str = "http://lumio.test/api/discord-guilds/callback";

macro_rules! with_discord {
    ($module:ident, $opts:expr, $($case:ident),*) => {
        mod $module {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    let name = concat!(module_path!(), "::", stringify!($case));
                    let fake = super::fake().await;
                    let server = lumio_server::testing::TestServer::start_with($opts, name, |c| {
                        super::configure(&fake, c)
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
}

macro_rules! both {
    ($($case:ident),* $(,)?) => {
        with_discord!(sqlite, lumio_server::testing::TestOptions::sqlite(), $($case),*);
        with_discord!(postgres_redis, lumio_server::testing::TestOptions::postgres_redis(), $($case),*);
    };
}

both!(
    authorize_prints_the_url_and_waits_until_the_server_is_connected,
    authorize_without_a_callback_times_out_with_exit_1,
    channels_roles_and_feature_mappings,
    admin_lists_and_removes_mappings_and_the_audit_log_shows_it,
    admin_bots_list_toggle_rm_and_the_guild_toggle,
    slash_commands_are_registered_and_the_daily_limit_is_said
);

async fn fake() -> FakeDiscord {
    let f = FakeDiscord::start().await.unwrap();
    f.register_redirect_uri(REDIRECT);
    f
}

fn configure(fake: &FakeDiscord, c: &mut lumio_server::config::Config) {
    c.platforms.discord.api_url = fake.api_url();
    c.platforms.discord.client_id = Some(fake.application_id().to_string());
    c.platforms.discord.token = Some(fake.bot_token().to_string());
    c.discord_oauth = DiscordOAuth {
        authorize_url: fake.authorize_url(),
        client_secret: Some(fake.client_secret().to_string()),
        redirect_uri: REDIRECT.to_string(),
    };
    c.discord_gateway_url = fake.gateway_url();
}

/// The browser: approve `url` on the fake's consent screen for `guild`, follow the redirect to
/// the server's callback.
async fn browser(s: &TestServer, fake: &FakeDiscord, url: &str, guild: &str) {
    let redirect = fake
        .authorize(
            url,
            &Consent {
                user_id: fake.guild.owner.id.clone(),
                guild_id: Some(guild.to_string()),
                approve: true,
            },
        )
        .unwrap();
    let r = reqwest::Client::new()
        .get(format!(
            "{}/api/discord-guilds/callback?{}",
            s.url,
            redirect.split_once('?').unwrap().1
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap());
}

/// Connect the fake's guild as `cli`'s user with `authorize --no-wait`.
async fn connect(s: &TestServer, fake: &FakeDiscord, cli: &Cli) {
    let out = cli
        .ok(&["discord", "authorize", "--no-wait", "--json"], None)
        .await;
    let a: Value = serde_json::from_str(&out).unwrap();
    browser(s, fake, a["url"].as_str().unwrap(), &fake.guild.id).await;
}

async fn authorize_prints_the_url_and_waits_until_the_server_is_connected(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let cli = Cli::new(s);
    cli.login("owner").await;
    let g = fake.guild.id.clone();
    let mut child = cli.spawn(
        &[
            "discord",
            "authorize",
            "--timeout",
            "30s",
            "--poll-every",
            "1",
        ],
        &[],
    );
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = tokio::time::timeout(Duration::from_secs(20), stdout.next_line())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert!(url.starts_with(&fake.authorize_url()), "{url}");
    assert!(url.contains("scope=bot+applications.commands"), "{url}");
    // The person takes a moment, then approves.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    browser(s, fake, &url, &g).await;
    let done = tokio::time::timeout(Duration::from_secs(20), stdout.next_line())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert!(
        done.starts_with("Connected Discord server Lumio Demo Server"),
        "{done}"
    );
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success());

    // Piped: TSV without headers; --json: an array.
    let out = cli.ok(&["discord", "guilds"], None).await;
    let fields: Vec<&str> = out.trim_end().split('\t').collect();
    assert_eq!(fields[0], g, "{out}");
    assert_eq!(fields[1], "Lumio Demo Server");
    assert_eq!(fields[2], "Olive Owner");
    assert!(fields[3].contains('T'), "RFC 3339 when piped: {out}");
    let out = cli.ok(&["discord", "guilds", "--json"], None).await;
    let list: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(list[0]["guild_id"], g);

    // Re-adding the same server is noticed too (its mapping is refreshed).
    let mut child = cli.spawn(
        &[
            "discord",
            "authorize",
            "--json",
            "--timeout",
            "30s",
            "--poll-every",
            "1",
        ],
        &[],
    );
    let mut stderr = BufReader::new(child.stderr.take().unwrap()).lines();
    let line = tokio::time::timeout(Duration::from_secs(20), stderr.next_line())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let url = line
        .strip_prefix("Open this URL to add the bot: ")
        .unwrap_or_else(|| panic!("{line}"));
    tokio::time::sleep(Duration::from_millis(1200)).await;
    browser(s, fake, url, &g).await;
    let out = tokio::time::timeout(Duration::from_secs(20), child.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    assert!(out.status.success());
    let c: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["guild_id"], g);

    // A viewer may not list: exit 4 naming the permission.
    let viewer = Cli::new(s);
    viewer.login("viewer").await;
    let r = viewer.run(&["discord", "guilds"], None).await;
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("bot-connections:read"), "{}", r.stderr);
}

async fn authorize_without_a_callback_times_out_with_exit_1(s: &TestServer, _fake: &FakeDiscord) {
    let cli = Cli::new(s);
    cli.login("owner").await;
    let r = cli
        .run(
            &[
                "discord",
                "authorize",
                "--timeout",
                "2s",
                "--poll-every",
                "1",
            ],
            None,
        )
        .await;
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("http://127.0.0.1:"), "{}", r.stdout);
    let last = r.stderr.trim_end().lines().last().unwrap();
    assert!(
        last.starts_with("lumio: no Discord server was connected within 2s"),
        "{}",
        r.stderr
    );
    // --web where no browser can be opened: the URL is still printed, a note says so, and
    // lumio neither hangs nor fails for it.
    let r = cli
        .run_env(
            &["discord", "authorize", "--web", "--no-wait"],
            None,
            &[("PATH", "/nonexistent")],
        )
        .await;
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("http://127.0.0.1:"), "{}", r.stdout);
    assert!(
        r.stderr.contains("could not open a browser"),
        "{}",
        r.stderr
    );
    // A bad timeout is a usage error.
    let r = cli
        .run(&["discord", "authorize", "--timeout", "2d"], None)
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
}

async fn channels_roles_and_feature_mappings(s: &TestServer, fake: &FakeDiscord) {
    let cli = Cli::new(s);
    cli.login("owner").await;
    connect(s, fake, &cli).await;
    let g = fake.guild.id.clone();
    let general = fake.guild.channel("general").unwrap().id.clone();

    let out = cli.ok(&["discord", "channels", &g], None).await;
    let first: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
    assert_eq!(first[..3], [general.as_str(), "general", "text"], "{out}");
    let out = cli.ok(&["discord", "roles", &g, "--json"], None).await;
    let roles: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(roles[0]["name"], "@everyone");

    let out = cli
        .ok(
            &["discord", "set-feature", &g, "chat_mirror", "#general"],
            None,
        )
        .await;
    assert!(
        out.contains(&format!("chat_mirror now posts into channel {general}")),
        "{out}"
    );
    cli.ok(
        &[
            "discord",
            "set-feature",
            &g,
            "moderation_log",
            "#mod-log",
            "--paused",
        ],
        None,
    )
    .await;
    let out = cli.ok(&["discord", "features", &g], None).await;
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 6, "{out}");
    let chat = rows.iter().find(|r| r[0] == "chat_mirror").unwrap();
    assert_eq!((chat[1], chat[2]), (general.as_str(), "true"));
    let log = rows.iter().find(|r| r[0] == "moderation_log").unwrap();
    assert_eq!(log[2], "false");
    let live = rows.iter().find(|r| r[0] == "live_notification").unwrap();
    assert_eq!(live[1], "");
    let out = cli.ok(&["discord", "features", &g, "--json"], None).await;
    let fs: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(fs.as_array().unwrap().len(), 6);

    // Refusals: unknown feature and bad ids (usage, 2), a voice channel (the server's 422, 1),
    // an unknown #name (5).
    let r = cli
        .run(
            &["discord", "set-feature", &g, "raid_alerts", "#general"],
            None,
        )
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    let r = cli.run(&["discord", "channels", "42"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.starts_with("lumio: '42' is no Discord server id"),
        "{}",
        r.stderr
    );
    let r = cli
        .run(
            &["discord", "set-feature", &g, "chat_mirror", "#Lounge"],
            None,
        )
        .await;
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("voice channel"), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let r = cli
        .run(
            &["discord", "set-feature", &g, "chat_mirror", "#nope"],
            None,
        )
        .await;
    assert_eq!(r.code, 5, "{}", r.stderr);
    let r = cli
        .run(&["discord", "set-feature", &g, "chat_mirror"], None)
        .await;
    assert_eq!(r.code, 2, "a channel or --off is required: {}", r.stderr);
    let out = cli
        .ok(
            &["discord", "set-feature", &g, "chat_mirror", "--off"],
            None,
        )
        .await;
    assert!(out.contains("chat_mirror is no longer mapped"), "{out}");

    // Disconnect: never without --yes when nobody can be asked.
    let r = cli.run(&["discord", "disconnect", &g], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    let out = cli
        .ok(&["discord", "disconnect", &g, "--yes", "--json"], None)
        .await;
    let d: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["disconnected"], g);
    let r = cli.run(&["discord", "channels", &g], None).await;
    assert_eq!(r.code, 5, "{}", r.stderr);
    let out = cli.ok(&["discord", "guilds", "--json"], None).await;
    assert_eq!(out.trim(), "[]");
}

async fn admin_lists_and_removes_mappings_and_the_audit_log_shows_it(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let owner = Cli::new(s);
    owner.login("owner").await;
    connect(s, fake, &owner).await;
    let g = fake.guild.id.clone();
    // An account owner is no admin.
    let r = owner.run(&["admin", "guilds", "list"], None).await;
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("discord-guilds:read"), "{}", r.stderr);

    let admin = Cli::new(s);
    admin.login("admin").await;
    let out = admin.ok(&["admin", "guilds", "list"], None).await;
    let fields: Vec<&str> = out.trim_end().split('\t').collect();
    assert_eq!(
        (fields[0], fields[1]),
        (g.as_str(), "Lumio Demo Server"),
        "{out}"
    );
    let r = admin.run(&["admin", "guilds", "rm", &g], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    let out = admin
        .ok(&["admin", "guilds", "rm", &g, "--yes"], None)
        .await;
    assert!(
        out.starts_with(&format!("Removed Discord guild {g} (Lumio Demo Server)")),
        "{out}"
    );
    let r = admin
        .run(&["admin", "guilds", "rm", &g, "--yes"], None)
        .await;
    assert_eq!(r.code, 5, "{}", r.stderr);
    let out = owner.ok(&["discord", "guilds", "--json"], None).await;
    assert_eq!(out.trim(), "[]", "the owner's account lost it");

    let out = admin.ok(&["admin", "audit"], None).await;
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert_eq!(
        &rows[0][1..5],
        ["Ada Admin", "discord_guild.delete", g.as_str(), "failed"]
    );
    assert_eq!(
        &rows[1][1..5],
        ["Ada Admin", "discord_guild.delete", g.as_str(), "ok"]
    );
    let out = admin
        .ok(&["admin", "audit", "--limit", "1", "--json"], None)
        .await;
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log.as_array().unwrap().len(), 1);
    assert_eq!(log[0]["outcome"], "failed");
    assert_eq!(log[0]["permission"], "discord-guilds:delete");
    let r = admin.run(&["admin", "audit", "--limit", "0"], None).await;
    assert_eq!(r.code, 2, "{}", r.stderr);
}

async fn admin_bots_list_toggle_rm_and_the_guild_toggle(s: &TestServer, fake: &FakeDiscord) {
    let owner = Cli::new(s);
    owner.login("owner").await;
    connect(s, fake, &owner).await;
    let g = fake.guild.id.clone();
    // An account owner is no admin.
    let r = owner.run(&["admin", "bots", "list"], None).await;
    assert_eq!(r.code, 4, "{}", r.stderr);
    assert!(r.stderr.contains("admin permission"), "{}", r.stderr);

    let admin = Cli::new(s);
    admin.login("admin").await;
    let out = admin.ok(&["admin", "bots", "list", "--json"], None).await;
    let bots: Value = serde_json::from_str(&out).unwrap();
    let twitch = bots
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["platform"] == "twitch")
        .unwrap_or_else(|| panic!("{out}"));
    let account = twitch["account_id"].as_str().unwrap().to_string();
    assert_eq!(twitch["status"], "active", "{out}");
    assert_eq!(twitch["channels"][0]["channel_name"], "lumio_demo");
    // Piped: account, platform, status, channels.
    let out = admin.ok(&["admin", "bots", "list"], None).await;
    assert!(
        out.lines()
            .any(|l| l == format!("{account}\ttwitch\tactive\tlumio_demo")),
        "{out}"
    );

    // Pause, then resume; each audited.
    let out = admin
        .ok(
            &["admin", "bots", "toggle", &account, "twitch", "--off"],
            None,
        )
        .await;
    assert!(out.contains("is paused (bot_leave)"), "{out}");
    let me = owner.ok(&["bots", "status", "--json"], None).await;
    assert!(me.contains("\"paused\""), "{me}");
    admin
        .ok(
            &["admin", "bots", "toggle", &account, "twitch", "--on"],
            None,
        )
        .await;
    let r = admin
        .run(&["admin", "bots", "toggle", &account, "twitch"], None)
        .await;
    assert_eq!(r.code, 2, "--on or --off is required: {}", r.stderr);
    let r = admin
        .run(
            &["admin", "bots", "toggle", "not-a-uuid", "twitch", "--on"],
            None,
        )
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);

    // Remove: asks first (no terminal: --yes required), then the connections go.
    let r = admin
        .run(&["admin", "bots", "rm", &account, "kick"], None)
        .await;
    assert_eq!(r.code, 2, "{}", r.stderr);
    let out = admin
        .ok(&["admin", "bots", "rm", &account, "kick", "--yes"], None)
        .await;
    assert!(out.contains("Removed the kick bot"), "{out}");
    assert!(out.contains("lumio-demo"), "{out}");
    let r = admin
        .run(&["admin", "bots", "rm", &account, "kick", "--yes"], None)
        .await;
    assert_eq!(r.code, 5, "nothing left to remove: {}", r.stderr);

    // The guild toggle pauses the bot in one guild.
    let out = admin
        .ok(&["admin", "guilds", "toggle", &g, "--off", "--json"], None)
        .await;
    let t: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(t["enabled"], false);
    assert_eq!(t["guild_id"], g.as_str());
    let out = admin
        .ok(&["admin", "guilds", "toggle", &g, "--on"], None)
        .await;
    assert!(
        out.starts_with(&format!("The bot is resumed in Discord guild {g}")),
        "{out}"
    );

    let out = admin.ok(&["admin", "audit", "--json"], None).await;
    let log: Value = serde_json::from_str(&out).unwrap();
    let actions: Vec<(&str, &str)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap(),
                e["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            ("discord_guild.toggle", "ok"),
            ("discord_guild.toggle", "ok"),
            ("bot.delete", "failed"),
            ("bot.delete", "ok"),
            ("bot.toggle", "ok"),
            ("bot.toggle", "ok"),
        ],
        "{out}"
    );
    assert_eq!(log[5]["permission"], "bot-control:edit");
}

async fn slash_commands_are_registered_and_the_daily_limit_is_said(
    s: &TestServer,
    fake: &FakeDiscord,
) {
    let owner = Cli::new(s);
    owner.login("owner").await;
    connect(s, fake, &owner).await;
    let g = fake.guild.id.clone();
    let (stop, rx) = tokio::sync::watch::channel(false);
    let opts = lumio_server::platforms::discord::session::SessionOptions::from_config(
        &s.state.config,
        "cli-test",
    )
    .unwrap();
    let bot = lumio_server::platforms::discord::session::spawn(s.state.clone(), opts, rx);
    owner
        .ok(
            &[
                "commands",
                "create",
                "dice",
                "rolled",
                "--platform",
                "discord",
                "--discord-style",
                "slash",
            ],
            None,
        )
        .await;
    let gid = g.as_str();
    let wait = |n: usize| async move {
        for _ in 0..500 {
            if fake.commands(gid).len() == n {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("no registration of {n} commands");
    };
    wait(1).await;
    let out = owner.ok(&["discord", "commands", &g], None).await;
    assert!(
        out.contains("of 200 slash-command registrations used today"),
        "{out}"
    );
    assert!(out.contains("/dice"), "{out}");

    // Discord's daily limit reached (the fake counts creates): refused, and said so.
    fake.set_command_creates_today(&g, 200);
    owner
        .ok(
            &[
                "commands",
                "create",
                "flip",
                "flipped",
                "--platform",
                "discord",
                "--discord-style",
                "slash",
            ],
            None,
        )
        .await;
    let mut said = String::new();
    for _ in 0..500 {
        said = owner.ok(&["discord", "commands", &g], None).await;
        if said.contains("limit") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(
        said.starts_with(
            "Discord's limit of 200 slash-command registrations a day for this \
                          server is reached"
        ),
        "{said}"
    );
    assert_eq!(
        fake.commands(&g).len(),
        1,
        "nothing registered past the limit"
    );
    let out = owner.ok(&["discord", "commands", &g, "--json"], None).await;
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["last"]["status"], "daily_limit", "{out}");
    assert_eq!(v["limit"], 200);
    let _ = stop.send(true);
    bot.await.unwrap();
}
