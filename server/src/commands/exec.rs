//! Running commands on chat messages: the per-instance cache of each account's commands,
//! the bus round trips (at most three per execution: versions + `disabledcommands` + the
//! cooldowns' `SET NX PX` in one pipeline, then the use counter, then the reply), the
//! built-in item commands, and the worker that flushes use counters to
//! `bot_command_stats`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::seq::SliceRandom;
use rand::Rng;
use serde_json::json;
use uuid::Uuid;

use super::dry_run::uptime_of;
use super::engine::{
    self, AccountCommands, CooldownDecision, Gate, Invocation, Kind, LoadedCommand,
};
use super::role::Role;
use super::service::{effective, store_err};
use super::template;
use super::variables::{Fact, RenderCtx, VariableRegistry};
use crate::auth::{AccountCtx, Permission};
use crate::bus::keys::{self, UserFlag};
use crate::bus::{BusOp, BusReply};
use crate::error::{AppError, AppResult};
use crate::moderation::model::ModerationInput;
use crate::moderation::service::Actor;
use crate::platforms::Platform;
use crate::state::AppState;

/// How often use counters are flushed to the database.
pub const FLUSH_EVERY: Duration = Duration::from_secs(5);

struct Cached {
    versions: (Option<String>, Option<String>),
    commands: Arc<AccountCommands>,
}

/// Each account's loaded commands on this instance, reloaded when the account's (or the
/// global) command version on the bus changes.
#[derive(Default)]
pub struct CommandCache {
    entries: Mutex<HashMap<Uuid, Arc<Cached>>>,
}

impl CommandCache {
    fn get(&self, account: Uuid) -> Option<Arc<Cached>> {
        let map = match self.entries.lock() {
            Ok(m) => m,
            Err(p) => p.into_inner(),
        };
        map.get(&account).cloned()
    }

    fn put(&self, account: Uuid, c: Cached) -> Arc<Cached> {
        let c = Arc::new(c);
        let mut map = match self.entries.lock() {
            Ok(m) => m,
            Err(p) => p.into_inner(),
        };
        map.insert(account, c.clone());
        c
    }
}

/// The registry of built-in variables, built once.
pub fn registry() -> &'static VariableRegistry {
    static REG: std::sync::OnceLock<VariableRegistry> = std::sync::OnceLock::new();
    REG.get_or_init(VariableRegistry::builtin)
}

/// Who sent the message that calls a command.
#[derive(Debug, Clone)]
pub struct Invoker {
    pub account: Uuid,
    pub platform: Platform,
    pub channel: String,
    pub user_id: String,
    /// Display name.
    pub user_name: String,
    pub role: Role,
    pub message_id: Option<Uuid>,
    pub platform_message_id: Option<String>,
}

/// What a message did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// No command of that name (or not in that style) on the platform.
    Unknown,
    /// A command that does not run: disabled, not on this platform, role too low.
    Ignored(String),
    /// On cooldown: silent, or the cooldown reply sent.
    OnCooldown { reply: Option<String> },
    /// The reply sent (for an item command: with what happened).
    Replied { command: String, text: String },
    /// An automation's trigger published.
    Automation { command: String, automation: String },
}

async fn load(
    state: &AppState,
    account: Uuid,
    versions: (Option<String>, Option<String>),
) -> AppResult<Arc<Cached>> {
    let views = effective(state, account).await?;
    let features = state
        .db
        .commands()
        .features(account)
        .await
        .map_err(store_err)?;
    // Seed 002: `anivmessages` always exists.
    state
        .bus
        .set_nx(
            &keys::aniv_messages(account),
            r#"{"aniv":null,"aneev":null}"#,
            None,
        )
        .await?;
    let commands = AccountCommands::new(&views, features, registry());
    Ok(state.commands.put(
        account,
        Cached {
            versions,
            commands: Arc::new(commands),
        },
    ))
}

fn reply_body(who: &Invoker, command: &str, text: &str) -> String {
    json!({"action": "send", "platform": who.platform.as_str(), "channel": who.channel,
        "message": text, "reply_to": who.platform_message_id, "command": command,
        "by": "lumio bot"})
    .to_string()
}

/// Run the command a chat message calls, if any.
pub async fn execute(state: &AppState, inv: &Invocation, who: &Invoker) -> AppResult<Outcome> {
    let account = who.account;
    let version_keys = (keys::cmd_version(account), keys::cmd_version("global"));
    let mut cached = state.commands.get(account);
    for attempt in 0..2 {
        let cmd = cached
            .as_ref()
            .and_then(|c| c.commands.find(inv, who.platform).cloned());
        let name = cmd
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_else(|| inv.name.clone());
        // One round trip: versions, disabledcommands, and — when the cached command would
        // run — its cooldowns and the facts its response needs.
        let mut ops = vec![
            BusOp::Get {
                key: version_keys.0.clone(),
            },
            BusOp::Get {
                key: version_keys.1.clone(),
            },
            BusOp::SetContains {
                key: keys::disabled_commands(account),
                member: name.clone(),
            },
        ];
        let ready = cmd
            .as_ref()
            .map(|c| engine::gate(c, false, who.platform, who.role) == Gate::Ready)
            .unwrap_or(false);
        let plan = match (&cmd, ready) {
            (Some(c), true) => engine::cooldown_plan(c, who.role, account, &who.user_id),
            _ => Default::default(),
        };
        for (k, ttl) in plan.global.iter().chain(plan.user.iter()) {
            ops.push(BusOp::SetNx {
                key: k.clone(),
                value: "1".into(),
                ttl: Some(*ttl),
            });
        }
        let facts: Vec<Fact> = match (&cmd, ready) {
            (Some(c), true) => c.needs.clone(),
            _ => Vec::new(),
        };
        let wants_uptime = facts.contains(&Fact::Uptime);
        let wants_song = facts.contains(&Fact::Song);
        if wants_uptime {
            ops.push(BusOp::Get {
                key: keys::stream_is_live(account, who.platform),
            });
        }
        if wants_song {
            ops.push(BusOp::Get {
                key: keys::now_playing(account),
            });
        }
        let mut replies = state.bus.batch(ops).await?.into_iter();
        let mut next = || replies.next().unwrap_or(BusReply::Done);
        let versions = (next().into_value(), next().into_value());
        let disabled = next().flag();
        let global_set = plan.global.as_ref().map(|_| next().flag());
        let user_set = plan.user.as_ref().map(|_| next().flag());
        let uptime = wants_uptime.then(|| next().into_value());
        let song = if wants_song {
            next().into_value()
        } else {
            None
        };
        let claimed: Vec<String> = plan
            .global
            .iter()
            .zip(global_set)
            .chain(plan.user.iter().zip(user_set))
            .filter(|(_, set)| *set)
            .map(|((k, _), _)| k.clone())
            .collect();
        let stale = cached.as_ref().is_none_or(|c| c.versions != versions);
        if stale && attempt == 0 {
            for k in &claimed {
                state.bus.del(k).await?;
            }
            cached = Some(load(state, account, versions).await?);
            continue;
        }
        let Some(cmd) = cmd else {
            return Ok(Outcome::Unknown);
        };
        let gate = engine::gate(&cmd, disabled, who.platform, who.role);
        if gate != Gate::Ready {
            for k in &claimed {
                state.bus.del(k).await?;
            }
            return Ok(Outcome::Ignored(gate.reason(who.platform)));
        }
        let features = cached
            .as_ref()
            .map(|c| c.commands.features.clone())
            .unwrap_or_default();
        let mut rctx = RenderCtx {
            user: &who.user_name,
            channel: &who.channel,
            platform: who.platform.as_str(),
            args: &inv.args,
            uptime: uptime_of(uptime.flatten().as_deref()),
            song: song.as_deref(),
            count: None,
            features: &features,
        };
        if let CooldownDecision::OnCooldown { undo, .. } =
            engine::decide(&plan, global_set, user_set)
        {
            for k in &undo {
                state.bus.del(k).await?;
            }
            let Some(t) = &cmd.cooldown_reply else {
                return Ok(Outcome::OnCooldown { reply: None });
            };
            let mut left = 0;
            for (k, _) in plan.global.iter().chain(plan.user.iter()) {
                if let crate::bus::Ttl::Expires(d) = state.bus.ttl(k).await? {
                    left = left.max(d.as_secs_f64().ceil() as i64);
                }
            }
            let text = template::render(t, registry(), &rctx)
                .text
                .replace("{remaining}", &left.to_string());
            state
                .bus
                .publish(
                    &keys::bot_action(who.platform, account),
                    &reply_body(who, &cmd.name, &text),
                )
                .await?;
            return Ok(Outcome::OnCooldown { reply: Some(text) });
        }
        return run(state, &cmd, inv, who, &mut rctx).await;
    }
    Err(AppError::internal(anyhow::anyhow!(
        "command cache did not settle"
    )))
}

/// Count the use, render, and send (or trigger the automation).
async fn run(
    state: &AppState,
    cmd: &LoadedCommand,
    inv: &Invocation,
    who: &Invoker,
    rctx: &mut RenderCtx<'_>,
) -> AppResult<Outcome> {
    let account = who.account;
    let counter = keys::cmd_count(account, cmd.id);
    let dirty = BusOp::SetAdd {
        key: keys::cmd_count_dirty(),
        member: format!("{account}|{}", cmd.id),
    };
    let needs_count = cmd.needs.contains(&Fact::Count);
    let channel = keys::bot_action(who.platform, account);
    let builtin = cmd
        .automation
        .as_deref()
        .and_then(|a| a.strip_prefix("builtin:"));
    // Plain replies send with the count in the same round trip.
    if cmd.kind != Kind::Automation && !needs_count {
        let text = template::render(&cmd.response, registry(), rctx).text;
        let ops = vec![
            BusOp::Incr {
                key: counter,
                by: 1,
            },
            dirty,
            BusOp::Publish {
                channel,
                payload: reply_body(who, &cmd.name, &text),
            },
        ];
        let first = state.bus.batch(ops).await?.first().and_then(BusReply::int);
        if first == Some(1) {
            restore_count(state, account, cmd.id).await?;
        }
        return Ok(Outcome::Replied {
            command: cmd.name.clone(),
            text,
        });
    }
    let replies = state
        .bus
        .batch(vec![
            BusOp::Incr {
                key: counter,
                by: 1,
            },
            dirty,
        ])
        .await?;
    let mut count = replies.first().and_then(BusReply::int).unwrap_or(1);
    if count == 1 {
        count = restore_count(state, account, cmd.id).await?;
    }
    rctx.count = Some(count);
    let text = template::render(&cmd.response, registry(), rctx).text;
    if let Some(item) = builtin {
        let text = run_builtin(state, item, inv, who, text).await?;
        state
            .bus
            .publish(&channel, &reply_body(who, &cmd.name, &text))
            .await?;
        return Ok(Outcome::Replied {
            command: cmd.name.clone(),
            text,
        });
    }
    match (cmd.kind, &cmd.automation) {
        (Kind::Automation, Some(a)) => {
            let body = json!({"action": "automation_trigger", "automation": a,
                "command_id": cmd.id, "command": cmd.name, "platform": who.platform.as_str(),
                "channel": who.channel, "user_id": who.user_id, "user": who.user_name,
                "role": who.role.as_str(), "args": inv.args, "message_id": who.message_id,
                "at": crate::store::now()});
            state.bus.publish(&channel, &body.to_string()).await?;
            Ok(Outcome::Automation {
                command: cmd.name.clone(),
                automation: a.clone(),
            })
        }
        _ => {
            state
                .bus
                .publish(&channel, &reply_body(who, &cmd.name, &text))
                .await?;
            Ok(Outcome::Replied {
                command: cmd.name.clone(),
                text,
            })
        }
    }
}

/// A counter the bus has forgotten starts again from what was flushed: the first use
/// after that adds the stored count. Returns the count with this use.
async fn restore_count(state: &AppState, account: Uuid, command: Uuid) -> AppResult<i64> {
    let stored = state
        .db
        .commands()
        .stored_uses(account, command)
        .await
        .map_err(store_err)?;
    if stored == 0 {
        return Ok(1);
    }
    Ok(state
        .bus
        .incr(&keys::cmd_count(account, command), stored)
        .await?)
}

/// The chatter context of lumio's own bot, for the timeouts of item commands.
fn bot_ctx(account: Uuid) -> AccountCtx {
    AccountCtx {
        account_id: account,
        account_slug: String::new(),
        user_id: Uuid::nil(),
        user_name: "lumio bot".into(),
        permissions: [Permission::ChatTimeout].into_iter().collect(),
    }
}

/// Time a chatter out as lumio's bot: an invulnerable chatter is spared (false).
async fn bot_timeout(
    state: &AppState,
    who: &Invoker,
    user_id: &str,
    secs: i64,
    reason: &str,
) -> AppResult<bool> {
    let input = ModerationInput {
        platform: who.platform.to_string(),
        action: "timeout".into(),
        platform_user_id: Some(user_id.to_string()),
        username: None,
        message_id: None,
        duration_seconds: Some(secs),
        reason: Some(reason.to_string()),
        account_id: None,
    };
    match crate::moderation::service::moderate(state, &bot_ctx(who.account), &input, Actor::BotRule)
        .await
    {
        Ok(_) => Ok(true),
        Err(AppError::Forbidden(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

async fn name_of(state: &AppState, who: &Invoker, user_id: &str) -> AppResult<String> {
    Ok(state
        .bus
        .get(&keys::user_display_name(who.account, who.platform, user_id))
        .await?
        .unwrap_or_else(|| user_id.to_string()))
}

/// The item commands of seed 002 (`grenade`, `tnt`, `silverbullet`) and `roulette`.
/// Items are refused to an `itemlock`ed chatter; their random timeouts only reach
/// `vulnerable` chatters, never `invulnerable` ones.
async fn run_builtin(
    state: &AppState,
    item: &str,
    inv: &Invocation,
    who: &Invoker,
    text: String,
) -> AppResult<String> {
    let flag = |f: UserFlag| keys::user_flag(who.account, who.platform, &who.user_id, f);
    if item != "roulette" && state.bus.exists(&flag(UserFlag::ItemLock)).await? {
        return Ok(format!("{}, your items are locked.", who.user_name));
    }
    let pool_key = keys::vulnerable_users(who.account, who.platform);
    let mut pool: Vec<String> = state
        .bus
        .set_members(&pool_key)
        .await?
        .into_iter()
        .filter(|u| *u != who.user_id)
        .collect();
    match item {
        "roulette" => {
            let bang = rand::thread_rng().gen_range(0..6) == 0;
            if !bang {
                return Ok(format!("{text} click. {} lives.", who.user_name));
            }
            state
                .bus
                .incr(&keys::roulette_count(who.account), 1)
                .await?;
            let out = bot_timeout(state, who, &who.user_id, 60, "roulette").await?;
            Ok(if out {
                format!("{text} BANG! {} is out for 60s.", who.user_name)
            } else {
                format!("{text} BANG! …but {} is invulnerable.", who.user_name)
            })
        }
        "grenade" | "tnt" => {
            let (victims, secs) = if item == "grenade" { (1, 60) } else { (3, 120) };
            pool.shuffle(&mut rand::thread_rng());
            let mut hit = Vec::new();
            for u in pool.into_iter().take(victims) {
                if bot_timeout(state, who, &u, secs, item).await? {
                    hit.push(name_of(state, who, &u).await?);
                }
            }
            Ok(if hit.is_empty() {
                format!("{text} Nobody vulnerable was hit.")
            } else {
                format!("{text} {} out for {secs}s.", hit.join(", "))
            })
        }
        "silverbullet" => {
            let Some(target) = inv
                .args
                .first()
                .map(|a| a.trim_start_matches('@').to_lowercase())
            else {
                return Ok(format!("{text} …at nobody: name a target."));
            };
            let id = state
                .bus
                .get(&keys::user_lookup(who.account, who.platform, &target))
                .await?
                .unwrap_or(target.clone());
            if !pool.contains(&id) {
                return Ok(format!("{text} {target} is not vulnerable."));
            }
            Ok(
                if bot_timeout(state, who, &id, 300, "silverbullet").await? {
                    format!("{text} {target} is out for 300s.")
                } else {
                    format!("{text} {target} is invulnerable.")
                },
            )
        }
        other => Ok(format!("{text} (unknown item {other})")),
    }
}

/// Move the use counters touched since the last flush into `bot_command_stats`. Returns
/// how many were stored. A counter is written as its current value and never lowers the
/// stored one, so a flush that runs twice, or on two instances, is harmless.
pub async fn flush_counts(state: &AppState) -> AppResult<usize> {
    let dirty_key = keys::cmd_count_dirty();
    let mut stored = 0;
    for member in state.bus.set_members(&dirty_key).await? {
        // Taken off first: a use meanwhile puts it back for the next flush.
        state.bus.set_remove(&dirty_key, &member).await?;
        let Some((a, c)) = member.split_once('|') else {
            continue;
        };
        let (Ok(account), Ok(command)) = (Uuid::try_parse(a), Uuid::try_parse(c)) else {
            continue;
        };
        let Some(n) = state
            .bus
            .get(&keys::cmd_count(account, command))
            .await?
            .and_then(|v| v.parse::<i64>().ok())
        else {
            continue;
        };
        match state
            .db
            .commands()
            .flush_uses(account, command, n, crate::store::now())
            .await
        {
            Ok(true) => stored += 1,
            Ok(false) => {}
            Err(e) => {
                state.bus.set_add(&dirty_key, &member).await?;
                return Err(store_err(e));
            }
        }
    }
    Ok(stored)
}

/// The counter flush worker: every [`FLUSH_EVERY`], and once more when stopped (a `worker`
/// span named `command_counters`).
pub fn spawn_flusher(
    state: AppState,
    stop: tokio::sync::watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    crate::worker::spawn_worker("command_counters", FLUSH_EVERY, stop, CounterFlush(state))
}

struct CounterFlush(AppState);

impl crate::worker::Periodic for CounterFlush {
    async fn pass(&self) {
        if let Err(e) = flush_counts(&self.0).await {
            tracing::warn!(error = %e, "command counters: flush failed");
        }
    }

    async fn stop(&self) {
        if let Err(e) = flush_counts(&self.0).await {
            tracing::warn!(error = %e, "command counters: last flush failed");
        }
    }
}
