//! The `lumio-server` binary: parses arguments, builds the configuration, calls the library.
#![forbid(unsafe_code)]

/// mimalloc: the server allocates per request and per message from many threads, where
/// glibc malloc spent a fifth of the CPU time (see docs/bench.md). The `system-alloc` feature
/// leaves it out, so that a heap profiler (heaptrack) sees every allocation.
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use lumio_server::config::{Config, ConfigArgs};
use lumio_server::store::{redact_url, Db};
use lumio_server::{app, openapi, seed};
use tracing_subscriber::EnvFilter;

/// lumio-server: the lumio API (GraphQL, REST, WebSocket), chat pipeline and workers.
///
/// Runs on SQLite and an in-process bus by default; point DATABASE_URL at PostgreSQL and
/// REDIS_URL at Redis for production.
#[derive(Parser)]
#[command(name = "lumio-server", version, about, long_about)]
struct Cli {
    #[command(flatten)]
    config: ConfigArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API until SIGINT or SIGTERM.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "LUMIO_BIND", default_value = lumio_server::config::DEFAULT_BIND)]
        bind: String,
        /// Largest accepted request body, in bytes.
        #[arg(long, env = "LUMIO_BODY_LIMIT")]
        body_limit: Option<String>,
        /// Apply pending migrations before serving.
        #[arg(long)]
        migrate: bool,
        /// Load this seed file before serving (idempotent), e.g. migrations/seeds/demo.toml.
        #[arg(long, value_name = "FILE")]
        seed: Option<String>,
        /// Run the simulator connector: realistic five-platform chat into an account, for
        /// demos and load tests.
        #[arg(long)]
        simulate: bool,
        /// Simulated messages per second (average; with bursts and lulls).
        #[arg(long, default_value_t = 20.0, requires = "simulate")]
        rate: f64,
        /// The account (slug) the simulated chat belongs to.
        #[arg(long, default_value = "demo", requires = "simulate")]
        simulate_account: String,
        /// Serve the API only: no background workers (chat flush, schedule, moderation
        /// delivery, bot worker); run them elsewhere (`lumio-server worker` for the bot and
        /// delivery workers).
        #[arg(long)]
        no_workers: bool,
    },
    /// Run the bot worker and the moderation delivery worker alone (platform chat in, sends,
    /// moderation out) until SIGINT or SIGTERM; several may run against one database and
    /// bus: each channel is held by exactly one, each moderation action sent by one.
    Worker,
    /// Apply pending database migrations (a no-op when there are none).
    Migrate {
        /// List applied and pending migrations instead of applying them.
        #[arg(long)]
        status: bool,
    },
    /// Load a TOML seed file (accounts, users, roles, memberships, channel connections).
    /// Idempotent; a bad file is rejected whole.
    Seed {
        /// The seed file, e.g. migrations/seeds/demo.toml.
        file: String,
    },
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Print the OpenAPI document of the REST API.
    Openapi,
    /// Chat messages the database refused during a flush: list them, or check and store
    /// them again.
    Deadletter {
        #[command(subcommand)]
        command: DeadletterCommand,
    },
}

#[derive(Subcommand)]
enum DeadletterCommand {
    /// List dead-lettered messages, oldest first: id, account, first refused, attempts, the
    /// database's last error (tab-separated; --json for one JSON object per line).
    List {
        /// Only this account's (its id).
        #[arg(long)]
        account: Option<uuid::Uuid>,
        /// At most this many.
        #[arg(long, default_value_t = 1000)]
        limit: i64,
        /// One JSON object per line, with the message as it was buffered.
        #[arg(long)]
        json: bool,
    },
    /// Check dead-lettered messages again as ingest would and store them. A message still
    /// refused stays, with its new error; exits 1 when any was.
    Replay {
        /// The dead letters to replay (ids from `deadletter list`).
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        ids: Vec<uuid::Uuid>,
        /// Replay every dead letter.
        #[arg(long)]
        all: bool,
    },
}

/// Why `run` stopped early.
enum Stop {
    /// A failure: the message goes to stderr, exit 1.
    Failed(String),
    /// Standard output was closed (`| head`): end quietly with exit 0.
    OutputClosed,
}

impl From<String> for Stop {
    fn from(m: String) -> Stop {
        Stop::Failed(m)
    }
}

/// Write to standard output; a closed pipe ends the command quietly instead of panicking.
fn out(text: &str) -> Result<(), Stop> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Stop::OutputClosed),
        Err(e) => Err(Stop::Failed(format!(
            "cannot write to standard output: {e}"
        ))),
    }
}

fn init_logging() -> Result<(), String> {
    let filter = match std::env::var("RUST_LOG") {
        Ok(s) if !s.trim().is_empty() => EnvFilter::builder()
            .parse(&s)
            .map_err(|e| format!("RUST_LOG: invalid filter '{s}': {e}"))?,
        _ => EnvFilter::new("info"),
    };
    let json = std::env::var("LUMIO_LOG_FORMAT").is_ok_and(|v| v == "json");
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none())
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
    Ok(())
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) | Err(Stop::OutputClosed) => ExitCode::SUCCESS,
        Err(Stop::Failed(message)) => {
            eprintln!("lumio-server: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Stop> {
    match cli.command {
        Command::Schema => out(&lumio_server::graphql::sdl()),
        Command::Openapi => out(&openapi::document()),
        Command::Deadletter { command } => {
            let (_, db) = connect_db(&cli.config).await?;
            ensure_migrated(&db).await?;
            let result = deadletter(&db, command).await;
            db.close().await;
            result
        }
        Command::Migrate { status } => {
            let (config, db) = connect_db(&cli.config).await?;
            if status {
                let list = db.migration_status().await.map_err(|e| e.to_string())?;
                out(&format!("{:<8} {:<8} DESCRIPTION\n", "VERSION", "STATE"))?;
                for m in &list {
                    let state = if m.applied { "applied" } else { "pending" };
                    out(&format!(
                        "{:<8} {:<8} {}\n",
                        m.version, state, m.description
                    ))?;
                }
                let pending = list.iter().filter(|m| !m.applied).count();
                out(&format!(
                    "{} applied, {pending} pending ({})\n",
                    list.len() - pending,
                    redact_url(&config.database_url)
                ))?;
            } else {
                let applied = db.migrate().await.map_err(|e| e.to_string())?;
                if applied.is_empty() {
                    out("migrate: nothing to do, the database is up to date\n")?;
                } else {
                    for m in &applied {
                        out(&format!("applied {} {}\n", m.version, m.description))?;
                    }
                    out(&format!(
                        "migrate: applied {} migration(s)\n",
                        applied.len()
                    ))?;
                }
            }
            db.close().await;
            Ok(())
        }
        Command::Worker => {
            let config = Config::from_args(&cli.config, None, None).map_err(|e| e.to_string())?;
            init_logging()?;
            let state = lumio_server::state::AppState::connect(config.clone())
                .await
                .map_err(|e| e.to_string())?;
            ensure_migrated(&state.db).await?;
            let (stop, rx) = tokio::sync::watch::channel(false);
            let worker = lumio_server::bots::worker::spawn(
                state.clone(),
                lumio_server::bots::worker::WorkerOptions::from_config(&config),
                rx.clone(),
            );
            let delivery = lumio_server::moderation::delivery::spawn(
                state.clone(),
                lumio_server::moderation::delivery::DeliveryOptions::default(),
                rx,
            );
            app::shutdown_signal().await;
            let _ = stop.send(true);
            let _ = worker.await;
            let _ = delivery.await;
            state.db.close().await;
            Ok(())
        }
        Command::Seed { file } => {
            let (_, db) = connect_db(&cli.config).await?;
            ensure_migrated(&db).await?;
            let report = seed::run(&db, &file).await.map_err(|e| e.to_string())?;
            out(&format!("seed {file}: {report}\n"))?;
            db.close().await;
            Ok(())
        }
        Command::Serve {
            bind,
            body_limit,
            migrate,
            seed: seed_file,
            simulate,
            rate,
            simulate_account,
            no_workers,
        } => {
            if !(rate.is_finite() && rate > 0.0 && rate <= 100_000.0) {
                return Err(format!("--rate must be between 0 and 100000, got {rate}").into());
            }
            let mut config = Config::from_args(&cli.config, Some(&bind), body_limit.as_deref())
                .map_err(|e| e.to_string())?;
            if no_workers {
                config.workers = false;
                config.bot_worker = false;
            }
            init_logging()?;
            let state = lumio_server::state::AppState::connect(config.clone())
                .await
                .map_err(|e| e.to_string())?;
            if migrate {
                state.db.migrate().await.map_err(|e| e.to_string())?;
            }
            ensure_migrated(&state.db).await?;
            if let Some(file) = seed_file {
                let report = seed::run(&state.db, &file)
                    .await
                    .map_err(|e| e.to_string())?;
                tracing::info!(file = %file, "seed: {report}");
            }
            let listener = tokio::net::TcpListener::bind(config.bind)
                .await
                .map_err(|e| format!("LUMIO_BIND: cannot listen on {}: {e}", config.bind))?;
            tracing::info!(
                bind = %config.bind,
                database = state.db.backend_name(),
                bus = state.bus.backend(),
                "lumio-server listening"
            );
            if simulate {
                let sim = lumio_server::platforms::simulator::SimulatorConfig {
                    account_slug: simulate_account,
                    rate,
                    seed: std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map(|d| d.as_nanos() as u64)
                        .unwrap_or(1),
                    skip: Vec::new(),
                };
                let st = state.clone();
                tokio::spawn(async move {
                    if let Err(e) = lumio_server::platforms::simulator::run(st, sim).await {
                        tracing::error!("simulator stopped: {e}");
                    }
                });
            }
            app::serve(listener, state.clone(), app::shutdown_signal())
                .await
                .map_err(|e| e.to_string())?;
            state.db.close().await;
            Ok(())
        }
    }
}

async fn deadletter(db: &Db, command: DeadletterCommand) -> Result<(), Stop> {
    use lumio_server::chat::deadletter;
    match command {
        DeadletterCommand::List {
            account,
            limit,
            json,
        } => {
            let rows = deadletter::list(db, account, limit)
                .await
                .map_err(|e| e.detail())?;
            for r in &rows {
                let line = if json {
                    let message = serde_json::from_str::<serde_json::Value>(&r.payload)
                        .unwrap_or_else(|_| serde_json::Value::String(r.payload.clone()));
                    serde_json::json!({
                        "id": r.id, "account_id": r.account_id, "error": r.error,
                        "attempts": r.attempts, "created_at": r.created_at,
                        "updated_at": r.updated_at, "message": message,
                    })
                    .to_string()
                } else {
                    format!(
                        "{}\t{}\t{}\t{}\t{}",
                        r.id,
                        r.account_id,
                        r.created_at
                            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                        r.attempts,
                        r.error.replace(['\t', '\n'], " ")
                    )
                };
                out(&format!("{line}\n"))?;
            }
            if !json && std::io::stderr().is_terminal() {
                eprintln!("{} dead letter(s)", rows.len());
            }
            Ok(())
        }
        DeadletterCommand::Replay { ids, all } => {
            let ids = if all {
                deadletter::list(db, None, deadletter::MAX_LIST)
                    .await
                    .map_err(|e| e.detail())?
                    .into_iter()
                    .map(|d| d.id)
                    .collect()
            } else {
                ids
            };
            let (mut stored, mut refused, mut missing) = (0, 0, 0);
            for id in ids {
                let r = deadletter::replay_one(db, id)
                    .await
                    .map_err(|e| e.detail())?;
                match r.outcome {
                    "stored" => stored += 1,
                    "refused" => refused += 1,
                    _ => missing += 1,
                }
                let line = match &r.error {
                    Some(e) => format!("{}\t{}\t{e}\n", r.id, r.outcome),
                    None => format!("{}\t{}\n", r.id, r.outcome),
                };
                out(&line)?;
            }
            if refused + missing > 0 {
                return Err(Stop::Failed(format!(
                    "replay: {stored} stored, {refused} still refused, {missing} not found"
                )));
            }
            eprintln!("replay: {stored} stored");
            Ok(())
        }
    }
}

/// The configuration without the serve flags, and a database connection.
async fn connect_db(args: &ConfigArgs) -> Result<(Config, Db), String> {
    let config = Config::from_args(args, None, None).map_err(|e| e.to_string())?;
    let db = Db::connect(&config.database_url)
        .await
        .map_err(|e| e.to_string())?;
    Ok((config, db))
}

async fn ensure_migrated(db: &Db) -> Result<(), String> {
    let pending = db
        .migration_status()
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|m| !m.applied)
        .count();
    if pending > 0 {
        return Err(format!(
            "the database has {pending} pending migration(s): run `lumio-server migrate` first \
             (or `serve --migrate`)"
        ));
    }
    Ok(())
}
