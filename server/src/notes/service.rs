//! Notes business logic, shared by REST and GraphQL.

use uuid::Uuid;

use super::model::{Note, MAX_NOTE_CHARS};
use crate::auth::AccountCtx;
use crate::chatter::model::PlatformUserRef;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

fn clean_note(note: &str) -> AppResult<String> {
    let note = note.trim();
    crate::validate::no_control_multiline("note", note)?;
    let len = note.chars().count();
    if len == 0 {
        return Err(AppError::Validation("note must not be empty".into()));
    }
    if len > MAX_NOTE_CHARS {
        return Err(AppError::Validation(format!(
            "note is {len} characters long; the limit is {MAX_NOTE_CHARS}"
        )));
    }
    Ok(note.to_string())
}

fn no_note(id: Uuid) -> AppError {
    AppError::NotFound(format!("no note {id}"))
}

pub async fn list(
    state: &AppState,
    ctx: &AccountCtx,
    user: &PlatformUserRef,
) -> AppResult<Vec<Note>> {
    Ok(state
        .db
        .notes()
        .notes_of_user(
            ctx.account_id,
            user.platform.as_str(),
            &user.platform_user_id,
        )
        .await?)
}

pub async fn create(
    state: &AppState,
    ctx: &AccountCtx,
    user: &PlatformUserRef,
    note: &str,
) -> AppResult<Note> {
    let text = clean_note(note)?;
    let now = crate::store::now();
    let note = Note {
        id: Uuid::now_v7(),
        account_id: ctx.account_id,
        platform: user.platform.as_str().to_string(),
        platform_user_id: user.platform_user_id.clone(),
        note: text,
        created_by: Some(ctx.user_id),
        created_by_name: ctx.user_name.clone(),
        created_at: now,
        updated_at: now,
    };
    state.db.notes().insert_note(&note).await?;
    let event = crate::chat::model::ChatEvent::NoteCreated {
        cursor: crate::chat::model::encode_cursor(Uuid::now_v7()),
        user: crate::chat::model::UserEvent {
            platform: note.platform.clone(),
            user_id: note.platform_user_id.clone(),
            note: Some(note.note.clone()),
            moderator: note.created_by_name.clone(),
            ..Default::default()
        },
    };
    crate::events::emit(state, ctx.account_id, &event).await?;
    Ok(note)
}

/// Check that a note exists in the account and, when `user` is given (REST paths name the
/// user), that it is a note on that user.
async fn find(
    state: &AppState,
    ctx: &AccountCtx,
    id: Uuid,
    user: Option<&PlatformUserRef>,
) -> AppResult<Note> {
    let note = state
        .db
        .notes()
        .note_by_id(ctx.account_id, id)
        .await?
        .ok_or_else(|| no_note(id))?;
    if let Some(u) = user {
        if note.platform != u.platform.as_str() || note.platform_user_id != u.platform_user_id {
            return Err(no_note(id));
        }
    }
    Ok(note)
}

pub async fn update(
    state: &AppState,
    ctx: &AccountCtx,
    id: Uuid,
    user: Option<&PlatformUserRef>,
    note: &str,
) -> AppResult<Note> {
    let text = clean_note(note)?;
    find(state, ctx, id, user).await?;
    state
        .db
        .notes()
        .update_note(ctx.account_id, id, &text, crate::store::now())
        .await?
        .ok_or_else(|| no_note(id))
}

pub async fn delete(
    state: &AppState,
    ctx: &AccountCtx,
    id: Uuid,
    user: Option<&PlatformUserRef>,
) -> AppResult<()> {
    find(state, ctx, id, user).await?;
    if state.db.notes().delete_note(ctx.account_id, id).await? {
        Ok(())
    } else {
        Err(no_note(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_rules() {
        assert_eq!(clean_note("  hi  ").unwrap(), "hi");
        assert!(matches!(clean_note("   "), Err(AppError::Validation(_))));
        assert!(clean_note(&"é".repeat(2000)).is_ok());
        assert!(matches!(
            clean_note(&"x".repeat(2001)),
            Err(AppError::Validation(_))
        ));
        assert!(matches!(clean_note("a\0b"), Err(AppError::BadRequest(_))));
        assert!(clean_note("two\nlines").is_ok());
    }
}
