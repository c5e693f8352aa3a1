//! `lumio connect twitch`: give lumio the tokens it acts with on a Twitch channel — Twitch's
//! device code grant (prints the URL and code, waits), or pasted tokens with `--token-stdin`.

use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};

use super::Ctx;
use crate::api::connections::Connection;
use crate::api::Client;
use crate::error::{CliError, CliResult};

#[derive(Debug, Subcommand)]
pub enum ConnectCommand {
    /// Connect a Twitch channel: the broadcaster's own account, or a bot account acting on it
    /// (needs bot-connections:create).
    ///
    /// Prints the URL to open and the code to enter there, then waits until the code is
    /// approved (or refused, or expires). Never prompts: it works in scripts and without a
    /// terminal. With --json: the device code as one JSON line, then the connection as
    /// another. With --token-stdin: reads tokens made elsewhere from stdin instead — an
    /// access token and optionally a refresh token (whitespace-separated), or a JSON object
    /// with access_token and refresh_token — and the server checks them with Twitch.
    #[command(after_help = "\
Examples:
  lumio connect twitch                                  # the broadcaster's own channel
  lumio connect twitch --as bot --channel lumio_demo    # a bot account acting on it
  lumio connect twitch --scopes moderator:manage:banned_users,user:write:chat
  printf '%s %s' \"$ACCESS\" \"$REFRESH\" | lumio connect twitch --token-stdin --as bot")]
    Twitch(TwitchArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Broadcaster,
    Bot,
}

impl RoleArg {
    pub fn as_str(self) -> &'static str {
        match self {
            RoleArg::Broadcaster => "broadcaster",
            RoleArg::Bot => "bot",
        }
    }
}

#[derive(Debug, Args)]
pub struct TwitchArgs {
    /// The Twitch channel the tokens act on (a bot's; a broadcaster's is its own).
    #[arg(long, value_name = "NAME")]
    pub channel: Option<String>,
    /// Scopes to ask for, comma-separated [default: what lumio needs for the role].
    #[arg(long, value_delimiter = ',', value_name = "SCOPE,…")]
    pub scopes: Vec<String>,
    /// Read pasted tokens from stdin instead of the device code grant.
    #[arg(long)]
    pub token_stdin: bool,
    /// Whose tokens: the broadcaster's (default) or a bot account's.
    #[arg(long = "as", value_enum, value_name = "ROLE")]
    pub role: Option<RoleArg>,
    /// How long to wait for the approval at most (the code's own life is shorter): 90s, 15m.
    #[arg(long, default_value = "30m", value_parser = parse_wait)]
    pub timeout: u64,
}

fn parse_wait(s: &str) -> Result<u64, String> {
    let secs = crate::duration::parse_span(s)?;
    if !(1..=3600).contains(&secs) {
        return Err("the wait is 1 second to 1 hour".into());
    }
    Ok(secs as u64)
}

pub async fn run(ctx: Ctx, cmd: ConnectCommand) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    match cmd {
        ConnectCommand::Twitch(a) if a.token_stdin => pasted(&ctx, &client, &a).await,
        ConnectCommand::Twitch(a) => device(&ctx, &client, &a).await,
    }
}

/// Tokens from stdin: `ACCESS [REFRESH]` or `{"access_token": …, "refresh_token": …}`.
pub fn parse_tokens(input: &str) -> CliResult<(String, Option<String>)> {
    let input = input.trim();
    if input.starts_with('{') {
        let v: serde_json::Value = serde_json::from_str(input)
            .map_err(|e| CliError::usage(format!("stdin: not a JSON object: {e}")))?;
        let access = v["access_token"]
            .as_str()
            .ok_or_else(|| CliError::usage("stdin: the JSON object has no access_token"))?;
        return Ok((
            access.to_string(),
            v["refresh_token"].as_str().map(String::from),
        ));
    }
    let mut words = input.split_whitespace();
    let access = words
        .next()
        .ok_or_else(|| CliError::usage("stdin is empty: expected an access token"))?;
    let refresh = words.next().map(String::from);
    if words.next().is_some() {
        return Err(CliError::usage(
            "stdin: expected an access token and at most a refresh token",
        ));
    }
    Ok((access.to_string(), refresh))
}

async fn pasted(ctx: &Ctx, client: &Client, a: &TwitchArgs) -> CliResult<()> {
    if !a.scopes.is_empty() {
        return Err(CliError::usage(
            "--scopes goes with the device code grant; pasted tokens carry their own scopes",
        ));
    }
    let (access, refresh) = parse_tokens(&super::read_stdin()?)?;
    let c = client
        .connect_twitch_tokens(
            &access,
            refresh.as_deref(),
            a.channel.as_deref(),
            a.role.map(RoleArg::as_str),
        )
        .await?;
    if refresh.is_none() {
        ctx.out.note(
            "no refresh token given: lumio cannot refresh this token, so the connection will \
             need `lumio connect twitch` again when it expires",
        );
    }
    done(ctx, &c)
}

/// `value` as one line of JSON (the device code and the result are two documents).
fn json_line<T: serde::Serialize>(ctx: &Ctx, value: &T) -> CliResult<()> {
    let text = serde_json::to_string(value)
        .map_err(|e| CliError::failure(format!("cannot print JSON: {e}")))?;
    ctx.out.line(&text)
}

fn done(ctx: &Ctx, c: &Connection) -> CliResult<()> {
    if ctx.out.json {
        return json_line(ctx, c);
    }
    let who: Vec<String> = c
        .credentials
        .iter()
        .map(|x| format!("{} as {}", x.login, x.role))
        .collect();
    ctx.out.info(&format!(
        "Connected Twitch channel {} ({})",
        ctx.out.bold(&c.channel_name),
        who.join(", ")
    ))
}

async fn device(ctx: &Ctx, client: &Client, a: &TwitchArgs) -> CliResult<()> {
    let flow = client
        .start_twitch_connect(a.channel.as_deref(), &a.scopes, a.role.map(RoleArg::as_str))
        .await?;
    if ctx.out.json {
        json_line(ctx, &flow)?;
    } else {
        ctx.out.line(&format!(
            "Open {} and enter the code {}",
            flow.verification_uri, flow.user_code
        ))?;
        ctx.out.note(&format!(
            "Waiting for the approval on Twitch (the code is good until {}; Ctrl-C to stop)…",
            ctx.out.time(&flow.expires_at)
        ));
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(a.timeout);
    let mut interval = flow.interval.max(1) as u64;
    loop {
        tokio::time::sleep(Duration::from_secs(interval)).await;
        let p = client.poll_twitch_connect(&flow.flow_id).await?;
        match p.status.as_str() {
            "connected" => {
                let c = p.connection.ok_or_else(|| {
                    CliError::failure("the server said connected without the connection")
                })?;
                return done(ctx, &c);
            }
            "pending" | "slow_down" => interval = p.interval.max(1) as u64,
            "expired" | "denied" => return Err(CliError::failure(p.message)),
            other => {
                return Err(CliError::failure(format!(
                    "unexpected device code status '{other}': {}",
                    p.message
                )))
            }
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(CliError::failure(format!(
                "the code was not approved within {}; run `lumio connect twitch` again",
                crate::duration::format_duration(a.timeout as i64)
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_tokens_read_as_words_or_json() {
        assert_eq!(
            parse_tokens(" abc \n def\n").unwrap(),
            ("abc".into(), Some("def".into()))
        );
        assert_eq!(parse_tokens("abc").unwrap(), ("abc".into(), None));
        assert_eq!(
            parse_tokens(r#"{"access_token":"a","refresh_token":"r"}"#).unwrap(),
            ("a".into(), Some("r".into()))
        );
        for bad in ["", "a b c", "{\"refresh_token\":\"r\"}", "{nope"] {
            let e = parse_tokens(bad).unwrap_err();
            assert_eq!(e.code, crate::error::ExitCode::Usage, "{bad}");
        }
    }
}
