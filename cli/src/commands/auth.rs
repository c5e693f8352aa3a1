//! `lumio auth`: log in and out, status, token.

use clap::Subcommand;
use serde::Serialize;

use super::{read_stdin, Ctx};
use crate::api::model::{LoginResponse, Me, User};
use crate::api::{check_server, host_key, Client};
use crate::config::{resolve, HostLogin, TokenSource};
use crate::error::{CliError, CliResult};

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Log in to a lumio server and save the token in the profile, for that server's host
    /// only: another --server needs its own login.
    ///
    /// On a terminal it asks for what is missing. In scripts and CI use
    /// `--username U --password-stdin` or `--with-token` (the token on stdin): without a
    /// terminal it never waits for input.
    #[command(
        after_help = "Examples:\n  lumio auth login\n  echo \"$PASSWORD\" | lumio auth login --server http://lumio.example --username mod --password-stdin\n  lumio auth login --with-token < token.txt"
    )]
    Login {
        /// Username to log in as.
        #[arg(long, short = 'u')]
        username: Option<String>,
        /// Read the password from standard input.
        #[arg(long, requires = "username", conflicts_with = "with_token")]
        password_stdin: bool,
        /// Read an API token from standard input instead of logging in with a password.
        #[arg(long)]
        with_token: bool,
    },
    /// Show the server, user, accounts with roles and effective permissions, token source.
    ///
    /// Piped: tab-separated lines, each led by its key — server, user, token, admin,
    /// account (one per account: slug, role, permissions).
    Status,
    /// Revoke the server's token on the server and remove it from the profile.
    Logout,
    /// Print the profile's token for the server (for scripts).
    Token,
}

pub async fn run(ctx: Ctx, cmd: AuthCommand) -> CliResult<()> {
    match cmd {
        AuthCommand::Login {
            username,
            password_stdin,
            with_token,
        } => login(ctx, username, password_stdin, with_token).await,
        AuthCommand::Status => status(ctx).await,
        AuthCommand::Logout => logout(ctx).await,
        AuthCommand::Token => token(ctx),
    }
}

async fn login(
    mut ctx: Ctx,
    username: Option<String>,
    password_stdin: bool,
    with_token: bool,
) -> CliResult<()> {
    let mut server = ctx.resolved.server.clone();
    let token = if with_token {
        let t = read_stdin()?.trim().to_string();
        if t.is_empty() {
            return Err(CliError::usage("--with-token: no token on standard input"));
        }
        t
    } else {
        let (user, password) = match (username, password_stdin) {
            (Some(u), true) => {
                let p = read_stdin()?;
                (u, p.trim_end_matches(['\r', '\n']).to_string())
            }
            (u, false) if ctx.interactive() => {
                if ctx.global.server.is_none() {
                    server = dialoguer::Input::new()
                        .with_prompt("Server")
                        .default(server)
                        .interact_text()
                        .map_err(|e| CliError::failure(e.to_string()))?;
                }
                let user = match u {
                    Some(u) => u,
                    None => dialoguer::Input::new()
                        .with_prompt("Username")
                        .interact_text()
                        .map_err(|e| CliError::failure(e.to_string()))?,
                };
                let p = dialoguer::Password::new()
                    .with_prompt("Password")
                    .interact()
                    .map_err(|e| CliError::failure(e.to_string()))?;
                (user, p)
            }
            _ => {
                return Err(CliError::usage(
                    "not on a terminal: use --username USER --password-stdin, or --with-token \
                     with the token on standard input",
                ))
            }
        };
        let client = Client::new(&server, None, None)?;
        let resp: LoginResponse = client.login(&user, &password).await?;
        resp.token
    };
    // Check the token and learn who it is.
    let client = Client::new(&server, Some(token.clone()), None)?;
    let server = client.server();
    let me: Me = client.me().await?;
    let name = ctx.resolved.profile.clone();
    let profile = ctx.file.profiles.entry(name.clone()).or_default();
    profile.server = Some(server.clone());
    profile.hosts.insert(
        host_key(&check_server(&server)?),
        HostLogin {
            token,
            username: Some(me.user.username.clone()),
        },
    );
    if let [only] = me.accounts.as_slice() {
        profile.account = Some(only.slug.clone());
    }
    let path = ctx.file.save()?;
    if ctx.out.json {
        return ctx.out.json(&LoggedIn {
            server: &server,
            profile: &name,
            user: &me.user,
            config: &path,
        });
    }
    ctx.out.info(&format!(
        "Logged in to {server} as {} ({}); token saved in profile '{name}'",
        me.user.username, me.user.display_name
    ))
}

#[derive(Serialize)]
struct LoggedIn<'a> {
    server: &'a str,
    profile: &'a str,
    user: &'a User,
    config: &'a std::path::Path,
}

#[derive(Serialize)]
struct Status<'a> {
    server: &'a str,
    profile: &'a str,
    token_source: &'static str,
    default_account: Option<&'a str>,
    me: &'a Me,
}

async fn status(ctx: Ctx) -> CliResult<()> {
    let client = Client::authed(&ctx.resolved)?;
    let me: Me = client.me().await?;
    let source = ctx
        .resolved
        .token
        .as_ref()
        .map(|(_, s)| *s)
        .unwrap_or(TokenSource::Profile);
    if ctx.out.json {
        return ctx.out.json(&Status {
            server: &ctx.resolved.server,
            profile: &ctx.resolved.profile,
            token_source: source.key(),
            default_account: ctx.resolved.account.as_deref(),
            me: &me,
        });
    }
    if !ctx.out.tty {
        // All TSV, each line led by its key, for `cut` and `awk`.
        let mut rows = vec![
            vec!["server".to_string(), ctx.resolved.server.clone()],
            vec![
                "user".to_string(),
                me.user.username.clone(),
                me.user.display_name.clone(),
            ],
            vec![
                "token".to_string(),
                me.token.kind.clone(),
                me.token.name.clone(),
                source.key().to_string(),
                me.token.expires_at.clone().unwrap_or_default(),
            ],
        ];
        if !me.admin_permissions.is_empty() {
            rows.push(vec!["admin".into(), me.admin_permissions.join(" ")]);
        }
        for a in &me.accounts {
            rows.push(vec![
                "account".into(),
                a.slug.clone(),
                a.role.clone(),
                a.permissions.join(" "),
            ]);
        }
        return ctx.out.table(&[], &rows);
    }
    ctx.out
        .info(&format!("Server:   {}", ctx.resolved.server))?;
    ctx.out.info(&format!(
        "User:     {} ({})",
        me.user.username, me.user.display_name
    ))?;
    ctx.out.info(&format!(
        "Token:    {} token '{}' from {}{}",
        me.token.kind,
        me.token.name,
        source.describe(&ctx.resolved.profile),
        me.token
            .expires_at
            .as_deref()
            .map(|e| format!(", expires {}", ctx.out.time(e)))
            .unwrap_or_default()
    ))?;
    if !me.admin_permissions.is_empty() {
        ctx.out
            .info(&format!("Admin:    {}", me.admin_permissions.join(" ")))?;
    }
    if ctx.out.quiet {
        return Ok(());
    }
    let rows: Vec<Vec<String>> = me
        .accounts
        .iter()
        .map(|a| {
            let mark = if ctx.resolved.account.as_deref() == Some(a.slug.as_str()) {
                format!("{} *", a.slug)
            } else {
                a.slug.clone()
            };
            vec![mark, a.role.clone(), a.permissions.join(" ")]
        })
        .collect();
    ctx.out.table(&["account", "role", "permissions"], &rows)
}

async fn logout(mut ctx: Ctx) -> CliResult<()> {
    let name = ctx.resolved.profile.clone();
    let host = host_key(&check_server(&ctx.resolved.server)?);
    let had = ctx
        .file
        .profiles
        .get(&name)
        .and_then(|p| p.hosts.get(&host))
        .map(|l| l.token.clone());
    let Some(token) = had else {
        return Err(CliError::not_authenticated(format!(
            "profile '{name}' is not logged in to {host}"
        )));
    };
    let client = Client::new(&ctx.resolved.server, Some(token), None)?;
    match client.logout().await {
        Ok(()) => {}
        // Already revoked or expired: removing it locally is all that is left.
        Err(e) if e.code == crate::error::ExitCode::NotAuthenticated => {}
        Err(e) => return Err(e),
    }
    if let Some(p) = ctx.file.profiles.get_mut(&name) {
        p.hosts.remove(&host);
    }
    ctx.file.save()?;
    ctx.out.info(&format!(
        "Logged out of {} (profile '{name}')",
        ctx.resolved.server
    ))
}

fn token(ctx: Ctx) -> CliResult<()> {
    let r = resolve(
        &ctx.file,
        ctx.global.profile.as_deref(),
        ctx.global.server.as_deref(),
        None,
    );
    match r.token {
        Some((t, _)) => ctx.out.line(&t),
        None => Err(CliError::not_authenticated(format!(
            "no token for {} in profile '{}': run `lumio auth login`",
            r.server, r.profile
        ))),
    }
}
