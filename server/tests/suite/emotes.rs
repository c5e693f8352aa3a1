//! Emotes on both backends against local fakes of Twitch (the strict one), 7TV, BetterTTV,
//! FrankerFaceZ, Trovo and Discord answering in their real response shapes: each provider
//! read right, answers cached on the bus, one provider down never takes the others with it.
//! Twitch is asked with the account's own channel credential: a token refused with a 401 is
//! refreshed once and the new one used, a missing scope is named, no connection is said.

#![allow(clippy::unwrap_used)]

use crate::common;

use common::twitch::MODERATING_BOT;
use common::Api;
use lumio_server::config::Config;
use lumio_server::testing::TestServer;
use lumio_testkit::emote_providers::{FakeEmoteApis, DISCORD_GUILD, TROVO_CHANNEL, TWITCH_CHANNEL};
use lumio_testkit::twitch::{FakeTwitch, TokenPair};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

struct Fakes {
    twitch: FakeTwitch,
    apis: FakeEmoteApis,
}

impl common::Fake for Fakes {
    fn configure(&self, c: &mut Config) {
        lumio_server::testing::point_twitch_fake_at(&self.twitch, c);
        lumio_server::testing::point_emote_providers_at(&self.apis, c);
    }
}

async fn fakes() -> Fakes {
    Fakes {
        twitch: FakeTwitch::start().await.unwrap(),
        apis: FakeEmoteApis::start().await.unwrap(),
    }
}

/// Connect the account's channel with the fake bot's token (`extra` scopes beyond a
/// moderating bot's), as the owner.
async fn connect_bot(api: &Api, f: &Fakes, extra: &[&str]) -> TokenPair {
    let owner = api.login("owner", "lumio-owner").await;
    let mut scopes = MODERATING_BOT.to_vec();
    scopes.extend(extra);
    let pair = f.twitch.issue_user_token(&f.twitch.bot.id, &scopes);
    common::twitch::paste_tokens(api, &owner, &f.twitch, &pair, "bot").await;
    pair
}

/// The Helix calls on `path` (e.g. `/chat/emotes`).
fn helix_calls(f: &Fakes, path: &str) -> Vec<lumio_testkit::twitch::RecordedCall> {
    f.twitch
        .helix_calls()
        .into_iter()
        .filter(|c| c.path == format!("/helix{path}"))
        .collect()
}

backend_tests!(
    file = "emotes", workers = false, with = fakes;
    twitch_channels_merge_four_providers_and_cache_them,
    trovo_discord_and_platforms_without_emotes,
    a_provider_down_is_reported_and_the_others_answer,
    user_emotes_page_through_helix,
    bad_requests_are_refused,
    twitch_is_asked_with_the_accounts_own_refreshed_token
);

async fn emotes(api: &Api, t: &str, path: &str) -> (StatusCode, Value) {
    api.call(
        Method::GET,
        &format!("/v1/chat/emotes/{path}"),
        Some(t),
        None,
    )
    .await
}

fn names(set: &Value, provider: &str) -> Vec<String> {
    set["emotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["provider"] == provider)
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect()
}

fn status_of(set: &Value, provider: &str) -> String {
    set["providers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["provider"] == provider)
        .map(|p| p["status"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

async fn twitch_channels_merge_four_providers_and_cache_them(s: &TestServer, f: &Fakes) {
    let api = Api::new(&s.url);
    let pair = connect_bot(&api, f, &[]).await;
    let viewer = api.login("viewer", "lumio-viewer").await;
    let (st, set) = emotes(&api, &viewer, &format!("twitch/{TWITCH_CHANNEL}")).await;
    assert_eq!(st, StatusCode::OK, "{set}");
    assert_eq!(names(&set, "twitch"), ["lumioHype", "lumioDance"]);
    assert_eq!(names(&set, "7tv"), ["catJAM", "Clueless"]);
    assert_eq!(names(&set, "bttv"), ["lumioPls", "FeelsGoodMan"]);
    assert_eq!(names(&set, "ffz"), ["lumioW"]);
    let by_name = |n: &str| {
        set["emotes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(
        by_name("catJAM"),
        json!({"id": "60ae958e229664e8667aea38", "name": "catJAM", "provider": "7tv",
            "url": "https://cdn.7tv.app/emote/60ae958e229664e8667aea38/1x.webp", "animated": true})
    );
    assert_eq!(by_name("lumioDance")["animated"], false);
    assert_eq!(
        by_name("lumioHype")["url"],
        "https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_1/static/light/1.0"
    );
    assert_eq!(
        by_name("lumioPls")["url"],
        "https://cdn.betterttv.net/emote/5e76d338d6581c3724c0f0b2/1x"
    );
    assert_eq!(
        by_name("lumioW")["url"],
        "https://cdn.frankerfacez.com/emote/720507/1"
    );
    for p in ["twitch", "7tv", "bttv", "ffz"] {
        assert_eq!(status_of(&set, p), "ok", "{p}: {set}");
    }
    let calls = helix_calls(f, "/chat/emotes");
    assert_eq!(calls.len(), 1);
    assert_eq!(
        calls[0].query_param("broadcaster_id").as_deref(),
        Some(TWITCH_CHANNEL)
    );
    // Asked with the account's bot token, not a server-wide one.
    let bearer = format!("Bearer {}", pair.access_token);
    assert_eq!(calls[0].header("authorization"), Some(bearer.as_str()));

    // Again: every provider from the cache, none asked.
    let (_, again) = emotes(&api, &viewer, &format!("twitch/{TWITCH_CHANNEL}")).await;
    for p in ["twitch", "7tv", "bttv", "ffz"] {
        assert_eq!(status_of(&again, p), "cached", "{p}: {again}");
    }
    assert_eq!(again["emotes"], set["emotes"]);
    assert_eq!(helix_calls(f, "/chat/emotes").len(), 1);
    for p in ["7tv", "bttv", "ffz"] {
        assert_eq!(f.apis.hits(p), 1, "{p}");
    }

    // GraphQL: the seed's query.
    let g = api
        .gql(
            Some(&viewer),
            "query($c: String!) { emotes(platform: \"twitch\", channelId: $c) { emotes { name provider } providers { provider status count } } }",
            json!({"c": TWITCH_CHANNEL}),
        )
        .await;
    assert_eq!(
        g["data"]["emotes"]["emotes"].as_array().unwrap().len(),
        7,
        "{g}"
    );
    assert_eq!(
        g["data"]["emotes"]["providers"][1],
        json!({"provider": "7tv", "status": "cached", "count": 2})
    );

    // A channel the providers do not know: empty, not an error.
    let (st, other) = emotes(&api, &viewer, "twitch/999").await;
    assert_eq!(st, StatusCode::OK, "{other}");
    assert!(other["emotes"].as_array().unwrap().is_empty(), "{other}");
    assert_eq!(status_of(&other, "bttv"), "ok");
}

async fn trovo_discord_and_platforms_without_emotes(s: &TestServer, f: &Fakes) {
    let api = Api::new(&s.url);
    let m = api.login("mod", "lumio-mod").await;
    let (st, trovo) = emotes(&api, &m, &format!("trovo/{TROVO_CHANNEL}")).await;
    assert_eq!(st, StatusCode::OK, "{trovo}");
    assert_eq!(
        names(&trovo, "trovo"),
        ["lumioTrovo", "HappyNewYear", "TrovoWave"]
    );
    let hny = &trovo["emotes"][1];
    assert_eq!(hny["animated"], true);
    assert_eq!(f.apis.hits("trovo"), 1);

    let (_, discord) = emotes(&api, &m, &format!("discord/{DISCORD_GUILD}")).await;
    assert_eq!(names(&discord, "discord"), ["lumioblob", "lumiospin"]);
    assert_eq!(
        discord["emotes"][1]["url"],
        "https://cdn.discordapp.com/emojis/41771983429993938.gif"
    );
    assert_eq!(
        discord["emotes"][0]["url"],
        "https://cdn.discordapp.com/emojis/41771983429993937.png"
    );

    // YouTube has no emote providers: an empty set, no calls.
    let (st, yt) = emotes(&api, &m, "youtube/UCx").await;
    assert_eq!(st, StatusCode::OK);
    assert_eq!(
        yt,
        json!({"platform": "youtube", "channel_id": "UCx", "emotes": [], "providers": []})
    );
}

async fn a_provider_down_is_reported_and_the_others_answer(s: &TestServer, f: &Fakes) {
    let api = Api::new(&s.url);
    connect_bot(&api, f, &[]).await;
    let viewer = api.login("viewer", "lumio-viewer").await;
    f.apis.set_failing("bttv", true);
    f.twitch
        .fail_next_helix(Some("GET"), "/chat/emotes", 500, 1);
    let (st, set) = emotes(&api, &viewer, &format!("twitch/{TWITCH_CHANNEL}")).await;
    assert_eq!(st, StatusCode::OK, "{set}");
    assert_eq!(status_of(&set, "bttv"), "error");
    assert_eq!(status_of(&set, "twitch"), "error");
    let bttv = set["providers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["provider"] == "bttv")
        .unwrap()
        .clone();
    assert!(bttv["error"].as_str().unwrap().contains("500"), "{bttv}");
    assert_eq!(names(&set, "7tv"), ["catJAM", "Clueless"]);
    assert_eq!(names(&set, "ffz"), ["lumioW"]);
    assert!(names(&set, "bttv").is_empty());

    // Failures are not cached: once BTTV is back it answers (and the others come from cache).
    f.apis.set_failing("bttv", false);
    let (_, set) = emotes(&api, &viewer, &format!("twitch/{TWITCH_CHANNEL}")).await;
    assert_eq!(status_of(&set, "bttv"), "ok", "{set}");
    assert_eq!(status_of(&set, "twitch"), "ok", "{set}");
    assert_eq!(status_of(&set, "7tv"), "cached", "{set}");
    assert_eq!(f.apis.hits("bttv"), 2);

    // An unreachable provider (nothing listening) is an error for it alone.
    let opts = lumio_server::testing::TestOptions {
        workers: false,
        ..s.options
    };
    let apis = f.apis.clone();
    let Some(bare) = TestServer::start_with(opts, "emotes::unreachable", move |c| {
        lumio_server::testing::point_emote_providers_at(&apis, c);
        c.platforms.ffz.api_url = "http://127.0.0.1:9".into();
    })
    .await
    else {
        return;
    };
    let api2 = Api::new(&bare.url);
    let v2 = api2.login("viewer", "lumio-viewer").await;
    let (st, set) = emotes(&api2, &v2, &format!("twitch/{TWITCH_CHANNEL}")).await;
    assert_eq!(st, StatusCode::OK, "{set}");
    assert_eq!(status_of(&set, "ffz"), "error");
    // No Twitch channel connected there: said, with the command that connects one.
    assert_eq!(status_of(&set, "twitch"), "not_configured", "{set}");
    assert!(set.to_string().contains("lumio connect twitch"), "{set}");
    assert_eq!(names(&set, "7tv").len(), 2);
    bare.stop().await;
}

async fn user_emotes_page_through_helix(s: &TestServer, f: &Fakes) {
    let api = Api::new(&s.url);
    let viewer = api.login("viewer", "lumio-viewer").await;
    // Without a Twitch connection: a 422 that says how to connect one.
    let (st, b) = api
        .call(Method::GET, "/v1/chat/emotes/user", Some(&viewer), None)
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    assert!(
        b["error"]["message"]
            .as_str()
            .unwrap()
            .contains("lumio connect twitch"),
        "{b}"
    );
    connect_bot(&api, f, &["user:read:emotes"]).await;
    let (st, set) = api
        .call(Method::GET, "/v1/chat/emotes/user", Some(&viewer), None)
        .await;
    assert_eq!(st, StatusCode::OK, "{set}");
    assert_eq!(
        set["channel_id"],
        f.twitch.bot.id.as_str(),
        "the bot's emotes"
    );
    assert_eq!(names(&set, "twitch"), ["lumioHype", "lumioDance", "Kappa"]);
    assert_eq!(
        set["emotes"][2]["url"],
        "https://static-cdn.jtvnw.net/emoticons/v2/25/static/dark/1.0"
    );
    let pages = helix_calls(f, "/chat/emotes/user");
    assert_eq!(pages.len(), 2);
    assert_eq!(
        pages[0].query_param("user_id").as_deref(),
        Some(f.twitch.bot.id.as_str())
    );
    let g = api
        .gql(
            Some(&viewer),
            "{ userEmotes { emotes { name } providers { status } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        g["data"]["userEmotes"]["providers"][0]["status"], "cached",
        "{g}"
    );
}

async fn bad_requests_are_refused(s: &TestServer, f: &Fakes) {
    let api = Api::new(&s.url);
    let viewer = api.login("viewer", "lumio-viewer").await;
    let (st, b) = emotes(&api, &viewer, "myspace/1").await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    let (st, b) = emotes(&api, &viewer, "twitch/a%20b").await;
    assert_eq!(st, StatusCode::BAD_REQUEST, "{b}");
    let (st, _) = api
        .call(Method::GET, "/v1/chat/emotes/twitch/1", None, None)
        .await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    assert!(f.twitch.helix_calls().is_empty());
    assert_eq!(f.apis.hits("7tv"), 0);
}

async fn twitch_is_asked_with_the_accounts_own_refreshed_token(s: &TestServer, f: &Fakes) {
    let api = Api::new(&s.url);
    let viewer = api.login("viewer", "lumio-viewer").await;
    // The bot without `user:read:emotes`: the scope is named, Twitch is not asked.
    let pair = connect_bot(&api, f, &[]).await;
    let (st, b) = api
        .call(Method::GET, "/v1/chat/emotes/user", Some(&viewer), None)
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN, "{b}");
    let said = b["error"]["message"].as_str().unwrap();
    assert!(said.contains("`user:read:emotes` not granted"), "{b}");
    assert!(
        said.contains("lumio connect twitch --as bot --scopes"),
        "{b}"
    );
    assert!(helix_calls(f, "/chat/emotes/user").is_empty());

    // A token Twitch refuses is refreshed once, and the new one asks again.
    f.twitch.expire_token(&pair.access_token);
    let (st, set) = emotes(&api, &viewer, &format!("twitch/{TWITCH_CHANNEL}")).await;
    assert_eq!(st, StatusCode::OK, "{set}");
    assert_eq!(status_of(&set, "twitch"), "ok", "{set}");
    assert_eq!(names(&set, "twitch"), ["lumioHype", "lumioDance"]);
    let answers: Vec<_> = f
        .twitch
        .helix_answers()
        .into_iter()
        .filter(|(c, _)| c.path == "/helix/chat/emotes")
        .collect();
    assert_eq!(answers.len(), 2, "{answers:?}");
    let old = format!("Bearer {}", pair.access_token);
    assert_eq!(answers[0].0.header("authorization"), Some(old.as_str()));
    assert_eq!(answers[0].1, 401);
    let fresh = answers[1].0.header("authorization").unwrap();
    assert_ne!(fresh, old);
    assert!(f.twitch.token_is_valid(fresh.trim_start_matches("Bearer ")));
    assert_eq!(answers[1].1, 200);
}
