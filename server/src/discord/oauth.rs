//! The signed, expiring OAuth `state` of "add the bot to a server", and the consent URL.
//!
//! The state is `v1.<account>.<user>.<expires>.<nonce>.<mac>`: the account and the user who
//! asked (UUIDs, simple form), the expiry (Unix seconds), 16 random bytes, and an
//! HMAC-SHA256 over everything before it, keyed with `LUMIO_STATE_SECRET`. Every part is
//! URL-safe. The callback trusts the account and user only when the MAC verifies (compared
//! in constant time) and the time has not passed — so a forged or stale redirect cannot
//! attach a guild to someone else's account.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use uuid::Uuid;

use crate::error::{AppError, AppResult};

/// How long a state is accepted.
pub const STATE_TTL: chrono::Duration = chrono::Duration::minutes(15);

/// The scopes lumio asks for: the bot in the guild, and its slash commands.
pub const SCOPES: &str = "bot applications.commands";

/// The bot's permissions: View Channels, Send Messages, Embed Links, Read Message History,
/// Manage Messages, Ban Members, Moderate Members (time out) — what the features and the
/// moderation through Discord need.
pub const BOT_PERMISSIONS: u64 =
    (1 << 10) | (1 << 11) | (1 << 14) | (1 << 16) | (1 << 13) | (1 << 2) | (1 << 40);

/// Who asked to add the bot, as the state says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateClaims {
    pub account_id: Uuid,
    pub user_id: Uuid,
    pub expires_at: DateTime<Utc>,
    /// 32 hex digits, unique per state.
    pub nonce: String,
}

fn mac(secret: &[u8], payload: &str) -> Hmac<Sha256> {
    // HMAC takes a key of any length; this cannot fail.
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
    m.update(payload.as_bytes());
    m
}

/// A new state for `account` and `user`, valid until `now + STATE_TTL`: the state and its
/// claims.
pub fn sign(secret: &[u8], account: Uuid, user: Uuid, now: DateTime<Utc>) -> (String, StateClaims) {
    let expires = now + STATE_TTL;
    let mut nonce = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut nonce);
    let nonce = hex::encode(nonce);
    let payload = format!(
        "v1.{}.{}.{}.{nonce}",
        account.simple(),
        user.simple(),
        expires.timestamp(),
    );
    let tag = hex::encode(mac(secret, &payload).finalize().into_bytes());
    let claims = StateClaims {
        account_id: account,
        user_id: user,
        expires_at: DateTime::from_timestamp(expires.timestamp(), 0).unwrap_or(expires),
        nonce,
    };
    (format!("{payload}.{tag}"), claims)
}

fn invalid() -> AppError {
    AppError::BadRequest(
        "state is not one lumio issued, or was changed: start again with `authorizeDiscordGuild`"
            .into(),
    )
}

/// Check a state: its MAC, then its expiry.
pub fn verify(secret: &[u8], state: &str, now: DateTime<Utc>) -> AppResult<StateClaims> {
    let state = state.trim();
    let (payload, tag) = state.rsplit_once('.').ok_or_else(invalid)?;
    let tag = hex::decode(tag).map_err(|_| invalid())?;
    mac(secret, payload)
        .verify_slice(&tag)
        .map_err(|_| invalid())?;
    let parts: Vec<&str> = payload.split('.').collect();
    let [version, account, user, expires, nonce] = parts.as_slice() else {
        return Err(invalid());
    };
    if *version != "v1" {
        return Err(invalid());
    }
    let account_id = Uuid::parse_str(account).map_err(|_| invalid())?;
    let user_id = Uuid::parse_str(user).map_err(|_| invalid())?;
    let expires_at = expires
        .parse::<i64>()
        .ok()
        .and_then(|s| DateTime::from_timestamp(s, 0))
        .ok_or_else(invalid)?;
    if expires_at <= now {
        return Err(AppError::BadRequest(
            "state has expired (it is good for 15 minutes): start again with \
             `authorizeDiscordGuild`"
                .into(),
        ));
    }
    Ok(StateClaims {
        account_id,
        user_id,
        expires_at,
        nonce: nonce.to_string(),
    })
}

/// The consent URL: client id, scopes, permissions, `response_type=code`, the redirect URI
/// and the state, percent-encoded by `url`.
pub fn authorize_url(
    authorize: &str,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
) -> AppResult<String> {
    let mut url = url::Url::parse(authorize).map_err(AppError::internal)?;
    url.query_pairs_mut()
        .append_pair("client_id", client_id)
        .append_pair("scope", SCOPES)
        .append_pair("permissions", &BOT_PERMISSIONS.to_string())
        .append_pair("response_type", "code")
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("state", state);
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_state_verifies_until_it_expires_and_not_once_changed() {
        let secret = b"0123456789abcdef0123456789abcdef";
        let (a, u) = (Uuid::now_v7(), Uuid::now_v7());
        let now = Utc::now();
        let (state, claims) = sign(secret, a, u, now);
        let c = verify(secret, &state, now).unwrap();
        assert_eq!(c, claims);
        assert_eq!((c.account_id, c.user_id), (a, u));
        let expires = c.expires_at;
        assert!(state
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '.'));
        // Expired.
        let e = verify(secret, &state, expires + chrono::Duration::seconds(1)).unwrap_err();
        assert!(e.to_string().contains("expired"), "{e}");
        // Another secret, another account in the same MAC, a cut MAC: refused.
        assert!(verify(b"another secret, of enough length!!", &state, now).is_err());
        let other = state.replacen(
            &a.simple().to_string(),
            &Uuid::now_v7().simple().to_string(),
            1,
        );
        assert!(verify(secret, &other, now).is_err());
        assert!(verify(secret, &state[..state.len() - 2], now).is_err());
        assert!(verify(secret, "garbage", now).is_err());
    }

    #[test]
    fn the_url_carries_everything_encoded() {
        let u = authorize_url(
            "https://discord.com/oauth2/authorize",
            "123",
            "http://127.0.0.1:8080/api/discord-guilds/callback",
            "v1.a.b",
        )
        .unwrap();
        assert!(u.starts_with("https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions="), "{u}");
        assert!(
            u.contains(
                "redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2Fapi%2Fdiscord-guilds%2Fcallback"
            ),
            "{u}"
        );
        assert!(u.ends_with("&state=v1.a.b"), "{u}");
    }
}
