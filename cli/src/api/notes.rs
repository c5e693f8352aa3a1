//! Moderator notes. Listing and writing go through GraphQL (`platformUserNotes`,
//! `createPlatformUserNote`); editing and deleting go through REST
//! (`PATCH|DELETE /v1/chat/users/{platform}/{user}/notes/{id}`), because that path names the
//! platform user too and the server answers 404 when the note is not that user's — the
//! GraphQL mutations take the note id alone, and `lumio notes edit|rm PLATFORM USER ID`
//! must not touch a note on someone else.

use reqwest::Method;
use serde::Serialize;
use uuid::Uuid;

use super::model::Note;
use super::ops::{create_platform_user_note, platform_user_notes};
use super::ops::{CreatePlatformUserNote, PlatformUserNotes};
use super::Client;
use crate::error::CliResult;
use crate::platform::Platform;

impl Client {
    /// The notes on a platform user, newest first.
    pub async fn list_notes(&self, platform: Platform, user: &str) -> CliResult<Vec<Note>> {
        let data = self
            .graphql::<PlatformUserNotes>(platform_user_notes::Variables {
                platform: platform.to_string(),
                platform_user_id: user.to_string(),
                account_id: self.account(),
            })
            .await?;
        Ok(data
            .platform_user_notes
            .into_iter()
            .map(Note::from)
            .collect())
    }

    /// Write a note on a platform user.
    pub async fn add_note(&self, platform: Platform, user: &str, text: &str) -> CliResult<Note> {
        let data = self
            .graphql::<CreatePlatformUserNote>(create_platform_user_note::Variables {
                platform: platform.to_string(),
                platform_user_id: user.to_string(),
                note: text.to_string(),
                account_id: self.account(),
            })
            .await?;
        Ok(Note::from(data.create_platform_user_note))
    }

    /// Change the text of a note of this platform user.
    pub async fn edit_note(
        &self,
        platform: Platform,
        user: &str,
        id: Uuid,
        text: &str,
    ) -> CliResult<Note> {
        let id = id.to_string();
        let path = ["chat", "users", platform.as_str(), user, "notes", &id];
        self.call(
            self.v1(Method::PATCH, &path)?
                .json(&NoteText { note: text }),
        )
        .await
    }

    /// Delete a note of this platform user.
    pub async fn delete_note(&self, platform: Platform, user: &str, id: Uuid) -> CliResult<()> {
        let id = id.to_string();
        let path = ["chat", "users", platform.as_str(), user, "notes", &id];
        self.call(self.v1(Method::DELETE, &path)?).await
    }
}

#[derive(Serialize)]
struct NoteText<'a> {
    note: &'a str,
}
