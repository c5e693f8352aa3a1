//! `lumio mod`: ban, unban, time out, delete and warn — one at a time or in bulk from a file
//! ([`apply`], [`rows`]) — the moderation log, and treatment.

pub mod apply;
pub mod rows;

use clap::{Args, Subcommand, ValueEnum};

use super::Ctx;
use crate::api::chat::unseen;
use crate::api::moderation::{Action, LogEntry, Moderation, ModerationResult};
use crate::api::Client;
use crate::duration::{format_duration, parse_duration};
use crate::error::{CliResult, ExitCode};
use crate::platform::{Platform, UserRef};
pub use apply::ApplyArgs;

const USER_HELP: &str = "The chatter: their platform user id (twitch, kick, trovo: digits; \
youtube: UC…; discord: a snowflake), or a username lumio has seen (@name; a word that is no \
id is taken as a username too)";

#[derive(Debug, Subcommand)]
pub enum ModCommand {
    /// Ban a chatter.
    #[command(after_help = "\
Examples:
  lumio mod ban twitch 123456 --reason \"spam bot\"
  lumio mod ban twitch @f0llow_b0t_1")]
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
  lumio mod timeout twitch @kappa_king --duration 10m --reason caps
  lumio mod timeout youtube UCaaaaaaaaaaaaaaaaaaaaaa -d 1h30m")]
    Timeout {
        #[command(flatten)]
        target: UserArg,
        /// How long: 90s, 10m, 1h30m, 1d (or plain seconds); up to 14 days.
        #[arg(long, short, value_parser = parse_duration)]
        duration: i64,
        #[arg(long, short)]
        reason: Option<String>,
    },
    /// Warn a chatter (Twitch): they must acknowledge the reason before chatting again.
    #[command(after_help = "\
Examples:
  lumio mod warn twitch @kappa_king --reason \"no spoilers, please\"")]
    Warn {
        #[command(flatten)]
        target: UserArg,
        /// What the chatter is warned about (1–500 characters; they see it).
        #[arg(long, short)]
        reason: String,
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
    /// and the others are applied. Rows of one chatter run in file order; different
    /// chatters are worked on side by side (--concurrency). A ban of a banned chatter or a
    /// timeout of one already timed out at least as long is skipped, so running a file
    /// twice does no harm. Exits 1 when any row failed. With --json: an array of row results
    /// (row, status, action, platform, user, message); the summary goes to stderr.
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
  lumio mod log twitch @f0llow_b0t_1
  lumio mod log --limit 100 --json | jq -r '.[].action' | sort | uniq -c")]
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

impl UserArg {
    /// The user as an id or a username, by the platform's id rule.
    pub fn parse(&self) -> CliResult<UserRef> {
        UserRef::parse(self.platform, &self.user)
    }

    /// The chatter's platform user id (a username resolved through the chat lumio has seen).
    pub async fn resolve(&self, client: &Client) -> CliResult<String> {
        client.user_id(self.platform, &self.parse()?).await
    }
}

pub async fn run(ctx: Ctx, cmd: ModCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        ModCommand::Ban { target, reason } => {
            act(&ctx, &client, &target, Action::Ban, None, reason).await
        }
        ModCommand::Unban { target, reason } => {
            act(&ctx, &client, &target, Action::Unban, None, reason).await
        }
        ModCommand::Warn { target, reason } => {
            if reason.trim().is_empty() {
                return Err(crate::error::CliError::usage(
                    "--reason must not be empty: the chatter sees it",
                ));
            }
            act(&ctx, &client, &target, Action::Warn, None, Some(reason)).await
        }
        ModCommand::Timeout {
            target,
            duration,
            reason,
        } => {
            act(
                &ctx,
                &client,
                &target,
                Action::Timeout,
                Some(duration),
                reason,
            )
            .await
        }
        ModCommand::Delete {
            platform,
            message_id,
            reason,
        } => {
            let mut m = Moderation::on(platform, Action::Delete, None);
            m.message_id = Some(message_id.trim().to_string());
            m.reason = reason;
            let r = client.moderate(&m).await?;
            print_result(&ctx, &r)
        }
        ModCommand::Apply(args) => apply::run(&ctx, &client, &args).await,
        ModCommand::Log {
            platform,
            user,
            page,
            limit,
        } => {
            let log = match (platform, user) {
                (Some(p), Some(u)) => {
                    let id = client.user_id(p, &UserRef::parse(p, &u)?).await?;
                    client.moderation_log(Some((p, &id)), page, limit).await?
                }
                _ => client.moderation_log(None, page, limit).await?,
            };
            if ctx.out.json {
                return ctx.out.json(&log.entries);
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
            let id = client.user_id(target.platform, &target.parse()?).await?;
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

async fn act(
    ctx: &Ctx,
    client: &Client,
    target: &UserArg,
    action: Action,
    duration: Option<i64>,
    reason: Option<String>,
) -> CliResult<()> {
    let user = target.parse()?;
    let mut m = Moderation::on(target.platform, action, Some(&user));
    m.duration_seconds = duration;
    m.reason = reason;
    let r = match client.moderate(&m).await {
        Ok(r) => r,
        Err(e) if e.code == ExitCode::NotFound => match &user {
            UserRef::Name(n) => return Err(unseen(target.platform, n)),
            UserRef::Id(_) => return Err(e),
        },
        Err(e) => return Err(e),
    };
    print_result(ctx, &r)
}

fn print_result(ctx: &Ctx, r: &ModerationResult) -> CliResult<()> {
    if !r.changed {
        // Nothing was done (already banned, not banned): say so, gh-style, and succeed.
        let who = match &r.username {
            Some(name) => format!("{} user {} ({name})", r.platform, r.platform_user_id),
            None => format!("{} user {}", r.platform, r.platform_user_id),
        };
        let what = match r.action.as_str() {
            "ban" => "is already banned".to_string(),
            "unban" => "is not banned".to_string(),
            _ => r.warnings.join("; "),
        };
        ctx.out.warn(&format!("! {who} {what}"));
        if ctx.out.json {
            return ctx.out.json(r);
        }
        return Ok(());
    }
    if ctx.out.json {
        return ctx.out.json(r);
    }
    for w in &r.warnings {
        ctx.out.warn(&format!("warning: {w}"));
    }
    if ctx.out.quiet || !ctx.out.tty {
        return ctx.out.line(&r.id);
    }
    let who = r.username.as_deref().unwrap_or(&r.platform_user_id);
    let what = match (r.action.as_str(), r.duration_seconds) {
        ("timeout", Some(d)) => format!("Timed out {who} for {}", format_duration(d)),
        ("ban", _) => format!("Banned {who}"),
        ("unban", _) => format!("Unbanned {who}"),
        ("warn", _) => format!("Warned {who}"),
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
                match (&e.delivery_status, &e.delivery_error) {
                    (Some(s), Some(err)) if s == "failed" => format!("failed: {err}"),
                    (Some(s), _) => s.clone(),
                    (None, _) => String::new(),
                },
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
            "delivery",
        ],
        &rows,
    )
}
