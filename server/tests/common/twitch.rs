//! The fake Twitch as a test server's outside world, and what Twitch tests share.

use lumio_server::config::Config;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::FakeTwitch;
use uuid::Uuid;

/// The server's Twitch URLs (OAuth, Helix, EventSub) point at the fake; tokens get a key.
impl super::Fake for FakeTwitch {
    fn configure(&self, c: &mut Config) {
        lumio_server::testing::point_twitch_fake_at(self, c);
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

/// Connect the fake broadcaster's channel with a token the fake issues to `user_id` with
/// `scopes`, pasted as `role`; the connection as the API answers it.
pub async fn connect_channel(
    api: &super::Api,
    token: &str,
    fake: &FakeTwitch,
    user_id: &str,
    role: &str,
    scopes: &[&str],
) -> serde_json::Value {
    let pair = fake.issue_user_token(user_id, scopes);
    let (st, c) = api
        .call(
            reqwest::Method::POST,
            "/v1/connections/twitch/tokens",
            Some(token),
            Some(serde_json::json!({"access_token": pair.access_token,
                "refresh_token": pair.refresh_token, "role": role,
                "channel": fake.broadcaster.login})),
        )
        .await;
    assert_eq!(st, reqwest::StatusCode::CREATED, "{c}");
    c
}
