//! `lumio-server seed FILE`: load accounts, users, roles, memberships and channel
//! connections from a TOML file, idempotently and all-or-nothing.
//!
//! The whole file is parsed and checked before anything is written; every problem is
//! reported with its line and field. Writing happens in one transaction, comparing each
//! record with what is stored, so a second run changes nothing and says so.

use std::collections::BTreeSet;

use serde::Deserialize;
use toml::Spanned;

use crate::auth::permission::{builtin_role, Permission};
use crate::platforms::Platform;
use crate::store::Db;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedFile {
    #[serde(default)]
    pub accounts: Vec<Spanned<AccountSeed>>,
    #[serde(default)]
    pub users: Vec<Spanned<UserSeed>>,
    #[serde(default)]
    pub roles: Vec<Spanned<RoleSeed>>,
    #[serde(default)]
    pub memberships: Vec<Spanned<MembershipSeed>>,
    #[serde(default)]
    pub channel_connections: Vec<Spanned<ChannelSeed>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountSeed {
    pub slug: Spanned<String>,
    pub name: String,
    #[serde(default = "default_plan")]
    pub plan: Spanned<String>,
}

fn default_plan() -> Spanned<String> {
    Spanned::new(0..0, "free".to_string())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSeed {
    pub username: Spanned<String>,
    pub display_name: Option<String>,
    pub password: Option<Spanned<String>>,
    /// A fixed API token (for CI and bots); stored only as a hash.
    pub token: Option<Spanned<String>>,
    #[serde(default)]
    pub admin_permissions: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleSeed {
    pub account: Spanned<String>,
    pub name: Spanned<String>,
    pub permissions: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipSeed {
    pub user: Spanned<String>,
    pub account: Spanned<String>,
    pub role: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelSeed {
    pub account: Spanned<String>,
    pub platform: Spanned<String>,
    pub channel: Spanned<String>,
    /// The channel's id on the platform (a user id of that platform: see
    /// `Platform::check_user_id`).
    pub channel_id: Option<Spanned<String>>,
    #[serde(default = "yes")]
    pub bot_enabled: bool,
}

fn yes() -> bool {
    true
}

/// What a seed run did.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SeedReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl std::fmt::Display for SeedReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.created == 0 && self.updated == 0 {
            write!(
                f,
                "nothing to change: all {} records are already up to date",
                self.unchanged
            )
        } else {
            write!(
                f,
                "{} created, {} updated, {} unchanged",
                self.created, self.updated, self.unchanged
            )
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
    #[error("seeding failed, nothing was written: {0}")]
    Db(#[from] sqlx::Error),
}

struct Problems<'a> {
    path: &'a str,
    text: &'a str,
    list: Vec<String>,
}

impl Problems<'_> {
    fn add<T>(&mut self, at: &Spanned<T>, field: &str, message: impl std::fmt::Display) {
        let line = self.text[..at.span().start.min(self.text.len())]
            .matches('\n')
            .count()
            + 1;
        self.list
            .push(format!("{}:{line}: {field}: {message}", self.path));
    }
}

fn valid_slug(s: &str) -> bool {
    (2..=40).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn valid_username(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Parse and check a seed file; `existing_accounts` are the slugs the database already has
/// (references may name them), `existing_roles` the (slug, role) pairs it has.
pub fn parse(
    path: &str,
    text: &str,
    existing_accounts: &BTreeSet<String>,
    existing_roles: &BTreeSet<(String, String)>,
) -> Result<SeedFile, SeedError> {
    let file: SeedFile = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        let msg = e.message().to_string();
        SeedError::Invalid(match line {
            Some(l) => format!("{path}:{l}: {msg}"),
            None => format!("{path}: {msg}"),
        })
    })?;
    let mut p = Problems {
        path,
        text,
        list: Vec::new(),
    };
    let mut accounts = existing_accounts.clone();
    let mut seen = BTreeSet::new();
    for (i, a) in file.accounts.iter().enumerate() {
        let a = a.get_ref();
        let slug = a.slug.get_ref();
        if !valid_slug(slug) {
            p.add(
                &a.slug,
                &format!("accounts[{i}].slug"),
                format!("'{slug}' must be 2-40 characters of a-z, 0-9 and -"),
            );
        }
        if !seen.insert(slug.clone()) {
            p.add(
                &a.slug,
                &format!("accounts[{i}].slug"),
                format!("'{slug}' appears twice"),
            );
        }
        if a.name.trim().is_empty() {
            p.add(&a.slug, &format!("accounts[{i}].name"), "must not be empty");
        }
        if !["free", "pro", "enterprise"].contains(&a.plan.get_ref().as_str()) {
            p.add(
                &a.plan,
                &format!("accounts[{i}].plan"),
                format!("'{}' is not one of free, pro, enterprise", a.plan.get_ref()),
            );
        }
        accounts.insert(slug.clone());
    }
    let mut users = BTreeSet::new();
    for (i, u) in file.users.iter().enumerate() {
        let u = u.get_ref();
        let name = u.username.get_ref();
        if !valid_username(name) {
            p.add(
                &u.username,
                &format!("users[{i}].username"),
                format!("'{name}' must be 1-40 characters of letters, digits, _ - ."),
            );
        }
        if !users.insert(name.clone()) {
            p.add(
                &u.username,
                &format!("users[{i}].username"),
                format!("'{name}' appears twice"),
            );
        }
        if let Some(pw) = &u.password {
            if pw.get_ref().chars().count() < 8 {
                p.add(
                    pw,
                    &format!("users[{i}].password"),
                    "must be at least 8 characters",
                );
            }
        }
        if let Some(t) = &u.token {
            if t.get_ref().len() < 20 || t.get_ref().chars().any(char::is_whitespace) {
                p.add(
                    t,
                    &format!("users[{i}].token"),
                    "must be at least 20 characters without spaces",
                );
            }
        }
        for perm in &u.admin_permissions {
            match perm.get_ref().parse::<Permission>() {
                Ok(pp) if pp.is_admin_grantable() => {}
                Ok(pp) => p.add(
                    perm,
                    &format!("users[{i}].admin_permissions"),
                    format!("{pp} is an account permission, not an admin one"),
                ),
                Err(e) => p.add(perm, &format!("users[{i}].admin_permissions"), e),
            }
        }
    }
    let mut roles = existing_roles.clone();
    for (i, r) in file.roles.iter().enumerate() {
        let r = r.get_ref();
        if !accounts.contains(r.account.get_ref()) {
            p.add(
                &r.account,
                &format!("roles[{i}].account"),
                format!("no account '{}'", r.account.get_ref()),
            );
        }
        let name = r.name.get_ref();
        if builtin_role(name).is_some() {
            p.add(
                &r.name,
                &format!("roles[{i}].name"),
                format!("'{name}' is a built-in role"),
            );
        } else if !valid_slug(name) {
            p.add(
                &r.name,
                &format!("roles[{i}].name"),
                format!("'{name}' must be 2-40 characters of a-z, 0-9 and -"),
            );
        }
        for perm in &r.permissions {
            match perm.get_ref().parse::<Permission>() {
                Ok(pp) if pp.is_account_scoped() => {}
                Ok(pp) => p.add(
                    perm,
                    &format!("roles[{i}].permissions"),
                    format!("{pp} is an admin permission; grant it with users.admin_permissions"),
                ),
                Err(e) => p.add(perm, &format!("roles[{i}].permissions"), e),
            }
        }
        roles.insert((r.account.get_ref().clone(), name.clone()));
    }
    for (i, m) in file.memberships.iter().enumerate() {
        let m = m.get_ref();
        if !users.contains(m.user.get_ref()) {
            p.add(
                &m.user,
                &format!("memberships[{i}].user"),
                format!("no user '{}' in this file", m.user.get_ref()),
            );
        }
        if !accounts.contains(m.account.get_ref()) {
            p.add(
                &m.account,
                &format!("memberships[{i}].account"),
                format!("no account '{}'", m.account.get_ref()),
            );
        }
        let role = m.role.get_ref();
        if builtin_role(role).is_none()
            && !roles.contains(&(m.account.get_ref().clone(), role.clone()))
        {
            p.add(
                &m.role,
                &format!("memberships[{i}].role"),
                format!("no role '{role}' (built-in: owner, moderator, editor, viewer)"),
            );
        }
    }
    for (i, c) in file.channel_connections.iter().enumerate() {
        let c = c.get_ref();
        if !accounts.contains(c.account.get_ref()) {
            p.add(
                &c.account,
                &format!("channel_connections[{i}].account"),
                format!("no account '{}'", c.account.get_ref()),
            );
        }
        match c.platform.get_ref().parse::<Platform>() {
            Err(e) => p.add(
                &c.platform,
                &format!("channel_connections[{i}].platform"),
                e,
            ),
            Ok(platform) => {
                if let Some(id) = &c.channel_id {
                    if !platform.is_user_id(id.get_ref()) {
                        p.add(
                            id,
                            &format!("channel_connections[{i}].channel_id"),
                            format!(
                                "'{}' is not a {platform} id ({})",
                                crate::validate::quote(id.get_ref()),
                                platform.user_id_rule()
                            ),
                        );
                    }
                }
            }
        }
        if c.channel.get_ref().trim().is_empty() {
            p.add(
                &c.channel,
                &format!("channel_connections[{i}].channel"),
                "must not be empty",
            );
        }
    }
    if p.list.is_empty() {
        Ok(file)
    } else {
        Err(SeedError::Invalid(p.list.join("\n")))
    }
}

/// Read, check and apply a seed file.
pub async fn run(db: &Db, path: &str) -> Result<SeedReport, SeedError> {
    let text = std::fs::read_to_string(path).map_err(|source| SeedError::Read {
        path: path.to_string(),
        source,
    })?;
    let existing_accounts: BTreeSet<String> =
        db.auth().account_slugs().await?.into_iter().collect();
    let existing_roles: BTreeSet<(String, String)> =
        db.auth().role_names().await?.into_iter().collect();
    let file = parse(path, &text, &existing_accounts, &existing_roles)?;
    apply(db, &file).await
}

mod apply;
pub use apply::apply;

#[cfg(test)]
mod tests;
