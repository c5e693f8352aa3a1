//! `lumio emotes`: a channel's emotes from every provider of its platform.

use clap::Args;

use super::Ctx;
use crate::api::Client;
use crate::error::{CliError, CliResult};
use crate::platform::Platform;

/// List a channel's emotes: Twitch, 7TV, BTTV and FFZ for a Twitch channel, Trovo's, a
/// Discord guild's. A provider that fails is named on stderr; the others are listed.
///
/// Piped: one line per emote — provider, name, id, url, animated. With --json: an array
/// of emotes (id, name, provider, url, animated).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  lumio emotes twitch 100000001
  lumio emotes twitch 100000001 --provider 7tv --provider bttv
  lumio emotes --user                       # the Twitch emotes of lumio's Twitch token
  lumio emotes discord 1100000000000000001 --json | jq -r '.[].name'")]
pub struct EmotesArgs {
    /// The platform.
    #[arg(value_enum, ignore_case = true, required_unless_present = "user")]
    pub platform: Option<Platform>,
    /// The channel's id on that platform (a Discord guild id for Discord).
    #[arg(required_unless_present = "user")]
    pub channel: Option<String>,
    /// Only these providers (twitch, 7tv, bttv, ffz, trovo, discord; repeat or comma-separate).
    #[arg(long, value_delimiter = ',')]
    pub provider: Vec<String>,
    /// The Twitch emotes of the user lumio's Twitch token belongs to, instead of a channel's.
    #[arg(long, conflicts_with_all = ["platform", "channel"])]
    pub user: bool,
}

pub async fn run(ctx: Ctx, a: EmotesArgs) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    let mut set = match (a.platform, &a.channel) {
        _ if a.user => client.user_emotes().await?,
        (Some(p), Some(c)) => client.channel_emotes(p, c).await?,
        _ => return Err(CliError::usage("give PLATFORM CHANNEL, or --user")),
    };
    let wanted: Vec<String> = a.provider.iter().map(|p| p.to_ascii_lowercase()).collect();
    let chosen = |provider: &str| wanted.is_empty() || wanted.iter().any(|w| w == provider);
    set.emotes.retain(|e| chosen(&e.provider));
    for p in set.providers.iter().filter(|p| chosen(&p.provider)) {
        if let Some(err) = &p.error {
            ctx.out.warn(&format!("{}: {err}", p.provider));
        }
    }
    if ctx.out.json {
        return ctx.out.json(&set.emotes);
    }
    let rows: Vec<Vec<String>> = set
        .emotes
        .iter()
        .map(|e| {
            vec![
                e.provider.clone(),
                e.name.clone(),
                e.id.clone(),
                e.url.clone(),
                if e.animated { "animated" } else { "" }.to_string(),
            ]
        })
        .collect();
    if rows.is_empty() && ctx.out.tty {
        ctx.out.note("No emotes.");
        return Ok(());
    }
    ctx.out
        .table(&["provider", "name", "id", "url", "animated"], &rows)
}
