//! The fake Twitch as a test server's outside world, and what Twitch tests share.

use lumio_server::config::Config;
use lumio_server::testing::TestServer;
use lumio_testkit::twitch::{FakeTwitch, TokenPair};
use uuid::Uuid;

/// The server's Twitch URLs (OAuth, Helix, EventSub) point at the fake; tokens get a key.
impl super::Fake for FakeTwitch {
    fn configure(&self, c: &mut Config) {
        lumio_server::testing::point_twitch_fake_at(self, c);
    }
}

/// The id of the account `slug`.
pub async fn account_of(s: &TestServer, slug: &str) -> Uuid {
    (s.state.db.auth().account_id_by_slug(slug).await)
        .unwrap()
        .unwrap_or_else(|| panic!("no account {slug}"))
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
    paste_tokens(api, token, fake, &pair, role).await
}

/// Paste `pair` as the fake broadcaster's channel's `role` credential
/// (`POST /v1/connections/twitch/tokens`); the connection as the API answers it.
pub async fn paste_tokens(
    api: &super::Api,
    token: &str,
    fake: &FakeTwitch,
    pair: &TokenPair,
    role: &str,
) -> serde_json::Value {
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

/// What a moderating bot is granted: chat, bans, deletions, and reading the moderation
/// events; not the suspicious-users treatment (`moderator:manage:suspicious_users`).
pub const MODERATING_BOT: &[&str] = &[
    "user:read:chat",
    "user:write:chat",
    "user:bot",
    "moderator:read:banned_users",
    "moderator:manage:banned_users",
    "moderator:read:chat_messages",
    "moderator:manage:chat_messages",
    "moderator:read:moderators",
    "moderator:read:warnings",
    "moderator:read:suspicious_users",
];

/// Connect the fake broadcaster's channel with the fake bot's token ([`MODERATING_BOT`]) and
/// turn the account's Twitch bot on (`POST /v1/bot-toggle`); the bot's tokens.
pub async fn connect_moderating_bot(api: &super::Api, token: &str, fake: &FakeTwitch) -> TokenPair {
    connect_bot_with(api, token, fake, MODERATING_BOT).await
}

/// [`connect_moderating_bot`] with the bot granted `scopes`.
pub async fn connect_bot_with(
    api: &super::Api,
    token: &str,
    fake: &FakeTwitch,
    scopes: &[&str],
) -> TokenPair {
    let pair = fake.issue_user_token(&fake.bot.id, scopes);
    paste_tokens(api, token, fake, &pair, "bot").await;
    let (st, b) = api
        .call(
            reqwest::Method::POST,
            "/v1/bot-toggle",
            Some(token),
            Some(serde_json::json!({"platform": "twitch", "enabled": true})),
        )
        .await;
    assert_eq!(st, reqwest::StatusCode::OK, "{b}");
    pair
}
