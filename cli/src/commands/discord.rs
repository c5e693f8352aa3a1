//! `lumio discord`: Discord servers mapped to the account — list, add the bot (authorize),
//! disconnect, a server's channels and roles, and which channel each feature posts into.

use std::collections::HashMap;
use std::time::Duration;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::api::discord::{Channel, Feature, Guild};
use crate::api::Client;
use crate::error::{CliError, CliResult};

const FEATURES: &str = "live_notification, event_feed, chat_mirror, announcement, \
                        moderation_log, clip_feed";

#[derive(Debug, Subcommand)]
pub enum DiscordCommand {
    /// List the Discord servers connected to the account (needs bot-connections:read).
    ///
    /// On a terminal: a table. Piped: one tab-separated line per server — guild id, name,
    /// connected by, connected at (RFC 3339). With --json: an array of connections with id,
    /// account_id, guild_id, guild_name, guild_icon, connected_by, connected_by_name,
    /// created_at, updated_at.
    #[command(
        visible_alias = "ls",
        after_help = "\
Examples:
  lumio discord guilds
  lumio discord guilds --json | jq -r '.[].guild_id'"
    )]
    Guilds,
    /// Add lumio's bot to a Discord server: prints the URL to open, then waits until the
    /// server shows up in the account (needs bot-connections:create).
    ///
    /// Open the URL in a browser, pick the server and click Authorize; Discord sends the
    /// browser back to lumio-server, which connects the server. `lumio` polls the account's
    /// servers until a new (or re-added) one appears, up to --timeout. Never prompts: safe
    /// in scripts. The URL is good for 15 minutes, once.
    #[command(after_help = "\
Examples:
  lumio discord authorize                 # print the URL, wait up to 5 minutes
  lumio discord authorize --web           # also open it in the browser
  lumio discord authorize --no-wait --json | jq -r .url")]
    Authorize(AuthorizeArgs),
    /// Disconnect a Discord server (its feature mappings go with it; needs
    /// bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise.
    #[command(after_help = "\
Example:
  lumio discord disconnect 81384788765712384 --yes")]
    Disconnect {
        /// The server's id (see `lumio discord guilds`).
        guild_id: String,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
    /// A connected server's channels (cached by the server for an hour).
    ///
    /// Piped: id, name, type, parent id. With --json: id, name, type (Discord's number),
    /// position, parent_id.
    Channels {
        /// The server's id.
        guild_id: String,
    },
    /// A connected server's slash commands: which lumio registers there, how many of
    /// Discord's 200 registrations a day it used today, and how the last one went (says so
    /// when the daily limit is reached).
    ///
    /// Prints the state in one sentence, then the command names. With --json: guild_id,
    /// commands, registrations_today, limit, last, message.
    Commands {
        /// The server's id.
        guild_id: String,
    },
    /// A connected server's roles (cached by the server for an hour).
    ///
    /// Piped: id, name, position, managed. With --json: id, name, color, position, managed,
    /// permissions.
    Roles {
        /// The server's id.
        guild_id: String,
    },
    /// Every lumio feature and the channel of the server it posts into.
    ///
    /// Piped: feature, channel id (empty when not mapped), enabled. With --json: feature,
    /// description, channel_id, enabled, updated_at.
    Features {
        /// The server's id.
        guild_id: String,
    },
    /// Choose the channel a feature posts into, pause it, or remove the mapping
    /// (needs bot-connections:create).
    ///
    /// FEATURE is one of live_notification, event_feed, chat_mirror, announcement,
    /// moderation_log, clip_feed. CHANNEL is a channel id or `#name`; it must be a text or
    /// announcement channel of that server.
    #[command(after_help = "\
Examples:
  lumio discord set-feature 81384788765712384 chat_mirror '#general'
  lumio discord set-feature 81384788765712384 moderation_log 81384788765712399 --paused
  lumio discord set-feature 81384788765712384 chat_mirror --off")]
    SetFeature {
        /// The server's id.
        guild_id: String,
        /// The feature.
        feature: String,
        /// The channel: its id, or `#name`.
        #[arg(required_unless_present = "off")]
        channel: Option<String>,
        /// Remove the feature's mapping.
        #[arg(long, conflicts_with_all = ["channel", "paused"])]
        off: bool,
        /// Map it, but paused.
        #[arg(long)]
        paused: bool,
    },
}

#[derive(Debug, Args)]
pub struct AuthorizeArgs {
    /// Also open the URL in the browser (when there is none, the URL is still printed).
    #[arg(long)]
    pub web: bool,
    /// Print the URL (or with --json the authorization) and exit without waiting.
    #[arg(long)]
    pub no_wait: bool,
    /// How long to wait for the server to appear: 90s, 5m, 1h.
    #[arg(long, default_value = "5m", value_parser = parse_wait)]
    pub timeout: u64,
    /// How often to ask the server, in seconds.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=60), hide = true)]
    pub poll_every: u64,
}

fn parse_wait(s: &str) -> Result<u64, String> {
    let secs = crate::duration::parse_span(s)?;
    if !(1..=3600).contains(&secs) {
        return Err("the wait is 1 second to 1 hour".into());
    }
    Ok(secs as u64)
}

/// A Discord id: 17–20 digits that fit in a u64 (a usage error otherwise, before any call).
pub fn snowflake(what: &str, v: &str) -> CliResult<String> {
    let v = v.trim();
    if (17..=20).contains(&v.len())
        && v.bytes().all(|b| b.is_ascii_digit())
        && v.parse::<u64>().is_ok()
    {
        return Ok(v.to_string());
    }
    Err(CliError::usage(format!(
        "'{v}' is no Discord {what} id (a snowflake: 17–20 digits)"
    )))
}

pub async fn run(ctx: Ctx, cmd: DiscordCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        DiscordCommand::Guilds => {
            let guilds = client.discord_guilds().await?;
            print_guilds(&ctx, &guilds, "No Discord servers are connected to this account; add one with `lumio discord authorize`.")
        }
        DiscordCommand::Authorize(a) => authorize(&ctx, &client, a).await,
        DiscordCommand::Disconnect { guild_id, yes } => {
            let guild_id = snowflake("server", &guild_id)?;
            if !yes {
                confirm(
                    &ctx,
                    &format!("Disconnect Discord server {guild_id} and its feature mappings?"),
                )?;
            }
            client.disconnect_discord_guild(&guild_id).await?;
            if ctx.out.json {
                return ctx.out.json(&Disconnected {
                    disconnected: guild_id,
                });
            }
            ctx.out
                .info(&format!("Disconnected Discord server {guild_id}"))
        }
        DiscordCommand::Channels { guild_id } => {
            let guild_id = snowflake("server", &guild_id)?;
            let channels = client.discord_channels(&guild_id).await?;
            if ctx.out.json {
                return ctx.out.json(&channels);
            }
            let rows: Vec<Vec<String>> = channels
                .iter()
                .map(|c| {
                    vec![
                        c.id.clone(),
                        c.name.clone(),
                        c.kind_name().to_string(),
                        c.parent_id.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            ctx.out.table(&["id", "name", "type", "parent"], &rows)
        }
        DiscordCommand::Commands { guild_id } => {
            let guild_id = snowflake("server", &guild_id)?;
            let c = client.discord_commands(&guild_id).await?;
            if ctx.out.json {
                return ctx.out.json(&c);
            }
            let mut text = c.message.clone();
            for name in &c.commands {
                text.push_str(&format!("\n/{name}"));
            }
            ctx.out.info(&text)
        }
        DiscordCommand::Roles { guild_id } => {
            let guild_id = snowflake("server", &guild_id)?;
            let roles = client.discord_roles(&guild_id).await?;
            if ctx.out.json {
                return ctx.out.json(&roles);
            }
            let rows: Vec<Vec<String>> = roles
                .iter()
                .map(|r| {
                    vec![
                        r.id.clone(),
                        r.name.clone(),
                        r.position.to_string(),
                        r.managed.to_string(),
                    ]
                })
                .collect();
            ctx.out.table(&["id", "name", "position", "managed"], &rows)
        }
        DiscordCommand::Features { guild_id } => {
            let guild_id = snowflake("server", &guild_id)?;
            let features = client.discord_features(&guild_id).await?;
            if ctx.out.json {
                return ctx.out.json(&features);
            }
            // Channel names when the server knows them (one more call; names are a nicety).
            let names: HashMap<String, String> = if features.iter().any(|f| f.channel_id.is_some())
            {
                client
                    .discord_channels(&guild_id)
                    .await
                    .map(|cs| cs.into_iter().map(|c| (c.id, c.name)).collect())
                    .unwrap_or_default()
            } else {
                HashMap::new()
            };
            let rows: Vec<Vec<String>> = features
                .iter()
                .map(|f| feature_row(&ctx, f, &names))
                .collect();
            ctx.out
                .table(&["feature", "channel", "enabled", "description"], &rows)
        }
        DiscordCommand::SetFeature {
            guild_id,
            feature,
            channel,
            off,
            paused,
        } => {
            let guild_id = snowflake("server", &guild_id)?;
            let key = feature.trim().to_ascii_lowercase();
            if !FEATURES.split(", ").any(|f| f == key) {
                return Err(CliError::usage(format!(
                    "unknown feature '{feature}' (one of {FEATURES})"
                )));
            }
            let channel_id = match (off, channel) {
                (true, _) | (false, None) => None,
                (false, Some(c)) => Some(resolve_channel(&client, &guild_id, &c).await?),
            };
            let f = client
                .set_discord_feature(
                    &guild_id,
                    &key,
                    channel_id.as_deref(),
                    channel_id.as_ref().map(|_| !paused),
                )
                .await?;
            if ctx.out.json {
                return ctx.out.json(&f);
            }
            match &f.channel_id {
                Some(c) => ctx.out.info(&format!(
                    "{} now posts into channel {c}{}",
                    f.feature,
                    if f.enabled { "" } else { " (paused)" }
                )),
                None => ctx.out.info(&format!("{} is no longer mapped", f.feature)),
            }
        }
    }
}

#[derive(Serialize)]
struct Disconnected {
    disconnected: String,
}

fn feature_row(ctx: &Ctx, f: &Feature, names: &HashMap<String, String>) -> Vec<String> {
    let channel = match (&f.channel_id, ctx.out.tty) {
        (Some(id), true) => match names.get(id) {
            Some(n) => format!("#{n} ({id})"),
            None => id.clone(),
        },
        (Some(id), false) => id.clone(),
        (None, true) => "-".into(),
        (None, false) => String::new(),
    };
    let enabled = match (&f.channel_id, f.enabled) {
        (None, _) => String::new(),
        (Some(_), e) => e.to_string(),
    };
    vec![f.feature.clone(), channel, enabled, f.description.clone()]
}

/// A channel id, or `#name` looked up among the server's channels.
async fn resolve_channel(client: &Client, guild_id: &str, c: &str) -> CliResult<String> {
    let Some(name) = c.strip_prefix('#') else {
        return snowflake("channel", c);
    };
    let channels: Vec<Channel> = client.discord_channels(guild_id).await?;
    let found: Vec<&Channel> = channels.iter().filter(|ch| ch.name == name).collect();
    match found.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(CliError::not_found(format!(
            "Discord server {guild_id} has no channel named #{name} (see `lumio discord channels {guild_id}`)"
        ))),
        _ => Err(CliError::usage(format!(
            "Discord server {guild_id} has several channels named #{name}: give the id"
        ))),
    }
}

fn print_guilds(ctx: &Ctx, guilds: &[Guild], empty: &str) -> CliResult<()> {
    if ctx.out.json {
        return ctx.out.json(&guilds);
    }
    if guilds.is_empty() {
        if ctx.out.tty {
            ctx.out.note(empty);
        }
        return Ok(());
    }
    let rows: Vec<Vec<String>> = guilds
        .iter()
        .map(|g| {
            vec![
                g.guild_id.clone(),
                g.guild_name.clone(),
                g.connected_by_name.clone(),
                ctx.out.time(&g.created_at),
            ]
        })
        .collect();
    ctx.out
        .table(&["guild id", "name", "connected by", "connected"], &rows)
}

/// `lumio discord authorize`.
async fn authorize(ctx: &Ctx, client: &Client, a: AuthorizeArgs) -> CliResult<()> {
    // What is there before, so the new (or re-added) server can be told apart.
    let before: HashMap<String, String> = if a.no_wait {
        HashMap::new()
    } else {
        client
            .discord_guilds()
            .await?
            .into_iter()
            .map(|g| (g.guild_id, g.updated_at))
            .collect()
    };
    let auth = client.authorize_discord_guild().await?;
    if a.no_wait && ctx.out.json {
        return ctx.out.json(&auth);
    }
    if ctx.out.json {
        // stdout carries the result's JSON; the URL goes to stderr for the person.
        ctx.out
            .warn(&format!("Open this URL to add the bot: {}", auth.url));
    } else {
        ctx.out.line(&auth.url)?;
    }
    if a.web {
        if let Err(e) = open::that_detached(&auth.url) {
            ctx.out.note(&format!(
                "could not open a browser ({e}); open the URL above yourself"
            ));
        }
    }
    if a.no_wait {
        return Ok(());
    }
    ctx.out.note(&format!(
        "Waiting up to {} for Discord to send the browser back (Ctrl-C to stop; the URL is good until {})…",
        crate::duration::format_duration(a.timeout as i64),
        ctx.out.time(&auth.expires_at)
    ));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(a.timeout);
    loop {
        tokio::time::sleep(Duration::from_secs(a.poll_every)).await;
        let now = client.discord_guilds().await?;
        if let Some(g) = now
            .into_iter()
            .find(|g| before.get(&g.guild_id) != Some(&g.updated_at))
        {
            if ctx.out.json {
                return ctx.out.json(&g);
            }
            return ctx.out.info(&format!(
                "Connected Discord server {} ({})",
                ctx.out.bold(&g.guild_name),
                g.guild_id
            ));
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(CliError::failure(format!(
                "no Discord server was connected within {}; run `lumio discord guilds` to check, \
                 or `lumio discord authorize` again",
                crate::duration::format_duration(a.timeout as i64)
            )));
        }
    }
}

/// Ask before something that cannot be undone: only on a terminal, never waiting otherwise.
pub fn confirm(ctx: &Ctx, question: &str) -> CliResult<()> {
    if !ctx.interactive() {
        return Err(CliError::usage(
            "not on a terminal, so lumio cannot ask: pass --yes to go ahead without confirmation",
        ));
    }
    let sure = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .map_err(|e| CliError::failure(format!("prompt: {e}")))?;
    if sure {
        Ok(())
    } else {
        Err(CliError::failure("cancelled; nothing was changed"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snowflakes_are_checked_before_any_call() {
        assert!(snowflake("server", "81384788765712384").is_ok());
        for bad in ["", "123", "8138478876571238x", "99999999999999999999"] {
            let e = snowflake("server", bad).unwrap_err();
            assert_eq!(e.code, crate::error::ExitCode::Usage, "{bad}");
        }
        assert_eq!(parse_wait("90s"), Ok(90));
        assert!(parse_wait("2h").is_err());
    }
}
