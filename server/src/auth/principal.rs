//! The caller of a request and the checks every transport runs before a service call.

use uuid::Uuid;

use super::model::{AccountAccess, MembershipRow, TokenRow, UserRow};
use super::permission::{builtin_role, parse_permissions, Permission, PermissionSet};
use crate::error::{AppError, AppResult};

/// Who is calling.
#[derive(Debug, Clone)]
pub enum Principal {
    /// No `Authorization` header.
    Anonymous,
    /// The bots' and workers' system key: accepted only by system queries.
    System,
    User(Box<UserPrincipal>),
}

#[derive(Debug, Clone)]
pub struct UserPrincipal {
    pub user: UserRow,
    pub token: TokenRow,
    /// Accounts with the permissions effective for this token (role ∩ token scope).
    pub accounts: Vec<AccountAccessInternal>,
    /// Admin permissions effective for this token (user's admin permissions ∩ token scope).
    pub admin: PermissionSet,
    /// Whether this token may list, create and revoke the user's tokens: a session (a
    /// login), or an API token created with `auth:tokens`.
    pub manages_tokens: bool,
}

#[derive(Debug, Clone)]
pub struct AccountAccessInternal {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub plan: String,
    pub role: String,
    pub permissions: PermissionSet,
}

/// The account a call acts in, and who acts: what a service needs to know of the caller.
#[derive(Debug, Clone)]
pub struct AccountCtx {
    pub account_id: Uuid,
    pub account_slug: String,
    pub user_id: Uuid,
    pub user_name: String,
    pub permissions: PermissionSet,
}

impl UserPrincipal {
    pub fn new(user: UserRow, token: TokenRow, memberships: Vec<MembershipRow>) -> Self {
        let scope: Option<PermissionSet> = token
            .permissions
            .as_ref()
            .map(|p| p.0.iter().filter_map(|s| s.parse().ok()).collect());
        let limit = |set: PermissionSet| match &scope {
            Some(scope) => set.intersection(scope).copied().collect(),
            None => set,
        };
        let accounts = memberships
            .into_iter()
            .map(|m| {
                let role_perms = builtin_role(&m.role).unwrap_or_else(|| {
                    m.role_permissions
                        .as_ref()
                        .map(|p| p.0.iter().filter_map(|s| s.parse().ok()).collect())
                        .unwrap_or_default()
                });
                let role_perms: PermissionSet = role_perms
                    .into_iter()
                    .filter(|p: &Permission| p.is_account_scoped())
                    .collect();
                AccountAccessInternal {
                    id: m.account_id,
                    slug: m.slug,
                    name: m.name,
                    plan: m.plan,
                    role: m.role,
                    permissions: limit(role_perms),
                }
            })
            .collect();
        let admin: PermissionSet = parse_permissions(&user.admin_permissions.0)
            .unwrap_or_default()
            .into_iter()
            .filter(|p| p.is_admin_grantable())
            .collect();
        let manages_tokens = token.kind == "session"
            || scope
                .as_ref()
                .is_some_and(|s| s.contains(&Permission::AuthTokens));
        UserPrincipal {
            admin: limit(admin),
            user,
            token,
            accounts,
            manages_tokens,
        }
    }

    /// Token management (list, create, revoke) needs a session or the `auth:tokens` scope.
    pub fn require_token_management(&self) -> AppResult<()> {
        if self.manages_tokens {
            Ok(())
        } else {
            Err(AppError::MissingPermission(Permission::AuthTokens))
        }
    }

    pub fn account_views(&self) -> Vec<AccountAccess> {
        self.accounts
            .iter()
            .map(|a| AccountAccess {
                id: a.id,
                slug: a.slug.clone(),
                name: a.name.clone(),
                plan: a.plan.clone(),
                role: a.role.clone(),
                permissions: a.permissions.iter().map(|p| p.to_string()).collect(),
            })
            .collect()
    }

    /// Every permission this token holds anywhere (accounts, admin, token management).
    pub fn all_permissions(&self) -> PermissionSet {
        let mut all = self.admin.clone();
        for a in &self.accounts {
            all.extend(a.permissions.iter().copied());
        }
        if self.manages_tokens {
            all.insert(Permission::AuthTokens);
        }
        all
    }

    /// Pick the account of a call: the one named (id or slug), else the only one.
    pub fn select_account(&self, requested: Option<&str>) -> AppResult<&AccountAccessInternal> {
        match requested.map(str::trim).filter(|s| !s.is_empty()) {
            Some(wanted)
                if wanted
                    .chars()
                    .nth(crate::validate::MAX_ACCOUNT_REF_CHARS)
                    .is_some() =>
            {
                Err(AppError::BadRequest(format!(
                    "account (X-Lumio-Account or accountId) is longer than {} characters",
                    crate::validate::MAX_ACCOUNT_REF_CHARS
                )))
            }
            Some(wanted) => self
                .accounts
                .iter()
                .find(|a| a.slug == wanted || a.id.to_string() == wanted.to_ascii_lowercase())
                .ok_or_else(|| {
                    AppError::Forbidden(format!(
                        "you are not a member of account '{}'",
                        crate::validate::quote(wanted)
                    ))
                }),
            None => match self.accounts.as_slice() {
                [only] => Ok(only),
                [] => Err(AppError::Forbidden(
                    "your user is not a member of any account".into(),
                )),
                many => Err(AppError::BadRequest(format!(
                    "you are a member of several accounts ({}): choose one with the \
                     X-Lumio-Account header or the accountId argument",
                    many.iter()
                        .map(|a| a.slug.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))),
            },
        }
    }
}

impl Principal {
    pub fn user(&self) -> AppResult<&UserPrincipal> {
        match self {
            Principal::User(u) => Ok(u),
            Principal::Anonymous => Err(AppError::Unauthorized(
                "authentication required: send Authorization: Bearer <token>".into(),
            )),
            Principal::System => Err(AppError::Forbidden(
                "the system key is accepted only by system queries; use a user token".into(),
            )),
        }
    }

    /// The account context of a call that needs `permission` in an account.
    pub fn require(&self, permission: Permission, account: Option<&str>) -> AppResult<AccountCtx> {
        let user = self.user()?;
        let access = user.select_account(account)?;
        if !access.permissions.contains(&permission) {
            return Err(AppError::MissingPermission(permission));
        }
        Ok(AccountCtx {
            account_id: access.id,
            account_slug: access.slug.clone(),
            user_id: user.user.id,
            user_name: user.user.display_name.clone(),
            permissions: access.permissions.clone(),
        })
    }

    /// A call that needs an admin permission (platform-wide, no account).
    pub fn require_admin(&self, permission: Permission) -> AppResult<&UserPrincipal> {
        let user = self.user()?;
        if !user.admin.contains(&permission) {
            return Err(AppError::MissingPermission(permission));
        }
        Ok(user)
    }

    /// A system query: only the system key passes.
    pub fn require_system(&self) -> AppResult<()> {
        match self {
            Principal::System => Ok(()),
            Principal::Anonymous => Err(AppError::Unauthorized(
                "this system query needs the system key".into(),
            )),
            Principal::User(_) => Err(AppError::Forbidden(
                "this is a system query: only the system key may call it".into(),
            )),
        }
    }
}
