//! `lumio connections list|rm`: the account's channel connections with the credentials lumio
//! acts with (scopes, expiry, status — never a token).

use clap::Subcommand;

use super::connect::RoleArg;
use super::Ctx;
use crate::api::connections::Connection;
use crate::api::Client;
use crate::error::{CliError, CliResult};

#[derive(Debug, Subcommand)]
pub enum ConnectionsCommand {
    /// List the account's channel connections and their credentials (needs
    /// bot-connections:read).
    ///
    /// One row per credential (a connection without one shows `-`): platform, channel,
    /// role, Twitch login, status (ok or needs_reauth), expiry, scopes, bot (on / paused).
    /// Piped: tab-separated, times in RFC 3339. With --json: the connections with id,
    /// platform, channel_name, channel_id, bot_enabled, created_at and credentials (id, role,
    /// user_id, login, scopes, expires_at, status, status_reason, updated_at).
    #[command(
        visible_alias = "ls",
        after_help = "\
Examples:
  lumio connections list
  lumio connections list --json | jq -r '.[].credentials[] | select(.status == \"needs_reauth\") | .login'"
    )]
    List,
    /// Remove a channel connection with its credentials, or with --as only one credential
    /// (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a
    /// terminal; `--yes` is required otherwise.
    #[command(
        visible_alias = "remove",
        after_help = "\
Examples:
  lumio connections rm lumio_demo --as bot --yes
  lumio connections rm 0190c2e4-7c1b-7f3a-9a52-2c1f0e5a9d11 --yes"
    )]
    Rm {
        /// The connection: its id, or its channel name.
        connection: String,
        /// Only this credential.
        #[arg(long = "as", value_enum, value_name = "ROLE")]
        role: Option<RoleArg>,
        /// Do not ask for confirmation.
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

pub async fn run(ctx: Ctx, cmd: ConnectionsCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        ConnectionsCommand::List => {
            let conns = client.connections().await?;
            if ctx.out.json {
                return ctx.out.json(&conns);
            }
            ctx.out.table(
                &[
                    "platform", "channel", "role", "login", "status", "expires", "scopes", "bot",
                ],
                &rows(&ctx, &conns),
            )
        }
        ConnectionsCommand::Rm {
            connection,
            role,
            yes,
        } => {
            let conns = client.connections().await?;
            let c = find(&conns, &connection)?;
            let what = match role {
                Some(r) => format!("the {} credential of {}", r.as_str(), c.channel_name),
                None => format!(
                    "the {} connection {} and its credentials",
                    c.platform, c.channel_name
                ),
            };
            if !yes {
                super::discord::confirm(&ctx, &format!("Remove {what}?"))?;
            }
            let r = client
                .remove_connection(&c.id, role.map(RoleArg::as_str))
                .await?;
            if ctx.out.json {
                return ctx.out.json(&r);
            }
            ctx.out.info(&format!("Removed {what}"))
        }
    }
}

fn rows(ctx: &Ctx, conns: &[Connection]) -> Vec<Vec<String>> {
    let dash = |s: String| {
        if s.is_empty() && ctx.out.tty {
            "-".into()
        } else {
            s
        }
    };
    let mut rows = Vec::new();
    for c in conns {
        let bot = if c.bot_enabled { "on" } else { "paused" }.to_string();
        if c.credentials.is_empty() {
            rows.push(vec![
                c.platform.clone(),
                c.channel_name.clone(),
                dash(String::new()),
                dash(String::new()),
                dash(String::new()),
                dash(String::new()),
                dash(String::new()),
                bot.clone(),
            ]);
        }
        for x in &c.credentials {
            rows.push(vec![
                c.platform.clone(),
                c.channel_name.clone(),
                x.role.clone(),
                x.login.clone(),
                x.status.clone(),
                dash(
                    x.expires_at
                        .as_deref()
                        .map(|t| ctx.out.time(t))
                        .unwrap_or_default(),
                ),
                x.scopes.join(if ctx.out.tty { " " } else { "," }),
                bot.clone(),
            ]);
        }
    }
    rows
}

/// A connection by id, or by channel name (unique across platforms).
fn find<'a>(conns: &'a [Connection], key: &str) -> CliResult<&'a Connection> {
    let key = key.trim().trim_start_matches('#');
    if let Some(c) = conns.iter().find(|c| c.id == key) {
        return Ok(c);
    }
    let named: Vec<&Connection> = conns
        .iter()
        .filter(|c| c.channel_name.eq_ignore_ascii_case(key))
        .collect();
    match named.as_slice() {
        [one] => Ok(one),
        [] => Err(CliError::not_found(format!(
            "no connection '{key}' in this account (see `lumio connections list`)"
        ))),
        _ => Err(CliError::usage(format!(
            "several connections are named '{key}'; give the id (`lumio connections list --json`)"
        ))),
    }
}
