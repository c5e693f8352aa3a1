//! Token revocations reach every instance at once, and end the live connections opened with
//! the token.
//!
//! Revoking a token (`DELETE /v1/auth/tokens/{id}`, logout) deletes it, evicts it from this
//! instance's auth cache and publishes its id on `lumio:auth:revocations`. Every instance
//! listens there ([`listen`]): it evicts the token from its own cache and tells its live
//! connections through [`Revocations`]. A live connection (the `/v1/chat/ws` socket, a
//! GraphQL subscription connection) holds a [`LiveToken`] and ends with close code 1008
//! (policy violation) when its token is revoked or expires. When the bus may have lost
//! announcements (the subscription lagged or reconnected), every cache is emptied and every
//! live connection looks its token up again.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures::StreamExt;
use tokio::sync::broadcast;
use uuid::Uuid;

use super::principal::Principal;
use super::service::AuthCache;
use crate::bus::{keys, Bus, LAGGED};
use crate::state::AppState;

/// What live connections hear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revoked {
    /// This token was revoked.
    Token(Uuid),
    /// Announcements may have been missed: look your token up again.
    Unknown,
}

/// This instance's fan-out of revocations to its live connections.
pub struct Revocations {
    tx: broadcast::Sender<Revoked>,
}

impl Default for Revocations {
    fn default() -> Self {
        Revocations {
            tx: broadcast::channel(1024).0,
        }
    }
}

impl Revocations {
    pub fn revoke(&self, token: Uuid) {
        let _ = self.tx.send(Revoked::Token(token));
    }

    pub fn unknown(&self) {
        let _ = self.tx.send(Revoked::Unknown);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Revoked> {
        self.tx.subscribe()
    }
}

/// Why a live connection was ended by its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenEnded {
    Revoked,
    Expired,
}

impl TokenEnded {
    /// The close reason sent with code 1008.
    pub fn reason(self) -> &'static str {
        match self {
            TokenEnded::Revoked => "token revoked",
            TokenEnded::Expired => "token expired",
        }
    }
}

/// The token a live connection was opened with, watched for revocation and expiry.
pub struct LiveToken {
    state: AppState,
    token: Option<(Uuid, String, Option<DateTime<Utc>>)>,
    rx: broadcast::Receiver<Revoked>,
}

impl LiveToken {
    /// Watch the principal's token (nothing to watch for the system key or no token).
    /// Subscribe before the connection is accepted, so no revocation is missed.
    pub fn watch(state: &AppState, principal: &Principal) -> LiveToken {
        let token = match principal {
            Principal::User(u) => {
                Some((u.token.id, u.token.token_hash.clone(), u.token.expires_at))
            }
            _ => None,
        };
        LiveToken {
            rx: state.revocations.subscribe(),
            state: state.clone(),
            token,
        }
    }

    /// Resolves when the token is revoked or expires (never without a token).
    pub async fn ended(&mut self) -> TokenEnded {
        let Some((id, hash, expires)) = self.token.clone() else {
            return std::future::pending().await;
        };
        let expiry = async {
            match expires {
                None => std::future::pending::<()>().await,
                Some(at) => {
                    let left = (at - crate::store::now())
                        .to_std()
                        .unwrap_or(Duration::ZERO);
                    tokio::time::sleep(left).await;
                }
            }
        };
        tokio::pin!(expiry);
        loop {
            let heard = tokio::select! {
                () = &mut expiry => return TokenEnded::Expired,
                heard = self.rx.recv() => heard,
            };
            match heard {
                Ok(Revoked::Token(t)) if t == id => return TokenEnded::Revoked,
                Ok(Revoked::Token(_)) => {}
                Ok(Revoked::Unknown) | Err(broadcast::error::RecvError::Lagged(_)) => {
                    // Look the token up again; a database that cannot answer keeps the
                    // connection (it is checked again at the next doubt).
                    match self.state.db.auth().token_by_hash(&hash).await {
                        Ok(None) => return TokenEnded::Revoked,
                        Ok(Some(_)) => {}
                        Err(e) => tracing::warn!(error = %e, "cannot re-check a live token"),
                    }
                }
                Err(broadcast::error::RecvError::Closed) => {
                    return std::future::pending().await;
                }
            }
        }
    }
}

/// Listen for revocations announced on the bus until the server shuts down. Returns once
/// the subscription is active (or failed once; it is then retried in the background).
pub async fn listen(
    bus: Arc<dyn Bus>,
    cache: Arc<AuthCache>,
    revocations: Arc<Revocations>,
    closing: tokio::sync::watch::Receiver<bool>,
) {
    let first = bus.subscribe(&keys::auth_revocations()).await;
    tokio::spawn(run(bus, cache, revocations, closing, first.ok()));
}

async fn run(
    bus: Arc<dyn Bus>,
    cache: Arc<AuthCache>,
    revocations: Arc<Revocations>,
    mut closing: tokio::sync::watch::Receiver<bool>,
    mut sub: Option<crate::bus::Subscription>,
) {
    let mut delay = Duration::from_millis(100);
    loop {
        let mut s = match sub.take() {
            Some(s) => s,
            None => {
                match bus.subscribe(&keys::auth_revocations()).await {
                    Ok(s) => {
                        // Revocations announced while we were not listening are unknown.
                        cache.clear();
                        revocations.unknown();
                        delay = Duration::from_millis(100);
                        s
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot listen for token revocations; retrying");
                        tokio::select! {
                            _ = tokio::time::sleep(delay) => {}
                            _ = closing.wait_for(|c| *c) => return,
                        }
                        delay = (delay * 2).min(Duration::from_secs(5));
                        continue;
                    }
                }
            }
        };
        loop {
            let msg = tokio::select! {
                msg = s.next() => msg,
                _ = closing.wait_for(|c| *c) => return,
            };
            match msg {
                None => break,
                Some(m) if m == LAGGED => {
                    cache.clear();
                    revocations.unknown();
                }
                Some(m) => match Uuid::try_parse(&m) {
                    Ok(id) => {
                        cache.evict(id);
                        revocations.revoke(id);
                    }
                    Err(_) => tracing::debug!("ignoring a malformed revocation"),
                },
            }
        }
    }
}
