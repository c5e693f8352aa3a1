# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_lumio_global_optspecs
    string join \n server= account= profile= json no-color q/quiet h/help V/version
end

function __fish_lumio_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_lumio_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_lumio_using_subcommand
    set -l cmd (__fish_lumio_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c lumio -n "__fish_lumio_needs_command" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_needs_command" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_needs_command" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_needs_command" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_needs_command" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_needs_command" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_needs_command" -s V -l version -d 'Print version'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "auth" -d 'Log in and out, see who you are and what you may do, print your token'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "chat" -d 'Chat: the live multichat screen (no subcommand), history, counts, a live tail for pipes, bulk ingest, sending'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "commands" -d 'Bot commands: list, create, edit, override global ones, dry-run a message, stats, history, and import / export (Nightbot, StreamElements, Streamlabs, PhantomBot, Firebot, lumio)'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "notes" -d 'Moderator notes on platform users: list, add, edit, remove'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "emotes" -d 'A channel\'s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "demo" -d 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "mod" -d 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "user" -d 'Chatters: a profile card'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "raid" -d 'The channel\'s Twitch raid: cancel it'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "poll" -d 'The channel\'s Twitch polls: end one'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "prediction" -d 'The channel\'s Twitch predictions: resolve, cancel or lock one'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "discord" -d 'Discord servers of the account: add the bot, list, disconnect, channels, roles, and the channel each feature posts into'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "admin" -d 'Admin views: every account\'s Discord guild mappings, the admin audit log'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "connect" -d 'Connect a platform channel: the tokens lumio acts with there (Twitch\'s device code, or pasted tokens)'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "connections" -d 'The account\'s channel connections and their credentials: list, remove'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "bots" -d 'The account\'s chat bots per platform: status, pause, resume, rejoin'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "man" -d 'Print the man page (roff): `lumio man | man -l -`; with --out-dir, write one page per command there (`lumio.1`, `lumio-mod-ban.1` …)'
complete -c lumio -n "__fish_lumio_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "login" -d 'Log in to a lumio server and save the token in the profile, for that server\'s host only: another --server needs its own login'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "status" -d 'Show the server, user, accounts with roles and effective permissions, token source'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "logout" -d 'Revoke the server\'s token on the server and remove it from the profile'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "token" -d 'Print the profile\'s token for the server (for scripts)'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and not __fish_seen_subcommand_from login status logout token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -s u -l username -d 'Username to log in as' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -l password-stdin -d 'Read the password from standard input'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-token -d 'Read an API token from standard input instead of logging in with a password'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from status" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from status" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from logout" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from logout" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from logout" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from token" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from token" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from token" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from token" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from token" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Log in to a lumio server and save the token in the profile, for that server\'s host only: another --server needs its own login'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the server, user, accounts with roles and effective permissions, token source'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Revoke the server\'s token on the server and remove it from the profile'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "token" -d 'Print the profile\'s token for the server (for scripts)'
complete -c lumio -n "__fish_lumio_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -l scrollback -d 'Messages the live screen keeps in memory [default: `[tui] scrollback` of the config file, else 5000]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -f -a "history" -d 'Chat history, newest first'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -f -a "count" -d 'How many messages the account has (matching the filters)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -f -a "tail" -d 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -f -a "ingest" -d 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -f -a "send" -d 'Send a message to a platform\'s chat (twitch, kick, trovo) as the channel\'s bot'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and not __fish_seen_subcommand_from history count tail ingest send help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l platform -d 'Only these platforms (repeat, or comma-separate)' -r -f -a "twitch\t''
youtube\t''
kick\t''
trovo\t''
discord\t''"
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l user -d 'A platform user id or username; @name is resolved to the chatter lumio has seen by that name (as the mod commands do)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l contains -d 'Text the message contains (case-insensitive)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l from -d 'Messages at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a date (2026-01-02, local midnight) or how long ago (90m, 2h, 3d)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l to -d 'Messages before this time (the same formats as --from)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -s n -l limit -d 'How many messages (pages through the server\'s 500-message pages as needed)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l cursor -d 'Continue from a `next_cursor`' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l include-deleted -d 'Include deleted messages'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l platform -d 'Only these platforms (repeat, or comma-separate)' -r -f -a "twitch\t''
youtube\t''
kick\t''
trovo\t''
discord\t''"
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l user -d 'A platform user id or username; @name is resolved to the chatter lumio has seen by that name (as the mod commands do)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l contains -d 'Text the message contains (case-insensitive)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l from -d 'Messages at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a date (2026-01-02, local midnight) or how long ago (90m, 2h, 3d)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l to -d 'Messages before this time (the same formats as --from)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l include-deleted -d 'Include deleted messages'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from count" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from tail" -l since -d 'Start after this cursor (replays what came since)' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from tail" -l count -d 'Exit after this many events' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from tail" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from tail" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from tail" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from tail" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from tail" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from tail" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from tail" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from ingest" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from ingest" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from ingest" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from ingest" -l dry-run -d 'Check that every line is a JSON object, send nothing'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from ingest" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from ingest" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from ingest" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from ingest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from send" -l reply-to -d 'The platform\'s id of a message to reply to' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from send" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from send" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from send" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from send" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from send" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from send" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from help" -f -a "history" -d 'Chat history, newest first'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from help" -f -a "count" -d 'How many messages the account has (matching the filters)'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from help" -f -a "tail" -d 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from help" -f -a "ingest" -d 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from help" -f -a "send" -d 'Send a message to a platform\'s chat (twitch, kick, trovo) as the channel\'s bot'
complete -c lumio -n "__fish_lumio_using_subcommand chat; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "list" -d 'List the account\'s commands and the global ones it inherits'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "ls" -d 'List the account\'s commands and the global ones it inherits'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "show" -d 'Show one command (by name, alias or id)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "create" -d 'Create a command'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "edit" -d 'Change a command; what is not given stays'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "rm" -d 'Delete a command (asks on a terminal; --yes otherwise)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "delete" -d 'Delete a command (asks on a terminal; --yes otherwise)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "override" -d 'Override a global command for this account: response, platforms, cooldowns, a stricter min role, or disable it. What is not given stays as overridden before'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "unoverride" -d 'Remove this account\'s override of a global command'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "test" -d 'What a chat message would do, without consuming anything: prints the reply, or why it would not run (exit 1), with cooldowns and unknown variables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "stats" -d 'How often each command was used, most used first'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "history" -d 'Every change of a command and of this account\'s override of it'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "import" -d 'Import commands from another bot (or lumio\'s own export) in one transaction'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "export" -d 'Print the account\'s commands and overrides as lumio\'s versioned export'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and not __fish_seen_subcommand_from list ls show create edit rm delete override unoverride test stats history import export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from list" -l platform -d 'Only commands active on this platform' -r -f -a "twitch\t''
youtube\t''
kick\t''
trovo\t''
discord\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from list" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from list" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from list" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from list" -l global -d 'Only the global commands (admins)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from list" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from ls" -l platform -d 'Only commands active on this platform' -r -f -a "twitch\t''
youtube\t''
kick\t''
trovo\t''
discord\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from ls" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from ls" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from ls" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from ls" -l global -d 'Only the global commands (admins)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from ls" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from show" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from show" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from show" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from show" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l platform -d 'Where it answers (repeatable; default: every platform)' -r -f -a "twitch\t''
youtube\t''
kick\t''
trovo\t''
discord\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l discord-style -d 'On Discord: answer to !name (prefix) or /name (slash)' -r -f -a "prefix\t''
slash\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l min-role -d 'The lowest role that may use it' -r -f -a "everyone\t''
follower\t''
subscriber\t''
vip\t''
moderator\t''
broadcaster\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l cooldown -d 'Global cooldown, seconds' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l user-cooldown -d 'Per-user cooldown, seconds' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l cooldown-reply -d 'Sent when on cooldown ({user}, {remaining}); "" for silence (the default)' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l alias -d 'Another name that calls it (repeatable)' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l type -d 'text, template or automation (default: template when the response has variables)' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l automation -d 'The automation an automation command triggers' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l mods-wait -d 'Moderators wait for cooldowns too (default: they skip them)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l enable
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l disable
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l global -d 'A global command, inherited by every account (admins)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l response -d 'A new response (`-` reads it from standard input)' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l rename -d 'A new name' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l alias -d 'The aliases (repeatable; replaces them all)' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l type -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l automation -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l platform -d 'Where it answers (repeatable; default: every platform)' -r -f -a "twitch\t''
youtube\t''
kick\t''
trovo\t''
discord\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l discord-style -d 'On Discord: answer to !name (prefix) or /name (slash)' -r -f -a "prefix\t''
slash\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l min-role -d 'The lowest role that may use it' -r -f -a "everyone\t''
follower\t''
subscriber\t''
vip\t''
moderator\t''
broadcaster\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l cooldown -d 'Global cooldown, seconds' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l user-cooldown -d 'Per-user cooldown, seconds' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l cooldown-reply -d 'Sent when on cooldown ({user}, {remaining}); "" for silence (the default)' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l mods-wait -d 'Moderators wait for cooldowns too (default: they skip them)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l enable
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l disable
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from rm" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from rm" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from rm" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from rm" -s y -l yes
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from rm" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from delete" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from delete" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from delete" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from delete" -s y -l yes
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from delete" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l response -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l platform -d 'Where it answers (repeatable; default: every platform)' -r -f -a "twitch\t''
youtube\t''
kick\t''
trovo\t''
discord\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l discord-style -d 'On Discord: answer to !name (prefix) or /name (slash)' -r -f -a "prefix\t''
slash\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l min-role -d 'The lowest role that may use it' -r -f -a "everyone\t''
follower\t''
subscriber\t''
vip\t''
moderator\t''
broadcaster\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l cooldown -d 'Global cooldown, seconds' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l user-cooldown -d 'Per-user cooldown, seconds' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l cooldown-reply -d 'Sent when on cooldown ({user}, {remaining}); "" for silence (the default)' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l mods-wait -d 'Moderators wait for cooldowns too (default: they skip them)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l enable
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l disable
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from override" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from unoverride" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from unoverride" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from unoverride" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from unoverride" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from unoverride" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from unoverride" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from unoverride" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -l as -d 'The invoker\'s role' -r -f -a "everyone\t''
follower\t''
subscriber\t''
vip\t''
moderator\t''
broadcaster\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -l platform -r -f -a "twitch\t''
youtube\t''
kick\t''
trovo\t''
discord\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -l user -d 'The invoker\'s name' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from stats" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from stats" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from stats" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from stats" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from stats" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from history" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from history" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from history" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from history" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from history" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -l from -r -f -a "lumio\t''
nightbot\t''
streamelements\t''
streamlabs\t''
phantombot\t''
firebot\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -l on-conflict -d 'When a name is taken by a command not from this source' -r -f -a "error\t''
skip\t''
replace\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -l dry-run -d 'Report only; write nothing'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from export" -l format -r -f -a "json\t''
yaml\t''"
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from export" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from export" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from export" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from export" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from export" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the account\'s commands and the global ones it inherits'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one command (by name, alias or id)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a command'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change a command; what is not given stays'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Delete a command (asks on a terminal; --yes otherwise)'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "override" -d 'Override a global command for this account: response, platforms, cooldowns, a stricter min role, or disable it. What is not given stays as overridden before'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "unoverride" -d 'Remove this account\'s override of a global command'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "test" -d 'What a chat message would do, without consuming anything: prints the reply, or why it would not run (exit 1), with cooldowns and unknown variables'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "stats" -d 'How often each command was used, most used first'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "history" -d 'Every change of a command and of this account\'s override of it'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import commands from another bot (or lumio\'s own export) in one transaction'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print the account\'s commands and overrides as lumio\'s versioned export'
complete -c lumio -n "__fish_lumio_using_subcommand commands; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -f -a "list" -d 'List the notes on a user, newest first'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -f -a "ls" -d 'List the notes on a user, newest first'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -f -a "add" -d 'Write a note on a user'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -f -a "edit" -d 'Change the text of a note'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -f -a "rm" -d 'Delete a note'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -f -a "delete" -d 'Delete a note'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and not __fish_seen_subcommand_from list ls add edit rm delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from list" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from list" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from list" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from list" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from ls" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from ls" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from ls" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from ls" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from add" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from add" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from add" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from add" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from add" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from edit" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from edit" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from edit" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from edit" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from edit" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from edit" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from edit" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from rm" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from rm" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from rm" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from rm" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from delete" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from delete" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from delete" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from delete" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the notes on a user, newest first'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from help" -f -a "add" -d 'Write a note on a user'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from help" -f -a "edit" -d 'Change the text of a note'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Delete a note'
complete -c lumio -n "__fish_lumio_using_subcommand notes; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand emotes" -l provider -d 'Only these providers (twitch, 7tv, bttv, ffz, trovo, discord; repeat or comma-separate)' -r
complete -c lumio -n "__fish_lumio_using_subcommand emotes" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand emotes" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand emotes" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand emotes" -l user -d 'The Twitch emotes of the user lumio\'s Twitch token belongs to, instead of a channel\'s'
complete -c lumio -n "__fish_lumio_using_subcommand emotes" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand emotes" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand emotes" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand emotes" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l rate -d 'Simulated messages per second (on average, with bursts and lulls)' -r
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l data-dir -d 'Keep the demo\'s database here (kept after exit) instead of a temporary directory' -r -F
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l bind -d 'Address for the embedded server' -r
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l scrollback -d 'Messages the live screen keeps in memory [default: `[tui] scrollback`, else 5000]' -r
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l no-tui -d 'Run only the server (print its URL and a token for `mod`) until Ctrl-C'
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l platform-fake -d 'Twitch from lumio-testkit\'s fake Twitch instead of the simulator: the demo channel is connected with a pasted bot token, its chat arrives over EventSub, and a ban reaches the fake and comes back `confirmed` (only in a build with `--features platform-fake`; other builds refuse it with a usage error)'
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand demo" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand demo" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand demo" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -f -a "ban" -d 'Ban a chatter'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -f -a "unban" -d 'Lift a ban or a timeout'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -f -a "timeout" -d 'Time a chatter out'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -f -a "warn" -d 'Warn a chatter (Twitch): they must acknowledge the reason before chatting again'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -f -a "delete" -d 'Delete a message (by its lumio id, as `lumio chat history --json` shows)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -f -a "apply" -d 'Apply many actions from a CSV or NDJSON file (or `-` for standard input)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -f -a "log" -d 'A chatter\'s moderation log, newest first; without a chatter, the whole account\'s'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -f -a "treatment" -d 'Set a chatter\'s treatment: none, active_monitoring or restricted'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and not __fish_seen_subcommand_from ban unban timeout warn delete apply log treatment help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from ban" -s r -l reason -d 'Why (kept in the moderation log)' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from ban" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from ban" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from ban" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from ban" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from ban" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from ban" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from ban" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from unban" -s r -l reason -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from unban" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from unban" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from unban" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from unban" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from unban" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from unban" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from unban" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from timeout" -s d -l duration -d 'How long: 90s, 10m, 1h30m, 1d (or plain seconds); up to 14 days' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from timeout" -s r -l reason -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from timeout" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from timeout" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from timeout" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from timeout" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from timeout" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from timeout" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from timeout" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from warn" -s r -l reason -d 'What the chatter is warned about (1–500 characters; they see it)' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from warn" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from warn" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from warn" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from warn" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from warn" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from warn" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from warn" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from delete" -s r -l reason -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from delete" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from delete" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from delete" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from delete" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from delete" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -s f -l file -d 'The file, or `-` for standard input' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -l format -d 'csv or ndjson (default: from the file\'s name, else from its first character)' -r -f -a "csv\t''
ndjson\t''"
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -l concurrency -d 'How many chatters are worked on at once; the rows of one chatter always run in file order (results are printed in row order)' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -l dry-run -d 'Check every row and resolve every @username, change nothing'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from log" -l page -d 'Page (1-based)' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from log" -s n -l limit -d 'Entries per page (1–200)' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from log" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from log" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from log" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from log" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from log" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from log" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from treatment" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from treatment" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from treatment" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from treatment" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from treatment" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from treatment" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from treatment" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from help" -f -a "ban" -d 'Ban a chatter'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from help" -f -a "unban" -d 'Lift a ban or a timeout'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from help" -f -a "timeout" -d 'Time a chatter out'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from help" -f -a "warn" -d 'Warn a chatter (Twitch): they must acknowledge the reason before chatting again'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a message (by its lumio id, as `lumio chat history --json` shows)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Apply many actions from a CSV or NDJSON file (or `-` for standard input)'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from help" -f -a "log" -d 'A chatter\'s moderation log, newest first; without a chatter, the whole account\'s'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from help" -f -a "treatment" -d 'Set a chatter\'s treatment: none, active_monitoring or restricted'
complete -c lumio -n "__fish_lumio_using_subcommand mod; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -f -a "show" -d 'A chatter\'s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform\'s own profile'
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -f -a "flag" -d 'Set, clear or list a chatter\'s flags (seed 002): invulnerable (no bot timeouts), vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items)'
complete -c lumio -n "__fish_lumio_using_subcommand user; and not __fish_seen_subcommand_from show flag help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from show" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from show" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from show" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from show" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from flag" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from flag" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from flag" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from flag" -l off -d 'Clear the flag instead of setting it'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from flag" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from flag" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from flag" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from flag" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "show" -d 'A chatter\'s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform\'s own profile'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "flag" -d 'Set, clear or list a chatter\'s flags (seed 002): invulnerable (no bot timeouts), vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items)'
complete -c lumio -n "__fish_lumio_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and not __fish_seen_subcommand_from cancel help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand raid; and not __fish_seen_subcommand_from cancel help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand raid; and not __fish_seen_subcommand_from cancel help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand raid; and not __fish_seen_subcommand_from cancel help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and not __fish_seen_subcommand_from cancel help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and not __fish_seen_subcommand_from cancel help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and not __fish_seen_subcommand_from cancel help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and not __fish_seen_subcommand_from cancel help" -f -a "cancel" -d 'Cancel the channel\'s pending Twitch raid (needs chat:raid)'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and not __fish_seen_subcommand_from cancel help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and __fish_seen_subcommand_from cancel" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand raid; and __fish_seen_subcommand_from cancel" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand raid; and __fish_seen_subcommand_from cancel" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand raid; and __fish_seen_subcommand_from cancel" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and __fish_seen_subcommand_from cancel" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel the channel\'s pending Twitch raid (needs chat:raid)'
complete -c lumio -n "__fish_lumio_using_subcommand raid; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and not __fish_seen_subcommand_from end help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand poll; and not __fish_seen_subcommand_from end help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand poll; and not __fish_seen_subcommand_from end help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand poll; and not __fish_seen_subcommand_from end help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and not __fish_seen_subcommand_from end help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and not __fish_seen_subcommand_from end help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and not __fish_seen_subcommand_from end help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and not __fish_seen_subcommand_from end help" -f -a "end" -d 'End a Twitch poll (needs chat:poll): its results stay visible, or with --archive they are hidden'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and not __fish_seen_subcommand_from end help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from end" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from end" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from end" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from end" -l archive -d 'End it ARCHIVED (hidden) instead of TERMINATED'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from end" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from end" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from end" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from end" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from help" -f -a "end" -d 'End a Twitch poll (needs chat:poll): its results stay visible, or with --archive they are hidden'
complete -c lumio -n "__fish_lumio_using_subcommand poll; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and not __fish_seen_subcommand_from end help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and not __fish_seen_subcommand_from end help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and not __fish_seen_subcommand_from end help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and not __fish_seen_subcommand_from end help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and not __fish_seen_subcommand_from end help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and not __fish_seen_subcommand_from end help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and not __fish_seen_subcommand_from end help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and not __fish_seen_subcommand_from end help" -f -a "end" -d 'End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome, cancel it (refunds everyone) or lock it (no more predictions)'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and not __fish_seen_subcommand_from end help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from end" -l status -d 'How it ends' -r -f -a "resolved\t''
canceled\t''
locked\t''"
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from end" -l winner -d 'The winning outcome\'s id (required with --status resolved)' -r
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from end" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from end" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from end" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from end" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from end" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from end" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from end" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from help" -f -a "end" -d 'End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome, cancel it (refunds everyone) or lock it (no more predictions)'
complete -c lumio -n "__fish_lumio_using_subcommand prediction; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "guilds" -d 'List the Discord servers connected to the account (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "ls" -d 'List the Discord servers connected to the account (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "authorize" -d 'Add lumio\'s bot to a Discord server: prints the URL to open, then waits until the server shows up in the account (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "disconnect" -d 'Disconnect a Discord server (its feature mappings go with it; needs bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "channels" -d 'A connected server\'s channels (cached by the server for an hour)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "commands" -d 'A connected server\'s slash commands: which lumio registers there, how many of Discord\'s 200 registrations a day it used today, and how the last one went (says so when the daily limit is reached)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "roles" -d 'A connected server\'s roles (cached by the server for an hour)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "features" -d 'Every lumio feature and the channel of the server it posts into'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "set-feature" -d 'Choose the channel a feature posts into, pause it, or remove the mapping (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and not __fish_seen_subcommand_from guilds ls authorize disconnect channels commands roles features set-feature help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from guilds" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from guilds" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from guilds" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from guilds" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from guilds" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from guilds" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from guilds" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from ls" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from ls" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from ls" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from ls" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -l timeout -d 'How long to wait for the server to appear: 90s, 5m, 1h' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -l poll-every -d 'How often to ask the server, in seconds' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -l web -d 'Also open the URL in the browser (when there is none, the URL is still printed)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -l no-wait -d 'Print the URL (or with --json the authorization) and exit without waiting'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from authorize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from disconnect" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from disconnect" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from disconnect" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from disconnect" -s y -l yes -d 'Do not ask for confirmation'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from disconnect" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from disconnect" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from disconnect" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from disconnect" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from channels" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from channels" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from channels" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from channels" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from channels" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from channels" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from channels" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from commands" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from commands" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from commands" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from commands" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from commands" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from commands" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from commands" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from roles" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from roles" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from roles" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from roles" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from roles" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from roles" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from roles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from features" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from features" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from features" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from features" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from features" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from features" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from features" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from set-feature" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from set-feature" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from set-feature" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from set-feature" -l off -d 'Remove the feature\'s mapping'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from set-feature" -l paused -d 'Map it, but paused'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from set-feature" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from set-feature" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from set-feature" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from set-feature" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from help" -f -a "guilds" -d 'List the Discord servers connected to the account (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from help" -f -a "authorize" -d 'Add lumio\'s bot to a Discord server: prints the URL to open, then waits until the server shows up in the account (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from help" -f -a "disconnect" -d 'Disconnect a Discord server (its feature mappings go with it; needs bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from help" -f -a "channels" -d 'A connected server\'s channels (cached by the server for an hour)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from help" -f -a "commands" -d 'A connected server\'s slash commands: which lumio registers there, how many of Discord\'s 200 registrations a day it used today, and how the last one went (says so when the daily limit is reached)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from help" -f -a "roles" -d 'A connected server\'s roles (cached by the server for an hour)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from help" -f -a "features" -d 'Every lumio feature and the channel of the server it posts into'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from help" -f -a "set-feature" -d 'Choose the channel a feature posts into, pause it, or remove the mapping (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand discord; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -f -a "guilds" -d 'Every account\'s Discord guild mappings: list, pause / resume the bot, remove'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -f -a "bots" -d 'Every account\'s bots: list, pause / resume, remove'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -f -a "audit" -d 'The admin audit log, newest first: who did what to which target, and how it ended'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and not __fish_seen_subcommand_from guilds bots audit help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -f -a "list" -d 'Every Discord guild mapped to any account (needs discord-guilds:read)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -f -a "ls" -d 'Every Discord guild mapped to any account (needs discord-guilds:read)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -f -a "rm" -d 'Remove a guild\'s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -f -a "delete" -d 'Remove a guild\'s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -f -a "toggle" -d 'Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it: paused, it ingests no chat there and posts nothing there (needs bot-control:edit; audited)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from guilds" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -f -a "list" -d 'Every account\'s bot on each platform it has a channel on (needs bot-control:read)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -f -a "ls" -d 'Every account\'s bot on each platform it has a channel on (needs bot-control:read)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -f -a "toggle" -d 'Pause (`--off`) or resume (`--on`) an account\'s bot on a platform (needs bot-control:edit; written to the audit log)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -f -a "rm" -d 'Remove an account\'s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -f -a "delete" -d 'Remove an account\'s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from bots" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from audit" -s n -l limit -d 'How many entries (1–500)' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from audit" -l before -d 'Only entries older than this one (its id), to page back' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from audit" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from audit" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from audit" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from audit" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from audit" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from audit" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "guilds" -d 'Every account\'s Discord guild mappings: list, pause / resume the bot, remove'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "bots" -d 'Every account\'s bots: list, pause / resume, remove'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "audit" -d 'The admin audit log, newest first: who did what to which target, and how it ended'
complete -c lumio -n "__fish_lumio_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and not __fish_seen_subcommand_from twitch help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connect; and not __fish_seen_subcommand_from twitch help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand connect; and not __fish_seen_subcommand_from twitch help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connect; and not __fish_seen_subcommand_from twitch help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and not __fish_seen_subcommand_from twitch help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and not __fish_seen_subcommand_from twitch help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and not __fish_seen_subcommand_from twitch help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and not __fish_seen_subcommand_from twitch help" -f -a "twitch" -d 'Connect a Twitch channel: the broadcaster\'s own account, or a bot account acting on it (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and not __fish_seen_subcommand_from twitch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l channel -d 'The Twitch channel the tokens act on (a bot\'s; a broadcaster\'s is its own)' -r
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l scopes -d 'Scopes to ask for, comma-separated [default: what lumio needs for the role]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l as -d 'Whose tokens: the broadcaster\'s (default) or a bot account\'s' -r -f -a "broadcaster\t''
bot\t''"
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l timeout -d 'How long to wait for the approval at most (the code\'s own life is shorter): 90s, 15m' -r
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l token-stdin -d 'Read pasted tokens from stdin instead of the device code grant'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from twitch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from help" -f -a "twitch" -d 'Connect a Twitch channel: the broadcaster\'s own account, or a bot account acting on it (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand connect; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -f -a "list" -d 'List the account\'s channel connections and their credentials (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -f -a "ls" -d 'List the account\'s channel connections and their credentials (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -f -a "rm" -d 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -f -a "remove" -d 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and not __fish_seen_subcommand_from list ls rm remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from list" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from list" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from list" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from list" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from ls" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from ls" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from ls" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from ls" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from ls" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from rm" -l as -d 'Only this credential' -r -f -a "broadcaster\t''
bot\t''"
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from rm" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from rm" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from rm" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from rm" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from rm" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from remove" -l as -d 'Only this credential' -r -f -a "broadcaster\t''
bot\t''"
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from remove" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from remove" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from remove" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Do not ask for confirmation'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from remove" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from remove" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the account\'s channel connections and their credentials (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand connections; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -f -a "status" -d 'The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch refused a token it acts with (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -f -a "pause" -d 'Pause the bot on a platform: it leaves the account\'s channels there (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -f -a "resume" -d 'Resume the bot on a platform (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -f -a "rejoin" -d 'Make the bot rejoin the account\'s channels on a platform now (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and not __fish_seen_subcommand_from status pause resume rejoin help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from status" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from status" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from status" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from status" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from status" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from pause" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from pause" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from pause" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from pause" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from pause" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from resume" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from resume" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from resume" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from resume" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from resume" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from rejoin" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from rejoin" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from rejoin" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from rejoin" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from rejoin" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from rejoin" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from rejoin" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from help" -f -a "status" -d 'The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch refused a token it acts with (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause the bot on a platform: it leaves the account\'s channels there (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume the bot on a platform (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from help" -f -a "rejoin" -d 'Make the bot rejoin the account\'s channels on a platform now (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand bots; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand completions" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand completions" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand completions" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand completions" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand completions" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand completions" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand completions" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand man" -l out-dir -d 'Write every page into this directory instead' -r -F
complete -c lumio -n "__fish_lumio_using_subcommand man" -l server -d 'Server URL [default: the profile\'s, else http://127.0.0.1:8080]' -r
complete -c lumio -n "__fish_lumio_using_subcommand man" -l account -d 'Account to act in (id or slug), for users in several accounts' -r
complete -c lumio -n "__fish_lumio_using_subcommand man" -l profile -d 'Configuration profile to use [default: the config\'s default_profile, else "default"]' -r
complete -c lumio -n "__fish_lumio_using_subcommand man" -l json -d 'Print JSON for machines instead of tables'
complete -c lumio -n "__fish_lumio_using_subcommand man" -l no-color -d 'Never use colour (also: the NO_COLOR environment variable)'
complete -c lumio -n "__fish_lumio_using_subcommand man" -s q -l quiet -d 'Print only what was asked for: no confirmations or hints'
complete -c lumio -n "__fish_lumio_using_subcommand man" -s h -l help -d 'Print help'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "auth" -d 'Log in and out, see who you are and what you may do, print your token'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "chat" -d 'Chat: the live multichat screen (no subcommand), history, counts, a live tail for pipes, bulk ingest, sending'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "commands" -d 'Bot commands: list, create, edit, override global ones, dry-run a message, stats, history, and import / export (Nightbot, StreamElements, Streamlabs, PhantomBot, Firebot, lumio)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "notes" -d 'Moderator notes on platform users: list, add, edit, remove'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "emotes" -d 'A channel\'s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "demo" -d 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "mod" -d 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "user" -d 'Chatters: a profile card'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "raid" -d 'The channel\'s Twitch raid: cancel it'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "poll" -d 'The channel\'s Twitch polls: end one'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "prediction" -d 'The channel\'s Twitch predictions: resolve, cancel or lock one'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "discord" -d 'Discord servers of the account: add the bot, list, disconnect, channels, roles, and the channel each feature posts into'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "admin" -d 'Admin views: every account\'s Discord guild mappings, the admin audit log'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "connect" -d 'Connect a platform channel: the tokens lumio acts with there (Twitch\'s device code, or pasted tokens)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "connections" -d 'The account\'s channel connections and their credentials: list, remove'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "bots" -d 'The account\'s chat bots per platform: status, pause, resume, rejoin'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "man" -d 'Print the man page (roff): `lumio man | man -l -`; with --out-dir, write one page per command there (`lumio.1`, `lumio-mod-ban.1` …)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and not __fish_seen_subcommand_from auth chat commands notes emotes demo mod user raid poll prediction discord admin connect connections bots completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Log in to a lumio server and save the token in the profile, for that server\'s host only: another --server needs its own login'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the server, user, accounts with roles and effective permissions, token source'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Revoke the server\'s token on the server and remove it from the profile'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "token" -d 'Print the profile\'s token for the server (for scripts)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from chat" -f -a "history" -d 'Chat history, newest first'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from chat" -f -a "count" -d 'How many messages the account has (matching the filters)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from chat" -f -a "tail" -d 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from chat" -f -a "ingest" -d 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from chat" -f -a "send" -d 'Send a message to a platform\'s chat (twitch, kick, trovo) as the channel\'s bot'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "list" -d 'List the account\'s commands and the global ones it inherits'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "show" -d 'Show one command (by name, alias or id)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "create" -d 'Create a command'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "edit" -d 'Change a command; what is not given stays'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "rm" -d 'Delete a command (asks on a terminal; --yes otherwise)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "override" -d 'Override a global command for this account: response, platforms, cooldowns, a stricter min role, or disable it. What is not given stays as overridden before'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "unoverride" -d 'Remove this account\'s override of a global command'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "test" -d 'What a chat message would do, without consuming anything: prints the reply, or why it would not run (exit 1), with cooldowns and unknown variables'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "stats" -d 'How often each command was used, most used first'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "history" -d 'Every change of a command and of this account\'s override of it'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "import" -d 'Import commands from another bot (or lumio\'s own export) in one transaction'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from commands" -f -a "export" -d 'Print the account\'s commands and overrides as lumio\'s versioned export'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from notes" -f -a "list" -d 'List the notes on a user, newest first'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from notes" -f -a "add" -d 'Write a note on a user'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from notes" -f -a "edit" -d 'Change the text of a note'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from notes" -f -a "rm" -d 'Delete a note'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from mod" -f -a "ban" -d 'Ban a chatter'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from mod" -f -a "unban" -d 'Lift a ban or a timeout'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from mod" -f -a "timeout" -d 'Time a chatter out'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from mod" -f -a "warn" -d 'Warn a chatter (Twitch): they must acknowledge the reason before chatting again'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from mod" -f -a "delete" -d 'Delete a message (by its lumio id, as `lumio chat history --json` shows)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from mod" -f -a "apply" -d 'Apply many actions from a CSV or NDJSON file (or `-` for standard input)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from mod" -f -a "log" -d 'A chatter\'s moderation log, newest first; without a chatter, the whole account\'s'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from mod" -f -a "treatment" -d 'Set a chatter\'s treatment: none, active_monitoring or restricted'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "show" -d 'A chatter\'s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform\'s own profile'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "flag" -d 'Set, clear or list a chatter\'s flags (seed 002): invulnerable (no bot timeouts), vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from raid" -f -a "cancel" -d 'Cancel the channel\'s pending Twitch raid (needs chat:raid)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from poll" -f -a "end" -d 'End a Twitch poll (needs chat:poll): its results stay visible, or with --archive they are hidden'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from prediction" -f -a "end" -d 'End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome, cancel it (refunds everyone) or lock it (no more predictions)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from discord" -f -a "guilds" -d 'List the Discord servers connected to the account (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from discord" -f -a "authorize" -d 'Add lumio\'s bot to a Discord server: prints the URL to open, then waits until the server shows up in the account (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from discord" -f -a "disconnect" -d 'Disconnect a Discord server (its feature mappings go with it; needs bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from discord" -f -a "channels" -d 'A connected server\'s channels (cached by the server for an hour)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from discord" -f -a "commands" -d 'A connected server\'s slash commands: which lumio registers there, how many of Discord\'s 200 registrations a day it used today, and how the last one went (says so when the daily limit is reached)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from discord" -f -a "roles" -d 'A connected server\'s roles (cached by the server for an hour)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from discord" -f -a "features" -d 'Every lumio feature and the channel of the server it posts into'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from discord" -f -a "set-feature" -d 'Choose the channel a feature posts into, pause it, or remove the mapping (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "guilds" -d 'Every account\'s Discord guild mappings: list, pause / resume the bot, remove'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "bots" -d 'Every account\'s bots: list, pause / resume, remove'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "audit" -d 'The admin audit log, newest first: who did what to which target, and how it ended'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from connect" -f -a "twitch" -d 'Connect a Twitch channel: the broadcaster\'s own account, or a bot account acting on it (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "list" -d 'List the account\'s channel connections and their credentials (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from connections" -f -a "rm" -d 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from bots" -f -a "status" -d 'The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch refused a token it acts with (needs bot-connections:read)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from bots" -f -a "pause" -d 'Pause the bot on a platform: it leaves the account\'s channels there (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from bots" -f -a "resume" -d 'Resume the bot on a platform (needs bot-connections:create)'
complete -c lumio -n "__fish_lumio_using_subcommand help; and __fish_seen_subcommand_from bots" -f -a "rejoin" -d 'Make the bot rejoin the account\'s channels on a platform now (needs bot-connections:create)'
