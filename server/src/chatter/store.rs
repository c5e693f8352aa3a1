//! Queries of the chatter state: the account's channel connections, for the bot status
//! shown beside each platform's stream state.

use uuid::Uuid;

use crate::on_db;
use crate::store::Db;

impl Db {
    /// The account's channel connections: platform, channel name, `bot_enabled`; enabled
    /// ones first, then oldest first.
    pub async fn bot_connections(
        &self,
        account: Uuid,
    ) -> sqlx::Result<Vec<(String, String, bool)>> {
        on_db!(self, |pool| sqlx::query_as(
            "SELECT platform, channel_name, bot_enabled FROM channel_connections \
             WHERE account_id = $1 ORDER BY platform, bot_enabled DESC, created_at"
        )
        .bind(account)
        .fetch_all(pool)
        .await)
    }

    /// Every account and platform with a bot connection (for announcements to all bots).
    pub async fn all_bot_channels(&self) -> sqlx::Result<Vec<(Uuid, String)>> {
        on_db!(self, |pool| sqlx::query_as(
            "SELECT DISTINCT account_id, platform FROM channel_connections WHERE bot_enabled"
        )
        .fetch_all(pool)
        .await)
    }
}
