//! The simulator connector: realistic five-platform chat for demos and load tests. Each
//! platform has its own usernames, colours, badges and emotes; traffic comes in bursts and
//! lulls around the chosen rate; some chatters are new, some reply to others, and a few
//! spammers are worth banning. Messages go through the real ingest path
//! ([`crate::chat::service::ingest`]), exactly as a connector's would.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::StreamExt;
use uuid::Uuid;

use crate::auth::{AccountCtx, Permission, PermissionSet};
use crate::bus::keys;
use crate::chat::model::{ChatEvent, ChatMessageInput, EmotePosition};
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// The simulator's randomness: `rand`'s seedable generator, so a seed gives the same traffic
/// every time. Variety, not cryptography.
pub struct Rng(rand::rngs::StdRng);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(rand::SeedableRng::seed_from_u64(seed))
    }
    pub fn next_u64(&mut self) -> u64 {
        rand::RngCore::next_u64(&mut self.0)
    }
    pub fn below(&mut self, n: usize) -> usize {
        rand::Rng::gen_range(&mut self.0, 0..n.max(1))
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        rand::Rng::gen_range(&mut self.0, 0..100) < percent
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

struct Style {
    platform: Platform,
    channel: &'static str,
    names: &'static [&'static str],
    colors: &'static [&'static str],
    emotes: &'static [(&'static str, &'static str, &'static str)],
    badges: &'static [&'static str],
}

const STYLES: [Style; 5] = [
    Style {
        platform: Platform::Twitch,
        channel: "lumio_demo",
        names: &[
            "xX_Sniper_Xx",
            "pogchamp_andy",
            "lurkmaster3000",
            "NightOwlNina",
            "kappa_king",
            "modsquad_ella",
            "speedrun_sam",
            "ChatterBox42",
            "frostbyte",
            "PixelPanda",
        ],
        colors: &[
            "#FF4500", "#1E90FF", "#9ACD32", "#FF69B4", "#DAA520", "#8A2BE2",
        ],
        emotes: &[
            ("25", "Kappa", "twitch"),
            ("88", "PogChamp", "twitch"),
            ("60ae958e229664e8667aea38", "catJAM", "7tv"),
            ("566ca04265dbbdab32ec054a", "FeelsGoodMan", "bttv"),
            ("720507", "lumioW", "ffz"),
        ],
        badges: &[
            "subscriber/12",
            "vip/1",
            "moderator/1",
            "bits/1000",
            "premium/1",
        ],
    },
    Style {
        platform: Platform::Youtube,
        channel: "LumioDemo",
        names: &[
            "Maria Gonzalez",
            "TechWithTom",
            "gamer dad 77",
            "Aiko Tanaka",
            "The Real Chris",
            "Lena K",
            "Quiet Viewer",
            "Sam from Leeds",
        ],
        colors: &["#2BA640", "#FF0000", "#3EA6FF", "#F2C94C"],
        emotes: &[
            ("yt-1", ":hand-pink-waving:", "youtube"),
            ("yt-2", ":yt:", "youtube"),
        ],
        badges: &["member/6", "moderator/1", "verified/1"],
    },
    Style {
        platform: Platform::Kick,
        channel: "lumio-demo",
        names: &[
            "kickfan99",
            "degenerate_dave",
            "slots_queen",
            "bigbrainbob",
            "chillguy",
        ],
        colors: &["#53FC18", "#00E701", "#FFD300", "#FF6B6B"],
        emotes: &[("39251", "KEKW", "kick"), ("39261", "emojiFire", "kick")],
        badges: &["subscriber/3", "og/1", "moderator/1"],
    },
    Style {
        platform: Platform::Trovo,
        channel: "LumioDemo",
        names: &["TrovoTiger", "mei_plays", "RocketRaccoon", "glitchwitch"],
        colors: &["#19D66B", "#FF8C00", "#00BFFF"],
        emotes: &[
            ("lumioTrovo", "lumioTrovo", "trovo"),
            ("TrovoWave", "TrovoWave", "trovo"),
        ],
        badges: &["subscriber/1", "moderator/1"],
    },
    Style {
        platform: Platform::Discord,
        channel: "stream-chat",
        names: &[
            "Wumpus#0001",
            "ada.dev",
            "clyde_fan",
            "moonlight",
            "bytebandit",
        ],
        colors: &["#5865F2", "#EB459E", "#FEE75C", "#57F287"],
        emotes: &[("41771983429993937", "lumioblob", "discord")],
        badges: &["booster/1", "moderator/1"],
    },
];

const LINES: &[&str] = &[
    "hello chat!",
    "that was insane",
    "LUL",
    "what game is this?",
    "first time here, love it",
    "gg",
    "can we get a hype train",
    "how long have you been streaming today?",
    "W",
    "the music is so good",
    "no way",
    "clip it!",
    "lol same",
    "is this ranked?",
    "greetings from Brazil",
    "take a break streamer, hydrate",
    "that timing though",
    "chat is moving so fast",
    "who else is here from the raid?",
    "this is my favourite part",
];
const SPAM: &[&str] = &[
    "FREE FOLLOWERS at bit.ly/cheap-viewers !!!",
    "Want to become famous? Buy followers, primes and viewers on streamboost dot biz",
    "CLICK HERE for free gift cards https://scam.example/gift",
];

/// What the simulator needs to run.
#[derive(Debug, Clone)]
pub struct SimulatorConfig {
    /// The account the chat belongs to (its slug).
    pub account_slug: String,
    /// Average messages per second over all platforms.
    pub rate: f64,
    pub seed: u64,
    /// Platforms whose chat comes from elsewhere (`lumio demo --platform-fake`: Twitch).
    pub skip: Vec<Platform>,
}

/// The chatter context the simulator ingests as (a system connector).
async fn connector_ctx(state: &AppState, slug: &str) -> AppResult<AccountCtx> {
    let account_id = state
        .db
        .auth()
        .account_id_by_slug(slug)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("no account '{slug}' to simulate chat for")))?;
    Ok(AccountCtx {
        account_id,
        account_slug: slug.to_string(),
        user_id: Uuid::nil(),
        user_name: "simulator".into(),
        permissions: [Permission::ChatWrite]
            .into_iter()
            .collect::<PermissionSet>(),
    })
}

/// A stable 64-bit hash (FNV-1a) of a chatter's handle on a platform.
fn fnv(platform: Platform, who: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in platform.as_str().bytes().chain([b'/']).chain(who.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A realistic user id of the platform for a chatter, the same every time: Twitch and Trovo
/// numeric ids of 9 digits, Kick's of 7–8, a YouTube channel id (`UC` and 22 characters),
/// a Discord snowflake (milliseconds since Discord's epoch, shifted, and worker bits).
pub fn user_id(platform: Platform, who: &str) -> String {
    let h = fnv(platform, who);
    let id = match platform {
        Platform::Twitch | Platform::Trovo => format!("{}", 100_000_000 + h % 900_000_000),
        Platform::Kick => format!("{}", 1_000_000 + h % 90_000_000),
        Platform::Youtube => {
            const ALPHABET: &[u8] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
            let mut r = Rng::new(h);
            let tail: String = (0..22)
                .map(|_| char::from(ALPHABET[r.below(ALPHABET.len())]))
                .collect();
            format!("UC{tail}")
        }
        Platform::Discord => {
            // 2019–2024 in Discord's epoch (2015-01-01), milliseconds.
            let ms = 126_000_000_000 + h % 160_000_000_000;
            format!("{}", (ms << 22) | (h & 0x3f_ffff))
        }
    };
    debug_assert!(platform.is_user_id(&id), "{platform} {id}");
    id
}

/// A chatter's colour and badges: the same every time they talk (drawn from a hash of who
/// they are, not per message).
fn look(style: &Style, user_id: &str) -> (&'static str, Option<&'static str>) {
    let h = fnv(style.platform, user_id);
    let color = style.colors[(h % style.colors.len() as u64) as usize];
    let badge = ((h >> 16) % 100 < 35)
        .then(|| style.badges[((h >> 32) % style.badges.len() as u64) as usize]);
    (color, badge)
}

/// Who the simulated chat keeps quiet, as a real chat would: a banned chatter for good, a
/// timed-out one until the timeout ends (learnt from the account's live events, so it
/// holds whoever moderated).
#[derive(Debug, Default)]
pub struct Silenced {
    /// `platform:user_id` → until when (None: banned).
    until: HashMap<String, Option<Instant>>,
}

impl Silenced {
    pub fn apply(&mut self, event: &ChatEvent, now: Instant) {
        match event {
            ChatEvent::UserBanned { user, .. } => {
                self.until
                    .insert(format!("{}:{}", user.platform, user.user_id), None);
            }
            ChatEvent::UserTimedOut { user, .. } => {
                let secs = user.duration_seconds.unwrap_or(0).max(0) as u64;
                self.until.insert(
                    format!("{}:{}", user.platform, user.user_id),
                    Some(now + Duration::from_secs(secs)),
                );
            }
            ChatEvent::UserUnbanned { user, .. } => {
                self.until
                    .remove(&format!("{}:{}", user.platform, user.user_id));
            }
            _ => {}
        }
    }

    pub fn is_silent(&mut self, platform: &str, user_id: &str, now: Instant) -> bool {
        if self.until.is_empty() {
            return false;
        }
        let key = format!("{platform}:{user_id}");
        match self.until.get(&key) {
            Some(None) => true,
            Some(Some(t)) if *t > now => true,
            Some(Some(_)) => {
                self.until.remove(&key);
                false
            }
            None => false,
        }
    }
}

/// Keep `silenced` up to date from the account's live events until the task is dropped.
async fn follow_moderation(
    state: &AppState,
    account_id: Uuid,
    silenced: Arc<Mutex<Silenced>>,
) -> AppResult<tokio::task::JoinHandle<()>> {
    let mut sub = state.bus.subscribe(&keys::chat_events(account_id)).await?;
    Ok(tokio::spawn(async move {
        while let Some(payload) = sub.next().await {
            // Messages are most of the stream: only user events are read.
            if !payload.starts_with(r#"{"type":"user_"#) {
                continue;
            }
            if let Ok(e) = serde_json::from_str::<ChatEvent>(&payload) {
                if let Ok(mut s) = silenced.lock() {
                    s.apply(&e, Instant::now());
                }
            }
        }
    }))
}

/// One simulated message (the `n`-th).
pub fn message(rng: &mut Rng, n: u64) -> ChatMessageInput {
    let style = rng.pick(&STYLES);
    let spammer = rng.chance(3);
    // A long tail of chatters: some regulars, many one-off (first-time) visitors.
    let (chatter_id, username) = if spammer {
        let k = rng.below(3);
        let name = format!("f0llow_b0t_{k}");
        (user_id(style.platform, &name), name)
    } else if rng.chance(70) {
        let name = *rng.pick(style.names);
        (user_id(style.platform, name), name.to_string())
    } else {
        let k = rng.below(100_000);
        let name = format!("visitor{k}");
        (user_id(style.platform, &name), name)
    };
    let mut text = if spammer {
        (*rng.pick(SPAM)).to_string()
    } else {
        (*rng.pick(LINES)).to_string()
    };
    let mut emotes = Vec::new();
    if !spammer && rng.chance(40) {
        let (id, name, provider) = *rng.pick(style.emotes);
        let start = text.chars().count() as i32 + 1;
        text.push(' ');
        text.push_str(name);
        emotes.push(EmotePosition {
            id: id.into(),
            name: name.into(),
            start,
            end: start + name.chars().count() as i32 - 1,
            provider: Some(provider.into()),
        });
    }
    let (color, badge) = look(style, &chatter_id);
    let badges: Vec<String> = badge
        .filter(|_| !spammer)
        .map(String::from)
        .into_iter()
        .collect();
    let is_mod = badges.iter().any(|b| b.starts_with("moderator"));
    let is_sub = badges
        .iter()
        .any(|b| b.starts_with("subscriber") || b.starts_with("member"));
    let is_vip = badges.iter().any(|b| b.starts_with("vip"));
    let reply = !spammer && rng.chance(8);
    let replied = rng.pick(style.names).to_string();
    ChatMessageInput {
        platform: style.platform.to_string(),
        channel_name: style.channel.into(),
        user_id: chatter_id,
        username: username.clone(),
        display_name: Some(username),
        message: text,
        emotes,
        badges,
        color: Some(color.to_string()),
        is_mod,
        is_sub,
        is_vip,
        sub_tier: is_sub.then(|| "1000".to_string()),
        platform_message_id: Some(format!(
            "sim-{}-{n}-{}",
            style.platform,
            rng.next_u64() % 1_000_000
        )),
        reply_to_message_id: reply.then(|| format!("sim-parent-{n}")),
        reply_to_user_id: reply.then(|| user_id(style.platform, &replied)),
        reply_to_username: reply.then(|| replied.clone()),
        reply_to_message: reply.then(|| (*rng.pick(LINES)).to_string()),
    }
}

/// Aborts a task when dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Produce chat until the task is dropped: bursts and lulls around `rate` per second;
/// banned and timed-out chatters stay quiet.
pub async fn run(state: AppState, cfg: SimulatorConfig) -> AppResult<()> {
    let ctx = connector_ctx(&state, &cfg.account_slug).await?;
    let silenced = Arc::new(Mutex::new(Silenced::default()));
    let _follow = match follow_moderation(&state, ctx.account_id, silenced.clone()).await {
        Ok(task) => Some(AbortOnDrop(task)),
        Err(e) => {
            tracing::warn!(
                "simulator: cannot follow moderation, chatters will not fall silent: {e}"
            );
            None
        }
    };
    let mut rng = Rng::new(cfg.seed);
    let rate = cfg.rate.max(0.1);
    let mut n: u64 = 0;
    let mut closing = state.closing.subscribe();
    tracing::info!(rate, account = %cfg.account_slug, "simulator started");
    loop {
        // Every 2 s the mood changes: a lull (¼ rate), normal, or a burst (3×).
        let factor = match rng.below(6) {
            0 => 0.25,
            5 => 3.0,
            _ => 1.0,
        };
        let per_tick = rate * factor / 20.0; // 20 ticks a second
        let mut carry = 0.0;
        for _ in 0..40 {
            carry += per_tick;
            while carry >= 1.0 {
                carry -= 1.0;
                n += 1;
                // A silenced chatter does not talk: someone else does.
                let now = Instant::now();
                let Some(input) = (0..20).map(|_| message(&mut rng, n)).find(|m| {
                    !cfg.skip.iter().any(|p| p.as_str() == m.platform)
                        && !silenced
                            .lock()
                            .is_ok_and(|mut s| s.is_silent(&m.platform, &m.user_id, now))
                }) else {
                    continue;
                };
                if let Err(e) = crate::chat::service::ingest(&state, &ctx, &input).await {
                    tracing::warn!("simulator: ingest failed: {e}");
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(50)) => {}
                _ = closing.changed() => return Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests;
