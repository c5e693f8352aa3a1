//! `lumio emotes`: a channel's emotes from every provider of its platform.

use clap::Args;
use reqwest::Method;
use serde_json::Value;

use super::Ctx;
use crate::api::notes::encode;
use crate::api::Client;
use crate::cli::Platform;
use crate::error::{CliError, CliResult};

/// List a channel's emotes: Twitch, 7TV, BTTV and FFZ for a Twitch channel, Trovo's, a
/// Discord guild's. A provider that fails is named on stderr; the others are listed.
///
/// Piped: one line per emote — provider, name, id, url, animated. With --json: the whole
/// answer (emotes and each provider's status).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  lumio emotes twitch 100000001
  lumio emotes twitch 100000001 --provider 7tv --provider bttv
  lumio emotes --user                       # the Twitch emotes of lumio's Twitch token
  lumio emotes discord 1100000000000000001 --json | jq -r '.emotes[].name'")]
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
    let path = match (&a.platform, &a.channel) {
        _ if a.user => "/v1/chat/emotes/user".to_string(),
        (Some(p), Some(c)) => format!("/v1/chat/emotes/{p}/{}", encode(c)),
        _ => return Err(CliError::usage("give PLATFORM CHANNEL, or --user")),
    };
    let mut set: Value = client.rest(Method::GET, &path, None::<&()>).await?;
    let wanted: Vec<String> = a.provider.iter().map(|p| p.to_ascii_lowercase()).collect();
    if !wanted.is_empty() {
        if let Some(list) = set["emotes"].as_array_mut() {
            list.retain(|e| wanted.iter().any(|w| e["provider"] == w.as_str()));
        }
    }
    for p in set["providers"].as_array().into_iter().flatten() {
        if let Some(err) = p["error"].as_str() {
            if wanted.is_empty() || wanted.iter().any(|w| p["provider"] == w.as_str()) {
                eprintln!("{}: {err}", p["provider"].as_str().unwrap_or("?"));
            }
        }
    }
    if ctx.out.json {
        return ctx.out.json(&set);
    }
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let rows: Vec<Vec<String>> = set["emotes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            vec![
                text(&e["provider"]),
                text(&e["name"]),
                text(&e["id"]),
                text(&e["url"]),
                if e["animated"] == true {
                    "animated"
                } else {
                    ""
                }
                .to_string(),
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
