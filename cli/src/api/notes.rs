//! Moderator notes. Listing and writing go through GraphQL (`platformUserNotes`,
//! `createPlatformUserNote`); editing and deleting go through REST
//! (`PATCH|DELETE /v1/chat/users/{platform}/{user}/notes/{id}`), because that path names the
//! platform user too and the server answers 404 when the note is not that user's — the
//! GraphQL mutations take the note id alone, and `lumio notes edit|rm PLATFORM USER ID`
//! must not touch a note on someone else.

use reqwest::Method;
use serde_json::json;
use uuid::Uuid;

use super::model::Note;
use super::ops::{create_platform_user_note, platform_user_notes};
use super::ops::{CreatePlatformUserNote, PlatformUserNotes};
use super::Client;
use crate::cli::Platform;
use crate::error::CliResult;

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
        self.rest(
            Method::PATCH,
            &note_path(platform, user, id),
            Some(&json!({ "note": text })),
        )
        .await
    }

    /// Delete a note of this platform user.
    pub async fn delete_note(&self, platform: Platform, user: &str, id: Uuid) -> CliResult<()> {
        self.rest(Method::DELETE, &note_path(platform, user, id), None::<&()>)
            .await
    }
}

fn note_path(platform: Platform, user: &str, id: Uuid) -> String {
    format!("/v1/chat/users/{platform}/{}/notes/{id}", encode(user))
}

/// Percent-encode a path segment.
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn note_paths_encode_the_user() {
        let id = Uuid::nil();
        assert_eq!(
            note_path(Platform::Kick, "a b/c", id),
            "/v1/chat/users/kick/a%20b%2Fc/notes/00000000-0000-0000-0000-000000000000"
        );
        assert_eq!(encode("Über"), "%C3%9Cber");
    }
}
