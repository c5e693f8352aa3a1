//! GraphQL transport of notes: the seed's `platformUserNotes`, `createPlatformUserNote`,
//! `updatePlatformUserNote`, `deletePlatformUserNote`.

use async_graphql::{Context, Object, Result};
use uuid::Uuid;

use super::model::Note;
use super::service;
use crate::auth::Permission;
use crate::chatter::model::PlatformUserRef;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct NotesQuery;

#[Object]
impl NotesQuery {
    /// Moderator notes on a platform user, newest first (`chat:notes`). Its cost in the
    /// query's complexity: 200 plus 100 × the fields asked for.
    #[graphql(complexity = "crate::graphql::CALL_COST + 100 * child_complexity")]
    async fn platform_user_notes(
        &self,
        ctx: &Context<'_>,
        platform: String,
        platform_user_id: String,
        #[graphql(desc = "Account id or slug; needed when the caller is in several accounts")]
        account_id: Option<String>,
    ) -> Result<Vec<Note>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatNotes, account_id.as_deref())
            .gql()?;
        let user = PlatformUserRef::parse(&platform, &platform_user_id).gql()?;
        service::list(state, &actx, &user).await.gql()
    }
}

#[derive(Default)]
pub struct NotesMutation;

#[Object]
impl NotesMutation {
    /// Write a note on a platform user (`chat:notes`).
    async fn create_platform_user_note(
        &self,
        ctx: &Context<'_>,
        platform: String,
        platform_user_id: String,
        note: String,
        account_id: Option<String>,
    ) -> Result<Note> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatNotes, account_id.as_deref())
            .gql()?;
        let user = PlatformUserRef::parse(&platform, &platform_user_id).gql()?;
        service::create(state, &actx, &user, &note).await.gql()
    }

    /// Change the text of a note (`chat:notes`).
    async fn update_platform_user_note(
        &self,
        ctx: &Context<'_>,
        note_id: Uuid,
        note: String,
        account_id: Option<String>,
    ) -> Result<Note> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatNotes, account_id.as_deref())
            .gql()?;
        service::update(state, &actx, note_id, None, &note)
            .await
            .gql()
    }

    /// Delete a note (`chat:notes`).
    async fn delete_platform_user_note(
        &self,
        ctx: &Context<'_>,
        note_id: Uuid,
        account_id: Option<String>,
    ) -> Result<bool> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatNotes, account_id.as_deref())
            .gql()?;
        service::delete(state, &actx, note_id, None).await.gql()?;
        Ok(true)
    }
}
