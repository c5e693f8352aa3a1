//! The fake Discord as a test server's outside world, and what Discord tests share: adding
//! the bot to a guild through the real OAuth flow.

use lumio_server::config::{Config, DiscordOAuth};
use lumio_server::testing::TestServer;
use lumio_testkit::discord::{Consent, FakeDiscord};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::Api;

/// The redirect URI the test servers register (the fake checks it on the exchange).
pub const REDIRECT: &str = "http://lumio.test/api/discord-guilds/callback";

/// The server's Discord URLs (REST, OAuth, gateway) point at the fake, with its bot token.
impl super::Fake for FakeDiscord {
    fn configure(&self, c: &mut Config) {
        c.platforms.discord.api_url = self.api_url();
        c.platforms.discord.client_id = Some(self.application_id().to_string());
        c.platforms.discord.token = Some(self.bot_token().to_string());
        c.discord_oauth = DiscordOAuth {
            authorize_url: self.authorize_url(),
            client_secret: Some(self.client_secret().to_string()),
            redirect_uri: REDIRECT.to_string(),
        };
        c.discord_gateway_url = self.gateway_url();
    }
}

/// `authorizeDiscordGuild` as `token`: the consent URL.
pub async fn authorize_url(api: &Api, token: &str) -> String {
    let g = api
        .gql(
            Some(token),
            "mutation { authorizeDiscordGuild { url state expiresAt } }",
            json!({}),
        )
        .await;
    g["data"]["authorizeDiscordGuild"]["url"]
        .as_str()
        .unwrap_or_else(|| panic!("{g}"))
        .to_string()
}

/// Discord's redirect for `guild` approved by `fake`'s guild owner, sent to the server's
/// callback (the browser's hop); `(status, body)` asking for JSON.
pub async fn consent_and_callback(
    s: &TestServer,
    fake: &FakeDiscord,
    url: &str,
    guild: &str,
) -> (StatusCode, Value) {
    let redirect = fake
        .authorize(
            url,
            &Consent {
                user_id: fake.guild.owner.id.clone(),
                guild_id: Some(guild.to_string()),
                approve: true,
            },
        )
        .unwrap();
    callback(s, &redirect).await
}

pub async fn callback(s: &TestServer, redirect: &str) -> (StatusCode, Value) {
    let q = redirect.split_once('?').unwrap().1;
    let r = reqwest::Client::new()
        .get(format!("{}/api/discord-guilds/callback?{q}", s.url))
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    let st = r.status();
    (st, r.json().await.unwrap())
}

/// Connect `guild` to the demo account as `owner`.
pub async fn connect(
    s: &TestServer,
    fake: &FakeDiscord,
    api: &Api,
    owner: &str,
    guild: &str,
) -> Value {
    let url = authorize_url(api, owner).await;
    let (st, b) = consent_and_callback(s, fake, &url, guild).await;
    assert_eq!(st, StatusCode::OK, "{b}");
    b
}

pub async fn account_id(api: &Api, token: &str) -> String {
    let (_, me) = api
        .call(Method::GET, "/v1/auth/me", Some(token), None)
        .await;
    me["accounts"][0]["id"].as_str().unwrap().to_string()
}
