//! Writing a checked seed file: one transaction, each table through its owner's store
//! (accounts, users, tokens, roles and memberships: `auth`; channel connections: `chatter`).

use std::collections::HashMap;

use toml::Spanned;
use uuid::Uuid;

use super::{SeedError, SeedFile, SeedReport};
use crate::auth::service::{hash_password, hash_token, verify_password};
use crate::auth::store::seed as auth_seed;
use crate::chatter::store::seed as chatter_seed;
use crate::store::{Db, Tx};

/// Write a checked seed file in one transaction (through the owners' stores: accounts,
/// users, tokens, roles and memberships are auth's, channel connections the chatter's).
pub async fn apply(db: &Db, file: &SeedFile) -> Result<SeedReport, SeedError> {
    let mut load = Load {
        tx: db.begin().await?,
        file,
        now: crate::store::now(),
        report: SeedReport::default(),
        account_ids: HashMap::new(),
        user_ids: HashMap::new(),
    };
    load.accounts().await?;
    load.users().await?;
    load.roles().await?;
    load.memberships().await?;
    load.connections().await?;
    load.tx.commit().await?;
    Ok(load.report)
}

/// One run of [`apply`]: its transaction, what it has counted, and the ids it has learnt.
struct Load<'f> {
    tx: Tx,
    file: &'f SeedFile,
    now: chrono::DateTime<chrono::Utc>,
    report: SeedReport,
    account_ids: HashMap<String, Uuid>,
    user_ids: HashMap<String, Uuid>,
}

impl SeedReport {
    fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Created => self.created += 1,
            Outcome::Updated => self.updated += 1,
            Outcome::Unchanged => self.unchanged += 1,
        }
    }
}

enum Outcome {
    Created,
    Updated,
    Unchanged,
}

impl Load<'_> {
    /// The file's accounts; then every account's id by slug (those referenced but defined
    /// by an earlier seed too).
    async fn accounts(&mut self) -> Result<(), SeedError> {
        let (tx, now, file) = (&mut self.tx, self.now, self.file);
        for a in &file.accounts {
            let a = a.get_ref();
            let slug = a.slug.get_ref();
            let plan = a.plan.get_ref();
            let (id, outcome) = match auth_seed::account(tx, slug).await? {
                None => {
                    let id = Uuid::now_v7();
                    auth_seed::insert_account(tx, id, slug, &a.name, plan, now).await?;
                    (id, Outcome::Created)
                }
                Some((id, name, old_plan)) if name != a.name || &old_plan != plan => {
                    auth_seed::update_account(tx, id, &a.name, plan, now).await?;
                    (id, Outcome::Updated)
                }
                Some((id, _, _)) => (id, Outcome::Unchanged),
            };
            self.report.count(outcome);
            self.account_ids.insert(slug.clone(), id);
        }
        for (slug, id) in auth_seed::account_ids(tx).await? {
            self.account_ids.entry(slug).or_insert(id);
        }
        Ok(())
    }

    /// The file's users and their tokens.
    async fn users(&mut self) -> Result<(), SeedError> {
        let (tx, now, file) = (&mut self.tx, self.now, self.file);
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
            let hash_of = |pw: &Spanned<String>| {
                hash_password(pw.get_ref()).map_err(|e| SeedError::Invalid(e.to_string()))
            };
            let id = match auth_seed::user(tx, username).await? {
                None => {
                    let id = Uuid::now_v7();
                    let hash = u.password.as_ref().map(hash_of).transpose()?;
                    auth_seed::insert_user(
                        tx,
                        id,
                        username,
                        &display,
                        hash.as_deref(),
                        &admin,
                        now,
                    )
                    .await?;
                    self.report.count(Outcome::Created);
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
                            (Some(pw), false) => Some(hash_of(pw)?),
                            _ => old_hash,
                        };
                        auth_seed::update_user(tx, id, &display, hash.as_deref(), &admin, now)
                            .await?;
                        self.report.count(Outcome::Updated);
                    } else {
                        self.report.count(Outcome::Unchanged);
                    }
                    id
                }
            };
            if let Some(token) = &u.token {
                let hash = hash_token(token.get_ref());
                match auth_seed::token_owner(tx, &hash).await? {
                    Some(o) if o == id => self.report.count(Outcome::Unchanged),
                    Some(_) => {
                        return Err(SeedError::Invalid(format!(
                            "users.token of '{username}' is already another user's token"
                        )))
                    }
                    None => {
                        auth_seed::insert_token(tx, id, &hash, now).await?;
                        self.report.count(Outcome::Created);
                    }
                }
            }
            self.user_ids.insert(username.clone(), id);
        }
        Ok(())
    }

    async fn roles(&mut self) -> Result<(), SeedError> {
        let (tx, now, file) = (&mut self.tx, self.now, self.file);
        for r in &file.roles {
            let r = r.get_ref();
            let account_id = self.account_ids[r.account.get_ref()];
            let mut perms: Vec<String> =
                r.permissions.iter().map(|p| p.get_ref().clone()).collect();
            perms.sort();
            perms.dedup();
            let outcome = match auth_seed::role(tx, account_id, r.name.get_ref()).await? {
                None => {
                    auth_seed::insert_role(tx, account_id, r.name.get_ref(), &perms, now).await?;
                    Outcome::Created
                }
                Some((id, old)) => {
                    let mut old = old.0;
                    old.sort();
                    if old != perms {
                        auth_seed::update_role(tx, id, &perms, now).await?;
                        Outcome::Updated
                    } else {
                        Outcome::Unchanged
                    }
                }
            };
            self.report.count(outcome);
        }
        Ok(())
    }

    async fn memberships(&mut self) -> Result<(), SeedError> {
        let (tx, now, file) = (&mut self.tx, self.now, self.file);
        for m in &file.memberships {
            let m = m.get_ref();
            let user_id = self.user_ids[m.user.get_ref()];
            let account_id = self.account_ids[m.account.get_ref()];
            let role = m.role.get_ref();
            let outcome = match auth_seed::membership(tx, user_id, account_id).await? {
                None => {
                    auth_seed::insert_membership(tx, user_id, account_id, role, now).await?;
                    Outcome::Created
                }
                Some(old) if &old == role => Outcome::Unchanged,
                Some(_) => {
                    auth_seed::update_membership(tx, user_id, account_id, role).await?;
                    Outcome::Updated
                }
            };
            self.report.count(outcome);
        }
        Ok(())
    }

    async fn connections(&mut self) -> Result<(), SeedError> {
        let (tx, now, file) = (&mut self.tx, self.now, self.file);
        for c in &file.channel_connections {
            let c = c.get_ref();
            let account_id = self.account_ids[c.account.get_ref()];
            let platform = c.platform.get_ref().to_ascii_lowercase();
            let channel = c.channel.get_ref();
            let wanted = c.channel_id.as_ref().map(|i| i.get_ref().as_str());
            let outcome = match chatter_seed::connection(tx, account_id, &platform, channel).await?
            {
                None => {
                    chatter_seed::insert_connection(
                        tx,
                        account_id,
                        &platform,
                        channel,
                        wanted,
                        c.bot_enabled,
                        now,
                    )
                    .await?;
                    Outcome::Created
                }
                Some((id, channel_id, bot_enabled))
                    if channel_id.as_deref() != wanted || bot_enabled != c.bot_enabled =>
                {
                    chatter_seed::update_connection(tx, id, wanted, c.bot_enabled, now).await?;
                    Outcome::Updated
                }
                Some(_) => Outcome::Unchanged,
            };
            self.report.count(outcome);
        }
        Ok(())
    }
}
