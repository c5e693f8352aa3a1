//! GraphQL operations, generated from `cli/graphql/*.graphql` against the checked-in schema.
#![allow(clippy::all, missing_docs)]

use graphql_client::GraphQLQuery;

/// Scalars of the schema, as they travel.
pub type UUID = String;
pub type DateTime = String;
pub type JSON = serde_json::Value;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/notes.graphql",
    response_derives = "Debug, Clone"
)]
pub struct PlatformUserNotes;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/notes.graphql",
    response_derives = "Debug, Clone"
)]
pub struct CreatePlatformUserNote;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/live_controls.graphql",
    response_derives = "Debug, Clone"
)]
pub struct CancelRaid;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/live_controls.graphql",
    response_derives = "Debug, Clone"
)]
pub struct EndPoll;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/live_controls.graphql",
    response_derives = "Debug, Clone"
)]
pub struct EndPrediction;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/moderation.graphql",
    response_derives = "Debug, Clone"
)]
pub struct ModerationLog;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/moderation.graphql",
    response_derives = "Debug, Clone"
)]
pub struct AccountModerationLog;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/moderation.graphql",
    response_derives = "Debug, Clone"
)]
pub struct UpdateUserTreatment;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/discord.graphql",
    response_derives = "Debug, Clone"
)]
pub struct DiscordGuildConnections;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/discord.graphql",
    response_derives = "Debug, Clone"
)]
pub struct AuthorizeDiscordGuild;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/discord.graphql",
    response_derives = "Debug, Clone"
)]
pub struct DisconnectDiscordGuild;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/discord.graphql",
    response_derives = "Debug, Clone"
)]
pub struct DiscordGuildChannels;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/discord.graphql",
    response_derives = "Debug, Clone"
)]
pub struct DiscordGuildRoles;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/discord.graphql",
    response_derives = "Debug, Clone"
)]
pub struct DiscordGuildCommands;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/discord.graphql",
    response_derives = "Debug, Clone"
)]
pub struct DiscordGuildFeatures;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/discord.graphql",
    response_derives = "Debug, Clone"
)]
pub struct SetDiscordGuildFeature;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/admin.graphql",
    response_derives = "Debug, Clone"
)]
pub struct AdminDiscordGuilds;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/admin.graphql",
    response_derives = "Debug, Clone"
)]
pub struct AdminDeleteDiscordGuild;

#[derive(GraphQLQuery)]
#[graphql(
    schema_path = "../schema/schema.graphql",
    query_path = "graphql/admin.graphql",
    response_derives = "Debug, Clone"
)]
pub struct AdminAuditLog;
