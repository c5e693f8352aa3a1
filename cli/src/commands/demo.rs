//! `lumio demo`: a first look on a fresh machine in one command — an embedded lumio-server
//! (SQLite in a fresh directory, the in-process bus, the demo seed) with the simulator
//! producing five-platform chat, and the live screen logged in as `mod`.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::Ctx;
use crate::api::Client;
use crate::error::{CliError, CliResult};

/// The demo seed, built into the binary.
const DEMO_SEED: &str = include_str!("../../../migrations/seeds/demo.toml");

/// Start an embedded server with simulated chat and open the live screen as `mod`.
///
/// Everything stays on this machine: the server listens on 127.0.0.1 and keeps its SQLite
/// database in a fresh temporary directory (or --data-dir), removed on exit.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  lumio demo
  lumio demo --rate 200                  # a busy chat
  lumio demo --bind 127.0.0.1:8080 --no-tui   # just the server, for the CLI in another terminal")]
pub struct DemoArgs {
    /// Simulated messages per second (on average, with bursts and lulls).
    #[arg(long, default_value_t = 12.0)]
    pub rate: f64,
    /// Keep the demo's database here (kept after exit) instead of a temporary directory.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Address for the embedded server.
    #[arg(long, default_value = "127.0.0.1:0")]
    pub bind: String,
    /// Run only the server (print its URL and a token for `mod`) until Ctrl-C.
    #[arg(long)]
    pub no_tui: bool,
    /// Messages the live screen keeps in memory [default: `[tui] scrollback`, else 5000].
    #[arg(long)]
    pub scrollback: Option<usize>,
    /// Twitch from lumio-testkit's fake Twitch instead of the simulator: the demo channel is
    /// connected with a pasted bot token, its chat arrives over EventSub, and a ban reaches
    /// the fake and comes back `confirmed` (only in a build with `--features platform-fake`;
    /// other builds refuse it with a usage error).
    // Declared in every build so the help, completions and man pages do not depend on the
    // feature (the tests build with it on).
    #[arg(long)]
    pub platform_fake: bool,
}

/// The fake Twitch of `--platform-fake`, and the chat it generates.
#[cfg(feature = "platform-fake")]
struct FakeTwitch {
    fake: lumio_testkit::twitch::FakeTwitch,
    load: Option<lumio_testkit::twitch::ChatLoad>,
}

#[cfg(not(feature = "platform-fake"))]
struct FakeTwitch;

#[cfg(feature = "platform-fake")]
async fn fake_twitch(a: &DemoArgs) -> CliResult<Option<FakeTwitch>> {
    if !a.platform_fake {
        return Ok(None);
    }
    let fake = lumio_testkit::twitch::FakeTwitch::start()
        .await
        .map_err(|e| fail("fake twitch", e))?;
    Ok(Some(FakeTwitch { fake, load: None }))
}

#[cfg(not(feature = "platform-fake"))]
async fn fake_twitch(a: &DemoArgs) -> CliResult<Option<FakeTwitch>> {
    if a.platform_fake {
        return Err(CliError::usage(
            "--platform-fake needs a lumio built with it: cargo run -p lumio --features \
             platform-fake -- demo --platform-fake",
        ));
    }
    Ok(None)
}

impl FakeTwitch {
    /// The server's Twitch URLs point at the fake.
    fn configure(&self, _c: &mut lumio_server::config::Config) {
        #[cfg(feature = "platform-fake")]
        lumio_server::testing::point_twitch_fake_at(&self.fake, _c);
    }

    /// As the owner, paste a bot token the fake issued for the demo channel, turn the bot on,
    /// and start the channel's chat.
    async fn connect(&mut self, _url: &str, _rate: f64) -> CliResult<()> {
        #[cfg(feature = "platform-fake")]
        {
            let f = &self.fake;
            let owner = Client::new(_url, None, None)?
                .login("owner", "lumio-owner")
                .await?
                .token;
            let client = Client::new(_url, Some(owner), None)?;
            let pair = f.issue_user_token(
                &f.bot.id,
                &[
                    "user:read:chat",
                    "user:write:chat",
                    "user:bot",
                    "moderator:read:banned_users",
                    "moderator:manage:banned_users",
                    "moderator:read:chat_messages",
                    "moderator:manage:chat_messages",
                    "moderator:read:moderators",
                    "moderator:read:warnings",
                    "moderator:read:suspicious_users",
                    "moderator:manage:suspicious_users",
                ],
            );
            client
                .connect_twitch_tokens(
                    &pair.access_token,
                    Some(&pair.refresh_token),
                    Some(&f.broadcaster.login),
                    Some("bot"),
                )
                .await?;
            client.bot_toggle("twitch", true).await?;
            let per_second = (_rate / 5.0).ceil().max(1.0) as u32;
            self.load = Some(f.start_chat_load(&f.broadcaster.id, per_second, None));
        }
        Ok(())
    }
}

fn fail(what: &str, e: impl std::fmt::Display) -> CliError {
    CliError::failure(format!("demo: {what}: {e}"))
}

pub async fn run(ctx: Ctx, a: DemoArgs) -> CliResult<()> {
    use lumio_server::platforms::simulator::{self, SimulatorConfig};
    if !(a.rate.is_finite() && a.rate > 0.0 && a.rate <= 10_000.0) {
        return Err(CliError::usage("--rate must be between 0 and 10000"));
    }
    // Before anything starts: the live screen needs a terminal.
    if !a.no_tui && !crate::tui::has_terminal() {
        return Err(CliError::usage(
            "lumio demo shows the live screen, which needs a terminal; without one, run \
             `lumio demo --no-tui` (just the server, for the CLI in another shell)",
        ));
    }
    let settings = crate::tui::settings(&ctx.file.tui, a.scrollback)?;
    let temp = a.data_dir.is_none();
    let dir = match &a.data_dir {
        Some(d) => d.clone(),
        None => std::env::temp_dir().join(format!(
            "lumio-demo-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis())
                .unwrap_or(0)
        )),
    };
    let fake = fake_twitch(&a).await?;
    std::fs::create_dir_all(&dir).map_err(|e| fail(&dir.display().to_string(), e))?;
    // With the fake Twitch, Twitch's chat is the fake's (a fifth of the rate).
    let skip = if fake.is_some() {
        vec![lumio_server::platforms::Platform::Twitch]
    } else {
        Vec::new()
    };
    let result = serve_and_show(&a, &dir, settings, fake, |state, rate| {
        tokio::spawn(async move {
            let cfg = SimulatorConfig {
                account_slug: "demo".into(),
                rate,
                seed: std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(7),
                skip,
            };
            let _ = simulator::run(state, cfg).await;
        });
    })
    .await;
    if temp {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

async fn serve_and_show(
    a: &DemoArgs,
    dir: &std::path::Path,
    settings: crate::tui::Settings,
    mut fake: Option<FakeTwitch>,
    simulate: impl FnOnce(lumio_server::state::AppState, f64),
) -> CliResult<()> {
    use lumio_server::app;
    use lumio_server::config::Config;
    use lumio_server::state::AppState;

    let mut config = Config::from_args(&Default::default(), Some(&a.bind), None)
        .map_err(|e| CliError::usage(e.to_string()))?;
    config.database_url = format!("sqlite://{}?mode=rwc", dir.join("lumio-demo.db").display());
    config.redis_url = None;
    config.bus_prefix = String::new();
    config.workers = true;
    // The demo's database lives and dies with this run, so a key of its own (never written
    // anywhere) lets `lumio connect` store sealed tokens in it.
    config.secret_key = Some(lumio_server::connections::crypto::SecretKey::generate());
    if let Some(f) = &fake {
        f.configure(&mut config);
    }
    let state = AppState::connect(config)
        .await
        .map_err(|e| fail("start", e))?;
    state.db.migrate().await.map_err(|e| fail("migrate", e))?;
    let seed = dir.join("demo.toml");
    std::fs::write(&seed, DEMO_SEED).map_err(|e| fail("seed", e))?;
    lumio_server::seed::run(&state.db, &seed.display().to_string())
        .await
        .map_err(|e| fail("seed", e))?;
    let listener = tokio::net::TcpListener::bind(&a.bind)
        .await
        .map_err(|e| CliError::usage(format!("demo: cannot listen on {}: {e}", a.bind)))?;
    let addr = listener.local_addr().map_err(|e| fail("listen", e))?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serve_state = state.clone();
    let server = tokio::spawn(async move {
        let _ = app::serve(listener, serve_state, async {
            let _ = stopped.await;
        })
        .await;
    });
    simulate(state.clone(), a.rate);
    let url = format!("http://{addr}");
    if let Some(f) = &mut fake {
        f.connect(&url, a.rate).await?;
    }
    let token = Client::new(&url, None, None)?
        .login("mod", "lumio-mod")
        .await?
        .token;

    let shown = if a.no_tui {
        let said = writeln!(std::io::stdout(), "{url}");
        let _ = writeln!(
            std::io::stderr(),
            "lumio demo: server on {url} with simulated chat; as mod:\n  LUMIO_SERVER={url} LUMIO_TOKEN={token} lumio chat tail\nCtrl-C stops it."
        );
        match said {
            Ok(()) => {
                let _ = tokio::signal::ctrl_c().await;
                Ok(())
            }
            Err(e) => Err(e.into()),
        }
    } else {
        let client = Client::new(&url, Some(token), None)?;
        crate::tui::run(crate::tui::TuiOptions {
            account: "demo".into(),
            client,
            settings,
        })
        .await
    };
    let _ = stop.send(());
    let _ = server.await;
    state.db.close().await;
    shown
}
