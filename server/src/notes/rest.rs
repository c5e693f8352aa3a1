//! REST transport of notes: `/v1/chat/users/{platform}/{platform_user_id}/notes…`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, patch};
use axum::{Json, Router};
use uuid::Uuid;

use super::model::{Note, NoteInput};
use super::service;
use crate::auth::{Auth, Permission};
use crate::chatter::model::PlatformUserRef;
use crate::error::{AppResult, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/chat/users/{platform}/{platform_user_id}/notes",
            get(list_notes).post(create_note),
        )
        .route(
            "/chat/users/{platform}/{platform_user_id}/notes/{note_id}",
            patch(update_note).delete(delete_note),
        )
}

/// Moderator notes on a platform user, newest first.
#[utoipa::path(get, path = "/v1/chat/users/{platform}/{platform_user_id}/notes", tag = "notes",
    security(("bearer" = [])),
    params(("platform" = String, Path, description = "twitch, youtube, kick, trovo or discord"),
        ("platform_user_id" = String, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Vec<Note>), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn list_notes(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id)): ApiPath<(String, String)>,
) -> AppResult<Json<Vec<Note>>> {
    let ctx = auth.require(Permission::ChatNotes)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    Ok(Json(service::list(&state, &ctx, &user).await?))
}

/// Write a note on a platform user.
#[utoipa::path(post, path = "/v1/chat/users/{platform}/{platform_user_id}/notes", tag = "notes",
    security(("bearer" = [])), request_body = NoteInput,
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 201, body = Note), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_note(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id)): ApiPath<(String, String)>,
    ApiJson(input): ApiJson<NoteInput>,
) -> AppResult<(StatusCode, Json<Note>)> {
    let ctx = auth.require(Permission::ChatNotes)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    let note = service::create(&state, &ctx, &user, &input.note).await?;
    Ok((StatusCode::CREATED, Json(note)))
}

/// Change the text of a note.
#[utoipa::path(patch, path = "/v1/chat/users/{platform}/{platform_user_id}/notes/{note_id}",
    tag = "notes", security(("bearer" = [])), request_body = NoteInput,
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("note_id" = Uuid, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 200, body = Note), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn update_note(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id, note_id)): ApiPath<(String, String, Uuid)>,
    ApiJson(input): ApiJson<NoteInput>,
) -> AppResult<Json<Note>> {
    let ctx = auth.require(Permission::ChatNotes)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    Ok(Json(
        service::update(&state, &ctx, note_id, Some(&user), &input.note).await?,
    ))
}

/// Delete a note.
#[utoipa::path(delete, path = "/v1/chat/users/{platform}/{platform_user_id}/notes/{note_id}",
    tag = "notes", security(("bearer" = [])),
    params(("platform" = String, Path), ("platform_user_id" = String, Path),
        ("note_id" = Uuid, Path), ("X-Lumio-Account" = Option<String>, Header)),
    responses((status = 204), (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn delete_note(
    State(state): State<AppState>,
    auth: Auth,
    ApiPath((platform, user_id, note_id)): ApiPath<(String, String, Uuid)>,
) -> AppResult<StatusCode> {
    let ctx = auth.require(Permission::ChatNotes)?;
    let user = PlatformUserRef::parse(&platform, &user_id)?;
    service::delete(&state, &ctx, note_id, Some(&user)).await?;
    Ok(StatusCode::NO_CONTENT)
}
