//! Slash-command registration (seed 004: "Discord: also registers slash commands per guild
//! (bulk overwrite, 200/day rate limit)").
//!
//! The account's commands marked slash (`discord_style: slash`, enabled, on `discord`) are
//! registered in each of its guilds as one bulk overwrite
//! (`PUT /applications/{app}/guilds/{g}/commands`) when the guild becomes available
//! (GUILD_CREATE) and when the account's commands change (`command_sync`). An overwrite that
//! would change nothing (the same list as the last one this bot registered) is not sent.
//!
//! Discord allows 200 application-command creates per guild per day. lumio counts what it
//! registers per guild per UTC day on the bus (`lumio:discord_commands:{guild_id}:{day}`,
//! each command of an overwrite counting as one, which never undercounts Discord's creates)
//! and does not send an overwrite past 200: it logs a warning and records the refusal in
//! the guild's settings (`slash_commands`), which `GET /v1/discord/guilds/{id}/commands`
//! (`discordGuildCommands`) and `lumio discord commands` show. Discord's own refusal
//! (30034) is recorded the same way.

use std::time::Duration;

use serde::Serialize;
use serde_json::{json, Value};
use uuid::Uuid;

use super::connector::DiscordConnector;
use crate::bus::keys;
use crate::error::AppResult;
use crate::platforms::connector::PlatformError;
use crate::state::AppState;

/// Discord's daily limit of application-command creates per guild.
pub const DAILY_LIMIT: i64 = 200;

/// What one registration did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Registration {
    /// Registered (`count` commands).
    Registered { count: usize, today: i64 },
    /// The same list is registered already: nothing sent.
    Unchanged,
    /// Not sent: the day's limit would be passed.
    DailyLimit { today: i64, wanted: usize },
    /// Discord refused it.
    Failed { message: String },
    /// No application id configured (`LUMIO_DISCORD_CLIENT_ID`).
    NotConfigured,
}

/// The Discord command of a lumio command (name rules: 1–32 lower-case letters, digits, `-`
/// or `_`; description 1–100 characters).
fn discord_command(c: &crate::commands::model::BotCommand) -> Option<Value> {
    let name = c.name.to_lowercase();
    let valid = !name.is_empty()
        && name.chars().count() <= 32
        && name
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '-' || ch == '_');
    if !valid {
        return None;
    }
    let mut description: String = c
        .response
        .chars()
        .filter(|ch| !ch.is_control())
        .take(100)
        .collect();
    if description.trim().is_empty() {
        description = format!("lumio command {name}");
    }
    Some(json!({"name": name, "type": 1, "description": description}))
}

/// The slash commands of an account, as Discord takes them, sorted by name.
pub async fn slash_commands(state: &AppState, account: Uuid) -> AppResult<Vec<Value>> {
    let mut out: Vec<Value> = crate::commands::service::effective(state, account)
        .await?
        .iter()
        .filter(|c| {
            c.enabled && c.discord_style == "slash" && c.platforms.iter().any(|p| p == "discord")
        })
        .filter_map(|c| {
            let d = discord_command(c);
            if d.is_none() {
                tracing::warn!(%account, command = %c.name,
                    "not a valid Discord slash command name; not registered");
            }
            d
        })
        .collect();
    out.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    Ok(out)
}

fn today() -> String {
    crate::store::now().format("%Y-%m-%d").to_string()
}

/// Record the outcome in the guild's settings (best effort).
async fn record(state: &AppState, guild_id: &str, r: &Registration) {
    let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
    v["at"] = json!(crate::store::now());
    v["limit"] = json!(DAILY_LIMIT);
    if let Err(e) = state
        .db
        .discord()
        .set_setting(guild_id, "slash_commands", v, crate::store::now())
        .await
    {
        tracing::warn!(guild_id, error = %e, "could not record the slash registration");
    }
}

/// Registrations made today in a guild.
pub async fn registrations_today(state: &AppState, guild_id: &str) -> AppResult<i64> {
    Ok(state
        .bus
        .get(&keys::discord_command_registrations(guild_id, &today()))
        .await?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// Register `commands` in a guild unless `last` (what this bot registered there last) is the
/// same list; within the day's limit.
pub async fn register(
    state: &AppState,
    discord: &DiscordConnector,
    guild_id: &str,
    commands: &[Value],
    last: Option<&Vec<Value>>,
) -> Registration {
    let Some(app) = state.config.platforms.discord.client_id.as_deref() else {
        return Registration::NotConfigured;
    };
    if last.is_some_and(|l| l.as_slice() == commands) {
        return Registration::Unchanged;
    }
    let key = keys::discord_command_registrations(guild_id, &today());
    let wanted = commands.len() as i64;
    // Count first (atomically), give back if over: two instances never both pass the limit.
    let r = match state.bus.incr(&key, wanted).await {
        Ok(today) => {
            let _ = state
                .bus
                .expire(&key, Duration::from_secs(2 * 86_400))
                .await;
            if today > DAILY_LIMIT {
                let _ = state.bus.incr(&key, -wanted).await;
                tracing::warn!(
                    guild_id,
                    today = today - wanted,
                    wanted,
                    limit = DAILY_LIMIT,
                    "Discord's daily limit of slash-command registrations for this guild is \
                     reached; the commands are registered again tomorrow or on the next change"
                );
                Registration::DailyLimit {
                    today: today - wanted,
                    wanted: commands.len(),
                }
            } else {
                match discord
                    .overwrite_guild_commands(app, guild_id, &Value::Array(commands.to_vec()))
                    .await
                {
                    Ok(_) => {
                        tracing::info!(
                            guild_id,
                            count = commands.len(),
                            "slash commands registered"
                        );
                        Registration::Registered {
                            count: commands.len(),
                            today,
                        }
                    }
                    Err(e) => {
                        let _ = state.bus.incr(&key, -wanted).await;
                        let limit =
                            matches!(&e, PlatformError::Api { error, .. } if error == "30034");
                        tracing::warn!(guild_id, error = %e, "slash commands not registered");
                        if limit {
                            Registration::DailyLimit {
                                today: today - wanted,
                                wanted: commands.len(),
                            }
                        } else {
                            Registration::Failed {
                                message: e.to_string(),
                            }
                        }
                    }
                }
            }
        }
        Err(e) => Registration::Failed {
            message: format!("the registration count is unavailable: {e}"),
        },
    };
    if r != Registration::Unchanged {
        record(state, guild_id, &r).await;
    }
    r
}
