//! `lumio chat`: history, count, a live tail for pipes, bulk ingest from NDJSON.

use std::io::BufRead;
use std::time::Duration;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::api::chat::{unseen, ChatMessage, ChatMessageInput, HistoryQuery};
use crate::api::live::{ConnectError, LiveEvent, LiveFrame};
use crate::api::Client;
use crate::duration::parse_time;
use crate::error::{CliError, CliResult, ExitCode};
use crate::platform::Platform;

/// What `lumio chat ingest --help` and the README say of a line.
const INGEST_FIELDS: &str = "\
Fields of a line (one JSON object; unknown fields are refused):
  platform             twitch, youtube, kick, trovo or discord           (required)
  channel_name         the channel the message was sent in               (required)
  user_id              the sender's platform user id: twitch, kick,      (required)
                       trovo 1-20 digits; youtube UC + 22 characters;
                       discord a snowflake (17-20 digits)
  username             the sender's login / handle                       (required)
  message              the text                                          (required)
  display_name         the sender's display name
  emotes               [{\"id\", \"name\", \"start\", \"end\", \"provider\"}], character
                       offsets, end inclusive
  badges               [\"subscriber/12\", \"moderator/1\", …]
  color                \"#RRGGBB\"
  is_mod, is_sub, is_vip   true or false (default false)
  sub_tier             the subscription tier, e.g. \"1000\"
  platform_message_id  the platform's id of the message; a message seen twice is stored once
  reply_to_message_id, reply_to_user_id, reply_to_username, reply_to_message
                       the message this one replies to

Example:
  lumio chat ingest messages.ndjson
  {\"platform\":\"twitch\",\"channel_name\":\"lumio_demo\",\"user_id\":\"1234\",\"username\":\"kappa_king\",\"message\":\"hi\"}";

#[derive(Debug, Subcommand)]
pub enum ChatCommand {
    /// Chat history, newest first.
    #[command(
        after_help = "Examples:\n  lumio chat history --platform twitch --user @kappa_king --limit 20\n  lumio chat history --from 2h --contains \"free followers\" --json | jq -r '.[].username' | sort -u"
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
    /// Each line is sent to POST /v1/chat/message (needs chat:write). Rejected lines are
    /// reported with their line number; the exit code is 1 when any line was rejected.
    #[command(after_help = INGEST_FIELDS)]
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
    #[arg(long, value_delimiter = ',', value_enum, ignore_case = true)]
    pub platform: Vec<Platform>,
    /// A platform user id or username; @name is resolved to the chatter lumio has seen by
    /// that name (as the mod commands do).
    #[arg(long)]
    pub user: Option<String>,
    /// Text the message contains (case-insensitive).
    #[arg(long)]
    pub contains: Option<String>,
    /// Messages at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a date
    /// (2026-01-02, local midnight) or how long ago (90m, 2h, 3d).
    #[arg(long, value_name = "TIME")]
    pub from: Option<String>,
    /// Messages before this time (the same formats as --from).
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
    let settings = crate::tui::settings(&ctx.file.tui, scrollback)?;
    let client = Client::authed(&ctx.resolved)?;
    crate::tui::run(crate::tui::TuiOptions {
        account: ctx
            .resolved
            .account
            .clone()
            .unwrap_or_else(|| ctx.resolved.profile.clone()),
        client,
        settings,
    })
    .await
}

pub async fn run(ctx: Ctx, cmd: ChatCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        ChatCommand::History(a) => history(&ctx, &client, a).await,
        ChatCommand::Count(f) => {
            let q = query(&client, &f).await?;
            let n = client.count(&q).await?;
            if ctx.out.json {
                return ctx.out.json(&n);
            }
            ctx.out.line(&n.count.to_string())
        }
        ChatCommand::Tail { since, count } => tail(&ctx, &client, since, count).await,
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
                .send_to_platform(platform, &message, reply_to.as_deref())
                .await?;
            if ctx.out.json {
                return ctx.out.json(&r);
            }
            match r.delivery.as_str() {
                "dropped" => Err(CliError::failure(format!(
                    "{platform} dropped the message: {}",
                    r.drop_reason.as_deref().unwrap_or("no reason given")
                ))),
                "queued_for_bot" => ctx.out.info(&format!("Queued for the {platform} bot")),
                _ => ctx.out.info(&format!("Sent to {platform}")),
            }
        }
    }
}

/// The server's filter for the flags: times parsed (exit 2 naming the formats), `@name`
/// resolved to the chatter lumio has seen by that name (exit 5 when nobody was).
async fn query(client: &Client, f: &FilterArgs) -> CliResult<HistoryQuery> {
    let now = chrono::Utc::now();
    let time = |flag: &str, v: &Option<String>| {
        v.as_deref()
            .map(|t| parse_time(t, now).map_err(|e| CliError::usage(format!("{flag}: {e}"))))
            .transpose()
    };
    let from = time("--from", &f.from)?;
    let to = time("--to", &f.to)?;
    let user = match f.user.as_deref().map(str::trim) {
        Some(u) if u.starts_with('@') => Some(resolve_name(client, &f.platform, &u[1..]).await?),
        Some("") => return Err(CliError::usage("--user must not be empty")),
        other => other.map(String::from),
    };
    Ok(HistoryQuery {
        platform: (!f.platform.is_empty()).then(|| {
            f.platform
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(",")
        }),
        user,
        contains: f.contains.clone(),
        from,
        to,
        include_deleted: f.include_deleted,
        limit: None,
        cursor: None,
    })
}

/// `@name` as a history filter: the chatter's id when one chatter by that name was seen,
/// else the name (the server matches usernames too).
async fn resolve_name(client: &Client, platforms: &[Platform], name: &str) -> CliResult<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CliError::usage("--user @: the username must not be empty"));
    }
    let found = client.chatters_named(platforms, name).await?;
    match found.as_slice() {
        [] => match platforms {
            [one] => Err(unseen(*one, name)),
            _ => Err(CliError::not_found(format!(
                "no chatter named '{name}' has been seen{}; give their platform user id instead",
                if platforms.is_empty() {
                    String::new()
                } else {
                    format!(
                        " on {}",
                        platforms
                            .iter()
                            .map(|p| p.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }
            ))),
        },
        [(_, id)] => Ok(id.clone()),
        _ => Ok(name.to_string()),
    }
}

async fn history(ctx: &Ctx, client: &Client, a: HistoryArgs) -> CliResult<()> {
    if a.limit == 0 {
        return Err(CliError::usage("--limit must be at least 1"));
    }
    let mut q = query(client, &a.filter).await?;
    let mut messages: Vec<ChatMessage> = Vec::new();
    q.cursor = a.cursor.clone();
    let mut next = None;
    while messages.len() < a.limit {
        q.limit = Some((a.limit - messages.len()).min(500));
        let page = client.history(&q).await?;
        messages.extend(page.messages);
        next = page.next_cursor;
        match &next {
            Some(c) => q.cursor = Some(c.clone()),
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
                ctx.out.time(&m.created_at),
                m.platform.clone(),
                m.username.clone(),
                m.message.clone(),
            ];
            if !ctx.out.tty {
                row.insert(0, m.id.clone());
            }
            row
        })
        .collect();
    ctx.out
        .table(&["time", "platform", "user", "message"], &rows)?;
    if let (Some(c), true) = (next, ctx.out.tty) {
        ctx.out.note(&format!("more: --cursor {c}"));
    }
    Ok(())
}

/// One readable line for an event.
fn line(ctx: &Ctx, f: &LiveFrame) -> String {
    match &f.event {
        LiveEvent::Message { message: m, .. } => {
            let time = ctx.out.time(&m.created_at);
            let time = if ctx.out.tty {
                time.get(11..).unwrap_or(&time).to_string()
            } else {
                time
            };
            format!(
                "{time} [{}] {}: {}",
                m.platform,
                m.display_name
                    .as_deref()
                    .filter(|d| !d.is_empty())
                    .unwrap_or(&m.username),
                m.message.replace('\n', " ")
            )
        }
        _ => {
            let kind = serde_json::from_str::<Kind>(&f.text)
                .map(|k| k.kind)
                .unwrap_or_default();
            format!("* {kind} {}", f.text)
        }
    }
}

#[derive(serde::Deserialize)]
struct Kind {
    #[serde(rename = "type")]
    kind: String,
}

async fn tail(
    ctx: &Ctx,
    client: &Client,
    since: Option<String>,
    count: Option<usize>,
) -> CliResult<()> {
    let mut cursor = since;
    let mut seen = 0usize;
    let mut delay = Duration::from_millis(250);
    loop {
        let mut live = match client.connect_live(cursor.as_deref()).await {
            Ok(live) => {
                delay = Duration::from_millis(250);
                live
            }
            Err(ConnectError::Refused(e)) => return Err(e),
            Err(ConnectError::Unreachable(e)) => {
                ctx.out.warn(&format!(
                    "lumio: reconnecting to {} in {:.1}s: {e}",
                    client.server(),
                    delay.as_secs_f32()
                ));
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(10));
                continue;
            }
        };
        while let Some(Ok(frame)) = live.next().await {
            match frame.event {
                LiveEvent::Hello => continue,
                LiveEvent::Lagged { .. } => {
                    ctx.out
                        .warn("lumio: fell behind; catching up from the last cursor");
                    break;
                }
                _ => {}
            }
            if let Some(c) = &frame.cursor {
                cursor = Some(c.clone());
            }
            if ctx.out.json {
                ctx.out.line(&frame.text)?;
            } else {
                ctx.out.line(&line(ctx, &frame))?;
            }
            seen += 1;
            if count.is_some_and(|n| seen >= n) {
                return Ok(());
            }
        }
        ctx.out.warn("lumio: connection lost; reconnecting");
        tokio::time::sleep(delay).await;
    }
}

/// What `chat ingest` did.
#[derive(Debug, Default, Serialize)]
struct IngestSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    ingested: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    valid: Option<usize>,
    duplicates: usize,
    rejected: usize,
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
        let message = match parse_line(&line) {
            Ok(m) => m,
            Err(e) => {
                ctx.out.warn(&format!("line {n}: {e}"));
                bad += 1;
                continue;
            }
        };
        if dry_run {
            ok += 1;
            continue;
        }
        match client.ingest(&message).await {
            Ok(r) if r.duplicate => dup += 1,
            Ok(_) => ok += 1,
            Err(e) if e.code == ExitCode::Failure && !e.unreachable => {
                ctx.out.warn(&format!("line {n}: {e}"));
                bad += 1;
            }
            Err(e) => return Err(e),
        }
    }
    let verb = if dry_run { "valid" } else { "ingested" };
    if ctx.out.json {
        ctx.out.json(&IngestSummary {
            ingested: (!dry_run).then_some(ok),
            valid: dry_run.then_some(ok),
            duplicates: dup,
            rejected: bad,
        })?;
    } else {
        ctx.out
            .note(&format!("{verb} {ok}, duplicates {dup}, rejected {bad}"));
    }
    if bad > 0 {
        return Err(CliError::failure(format!("{bad} line(s) rejected")));
    }
    Ok(())
}

/// One NDJSON line as a message: malformed JSON, a line that is no object, and a field
/// that is missing, unknown or of the wrong type are each said so.
fn parse_line(line: &str) -> Result<ChatMessageInput, String> {
    match serde_json::from_str::<serde_json::Value>(line) {
        Err(e) => Err(format!("malformed JSON: {e}")),
        Ok(serde_json::Value::Object(_)) => serde_json::from_str(line).map_err(|e| {
            let e = e.to_string();
            format!(
                "invalid message: {}",
                e.split(" at line ").next().unwrap_or(&e)
            )
        }),
        Ok(_) => Err("not a JSON object".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ingest_lines_are_typed_messages() {
        let m = parse_line(
            r#"{"platform":"twitch","channel_name":"c","user_id":"1234","username":"al","message":"hi","is_mod":true}"#,
        )
        .unwrap();
        assert_eq!((m.user_id.as_str(), m.is_mod), ("1234", true));
        assert!(parse_line("{").unwrap_err().starts_with("malformed JSON"));
        assert_eq!(parse_line("[1]").unwrap_err(), "not a JSON object");
        let e = parse_line(r#"{"platform":"twitch","channel_name":"c","user_id":"1","username":"a","message":"m","colour":"red"}"#)
            .unwrap_err();
        assert!(e.contains("unknown field `colour`"), "{e}");
        let e = parse_line(r#"{"platform":"twitch"}"#).unwrap_err();
        assert!(e.contains("missing field"), "{e}");
        // Every field the help names is a field of the message.
        for field in [
            "platform",
            "channel_name",
            "user_id",
            "username",
            "message",
            "display_name",
            "emotes",
            "badges",
            "color",
            "is_mod",
            "is_sub",
            "is_vip",
            "sub_tier",
            "platform_message_id",
            "reply_to_message_id",
            "reply_to_user_id",
            "reply_to_username",
            "reply_to_message",
        ] {
            assert!(INGEST_FIELDS.contains(field), "{field}");
        }
    }
}
