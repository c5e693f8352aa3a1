//! GraphQL transport of bot commands, with seed 004's names: `botCommands`,
//! `createBotCommand(input)`, `updateBotCommand(id, input)`, `deleteBotCommand(id)`,
//! `overrideGlobalCommand(commandId, input)`, `removeGlobalCommandOverride(commandId)` and
//! the system query `botCommandsForAccount(accountId, platform)`; plus the dry run, the
//! import, statistics, history, account features and seed 002's settable chatter flags.

use async_graphql::{Context, Object, Result};
use uuid::Uuid;

use super::model::*;
use super::service::{self, Caller};
use super::{dry_run, flags, import, usage};
use crate::auth::Permission;
use crate::chatter::model::PlatformUserRef;
use crate::error::IntoGql;
use crate::graphql::caller;

fn commands_caller(
    ctx: &Context<'_>,
    permission: Permission,
    account_id: Option<&str>,
) -> Result<Caller> {
    let (_, auth) = caller(ctx)?;
    Caller::from_auth(auth, permission, account_id).gql()
}

#[derive(Default)]
pub struct CommandsQuery;

#[Object]
impl CommandsQuery {
    /// The account's commands and the global ones it inherits, overrides applied
    /// (`bot-commands:read`); with `global`, only the global commands (admins).
    async fn bot_commands(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] global: bool,
        platform: Option<String>,
        account_id: Option<String>,
    ) -> Result<Vec<BotCommand>> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsRead, account_id.as_deref())?;
        service::list(state, &c, global, platform.as_deref())
            .await
            .gql()
    }

    /// One command as the account sees it (`bot-commands:read`).
    async fn bot_command(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        account_id: Option<String>,
    ) -> Result<BotCommand> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsRead, account_id.as_deref())?;
        service::get(state, &c, id).await.gql()
    }

    /// System query for bots: the account's enabled commands on a platform (system key).
    async fn bot_commands_for_account(
        &self,
        ctx: &Context<'_>,
        account_id: Uuid,
        platform: String,
    ) -> Result<Vec<BotCommand>> {
        let (state, auth) = caller(ctx)?;
        auth.principal.require_system().gql()?;
        service::for_account(state, account_id, &platform)
            .await
            .gql()
    }

    /// Uses of each command, most used first (`bot-commands:read`).
    async fn bot_command_stats(
        &self,
        ctx: &Context<'_>,
        account_id: Option<String>,
    ) -> Result<Vec<CommandStat>> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsRead, account_id.as_deref())?;
        usage::stats(state, &c).await.gql()
    }

    /// Every change of a command and of the account's override of it (`bot-commands:read`).
    async fn bot_command_history(
        &self,
        ctx: &Context<'_>,
        command_id: Uuid,
        account_id: Option<String>,
    ) -> Result<Vec<HistoryEntry>> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsRead, account_id.as_deref())?;
        service::command_history(state, &c, command_id).await.gql()
    }

    /// The account's features that gate template variables (`bot-commands:read`).
    async fn account_features(
        &self,
        ctx: &Context<'_>,
        account_id: Option<String>,
    ) -> Result<Vec<String>> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsRead, account_id.as_deref())?;
        usage::features(state, &c).await.gql()
    }

    /// A chatter's settable flags (`chat:userinfo`).
    async fn chatter_flags(
        &self,
        ctx: &Context<'_>,
        platform: String,
        platform_user_id: String,
        account_id: Option<String>,
    ) -> Result<ChatterFlags> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatUserinfo, account_id.as_deref())
            .gql()?;
        let user = PlatformUserRef::parse(&platform, &platform_user_id).gql()?;
        flags::flags_of(state, &actx, &user).await.gql()
    }
}

#[derive(Default)]
pub struct CommandsMutation;

#[Object]
impl CommandsMutation {
    /// Create a command of the account, or a global one with `global: true` (admins)
    /// (`bot-commands:create`).
    async fn create_bot_command(
        &self,
        ctx: &Context<'_>,
        input: CommandInput,
        account_id: Option<String>,
    ) -> Result<BotCommand> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsCreate, account_id.as_deref())?;
        service::create(state, &c, &input).await.gql()
    }

    /// Change a command; absent fields stay (`bot-commands:edit`).
    async fn update_bot_command(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        input: CommandUpdate,
        account_id: Option<String>,
    ) -> Result<BotCommand> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsEdit, account_id.as_deref())?;
        service::update(state, &c, id, &input).await.gql()
    }

    /// Delete a command (`bot-commands:delete`).
    async fn delete_bot_command(
        &self,
        ctx: &Context<'_>,
        id: Uuid,
        account_id: Option<String>,
    ) -> Result<bool> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsDelete, account_id.as_deref())?;
        service::delete(state, &c, id).await.gql()?;
        Ok(true)
    }

    /// Override a global command for the account (`bot-commands:edit`).
    async fn override_global_command(
        &self,
        ctx: &Context<'_>,
        command_id: Uuid,
        input: OverrideInput,
        account_id: Option<String>,
    ) -> Result<BotCommand> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsEdit, account_id.as_deref())?;
        service::set_override(state, &c, command_id, &input)
            .await
            .gql()
    }

    /// Remove the account's override of a global command (`bot-commands:delete`).
    async fn remove_global_command_override(
        &self,
        ctx: &Context<'_>,
        command_id: Uuid,
        account_id: Option<String>,
    ) -> Result<BotCommand> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsDelete, account_id.as_deref())?;
        service::remove_override(state, &c, command_id).await.gql()
    }

    /// What a message would do, nothing consumed (`bot-commands:read`).
    async fn test_bot_command(
        &self,
        ctx: &Context<'_>,
        input: TestInput,
        account_id: Option<String>,
    ) -> Result<TestResult> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsRead, account_id.as_deref())?;
        dry_run::test(state, &c, &input).await.gql()
    }

    /// Import commands in one transaction (`bot-commands:create`).
    async fn import_bot_commands(
        &self,
        ctx: &Context<'_>,
        input: ImportInput,
        account_id: Option<String>,
    ) -> Result<ImportResult> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsCreate, account_id.as_deref())?;
        import::import(state, &c, &input).await.gql()
    }

    /// Turn an account's feature on or off (admin `bot-commands:edit`).
    async fn set_account_feature(
        &self,
        ctx: &Context<'_>,
        account_id: Uuid,
        feature: String,
        enabled: bool,
    ) -> Result<Vec<String>> {
        let (state, _) = caller(ctx)?;
        let c = commands_caller(ctx, Permission::BotCommandsEdit, None)?;
        usage::set_feature(state, &c, account_id, &feature, enabled)
            .await
            .gql()
    }

    /// Set or clear a chatter's flag: invulnerable, vulnerable, greedy, itemlock (`chat:ban`).
    async fn set_chatter_flag(
        &self,
        ctx: &Context<'_>,
        platform: String,
        platform_user_id: String,
        flag: String,
        on: bool,
        account_id: Option<String>,
    ) -> Result<ChatterFlags> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::ChatBan, account_id.as_deref())
            .gql()?;
        let user = PlatformUserRef::parse(&platform, &platform_user_id).gql()?;
        flags::set_flag(state, &actx, &user, &flag, on).await.gql()
    }

    /// Set or clear (null or "") a chatter's welcome message, sent on their first message
    /// of each stream (`bot-commands:edit`).
    async fn set_welcome_message(
        &self,
        ctx: &Context<'_>,
        platform: String,
        platform_user_id: String,
        text: Option<String>,
        account_id: Option<String>,
    ) -> Result<Option<String>> {
        let (state, auth) = caller(ctx)?;
        let actx = auth
            .require_in(Permission::BotCommandsEdit, account_id.as_deref())
            .gql()?;
        let user = PlatformUserRef::parse(&platform, &platform_user_id).gql()?;
        flags::set_welcome(state, &actx, &user, text.as_deref())
            .await
            .gql()
    }
}
