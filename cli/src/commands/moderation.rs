//! `lumio mod`: ban, unban, time out and delete — one at a time or in bulk from a file —
//! the moderation log, and treatment.

use std::io::Read;

use clap::{Args, Subcommand, ValueEnum};
use futures::StreamExt;
use serde::Serialize;
use serde_json::{json, Value};

use super::Ctx;
use crate::api::moderation::{LogEntry, Moderation, ModerationResult, UserRef};
use crate::api::Client;
use crate::cli::Platform;
use crate::error::{CliError, CliResult, ExitCode};

/// The longest timeout the platforms allow: two weeks.
pub const MAX_TIMEOUT_SECS: i64 = 14 * 24 * 3600;

const USER_HELP: &str =
    "The chatter: their platform user id, or @username for a name lumio has seen";

#[derive(Debug, Subcommand)]
pub enum ModCommand {
    /// Ban a chatter.
    #[command(after_help = "\
Examples:
  lumio mod ban twitch 123456 --reason \"spam bot\"
  lumio mod ban kick @spammer")]
    Ban {
        #[command(flatten)]
        target: UserArg,
        /// Why (kept in the moderation log).
        #[arg(long, short)]
        reason: Option<String>,
    },
    /// Lift a ban or a timeout.
    Unban {
        #[command(flatten)]
        target: UserArg,
        #[arg(long, short)]
        reason: Option<String>,
    },
    /// Time a chatter out.
    #[command(after_help = "\
Examples:
  lumio mod timeout twitch @loudguy --duration 10m --reason caps
  lumio mod timeout youtube UCx0 -d 1h30m")]
    Timeout {
        #[command(flatten)]
        target: UserArg,
        /// How long: 90s, 10m, 1h30m, 1d (or plain seconds); up to 14 days.
        #[arg(long, short, value_parser = parse_duration)]
        duration: i64,
        #[arg(long, short)]
        reason: Option<String>,
    },
    /// Delete a message (by its lumio id, as `lumio chat history --json` shows).
    Delete {
        /// The chat platform.
        #[arg(value_enum, ignore_case = true)]
        platform: Platform,
        /// The message's id.
        message_id: String,
        #[arg(long, short)]
        reason: Option<String>,
    },
    /// Apply many actions from a CSV or NDJSON file (or `-` for standard input).
    ///
    /// CSV has a header row naming the columns platform, user, action, duration, reason
    /// (and message_id for deletes); NDJSON has one object per line with the same fields.
    /// `user` is a platform user id or @username; `duration` as for `timeout`. Every row is
    /// checked before anything is sent; rows with errors are reported with their row number
    /// and the others are applied. A ban of a banned chatter or a timeout of one already
    /// timed out at least as long is skipped, so running a file twice does no harm. Exits 1
    /// when any row failed.
    #[command(after_help = "\
Examples:
  lumio mod apply --file bans.csv --dry-run
  lumio mod apply --file bans.csv
  printf 'platform,user,action,duration,reason\\ntwitch,@spam1,ban,,bot\\n' | lumio mod apply --file -

bans.csv:
  platform,user,action,duration,reason
  twitch,@spam1,ban,,bot wave
  kick,4411,timeout,10m,\"caps, again\"")]
    Apply(ApplyArgs),
    /// A chatter's moderation log, newest first; without a chatter, the whole account's.
    #[command(after_help = "\
Examples:
  lumio mod log twitch @spammer
  lumio mod log --limit 100 --json | jq -r '.entries[].action' | sort | uniq -c")]
    Log {
        /// The chat platform (with USER).
        #[arg(value_enum, ignore_case = true, requires = "user")]
        platform: Option<Platform>,
        #[arg(help = USER_HELP)]
        user: Option<String>,
        /// Page (1-based).
        #[arg(long, default_value_t = 1)]
        page: u32,
        /// Entries per page (1–200).
        #[arg(long, short = 'n', default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=200))]
        limit: u32,
    },
    /// Set a chatter's treatment: none, active_monitoring or restricted.
    Treatment {
        #[command(flatten)]
        target: UserArg,
        /// The treatment.
        #[arg(value_enum)]
        treatment: Treatment,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum Treatment {
    None,
    ActiveMonitoring,
    Restricted,
}

impl Treatment {
    fn as_str(self) -> &'static str {
        match self {
            Treatment::None => "none",
            Treatment::ActiveMonitoring => "active_monitoring",
            Treatment::Restricted => "restricted",
        }
    }
}

/// A chatter on a platform.
#[derive(Debug, Clone, Args)]
pub struct UserArg {
    /// The chat platform.
    #[arg(value_enum, ignore_case = true)]
    pub platform: Platform,
    #[arg(help = USER_HELP)]
    pub user: String,
}

#[derive(Debug, Clone, Args)]
pub struct ApplyArgs {
    /// The file, or `-` for standard input.
    #[arg(long, short)]
    pub file: String,
    /// csv or ndjson (default: from the file's name, else from its first character).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Check every row and resolve every @username, change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// How many rows are sent at once (results are still printed in row order).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Csv,
    Ndjson,
}

pub async fn run(ctx: Ctx, cmd: ModCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        ModCommand::Ban { target, reason } => {
            act(&ctx, &client, &target, "ban", None, reason).await
        }
        ModCommand::Unban { target, reason } => {
            act(&ctx, &client, &target, "unban", None, reason).await
        }
        ModCommand::Timeout {
            target,
            duration,
            reason,
        } => act(&ctx, &client, &target, "timeout", Some(duration), reason).await,
        ModCommand::Delete {
            platform,
            message_id,
            reason,
        } => {
            let mut m = Moderation::on(platform, "delete", None);
            m.message_id = Some(message_id.trim().to_string());
            m.reason = reason;
            let r = client.moderate(&m).await?;
            print_result(&ctx, &r)
        }
        ModCommand::Apply(args) => apply(&ctx, &client, &args).await,
        ModCommand::Log {
            platform,
            user,
            page,
            limit,
        } => {
            let log = match (platform, user) {
                (Some(p), Some(u)) => {
                    let id = client.user_id(p, &user_ref(&u)?).await?;
                    client.moderation_log(Some((p, &id)), page, limit).await?
                }
                _ => client.moderation_log(None, page, limit).await?,
            };
            if ctx.out.json {
                return ctx.out.json(&log);
            }
            if log.entries.is_empty() {
                if ctx.out.tty {
                    ctx.out.note("No moderation actions.");
                }
                return Ok(());
            }
            print_log(&ctx, &log.entries)?;
            let shown = (i64::from(page) - 1) * log.limit + log.entries.len() as i64;
            if ctx.out.tty && shown < log.total {
                ctx.out.note(&format!(
                    "{shown} of {} entries; --page {} for more",
                    log.total,
                    page + 1
                ));
            }
            Ok(())
        }
        ModCommand::Treatment { target, treatment } => {
            let id = client
                .user_id(target.platform, &user_ref(&target.user)?)
                .await?;
            let r = client
                .set_treatment(target.platform, &id, treatment.as_str())
                .await?;
            if ctx.out.json {
                return ctx.out.json(&r);
            }
            ctx.out.info(&format!(
                "{} user {} is now {}",
                target.platform,
                target.user,
                ctx.out.bold(treatment.as_str())
            ))
        }
    }
}

fn user_ref(s: &str) -> CliResult<UserRef> {
    let u = UserRef::parse(s);
    if u.is_empty() {
        return Err(CliError::usage("the user must not be empty"));
    }
    Ok(u)
}

async fn act(
    ctx: &Ctx,
    client: &Client,
    target: &UserArg,
    action: &str,
    duration: Option<i64>,
    reason: Option<String>,
) -> CliResult<()> {
    let user = user_ref(&target.user)?;
    let mut m = Moderation::on(target.platform, action, Some(&user));
    m.duration_seconds = duration;
    m.reason = reason;
    let r = client.moderate(&m).await?;
    print_result(ctx, &r)
}

fn print_result(ctx: &Ctx, r: &ModerationResult) -> CliResult<()> {
    if ctx.out.json {
        return ctx.out.json(r);
    }
    for w in &r.warnings {
        eprintln!("warning: {w}");
    }
    if ctx.out.quiet || !ctx.out.tty {
        return ctx.out.line(&r.id);
    }
    let who = r.username.as_deref().unwrap_or(&r.platform_user_id);
    let what = match (r.action.as_str(), r.duration_seconds) {
        ("timeout", Some(d)) => format!("Timed out {who} for {}", format_duration(d)),
        ("ban", _) => format!("Banned {who}"),
        ("unban", _) => format!("Unbanned {who}"),
        ("delete", _) => format!(
            "Deleted message {} of {who}",
            r.message_id.as_deref().unwrap_or("?")
        ),
        (a, _) => format!("{a} {who}"),
    };
    ctx.out.info(&format!(
        "{what} on {} ({})",
        r.platform,
        r.delivery.replace('_', " ")
    ))
}

fn print_log(ctx: &Ctx, entries: &[LogEntry]) -> CliResult<()> {
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                ctx.out.time(&e.created_at),
                e.action.clone(),
                e.platform.clone(),
                e.target_username
                    .clone()
                    .unwrap_or_else(|| e.platform_user_id.clone()),
                e.duration_seconds.map(format_duration).unwrap_or_default(),
                e.moderator_name.clone(),
                e.reason.clone().unwrap_or_default(),
            ]
        })
        .collect();
    ctx.out.table(
        &[
            "time",
            "action",
            "platform",
            "user",
            "duration",
            "moderator",
            "reason",
        ],
        &rows,
    )
}

/// `90s`, `10m`, `1h30m`, `2d`, `1w`, or plain seconds → seconds, 1 s to 14 days.
pub fn parse_duration(s: &str) -> Result<i64, String> {
    let s = s.trim().to_ascii_lowercase();
    if s.is_empty() {
        return Err("empty duration; use e.g. 90s, 10m, 1h30m, 1d".into());
    }
    let total = if s.chars().all(|c| c.is_ascii_digit()) {
        s.parse::<i64>()
            .map_err(|_| format!("'{s}' is too large"))?
    } else {
        let mut total: i64 = 0;
        let mut num = String::new();
        for c in s.chars() {
            if c.is_ascii_digit() {
                num.push(c);
                continue;
            }
            let unit = match c {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => 86_400,
                'w' => 604_800,
                _ => {
                    return Err(format!(
                        "'{s}' is not a duration: unknown unit '{c}' (use s, m, h, d, w)"
                    ))
                }
            };
            let n: i64 = num
                .parse()
                .map_err(|_| format!("'{s}' is not a duration: a number must come before '{c}'"))?;
            total = n
                .checked_mul(unit)
                .and_then(|x| total.checked_add(x))
                .ok_or_else(|| format!("'{s}' is too long"))?;
            num.clear();
        }
        if !num.is_empty() {
            return Err(format!(
                "'{s}' is not a duration: '{num}' has no unit (use s, m, h, d, w)"
            ));
        }
        total
    };
    if total < 1 {
        return Err("a timeout lasts at least 1 second".into());
    }
    if total > MAX_TIMEOUT_SECS {
        return Err(format!(
            "'{s}' is longer than the 14 days a timeout may last; ban instead"
        ));
    }
    Ok(total)
}

/// Seconds as `1h30m`, `10m`, `45s`, `2d`.
pub fn format_duration(secs: i64) -> String {
    let mut left = secs;
    let mut out = String::new();
    for (unit, size) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] {
        if left >= size {
            out.push_str(&format!("{}{unit}", left / size));
            left %= size;
        }
    }
    if out.is_empty() {
        "0s".into()
    } else {
        out
    }
}

/// One row of a bulk file, checked.
#[derive(Debug, Clone)]
struct Row {
    n: usize,
    platform: Platform,
    action: String,
    user: Option<UserRef>,
    message_id: Option<String>,
    duration: Option<i64>,
    reason: Option<String>,
}

/// What became of a row.
#[derive(Debug, Clone, Serialize)]
struct RowResult {
    row: usize,
    status: &'static str,
    action: String,
    platform: String,
    user: String,
    message: String,
}

/// Split a CSV line into fields: commas, double quotes around a field, `""` for a quote.
fn csv_fields(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() && !was_quoted => {
                field.clear();
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                out.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is not closed".into());
    }
    out.push(field);
    Ok(out.into_iter().map(|f| f.trim().to_string()).collect())
}

/// The raw fields of each row of the file, by row number (the CSV header is row 1).
fn raw_rows(text: &str, format: Format) -> CliResult<Vec<(usize, Result<Value, String>)>> {
    let mut rows = Vec::new();
    match format {
        Format::Ndjson => {
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                rows.push((
                    i + 1,
                    match serde_json::from_str::<Value>(line) {
                        Ok(v @ Value::Object(_)) => Ok(v),
                        Ok(_) => Err("not a JSON object".to_string()),
                        Err(e) => Err(format!("malformed JSON: {e}")),
                    },
                ));
            }
        }
        Format::Csv => {
            let mut lines = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty());
            let Some((_, header)) = lines.next() else {
                return Ok(rows);
            };
            let header = csv_fields(header)
                .map_err(|e| CliError::usage(format!("the header row: {e}")))?
                .into_iter()
                .map(|h| h.to_ascii_lowercase())
                .collect::<Vec<_>>();
            for need in ["platform", "action"] {
                if !header.iter().any(|h| h == need) {
                    return Err(CliError::usage(format!(
                        "the header row has no '{need}' column (expected platform,user,action,duration,reason)"
                    )));
                }
            }
            for h in &header {
                if ![
                    "platform",
                    "user",
                    "action",
                    "duration",
                    "reason",
                    "message_id",
                ]
                .contains(&h.as_str())
                {
                    return Err(CliError::usage(format!(
                        "the header row names an unknown column '{h}' (expected platform, user, action, duration, reason, message_id)"
                    )));
                }
            }
            for (i, line) in lines {
                rows.push((
                    i + 1,
                    csv_fields(line).and_then(|fields| {
                        if fields.len() > header.len() {
                            return Err(format!(
                                "{} fields, the header has {}",
                                fields.len(),
                                header.len()
                            ));
                        }
                        Ok(Value::Object(
                            header
                                .iter()
                                .zip(fields)
                                .filter(|(_, v)| !v.is_empty())
                                .map(|(h, v)| (h.clone(), Value::String(v)))
                                .collect(),
                        ))
                    }),
                ));
            }
        }
    }
    Ok(rows)
}

fn text_field(v: &Value, name: &str) -> Result<Option<String>, String> {
    match &v[name] {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Ok(None),
        Value::String(s) => Ok(Some(s.trim().to_string())),
        Value::Number(n) => Ok(Some(n.to_string())),
        other => Err(format!("{name} must be text, not {other}")),
    }
}

/// Check one row's fields.
fn check_row(n: usize, v: &Value) -> Result<Row, String> {
    if let Some(obj) = v.as_object() {
        if let Some(k) = obj.keys().find(|k| {
            ![
                "platform",
                "user",
                "action",
                "duration",
                "reason",
                "message_id",
            ]
            .contains(&k.as_str())
        }) {
            return Err(format!("unknown field '{k}'"));
        }
    }
    let platform_s = text_field(v, "platform")?.ok_or("platform is missing")?;
    let platform = Platform::from_str(&platform_s, true).map_err(|_| {
        format!("unknown platform '{platform_s}' (twitch, youtube, kick, trovo, discord)")
    })?;
    let action = text_field(v, "action")?
        .ok_or("action is missing")?
        .to_ascii_lowercase();
    let user = text_field(v, "user")?.map(|u| UserRef::parse(&u));
    let message_id = text_field(v, "message_id")?;
    let duration = match (&v["duration"], action.as_str()) {
        (Value::Number(n), _) => Some(
            n.as_i64()
                .ok_or("duration must be whole seconds")
                .and_then(|d| {
                    parse_duration(&d.to_string()).map_err(|_| "duration out of range")
                })?,
        ),
        (_, _) => text_field(v, "duration")?
            .map(|d| parse_duration(&d))
            .transpose()?,
    };
    match action.as_str() {
        "ban" | "unban" | "timeout" => {
            if user.as_ref().is_none_or(UserRef::is_empty) {
                return Err(format!("{action} needs a user"));
            }
            if action == "timeout" && duration.is_none() {
                return Err("timeout needs a duration (e.g. 10m)".into());
            }
            if action != "timeout" && duration.is_some() {
                return Err(format!("duration applies to timeout only, not to {action}"));
            }
        }
        "delete" => {
            if message_id.is_none() {
                return Err("delete needs a message_id".into());
            }
        }
        other => {
            return Err(format!(
                "unknown action '{other}' (ban, unban, timeout or delete)"
            ))
        }
    }
    Ok(Row {
        n,
        platform,
        action,
        user,
        message_id,
        duration,
        reason: text_field(v, "reason")?,
    })
}

fn detect_format(args: &ApplyArgs, text: &str) -> Format {
    if let Some(f) = args.format {
        return f;
    }
    let name = args.file.to_ascii_lowercase();
    if name.ends_with(".csv") {
        Format::Csv
    } else if [".ndjson", ".jsonl", ".json"]
        .iter()
        .any(|e| name.ends_with(e))
        || text.trim_start().starts_with('{')
    {
        Format::Ndjson
    } else {
        Format::Csv
    }
}

async fn apply(ctx: &Ctx, client: &Client, args: &ApplyArgs) -> CliResult<()> {
    let text = if args.file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        s
    } else {
        std::fs::read_to_string(&args.file)
            .map_err(|e| CliError::usage(format!("{}: {e}", args.file)))?
    };
    let format = detect_format(args, &text);
    let raw = raw_rows(&text, format)?;
    if raw.is_empty() {
        return Err(CliError::usage(format!("{}: no rows", args.file)));
    }
    let label = |r: &Row| {
        r.user
            .as_ref()
            .map(ToString::to_string)
            .or_else(|| r.message_id.clone())
            .unwrap_or_default()
    };
    let checked: Vec<Result<Row, RowResult>> = raw
        .into_iter()
        .map(|(n, v)| {
            v.and_then(|v| check_row(n, &v))
                .map_err(|message| RowResult {
                    row: n,
                    status: "invalid",
                    action: String::new(),
                    platform: String::new(),
                    user: String::new(),
                    message,
                })
        })
        .collect();
    let dry = args.dry_run;
    let results: Vec<RowResult> = futures::stream::iter(checked)
        .map(|row| async move {
            let row = match row {
                Ok(row) => row,
                Err(bad) => return Ok(bad),
            };
            let user = label(&row);
            let done = |status: &'static str, message: String| RowResult {
                row: row.n,
                status,
                action: row.action.clone(),
                platform: row.platform.to_string(),
                user: user.clone(),
                message,
            };
            match run_row(client, &row, dry).await {
                Ok((status, message)) => Ok(done(status, message)),
                // Not reachable, not logged in: stop everything, the other rows would fail too.
                Err(e)
                    if matches!(e.code, ExitCode::NotAuthenticated)
                        || e.message.starts_with("cannot reach") =>
                {
                    Err(e)
                }
                Err(e) => Ok(done("failed", e.message)),
            }
        })
        .buffered(usize::from(args.concurrency))
        .collect::<Vec<CliResult<RowResult>>>()
        .await
        .into_iter()
        .collect::<CliResult<_>>()?;

    let failed = results
        .iter()
        .filter(|r| matches!(r.status, "failed" | "invalid"))
        .count();
    let count = |s: &str| results.iter().filter(|r| r.status == s).count();
    let summary = json!({
        "rows": results.len(),
        "applied": count("applied"),
        "skipped": count("skipped"),
        "valid": count("valid"),
        "failed": failed,
        "dry_run": dry,
    });
    if ctx.out.json {
        ctx.out
            .json(&json!({"results": results, "summary": summary}))?;
    } else {
        let rows: Vec<Vec<String>> = results
            .iter()
            .map(|r| {
                vec![
                    r.row.to_string(),
                    r.status.to_string(),
                    r.action.clone(),
                    r.platform.clone(),
                    r.user.clone(),
                    r.message.clone(),
                ]
            })
            .collect();
        ctx.out.table(
            &["row", "status", "action", "platform", "user", "result"],
            &rows,
        )?;
        if !ctx.out.quiet {
            eprintln!(
                "{} rows: {} {}, {} skipped, {} failed",
                results.len(),
                if dry {
                    count("valid")
                } else {
                    count("applied")
                },
                if dry {
                    "valid (dry run: nothing changed)"
                } else {
                    "applied"
                },
                count("skipped"),
                failed
            );
        }
    }
    if failed > 0 {
        return Err(CliError::failure(format!(
            "{failed} of {} rows failed (see the rows above)",
            results.len()
        )));
    }
    Ok(())
}

/// Carry out (or, dry, check) one row: `(status, message)`.
async fn run_row(client: &Client, row: &Row, dry: bool) -> CliResult<(&'static str, String)> {
    let user_id = match &row.user {
        Some(u) => Some(client.user_id(row.platform, u).await?),
        None => None,
    };
    // Idempotence: a ban of a banned chatter, or a timeout of one already timed out for at
    // least as long, is skipped.
    if let (Some(id), "ban" | "timeout") = (&user_id, row.action.as_str()) {
        match client.profile(row.platform, id).await {
            Ok(p) => {
                let state = p["ban"]["state"].as_str().unwrap_or("none");
                let left = p["ban"]["seconds_left"].as_i64();
                if state == "banned" {
                    return Ok(("skipped", "already banned".into()));
                }
                if row.action == "timeout" && state == "timed_out" {
                    if let (Some(left), Some(d)) = (left, row.duration) {
                        if left + 60 >= d {
                            return Ok((
                                "skipped",
                                format!("already timed out ({} left)", format_duration(left)),
                            ));
                        }
                    }
                }
            }
            Err(e) if e.code == ExitCode::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    if dry {
        let who = match (&row.user, &user_id) {
            (Some(UserRef::Name(n)), Some(id)) => format!("@{n} is {id}"),
            _ => "ok".into(),
        };
        return Ok(("valid", who));
    }
    let mut m = Moderation::on(row.platform, &row.action, None);
    m.platform_user_id = user_id;
    m.message_id = row.message_id.clone();
    m.duration_seconds = row.duration;
    m.reason = row.reason.clone();
    let r = client.moderate(&m).await?;
    let mut msg = match (row.action.as_str(), r.duration_seconds) {
        ("timeout", Some(d)) => format!("timed out for {}", format_duration(d)),
        _ => r.delivery.replace('_', " "),
    };
    for w in &r.warnings {
        msg.push_str(&format!("; {w}"));
    }
    Ok(("applied", msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Ok(90));
        assert_eq!(parse_duration("10m"), Ok(600));
        assert_eq!(parse_duration("1h30m"), Ok(5400));
        assert_eq!(parse_duration("1D"), Ok(86_400));
        assert_eq!(parse_duration("2w"), Ok(MAX_TIMEOUT_SECS));
        assert_eq!(parse_duration("600"), Ok(600));
        for bad in [
            "",
            "0",
            "0s",
            "-5m",
            "15d",
            "10x",
            "m",
            "10m5",
            "99999999999999999999h",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert_eq!(format_duration(5400), "1h30m");
        assert_eq!(format_duration(86_461), "1d1m1s");
    }

    #[test]
    fn csv_lines() {
        assert_eq!(
            csv_fields(r#"twitch,@a,timeout,10m,"caps, ""again""""#).unwrap(),
            vec!["twitch", "@a", "timeout", "10m", r#"caps, "again""#]
        );
        assert_eq!(csv_fields("a,,b").unwrap(), vec!["a", "", "b"]);
        assert!(csv_fields(r#"a,"open"#).is_err());
    }

    #[test]
    fn rows_are_checked() {
        let ok = check_row(
            2,
            &json!({"platform": "Twitch", "user": "@x", "action": "ban"}),
        )
        .unwrap();
        assert_eq!(ok.user, Some(UserRef::Name("x".into())));
        let t = check_row(
            3,
            &json!({"platform": "kick", "user": "7", "action": "timeout",
            "duration": 600}),
        )
        .unwrap();
        assert_eq!(t.duration, Some(600));
        for (bad, why) in [
            (
                json!({"platform": "myspace", "user": "1", "action": "ban"}),
                "unknown platform",
            ),
            (
                json!({"platform": "twitch", "user": "1", "action": "nuke"}),
                "unknown action",
            ),
            (
                json!({"platform": "twitch", "action": "ban"}),
                "needs a user",
            ),
            (
                json!({"platform": "twitch", "user": "1", "action": "timeout"}),
                "needs a duration",
            ),
            (
                json!({"platform": "twitch", "user": "1", "action": "ban", "duration": "1m"}),
                "timeout only",
            ),
            (
                json!({"platform": "twitch", "user": "1", "action": "timeout", "duration": "-1m"}),
                "unknown unit",
            ),
            (
                json!({"platform": "twitch", "action": "delete"}),
                "message_id",
            ),
            (
                json!({"platform": "twitch", "user": "1", "action": "ban", "colour": "red"}),
                "unknown field",
            ),
        ] {
            let e = check_row(1, &bad).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
    }
}
