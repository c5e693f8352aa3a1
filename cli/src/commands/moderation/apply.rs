//! `lumio mod apply`: many actions from a file. Every row is checked and every @username
//! resolved before anything is sent; then rows run in lanes, one lane per platform user (or
//! per message, for deletes): a lane runs its rows in file order (a ban on row 3 and an
//! unban on row 4 leave the user unbanned), lanes run side by side up to `--concurrency`.
//! A row that is already done (a ban of a banned chatter, a timeout of one timed out at
//! least as long) is skipped, so a second run does no harm.

use std::collections::HashMap;
use std::io::Read;

use clap::Args;
use futures::StreamExt;
use serde::Serialize;

use super::rows::{self, Format, Row};
use crate::api::moderation::{Action, Moderation};
use crate::api::Client;
use crate::commands::Ctx;
use crate::duration::format_duration;
use crate::error::{CliError, CliResult, ExitCode};
use crate::platform::{Platform, UserRef};

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
    /// How many chatters are worked on at once; the rows of one chatter always run in file
    /// order (results are printed in row order).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
}

/// What became of a row.
#[derive(Debug, Clone, Serialize)]
pub struct RowResult {
    pub row: usize,
    /// `applied`, `skipped`, `valid` (dry run), `invalid` or `failed`.
    pub status: &'static str,
    pub action: String,
    pub platform: String,
    pub user: String,
    pub message: String,
}

impl RowResult {
    fn of(row: &Row, status: &'static str, message: String) -> RowResult {
        RowResult {
            row: row.n,
            status,
            action: row.action.to_string(),
            platform: row.platform.to_string(),
            user: row.label(),
            message,
        }
    }

    fn failed(&self) -> bool {
        matches!(self.status, "failed" | "invalid")
    }
}

/// A checked row with its user resolved to an id (or why that failed).
struct Ready {
    row: Row,
    user_id: Result<Option<String>, CliError>,
}

/// Errors that stop the whole run: the other rows would fail the same way.
fn fatal(e: &CliError) -> bool {
    e.code == ExitCode::NotAuthenticated || e.unreachable
}

pub async fn run(ctx: &Ctx, client: &Client, args: &ApplyArgs) -> CliResult<()> {
    let text = if args.file == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        s
    } else {
        std::fs::read_to_string(&args.file)
            .map_err(|e| CliError::usage(format!("{}: {e}", args.file)))?
    };
    let format = rows::detect_format(args.format, &args.file, &text);
    let raw = rows::read(&text, format)?;
    if raw.is_empty() {
        return Err(CliError::usage(format!("{}: no rows", args.file)));
    }
    let mut results: Vec<RowResult> = Vec::new();
    let mut checked: Vec<Row> = Vec::new();
    for (n, r) in raw {
        match r.and_then(|r| rows::check(n, &r)) {
            Ok(row) => checked.push(row),
            Err(message) => results.push(RowResult {
                row: n,
                status: "invalid",
                action: String::new(),
                platform: String::new(),
                user: String::new(),
                message,
            }),
        }
    }
    let ready = resolve_all(client, checked, usize::from(args.concurrency)).await?;
    results.extend(run_lanes(client, ready, args.dry_run, usize::from(args.concurrency)).await?);
    results.sort_by_key(|r| r.row);
    report(ctx, &results, args.dry_run)
}

/// Resolve every distinct @username once (several at a time).
async fn resolve_all(client: &Client, rows: Vec<Row>, at_once: usize) -> CliResult<Vec<Ready>> {
    let mut names: Vec<(Platform, String)> = rows
        .iter()
        .filter_map(|r| match &r.user {
            Some(UserRef::Name(n)) => Some((r.platform, n.to_lowercase())),
            _ => None,
        })
        .collect();
    names.sort_by(|a, b| (a.0.as_str(), &a.1).cmp(&(b.0.as_str(), &b.1)));
    names.dedup();
    let found: HashMap<(Platform, String), Result<String, CliError>> = futures::stream::iter(names)
        .map(|(p, n)| async move {
            let id = client.user_id(p, &UserRef::Name(n.clone())).await;
            ((p, n), id)
        })
        .buffer_unordered(at_once)
        .collect()
        .await;
    if let Some(Err(e)) = found.values().find(|r| r.as_ref().is_err_and(fatal)) {
        return Err(CliError::new(e.code, e.message.clone()));
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let user_id = match &row.user {
                None => Ok(None),
                Some(UserRef::Id(id)) => Ok(Some(id.clone())),
                Some(UserRef::Name(n)) => match found.get(&(row.platform, n.to_lowercase())) {
                    Some(Ok(id)) => Ok(Some(id.clone())),
                    Some(Err(e)) => Err(CliError::new(e.code, e.message.clone())),
                    None => Err(crate::api::chat::unseen(row.platform, n)),
                },
            };
            Ready { row, user_id }
        })
        .collect())
}

/// The lane of a row: its platform user, or its message for a delete.
fn lane_key(r: &Ready) -> (Platform, String) {
    match (&r.user_id, &r.row.message_id) {
        (Ok(Some(id)), _) => (r.row.platform, format!("user:{id}")),
        (_, Some(m)) => (r.row.platform, format!("message:{m}")),
        _ => (r.row.platform, format!("row:{}", r.row.n)),
    }
}

/// Run the rows: each lane in file order, lanes side by side.
async fn run_lanes(
    client: &Client,
    ready: Vec<Ready>,
    dry: bool,
    at_once: usize,
) -> CliResult<Vec<RowResult>> {
    let mut lanes: Vec<Vec<Ready>> = Vec::new();
    let mut index: HashMap<(Platform, String), usize> = HashMap::new();
    for r in ready {
        let key = lane_key(&r);
        match index.get(&key) {
            Some(&i) => lanes[i].push(r),
            None => {
                index.insert(key, lanes.len());
                lanes.push(vec![r]);
            }
        }
    }
    let done: Vec<CliResult<Vec<RowResult>>> = futures::stream::iter(lanes)
        .map(|lane| async move {
            let mut out = Vec::with_capacity(lane.len());
            for r in lane {
                let result = match r.user_id {
                    Err(e) => RowResult::of(&r.row, "failed", e.message),
                    Ok(id) => match run_row(client, &r.row, id, dry).await {
                        Ok((status, message)) => RowResult::of(&r.row, status, message),
                        Err(e) if fatal(&e) => return Err(e),
                        Err(e) => RowResult::of(&r.row, "failed", e.message),
                    },
                };
                out.push(result);
            }
            Ok(out)
        })
        .buffer_unordered(at_once)
        .collect()
        .await;
    let mut results = Vec::new();
    for lane in done {
        results.extend(lane?);
    }
    Ok(results)
}

/// Carry out (or, dry, check) one row: `(status, message)`.
async fn run_row(
    client: &Client,
    row: &Row,
    user_id: Option<String>,
    dry: bool,
) -> CliResult<(&'static str, String)> {
    if let (Some(id), Action::Ban | Action::Timeout) = (&user_id, row.action) {
        if let Some(why) = already_done(client, row, id).await? {
            return Ok(("skipped", why));
        }
    }
    if dry {
        let who = match (&row.user, &user_id) {
            (Some(UserRef::Name(n)), Some(id)) => format!("@{n} is {id}"),
            _ => "ok".into(),
        };
        return Ok(("valid", who));
    }
    let mut m = Moderation::on(row.platform, row.action, None);
    m.platform_user_id = user_id;
    m.message_id = row.message_id.clone();
    m.duration_seconds = row.duration;
    m.reason = row.reason.clone();
    let r = client.moderate(&m).await?;
    if !r.changed {
        let why = r.warnings.join("; ");
        return Ok((
            "skipped",
            if why.is_empty() {
                "nothing to do".into()
            } else {
                why
            },
        ));
    }
    let mut msg = match (row.action, r.duration_seconds) {
        (Action::Timeout, Some(d)) => format!("timed out for {}", format_duration(d)),
        _ => r.delivery.replace('_', " "),
    };
    for w in &r.warnings {
        msg.push_str(&format!("; {w}"));
    }
    Ok(("applied", msg))
}

/// Why a ban or timeout needs not be sent: the chatter is banned, or timed out for at
/// least as long.
async fn already_done(client: &Client, row: &Row, id: &str) -> CliResult<Option<String>> {
    let p = match client.profile(row.platform, id).await {
        Ok(p) => p,
        Err(e) if e.code == ExitCode::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    if p.ban.state == "banned" {
        return Ok(Some("already banned".into()));
    }
    if let (Action::Timeout, "timed_out", Some(left), Some(d)) = (
        row.action,
        p.ban.state.as_str(),
        p.ban.seconds_left,
        row.duration,
    ) {
        if left + 60 >= d {
            return Ok(Some(format!(
                "already timed out ({} left)",
                format_duration(left)
            )));
        }
    }
    Ok(None)
}

fn report(ctx: &Ctx, results: &[RowResult], dry: bool) -> CliResult<()> {
    let failed = results.iter().filter(|r| r.failed()).count();
    let count = |s: &str| results.iter().filter(|r| r.status == s).count();
    if ctx.out.json {
        ctx.out.json(&results)?;
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
    }
    let (done, verb) = if dry {
        (count("valid"), "valid (dry run: nothing changed)")
    } else {
        (count("applied"), "applied")
    };
    ctx.out.note(&format!(
        "{} rows: {done} {verb}, {} skipped, {failed} failed",
        results.len(),
        count("skipped"),
    ));
    if failed > 0 {
        return Err(CliError::failure(format!(
            "{failed} of {} rows failed (see the rows above)",
            results.len()
        )));
    }
    Ok(())
}
