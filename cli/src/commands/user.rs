//! `lumio user`: a chatter's profile card.

use clap::Subcommand;
use serde_json::Value;

use super::moderation::{format_duration, UserArg};
use super::Ctx;
use crate::api::moderation::UserRef;
use crate::api::Client;
use crate::error::{CliError, CliResult};

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// A chatter's profile: first and last seen, messages, ban or timeout with the time
    /// left, treatment, flags, notes, follower status, and the platform's own profile.
    ///
    /// With --json, the profile as the server sends it (GET /v1/chat/users/{platform}/{id}).
    #[command(after_help = "\
Examples:
  lumio user show twitch 123456
  lumio user show kick @spammer --json | jq .ban")]
    Show {
        #[command(flatten)]
        target: UserArg,
    },
    /// Set, clear or list a chatter's flags (seed 002): invulnerable (no bot timeouts),
    /// vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items).
    #[command(after_help = "\
Examples:
  lumio user flag twitch @bob vulnerable
  lumio user flag twitch 1234 itemlock --off
  lumio user flag twitch @bob")]
    Flag {
        #[command(flatten)]
        target: UserArg,
        /// The flag; none: list the chatter's flags.
        #[arg(value_parser = ["invulnerable", "vulnerable", "greedy", "itemlock"])]
        flag: Option<String>,
        /// Clear the flag instead of setting it.
        #[arg(long, requires = "flag")]
        off: bool,
    },
}

pub async fn run(ctx: Ctx, cmd: UserCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        UserCommand::Show { target } => {
            let user = UserRef::parse(&target.user);
            if user.is_empty() {
                return Err(CliError::usage("the user must not be empty"));
            }
            let id = client.user_id(target.platform, &user).await?;
            let p = client.profile(target.platform, &id).await?;
            if ctx.out.json {
                return ctx.out.json(&p);
            }
            print_card(&ctx, &p)
        }
        UserCommand::Flag { target, flag, off } => {
            let user = UserRef::parse(&target.user);
            if user.is_empty() {
                return Err(CliError::usage("the user must not be empty"));
            }
            let id = client.user_id(target.platform, &user).await?;
            let platform = target.platform.as_str();
            let f = match &flag {
                Some(f) => client.set_chatter_flag(platform, &id, f, !off).await?,
                None => client.chatter_flags(platform, &id).await?,
            };
            if ctx.out.json {
                return ctx.out.json(&f);
            }
            let list = if f.flags.is_empty() {
                "-".to_string()
            } else {
                f.flags.join(",")
            };
            if ctx.out.tty && !ctx.out.quiet {
                ctx.out
                    .line(&format!("{} {}: {list}", f.platform, f.platform_user_id))
            } else {
                ctx.out.line(&list)
            }
        }
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::Null => "-".into(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn print_card(ctx: &Ctx, p: &Value) -> CliResult<()> {
    let time = |v: &Value| v.as_str().map(|t| ctx.out.time(t)).unwrap_or("-".into());
    let ban = &p["ban"];
    let ban_line = match ban["state"].as_str().unwrap_or("none") {
        "banned" => format!("banned{}", reason(&ban["reason"])),
        "timed_out" => format!(
            "timed out, {} left{}",
            ban["seconds_left"]
                .as_i64()
                .map(format_duration)
                .unwrap_or_else(|| "?".into()),
            reason(&ban["reason"])
        ),
        _ => "none".into(),
    };
    let follower = match p["follower"]["following"].as_bool() {
        Some(true) => format!("since {}", time(&p["follower"]["followed_at"])),
        Some(false) => "not following".into(),
        None => format!("unknown ({})", text(&p["follower"]["source"])),
    };
    let flags = p["flags"]
        .as_array()
        .map(|f| f.iter().map(text).collect::<Vec<_>>().join(", "))
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "-".into());
    let e = &p["enrichment"];
    let mut rows = vec![
        (
            "user",
            format!(
                "{} ({})",
                text(&p["username"]),
                text(&p["platform_user_id"])
            ),
        ),
        ("platform", text(&p["platform"])),
        ("display name", text(&p["display_name"])),
        ("first seen", time(&p["first_seen_at"])),
        ("last seen", time(&p["last_seen_at"])),
        ("messages", text(&p["message_count"])),
        ("ban", ban_line),
        ("treatment", text(&p["treatment"])),
        ("flags", flags),
        ("notes", text(&p["note_count"])),
        ("follower", follower),
        ("platform profile", text(&p["enrichment_status"])),
    ];
    if e.is_object() {
        rows.push(("account created", time(&e["account_created_at"])));
        if !e["followers"].is_null() {
            rows.push(("followers", text(&e["followers"])));
        }
        if !e["description"].is_null() {
            rows.push(("bio", text(&e["description"])));
        }
    }
    if !ctx.out.tty {
        for (k, v) in &rows {
            ctx.out
                .line(&format!("{k}\t{}", crate::output::tsv_field(v)))?;
        }
        return Ok(());
    }
    for (k, v) in &rows {
        ctx.out.line(&format!("{:>16}  {v}", ctx.out.bold(k)))?;
    }
    if let Some(msgs) = p["recent_messages"].as_array().filter(|m| !m.is_empty()) {
        ctx.out.line("")?;
        ctx.out.line(&ctx.out.bold("recent messages"))?;
        for m in msgs {
            let deleted = if m["deleted_at"].is_string() {
                " (deleted)"
            } else {
                ""
            };
            ctx.out.line(&format!(
                "  {}  {}{deleted}",
                time(&m["created_at"]),
                text(&m["message"])
            ))?;
        }
    }
    Ok(())
}

fn reason(v: &Value) -> String {
    v.as_str().map(|r| format!(": {r}")).unwrap_or_default()
}
