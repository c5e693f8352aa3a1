//! GraphQL transport of auth.

use async_graphql::{Context, Object, Result};
use uuid::Uuid;

use super::model::*;
use super::service;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct AuthQuery;

#[Object]
impl AuthQuery {
    /// The caller: user, accounts with roles and effective permissions, admin permissions.
    async fn me(&self, ctx: &Context<'_>) -> Result<Me> {
        let (_, auth) = caller(ctx)?;
        service::me(&auth.principal).gql()
    }

    /// The caller's tokens.
    async fn api_tokens(&self, ctx: &Context<'_>) -> Result<Vec<TokenView>> {
        let (state, auth) = caller(ctx)?;
        service::list_tokens(state, &auth.principal).await.gql()
    }
}

#[derive(Default)]
pub struct AuthMutation;

#[Object]
impl AuthMutation {
    /// Create an API token limited to a subset of the caller's permissions.
    async fn create_api_token(
        &self,
        ctx: &Context<'_>,
        input: CreateTokenInput,
    ) -> Result<CreatedToken> {
        let (state, auth) = caller(ctx)?;
        service::create_token(state, &auth.principal, input)
            .await
            .gql()
    }

    /// Revoke one of the caller's tokens.
    async fn revoke_api_token(&self, ctx: &Context<'_>, id: Uuid) -> Result<bool> {
        let (state, auth) = caller(ctx)?;
        service::revoke_token(state, &auth.principal, id)
            .await
            .gql()?;
        Ok(true)
    }
}
