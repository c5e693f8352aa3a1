//! GraphQL transport of moderation: the seed's `moderateChat`, `moderationLog`,
//! `updateUserTreatment`.

use async_graphql::{Context, Object, Result};

use super::model::*;
use super::service::{self, Actor};
use crate::auth::Permission;
use crate::chatter::model::PlatformUserRef;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct ModerationQuery;

#[Object]
impl ModerationQuery {
    /// A chatter's moderation history, newest first (`chat:userinfo`). Its cost in the
    /// query's complexity: 200 plus `limit` × the fields asked for.
    #[graphql(complexity = "crate::graphql::CALL_COST
        + crate::graphql::page_limit(limit, 50, 200) * child_complexity")]
    async fn moderation_log(
        &self,
        ctx: &Context<'_>,
        platform: String,
        platform_user_id: String,
        #[graphql(desc = "1-based (default 1)")] page: Option<i64>,
        #[graphql(desc = "1–200 (default 50)")] limit: Option<i64>,
        account_id: Option<String>,
    ) -> Result<ModerationLogPage> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatUserinfo, account_id.as_deref())
            .gql()?;
        let user = PlatformUserRef::parse(&platform, &platform_user_id).gql()?;
        service::log(state, &actx, Some(&user), page, limit)
            .await
            .gql()
    }

    /// The whole account's moderation history, newest first (`chat:userinfo`). Its cost in
    /// the query's complexity: 200 plus `limit` × the fields asked for.
    #[graphql(complexity = "crate::graphql::CALL_COST
        + crate::graphql::page_limit(limit, 50, 200) * child_complexity")]
    async fn account_moderation_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "1-based (default 1)")] page: Option<i64>,
        #[graphql(desc = "1–200 (default 50)")] limit: Option<i64>,
        account_id: Option<String>,
    ) -> Result<ModerationLogPage> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatUserinfo, account_id.as_deref())
            .gql()?;
        service::log(state, &actx, None, page, limit).await.gql()
    }
}

#[derive(Default)]
pub struct ModerationMutation;

#[Object]
impl ModerationMutation {
    /// Ban, unban, time out or delete (`chat:ban` / `chat:timeout` / `chat:delete`, by
    /// action).
    async fn moderate_chat(
        &self,
        ctx: &Context<'_>,
        input: ModerationInput,
        account_id: Option<String>,
    ) -> Result<ModerationResult> {
        let (state, auth) = caller(ctx)?;
        let action = service::action_of(&input).gql()?;
        let actx = auth
            .require_in(action.permission(), account_id.as_deref())
            .gql()?;
        service::moderate(state, &actx, &input, Actor::Staff)
            .await
            .gql()
    }

    /// Set a chatter's treatment: none, active_monitoring or restricted (`chat:ban`).
    async fn update_user_treatment(
        &self,
        ctx: &Context<'_>,
        platform: String,
        platform_user_id: String,
        treatment: String,
        account_id: Option<String>,
    ) -> Result<TreatmentResult> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatBan, account_id.as_deref())
            .gql()?;
        let user = PlatformUserRef::parse(&platform, &platform_user_id).gql()?;
        service::set_treatment(state, &actx, &user, &treatment)
            .await
            .gql()
    }
}
