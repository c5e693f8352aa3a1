//! `lumio chat`: history, count, a live tail for pipes, bulk ingest from NDJSON.

use std::io::BufRead;
use std::time::Duration;

use clap::{Args, Subcommand};
use futures::StreamExt;
use reqwest::Method;
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

use super::Ctx;
use crate::api::Client;
use crate::error::{CliError, CliResult};

#[derive(Debug, Subcommand)]
pub enum ChatCommand {
    /// Chat history, newest first.
    #[command(
        after_help = "Examples:\n  lumio chat history --platform twitch --user alice --limit 20\n  lumio chat history --contains \"free followers\" --json | jq -r '.[].username' | sort -u"
    )]
    History(HistoryArgs),
    /// How many messages the account has (matching the filters).
    Count(FilterArgs),
    /// Follow the live chat, one line per event (NDJSON with --json); reconnects by itself
    /// and resumes where it left off.
    #[command(
        after_help = "Examples:\n  lumio chat tail\n  lumio chat tail --json | jq -r 'select(.type == \"message\") | .message.message'"
    )]
    Tail {
        /// Start after this cursor (replays what came since).
        #[arg(long)]
        since: Option<String>,
        /// Exit after this many events.
        #[arg(long, value_name = "N")]
        count: Option<usize>,
    },
    /// Ingest chat messages from NDJSON (one message object per line), from FILE or `-`.
    ///
    /// Each line is sent as it is to POST /v1/chat/message. Rejected lines are reported with
    /// their line number; the exit code is 1 when any line was rejected.
    #[command(
        after_help = "Example:\n  lumio chat ingest messages.ndjson\n  {\"platform\":\"twitch\",\"channel_name\":\"c\",\"user_id\":\"1\",\"username\":\"al\",\"message\":\"hi\"}"
    )]
    Ingest {
        /// NDJSON file, or `-` for standard input.
        file: String,
        /// Check that every line is a JSON object, send nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Send a message to a platform's chat (twitch, kick, trovo) as the channel's bot.
    #[command(
        after_help = "Examples:\n  lumio chat send twitch \"Welcome, raiders!\"\n  echo \"long announcement\" | lumio chat send kick -"
    )]
    Send {
        /// The platform.
        #[arg(value_enum, ignore_case = true)]
        platform: crate::cli::Platform,
        /// The message, up to 500 characters; `-` reads it from standard input.
        message: String,
        /// The platform's id of a message to reply to.
        #[arg(long, value_name = "MESSAGE_ID")]
        reply_to: Option<String>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only these platforms (repeat, or comma-separate).
    #[arg(long, value_delimiter = ',')]
    pub platform: Vec<String>,
    /// A platform user id or username.
    #[arg(long)]
    pub user: Option<String>,
    /// Text the message contains (case-insensitive).
    #[arg(long)]
    pub contains: Option<String>,
    /// Messages at or after this time (RFC 3339).
    #[arg(long, value_name = "TIME")]
    pub from: Option<String>,
    /// Messages before this time (RFC 3339).
    #[arg(long, value_name = "TIME")]
    pub to: Option<String>,
    /// Include deleted messages.
    #[arg(long)]
    pub include_deleted: bool,
}

#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// How many messages (pages through the server's 500-message pages as needed).
    #[arg(long, short = 'n', default_value_t = 50)]
    pub limit: usize,
    /// Continue from a `next_cursor`.
    #[arg(long)]
    pub cursor: Option<String>,
}

fn query(f: &FilterArgs, extra: &[(&str, String)]) -> String {
    let mut parts: Vec<(String, String)> = Vec::new();
    if !f.platform.is_empty() {
        parts.push(("platform".into(), f.platform.join(",")));
    }
    for (k, v) in [
        ("user", &f.user),
        ("contains", &f.contains),
        ("from", &f.from),
        ("to", &f.to),
    ] {
        if let Some(v) = v {
            parts.push((k.into(), v.clone()));
        }
    }
    if f.include_deleted {
        parts.push(("include_deleted".into(), "true".into()));
    }
    for (k, v) in extra {
        parts.push((k.to_string(), v.clone()));
    }
    if parts.is_empty() {
        return String::new();
    }
    let q: Vec<String> = parts
        .iter()
        .map(|(k, v)| format!("{k}={}", encode(v)))
        .collect();
    format!("?{}", q.join("&"))
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `lumio chat [SUBCOMMAND]`.
#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Without a subcommand: the live multichat screen (press ? in it for the keys).\n\nExamples:\n  lumio chat\n  lumio chat --scrollback 20000\n  lumio chat history --platform twitch -n 20"
)]
pub struct ChatArgs {
    #[command(subcommand)]
    pub command: Option<ChatCommand>,
    /// Messages the live screen keeps in memory [default: `[tui] scrollback` of the
    /// config file, else 5000].
    #[arg(long)]
    pub scrollback: Option<usize>,
}

pub async fn run_args(ctx: Ctx, args: ChatArgs) -> CliResult<()> {
    match args.command {
        Some(cmd) => run(ctx, cmd).await,
        None => live_screen(ctx, args.scrollback).await,
    }
}

/// The live multichat TUI on the configured server.
async fn live_screen(ctx: Ctx, scrollback: Option<usize>) -> CliResult<()> {
    let (keymap, scrollback) = crate::tui::settings(&ctx.file.tui, scrollback)?;
    let client = Client::authed(&ctx.resolved)?;
    let Some((token, _)) = ctx.resolved.token.clone() else {
        return Err(CliError::not_authenticated(
            "not logged in: run `lumio auth login`",
        ));
    };
    crate::tui::run(crate::tui::TuiOptions {
        server: ctx.resolved.server.clone(),
        account: ctx
            .resolved
            .account
            .clone()
            .unwrap_or_else(|| ctx.resolved.profile.clone()),
        account_param: ctx.resolved.account.clone(),
        client,
        token,
        scrollback,
        keymap,
    })
    .await
}

pub async fn run(ctx: Ctx, cmd: ChatCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        ChatCommand::History(a) => history(&ctx, &client, a).await,
        ChatCommand::Count(f) => {
            let v: Value = client
                .rest(
                    Method::GET,
                    &format!("/v1/chat/history/count{}", query(&f, &[])),
                    None::<&()>,
                )
                .await?;
            if ctx.out.json {
                return ctx.out.json(&v);
            }
            println!("{}", v["count"].as_i64().unwrap_or(0));
            Ok(())
        }
        ChatCommand::Tail { since, count } => tail(&ctx, since, count).await,
        ChatCommand::Ingest { file, dry_run } => ingest(&ctx, &client, &file, dry_run).await,
        ChatCommand::Send {
            platform,
            message,
            reply_to,
        } => {
            let message = if message == "-" {
                super::read_stdin()?.trim_end().to_string()
            } else {
                message
            };
            let r = client
                .send_to_platform(platform.as_str(), &message, reply_to.as_deref())
                .await?;
            if ctx.out.json {
                return ctx.out.json(&r);
            }
            match r["delivery"].as_str() {
                Some("dropped") => Err(CliError::failure(format!(
                    "{platform} dropped the message: {}",
                    r["drop_reason"].as_str().unwrap_or("no reason given")
                ))),
                Some("queued_for_bot") => ctx.out.info(&format!("Queued for the {platform} bot")),
                _ => ctx.out.info(&format!("Sent to {platform}")),
            }
        }
    }
}

async fn history(ctx: &Ctx, client: &Client, a: HistoryArgs) -> CliResult<()> {
    if a.limit == 0 {
        return Err(CliError::usage("--limit must be at least 1"));
    }
    let mut messages: Vec<Value> = Vec::new();
    let mut cursor = a.cursor.clone();
    let mut next = None;
    while messages.len() < a.limit {
        let want = (a.limit - messages.len()).min(500);
        let mut extra = vec![("limit", want.to_string())];
        if let Some(c) = &cursor {
            extra.push(("cursor", c.clone()));
        }
        let page: Value = client
            .rest(
                Method::GET,
                &format!("/v1/chat/history{}", query(&a.filter, &extra)),
                None::<&()>,
            )
            .await?;
        if let Some(ms) = page["messages"].as_array() {
            messages.extend(ms.iter().cloned());
        }
        next = page["next_cursor"].as_str().map(String::from);
        match &next {
            Some(c) => cursor = Some(c.clone()),
            None => break,
        }
    }
    if ctx.out.json {
        return ctx.out.json(&messages);
    }
    let rows: Vec<Vec<String>> = messages
        .iter()
        .map(|m| {
            let mut row = vec![
                ctx.out.time(m["created_at"].as_str().unwrap_or("")),
                m["platform"].as_str().unwrap_or("").to_string(),
                m["username"].as_str().unwrap_or("").to_string(),
                m["message"].as_str().unwrap_or("").to_string(),
            ];
            if !ctx.out.tty {
                row.insert(0, m["id"].as_str().unwrap_or("").to_string());
            }
            row
        })
        .collect();
    ctx.out
        .table(&["time", "platform", "user", "message"], &rows)?;
    if let (Some(c), true) = (next, ctx.out.tty && !ctx.out.quiet) {
        eprintln!("more: --cursor {c}");
    }
    Ok(())
}

/// One readable line for an event.
fn line(ctx: &Ctx, e: &Value) -> String {
    match e["type"].as_str() {
        Some("message") => {
            let m = &e["message"];
            let time = ctx.out.time(m["created_at"].as_str().unwrap_or(""));
            let time = if ctx.out.tty {
                time[11.min(time.len())..].to_string()
            } else {
                time
            };
            format!(
                "{time} [{}] {}: {}",
                m["platform"].as_str().unwrap_or("?"),
                m["display_name"]
                    .as_str()
                    .or(m["username"].as_str())
                    .unwrap_or("?"),
                m["message"].as_str().unwrap_or("").replace('\n', " ")
            )
        }
        Some(other) => format!("* {other} {}", e),
        None => e.to_string(),
    }
}

async fn tail(ctx: &Ctx, since: Option<String>, count: Option<usize>) -> CliResult<()> {
    let Some((token, _)) = ctx.resolved.token.clone() else {
        return Err(CliError::not_authenticated(
            "not logged in: run `lumio auth login`",
        ));
    };
    let base = ctx
        .resolved
        .server
        .replacen("http://", "ws://", 1)
        .replacen("https://", "wss://", 1);
    let mut cursor = since;
    let mut seen = 0usize;
    let mut delay = Duration::from_millis(250);
    loop {
        let mut url = format!("{base}/v1/chat/ws?token={}", encode(&token));
        if let Some(a) = &ctx.resolved.account {
            url.push_str(&format!("&account={}", encode(a)));
        }
        if let Some(c) = &cursor {
            url.push_str(&format!("&since={}", encode(c)));
        }
        let ws = match tokio_tungstenite::connect_async(&url).await {
            Ok((ws, _)) => {
                delay = Duration::from_millis(250);
                ws
            }
            Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => {
                let status = resp.status().as_u16();
                let body = resp
                    .body()
                    .as_ref()
                    .map(|b| String::from_utf8_lossy(b).to_string())
                    .unwrap_or_default();
                let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
                let code = v["error"]["code"].as_str().unwrap_or(match status {
                    401 => "unauthorized",
                    403 => "forbidden",
                    _ => "failure",
                });
                let msg = v["error"]["message"].as_str().unwrap_or("refused");
                return Err(CliError::from_server(
                    code,
                    msg,
                    v["error"]["permission"].as_str(),
                ));
            }
            Err(e) => {
                eprintln!(
                    "lumio: reconnecting to {base} in {:.1}s: {e}",
                    delay.as_secs_f32()
                );
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
                continue;
            }
        };
        let (_, mut read) = ws.split();
        while let Some(frame) = read.next().await {
            let Ok(Message::Text(text)) = frame else {
                if frame.is_err() {
                    break;
                }
                continue;
            };
            let Ok(event) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            match event["type"].as_str() {
                Some("hello") => continue,
                Some("lagged") => {
                    eprintln!("lumio: fell behind; catching up from the last cursor");
                    break;
                }
                _ => {}
            }
            if let Some(c) = event["cursor"].as_str() {
                cursor = Some(c.to_string());
            }
            if ctx.out.json {
                println!("{text}");
            } else {
                println!("{}", line(ctx, &event));
            }
            seen += 1;
            if count.is_some_and(|n| seen >= n) {
                return Ok(());
            }
        }
        eprintln!("lumio: connection lost; reconnecting");
        tokio::time::sleep(delay).await;
    }
}

async fn ingest(ctx: &Ctx, client: &Client, file: &str, dry_run: bool) -> CliResult<()> {
    let reader: Box<dyn BufRead> = if file == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(file).map_err(|e| CliError::failure(format!("{file}: {e}")))?,
        ))
    };
    let (mut ok, mut dup, mut bad) = (0usize, 0usize, 0usize);
    for (i, line) in reader.lines().enumerate() {
        let n = i + 1;
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(&line) {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) => {
                eprintln!("line {n}: not a JSON object");
                bad += 1;
                continue;
            }
            Err(e) => {
                eprintln!("line {n}: malformed JSON: {e}");
                bad += 1;
                continue;
            }
        };
        if dry_run {
            ok += 1;
            continue;
        }
        match client
            .rest::<Value>(Method::POST, "/v1/chat/message", Some(&value))
            .await
        {
            Ok(r) if r["duplicate"] == json!(true) => dup += 1,
            Ok(_) => ok += 1,
            Err(e)
                if e.code == crate::error::ExitCode::Failure
                    && !e.message.starts_with("cannot reach") =>
            {
                eprintln!("line {n}: {e}");
                bad += 1;
            }
            Err(e) => return Err(e),
        }
    }
    let verb = if dry_run { "valid" } else { "ingested" };
    if ctx.out.json {
        ctx.out
            .json(&json!({verb: ok, "duplicates": dup, "rejected": bad}))?;
    } else if !ctx.out.quiet {
        eprintln!("{verb} {ok}, duplicates {dup}, rejected {bad}");
    }
    if bad > 0 {
        return Err(CliError::failure(format!("{bad} line(s) rejected")));
    }
    Ok(())
}
