//! The dead-letter store of the chat flush: messages the database refused, kept with the
//! database's error so that one bad row never stops the others, and so that none is lost.
//! `lumio-server deadletter list` shows them; `lumio-server deadletter replay` checks each
//! again as ingest would and stores it: stored ones leave the store, refused ones stay with
//! their new error and one more attempt.

use uuid::Uuid;

use super::model::{ChatMessage, ChatMessageInput, DeadLetter};
use crate::error::{AppError, AppResult};
use crate::store::Db;

/// The most dead letters one list or replay reads.
pub const MAX_LIST: i64 = 10_000;

/// Dead letters, oldest first (of one account, or all), at most `limit`.
pub async fn list(db: &Db, account: Option<Uuid>, limit: i64) -> AppResult<Vec<DeadLetter>> {
    if !(1..=MAX_LIST).contains(&limit) {
        return Err(AppError::BadRequest(format!(
            "limit must be between 1 and {MAX_LIST}"
        )));
    }
    Ok(db.chat().dead_letters(account, limit).await?)
}

/// What became of a replayed dead letter.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Replayed {
    pub id: Uuid,
    /// `stored` (it left the dead-letter store), `refused` (still there, with `error`),
    /// or `missing` (no such dead letter).
    pub outcome: &'static str,
    pub error: Option<String>,
}

/// Check a dead letter again (as ingest checks a message) and store it.
pub async fn replay_one(db: &Db, id: Uuid) -> AppResult<Replayed> {
    let Some(dead) = db.chat().dead_letter(id).await? else {
        return Ok(Replayed {
            id,
            outcome: "missing",
            error: None,
        });
    };
    let msg = match serde_json::from_str::<ChatMessage>(&dead.payload) {
        Ok(m) => m,
        Err(e) => return refused(db, &dead, format!("not a readable chat message: {e}")).await,
    };
    if msg.account_id != dead.account_id || msg.id != dead.id {
        return refused(
            db,
            &dead,
            "the message's id or account does not match the dead letter's".into(),
        )
        .await;
    }
    // The same checks as at ingest: a message that would be refused now is not stored.
    if let Err(e) = super::service::validate(msg.account_id, &ChatMessageInput::from(&msg)) {
        return refused(db, &dead, format!("invalid: {e}")).await;
    }
    match db.chat().insert_messages(std::slice::from_ref(&msg)).await {
        Ok(_) => {
            db.chat().delete_dead_letter(id).await?;
            Ok(Replayed {
                id,
                outcome: "stored",
                error: None,
            })
        }
        Err(e) if crate::store::is_refusal(&e) => {
            refused(db, &dead, crate::store::error_text(&e)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A replay refused again: the dead letter stays, with the new error and one more attempt.
async fn refused(db: &Db, dead: &DeadLetter, error: String) -> AppResult<Replayed> {
    db.chat()
        .insert_dead_letters(&[DeadLetter {
            error: error.clone(),
            updated_at: crate::store::now(),
            ..dead.clone()
        }])
        .await?;
    Ok(Replayed {
        id: dead.id,
        outcome: "refused",
        error: Some(error),
    })
}
