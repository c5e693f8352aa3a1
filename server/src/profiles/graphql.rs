//! GraphQL transport of profiles: the seed's `platformUserProfile`, and `followStatus`.

use async_graphql::{Context, Object, Result};

use super::model::*;
use super::service;
use crate::auth::Permission;
use crate::chatter::model::PlatformUserRef;
use crate::error::IntoGql;
use crate::graphql::caller;

#[derive(Default)]
pub struct ProfilesQuery;

#[Object]
impl ProfilesQuery {
    /// A chatter's unified profile with enrichment from the platform (`chat:userinfo`).
    async fn platform_user_profile(
        &self,
        ctx: &Context<'_>,
        platform: String,
        platform_user_id: String,
        account_id: Option<String>,
    ) -> Result<PlatformUserProfile> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatUserinfo, account_id.as_deref())
            .gql()?;
        let user = PlatformUserRef::parse(&platform, &platform_user_id).gql()?;
        service::profile(state, &actx, &user).await.gql()
    }

    /// Whether a chatter follows the account's channel (`chat:userinfo`).
    async fn follow_status(
        &self,
        ctx: &Context<'_>,
        platform: String,
        platform_user_id: String,
        account_id: Option<String>,
    ) -> Result<FollowStatus> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatUserinfo, account_id.as_deref())
            .gql()?;
        let user = PlatformUserRef::parse(&platform, &platform_user_id).gql()?;
        service::follow_status(state, &actx, &user).await.gql()
    }
}
