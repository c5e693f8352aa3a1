//! The tokens other code acts with: [`access_token`] opens a credential's access token,
//! refreshing it first when it expires within [`REFRESH_MARGIN`]; [`with_token`] makes a call
//! with it and, on a 401, refreshes once and retries. A refresh Twitch refuses marks the
//! credential `needs_reauth` (bot status and `lumio connections list` show it).
//! [`require_scopes`] names the scopes a credential lacks and the command that grants them.
//!
//! Refreshes of one credential are serialised in the process, and written only if the row
//! still holds the token they replaced: a refresh that lost a race (Twitch rotates refresh
//! tokens) reads the winner's token instead of marking the credential.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::crypto::aad;
use super::model::{Role, Token};
use super::oauth::{OAuthError, TwitchOAuth};
use super::service::{key, seal_tokens};
use super::store::CredentialRow;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Refresh a token that expires within this.
pub const REFRESH_MARGIN: chrono::Duration = chrono::Duration::minutes(5);

/// An access token ready to use, and what it may do.
#[derive(Debug, Clone)]
pub struct AccessToken {
    pub credential_id: Uuid,
    pub token: Token,
    pub role: Role,
    pub user_id: String,
    pub login: String,
    pub scopes: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// How a call made with a token ended.
#[derive(Debug)]
pub enum CallError {
    /// The platform answered 401: the token is no longer good.
    Unauthorized,
    Other(AppError),
}

fn lock_of(id: Uuid) -> Arc<tokio::sync::Mutex<()>> {
    static LOCKS: OnceLock<Mutex<HashMap<Uuid, Arc<tokio::sync::Mutex<()>>>>> = OnceLock::new();
    let mut map = LOCKS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    map.entry(id).or_default().clone()
}

async fn load(state: &AppState, id: Uuid) -> AppResult<CredentialRow> {
    state
        .db
        .credentials()
        .get(id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no channel credential {id}")))
}

fn reauth_error(row: &CredentialRow) -> AppError {
    AppError::Conflict(format!(
        "the {} token of {} on Twitch needs re-authorization ({}); run `lumio connect twitch \
         --as {}`",
        row.role,
        row.platform_login,
        row.status_reason.as_deref().unwrap_or("refused"),
        row.role
    ))
}

/// Open the row's access token; a value that does not open marks the row `needs_reauth`.
async fn open(state: &AppState, row: &CredentialRow) -> AppResult<AccessToken> {
    let key = key(state)?;
    match key.open(&row.access_token, &aad(row.id, "access_token")) {
        Ok(t) => Ok(AccessToken {
            credential_id: row.id,
            token: Token::new(t),
            role: Role::parse(&row.role).unwrap_or(Role::Broadcaster),
            user_id: row.platform_user_id.clone(),
            login: row.platform_login.clone(),
            scopes: row.scopes.0.clone(),
            expires_at: row.expires_at,
        }),
        Err(e) => {
            mark(state, row, &format!("{e}; connect again")).await;
            Err(reauth_error(&load(state, row.id).await?))
        }
    }
}

async fn mark(state: &AppState, row: &CredentialRow, reason: &str) {
    match state
        .db
        .credentials()
        .needs_reauth(row.id, &row.access_token, reason)
        .await
    {
        Ok(true) => {
            tracing::warn!(credential = %row.id, login = %row.platform_login, reason,
                "twitch credential needs re-authorization");
            crate::bots::service::credential_changed(state, row.account_id).await;
        }
        Ok(false) => {}
        Err(e) => tracing::warn!(credential = %row.id, error = %e, "could not mark a credential"),
    }
}

/// The credential's access token, refreshed first when it expires within
/// [`REFRESH_MARGIN`]. A credential that needs re-authorization is a 409 saying so.
pub async fn access_token(state: &AppState, credential: Uuid) -> AppResult<AccessToken> {
    let row = load(state, credential).await?;
    if row.status == "needs_reauth" {
        return Err(reauth_error(&row));
    }
    if row
        .expires_at
        .is_some_and(|e| e - crate::store::now() < REFRESH_MARGIN)
    {
        return refresh_row(state, row).await;
    }
    open(state, &row).await
}

/// Refresh now because `used` was refused (a 401) — unless another task already replaced it,
/// in which case its token is returned.
pub async fn refresh_after_unauthorized(
    state: &AppState,
    credential: Uuid,
    used: &Token,
) -> AppResult<AccessToken> {
    let row = load(state, credential).await?;
    if row.status == "needs_reauth" {
        return Err(reauth_error(&row));
    }
    let current = open(state, &row).await?;
    if current.token != *used {
        return Ok(current);
    }
    refresh_row(state, row).await
}

async fn refresh_row(state: &AppState, seen: CredentialRow) -> AppResult<AccessToken> {
    let lock = lock_of(seen.id);
    let _held = lock.lock().await;
    // Another task may have refreshed while this one waited.
    let row = load(state, seen.id).await?;
    if row.access_token != seen.access_token {
        return if row.status == "needs_reauth" {
            Err(reauth_error(&row))
        } else {
            open(state, &row).await
        };
    }
    let key = key(state)?;
    let Some(sealed) = &row.refresh_token else {
        mark(
            state,
            &row,
            "the access token expired and there is no refresh token",
        )
        .await;
        return Err(reauth_error(&load(state, row.id).await?));
    };
    let refresh = match key.open(sealed, &aad(row.id, "refresh_token")) {
        Ok(r) => Token::new(r),
        Err(e) => {
            mark(state, &row, &format!("{e}; connect again")).await;
            return Err(reauth_error(&load(state, row.id).await?));
        }
    };
    let oauth = TwitchOAuth::new(state)?;
    match oauth.refresh(&refresh).await {
        Ok(grant) => {
            // Twitch may keep the refresh token; keep the old one when it sends none.
            let next_refresh = grant.refresh_token.clone().unwrap_or(refresh);
            let scopes = if grant.scope.is_empty() {
                row.scopes.0.clone()
            } else {
                grant.scope.clone()
            };
            let sealed = seal_tokens(
                key,
                row.id,
                &grant.access_token,
                Some(&next_refresh),
                scopes,
                grant.expires_in,
            )?;
            if !state
                .db
                .credentials()
                .refreshed(row.id, &row.access_token, &sealed)
                .await?
            {
                // Replaced meanwhile (a new connect): use what is there now.
                return open(state, &load(state, row.id).await?).await;
            }
            tracing::info!(credential = %row.id, login = %row.platform_login,
                "twitch token refreshed");
            open(state, &load(state, row.id).await?).await
        }
        Err(OAuthError::Refused { status, message }) if (400..500).contains(&status) => {
            mark(
                state,
                &row,
                &format!("Twitch refused to refresh the token: {message}"),
            )
            .await;
            Err(reauth_error(&load(state, row.id).await?))
        }
        Err(e) => Err(e.into()),
    }
}

/// Make `call` with the credential's token; on a 401 refresh once and call again.
pub async fn with_token<T, F, Fut>(state: &AppState, credential: Uuid, mut call: F) -> AppResult<T>
where
    F: FnMut(AccessToken) -> Fut,
    Fut: Future<Output = Result<T, CallError>>,
{
    let token = access_token(state, credential).await?;
    let used = token.token.clone();
    match call(token).await {
        Ok(v) => Ok(v),
        Err(CallError::Other(e)) => Err(e),
        Err(CallError::Unauthorized) => {
            let fresh = refresh_after_unauthorized(state, credential, &used).await?;
            match call(fresh).await {
                Ok(v) => Ok(v),
                Err(CallError::Other(e)) => Err(e),
                Err(CallError::Unauthorized) => Err(AppError::Platform(
                    "Twitch refused the token even after a refresh".into(),
                )),
            }
        }
    }
}

/// The scopes of `needed` that `token` lacks, as an error naming them and the command that
/// grants them (with the scopes it already has, since a new grant replaces the old one).
pub fn require_scopes(token: &AccessToken, needed: &[&str]) -> AppResult<()> {
    let missing: Vec<&str> = needed
        .iter()
        .copied()
        .filter(|n| !token.scopes.iter().any(|s| s == n))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut all: Vec<&str> = token.scopes.iter().map(String::as_str).collect();
    all.extend(&missing);
    all.sort();
    all.dedup();
    let named = missing
        .iter()
        .map(|m| format!("`{m}`"))
        .collect::<Vec<_>>()
        .join(", ");
    Err(AppError::Forbidden(format!(
        "{named} not granted to {} on Twitch; run `lumio connect twitch --as {} --scopes {}`",
        token.login,
        token.role.as_str(),
        all.join(",")
    )))
}

/// The credential lumio acts with for the account on a channel (`role` first, else the
/// other), if any.
pub async fn credential_for(
    state: &AppState,
    account: Uuid,
    channel: &str,
    role: Role,
) -> AppResult<Option<Uuid>> {
    let conns = crate::chatter::connections::list(state, account).await?;
    let Some(conn) = conns
        .iter()
        .find(|c| c.platform == "twitch" && c.channel_name.eq_ignore_ascii_case(channel))
    else {
        return Ok(None);
    };
    let store = state.db.credentials();
    if let Some(id) = store.id_of(conn.id, role.as_str()).await? {
        return Ok(Some(id));
    }
    let other = match role {
        Role::Bot => Role::Broadcaster,
        Role::Broadcaster => Role::Bot,
    };
    Ok(store.id_of(conn.id, other.as_str()).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_scopes_are_named_with_the_command_that_grants_them() {
        let t = AccessToken {
            credential_id: Uuid::nil(),
            token: Token::new("x"),
            role: Role::Bot,
            user_id: "1".into(),
            login: "lumio_bot".into(),
            scopes: vec!["user:write:chat".into()],
            expires_at: None,
        };
        assert!(require_scopes(&t, &["user:write:chat"]).is_ok());
        let e =
            require_scopes(&t, &["moderator:manage:banned_users", "user:write:chat"]).unwrap_err();
        assert_eq!(e.status(), axum::http::StatusCode::FORBIDDEN);
        assert_eq!(
            e.to_string(),
            "`moderator:manage:banned_users` not granted to lumio_bot on Twitch; run `lumio \
             connect twitch --as bot --scopes moderator:manage:banned_users,user:write:chat`"
        );
        assert!(!format!("{t:?}").contains("\"x\""));
    }
}
