//! One fetcher per emote provider, each speaking that provider's real API and reading its
//! real response shape.

use std::time::Duration;

use serde_json::{json, Value};

use super::model::Emote;
use uuid::Uuid;

use crate::config::{PlatformApi, PlatformsConfig};
use crate::platforms::connector::{Connector, PlatformEmote};
use crate::platforms::twitch::act::{self, Unread};
use crate::platforms::Platform;
use crate::state::AppState;

/// How long one provider may take.
pub const PROVIDER_TIMEOUT: Duration = Duration::from_secs(5);

/// The emote providers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    Twitch,
    SevenTv,
    Bttv,
    Ffz,
    Trovo,
    Discord,
}

impl Provider {
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::Twitch => "twitch",
            Provider::SevenTv => "7tv",
            Provider::Bttv => "bttv",
            Provider::Ffz => "ffz",
            Provider::Trovo => "trovo",
            Provider::Discord => "discord",
        }
    }

    /// The providers of a platform's channels.
    pub fn of(platform: Platform) -> &'static [Provider] {
        match platform {
            Platform::Twitch => &[
                Provider::Twitch,
                Provider::SevenTv,
                Provider::Bttv,
                Provider::Ffz,
            ],
            Platform::Kick => &[Provider::SevenTv],
            Platform::Trovo => &[Provider::Trovo],
            Platform::Discord => &[Provider::Discord],
            Platform::Youtube => &[],
        }
    }
}

#[derive(Debug)]
pub enum ProviderError {
    NotConfigured(String),
    Failed(String),
}

fn api(p: Provider, c: &PlatformsConfig) -> &PlatformApi {
    match p {
        Provider::Twitch => &c.twitch,
        Provider::SevenTv => &c.seventv,
        Provider::Bttv => &c.bttv,
        Provider::Ffz => &c.ffz,
        Provider::Trovo => &c.trovo,
        Provider::Discord => &c.discord,
    }
}

fn s(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// Send and read JSON; 404 is "this channel has none" (an empty answer), other failures
/// name the provider and the reason.
// The span names the provider, never the request (its credentials).
#[tracing::instrument(name = "emote_provider", level = "info", skip_all, fields(provider = p.as_str()))]
async fn fetch(
    p: Provider,
    url: &str,
    req: reqwest::RequestBuilder,
) -> Result<Option<Value>, ProviderError> {
    let resp = req.timeout(PROVIDER_TIMEOUT).send().await.map_err(|e| {
        ProviderError::Failed(if e.is_timeout() {
            format!("{} did not answer within {PROVIDER_TIMEOUT:?}", p.as_str())
        } else {
            format!("{} unreachable at {url}", p.as_str())
        })
    })?;
    let status = resp.status();
    if status == reqwest::StatusCode::NOT_FOUND {
        return Ok(None);
    }
    if !status.is_success() {
        return Err(ProviderError::Failed(format!(
            "{} answered {status}",
            p.as_str()
        )));
    }
    resp.json::<Value>()
        .await
        .map(Some)
        .map_err(|_| ProviderError::Failed(format!("{} answered something not JSON", p.as_str())))
}

/// The emotes `p` has for a channel of `platform`; Twitch's are read with the credential of
/// `account`'s Twitch channel.
pub async fn channel_emotes(
    state: &AppState,
    account: Uuid,
    p: Provider,
    platform: Platform,
    channel: &str,
) -> Result<Vec<Emote>, ProviderError> {
    let http = &state.http;
    let a = api(p, &state.config.platforms);
    let base = &a.api_url;
    let emote = |id: String, name: String, url: String, animated: bool| Emote {
        id,
        name,
        provider: p.as_str().to_string(),
        url,
        animated,
    };
    match p {
        Provider::Twitch => Ok(twitch_channel_emotes(state, account, channel)
            .await?
            .into_iter()
            .map(|e| emote(e.id, e.name, e.url, e.animated))
            .collect()),
        Provider::SevenTv => {
            let url = format!("{base}/users/{platform}/{channel}");
            let v = fetch(p, &url, http.get(&url)).await?.unwrap_or(Value::Null);
            Ok(v["emote_set"]["emotes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| {
                    let host = s(&e["data"]["host"]["url"]);
                    let file = e["data"]["host"]["files"]
                        .as_array()
                        .and_then(|f| f.first())
                        .map(|f| s(&f["name"]))
                        .unwrap_or_else(|| "1x.webp".into());
                    let host = if host.starts_with("//") {
                        format!("https:{host}")
                    } else {
                        host
                    };
                    emote(
                        s(&e["id"]),
                        s(&e["name"]),
                        format!("{host}/{file}"),
                        e["data"]["animated"].as_bool().unwrap_or(false),
                    )
                })
                .collect())
        }
        Provider::Bttv => {
            let url = format!("{base}/cached/users/twitch/{channel}");
            let v = fetch(p, &url, http.get(&url)).await?.unwrap_or(Value::Null);
            Ok(["channelEmotes", "sharedEmotes"]
                .iter()
                .flat_map(|k| v[*k].as_array().cloned().unwrap_or_default())
                .map(|e| {
                    let id = s(&e["id"]);
                    emote(
                        id.clone(),
                        s(&e["code"]),
                        format!("https://cdn.betterttv.net/emote/{id}/1x"),
                        e["animated"].as_bool().unwrap_or(e["imageType"] == "gif"),
                    )
                })
                .collect())
        }
        Provider::Ffz => {
            let url = format!("{base}/room/id/{channel}");
            let v = fetch(p, &url, http.get(&url)).await?.unwrap_or(Value::Null);
            Ok(v["sets"]
                .as_object()
                .into_iter()
                .flat_map(|sets| sets.values())
                .flat_map(|set| set["emoticons"].as_array().cloned().unwrap_or_default())
                .map(|e| {
                    let id = s(&e["id"]);
                    let url = e["urls"]["1"]
                        .as_str()
                        .map(|u| {
                            if u.starts_with("//") {
                                format!("https:{u}")
                            } else {
                                u.to_string()
                            }
                        })
                        .unwrap_or_else(|| format!("https://cdn.frankerfacez.com/emote/{id}/1"));
                    emote(id, s(&e["name"]), url, !e["animated"].is_null())
                })
                .collect())
        }
        Provider::Trovo => {
            let Some(client) = &a.client_id else {
                return Err(ProviderError::NotConfigured(
                    "trovo: set LUMIO_TROVO_CLIENT_ID".into(),
                ));
            };
            let url = format!("{base}/getemotes");
            let req = http
                .post(&url)
                .header("Client-ID", client)
                .header("Accept", "application/json")
                .json(
                    &json!({"emote_type": 0, "channel_id": [channel.parse::<i64>().unwrap_or(0)]}),
                );
            let v = fetch(p, &url, req).await?.unwrap_or(Value::Null);
            let c = &v["channels"];
            let channel_emotes = c["customizedEmotes"]["channel"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|ch| ch["emotes"].as_array().cloned().unwrap_or_default());
            let others = ["eventEmotes", "globalEmotes"]
                .iter()
                .flat_map(|k| c[*k].as_array().cloned().unwrap_or_default());
            Ok(channel_emotes
                .chain(others)
                .map(|e| {
                    let url = s(&e["url"]);
                    let animated = !s(&e["gifp"]).is_empty();
                    emote(s(&e["name"]), s(&e["name"]), url, animated)
                })
                .collect())
        }
        Provider::Discord => {
            let Some(token) = &a.token else {
                return Err(ProviderError::NotConfigured(
                    "discord: set LUMIO_DISCORD_TOKEN".into(),
                ));
            };
            let url = format!("{base}/guilds/{channel}/emojis");
            let req = http
                .get(&url)
                .header("Authorization", format!("Bot {token}"));
            let v = fetch(p, &url, req).await?.unwrap_or(Value::Null);
            Ok(v.as_array()
                .into_iter()
                .flatten()
                .map(|e| {
                    let id = s(&e["id"]);
                    let animated = e["animated"].as_bool().unwrap_or(false);
                    let ext = if animated { "gif" } else { "png" };
                    emote(
                        id.clone(),
                        s(&e["name"]),
                        format!("https://cdn.discordapp.com/emojis/{id}.{ext}"),
                        animated,
                    )
                })
                .collect())
        }
    }
}

/// Twitch's emotes of `channel`, asked with the account's own Twitch credential.
async fn twitch_channel_emotes(
    state: &AppState,
    account: Uuid,
    channel: &str,
) -> Result<Vec<PlatformEmote>, ProviderError> {
    act::read(state, account, &[], |c, token, mut on| {
        on.broadcaster_id = channel.to_string();
        async move { c.channel_emotes(&token, &on).await }
    })
    .await
    .map_err(|e| match e {
        Unread::NotConnected(m) | Unread::Refused(m) => ProviderError::NotConfigured(m),
        Unread::Failed(m) => ProviderError::Failed(m),
    })
}
