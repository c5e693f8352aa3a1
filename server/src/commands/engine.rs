//! The pure part of running a command: matching a chat message to a loaded command, the
//! permission check, the cooldown keys and the decision given the bus's answers. The service
//! does the I/O around it (seed 004's `registry.rs`, `permission.rs`, `cooldown.rs`).
//!
//! Order of checks on a chat message: a disabled command (seed 002 `disabledcommands`, or
//! an override that disables a global) is ignored → the platform must be one of the
//! command's → the invoker's role must allow it → cooldowns → render → send.

use std::collections::HashMap;
use std::time::Duration;

use uuid::Uuid;

use super::model::BotCommand;
use super::role::Role;
use super::template::{self, Template};
use super::variables::{Fact, VariableRegistry};
use crate::bus::keys;
use crate::platforms::Platform;

/// The prefix of chat commands on every platform.
pub const PREFIX: char = '!';

/// A chat message that calls a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    /// Lower case, without the prefix.
    pub name: String,
    pub args: Vec<String>,
    /// Written `/name` (a Discord slash command) rather than `!name`.
    pub slash: bool,
}

/// `!so @alice` → `so` with `["@alice"]`; `/so …` is a slash command; anything else is not
/// an invocation.
pub fn parse_invocation(message: &str) -> Option<Invocation> {
    let m = message.trim_start();
    let slash = m.starts_with('/');
    let body = m.strip_prefix(PREFIX).or_else(|| m.strip_prefix('/'))?;
    let mut words = body.split_whitespace();
    let name = words.next()?.to_lowercase();
    if name.is_empty() || body.starts_with(char::is_whitespace) {
        return None;
    }
    Some(Invocation {
        name,
        args: words.map(String::from).collect(),
        slash,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Template,
    Automation,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "text" => Some(Kind::Text),
            "template" => Some(Kind::Template),
            "automation" => Some(Kind::Automation),
            _ => None,
        }
    }
}

/// A command as the engine runs it: the effective definition (override applied), parsed.
#[derive(Debug, Clone)]
pub struct LoadedCommand {
    pub id: Uuid,
    pub name: String,
    pub global: bool,
    pub kind: Kind,
    pub response: Template,
    pub automation: Option<String>,
    pub platforms: Vec<Platform>,
    pub slash: bool,
    pub min_role: Role,
    pub global_cooldown: Duration,
    pub user_cooldown: Duration,
    pub cooldown_applies_to_mods: bool,
    pub cooldown_reply: Option<Template>,
    pub enabled: bool,
    /// The facts its templates need fetched.
    pub needs: Vec<Fact>,
}

impl LoadedCommand {
    pub fn from_view(c: &BotCommand, registry: &VariableRegistry) -> LoadedCommand {
        let response = match Kind::parse(&c.kind) {
            // A text command's response is sent as written.
            Some(Kind::Text) => Template {
                text: c.response.clone(),
                spans: Vec::new(),
            },
            _ => template::parse(&c.response),
        };
        let cooldown_reply = c.cooldown_reply.as_deref().map(template::parse);
        let mut needs = response.needs(registry);
        if let Some(r) = &cooldown_reply {
            for f in r.needs(registry) {
                if !needs.contains(&f) {
                    needs.push(f);
                }
            }
        }
        LoadedCommand {
            id: c.id,
            name: c.name.clone(),
            global: c.account_id.is_none(),
            kind: Kind::parse(&c.kind).unwrap_or(Kind::Text),
            response,
            automation: c.automation.clone(),
            platforms: c.platforms.iter().filter_map(|p| p.parse().ok()).collect(),
            slash: c.discord_style == "slash",
            min_role: c.min_role.parse().unwrap_or(Role::Broadcaster),
            global_cooldown: Duration::from_secs(c.global_cooldown_seconds.max(0) as u64),
            user_cooldown: Duration::from_secs(c.user_cooldown_seconds.max(0) as u64),
            cooldown_applies_to_mods: c.cooldown_applies_to_mods,
            cooldown_reply,
            enabled: c.enabled,
            needs,
        }
    }
}

/// An account's commands on one platform, by name and alias (seed 004 `AccountCommands`).
#[derive(Debug, Clone, Default)]
pub struct AccountCommands {
    pub commands: Vec<LoadedCommand>,
    by_name: HashMap<String, usize>,
    /// The account's enabled features (for gated variables).
    pub features: Vec<String>,
}

impl AccountCommands {
    /// From the account's effective commands (shadowed globals already left out).
    pub fn new(
        views: &[BotCommand],
        features: Vec<String>,
        registry: &VariableRegistry,
    ) -> AccountCommands {
        let mut commands = Vec::with_capacity(views.len());
        let mut by_name = HashMap::new();
        for v in views {
            let i = commands.len();
            commands.push(LoadedCommand::from_view(v, registry));
            by_name.insert(v.name.clone(), i);
            for a in &v.aliases {
                by_name.entry(a.clone()).or_insert(i);
            }
        }
        AccountCommands {
            commands,
            by_name,
            features,
        }
    }

    /// The command a message calls on a platform, if any. On Discord a slash command
    /// answers only to `/name`, a prefix command only to `!name`; elsewhere only `!name`.
    pub fn find(&self, inv: &Invocation, platform: Platform) -> Option<&LoadedCommand> {
        let cmd = &self.commands[*self.by_name.get(&inv.name)?];
        let style_ok = match platform {
            Platform::Discord => cmd.slash == inv.slash,
            _ => !inv.slash,
        };
        style_ok.then_some(cmd)
    }

    pub fn len(&self) -> usize {
        self.commands.len()
    }

    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
    }
}

/// Why a matched command does not run before cooldowns are asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    Ready,
    Disabled,
    /// The command is not active on this platform.
    Platform,
    Permission {
        needed: Role,
        had: Role,
    },
}

impl Gate {
    pub fn reason(&self, platform: Platform) -> String {
        match self {
            Gate::Ready => "ready".into(),
            Gate::Disabled => "the command is disabled".into(),
            Gate::Platform => format!("the command is not active on {platform}"),
            Gate::Permission { needed, had } => {
                format!("needs {needed} or higher; the invoker is {had}")
            }
        }
    }
}

/// Disabled → platform → permission, in that order.
pub fn gate(cmd: &LoadedCommand, disabled: bool, platform: Platform, role: Role) -> Gate {
    if disabled || !cmd.enabled {
        Gate::Disabled
    } else if !cmd.platforms.contains(&platform) {
        Gate::Platform
    } else if !role.allows(cmd.min_role) {
        Gate::Permission {
            needed: cmd.min_role,
            had: role,
        }
    } else {
        Gate::Ready
    }
}

/// The cooldown keys to claim with `SET NX PX` (TTL = the cooldown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CooldownPlan {
    pub global: Option<(String, Duration)>,
    pub user: Option<(String, Duration)>,
}

impl CooldownPlan {
    pub fn is_empty(&self) -> bool {
        self.global.is_none() && self.user.is_none()
    }
}

/// Whether the role skips this command's cooldowns.
pub fn skips_cooldown(cmd: &LoadedCommand, role: Role) -> bool {
    role.skips_cooldowns() && !cmd.cooldown_applies_to_mods
}

/// The seed's keys `lumio:cmd_cd:{account_id}:{command_name}:global` and
/// `…:user:{user_id}`, for the cooldowns the command has and the role does not skip.
pub fn cooldown_plan(
    cmd: &LoadedCommand,
    role: Role,
    account: Uuid,
    user_id: &str,
) -> CooldownPlan {
    if skips_cooldown(cmd, role) {
        return CooldownPlan::default();
    }
    CooldownPlan {
        global: (!cmd.global_cooldown.is_zero()).then(|| {
            (
                keys::cmd_cooldown_global(account, &cmd.name),
                cmd.global_cooldown,
            )
        }),
        user: (!cmd.user_cooldown.is_zero()).then(|| {
            (
                keys::cmd_cooldown_user(account, &cmd.name, user_id),
                cmd.user_cooldown,
            )
        }),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CooldownDecision {
    Ready,
    /// On cooldown; `undo` are keys this attempt set and must delete again (a global
    /// claimed while the user's was still running, or the other way round).
    OnCooldown {
        global: bool,
        undo: Vec<String>,
    },
}

/// The decision given whether each planned `SET NX PX` succeeded (`None`: not planned).
pub fn decide(
    plan: &CooldownPlan,
    global_set: Option<bool>,
    user_set: Option<bool>,
) -> CooldownDecision {
    let global_blocked = global_set == Some(false);
    let user_blocked = user_set == Some(false);
    if !global_blocked && !user_blocked {
        return CooldownDecision::Ready;
    }
    let mut undo = Vec::new();
    if global_set == Some(true) {
        if let Some((k, _)) = &plan.global {
            undo.push(k.clone());
        }
    }
    if user_set == Some(true) {
        if let Some((k, _)) = &plan.user {
            undo.push(k.clone());
        }
    }
    CooldownDecision::OnCooldown {
        global: global_blocked,
        undo,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(name: &str, aliases: &[&str]) -> BotCommand {
        let now = chrono::Utc::now();
        BotCommand {
            id: Uuid::now_v7(),
            account_id: Some(Uuid::nil()),
            scope: "account".into(),
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind: "template".into(),
            response: "hi {user}".into(),
            automation: None,
            platforms: vec!["twitch".into(), "discord".into()],
            discord_style: "prefix".into(),
            min_role: "everyone".into(),
            global_cooldown_seconds: 30,
            user_cooldown_seconds: 60,
            cooldown_applies_to_mods: false,
            cooldown_reply: None,
            enabled: true,
            needs_review: false,
            source: None,
            source_id: None,
            account_override: None,
            shadows_global: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn invocations() {
        let i = parse_invocation("  !SO @alice  now").unwrap();
        assert_eq!(
            (i.name.as_str(), i.args.as_slice(), i.slash),
            ("so", &["@alice".to_string(), "now".to_string()][..], false)
        );
        assert!(parse_invocation("/so bob").unwrap().slash);
        for not in ["hello", "! so", "!", "", "so!"] {
            assert_eq!(parse_invocation(not), None, "{not}");
        }
    }

    #[test]
    fn matching_by_name_alias_and_discord_style() {
        let reg = VariableRegistry::builtin();
        let mut slash = view("dice", &[]);
        slash.discord_style = "slash".into();
        let cmds = AccountCommands::new(&[view("shoutout", &["so"]), slash], vec![], &reg);
        let so = parse_invocation("!so bob").unwrap();
        assert_eq!(cmds.find(&so, Platform::Twitch).unwrap().name, "shoutout");
        assert_eq!(cmds.find(&so, Platform::Discord).unwrap().name, "shoutout");
        assert!(cmds
            .find(&parse_invocation("/so").unwrap(), Platform::Discord)
            .is_none());
        let dice_slash = parse_invocation("/dice").unwrap();
        let dice_bang = parse_invocation("!dice").unwrap();
        assert!(cmds.find(&dice_slash, Platform::Discord).is_some());
        assert!(cmds.find(&dice_bang, Platform::Discord).is_none());
        assert!(cmds.find(&dice_bang, Platform::Twitch).is_some());
        assert!(cmds.find(&dice_slash, Platform::Twitch).is_none());
        assert!(cmds
            .find(&parse_invocation("!nope").unwrap(), Platform::Twitch)
            .is_none());
    }

    #[test]
    fn gates_in_order() {
        let reg = VariableRegistry::builtin();
        let mut v = view("x", &[]);
        v.min_role = "vip".into();
        let c = LoadedCommand::from_view(&v, &reg);
        assert_eq!(
            gate(&c, true, Platform::Kick, Role::Everyone),
            Gate::Disabled
        );
        assert_eq!(
            gate(&c, false, Platform::Kick, Role::Everyone),
            Gate::Platform
        );
        assert_eq!(
            gate(&c, false, Platform::Twitch, Role::Subscriber),
            Gate::Permission {
                needed: Role::Vip,
                had: Role::Subscriber
            }
        );
        assert_eq!(gate(&c, false, Platform::Twitch, Role::Vip), Gate::Ready);
        assert!(Gate::Permission {
            needed: Role::Vip,
            had: Role::Everyone
        }
        .reason(Platform::Twitch)
        .contains("needs vip"));
    }

    #[test]
    fn cooldowns_use_the_seed_keys_and_mods_skip_them() {
        let reg = VariableRegistry::builtin();
        let acc = Uuid::nil();
        let c = LoadedCommand::from_view(&view("dice", &[]), &reg);
        let p = cooldown_plan(&c, Role::Everyone, acc, "u1");
        assert_eq!(
            p.global,
            Some((
                format!("lumio:cmd_cd:{acc}:dice:global"),
                Duration::from_secs(30)
            ))
        );
        assert_eq!(
            p.user,
            Some((
                format!("lumio:cmd_cd:{acc}:dice:user:u1"),
                Duration::from_secs(60)
            ))
        );
        assert!(cooldown_plan(&c, Role::Moderator, acc, "u1").is_empty());
        assert!(cooldown_plan(&c, Role::Broadcaster, acc, "u1").is_empty());
        let mut strict = view("dice", &[]);
        strict.cooldown_applies_to_mods = true;
        strict.user_cooldown_seconds = 0;
        let s = LoadedCommand::from_view(&strict, &reg);
        let p = cooldown_plan(&s, Role::Moderator, acc, "u1");
        assert!(p.global.is_some() && p.user.is_none());
    }

    #[test]
    fn decisions_undo_what_they_claimed() {
        let reg = VariableRegistry::builtin();
        let c = LoadedCommand::from_view(&view("dice", &[]), &reg);
        let p = cooldown_plan(&c, Role::Everyone, Uuid::nil(), "u1");
        assert_eq!(decide(&p, Some(true), Some(true)), CooldownDecision::Ready);
        assert_eq!(decide(&p, None, None), CooldownDecision::Ready);
        assert_eq!(
            decide(&p, Some(false), Some(true)),
            CooldownDecision::OnCooldown {
                global: true,
                undo: vec![p.user.clone().unwrap().0]
            }
        );
        assert_eq!(
            decide(&p, Some(true), Some(false)),
            CooldownDecision::OnCooldown {
                global: false,
                undo: vec![p.global.clone().unwrap().0]
            }
        );
        assert_eq!(
            decide(&p, Some(false), Some(false)),
            CooldownDecision::OnCooldown {
                global: true,
                undo: vec![]
            }
        );
    }
}
