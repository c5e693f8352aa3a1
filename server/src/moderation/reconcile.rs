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

/// What Twitch shows for the users of one account's rows (None: could not be read).
#[derive(Default)]
struct Seen {
    bans: Option<HashMap<String, Banned>>,
    mods: Option<HashSet<String>>,
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
        match read::banned_users(state, account, &banned).await {
            Ok(b) => seen.bans = Some(b),
            Err(e) => tracing::info!(%account, error = %e, "cannot read Twitch bans back"),
        }
    }
    let modded = users(&["mod", "unmod"]);
    if !modded.is_empty() {
        match read::moderators_among(state, account, &modded).await {
            Ok(m) => seen.mods = Some(m),
            Err(e) => tracing::info!(%account, error = %e, "cannot read Twitch moderators back"),
        }
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
    Some(match d.action.as_str() {
        "ban" => yes(seen
            .bans
            .as_ref()?
            .get(user)
            .is_some_and(|b| b.expires_at.is_none())),
        "timeout" => {
            let listed = seen
                .bans
                .as_ref()?
                .get(user)
                .is_some_and(|b| b.expires_at.is_some());
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
        "unban" => yes(!seen.bans.as_ref()?.contains_key(user)),
        "mod" => yes(seen.mods.as_ref()?.contains(user)),
        "unmod" => yes(!seen.mods.as_ref()?.contains(user)),
        _ => Shown::Unreadable,
    })
}
