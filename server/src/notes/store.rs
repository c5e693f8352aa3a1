//! Queries of the notes feature, for both databases.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::Note;
use crate::on_db;
use crate::store::Db;

const COLS: &str = "id, account_id, platform, platform_user_id, note, created_by, \
                    created_by_name, created_at, updated_at";

/// The store handle of the notes feature: `db.notes()`.
pub struct NotesStore<'a> {
    db: &'a Db,
}

impl Db {
    pub fn notes(&self) -> NotesStore<'_> {
        NotesStore { db: self }
    }
}

impl NotesStore<'_> {
    /// Notes on one user, newest first.
    pub async fn notes_of_user(
        &self,
        account_id: Uuid,
        platform: &str,
        platform_user_id: &str,
    ) -> sqlx::Result<Vec<Note>> {
        let sql = format!(
            "SELECT {COLS} FROM platform_user_notes \
             WHERE account_id = $1 AND platform = $2 AND platform_user_id = $3 \
             ORDER BY created_at DESC, id DESC"
        );
        on_db!(self.db, |pool| sqlx::query_as::<_, Note>(&sql)
            .bind(account_id)
            .bind(platform)
            .bind(platform_user_id)
            .fetch_all(pool)
            .await)
    }

    pub async fn note_by_id(&self, account_id: Uuid, id: Uuid) -> sqlx::Result<Option<Note>> {
        let sql =
            format!("SELECT {COLS} FROM platform_user_notes WHERE account_id = $1 AND id = $2");
        on_db!(self.db, |pool| sqlx::query_as::<_, Note>(&sql)
            .bind(account_id)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    pub async fn insert_note(&self, n: &Note) -> sqlx::Result<()> {
        let sql = format!(
            "INSERT INTO platform_user_notes ({COLS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
        );
        on_db!(self.db, |pool| sqlx::query(&sql)
            .bind(n.id)
            .bind(n.account_id)
            .bind(&n.platform)
            .bind(&n.platform_user_id)
            .bind(&n.note)
            .bind(n.created_by)
            .bind(&n.created_by_name)
            .bind(n.created_at)
            .bind(n.updated_at)
            .execute(pool)
            .await
            .map(|r| r.rows_affected()))?;
        Ok(())
    }

    /// Change a note's text; `None` when the account has no such note.
    pub async fn update_note(
        &self,
        account_id: Uuid,
        id: Uuid,
        note: &str,
        now: DateTime<Utc>,
    ) -> sqlx::Result<Option<Note>> {
        let sql = format!(
            "UPDATE platform_user_notes SET note = $1, updated_at = $2 \
             WHERE account_id = $3 AND id = $4 RETURNING {COLS}"
        );
        on_db!(self.db, |pool| sqlx::query_as::<_, Note>(&sql)
            .bind(note)
            .bind(now)
            .bind(account_id)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// Delete a note; false when the account has no such note.
    pub async fn delete_note(&self, account_id: Uuid, id: Uuid) -> sqlx::Result<bool> {
        let n = on_db!(self.db, |pool| sqlx::query(
            "DELETE FROM platform_user_notes WHERE account_id = $1 AND id = $2"
        )
        .bind(account_id)
        .bind(id)
        .execute(pool)
        .await
        .map(|r| r.rows_affected()))?;
        Ok(n > 0)
    }

    /// How many notes the account holds on a user.
    pub async fn count_of_user(
        &self,
        account: Uuid,
        platform: &str,
        user: &str,
    ) -> sqlx::Result<i64> {
        on_db!(self.db, |pool| sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM platform_user_notes \
             WHERE account_id = $1 AND platform = $2 AND platform_user_id = $3"
        )
        .bind(account)
        .bind(platform)
        .bind(user)
        .fetch_one(pool)
        .await)
    }
}
