//! The fake Twitch as a test server's outside world, and what Twitch tests share.

use lumio_server::config::Config;
use lumio_server::connections::crypto::SecretKey;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::FakeTwitch;
use uuid::Uuid;

/// The server's Twitch URLs (OAuth, Helix, EventSub) point at the fake; tokens get a key.
impl super::Fake for FakeTwitch {
    fn configure(&self, c: &mut Config) {
        c.platforms.twitch.api_url = self.helix_url();
        c.platforms.twitch.client_id = Some(self.client_id().to_string());
        c.twitch_auth.auth_url = self.oauth_url();
        c.twitch_auth.client_secret = Some(self.client_secret().to_string());
        c.secret_key = Some(SecretKey::generate());
        c.twitch_eventsub_url = self.eventsub_ws_url();
    }
}

/// The id of the account `slug`.
pub async fn account_of(s: &TestServer, slug: &str) -> Uuid {
    let db = &s.state.db;
    lumio_server::on_db!(db, |pool| sqlx::query_scalar::<_, Uuid>(
        "SELECT id FROM accounts WHERE slug = $1"
    )
    .bind(slug)
    .fetch_one(pool)
    .await)
    .unwrap()
}
