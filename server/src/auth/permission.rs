//! Every permission string of the seeds, in one enum, and the built-in roles.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

macro_rules! permissions {
    ($( $(#[$m:meta])* $variant:ident = $s:literal, $admin:literal; )*) => {
        /// A permission, spelled exactly as the seeds spell it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Permission { $( $(#[$m])* $variant, )* }

        impl Permission {
            pub const ALL: &'static [Permission] = &[ $( Permission::$variant, )* ];

            pub fn as_str(self) -> &'static str {
                match self { $( Permission::$variant => $s, )* }
            }

            /// Whether the permission may be held as an *admin* permission (platform-wide,
            /// outside any account).
            pub fn is_admin_grantable(self) -> bool {
                match self { $( Permission::$variant => $admin, )* }
            }
        }

        impl FromStr for Permission {
            type Err = UnknownPermission;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $s => Ok(Permission::$variant), )*
                    other => Err(UnknownPermission(other.to_string())),
                }
            }
        }
    };
}

permissions! {
    ChatRead = "chat:read", false;
    ChatWrite = "chat:write", false;
    ChatUserinfo = "chat:userinfo", false;
    ChatDelete = "chat:delete", false;
    ChatBan = "chat:ban", false;
    ChatTimeout = "chat:timeout", false;
    ChatNotes = "chat:notes", false;
    ChatRaid = "chat:raid", false;
    ChatPoll = "chat:poll", false;
    ChatPrediction = "chat:prediction", false;
    BotConnectionsRead = "bot-connections:read", false;
    BotConnectionsCreate = "bot-connections:create", false;
    BotConnectionsDelete = "bot-connections:delete", false;
    BotCommandsRead = "bot-commands:read", true;
    BotCommandsCreate = "bot-commands:create", true;
    BotCommandsEdit = "bot-commands:edit", true;
    BotCommandsDelete = "bot-commands:delete", true;
    BotControlRead = "bot-control:read", true;
    BotControlEdit = "bot-control:edit", true;
    DiscordGuildsRead = "discord-guilds:read", true;
    DiscordGuildsDelete = "discord-guilds:delete", true;
    /// Manage the user's own API tokens (list, create, revoke). Session tokens (from a
    /// login) hold it; an API token holds it only when created with it. Neither a role nor
    /// an admin grant gives it: it is a scope of a token, not a right in an account.
    AuthTokens = "auth:tokens", false;
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("unknown permission '{0}'")]
pub struct UnknownPermission(pub String);

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Permission {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Permission {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Permission {
    /// Permissions that belong to an account (granted through a role).
    pub fn is_account_scoped(self) -> bool {
        !matches!(
            self,
            Permission::BotControlRead
                | Permission::BotControlEdit
                | Permission::DiscordGuildsRead
                | Permission::DiscordGuildsDelete
                | Permission::AuthTokens
        )
    }
}

pub type PermissionSet = BTreeSet<Permission>;

/// Parse a list of permission strings, naming the first unknown one.
pub fn parse_permissions<S: AsRef<str>>(items: &[S]) -> Result<PermissionSet, UnknownPermission> {
    items.iter().map(|s| s.as_ref().parse()).collect()
}

/// The roles every account has without defining them.
pub const BUILTIN_ROLES: &[&str] = &["owner", "moderator", "editor", "viewer"];

pub fn builtin_role(name: &str) -> Option<PermissionSet> {
    use Permission::*;
    let perms: Vec<Permission> = match name {
        "owner" => Permission::ALL
            .iter()
            .copied()
            .filter(|p| p.is_account_scoped())
            .collect(),
        "moderator" => vec![
            ChatRead,
            ChatWrite,
            ChatUserinfo,
            ChatDelete,
            ChatBan,
            ChatTimeout,
            ChatNotes,
        ],
        "editor" => vec![
            ChatRead,
            BotCommandsRead,
            BotCommandsCreate,
            BotCommandsEdit,
            BotCommandsDelete,
            BotConnectionsRead,
            BotConnectionsCreate,
            BotConnectionsDelete,
        ],
        "viewer" => vec![ChatRead],
        _ => return None,
    };
    Some(perms.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip() {
        for p in Permission::ALL {
            assert_eq!(p.as_str().parse::<Permission>().unwrap(), *p);
        }
        assert!("chat:nope".parse::<Permission>().is_err());
    }

    #[test]
    fn builtin_roles() {
        let owner = builtin_role("owner").unwrap();
        assert!(owner.contains(&Permission::ChatPrediction));
        assert!(owner.contains(&Permission::BotCommandsDelete));
        assert!(!owner.contains(&Permission::BotControlEdit));
        let m = builtin_role("moderator").unwrap();
        assert!(m.contains(&Permission::ChatNotes) && !m.contains(&Permission::ChatRaid));
        assert_eq!(
            builtin_role("viewer").unwrap(),
            [Permission::ChatRead].into_iter().collect()
        );
        assert!(builtin_role("janitor").is_none());
        assert!(
            !owner.contains(&Permission::AuthTokens),
            "token management is a token scope, never a role's"
        );
    }
}
