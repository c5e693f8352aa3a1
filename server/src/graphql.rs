//! The GraphQL schema: one Query / Mutation part per feature, merged here.

use async_graphql::http::GraphiQLSource;
use async_graphql::{Context, EmptySubscription, MergedObject, SDLExportOptions, Schema};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse};
use axum::Json;

use crate::app::AppState;
use crate::auth::Auth;
use crate::error::{AppError, AppResult, IntoGql};
use crate::http::extract::ApiJson;

#[derive(MergedObject, Default)]
pub struct QueryRoot(
    crate::auth::graphql::AuthQuery,
    crate::chat::graphql::ChatQuery,
    crate::notes::graphql::NotesQuery,
);

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    crate::auth::graphql::AuthMutation,
    crate::chat::graphql::ChatMutation,
    crate::notes::graphql::NotesMutation,
);

pub type LumioSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

pub fn build_schema() -> LumioSchema {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        EmptySubscription,
    )
    .limit_depth(16)
    .limit_complexity(2000)
    .finish()
}

/// The SDL as checked in at `schema/schema.graphql`.
pub fn sdl() -> String {
    build_schema().sdl_with_options(
        SDLExportOptions::new()
            .sorted_fields()
            .sorted_arguments()
            .sorted_enum_items(),
    )
}

/// The caller of a GraphQL request (an authentication failure is kept and reported by the
/// first field that needs a caller).
pub struct GqlAuth(pub Result<Auth, AppError>);

/// State and caller of the request, for resolvers.
pub fn caller<'a>(ctx: &Context<'a>) -> async_graphql::Result<(&'a AppState, &'a Auth)> {
    caller_inner(ctx).gql()
}

fn caller_inner<'a>(ctx: &Context<'a>) -> AppResult<(&'a AppState, &'a Auth)> {
    let state = ctx
        .data::<AppState>()
        .map_err(|e| AppError::internal(anyhow::anyhow!("{}", e.message)))?;
    let auth = ctx
        .data::<GqlAuth>()
        .map_err(|e| AppError::internal(anyhow::anyhow!("{}", e.message)))?;
    match &auth.0 {
        Ok(a) => Ok((state, a)),
        Err(e) => Err(match e {
            AppError::Unauthorized(m) => AppError::Unauthorized(m.clone()),
            AppError::BadRequest(m) => AppError::BadRequest(m.clone()),
            other => AppError::Unavailable(other.to_string()),
        }),
    }
}

pub async fn graphql_handler(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiJson(request): ApiJson<async_graphql::Request>,
) -> impl IntoResponse {
    let auth = Auth::from_headers(&state, &headers).await;
    let request = request.data(state.clone()).data(GqlAuth(auth));
    Json(state.schema.execute(request).await)
}

pub async fn graphiql() -> impl IntoResponse {
    Html(GraphiQLSource::build().endpoint("/graphql").finish())
}
