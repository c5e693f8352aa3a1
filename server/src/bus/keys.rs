//! Every bus key and channel name, in one place, spelled as the seeds spell them.

use std::fmt::Display;

/// Pub/sub channel of a platform's bot actions (`bot_join`, `bot_sync`, `bot_leave`).
pub fn bot_action(platform: impl Display, account_id: impl Display) -> String {
    format!("lumio:bot:action:{platform}:{account_id}")
}

/// The lease of one bot worker on a channel connection (value: the worker's id; a TTL that
/// the holder renews). Exactly one worker reads and sends on a channel.
pub fn bot_lease(platform: impl Display, connection_id: impl Display) -> String {
    format!("lumio:bot:lease:{platform}:{connection_id}")
}

/// A Twitch device code connect in progress (its device code sealed; TTL = the code's life).
pub fn twitch_device_flow(flow_id: impl Display) -> String {
    format!("lumio:twitch_device:{flow_id}")
}

/// Global cooldown of a command (TTL = cooldown seconds).
pub fn cmd_cooldown_global(account_id: impl Display, command: &str) -> String {
    format!("lumio:cmd_cd:{account_id}:{command}:global")
}

/// Per-user cooldown of a command (TTL = cooldown seconds).
pub fn cmd_cooldown_user(account_id: impl Display, command: &str, user_id: &str) -> String {
    format!("lumio:cmd_cd:{account_id}:{command}:user:{user_id}")
}

/// Discord guild → account id (1 h).
pub fn discord_guild(guild_id: &str) -> String {
    format!("lumio:discord_guild:{guild_id}")
}

pub fn discord_guild_channels(guild_id: &str) -> String {
    format!("lumio:discord_guild:{guild_id}:channels")
}

pub fn discord_guild_roles(guild_id: &str) -> String {
    format!("lumio:discord_guild:{guild_id}:roles")
}

pub fn discord_guild_features(guild_id: &str) -> String {
    format!("lumio:discord_guild:{guild_id}:features")
}

/// Whether the bot is paused in a guild (`1` / `0`; the `paused` guild setting, 1 h).
pub fn discord_guild_paused(guild_id: &str) -> String {
    format!("lumio:discord_guild:{guild_id}:paused")
}

/// Slash-command registrations (bulk overwrites) of a guild on one UTC day (counter, 2 days).
pub fn discord_command_registrations(guild_id: &str, day: &str) -> String {
    format!("lumio:discord_commands:{guild_id}:{day}")
}

/// The lease of the one Discord gateway session (value: the worker's id).
pub fn discord_gateway_lease() -> String {
    "lumio:bot:lease:discord:gateway".to_string()
}

/// Discord channel → guild id (reverse look-up, 1 h).
pub fn discord_channel_guild(channel_id: &str) -> String {
    format!("lumio:discord_channel_guild:{channel_id}")
}

/// A pending "add the bot to a server" authorization, by the nonce of its signed `state`
/// (who asked; the TTL of the state). lumio's own, beside the seed's Discord keys: it makes a
/// state good for one use.
pub fn discord_oauth_state(nonce: &str) -> String {
    format!("lumio:discord_oauth_state:{nonce}")
}

/// Messages of an account waiting to be flushed to the database.
pub fn chat_buffer(account_id: impl Display) -> String {
    format!("lumio:chat:buffer:{account_id}")
}

/// Messages claimed by a flush and not yet committed.
pub fn chat_processing(account_id: impl Display) -> String {
    format!("lumio:chat:processing:{account_id}")
}

/// Messages claimed by one flusher instance and not yet committed.
pub fn chat_processing_of(account_id: impl Display, instance: &str) -> String {
    format!("lumio:chat:processing:{account_id}:{instance}")
}

/// Every claimed list, as `{account_id}|{instance}`, so orphans of dead instances are found.
pub fn chat_processing_lists() -> String {
    "lumio:chat:processing_lists".to_string()
}

/// Heartbeat of a flusher instance (expires when the instance is gone).
pub fn chat_flusher(instance: &str) -> String {
    format!("lumio:chat:flusher:{instance}")
}

/// A platform message id already ingested → our message id (dedup window).
pub fn chat_seen(
    account_id: impl Display,
    platform: impl Display,
    platform_message_id: &str,
) -> String {
    format!("lumio:chat:seen:{account_id}:{platform}:{platform_message_id}")
}

/// Live events of an account (pub/sub).
pub fn chat_events(account_id: impl Display) -> String {
    format!("lumio:chat:events:{account_id}")
}

/// Deletions of messages that may still be buffered or claimed (a set of JSON marks), so
/// history shows them deleted and the flush stores them deleted.
pub fn chat_deleted(account_id: impl Display) -> String {
    format!("lumio:chat:deleted:{account_id}")
}

/// Accounts with buffered messages (PendingChatAccounts).
pub fn pending_chat_accounts() -> String {
    "lumio:chat:pending_accounts".to_string()
}

/// Failed logins of a username from one client address, counted for throttling. The key
/// holds a SHA-256 of the two, never the input itself: its length is fixed whatever a
/// client sends.
pub fn login_failures(client: &str, username: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("{client}\n{}", username.to_lowercase()));
    format!("lumio:auth:login_failures:{}", hex::encode(digest))
}

/// Revoked tokens (pub/sub): every instance evicts the token from its auth cache and closes
/// the live sockets it opened.
pub fn auth_revocations() -> String {
    "lumio:auth:revocations".to_string()
}

/// The per-user flags of seed 002 (`user:{id}:{flag}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserFlag {
    Admin,
    Bot,
    HasChatted,
    Invulnerable,
    Mod,
    WelcomeMessageId,
    Subbed,
    Timeout,
    Remod,
    Greedy,
    Vulnerable,
    ItemLock,
    HasChattedThisStream,
    WelcomeMessageText,
}

impl UserFlag {
    /// Every flag, in the order seed 002 lists them.
    pub const ALL: [UserFlag; 14] = [
        UserFlag::Admin,
        UserFlag::Bot,
        UserFlag::HasChatted,
        UserFlag::Invulnerable,
        UserFlag::Mod,
        UserFlag::WelcomeMessageId,
        UserFlag::Subbed,
        UserFlag::Timeout,
        UserFlag::Remod,
        UserFlag::Greedy,
        UserFlag::Vulnerable,
        UserFlag::ItemLock,
        UserFlag::HasChattedThisStream,
        UserFlag::WelcomeMessageText,
    ];

    /// The flag as the seed spells it (the last segment of the key).
    pub fn as_str(self) -> &'static str {
        match self {
            UserFlag::Admin => "admin",
            UserFlag::Bot => "bot",
            UserFlag::HasChatted => "haschatted",
            UserFlag::Invulnerable => "invulnerable",
            UserFlag::Mod => "mod",
            UserFlag::WelcomeMessageId => "welcomemessageid",
            UserFlag::Subbed => "subbed",
            UserFlag::Timeout => "timeout",
            UserFlag::Remod => "remod",
            UserFlag::Greedy => "greedy",
            UserFlag::Vulnerable => "vulnerable",
            UserFlag::ItemLock => "itemlock",
            UserFlag::HasChattedThisStream => "haschattedthisstream",
            UserFlag::WelcomeMessageText => "welcomemessagetext",
        }
    }
}

impl std::fmt::Display for UserFlag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for UserFlag {
    type Err = String;

    /// The seed spelling back to the flag.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        UserFlag::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown user flag '{s}'"))
    }
}

/// Chatter state is kept per account and platform so several channels share one Redis.
fn scope(account_id: impl Display, platform: impl Display) -> String {
    format!("lumio:{account_id}:{platform}")
}

/// username → user id (30 min).
pub fn user_lookup(account_id: impl Display, platform: impl Display, username: &str) -> String {
    format!("{}:userlookup:{username}", scope(account_id, platform))
}

/// user id → display name (30 min).
pub fn user_display_name(
    account_id: impl Display,
    platform: impl Display,
    user_id: &str,
) -> String {
    format!("{}:user:{user_id}:displayName", scope(account_id, platform))
}

/// user id → username (30 min).
pub fn user_username(account_id: impl Display, platform: impl Display, user_id: &str) -> String {
    format!("{}:user:{user_id}:username", scope(account_id, platform))
}

pub fn user_flag(
    account_id: impl Display,
    platform: impl Display,
    user_id: &str,
    flag: UserFlag,
) -> String {
    format!(
        "{}:user:{user_id}:{}",
        scope(account_id, platform),
        flag.as_str()
    )
}

/// The last aniv / aneev messages, as JSON (seed 002 `anivmessages`).
pub fn aniv_messages(account_id: impl Display) -> String {
    format!("lumio:{account_id}:anivmessages")
}

/// How many bullets the roulette command has fired (seed 002 `rouletteCount`).
pub fn roulette_count(account_id: impl Display) -> String {
    format!("lumio:{account_id}:rouletteCount")
}

/// A chatter's treatment (`active_monitoring`, `restricted`); missing means `none`. Not a
/// seed 002 key: lumio's own, beside the flags.
pub fn user_treatment(account_id: impl Display, platform: impl Display, user_id: &str) -> String {
    format!("{}:user:{user_id}:treatment", scope(account_id, platform))
}

/// Exists when timeout stacking is on for the account.
pub fn timeout_stacking(account_id: impl Display) -> String {
    format!("lumio:{account_id}:timeoutStacking")
}

/// Exists while the channel is live.
pub fn stream_is_live(account_id: impl Display, platform: impl Display) -> String {
    format!("{}:streamIsLive", scope(account_id, platform))
}

/// The chatters who have `haschattedthisstream`, so going live can clear them all (lumio's
/// own index beside the seed 002 flags).
pub fn chatted_this_stream(account_id: impl Display, platform: impl Display) -> String {
    format!("{}:chattedthisstream", scope(account_id, platform))
}

/// A platform's answer about a user (profile enrichment), cached with a TTL. Platform-wide:
/// the same user looks the same from every account.
pub fn profile_enrichment(platform: impl Display, user_id: &str) -> String {
    format!("lumio:profile:{platform}:{user_id}")
}

/// Set of disabled commands and items.
pub fn disabled_commands(account_id: impl Display) -> String {
    format!("lumio:{account_id}:disabledcommands")
}

/// Set of disabled cheers.
pub fn disabled_cheers(account_id: impl Display) -> String {
    format!("lumio:{account_id}:disabledcheers")
}

/// Sorted set of moderators to re-mod, scored by due time.
pub fn remod_schedule() -> String {
    "lumio:remod:schedule".to_string()
}

/// A provider's emotes of a channel, as JSON (TTL: the emote cache time).
pub fn emotes(provider: &str, platform: impl Display, channel: &str) -> String {
    format!("lumio:emotes:{provider}:{platform}:{channel}")
}

/// Version of an account's commands (or of the global ones, `global`), bumped on every
/// change so that each instance's command cache reloads (lumio's own, beside seed 004's).
pub fn cmd_version(scope: impl Display) -> String {
    format!("lumio:cmd_version:{scope}")
}

/// Live use counter of a command in an account (flushed to `bot_command_stats`).
pub fn cmd_count(account_id: impl Display, command_id: impl Display) -> String {
    format!("lumio:cmd_count:{account_id}:{command_id}")
}

/// Counters used since the last flush, as `{account_id}|{command_id}`.
pub fn cmd_count_dirty() -> String {
    "lumio:cmd_count:dirty".to_string()
}

/// The track playing on the account's Spotify widget (`{song}`), as the widget reports it.
pub fn now_playing(account_id: impl Display) -> String {
    format!("lumio:{account_id}:nowplaying")
}

/// The chatters of a channel with the `vulnerable` flag (lumio's index beside the seed 002
/// flags, so that grenade / tnt can pick among them).
pub fn vulnerable_users(account_id: impl Display, platform: impl Display) -> String {
    format!("{}:vulnerable", scope(account_id, platform))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_spellings() {
        assert_eq!(bot_action("twitch", "a1"), "lumio:bot:action:twitch:a1");
        assert_eq!(
            cmd_cooldown_global("a1", "dice"),
            "lumio:cmd_cd:a1:dice:global"
        );
        assert_eq!(
            cmd_cooldown_user("a1", "dice", "u9"),
            "lumio:cmd_cd:a1:dice:user:u9"
        );
        assert_eq!(discord_guild("42"), "lumio:discord_guild:42");
        assert_eq!(
            discord_guild_channels("42"),
            "lumio:discord_guild:42:channels"
        );
        assert_eq!(discord_guild_roles("42"), "lumio:discord_guild:42:roles");
        assert_eq!(
            discord_guild_features("42"),
            "lumio:discord_guild:42:features"
        );
        assert_eq!(discord_channel_guild("7"), "lumio:discord_channel_guild:7");
        assert_eq!(
            user_lookup("a", "twitch", "bob"),
            "lumio:a:twitch:userlookup:bob"
        );
        assert_eq!(
            user_display_name("a", "kick", "9"),
            "lumio:a:kick:user:9:displayName"
        );
        assert_eq!(
            user_username("a", "kick", "9"),
            "lumio:a:kick:user:9:username"
        );
        assert_eq!(
            user_flag("a", "twitch", "9", UserFlag::HasChattedThisStream),
            "lumio:a:twitch:user:9:haschattedthisstream"
        );
        assert_eq!(
            user_flag("a", "twitch", "9", UserFlag::WelcomeMessageId),
            "lumio:a:twitch:user:9:welcomemessageid"
        );
        assert_eq!(timeout_stacking("a"), "lumio:a:timeoutStacking");
        assert_eq!(
            stream_is_live("a", "youtube"),
            "lumio:a:youtube:streamIsLive"
        );
        assert_eq!(disabled_commands("a"), "lumio:a:disabledcommands");
        assert_eq!(disabled_cheers("a"), "lumio:a:disabledcheers");
        assert_eq!(aniv_messages("a"), "lumio:a:anivmessages");
        assert_eq!(roulette_count("a"), "lumio:a:rouletteCount");
        assert_eq!(remod_schedule(), "lumio:remod:schedule");
    }

    #[test]
    fn login_failure_keys_are_short_whatever_the_input() {
        let long = login_failures("203.0.113.9", &"x".repeat(1_000_000));
        assert_eq!(long.len(), "lumio:auth:login_failures:".len() + 64);
        assert_eq!(
            login_failures("203.0.113.9", "Mod"),
            login_failures("203.0.113.9", "mod")
        );
        assert_ne!(
            login_failures("203.0.113.9", "mod"),
            login_failures("198.51.100.7", "mod")
        );
    }

    #[test]
    fn chat_pipeline_names() {
        assert_eq!(chat_buffer(7), "lumio:chat:buffer:7");
        assert_eq!(chat_processing(7), "lumio:chat:processing:7");
        assert_eq!(chat_events(7), "lumio:chat:events:7");
        assert_eq!(pending_chat_accounts(), "lumio:chat:pending_accounts");
    }

    #[test]
    fn every_user_flag_as_the_seed_spells_it() {
        let seed = [
            "admin",
            "bot",
            "haschatted",
            "invulnerable",
            "mod",
            "welcomemessageid",
            "subbed",
            "timeout",
            "remod",
            "greedy",
            "vulnerable",
            "itemlock",
            "haschattedthisstream",
            "welcomemessagetext",
        ];
        let spelled: Vec<&str> = UserFlag::ALL.iter().map(|f| f.as_str()).collect();
        assert_eq!(spelled, seed);
        for (flag, name) in UserFlag::ALL.into_iter().zip(seed) {
            assert_eq!(name.parse::<UserFlag>(), Ok(flag));
            assert_eq!(flag.to_string(), name);
            assert_eq!(
                user_flag("acc", "twitch", "42", flag),
                format!("lumio:acc:twitch:user:42:{name}")
            );
        }
        assert!("Admin".parse::<UserFlag>().is_err());
    }
}
