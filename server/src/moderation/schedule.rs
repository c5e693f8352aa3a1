//! The durable schedule of delayed platform actions (seed 002's re-mod): rows of
//! `scheduled_actions` in the database, so they survive restarts on both backends. Each
//! instance polls for due rows and claims one with a conditional UPDATE and a lease; only
//! the instance whose claim succeeded carries it out, so an action runs once however many
//! instances run. An instance that dies mid-action leaves a claim whose lease runs out,
//! and another instance takes it over (at-least-once; giving mod twice is harmless).

use std::time::Duration;

use uuid::Uuid;

use super::service::{remod_now, REMOD};
use crate::error::AppResult;
use crate::platforms::Platform;
use crate::state::AppState;

/// How often an instance looks for due actions.
pub const POLL: Duration = Duration::from_millis(500);
/// How long a claim holds before another instance may take it over.
const LEASE_SECS: i64 = 30;

pub struct Scheduler {
    state: AppState,
    pub instance: String,
}

impl Scheduler {
    pub fn new(state: AppState) -> Scheduler {
        Scheduler {
            state,
            instance: Uuid::now_v7().simple().to_string(),
        }
    }

    /// Carry out every due action; how many.
    pub async fn run_once(&self) -> AppResult<usize> {
        let mut done = 0;
        while let Some(a) = self
            .state
            .db
            .moderation()
            .claim_due_action(
                &self.instance,
                crate::store::now(),
                chrono::Duration::seconds(LEASE_SECS),
            )
            .await?
        {
            match (a.action.as_str(), a.platform.parse::<Platform>()) {
                (REMOD, Ok(platform)) => {
                    remod_now(&self.state, a.account_id, platform, &a.platform_user_id).await?;
                    tracing::info!(account = %a.account_id, %platform, user = a.platform_user_id,
                        "moderator given mod back after their timeout");
                }
                (other, _) => {
                    tracing::warn!(action = other, id = %a.id, "unknown scheduled action skipped")
                }
            }
            self.state
                .db
                .moderation()
                .finish_action(a.id, &self.instance)
                .await?;
            done += 1;
        }
        Ok(done)
    }

    /// Poll until `shutdown` fires (a `worker` span named `scheduler`).
    pub fn spawn(
        state: AppState,
        shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> tokio::task::JoinHandle<()> {
        crate::worker::spawn_worker("scheduler", POLL, shutdown, Scheduler::new(state))
    }
}

impl crate::worker::Periodic for Scheduler {
    async fn pass(&self) {
        if let Err(e) = self.run_once().await {
            tracing::warn!(error = %e, "scheduled actions failed; retrying");
        }
    }
}
