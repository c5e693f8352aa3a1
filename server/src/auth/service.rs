//! Auth business logic: login, token authentication, `me`, API tokens.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, PasswordVerifier};
use chrono::Duration;
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::types::Json;
use uuid::Uuid;

use super::model::*;
use super::permission::Permission;
use super::principal::{Principal, UserPrincipal};
use crate::bus::keys;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// How long a login session token lives.
pub const SESSION_DAYS: i64 = 30;
pub const TOKEN_PREFIX: &str = "lum_";

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub fn generate_token() -> String {
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("{TOKEN_PREFIX}{}", hex::encode(bytes))
}

pub fn hash_password(password: &str) -> AppResult<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(anyhow::anyhow!("hashing a password: {e}")))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

fn invalid_login() -> AppError {
    AppError::Unauthorized("invalid username or password".into())
}

/// Failed logins of one username from one client address allowed within [`LOGIN_WINDOW`]
/// before that address's logins of that username are refused. Counted per address *and*
/// username, so an attacker guessing a moderator's password locks out only themselves: the
/// moderator, from their own address, still logs in.
pub const MAX_LOGIN_FAILURES: i64 = 10;
pub const LOGIN_WINDOW: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Check the login input at the edge: both present, the username a bounded single line.
fn check_login(input: &LoginInput) -> AppResult<&str> {
    let username = input.username.trim();
    crate::validate::bounded("username", username, crate::validate::MAX_USERNAME_CHARS)?;
    if input
        .password
        .chars()
        .nth(crate::validate::MAX_PASSWORD_CHARS)
        .is_some()
    {
        return Err(AppError::BadRequest(format!(
            "password is longer than {} characters",
            crate::validate::MAX_PASSWORD_CHARS
        )));
    }
    if username.is_empty() || input.password.is_empty() {
        return Err(AppError::Validation(
            "username and password are required".into(),
        ));
    }
    Ok(username)
}

/// Log in. `client` is the caller's address ([`crate::http::extract::ClientAddr`]); failures
/// are counted per address and username, across every server on the bus.
pub async fn login(
    state: &AppState,
    input: LoginInput,
    client: Option<std::net::IpAddr>,
) -> AppResult<LoginResponse> {
    let username = check_login(&input)?;
    let client = client.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    let failures_key = keys::login_failures(&client, username);
    let failures: i64 = state
        .bus
        .get(&failures_key)
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    if failures >= MAX_LOGIN_FAILURES {
        return Err(AppError::RateLimited(format!(
            "too many failed logins for '{}' from this address: try again in {} minutes",
            crate::validate::quote(username),
            LOGIN_WINDOW.as_secs() / 60
        )));
    }
    let user = state.db.auth().user_by_username(username).await?;
    let hash = user.as_ref().and_then(|u| u.password_hash.clone());
    let password = input.password;
    let ok = match hash {
        Some(hash) => tokio::task::spawn_blocking(move || verify_password(&password, &hash))
            .await
            .map_err(AppError::internal)?,
        None => false,
    };
    let Some(user) = user.filter(|_| ok) else {
        if state.bus.incr(&failures_key, 1).await? == 1 {
            state.bus.expire(&failures_key, LOGIN_WINDOW).await?;
        }
        return Err(invalid_login());
    };
    state.bus.del(&failures_key).await?;
    let now = crate::store::now();
    let secret = generate_token();
    let row = TokenRow {
        id: Uuid::now_v7(),
        user_id: user.id,
        name: "login".into(),
        kind: "session".into(),
        token_hash: hash_token(&secret),
        permissions: None,
        created_at: now,
        expires_at: Some(now + Duration::days(SESSION_DAYS)),
        last_used_at: None,
    };
    state.db.auth().insert_token(&row).await?;
    Ok(LoginResponse {
        token: secret,
        token_id: row.id,
        expires_at: row.expires_at,
        user: (&user).into(),
    })
}

/// How long a resolved token is reused before it is looked up again. Revoking a token takes
/// effect at once on the server that revoked it, and within this time on the others; role
/// changes likewise.
pub const AUTH_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(10);
const AUTH_CACHE_MAX: usize = 10_000;

/// Principals by token hash, so that a busy bot's every request does not cost three queries.
#[derive(Default)]
pub struct AuthCache {
    map: std::sync::Mutex<std::collections::HashMap<String, (Principal, std::time::Instant)>>,
}

impl AuthCache {
    fn lock(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<String, (Principal, std::time::Instant)>>
    {
        match self.map.lock() {
            Ok(m) => m,
            Err(p) => p.into_inner(),
        }
    }

    fn get(&self, hash: &str) -> Option<Principal> {
        let map = self.lock();
        let (p, at) = map.get(hash)?;
        (at.elapsed() < AUTH_CACHE_TTL).then(|| p.clone())
    }

    fn put(&self, hash: String, p: Principal) {
        let mut map = self.lock();
        if map.len() >= AUTH_CACHE_MAX {
            map.retain(|_, (_, at)| at.elapsed() < AUTH_CACHE_TTL);
            if map.len() >= AUTH_CACHE_MAX {
                map.clear();
            }
        }
        map.insert(hash, (p, std::time::Instant::now()));
    }

    /// Forget everything.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// Forget one token (revoked here or on another instance).
    pub fn evict(&self, token_id: Uuid) {
        self.lock().retain(|_, (p, _)| match p {
            Principal::User(u) => u.token.id != token_id,
            _ => true,
        });
    }
}

/// The token of an `Authorization` header value: the scheme `Bearer` in any letter case
/// (RFC 7235), then the token.
pub fn bearer_token(header: &str) -> AppResult<&str> {
    let bad = || AppError::Unauthorized("the Authorization header must be 'Bearer <token>'".into());
    let (scheme, token) = header.trim().split_once([' ', '\t']).ok_or_else(bad)?;
    let token = token.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
        return Err(bad());
    }
    if token.len() > crate::validate::MAX_TOKEN_CHARS {
        return Err(AppError::Unauthorized(format!(
            "the bearer token is longer than {} characters",
            crate::validate::MAX_TOKEN_CHARS
        )));
    }
    Ok(token)
}

/// Resolve an `Authorization` header value to a principal.
pub async fn authenticate(state: &AppState, header: Option<&str>) -> AppResult<Principal> {
    let Some(header) = header else {
        return Ok(Principal::Anonymous);
    };
    let token = bearer_token(header)?;
    if let Some(key) = &state.config.system_key {
        if hash_token(token) == hash_token(key) {
            return Ok(Principal::System);
        }
    }
    let invalid = || AppError::Unauthorized("invalid or expired token".into());
    let hash = hash_token(token);
    let now = crate::store::now();
    if let Some(p) = state.auth_cache.get(&hash) {
        let live = match &p {
            Principal::User(u) => u.token.expires_at.is_none_or(|e| e > now),
            _ => true,
        };
        if live {
            return Ok(p);
        }
    }
    let row = state
        .db
        .auth()
        .token_by_hash(&hash)
        .await?
        .ok_or_else(invalid)?;
    if row.expires_at.is_some_and(|e| e <= now) {
        return Err(invalid());
    }
    let user = state
        .db
        .auth()
        .user_by_id(row.user_id)
        .await?
        .ok_or_else(invalid)?;
    let memberships = state.db.auth().memberships_of_user(user.id).await?;
    if let Err(e) = state.db.auth().touch_token(row.id, now).await {
        tracing::warn!(error = %e, "could not record token use");
    }
    let principal = Principal::User(Box::new(UserPrincipal::new(user, row, memberships)));
    state.auth_cache.put(hash, principal.clone());
    Ok(principal)
}

pub fn me(principal: &Principal) -> AppResult<Me> {
    let u = principal.user()?;
    Ok(Me {
        user: (&u.user).into(),
        accounts: u.account_views(),
        admin_permissions: u.admin.iter().map(|p| p.to_string()).collect(),
        token: (&u.token).into(),
    })
}

pub async fn create_token(
    state: &AppState,
    principal: &Principal,
    input: CreateTokenInput,
) -> AppResult<CreatedToken> {
    let u = principal.user()?;
    u.require_token_management()?;
    let name = input.name.trim();
    crate::validate::no_control("name", name)?;
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::Validation(
            "name must be 1 to 100 characters".into(),
        ));
    }
    if input.permissions.is_empty() {
        return Err(AppError::Validation(
            "permissions must list at least one permission".into(),
        ));
    }
    if input.permissions.len() > 2 * Permission::ALL.len() {
        return Err(AppError::BadRequest(format!(
            "permissions lists {} entries; there are {} permissions",
            input.permissions.len(),
            Permission::ALL.len()
        )));
    }
    let held = u.all_permissions();
    let mut wanted = Vec::new();
    for p in &input.permissions {
        let perm: Permission = p.parse().map_err(|_| {
            AppError::Validation(format!(
                "unknown permission '{}'",
                crate::validate::quote(p)
            ))
        })?;
        if !held.contains(&perm) {
            return Err(AppError::Forbidden(format!(
                "cannot grant {perm}: you do not hold it"
            )));
        }
        if !wanted.contains(&perm) {
            wanted.push(perm);
        }
    }
    wanted.sort();
    let now = crate::store::now();
    let asked = match input.expires_in_days {
        None => None,
        Some(d) if (1..=3650).contains(&d) => Some(now + Duration::days(d)),
        Some(_) => {
            return Err(AppError::Validation(
                "expires_in_days must be between 1 and 3650".into(),
            ))
        }
    };
    // A token never outlives the token that creates it: without expires_in_days it expires
    // with its parent; asking for longer is refused.
    let expires_at = match (asked, u.token.expires_at) {
        (None, parent) => parent,
        (Some(a), Some(parent)) if a > parent => {
            return Err(AppError::Validation(format!(
                "expires_in_days: a token cannot outlive the token that creates it, which \
                 expires at {} (at most {} days from now)",
                parent.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                (parent - now).num_days()
            )))
        }
        (Some(a), _) => Some(a),
    };
    let secret = generate_token();
    let row = TokenRow {
        id: Uuid::now_v7(),
        user_id: u.user.id,
        name: name.to_string(),
        kind: "api".into(),
        token_hash: hash_token(&secret),
        permissions: Some(Json(wanted.iter().map(|p| p.to_string()).collect())),
        created_at: now,
        expires_at,
        last_used_at: None,
    };
    state.db.auth().insert_token(&row).await?;
    Ok(CreatedToken {
        token: secret,
        info: (&row).into(),
    })
}

pub async fn list_tokens(state: &AppState, principal: &Principal) -> AppResult<Vec<TokenView>> {
    let u = principal.user()?;
    u.require_token_management()?;
    let rows = state.db.auth().tokens_of_user(u.user.id).await?;
    Ok(rows.iter().map(TokenView::from).collect())
}

pub async fn revoke_token(state: &AppState, principal: &Principal, id: Uuid) -> AppResult<()> {
    let u = principal.user()?;
    u.require_token_management()?;
    if state.db.auth().delete_token(u.user.id, id).await? {
        revoked(state, id).await;
        Ok(())
    } else {
        Err(AppError::NotFound(format!("no token {id}")))
    }
}

/// Revoke the token the call was made with (any token may end itself).
pub async fn logout(state: &AppState, principal: &Principal) -> AppResult<()> {
    let u = principal.user()?;
    state.db.auth().delete_token(u.user.id, u.token.id).await?;
    revoked(state, u.token.id).await;
    Ok(())
}

/// A token was deleted: evict it here at once, close this instance's live sockets opened
/// with it, and tell every other instance on the bus to do the same. The deletion is
/// already committed, so a bus that cannot be reached only delays the others (their cache
/// entries expire within [`AUTH_CACHE_TTL`], and live sockets re-check their token then).
pub async fn revoked(state: &AppState, token_id: Uuid) {
    state.auth_cache.evict(token_id);
    state.revocations.revoke(token_id);
    if let Err(e) = state
        .bus
        .publish(&keys::auth_revocations(), &token_id.to_string())
        .await
    {
        tracing::warn!(error = %e, %token_id, "could not announce a token revocation");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bearer_scheme_is_case_insensitive() {
        for h in [
            "Bearer abc",
            "bearer abc",
            "BEARER abc",
            "bEaReR \tabc ",
            " Bearer  abc",
        ] {
            assert_eq!(bearer_token(h).unwrap(), "abc", "{h:?}");
        }
        for h in ["Basic abc", "Bearer", "Bearer   ", "Bearerabc", "abc"] {
            assert!(bearer_token(h).is_err(), "{h:?}");
        }
        assert!(bearer_token(&format!("Bearer {}", "x".repeat(10_000))).is_err());
    }

    #[test]
    fn login_input_is_bounded_at_the_edge() {
        let input = |u: &str, p: &str| LoginInput {
            username: u.into(),
            password: p.into(),
        };
        assert_eq!(check_login(&input(" mod ", "pw")).unwrap(), "mod");
        for (u, p, field) in [
            ("mo\0d", "pw", "username"),
            (&"x".repeat(1_000_000) as &str, "pw", "username"),
            ("mod", &"p".repeat(10_000) as &str, "password"),
        ] {
            let e = check_login(&input(u, p)).unwrap_err();
            assert!(matches!(e, AppError::BadRequest(_)), "{e}");
            assert!(e.to_string().starts_with(field), "{e}");
        }
        assert!(matches!(
            check_login(&input("", "pw")),
            Err(AppError::Validation(_))
        ));
    }

    #[test]
    fn passwords_and_tokens() {
        let h = hash_password("s3cret").unwrap();
        assert!(verify_password("s3cret", &h));
        assert!(!verify_password("nope", &h));
        assert!(!verify_password("s3cret", "not a hash"));
        let t = generate_token();
        assert!(t.starts_with(TOKEN_PREFIX) && t.len() == 4 + 48);
        assert_ne!(t, generate_token());
        assert_eq!(hash_token("a"), hash_token("a"));
        assert_ne!(hash_token("a"), hash_token("b"));
    }
}
