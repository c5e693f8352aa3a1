//! Feature channels (seed 001): what the bot posts into a connected guild's mapped channels.
//!
//! - `chat_mirror`: each chat message of the account from another platform;
//! - `moderation_log`: each ban, unban, timeout and deletion of the account;
//! - `live_notification`: the account's channel going live (`stream_status` with `live`).
//!
//! The [`Hub`] listens to the live events of every account with a connected guild
//! (`lumio:chat:events:{account}`, the same events WebSocket clients get) and turns them into
//! posts. Each post goes through a bounded queue per channel ([`QUEUE_PER_CHANNEL`]) to a
//! sender that posts in order through [`DiscordConnector::post`], which waits for Discord's
//! rate limit (a full bucket or a 429 is a wait, never a drop). Before posting, the sender
//! checks that the channel belongs to the mapped guild (cache, else Discord).
//!
//! Nothing is dropped silently: every post ends in `lumio_discord_feature_posts_total` with
//! its `feature` and an `outcome` (`posted`, `queue_full`, `foreign_channel`, `paused`,
//! `discord_error`), and every drop is logged with its reason.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use futures::StreamExt;
use serde_json::Value;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use uuid::Uuid;

use super::connector::DiscordConnector;
use crate::bus::keys;
use crate::state::AppState;

/// Posts waiting per channel before new ones are dropped (counted as `queue_full`).
pub const QUEUE_PER_CHANNEL: usize = 1000;
/// The counter of feature posts.
pub const POSTS_METRIC: &str = "lumio_discord_feature_posts_total";

/// One post into a feature channel.
#[derive(Debug, Clone)]
pub struct Post {
    pub guild_id: String,
    pub channel_id: String,
    pub feature: &'static str,
    pub content: String,
}

/// Counts of what became of posts, for the figures and the tests (the metric has them too).
#[derive(Debug, Default)]
pub struct Outcomes {
    pub posted: AtomicU64,
    pub dropped: AtomicU64,
}

/// Queues per channel and their senders.
pub struct Poster {
    state: AppState,
    discord: DiscordConnector,
    queues: HashMap<String, (mpsc::Sender<Post>, JoinHandle<()>)>,
    pub outcomes: Arc<Outcomes>,
}

fn count(state: &AppState, outcomes: &Outcomes, feature: &'static str, outcome: &'static str) {
    if outcome == "posted" {
        outcomes.posted.fetch_add(1, Ordering::Relaxed);
    } else {
        outcomes.dropped.fetch_add(1, Ordering::Relaxed);
    }
    state.metrics.count(
        POSTS_METRIC,
        &[
            ("feature", feature.to_string()),
            ("outcome", outcome.into()),
        ],
    );
}

impl Poster {
    pub fn new(state: AppState, discord: DiscordConnector) -> Poster {
        Poster {
            state,
            discord,
            queues: HashMap::new(),
            outcomes: Arc::default(),
        }
    }

    /// Queue a post (never waits). A full queue drops it, counted and logged.
    pub fn enqueue(&mut self, post: Post) {
        let (tx, _) = self
            .queues
            .entry(post.channel_id.clone())
            .or_insert_with(|| {
                let (tx, rx) = mpsc::channel(QUEUE_PER_CHANNEL);
                let task = tokio::spawn(send_all(
                    self.state.clone(),
                    self.discord.clone(),
                    self.outcomes.clone(),
                    rx,
                ));
                (tx, task)
            });
        if let Err(e) = tx.try_send(post) {
            let post = match e {
                mpsc::error::TrySendError::Full(p) | mpsc::error::TrySendError::Closed(p) => p,
            };
            tracing::warn!(guild_id = %post.guild_id, channel_id = %post.channel_id,
                feature = post.feature, queued = QUEUE_PER_CHANNEL,
                "discord feature post dropped: the channel's queue is full");
            count(&self.state, &self.outcomes, post.feature, "queue_full");
        }
    }
}

impl Drop for Poster {
    fn drop(&mut self) {
        for (_, (_, task)) in self.queues.drain() {
            task.abort();
        }
    }
}

/// Post a channel's queue in order.
async fn send_all(
    state: AppState,
    discord: DiscordConnector,
    outcomes: Arc<Outcomes>,
    mut rx: mpsc::Receiver<Post>,
) {
    while let Some(p) = rx.recv().await {
        if crate::discord::service::is_paused(&state, &p.guild_id).await {
            tracing::info!(guild_id = %p.guild_id, feature = p.feature,
                "discord feature post dropped: the bot is paused in this guild");
            count(&state, &outcomes, p.feature, "paused");
            continue;
        }
        match crate::discord::service::guild_channel(&state, &p.guild_id, &p.channel_id).await {
            Ok(Some(_)) => {}
            Ok(None) => {
                tracing::warn!(guild_id = %p.guild_id, channel_id = %p.channel_id,
                    feature = p.feature,
                    "discord feature post dropped: the channel is not one of the guild's");
                count(&state, &outcomes, p.feature, "foreign_channel");
                continue;
            }
            Err(e) => {
                tracing::warn!(guild_id = %p.guild_id, channel_id = %p.channel_id,
                    feature = p.feature, error = %e,
                    "discord feature post dropped: the guild's channels cannot be read");
                count(&state, &outcomes, p.feature, "discord_error");
                continue;
            }
        }
        match discord.post(&p.channel_id, &p.content).await {
            Ok(_) => count(&state, &outcomes, p.feature, "posted"),
            Err(e) => {
                tracing::warn!(guild_id = %p.guild_id, channel_id = %p.channel_id,
                    feature = p.feature, error = %e, "discord feature post failed");
                count(&state, &outcomes, p.feature, "discord_error");
            }
        }
    }
}

/// Discord markdown characters escaped, mentions made harmless (allowed_mentions is empty
/// too).
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '*' | '_' | '~' | '`' | '|' | '>' | '\\' | '#' | '[' | ']'
        ) {
            out.push('\\');
        }
        out.push(c);
        if c == '@' {
            out.push('\u{200b}');
        }
    }
    out
}

fn field<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str().unwrap_or_default()
}

/// The feature and text a live event posts, if any.
pub fn post_of(event: &Value) -> Option<(&'static str, String)> {
    let s = |k: &str| field(event, k).to_string();
    match field(event, "type") {
        "message" => {
            let m = &event["message"];
            let platform = m["platform"].as_str().unwrap_or_default();
            if platform == "discord" {
                return None; // Discord chat is in Discord already
            }
            let who = m["display_name"]
                .as_str()
                .or(m["username"].as_str())
                .unwrap_or_default();
            Some((
                "chat_mirror",
                format!(
                    "[{platform}] **{}**: {}",
                    plain(who),
                    plain(m["message"].as_str().unwrap_or_default())
                ),
            ))
        }
        kind @ ("user_banned" | "user_unbanned" | "user_timed_out") => {
            let user = event["username"]
                .as_str()
                .map(String::from)
                .unwrap_or_else(|| s("user_id"));
            let what = match kind {
                "user_banned" => "banned".to_string(),
                "user_unbanned" => "unbanned".to_string(),
                _ => format!(
                    "timed out for {}s",
                    event["duration_seconds"].as_i64().unwrap_or(0)
                ),
            };
            let reason = event["reason"]
                .as_str()
                .map(|r| format!(" — {}", plain(r)))
                .unwrap_or_default();
            Some((
                "moderation_log",
                format!(
                    "[{}] {} {what} **{}**{reason}",
                    s("platform"),
                    plain(&s("moderator")),
                    plain(&user)
                ),
            ))
        }
        "message_deleted" => Some((
            "moderation_log",
            format!(
                "[{}] {} deleted a message of {}",
                s("platform"),
                plain(&s("deleted_by")),
                plain(&s("user_id"))
            ),
        )),
        "stream_status" if event["live"].as_bool() == Some(true) => Some((
            "live_notification",
            format!("🔴 The stream is live on {}!", s("platform")),
        )),
        _ => None,
    }
}

/// Where a message the hub heard came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `lumio:chat:events:{account}`: a live event.
    Events,
    /// `lumio:bot:action:discord:{account}`: a bot action (`command_sync`, `guild_connected`…).
    Action,
}

/// Listens to the live events and the Discord bot actions of every account with a connected
/// guild; live events become posts.
pub struct Hub {
    state: AppState,
    listening: HashMap<Uuid, Vec<JoinHandle<()>>>,
    events: mpsc::Sender<(Uuid, Source, String)>,
    rx: mpsc::Receiver<(Uuid, Source, String)>,
    pub poster: Poster,
}

impl Hub {
    pub fn new(state: AppState, discord: DiscordConnector) -> Hub {
        let (events, rx) = mpsc::channel(4096);
        Hub {
            poster: Poster::new(state.clone(), discord),
            state,
            listening: HashMap::new(),
            events,
            rx,
        }
    }

    /// Listen to every account that has a guild (and stop listening to those that have none).
    pub async fn sync(&mut self) {
        let conns = match crate::discord::service::all_connections(&self.state).await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "discord features cannot list guilds");
                return;
            }
        };
        let accounts: Vec<Uuid> = conns.iter().map(|c| c.account_id).collect();
        self.listening.retain(|a, tasks| {
            let keep = accounts.contains(a);
            if !keep {
                tasks.iter().for_each(JoinHandle::abort);
            }
            keep
        });
        for a in accounts {
            if self.listening.contains_key(&a) {
                continue;
            }
            let mut tasks = Vec::new();
            for (source, channel) in [
                (Source::Events, keys::chat_events(a)),
                (
                    Source::Action,
                    keys::bot_action(crate::platforms::Platform::Discord, a),
                ),
            ] {
                match self.state.bus.subscribe(&channel).await {
                    Ok(mut sub) => {
                        let tx = self.events.clone();
                        tasks.push(tokio::spawn(async move {
                            while let Some(raw) = sub.next().await {
                                if tx.send((a, source, raw)).await.is_err() {
                                    break;
                                }
                            }
                        }));
                    }
                    Err(e) => tracing::warn!(account = %a, error = %e, channel,
                        "discord bot cannot subscribe"),
                }
            }
            self.listening.insert(a, tasks);
        }
    }

    /// The next message of a listened account.
    pub async fn next(&mut self) -> Option<(Uuid, Source, String)> {
        self.rx.recv().await
    }

    /// Turn one live event into posts in the account's guilds' mapped channels.
    pub async fn handle(&mut self, account: Uuid, raw: &str) {
        let Ok(event) = serde_json::from_str::<Value>(raw) else {
            return;
        };
        let Some((feature, content)) = post_of(&event) else {
            return;
        };
        let guilds = match self
            .state
            .db
            .discord()
            .connections_of_account(account)
            .await
        {
            Ok(g) => g,
            Err(e) => {
                tracing::warn!(%account, error = %e, feature,
                    "discord feature post dropped: the account's guilds cannot be read");
                count(&self.state, &self.poster.outcomes, feature, "discord_error");
                return;
            }
        };
        for g in guilds {
            let mappings =
                match crate::discord::service::enabled_mappings(&self.state, &g.guild_id).await {
                    Ok(m) => m,
                    Err(e) => {
                        tracing::warn!(guild_id = %g.guild_id, error = %e, feature,
                            "discord feature post dropped: the guild's mappings cannot be read");
                        count(&self.state, &self.poster.outcomes, feature, "discord_error");
                        continue;
                    }
                };
            for m in mappings.into_iter().filter(|m| m.feature == feature) {
                self.poster.enqueue(Post {
                    guild_id: g.guild_id.clone(),
                    channel_id: m.channel_id,
                    feature,
                    content: content.clone(),
                });
            }
        }
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        for (_, tasks) in self.listening.drain() {
            tasks.iter().for_each(JoinHandle::abort);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn events_become_posts_of_their_feature() {
        let m = json!({"type": "message", "message": {"platform": "twitch",
            "username": "al", "display_name": "Al*", "message": "hi @everyone"}});
        let (f, text) = post_of(&m).unwrap();
        assert_eq!(f, "chat_mirror");
        assert_eq!(text, "[twitch] **Al\\***: hi @\u{200b}everyone");
        let d = json!({"type": "message", "message": {"platform": "discord", "message": "x"}});
        assert!(
            post_of(&d).is_none(),
            "Discord chat is not mirrored into Discord"
        );
        let b = json!({"type": "user_banned", "platform": "twitch", "user_id": "1",
            "username": "spammer", "moderator": "Mo", "reason": "spam"});
        assert_eq!(
            post_of(&b).unwrap(),
            (
                "moderation_log",
                "[twitch] Mo banned **spammer** — spam".into()
            )
        );
        let live = json!({"type": "stream_status", "platform": "twitch", "live": true});
        assert_eq!(post_of(&live).unwrap().0, "live_notification");
        let off = json!({"type": "stream_status", "platform": "twitch", "live": false});
        assert!(post_of(&off).is_none());
    }
}
