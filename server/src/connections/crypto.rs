//! Platform tokens sealed at rest: XChaCha20-Poly1305 (RustCrypto `chacha20poly1305`) under the
//! 32-byte key of `LUMIO_SECRET_KEY`.
//!
//! A sealed value is `[version = 1][key id][24-byte random nonce][ciphertext + 16-byte tag]`.
//! The key id is the first byte of SHA-256("lumio-secret-key" ‖ key), so a value sealed under
//! another key is recognised (and a later rotation can keep old keys by id). The associated
//! data names the row and the column (`channel_credentials:{id}:access_token`): a ciphertext
//! copied to another row, or from the refresh column to the access column, does not open.
//! XChaCha's 192-bit nonces may be drawn at random for every value without a counter.

use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::error::AppError;

/// The environment variable that holds the key.
pub const SECRET_KEY_VAR: &str = "LUMIO_SECRET_KEY";
const VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const HEADER_LEN: usize = 2 + NONCE_LEN;

/// The key tokens are sealed with. Its `Debug` never shows it.
#[derive(Clone)]
pub struct SecretKey {
    key: [u8; 32],
    id: u8,
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretKey(id {}, …)", self.id)
    }
}

impl PartialEq for SecretKey {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.key == other.key
    }
}
impl Eq for SecretKey {}

/// Why a sealed value did not open.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("the sealed value is malformed")]
    Malformed,
    #[error(
        "the value was sealed with another LUMIO_SECRET_KEY (key id {found}, current {current})"
    )]
    OtherKey { found: u8, current: u8 },
    #[error("the sealed value does not open (altered, or bound to another row)")]
    Rejected,
}

impl SecretKey {
    /// Parse 32 bytes given as 64 hex digits or as base64 (standard or URL-safe, padded or
    /// not). The error says what was expected, never the value.
    pub fn parse(s: &str) -> Result<SecretKey, String> {
        let s = s.trim();
        let bytes = if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
            hex::decode(s).map_err(|_| "not hex".to_string())?
        } else {
            let engines = [
                &base64::engine::general_purpose::STANDARD,
                &base64::engine::general_purpose::STANDARD_NO_PAD,
                &base64::engine::general_purpose::URL_SAFE,
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
            ];
            engines
                .iter()
                .find_map(|e| e.decode(s).ok())
                .ok_or_else(|| {
                    "expected 32 bytes as 64 hex digits or base64 (e.g. `openssl rand -base64 32`)"
                        .to_string()
                })?
        };
        let key: [u8; 32] = bytes.try_into().map_err(|b: Vec<u8>| {
            format!(
                "expected 32 bytes (64 hex digits or 44 base64 characters), got {} bytes",
                b.len()
            )
        })?;
        Ok(SecretKey::from_bytes(key))
    }

    pub fn from_bytes(key: [u8; 32]) -> SecretKey {
        let mut h = Sha256::new();
        h.update(b"lumio-secret-key");
        h.update(key);
        let id = h.finalize()[0];
        SecretKey { key, id }
    }

    /// A fresh random key (tests, `lumio demo`).
    pub fn generate() -> SecretKey {
        let mut key = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut key);
        SecretKey::from_bytes(key)
    }

    pub fn id(&self) -> u8 {
        self.id
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new((&self.key).into())
    }

    /// Seal `plain` bound to `aad` (which names the row and column).
    pub fn seal(&self, plain: &str, aad: &str) -> Result<Vec<u8>, AppError> {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rngs::OsRng.fill_bytes(&mut nonce);
        let sealed = self
            .cipher()
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| AppError::internal(anyhow::anyhow!("sealing a token failed")))?;
        let mut out = Vec::with_capacity(HEADER_LEN + sealed.len());
        out.push(VERSION);
        out.push(self.id);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// Open a value sealed by [`SecretKey::seal`] with the same `aad`.
    pub fn open(&self, sealed: &[u8], aad: &str) -> Result<String, OpenError> {
        if sealed.len() < HEADER_LEN + 16 || sealed[0] != VERSION {
            return Err(OpenError::Malformed);
        }
        if sealed[1] != self.id {
            return Err(OpenError::OtherKey {
                found: sealed[1],
                current: self.id,
            });
        }
        let plain = self
            .cipher()
            .decrypt(
                XNonce::from_slice(&sealed[2..HEADER_LEN]),
                Payload {
                    msg: &sealed[HEADER_LEN..],
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| OpenError::Rejected)?;
        String::from_utf8(plain).map_err(|_| OpenError::Malformed)
    }
}

/// The associated data of a credential's column.
pub fn aad(row: uuid::Uuid, column: &str) -> String {
    format!("channel_credentials:{row}:{column}")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn keys_parse_from_hex_or_base64_and_errors_say_what_is_expected() {
        let hex_key = "00".repeat(32);
        let b64 = base64::engine::general_purpose::STANDARD.encode([7u8; 32]);
        let url = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode([0xfbu8; 32]);
        assert_eq!(SecretKey::parse(&hex_key).unwrap().key, [0u8; 32]);
        assert_eq!(SecretKey::parse(&b64).unwrap().key, [7u8; 32]);
        assert_eq!(SecretKey::parse(&url).unwrap().key, [0xfbu8; 32]);
        let short = base64::engine::general_purpose::STANDARD.encode([1u8; 16]);
        let e = SecretKey::parse(&short).unwrap_err();
        assert!(e.contains("got 16 bytes"), "{e}");
        let e = SecretKey::parse("not a key!").unwrap_err();
        assert!(e.contains("64 hex digits or base64"), "{e}");
        assert!(!format!("{:?}", SecretKey::parse(&b64).unwrap()).contains(&b64));
    }

    #[test]
    fn sealed_values_open_only_with_their_key_row_and_column() {
        let k = SecretKey::generate();
        let row = uuid::Uuid::new_v4();
        let a = aad(row, "access_token");
        let sealed = k.seal("tok-secret-123", &a).unwrap();
        assert_eq!(sealed[0], 1);
        assert_eq!(sealed[1], k.id());
        assert!(!sealed
            .windows("tok-secret-123".len())
            .any(|w| w == b"tok-secret-123"));
        assert_eq!(k.open(&sealed, &a).unwrap(), "tok-secret-123");
        // A fresh nonce each time.
        assert_ne!(sealed, k.seal("tok-secret-123", &a).unwrap());
        // Another row, another column.
        assert_eq!(
            k.open(&sealed, &aad(uuid::Uuid::new_v4(), "access_token")),
            Err(OpenError::Rejected)
        );
        assert_eq!(
            k.open(&sealed, &aad(row, "refresh_token")),
            Err(OpenError::Rejected)
        );
        // A flipped bit.
        let mut bad = sealed.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert_eq!(k.open(&bad, &a), Err(OpenError::Rejected));
        // Another key.
        let mut other = SecretKey::generate();
        while other.id() == k.id() {
            other = SecretKey::generate();
        }
        assert!(matches!(
            other.open(&sealed, &a),
            Err(OpenError::OtherKey { .. })
        ));
        assert_eq!(k.open(&sealed[..10], &a), Err(OpenError::Malformed));
    }
}
