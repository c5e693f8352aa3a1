//! The GraphQL schema: one Query / Mutation part per feature, merged here.

use async_graphql::http::GraphiQLSource;
use async_graphql::{Context, Data, MergedObject, MergedSubscription, SDLExportOptions, Schema};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse};
use axum::Json;

use crate::auth::revocation::LiveToken;
use crate::auth::Auth;
use crate::error::{AppError, AppResult, IntoGql};
use crate::http::extract::ApiJson;
use crate::state::AppState;

#[derive(MergedObject, Default)]
pub struct QueryRoot(
    crate::admin::graphql::AdminQuery,
    crate::auth::graphql::AuthQuery,
    crate::bots::graphql::BotsQuery,
    crate::chat::graphql::ChatQuery,
    crate::chatter::graphql::ChatterQuery,
    crate::commands::graphql::CommandsQuery,
    crate::connections::graphql::ConnectionsQuery,
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
    crate::bots::graphql::BotsMutation,
    crate::chat::graphql::ChatMutation,
    crate::chatter::graphql::ChatterMutation,
    crate::commands::graphql::CommandsMutation,
    crate::connections::graphql::ConnectionsMutation,
    crate::discord::graphql::DiscordMutation,
    crate::live_controls::graphql::LiveControlsMutation,
    crate::moderation::graphql::ModerationMutation,
    crate::notes::graphql::NotesMutation,
);

#[derive(MergedSubscription, Default)]
pub struct SubscriptionRoot(crate::chat::graphql::ChatSubscription);

pub type LumioSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// The most a query may cost. A plain field costs 1 (plus what it selects); a list read from
/// the store costs [`CALL_COST`] plus its `limit` times what each item selects; a filtered
/// count [`COUNT_COST`]. So one history page of 500 messages with every field passes, and a
/// query of 200 `chatHistory` aliases is refused before anything runs.
pub const MAX_COMPLEXITY: usize = 20_000;
/// The cost of a field that reads a list from the store, before its items.
pub const CALL_COST: usize = 200;
/// The cost of a message count (with a filter it reads every buffered message).
pub const COUNT_COST: usize = 1_000;

/// A list field's `limit` as its complexity counts it: the default when absent, clamped to
/// the allowed range (an out-of-range limit is refused when the field runs).
pub fn page_limit(limit: Option<i64>, default: i64, max: i64) -> usize {
    limit.unwrap_or(default).clamp(1, max) as usize
}

pub fn build_schema() -> LumioSchema {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .limit_depth(16)
    .limit_complexity(MAX_COMPLEXITY)
    .finish()
}

/// async-graphql's own refusal of a too costly query, as a clear error with a code.
fn explain_complexity(mut response: async_graphql::Response) -> async_graphql::Response {
    for e in &mut response.errors {
        if e.message == "Query is too complex." {
            e.message = format!(
                "the query is too complex: its cost is over {MAX_COMPLEXITY}. Each list read \
                 from the store (chatHistory, moderationLog, …) costs {CALL_COST} plus its \
                 limit times the fields asked for, a message count {COUNT_COST}: ask for \
                 fewer lists, smaller limits or fewer fields"
            );
            let ext = e.extensions.get_or_insert_with(Default::default);
            ext.set("code", "bad_request");
            ext.set("status", 400);
        }
    }
    response
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
    Json(explain_complexity(state.schema.execute(request).await))
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
/// (`{"token": "…"}` or `{"Authorization": "Bearer …"}`), with an optional `accountId`. When
/// that token is revoked (on any instance) or expires, the connection is closed with 1008.
pub async fn graphql_ws(
    State(state): State<AppState>,
    headers: HeaderMap,
    protocol: async_graphql_axum::GraphQLProtocol,
    upgrade: axum::extract::WebSocketUpgrade,
) -> axum::response::Response {
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| serve_graphql_ws(state, headers, protocol, socket))
}

async fn serve_graphql_ws(
    state: AppState,
    headers: HeaderMap,
    protocol: async_graphql_axum::GraphQLProtocol,
    socket: axum::extract::ws::WebSocket,
) {
    use axum::extract::ws::{close_code, CloseFrame, Message};
    use futures::{SinkExt, StreamExt};

    let schema = state.schema.clone();
    let closing = state.clone();
    let (mut sink, stream) = socket.split();
    // async-graphql writes into a channel and this task forwards to the socket, so that it
    // can still close the socket (with a code) when the token ends.
    let (out, mut outgoing) = futures::channel::mpsc::channel::<Message>(64);
    let (token_tx, token_rx) = tokio::sync::oneshot::channel::<LiveToken>();
    let serve = async_graphql_axum::GraphQLWebSocket::new_with_pair(out, stream, schema, protocol)
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
            if let Ok(a) = &auth {
                let _ = token_tx.send(LiveToken::watch(&state, &a.principal));
            }
            let mut data = Data::default();
            data.insert(state);
            data.insert(GqlAuth(auth));
            Ok(data)
        })
        .serve();
    tokio::pin!(serve);
    let token_ended = async move {
        match token_rx.await {
            Ok(mut live) => live.ended().await,
            Err(_) => std::future::pending().await,
        }
    };
    tokio::pin!(token_ended);
    let closed = crate::state::closed(&closing);
    tokio::pin!(closed);
    let mut serving = true;
    loop {
        tokio::select! {
            () = &mut serve, if serving => serving = false,
            msg = outgoing.next() => match msg {
                Some(m) => {
                    if sink.send(m).await.is_err() {
                        break;
                    }
                }
                // async-graphql is done and everything it wrote was sent.
                None => break,
            },
            // A shutting-down server drops the connection rather than wait on it.
            () = &mut closed => break,
            why = &mut token_ended => {
                let _ = sink
                    .send(Message::Close(Some(CloseFrame {
                        code: close_code::POLICY,
                        reason: why.reason().into(),
                    })))
                    .await;
                break;
            }
        }
    }
}
