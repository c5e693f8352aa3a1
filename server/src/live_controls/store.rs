//! Queries of the live controls: the account's Twitch channel connection.

use uuid::Uuid;

use crate::on_db;
use crate::store::Db;

/// An account's channel connection on a platform.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Connection {
    pub id: Uuid,
    pub channel_name: String,
    pub channel_id: Option<String>,
}

impl Db {
    /// The account's first connection on a platform.
    pub async fn connection_of(
        &self,
        account: Uuid,
        platform: &str,
    ) -> sqlx::Result<Option<Connection>> {
        on_db!(self, |pool| sqlx::query_as::<_, Connection>(
            "SELECT id, channel_name, channel_id FROM channel_connections \
             WHERE account_id = $1 AND platform = $2 ORDER BY created_at LIMIT 1"
        )
        .bind(account)
        .bind(platform)
        .fetch_optional(pool)
        .await)
    }

    /// Remember a connection's platform channel id once it has been looked up.
    pub async fn set_channel_id(&self, connection: Uuid, channel_id: &str) -> sqlx::Result<()> {
        on_db!(self, |pool| sqlx::query(
            "UPDATE channel_connections SET channel_id = $1, updated_at = $2 WHERE id = $3"
        )
        .bind(channel_id)
        .bind(crate::store::now())
        .bind(connection)
        .execute(pool)
        .await
        .map(|_| ()))
    }
}
