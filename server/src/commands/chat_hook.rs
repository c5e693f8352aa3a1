//! What the command engine does with each ingested chat message (seed 002 and seed 004),
//! after the message is buffered, so that nothing here can lose or delay an acknowledged
//! message: errors are logged, never returned to ingest.
//!
//! 1. `admin` and `bot` flags from the platform's badges (Twitch `staff`, `admin`,
//!    `global_mod` → admin; `bot`, `bot-badge`, `chatbot` → bot), written at most once a
//!    minute per chatter like the other badge flags (30-minute TTL).
//! 2. `anivmessages`: the last message of the chatters `aniv` and `aneev`, kept as JSON
//!    `{"aniv": {…}|null, "aneev": {…}|null}` (the key always exists once the account's
//!    commands are loaded).
//! 3. `welcomemessagetext`: sent for the chatter on their first message of a stream.
//! 4. Cheers: a Twitch message whose cheermotes (`Cheer100`, `BibleThump50`…) add up to
//!    N bits runs the command `cheerN` if the account has one and `disabledcheers` holds
//!    neither `cheerN` nor `N`.
//! 5. Commands: `!name …` (and `/name …` on Discord) through the engine — disabled →
//!    permission → cooldown → render → send on `lumio:bot:action:{platform}:{account_id}`.

use std::time::Duration;

use serde_json::{json, Value};

use super::engine::{parse_invocation, Invocation};
use super::exec::{self, Invoker, Outcome};
use super::role::{role_of, Flags};
use crate::bus::keys::{self, UserFlag};
use crate::chat::model::ChatMessage;
use crate::error::AppResult;
use crate::platforms::Platform;
use crate::state::AppState;

/// How long the `admin` / `bot` flags read off badges live (as `mod` and `subbed`).
const BADGE_FLAG_TTL: Duration = crate::chatter::service::BADGE_FLAG_TTL;

/// Twitch's global cheermote prefixes (Helix `GET /bits/cheermotes`, global ones).
const CHEERMOTES: &[&str] = &[
    "cheer",
    "doodlecheer",
    "biblethump",
    "cheerwhal",
    "corgo",
    "uni",
    "showlove",
    "party",
    "seemsgood",
    "pride",
    "kappa",
    "frankerz",
    "heyguys",
    "dansgame",
    "elegiggle",
    "trihard",
    "kreygasm",
    "4head",
    "swiftrage",
    "notlikethis",
    "failfish",
    "vohiyo",
    "pjsalt",
    "mrdestructoid",
    "bday",
    "ripcheer",
    "shamrock",
];

/// The bits of a message's cheermotes (`Cheer100 hi Kappa50` → 150).
pub fn cheer_bits(message: &str) -> i64 {
    message
        .split_whitespace()
        .filter_map(|w| {
            let digits = w.find(|c: char| c.is_ascii_digit())?;
            let (prefix, amount) = w.split_at(digits);
            let known = CHEERMOTES.iter().any(|c| c.eq_ignore_ascii_case(prefix));
            let n: i64 = amount.parse().ok()?;
            (known && n > 0).then_some(n)
        })
        .sum()
}

fn badge_names(msg: &ChatMessage) -> impl Iterator<Item = String> + '_ {
    msg.badges.iter().map(|b| {
        b.split('/')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase()
    })
}

/// Everything the engine does with an ingested message; never fails ingest.
pub async fn on_message(state: &AppState, msg: &ChatMessage) {
    if let Err(e) = handle(state, msg).await {
        tracing::warn!(error = %e, account = %msg.account_id, "bot commands: a chat message was not handled");
    }
}

async fn handle(state: &AppState, msg: &ChatMessage) -> AppResult<Option<Outcome>> {
    let Ok(platform) = msg.platform.parse::<Platform>() else {
        return Ok(None);
    };
    let account = msg.account_id;
    let flag = |f: UserFlag| keys::user_flag(account, platform, &msg.user_id, f);

    // 1. admin / bot flags from badges.
    let badges: Vec<String> = badge_names(msg).collect();
    let is_admin = badges
        .iter()
        .any(|b| ["staff", "admin", "global_mod"].contains(&b.as_str()));
    let is_bot = badges
        .iter()
        .any(|b| ["bot", "bot-badge", "chatbot"].contains(&b.as_str()));
    for (on, f) in [(is_admin, UserFlag::Admin), (is_bot, UserFlag::Bot)] {
        let key = flag(f);
        if on && state.chatter_writes.due(&key, "1") {
            state.bus.set(&key, "1", Some(BADGE_FLAG_TTL)).await?;
        }
    }

    // 2. anivmessages.
    let who = msg.username.to_ascii_lowercase();
    if who == "aniv" || who == "aneev" {
        let key = keys::aniv_messages(account);
        let mut v: Value = state
            .bus
            .get(&key)
            .await?
            .and_then(|s| serde_json::from_str(&s).ok())
            .filter(Value::is_object)
            .unwrap_or_else(|| json!({"aniv": null, "aneev": null}));
        v[who.as_str()] = json!({"id": msg.id, "user_id": msg.user_id, "platform": msg.platform,
            "message": msg.message, "at": msg.created_at});
        state.bus.set(&key, &v.to_string(), None).await?;
    }

    let user_name = msg
        .display_name
        .clone()
        .unwrap_or_else(|| msg.username.clone());
    let role = role_of(
        platform,
        &msg.badges,
        Flags {
            is_mod: msg.is_mod,
            is_vip: msg.is_vip,
            is_sub: msg.is_sub,
        },
    );
    let invoker = Invoker {
        account,
        platform,
        channel: msg.channel_name.clone(),
        user_id: msg.user_id.clone(),
        user_name: user_name.clone(),
        role,
        message_id: Some(msg.id),
        platform_message_id: msg.platform_message_id.clone(),
    };

    // 3. The chatter's welcome message, on their first message of the stream.
    if msg.is_first_in_stream {
        if let Some(text) = state.bus.get(&flag(UserFlag::WelcomeMessageText)).await? {
            let body = json!({"action": "send", "platform": platform.as_str(),
                "channel": msg.channel_name, "message": text, "reply_to": null,
                "welcome": msg.user_id, "by": "lumio bot"});
            state
                .bus
                .publish(&keys::bot_action(platform, account), &body.to_string())
                .await?;
        }
    }

    // 4. Cheers run `cheerN`, unless disabled.
    if platform == Platform::Twitch {
        let bits = cheer_bits(&msg.message);
        if bits > 0 {
            let set = keys::disabled_cheers(account);
            let name = format!("cheer{bits}");
            let disabled = state.bus.set_contains(&set, &name).await?
                || state.bus.set_contains(&set, &bits.to_string()).await?;
            if !disabled {
                let inv = Invocation {
                    name,
                    args: msg
                        .message
                        .split_whitespace()
                        .filter(|w| cheer_bits(w) == 0)
                        .map(String::from)
                        .collect(),
                    slash: false,
                };
                let out = exec::execute(state, &inv, &invoker).await?;
                if out != Outcome::Unknown {
                    return Ok(Some(out));
                }
            }
        }
    }

    // 5. Commands.
    let Some(inv) = parse_invocation(&msg.message) else {
        return Ok(None);
    };
    Ok(Some(exec::execute(state, &inv, &invoker).await?))
}

/// The same, answering what happened (tests and the benchmark).
pub async fn handle_message(state: &AppState, msg: &ChatMessage) -> AppResult<Option<Outcome>> {
    handle(state, msg).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cheers_add_up() {
        assert_eq!(cheer_bits("Cheer100 great stream Kappa50"), 150);
        assert_eq!(cheer_bits("cheer1"), 1);
        assert_eq!(cheer_bits("I have 100 cheers Cheer0 abc123 Cheer"), 0);
        assert_eq!(cheer_bits("BibleThump500"), 500);
    }
}
