//! The delivery worker's reconciler (issue 15 §4): a Twitch row still `sent` longer than
//! [`super::delivery::DeliveryOptions::confirm_after`] missed its EventSub echo (no session
//! was reading). It is read back from Helix in batches per account: a ban or timeout is
//! confirmed when Get Banned Users lists it (a timeout with an expiry), an unban when it does
//! not; a mod/unmod by Get Moderators. When Twitch does not show it the row is `failed` ("Twitch
//! does not list the ban N s after it was sent") unless a later row for the same chatter
//! superseded it. Delete, warn and treatment cannot be read back: they stay `sent` and are
//! marked checked so they are not polled again. Each change is a live `moderation_delivery`.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde_json::Value;
use uuid::Uuid;

use super::delivery::announce;
use super::store::{Delivery, Reconciled};
use crate::error::AppError;
use crate::platforms::twitch::read::{self, Banned};
use crate::platforms::Platform;
use crate::state::AppState;

/// Rows read back per round.
const BATCH: i64 = 100;

/// Check the `sent` rows older than `confirm_after`; returns how many were looked at.
pub async fn round(state: &AppState, confirm_after: std::time::Duration) -> usize {
    let now = crate::store::now();
    let before = now - chrono::Duration::from_std(confirm_after).unwrap_or_default();
    let platform = Platform::Twitch.as_str();
    let rows = match state
        .db
        .moderation()
        .unchecked_sent(platform, before, BATCH)
        .await
    {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(error = %e, "cannot list sent moderation deliveries");
            return 0;
        }
    };
    let n = rows.len();
    let mut by_account: BTreeMap<Uuid, Vec<Delivery>> = BTreeMap::new();
    for d in rows {
        by_account.entry(d.account_id).or_default().push(d);
    }
    for (account, rows) in by_account {
        check_account(state, account, rows).await;
    }
    n
}

/// What Twitch shows for the users of one account's rows (None: could not be read now, try
/// again; `Refused`: cannot be read with this account's credentials, so the rows are marked
/// checked and stay `sent` instead of being polled for ever).
#[derive(Default)]
struct Seen {
    bans: Option<Read<HashMap<String, Banned>>>,
    mods: Option<Read<HashSet<String>>>,
}

enum Read<T> {
    Got(T),
    Refused,
}

/// A failed read: refused for good (no broadcaster credential, a scope not granted, a
/// credential to re-authorize) or worth another try (None).
fn refused<T>(account: Uuid, what: &str, e: AppError) -> Option<Read<T>> {
    tracing::info!(%account, error = %e, "cannot read Twitch {what} back");
    matches!(
        e,
        AppError::Validation(_) | AppError::Forbidden(_) | AppError::Conflict(_)
    )
    .then_some(Read::Refused)
}

async fn check_account(state: &AppState, account: Uuid, rows: Vec<Delivery>) {
    let users = |actions: &[&str]| -> Vec<String> {
        let set: HashSet<&str> = rows
            .iter()
            .filter(|d| actions.contains(&d.action.as_str()))
            .map(|d| d.platform_user_id.as_str())
            .collect();
        set.into_iter().map(String::from).collect()
    };
    let mut seen = Seen::default();
    let banned = users(&["ban", "unban", "timeout"]);
    if !banned.is_empty() {
        seen.bans = match read::banned_users(state, account, &banned).await {
            Ok(b) => Some(Read::Got(b)),
            Err(e) => refused(account, "bans", e),
        };
    }
    let modded = users(&["mod", "unmod"]);
    if !modded.is_empty() {
        seen.mods = match read::moderators_among(state, account, &modded).await {
            Ok(m) => Some(Read::Got(m)),
            Err(e) => refused(account, "moderators", e),
        };
    }
    let now = crate::store::now();
    for d in rows {
        let Some(shown) = shows(&seen, &d, now) else {
            continue;
        };
        let message;
        let verdict = match shown {
            Shown::Yes => Reconciled::Confirmed,
            Shown::Unreadable => Reconciled::Unreadable,
            Shown::No => {
                let after = d.sent_at.map_or(0, |s| (now - s).num_seconds().max(0));
                message = format!(
                    "Twitch does not list the {} {after} s after it was sent",
                    d.action
                );
                Reconciled::Failed(&message)
            }
        };
        match state
            .db
            .moderation()
            .reconcile_delivery(d.id, verdict)
            .await
        {
            Ok(Some(row)) => announce(state, &row).await,
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "cannot record a reconciled delivery"),
        }
    }
}

enum Shown {
    Yes,
    No,
    Unreadable,
}

/// Whether Twitch shows `d`'s action; None when the list could not be read (try later).
fn shows(seen: &Seen, d: &Delivery, now: chrono::DateTime<chrono::Utc>) -> Option<Shown> {
    let user = d.platform_user_id.as_str();
    let yes = |b: bool| if b { Shown::Yes } else { Shown::No };
    let action = d.action.as_str();
    // None: the list could not be read now; true: it cannot be read with these credentials.
    let refused = match action {
        "ban" | "timeout" | "unban" => matches!(seen.bans.as_ref()?, Read::Refused),
        "mod" | "unmod" => matches!(seen.mods.as_ref()?, Read::Refused),
        _ => true,
    };
    if refused {
        return Some(Shown::Unreadable);
    }
    let ban = match &seen.bans {
        Some(Read::Got(b)) => b.get(user),
        _ => None,
    };
    let modded = matches!(&seen.mods, Some(Read::Got(m)) if m.contains(user));
    Some(match action {
        "ban" => yes(ban.is_some_and(|b| b.expires_at.is_none())),
        "timeout" => {
            let listed = ban.is_some_and(|b| b.expires_at.is_some());
            let payload: Value = serde_json::from_str(&d.payload).unwrap_or_default();
            let ended = match (d.sent_at, payload["duration_seconds"].as_i64()) {
                (Some(s), Some(secs)) => s + chrono::Duration::seconds(secs) <= now,
                _ => false,
            };
            // A timeout already over is gone from the list: nothing to read back.
            if !listed && ended {
                Shown::Unreadable
            } else {
                yes(listed)
            }
        }
        "unban" => yes(ban.is_none()),
        "mod" => yes(modded),
        _ => yes(!modded),
    })
}
