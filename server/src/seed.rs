//! `lumio-server seed FILE`: load accounts, users, roles, memberships and channel
//! connections from a TOML file, idempotently and all-or-nothing.
//! (Over 600 lines: the file format, its checks and its one-transaction load stay together;
//! its SQL moving to the feature stores is issue 14 phase B step 6, not done yet.)
//!
//! The whole file is parsed and checked before anything is written; every problem is
//! reported with its line and field. Writing happens in one transaction, comparing each
//! record with what is stored, so a second run changes nothing and says so.

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;
use sqlx::types::Json;
use toml::Spanned;
use uuid::Uuid;

use crate::auth::permission::{builtin_role, Permission};
use crate::auth::service::{hash_password, hash_token, verify_password};
use crate::on_db;
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

/// id, display_name, password_hash, admin_permissions of a stored user.
type StoredUser = (Uuid, String, Option<String>, Json<Vec<String>>);

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
    let existing_accounts: BTreeSet<String> = on_db!(db, |pool| sqlx::query_scalar::<_, String>(
        "SELECT slug FROM accounts"
    )
    .fetch_all(pool)
    .await)?
    .into_iter()
    .collect();
    let existing_roles: BTreeSet<(String, String)> =
        on_db!(db, |pool| sqlx::query_as::<_, (String, String)>(
            "SELECT a.slug, r.name FROM roles r JOIN accounts a ON a.id = r.account_id"
        )
        .fetch_all(pool)
        .await)?
        .into_iter()
        .collect();
    let file = parse(path, &text, &existing_accounts, &existing_roles)?;
    apply(db, &file).await
}

/// Write a checked seed file in one transaction.
pub async fn apply(db: &Db, file: &SeedFile) -> Result<SeedReport, SeedError> {
    let now = crate::store::now();
    let mut report = SeedReport::default();
    on_db!(db, |pool| {
        let mut tx = pool.begin().await?;
        let mut account_ids: HashMap<String, Uuid> = HashMap::new();
        for a in &file.accounts {
            let a = a.get_ref();
            let slug = a.slug.get_ref();
            let row: Option<(Uuid, String, String)> =
                sqlx::query_as("SELECT id, name, plan FROM accounts WHERE slug = $1")
                    .bind(slug)
                    .fetch_optional(&mut *tx)
                    .await?;
            match row {
                None => {
                    let id = Uuid::now_v7();
                    sqlx::query("INSERT INTO accounts (id, slug, name, plan, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
                        .bind(id).bind(slug).bind(&a.name).bind(a.plan.get_ref()).bind(now)
                        .execute(&mut *tx).await?;
                    account_ids.insert(slug.clone(), id);
                    report.created += 1;
                }
                Some((id, name, plan)) => {
                    if name != a.name || &plan != a.plan.get_ref() {
                        sqlx::query("UPDATE accounts SET name = $1, plan = $2, updated_at = $3 WHERE id = $4")
                            .bind(&a.name).bind(a.plan.get_ref()).bind(now).bind(id)
                            .execute(&mut *tx).await?;
                        report.updated += 1;
                    } else {
                        report.unchanged += 1;
                    }
                    account_ids.insert(slug.clone(), id);
                }
            }
        }
        // Accounts referenced but defined by an earlier seed.
        for (slug, id) in sqlx::query_as::<_, (String, Uuid)>("SELECT slug, id FROM accounts")
            .fetch_all(&mut *tx)
            .await?
        {
            account_ids.entry(slug).or_insert(id);
        }

        let mut user_ids: HashMap<String, Uuid> = HashMap::new();
        for u in &file.users {
            let u = u.get_ref();
            let username = u.username.get_ref();
            let display = u.display_name.clone().unwrap_or_else(|| username.clone());
            let mut admin: Vec<String> = u
                .admin_permissions
                .iter()
                .map(|p| p.get_ref().clone())
                .collect();
            admin.sort();
            admin.dedup();
            let row: Option<StoredUser> = sqlx::query_as(
                "SELECT id, display_name, password_hash, admin_permissions FROM users WHERE username = $1",
            )
            .bind(username)
            .fetch_optional(&mut *tx)
            .await?;
            let id = match row {
                None => {
                    let id = Uuid::now_v7();
                    let hash = match &u.password {
                        Some(pw) => Some(
                            hash_password(pw.get_ref())
                                .map_err(|e| SeedError::Invalid(e.to_string()))?,
                        ),
                        None => None,
                    };
                    sqlx::query("INSERT INTO users (id, username, display_name, password_hash, admin_permissions, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)")
                        .bind(id).bind(username).bind(&display).bind(hash).bind(Json(&admin)).bind(now)
                        .execute(&mut *tx).await?;
                    report.created += 1;
                    id
                }
                Some((id, old_display, old_hash, old_admin)) => {
                    let password_ok = match (&u.password, &old_hash) {
                        (None, _) => true,
                        (Some(pw), Some(h)) => verify_password(pw.get_ref(), h),
                        (Some(_), None) => false,
                    };
                    let mut old_admin = old_admin.0;
                    old_admin.sort();
                    if old_display != display || old_admin != admin || !password_ok {
                        let hash = match (&u.password, password_ok) {
                            (Some(pw), false) => Some(
                                hash_password(pw.get_ref())
                                    .map_err(|e| SeedError::Invalid(e.to_string()))?,
                            ),
                            _ => old_hash,
                        };
                        sqlx::query("UPDATE users SET display_name = $1, admin_permissions = $2, password_hash = $3, updated_at = $4 WHERE id = $5")
                            .bind(&display).bind(Json(&admin)).bind(hash).bind(now).bind(id)
                            .execute(&mut *tx).await?;
                        report.updated += 1;
                    } else {
                        report.unchanged += 1;
                    }
                    id
                }
            };
            if let Some(token) = &u.token {
                let hash = hash_token(token.get_ref());
                let owner: Option<Uuid> =
                    sqlx::query_scalar("SELECT user_id FROM api_tokens WHERE token_hash = $1")
                        .bind(&hash)
                        .fetch_optional(&mut *tx)
                        .await?;
                match owner {
                    Some(o) if o == id => report.unchanged += 1,
                    Some(_) => {
                        return Err(SeedError::Invalid(format!(
                            "users.token of '{username}' is already another user's token"
                        )))
                    }
                    None => {
                        sqlx::query("INSERT INTO api_tokens (id, user_id, name, kind, token_hash, permissions, created_at) VALUES ($1, $2, $3, 'api', $4, NULL, $5)")
                            .bind(Uuid::now_v7()).bind(id).bind("seed").bind(&hash).bind(now)
                            .execute(&mut *tx).await?;
                        report.created += 1;
                    }
                }
            }
            user_ids.insert(username.clone(), id);
        }

        for r in &file.roles {
            let r = r.get_ref();
            let account_id = account_ids[r.account.get_ref()];
            let mut perms: Vec<String> =
                r.permissions.iter().map(|p| p.get_ref().clone()).collect();
            perms.sort();
            perms.dedup();
            let row: Option<(Uuid, Json<Vec<String>>)> = sqlx::query_as(
                "SELECT id, permissions FROM roles WHERE account_id = $1 AND name = $2",
            )
            .bind(account_id)
            .bind(r.name.get_ref())
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                None => {
                    sqlx::query("INSERT INTO roles (id, account_id, name, permissions, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)")
                        .bind(Uuid::now_v7()).bind(account_id).bind(r.name.get_ref()).bind(Json(&perms)).bind(now)
                        .execute(&mut *tx).await?;
                    report.created += 1;
                }
                Some((id, old)) => {
                    let mut old = old.0;
                    old.sort();
                    if old != perms {
                        sqlx::query(
                            "UPDATE roles SET permissions = $1, updated_at = $2 WHERE id = $3",
                        )
                        .bind(Json(&perms))
                        .bind(now)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                        report.updated += 1;
                    } else {
                        report.unchanged += 1;
                    }
                }
            }
        }

        for m in &file.memberships {
            let m = m.get_ref();
            let user_id = user_ids[m.user.get_ref()];
            let account_id = account_ids[m.account.get_ref()];
            let role: Option<String> = sqlx::query_scalar(
                "SELECT role FROM memberships WHERE user_id = $1 AND account_id = $2",
            )
            .bind(user_id)
            .bind(account_id)
            .fetch_optional(&mut *tx)
            .await?;
            match role {
                None => {
                    sqlx::query("INSERT INTO memberships (user_id, account_id, role, created_at) VALUES ($1, $2, $3, $4)")
                        .bind(user_id).bind(account_id).bind(m.role.get_ref()).bind(now)
                        .execute(&mut *tx).await?;
                    report.created += 1;
                }
                Some(old) if &old == m.role.get_ref() => report.unchanged += 1,
                Some(_) => {
                    sqlx::query(
                        "UPDATE memberships SET role = $1 WHERE user_id = $2 AND account_id = $3",
                    )
                    .bind(m.role.get_ref())
                    .bind(user_id)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await?;
                    report.updated += 1;
                }
            }
        }

        for c in &file.channel_connections {
            let c = c.get_ref();
            let account_id = account_ids[c.account.get_ref()];
            let platform = c.platform.get_ref().to_ascii_lowercase();
            let row: Option<(Uuid, Option<String>, bool)> = sqlx::query_as(
                "SELECT id, channel_id, bot_enabled FROM channel_connections WHERE account_id = $1 AND platform = $2 AND channel_name = $3",
            )
            .bind(account_id)
            .bind(&platform)
            .bind(c.channel.get_ref())
            .fetch_optional(&mut *tx)
            .await?;
            match row {
                None => {
                    sqlx::query("INSERT INTO channel_connections (id, account_id, platform, channel_name, channel_id, bot_enabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)")
                        .bind(Uuid::now_v7()).bind(account_id).bind(&platform).bind(c.channel.get_ref())
                        .bind(c.channel_id.as_ref().map(|i| i.get_ref())).bind(c.bot_enabled).bind(now)
                        .execute(&mut *tx).await?;
                    report.created += 1;
                }
                Some((id, channel_id, bot_enabled)) => {
                    let wanted = c.channel_id.as_ref().map(|i| i.get_ref().clone());
                    if channel_id != wanted || bot_enabled != c.bot_enabled {
                        sqlx::query("UPDATE channel_connections SET channel_id = $1, bot_enabled = $2, updated_at = $3 WHERE id = $4")
                            .bind(&wanted).bind(c.bot_enabled).bind(now).bind(id)
                            .execute(&mut *tx).await?;
                        report.updated += 1;
                    } else {
                        report.unchanged += 1;
                    }
                }
            }
        }
        tx.commit().await?;
    });
    Ok(report)
}

#[cfg(test)]
mod tests;
