//! The dry run of a command (`testBotCommand`, `POST /v1/bot-commands/test`): what a
//! message would do as a role on a platform, with the cooldowns' state and the variables
//! that did not render — reading the bus and the database, writing nothing.

use super::engine::{self, AccountCommands};
use super::model::*;
use super::role::Role;
use super::service::{effective, store_err, Caller};
use super::usage::uses;
use super::variables::{RenderCtx, VariableRegistry};
use crate::bus::keys;
use crate::bus::Ttl;
use crate::error::{AppError, AppResult};
use crate::platforms::Platform;
use crate::state::AppState;

/// When the stream of a channel went live (the `streamIsLive` value), for `{uptime}`.
pub fn uptime_of(value: Option<&str>) -> super::variables::Uptime {
    use super::variables::Uptime;
    match value {
        None => Uptime::Offline,
        Some(v) => match chrono::DateTime::parse_from_rfc3339(v) {
            Ok(t) => Uptime::Live(crate::store::now() - t.with_timezone(&chrono::Utc)),
            Err(_) => Uptime::Unknown,
        },
    }
}

fn ttl_secs(t: Ttl) -> i64 {
    match t {
        Ttl::Expires(d) => d.as_secs_f64().ceil() as i64,
        Ttl::Persistent => i64::MAX,
        Ttl::Missing => 0,
    }
}

/// `testBotCommand` / `POST /v1/bot-commands/test`: what a message would do, as a given
/// role on a platform — nothing consumed.
pub async fn test(state: &AppState, caller: &Caller, input: &TestInput) -> AppResult<TestResult> {
    let ctx = caller.ctx()?;
    let account = ctx.account_id;
    let platform: Platform = input.platform.as_deref().unwrap_or("twitch").parse()?;
    let role: Role = match &input.as_role {
        Some(r) => r.parse().map_err(|_| {
            AppError::Validation(format!(
                "as: unknown role '{r}' (expected broadcaster, moderator, vip, subscriber, \
                 follower or everyone)"
            ))
        })?,
        None => Role::Everyone,
    };
    let user = input.user.clone().unwrap_or_else(|| "tester".into());
    let user_id = input.user_id.clone().unwrap_or_else(|| user.to_lowercase());
    let mut result = TestResult {
        would_run: false,
        outcome: "ignored".into(),
        reason: None,
        command_id: None,
        command_name: None,
        reply: None,
        automation: None,
        unknown_variables: Vec::new(),
        warnings: Vec::new(),
        global_cooldown_remaining: 0,
        user_cooldown_remaining: 0,
        skips_cooldown: false,
    };
    let Some(inv) = engine::parse_invocation(&input.message) else {
        result.reason = Some(format!(
            "'{}' is not a command call (start it with {} or, on Discord, /)",
            input.message,
            engine::PREFIX
        ));
        return Ok(result);
    };
    let registry = VariableRegistry::builtin();
    let views = effective(state, account).await?;
    let features = state
        .db
        .commands()
        .features(account)
        .await
        .map_err(store_err)?;
    let cmds = AccountCommands::new(&views, features.clone(), &registry);
    let Some(cmd) = cmds.find(&inv, platform) else {
        result.reason = Some(format!(
            "no command {}{} on {platform} in this account",
            if inv.slash { "/" } else { "!" },
            inv.name
        ));
        return Ok(result);
    };
    result.command_id = Some(cmd.id);
    result.command_name = Some(cmd.name.clone());
    let disabled = state
        .bus
        .set_contains(&keys::disabled_commands(account), &cmd.name)
        .await?;
    let gate = engine::gate(cmd, disabled, platform, role);
    if gate != engine::Gate::Ready {
        result.reason = Some(gate.reason(platform));
        return Ok(result);
    }
    result.skips_cooldown = engine::skips_cooldown(cmd, role);
    let plan = engine::cooldown_plan(cmd, role, account, &user_id);
    if let Some((k, _)) = &plan.global {
        result.global_cooldown_remaining = ttl_secs(state.bus.ttl(k).await?);
    }
    if let Some((k, _)) = &plan.user {
        result.user_cooldown_remaining = ttl_secs(state.bus.ttl(k).await?);
    }
    let uptime = uptime_of(
        state
            .bus
            .get(&keys::stream_is_live(account, platform))
            .await?
            .as_deref(),
    );
    let song = state.bus.get(&keys::now_playing(account)).await?;
    let count = uses(state, account, cmd.id).await? + 1;
    let rctx = RenderCtx {
        user: &user,
        channel: "",
        platform: platform.as_str(),
        args: &inv.args,
        uptime,
        song: song.as_deref(),
        count: Some(count),
        features: &features,
    };
    let channel = crate::chatter::service::channel_name(state, account, platform).await?;
    let rctx = RenderCtx {
        channel: &channel,
        ..rctx
    };
    let on_cooldown = result.global_cooldown_remaining > 0 || result.user_cooldown_remaining > 0;
    if on_cooldown {
        result.reason = Some(format!(
            "on cooldown: {}s global, {}s for this user",
            result.global_cooldown_remaining, result.user_cooldown_remaining
        ));
        match &cmd.cooldown_reply {
            Some(t) => {
                let remaining = result
                    .global_cooldown_remaining
                    .max(result.user_cooldown_remaining);
                let r = super::template::render(t, &registry, &rctx);
                result.reply = Some(r.text.replace("{remaining}", &remaining.to_string()));
                result.outcome = "reply".into();
            }
            None => result.outcome = "silent".into(),
        }
        return Ok(result);
    }
    let rendered = super::template::render(&cmd.response, &registry, &rctx);
    result.unknown_variables = rendered.unknown;
    result.warnings = rendered.warnings;
    result.would_run = true;
    match cmd.kind {
        engine::Kind::Automation => {
            result.outcome = "automation".into();
            result.automation = cmd.automation.clone();
            if cmd
                .automation
                .as_deref()
                .is_some_and(|a| a.starts_with("builtin:"))
            {
                result.reply = Some(rendered.text);
            }
        }
        _ => {
            result.outcome = "reply".into();
            result.reply = Some(rendered.text);
        }
    }
    Ok(result)
}
