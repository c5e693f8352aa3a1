//! `lumio user`: a chatter's profile card.

use clap::Subcommand;

use super::moderation::UserArg;
use super::Ctx;
use crate::api::profiles::Profile;
use crate::api::Client;
use crate::duration::format_duration;
use crate::error::CliResult;

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// A chatter's profile: first and last seen, messages, ban or timeout with the time
    /// left, treatment, flags, notes, follower status, and the platform's own profile.
    ///
    /// With --json, the profile as the server sends it (GET /v1/chat/users/{platform}/{id}).
    #[command(after_help = "\
Examples:
  lumio user show twitch 123456
  lumio user show kick @chillguy --json | jq .ban")]
    Show {
        #[command(flatten)]
        target: UserArg,
    },
}

pub async fn run(ctx: Ctx, cmd: UserCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        UserCommand::Show { target } => {
            let id = target.resolve(&client).await?;
            let p = client.profile(target.platform, &id).await?;
            if ctx.out.json {
                return ctx.out.json(&p);
            }
            print_card(&ctx, &p)
        }
    }
}

fn or_dash(v: Option<&str>) -> String {
    v.unwrap_or("-").to_string()
}

fn print_card(ctx: &Ctx, p: &Profile) -> CliResult<()> {
    let time = |v: Option<&String>| v.map(|t| ctx.out.time(t)).unwrap_or("-".into());
    let reason = |r: &Option<String>| r.as_deref().map(|r| format!(": {r}")).unwrap_or_default();
    let ban_line = match p.ban.state.as_str() {
        "banned" => format!("banned{}", reason(&p.ban.reason)),
        "timed_out" => format!(
            "timed out, {} left{}",
            p.ban
                .seconds_left
                .map(format_duration)
                .unwrap_or_else(|| "?".into()),
            reason(&p.ban.reason)
        ),
        _ => "none".into(),
    };
    let follower = match p.follower.following {
        Some(true) => format!("since {}", time(p.follower.followed_at.as_ref())),
        Some(false) => "not following".into(),
        None => format!("unknown ({})", p.follower.source),
    };
    let flags = if p.flags.is_empty() {
        "-".to_string()
    } else {
        p.flags.join(", ")
    };
    let mut rows = vec![
        (
            "user",
            format!(
                "{} ({})",
                or_dash(p.username.as_deref()),
                p.platform_user_id
            ),
        ),
        ("platform", p.platform.clone()),
        ("display name", or_dash(p.display_name.as_deref())),
        ("first seen", time(p.first_seen_at.as_ref())),
        ("last seen", time(p.last_seen_at.as_ref())),
        ("messages", p.message_count.to_string()),
        ("ban", ban_line),
        ("treatment", p.treatment.clone()),
        ("flags", flags),
        ("notes", p.note_count.to_string()),
        ("follower", follower),
        ("platform profile", p.enrichment_status.clone()),
    ];
    if let Some(e) = &p.enrichment {
        rows.push(("account created", time(e.account_created_at.as_ref())));
        if let Some(f) = e.followers {
            rows.push(("followers", f.to_string()));
        }
        if let Some(d) = &e.description {
            rows.push(("bio", d.clone()));
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
    if !p.recent_messages.is_empty() {
        ctx.out.line("")?;
        ctx.out.line(&ctx.out.bold("recent messages"))?;
        for m in &p.recent_messages {
            let deleted = if m.deleted_at.is_some() {
                " (deleted)"
            } else {
                ""
            };
            ctx.out.line(&format!(
                "  {}  {}{deleted}",
                ctx.out.time(&m.created_at),
                m.message
            ))?;
        }
    }
    Ok(())
}
