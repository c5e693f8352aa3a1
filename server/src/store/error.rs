//! [`StoreError`]: what a query's failure means, the same on both databases, mapped once to
//! the API (REST status + body and GraphQL `extensions.code`, through [`AppError`]). A
//! unique violation keeps the constraint's name (PostgreSQL names it; SQLite names the
//! columns, kept as `table.column, …`), and the answer names the field it guards.

use crate::error::AppError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A unique constraint refused a row; `constraint` names it.
    #[error("conflicts with an existing row ({constraint})")]
    Conflict { constraint: String },
    #[error("the database is not reachable")]
    Unavailable(#[source] sqlx::Error),
    #[error(transparent)]
    Other(sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                let constraint = db
                    .constraint()
                    .map(String::from)
                    .unwrap_or_else(|| sqlite_constraint(db.message()));
                StoreError::Conflict { constraint }
            }
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                StoreError::Unavailable(e)
            }
            _ => StoreError::Other(e),
        }
    }
}

/// SQLite names the columns of a unique violation ("UNIQUE constraint failed: t.a, t.b"), not
/// the constraint: the constraints a caller tells apart are mapped back to their PostgreSQL
/// names, the others keep the column list.
fn sqlite_constraint(message: &str) -> String {
    let cols = message
        .split_once(':')
        .map(|(_, c)| c.trim())
        .unwrap_or(message);
    match cols {
        "discord_guild_connections.guild_id" => "discord_guild_connections_guild_id_key",
        "discord_guild_channel_mappings.guild_id, discord_guild_channel_mappings.feature" => {
            "discord_guild_channel_mappings_guild_feature_key"
        }
        "discord_guild_settings.guild_id" => "discord_guild_settings_pkey",
        c if c.contains("bot_commands.source") => "bot_commands_source",
        c if c.contains("bot_commands.account_id") => "bot_commands_account_name",
        c if c.contains("bot_commands.name") => "bot_commands_global_name",
        c if c.contains("bot_command_overrides") => "bot_command_overrides_account_command",
        c if c.contains("bot_command_stats") => "bot_command_stats_pkey",
        c if c.contains("account_features") => "account_features_pkey",
        other => return other.to_string(),
    }
    .to_string()
}

/// The answer to a conflict on a constraint whose meaning is more than "already exists".
fn conflict_message(constraint: &str) -> Option<&'static str> {
    Some(match constraint {
        "discord_guild_connections_guild_id_key" => {
            "guild_id: this Discord server is already connected to a lumio account"
        }
        "bot_commands_account_name" => {
            "name: the account already has a command of that name (bot_commands_account_name)"
        }
        "bot_commands_global_name" => {
            "name: a global command of that name exists (bot_commands_global_name)"
        }
        "bot_commands_source" => {
            "source_id: a command was already imported from that source id (bot_commands_source)"
        }
        _ => return None,
    })
}

/// The API field a unique constraint guards: its PostgreSQL name, or the last column SQLite
/// names (`table.column`).
pub fn conflict_field(constraint: &str) -> Option<&'static str> {
    // Named constraints whose name does not end with the field.
    let named = match constraint {
        "bot_commands_source" => Some("source_id"),
        "bot_command_overrides_account_command" => Some("command_id"),
        "platform_messages_platform_id_idx" => Some("platform_message_id"),
        _ => None,
    };
    if named.is_some() {
        return named;
    }
    let last = constraint
        .rsplit(',')
        .next()
        .unwrap_or(constraint)
        .trim()
        .rsplit('.')
        .next()
        .unwrap_or(constraint);
    let stem = last
        .strip_suffix("_key")
        .or_else(|| last.strip_suffix("_idx"))
        .unwrap_or(last);
    // Longest first: `platform_user_id` before `user_id`, `username` before `name`.
    const FIELDS: [&str; 14] = [
        "platform_message_id",
        "platform_user_id",
        "channel_name",
        "command_id",
        "token_hash",
        "source_id",
        "username",
        "guild_id",
        "user_id",
        "feature",
        "slug",
        "role",
        "name",
        "id",
    ];
    FIELDS.into_iter().find(|f| stem.ends_with(f))
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound("not found".into()),
            StoreError::Conflict { constraint } => AppError::Conflict(
                match (conflict_message(&constraint), conflict_field(&constraint)) {
                    (Some(message), _) => message.into(),
                    (None, Some(field)) => format!("{field}: already exists"),
                    (None, None) => "already exists".into(),
                },
            ),
            StoreError::Unavailable(_) => {
                AppError::Unavailable("the database is not reachable".into())
            }
            StoreError::Other(e) => AppError::Internal(anyhow::anyhow!(super::error_text(&e))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::conflict_field;

    #[test]
    fn a_conflict_names_the_field_on_both_databases() {
        for (c, f) in [
            ("accounts_slug_key", "slug"),
            ("accounts.slug", "slug"),
            ("users_username_key", "username"),
            (
                "channel_connections_account_id_platform_channel_name_key",
                "channel_name",
            ),
            (
                "channel_connections.account_id, channel_connections.platform, \
                 channel_connections.channel_name",
                "channel_name",
            ),
            (
                "platform_users_account_id_platform_platform_user_id_key",
                "platform_user_id",
            ),
            ("channel_credentials_connection_role_key", "role"),
            ("bot_commands_account_name", "name"),
            ("bot_commands_source", "source_id"),
            (
                "bot_commands.account_id, bot_commands.source, bot_commands.source_id",
                "source_id",
            ),
            (
                "discord_guild_channel_mappings_guild_feature_key",
                "feature",
            ),
        ] {
            assert_eq!(conflict_field(c), Some(f), "{c}");
        }
        assert_eq!(conflict_field("something_else"), None);
    }

    #[test]
    fn sqlite_names_the_constraints_callers_tell_apart() {
        use super::sqlite_constraint as c;
        assert_eq!(
            c("UNIQUE constraint failed: discord_guild_connections.guild_id"),
            "discord_guild_connections_guild_id_key"
        );
        assert_eq!(
            c("UNIQUE constraint failed: bot_commands.account_id, bot_commands.name"),
            "bot_commands_account_name"
        );
        assert_eq!(
            c("UNIQUE constraint failed: bot_commands.name"),
            "bot_commands_global_name"
        );
        assert_eq!(
            c(
                "UNIQUE constraint failed: bot_commands.account_id, bot_commands.source, \
               bot_commands.source_id"
            ),
            "bot_commands_source"
        );
        assert_eq!(
            c("UNIQUE constraint failed: accounts.slug"),
            "accounts.slug"
        );
    }
}
