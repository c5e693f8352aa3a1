//! The role hierarchy of seed 004 (broadcaster > moderator > vip > subscriber > follower >
//! everyone) and how each platform's badges and flags map onto it. Pure: no I/O.
//!
//! | role | twitch | youtube | kick | trovo | discord |
//! |---|---|---|---|---|---|
//! | broadcaster | badge `broadcaster` | badge `owner` | badge `broadcaster` | badge `streamer` | badge `owner` (guild owner) |
//! | moderator | `is_mod`, badge `moderator`, `lead_moderator` | `is_mod`, badge `moderator` | `is_mod`, badge `moderator` | `is_mod`, badges `mod`, `supermod`, `admin`, `warden` | `is_mod`, badges `moderator`, `administrator` |
//! | vip | `is_vip`, badge `vip` | — | `is_vip`, badges `vip`, `og` | `is_vip`, badge `vip` | — |
//! | subscriber | `is_sub`, badges `subscriber`, `founder` | `is_sub`, badges `member`, `sponsor` | `is_sub`, badges `subscriber`, `founder`, `sub_gifter` | `is_sub`, badges `subscriber` | `is_sub`, badges `subscriber`, `premium_subscriber` (server booster) |
//! | follower | badge `follower` (added by the connector when it knows) | — | badge `follower` | badge `follower` | badge `member` |
//! | everyone | anyone else | | | | |
//!
//! A badge may carry a version (`subscriber/12`): only the part before `/` counts, compared
//! without case. The highest role that matches wins.

use std::fmt;
use std::str::FromStr;

use crate::error::AppError;
use crate::platforms::Platform;

/// A role of the hierarchy, lowest first so that `>=` means "at least".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Role {
    #[default]
    Everyone,
    Follower,
    Subscriber,
    Vip,
    Moderator,
    Broadcaster,
}

impl Role {
    pub const ALL: [Role; 6] = [
        Role::Everyone,
        Role::Follower,
        Role::Subscriber,
        Role::Vip,
        Role::Moderator,
        Role::Broadcaster,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Everyone => "everyone",
            Role::Follower => "follower",
            Role::Subscriber => "subscriber",
            Role::Vip => "vip",
            Role::Moderator => "moderator",
            Role::Broadcaster => "broadcaster",
        }
    }

    /// Whether a chatter with this role may run a command needing `required`.
    pub fn allows(self, required: Role) -> bool {
        self >= required
    }

    /// Moderators and the broadcaster skip cooldowns unless a command says otherwise.
    pub fn skips_cooldowns(self) -> bool {
        self >= Role::Moderator
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Self, AppError> {
        let lower = s.trim().to_ascii_lowercase();
        let alias = match lower.as_str() {
            "mod" | "mods" => "moderator",
            "sub" | "subs" => "subscriber",
            "owner" | "streamer" | "caster" => "broadcaster",
            "viewer" | "all" => "everyone",
            other => other,
        };
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == alias)
            .ok_or_else(|| {
                AppError::Validation(format!(
                    "min_role: unknown role '{s}' (expected broadcaster, moderator, vip, \
                     subscriber, follower or everyone)"
                ))
            })
    }
}

/// What a chat message says about its sender.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags {
    pub is_mod: bool,
    pub is_vip: bool,
    pub is_sub: bool,
}

/// The badges of each role on a platform (lower case, without version).
fn badges_of(platform: Platform, role: Role) -> &'static [&'static str] {
    use Platform::*;
    use Role::*;
    match (platform, role) {
        (Twitch, Broadcaster) => &["broadcaster"],
        (Twitch, Moderator) => &["moderator", "lead_moderator"],
        (Twitch, Vip) => &["vip"],
        (Twitch, Subscriber) => &["subscriber", "founder"],
        (Twitch, Follower) => &["follower"],
        (Youtube, Broadcaster) => &["owner"],
        (Youtube, Moderator) => &["moderator"],
        (Youtube, Subscriber) => &["member", "sponsor"],
        (Kick, Broadcaster) => &["broadcaster"],
        (Kick, Moderator) => &["moderator"],
        (Kick, Vip) => &["vip", "og"],
        (Kick, Subscriber) => &["subscriber", "founder", "sub_gifter"],
        (Kick, Follower) => &["follower"],
        (Trovo, Broadcaster) => &["streamer"],
        (Trovo, Moderator) => &["mod", "supermod", "admin", "warden"],
        (Trovo, Vip) => &["vip"],
        (Trovo, Subscriber) => &["subscriber"],
        (Trovo, Follower) => &["follower"],
        (Discord, Broadcaster) => &["owner"],
        (Discord, Moderator) => &["moderator", "administrator"],
        (Discord, Subscriber) => &["subscriber", "premium_subscriber"],
        (Discord, Follower) => &["member"],
        _ => &[],
    }
}

/// The role of a chatter from the platform's badges and flags (the table above).
pub fn role_of(platform: Platform, badges: &[String], flags: Flags) -> Role {
    let has = |role: Role| {
        badges.iter().any(|b| {
            let name = b.split('/').next().unwrap_or_default().trim();
            badges_of(platform, role)
                .iter()
                .any(|known| known.eq_ignore_ascii_case(name))
        })
    };
    if has(Role::Broadcaster) {
        Role::Broadcaster
    } else if flags.is_mod || has(Role::Moderator) {
        Role::Moderator
    } else if (flags.is_vip && platform != Platform::Youtube) || has(Role::Vip) {
        Role::Vip
    } else if flags.is_sub || has(Role::Subscriber) {
        Role::Subscriber
    } else if has(Role::Follower) {
        Role::Follower
    } else {
        Role::Everyone
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_hierarchy_is_ordered() {
        assert!(Role::Broadcaster.allows(Role::Moderator));
        assert!(Role::Moderator.allows(Role::Vip));
        assert!(Role::Vip.allows(Role::Subscriber));
        assert!(Role::Subscriber.allows(Role::Follower));
        assert!(Role::Follower.allows(Role::Everyone));
        assert!(!Role::Subscriber.allows(Role::Vip));
        assert!(!Role::Everyone.allows(Role::Follower));
        assert!(Role::Moderator.skips_cooldowns() && !Role::Vip.skips_cooldowns());
        for r in Role::ALL {
            assert_eq!(r.as_str().parse::<Role>().unwrap(), r);
        }
        assert_eq!("Mod".parse::<Role>().unwrap(), Role::Moderator);
        let e = "king".parse::<Role>().unwrap_err().to_string();
        assert!(e.contains("min_role"), "{e}");
    }

    #[test]
    fn each_platform_maps_its_badges() {
        let none = Flags::default();
        let t = Platform::Twitch;
        assert_eq!(role_of(t, &b(&["broadcaster/1"]), none), Role::Broadcaster);
        assert_eq!(role_of(t, &b(&["moderator/1"]), none), Role::Moderator);
        assert_eq!(role_of(t, &b(&["vip/1"]), none), Role::Vip);
        assert_eq!(role_of(t, &b(&["subscriber/12"]), none), Role::Subscriber);
        assert_eq!(role_of(t, &b(&["founder/0"]), none), Role::Subscriber);
        assert_eq!(role_of(t, &b(&["follower"]), none), Role::Follower);
        assert_eq!(role_of(t, &b(&["glhf-pledge/1"]), none), Role::Everyone);
        // The highest wins, whatever the order.
        assert_eq!(
            role_of(t, &b(&["subscriber/1", "broadcaster/1"]), none),
            Role::Broadcaster
        );
        let y = Platform::Youtube;
        assert_eq!(role_of(y, &b(&["owner"]), none), Role::Broadcaster);
        assert_eq!(role_of(y, &b(&["member"]), none), Role::Subscriber);
        // YouTube has no VIPs: the flag does not make one.
        let vip = Flags {
            is_vip: true,
            ..none
        };
        assert_eq!(role_of(y, &[], vip), Role::Everyone);
        assert_eq!(role_of(t, &[], vip), Role::Vip);
        let tr = Platform::Trovo;
        assert_eq!(role_of(tr, &b(&["supermod"]), none), Role::Moderator);
        assert_eq!(role_of(tr, &b(&["streamer"]), none), Role::Broadcaster);
        let k = Platform::Kick;
        assert_eq!(role_of(k, &b(&["OG"]), none), Role::Vip);
        let d = Platform::Discord;
        assert_eq!(role_of(d, &b(&["administrator"]), none), Role::Moderator);
        assert_eq!(role_of(d, &b(&["member"]), none), Role::Follower);
        let m = Flags {
            is_mod: true,
            ..none
        };
        assert_eq!(role_of(k, &[], m), Role::Moderator);
        let s = Flags {
            is_sub: true,
            ..none
        };
        assert_eq!(role_of(d, &[], s), Role::Subscriber);
    }
}
