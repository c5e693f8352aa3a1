//! The GraphQL schema: one Query / Mutation part per feature, merged here.

use async_graphql::http::GraphiQLSource;
use async_graphql::{Context, Data, MergedObject, MergedSubscription, SDLExportOptions, Schema};
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
    crate::admin::graphql::AdminQuery,
    crate::auth::graphql::AuthQuery,
    crate::chat::graphql::ChatQuery,
    crate::chatter::graphql::ChatterQuery,
    crate::commands::graphql::CommandsQuery,
    crate::discord::graphql::DiscordQuery,
    crate::emotes::graphql::EmotesQuery,
    crate::moderation::graphql::ModerationQuery,
    crate::notes::graphql::NotesQuery,
    crate::profiles::graphql::ProfilesQuery,
);

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    crate::admin::graphql::AdminMutation,
    crate::auth::graphql::AuthMutation,
    crate::chat::graphql::ChatMutation,
    crate::chatter::graphql::ChatterMutation,
    crate::commands::graphql::CommandsMutation,
    crate::discord::graphql::DiscordMutation,
    crate::live_controls::graphql::LiveControlsMutation,
    crate::moderation::graphql::ModerationMutation,
    crate::notes::graphql::NotesMutation,
);

#[derive(MergedSubscription, Default)]
pub struct SubscriptionRoot(crate::chat::graphql::ChatSubscription);

pub type LumioSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

pub fn build_schema() -> LumioSchema {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
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
    Html(
        GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql/ws")
            .finish(),
    )
}

/// GraphQL subscriptions over WebSocket (graphql-transport-ws and graphql-ws). The token is
/// taken from the Authorization header, or from the `connection_init` payload
/// (`{"token": "…"}` or `{"Authorization": "Bearer …"}`), with an optional `accountId`.
pub async fn graphql_ws(
    State(state): State<AppState>,
    headers: HeaderMap,
    protocol: async_graphql_axum::GraphQLProtocol,
    upgrade: axum::extract::WebSocketUpgrade,
) -> axum::response::Response {
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| async move {
            let schema = state.schema.clone();
            let closing = state.clone();
            let serve = async_graphql_axum::GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let mut headers = headers;
                    let token = payload
                        .get("token")
                        .and_then(|v| v.as_str())
                        .map(|t| format!("Bearer {t}"))
                        .or_else(|| {
                            payload
                                .get("Authorization")
                                .or_else(|| payload.get("authorization"))
                                .and_then(|v| v.as_str())
                                .map(String::from)
                        });
                    if let Some(value) = token.and_then(|t| t.parse().ok()) {
                        headers.insert(axum::http::header::AUTHORIZATION, value);
                    }
                    let mut auth = Auth::from_headers(&state, &headers).await;
                    if let (Ok(a), Some(acc)) =
                        (&mut auth, payload.get("accountId").and_then(|v| v.as_str()))
                    {
                        a.account = Some(acc.to_string());
                    }
                    let mut data = Data::default();
                    data.insert(state);
                    data.insert(GqlAuth(auth));
                    Ok(data)
                })
                .serve();
            // A shutting-down server drops the connection rather than wait on it.
            tokio::select! {
                () = serve => {}
                () = crate::app::closed(&closing) => {}
            }
        })
}
