
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'lumio' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'lumio'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'lumio' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in and out, see who you are and what you may do, print your token')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Chat: the live multichat screen (no subcommand), history, counts, a live tail for pipes, bulk ingest, sending')
            [CompletionResult]::new('commands', 'commands', [CompletionResultType]::ParameterValue, 'Bot commands: list, create, edit, override global ones, dry-run a message, stats, history, and import / export (Nightbot, StreamElements, Streamlabs, PhantomBot, Firebot, lumio)')
            [CompletionResult]::new('notes', 'notes', [CompletionResultType]::ParameterValue, 'Moderator notes on platform users: list, add, edit, remove')
            [CompletionResult]::new('emotes', 'emotes', [CompletionResultType]::ParameterValue, 'A channel''s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`')
            [CompletionResult]::new('mod', 'mod', [CompletionResultType]::ParameterValue, 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Chatters: a profile card')
            [CompletionResult]::new('raid', 'raid', [CompletionResultType]::ParameterValue, 'The channel''s Twitch raid: cancel it')
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'The channel''s Twitch polls: end one')
            [CompletionResult]::new('prediction', 'prediction', [CompletionResultType]::ParameterValue, 'The channel''s Twitch predictions: resolve, cancel or lock one')
            [CompletionResult]::new('discord', 'discord', [CompletionResultType]::ParameterValue, 'Discord servers of the account: add the bot, list, disconnect, channels, roles, and the channel each feature posts into')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Admin views: every account''s Discord guild mappings, the admin audit log')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a platform channel: the tokens lumio acts with there (Twitch''s device code, or pasted tokens)')
            [CompletionResult]::new('connections', 'connections', [CompletionResultType]::ParameterValue, 'The account''s channel connections and their credentials: list, remove')
            [CompletionResult]::new('bots', 'bots', [CompletionResultType]::ParameterValue, 'The account''s chat bots per platform: status, pause, resume, rejoin')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff): `lumio man | man -l -`; with --out-dir, write one page per command there (`lumio.1`, `lumio-mod-ban.1` …)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;auth' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a lumio server and save the token in the profile, for that server''s host only: another --server needs its own login')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the server, user, accounts with roles and effective permissions, token source')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke the server''s token on the server and remove it from the profile')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the profile''s token for the server (for scripts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;auth;login' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Username to log in as')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username to log in as')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Read an API token from standard input instead of logging in with a password')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;auth;status' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;auth;logout' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;auth;token' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a lumio server and save the token in the profile, for that server''s host only: another --server needs its own login')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the server, user, accounts with roles and effective permissions, token source')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke the server''s token on the server and remove it from the profile')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the profile''s token for the server (for scripts)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;auth;help;login' {
            break
        }
        'lumio;auth;help;status' {
            break
        }
        'lumio;auth;help;logout' {
            break
        }
        'lumio;auth;help;token' {
            break
        }
        'lumio;auth;help;help' {
            break
        }
        'lumio;chat' {
            [CompletionResult]::new('--scrollback', '--scrollback', [CompletionResultType]::ParameterName, 'Messages the live screen keeps in memory [default: `[tui] scrollback` of the config file, else 5000]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Chat history, newest first')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'How many messages the account has (matching the filters)')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a message to a platform''s chat (twitch, kick, trovo) as the channel''s bot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;chat;history' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only these platforms (repeat, or comma-separate)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'A platform user id or username; @name is resolved to the chatter lumio has seen by that name (as the mod commands do)')
            [CompletionResult]::new('--contains', '--contains', [CompletionResultType]::ParameterName, 'Text the message contains (case-insensitive)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Messages at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a date (2026-01-02, local midnight) or how long ago (90m, 2h, 3d)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Messages before this time (the same formats as --from)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many messages (pages through the server''s 500-message pages as needed)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many messages (pages through the server''s 500-message pages as needed)')
            [CompletionResult]::new('--cursor', '--cursor', [CompletionResultType]::ParameterName, 'Continue from a `next_cursor`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--include-deleted', '--include-deleted', [CompletionResultType]::ParameterName, 'Include deleted messages')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;chat;count' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only these platforms (repeat, or comma-separate)')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'A platform user id or username; @name is resolved to the chatter lumio has seen by that name (as the mod commands do)')
            [CompletionResult]::new('--contains', '--contains', [CompletionResultType]::ParameterName, 'Text the message contains (case-insensitive)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Messages at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a date (2026-01-02, local midnight) or how long ago (90m, 2h, 3d)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Messages before this time (the same formats as --from)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--include-deleted', '--include-deleted', [CompletionResultType]::ParameterName, 'Include deleted messages')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;chat;tail' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Start after this cursor (replays what came since)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Exit after this many events')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;chat;ingest' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check that every line is a JSON object, send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;chat;send' {
            [CompletionResult]::new('--reply-to', '--reply-to', [CompletionResultType]::ParameterName, 'The platform''s id of a message to reply to')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;chat;help' {
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Chat history, newest first')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'How many messages the account has (matching the filters)')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a message to a platform''s chat (twitch, kick, trovo) as the channel''s bot')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;chat;help;history' {
            break
        }
        'lumio;chat;help;count' {
            break
        }
        'lumio;chat;help;tail' {
            break
        }
        'lumio;chat;help;ingest' {
            break
        }
        'lumio;chat;help;send' {
            break
        }
        'lumio;chat;help;help' {
            break
        }
        'lumio;commands' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s commands and the global ones it inherits')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the account''s commands and the global ones it inherits')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one command (by name, alias or id)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a command')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a command; what is not given stays')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a command (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a command (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Override a global command for this account: response, platforms, cooldowns, a stricter min role, or disable it. What is not given stays as overridden before')
            [CompletionResult]::new('unoverride', 'unoverride', [CompletionResultType]::ParameterValue, 'Remove this account''s override of a global command')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'What a chat message would do, without consuming anything: prints the reply, or why it would not run (exit 1), with cooldowns and unknown variables')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'How often each command was used, most used first')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Every change of a command and of this account''s override of it')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import commands from another bot (or lumio''s own export) in one transaction')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the account''s commands and overrides as lumio''s versioned export')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;commands;list' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only commands active on this platform')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Only the global commands (admins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;commands;ls' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only commands active on this platform')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'Only the global commands (admins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;commands;show' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;create' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where it answers (repeatable; default: every platform)')
            [CompletionResult]::new('--discord-style', '--discord-style', [CompletionResultType]::ParameterName, 'On Discord: answer to !name (prefix) or /name (slash)')
            [CompletionResult]::new('--min-role', '--min-role', [CompletionResultType]::ParameterName, 'The lowest role that may use it')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Global cooldown, seconds')
            [CompletionResult]::new('--user-cooldown', '--user-cooldown', [CompletionResultType]::ParameterName, 'Per-user cooldown, seconds')
            [CompletionResult]::new('--cooldown-reply', '--cooldown-reply', [CompletionResultType]::ParameterName, 'Sent when on cooldown ({user}, {remaining}); "" for silence (the default)')
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'Another name that calls it (repeatable)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'text, template or automation (default: template when the response has variables)')
            [CompletionResult]::new('--automation', '--automation', [CompletionResultType]::ParameterName, 'The automation an automation command triggers')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--mods-wait', '--mods-wait', [CompletionResultType]::ParameterName, 'Moderators wait for cooldowns too (default: they skip them)')
            [CompletionResult]::new('--enable', '--enable', [CompletionResultType]::ParameterName, 'enable')
            [CompletionResult]::new('--disable', '--disable', [CompletionResultType]::ParameterName, 'disable')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'A global command, inherited by every account (admins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;edit' {
            [CompletionResult]::new('--response', '--response', [CompletionResultType]::ParameterName, 'A new response (`-` reads it from standard input)')
            [CompletionResult]::new('--rename', '--rename', [CompletionResultType]::ParameterName, 'A new name')
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'The aliases (repeatable; replaces them all)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'type')
            [CompletionResult]::new('--automation', '--automation', [CompletionResultType]::ParameterName, 'automation')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where it answers (repeatable; default: every platform)')
            [CompletionResult]::new('--discord-style', '--discord-style', [CompletionResultType]::ParameterName, 'On Discord: answer to !name (prefix) or /name (slash)')
            [CompletionResult]::new('--min-role', '--min-role', [CompletionResultType]::ParameterName, 'The lowest role that may use it')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Global cooldown, seconds')
            [CompletionResult]::new('--user-cooldown', '--user-cooldown', [CompletionResultType]::ParameterName, 'Per-user cooldown, seconds')
            [CompletionResult]::new('--cooldown-reply', '--cooldown-reply', [CompletionResultType]::ParameterName, 'Sent when on cooldown ({user}, {remaining}); "" for silence (the default)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--mods-wait', '--mods-wait', [CompletionResultType]::ParameterName, 'Moderators wait for cooldowns too (default: they skip them)')
            [CompletionResult]::new('--enable', '--enable', [CompletionResultType]::ParameterName, 'enable')
            [CompletionResult]::new('--disable', '--disable', [CompletionResultType]::ParameterName, 'disable')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;rm' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'y')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'yes')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;delete' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'y')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'yes')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;override' {
            [CompletionResult]::new('--response', '--response', [CompletionResultType]::ParameterName, 'response')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Where it answers (repeatable; default: every platform)')
            [CompletionResult]::new('--discord-style', '--discord-style', [CompletionResultType]::ParameterName, 'On Discord: answer to !name (prefix) or /name (slash)')
            [CompletionResult]::new('--min-role', '--min-role', [CompletionResultType]::ParameterName, 'The lowest role that may use it')
            [CompletionResult]::new('--cooldown', '--cooldown', [CompletionResultType]::ParameterName, 'Global cooldown, seconds')
            [CompletionResult]::new('--user-cooldown', '--user-cooldown', [CompletionResultType]::ParameterName, 'Per-user cooldown, seconds')
            [CompletionResult]::new('--cooldown-reply', '--cooldown-reply', [CompletionResultType]::ParameterName, 'Sent when on cooldown ({user}, {remaining}); "" for silence (the default)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--mods-wait', '--mods-wait', [CompletionResultType]::ParameterName, 'Moderators wait for cooldowns too (default: they skip them)')
            [CompletionResult]::new('--enable', '--enable', [CompletionResultType]::ParameterName, 'enable')
            [CompletionResult]::new('--disable', '--disable', [CompletionResultType]::ParameterName, 'disable')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;unoverride' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;test' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'The invoker''s role')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'platform')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The invoker''s name')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;stats' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;history' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;import' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'from')
            [CompletionResult]::new('--on-conflict', '--on-conflict', [CompletionResultType]::ParameterName, 'When a name is taken by a command not from this source')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report only; write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;commands;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;commands;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s commands and the global ones it inherits')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one command (by name, alias or id)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a command')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a command; what is not given stays')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a command (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Override a global command for this account: response, platforms, cooldowns, a stricter min role, or disable it. What is not given stays as overridden before')
            [CompletionResult]::new('unoverride', 'unoverride', [CompletionResultType]::ParameterValue, 'Remove this account''s override of a global command')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'What a chat message would do, without consuming anything: prints the reply, or why it would not run (exit 1), with cooldowns and unknown variables')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'How often each command was used, most used first')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Every change of a command and of this account''s override of it')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import commands from another bot (or lumio''s own export) in one transaction')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the account''s commands and overrides as lumio''s versioned export')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;commands;help;list' {
            break
        }
        'lumio;commands;help;show' {
            break
        }
        'lumio;commands;help;create' {
            break
        }
        'lumio;commands;help;edit' {
            break
        }
        'lumio;commands;help;rm' {
            break
        }
        'lumio;commands;help;override' {
            break
        }
        'lumio;commands;help;unoverride' {
            break
        }
        'lumio;commands;help;test' {
            break
        }
        'lumio;commands;help;stats' {
            break
        }
        'lumio;commands;help;history' {
            break
        }
        'lumio;commands;help;import' {
            break
        }
        'lumio;commands;help;export' {
            break
        }
        'lumio;commands;help;help' {
            break
        }
        'lumio;notes' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the notes on a user, newest first')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the notes on a user, newest first')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Write a note on a user')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the text of a note')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a note')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a note')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;notes;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;notes;ls' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;notes;add' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;notes;edit' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;notes;rm' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;notes;delete' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;notes;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the notes on a user, newest first')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Write a note on a user')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the text of a note')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a note')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;notes;help;list' {
            break
        }
        'lumio;notes;help;add' {
            break
        }
        'lumio;notes;help;edit' {
            break
        }
        'lumio;notes;help;rm' {
            break
        }
        'lumio;notes;help;help' {
            break
        }
        'lumio;emotes' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only these providers (twitch, 7tv, bttv, ffz, trovo, discord; repeat or comma-separate)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'The Twitch emotes of the user lumio''s Twitch token belongs to, instead of a channel''s')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;demo' {
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Simulated messages per second (on average, with bursts and lulls)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Keep the demo''s database here (kept after exit) instead of a temporary directory')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address for the embedded server')
            [CompletionResult]::new('--scrollback', '--scrollback', [CompletionResultType]::ParameterName, 'Messages the live screen keeps in memory [default: `[tui] scrollback`, else 5000]')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--no-tui', '--no-tui', [CompletionResultType]::ParameterName, 'Run only the server (print its URL and a token for `mod`) until Ctrl-C')
            [CompletionResult]::new('--platform-fake', '--platform-fake', [CompletionResultType]::ParameterName, 'Twitch from lumio-testkit''s fake Twitch instead of the simulator: the demo channel is connected with a pasted bot token, its chat arrives over EventSub, and a ban reaches the fake and comes back `confirmed` (only in a build with `--features platform-fake`; other builds refuse it with a usage error)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;mod' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('ban', 'ban', [CompletionResultType]::ParameterValue, 'Ban a chatter')
            [CompletionResult]::new('unban', 'unban', [CompletionResultType]::ParameterValue, 'Lift a ban or a timeout')
            [CompletionResult]::new('timeout', 'timeout', [CompletionResultType]::ParameterValue, 'Time a chatter out')
            [CompletionResult]::new('warn', 'warn', [CompletionResultType]::ParameterValue, 'Warn a chatter (Twitch): they must acknowledge the reason before chatting again')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a message (by its lumio id, as `lumio chat history --json` shows)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply many actions from a CSV or NDJSON file (or `-` for standard input)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'A chatter''s moderation log, newest first; without a chatter, the whole account''s')
            [CompletionResult]::new('treatment', 'treatment', [CompletionResultType]::ParameterValue, 'Set a chatter''s treatment: none, active_monitoring or restricted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;mod;ban' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Why (kept in the moderation log)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept in the moderation log)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;mod;unban' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;mod;timeout' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'How long: 90s, 10m, 1h30m, 1d (or plain seconds); up to 14 days')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long: 90s, 10m, 1h30m, 1d (or plain seconds); up to 14 days')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;mod;warn' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'What the chatter is warned about (1–500 characters; they see it)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'What the chatter is warned about (1–500 characters; they see it)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;mod;delete' {
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'r')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'reason')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;mod;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The file, or `-` for standard input')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The file, or `-` for standard input')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'csv or ndjson (default: from the file''s name, else from its first character)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many chatters are worked on at once; the rows of one chatter always run in file order (results are printed in row order)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check every row and resolve every @username, change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;mod;log' {
            [CompletionResult]::new('--page', '--page', [CompletionResultType]::ParameterName, 'Page (1-based)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Entries per page (1–200)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Entries per page (1–200)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;mod;treatment' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;mod;help' {
            [CompletionResult]::new('ban', 'ban', [CompletionResultType]::ParameterValue, 'Ban a chatter')
            [CompletionResult]::new('unban', 'unban', [CompletionResultType]::ParameterValue, 'Lift a ban or a timeout')
            [CompletionResult]::new('timeout', 'timeout', [CompletionResultType]::ParameterValue, 'Time a chatter out')
            [CompletionResult]::new('warn', 'warn', [CompletionResultType]::ParameterValue, 'Warn a chatter (Twitch): they must acknowledge the reason before chatting again')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a message (by its lumio id, as `lumio chat history --json` shows)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply many actions from a CSV or NDJSON file (or `-` for standard input)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'A chatter''s moderation log, newest first; without a chatter, the whole account''s')
            [CompletionResult]::new('treatment', 'treatment', [CompletionResultType]::ParameterValue, 'Set a chatter''s treatment: none, active_monitoring or restricted')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;mod;help;ban' {
            break
        }
        'lumio;mod;help;unban' {
            break
        }
        'lumio;mod;help;timeout' {
            break
        }
        'lumio;mod;help;warn' {
            break
        }
        'lumio;mod;help;delete' {
            break
        }
        'lumio;mod;help;apply' {
            break
        }
        'lumio;mod;help;log' {
            break
        }
        'lumio;mod;help;treatment' {
            break
        }
        'lumio;mod;help;help' {
            break
        }
        'lumio;user' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A chatter''s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform''s own profile')
            [CompletionResult]::new('flag', 'flag', [CompletionResultType]::ParameterValue, 'Set, clear or list a chatter''s flags (seed 002): invulnerable (no bot timeouts), vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;user;show' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;user;flag' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--off', '--off', [CompletionResultType]::ParameterName, 'Clear the flag instead of setting it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;user;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A chatter''s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform''s own profile')
            [CompletionResult]::new('flag', 'flag', [CompletionResultType]::ParameterValue, 'Set, clear or list a chatter''s flags (seed 002): invulnerable (no bot timeouts), vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;user;help;show' {
            break
        }
        'lumio;user;help;flag' {
            break
        }
        'lumio;user;help;help' {
            break
        }
        'lumio;raid' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel the channel''s pending Twitch raid (needs chat:raid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;raid;cancel' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;raid;help' {
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel the channel''s pending Twitch raid (needs chat:raid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;raid;help;cancel' {
            break
        }
        'lumio;raid;help;help' {
            break
        }
        'lumio;poll' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a Twitch poll (needs chat:poll): its results stay visible, or with --archive they are hidden')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;poll;end' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--archive', '--archive', [CompletionResultType]::ParameterName, 'End it ARCHIVED (hidden) instead of TERMINATED')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;poll;help' {
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a Twitch poll (needs chat:poll): its results stay visible, or with --archive they are hidden')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;poll;help;end' {
            break
        }
        'lumio;poll;help;help' {
            break
        }
        'lumio;prediction' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome, cancel it (refunds everyone) or lock it (no more predictions)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;prediction;end' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'How it ends')
            [CompletionResult]::new('--winner', '--winner', [CompletionResultType]::ParameterName, 'The winning outcome''s id (required with --status resolved)')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;prediction;help' {
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome, cancel it (refunds everyone) or lock it (no more predictions)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;prediction;help;end' {
            break
        }
        'lumio;prediction;help;help' {
            break
        }
        'lumio;discord' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('guilds', 'guilds', [CompletionResultType]::ParameterValue, 'List the Discord servers connected to the account (needs bot-connections:read)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the Discord servers connected to the account (needs bot-connections:read)')
            [CompletionResult]::new('authorize', 'authorize', [CompletionResultType]::ParameterValue, 'Add lumio''s bot to a Discord server: prints the URL to open, then waits until the server shows up in the account (needs bot-connections:create)')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect a Discord server (its feature mappings go with it; needs bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('channels', 'channels', [CompletionResultType]::ParameterValue, 'A connected server''s channels (cached by the server for an hour)')
            [CompletionResult]::new('commands', 'commands', [CompletionResultType]::ParameterValue, 'A connected server''s slash commands: which lumio registers there, how many of Discord''s 200 registrations a day it used today, and how the last one went (says so when the daily limit is reached)')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'A connected server''s roles (cached by the server for an hour)')
            [CompletionResult]::new('features', 'features', [CompletionResultType]::ParameterValue, 'Every lumio feature and the channel of the server it posts into')
            [CompletionResult]::new('set-feature', 'set-feature', [CompletionResultType]::ParameterValue, 'Choose the channel a feature posts into, pause it, or remove the mapping (needs bot-connections:create)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;discord;guilds' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;discord;ls' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;discord;authorize' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the server to appear: 90s, 5m, 1h')
            [CompletionResult]::new('--poll-every', '--poll-every', [CompletionResultType]::ParameterName, 'How often to ask the server, in seconds')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--web', '--web', [CompletionResultType]::ParameterName, 'Also open the URL in the browser (when there is none, the URL is still printed)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Print the URL (or with --json the authorization) and exit without waiting')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;discord;disconnect' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;discord;channels' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;discord;commands' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;discord;roles' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;discord;features' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;discord;set-feature' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--off', '--off', [CompletionResultType]::ParameterName, 'Remove the feature''s mapping')
            [CompletionResult]::new('--paused', '--paused', [CompletionResultType]::ParameterName, 'Map it, but paused')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;discord;help' {
            [CompletionResult]::new('guilds', 'guilds', [CompletionResultType]::ParameterValue, 'List the Discord servers connected to the account (needs bot-connections:read)')
            [CompletionResult]::new('authorize', 'authorize', [CompletionResultType]::ParameterValue, 'Add lumio''s bot to a Discord server: prints the URL to open, then waits until the server shows up in the account (needs bot-connections:create)')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect a Discord server (its feature mappings go with it; needs bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('channels', 'channels', [CompletionResultType]::ParameterValue, 'A connected server''s channels (cached by the server for an hour)')
            [CompletionResult]::new('commands', 'commands', [CompletionResultType]::ParameterValue, 'A connected server''s slash commands: which lumio registers there, how many of Discord''s 200 registrations a day it used today, and how the last one went (says so when the daily limit is reached)')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'A connected server''s roles (cached by the server for an hour)')
            [CompletionResult]::new('features', 'features', [CompletionResultType]::ParameterValue, 'Every lumio feature and the channel of the server it posts into')
            [CompletionResult]::new('set-feature', 'set-feature', [CompletionResultType]::ParameterValue, 'Choose the channel a feature posts into, pause it, or remove the mapping (needs bot-connections:create)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;discord;help;guilds' {
            break
        }
        'lumio;discord;help;authorize' {
            break
        }
        'lumio;discord;help;disconnect' {
            break
        }
        'lumio;discord;help;channels' {
            break
        }
        'lumio;discord;help;commands' {
            break
        }
        'lumio;discord;help;roles' {
            break
        }
        'lumio;discord;help;features' {
            break
        }
        'lumio;discord;help;set-feature' {
            break
        }
        'lumio;discord;help;help' {
            break
        }
        'lumio;admin' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('guilds', 'guilds', [CompletionResultType]::ParameterValue, 'Every account''s Discord guild mappings: list, pause / resume the bot, remove')
            [CompletionResult]::new('bots', 'bots', [CompletionResultType]::ParameterValue, 'Every account''s bots: list, pause / resume, remove')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The admin audit log, newest first: who did what to which target, and how it ended')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;admin;guilds' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every Discord guild mapped to any account (needs discord-guilds:read)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Every Discord guild mapped to any account (needs discord-guilds:read)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('toggle', 'toggle', [CompletionResultType]::ParameterValue, 'Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it: paused, it ingests no chat there and posts nothing there (needs bot-control:edit; audited)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;admin;guilds;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;admin;guilds;ls' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;admin;guilds;rm' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;admin;guilds;delete' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;admin;guilds;toggle' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'Resume the bot in the guild')
            [CompletionResult]::new('--off', '--off', [CompletionResultType]::ParameterName, 'Pause the bot in the guild')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;admin;guilds;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every Discord guild mapped to any account (needs discord-guilds:read)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('toggle', 'toggle', [CompletionResultType]::ParameterValue, 'Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it: paused, it ingests no chat there and posts nothing there (needs bot-control:edit; audited)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;admin;guilds;help;list' {
            break
        }
        'lumio;admin;guilds;help;rm' {
            break
        }
        'lumio;admin;guilds;help;toggle' {
            break
        }
        'lumio;admin;guilds;help;help' {
            break
        }
        'lumio;admin;bots' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every account''s bot on each platform it has a channel on (needs bot-control:read)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'Every account''s bot on each platform it has a channel on (needs bot-control:read)')
            [CompletionResult]::new('toggle', 'toggle', [CompletionResultType]::ParameterValue, 'Pause (`--off`) or resume (`--on`) an account''s bot on a platform (needs bot-control:edit; written to the audit log)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;admin;bots;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;admin;bots;ls' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;admin;bots;toggle' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--on', '--on', [CompletionResultType]::ParameterName, 'Resume the bot')
            [CompletionResult]::new('--off', '--off', [CompletionResultType]::ParameterName, 'Pause the bot')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;admin;bots;rm' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;admin;bots;delete' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;admin;bots;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every account''s bot on each platform it has a channel on (needs bot-control:read)')
            [CompletionResult]::new('toggle', 'toggle', [CompletionResultType]::ParameterValue, 'Pause (`--off`) or resume (`--on`) an account''s bot on a platform (needs bot-control:edit; written to the audit log)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;admin;bots;help;list' {
            break
        }
        'lumio;admin;bots;help;toggle' {
            break
        }
        'lumio;admin;bots;help;rm' {
            break
        }
        'lumio;admin;bots;help;help' {
            break
        }
        'lumio;admin;audit' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many entries (1–500)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many entries (1–500)')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'Only entries older than this one (its id), to page back')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;admin;help' {
            [CompletionResult]::new('guilds', 'guilds', [CompletionResultType]::ParameterValue, 'Every account''s Discord guild mappings: list, pause / resume the bot, remove')
            [CompletionResult]::new('bots', 'bots', [CompletionResultType]::ParameterValue, 'Every account''s bots: list, pause / resume, remove')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The admin audit log, newest first: who did what to which target, and how it ended')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;admin;help;guilds' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every Discord guild mapped to any account (needs discord-guilds:read)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('toggle', 'toggle', [CompletionResultType]::ParameterValue, 'Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it: paused, it ingests no chat there and posts nothing there (needs bot-control:edit; audited)')
            break
        }
        'lumio;admin;help;guilds;list' {
            break
        }
        'lumio;admin;help;guilds;rm' {
            break
        }
        'lumio;admin;help;guilds;toggle' {
            break
        }
        'lumio;admin;help;bots' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every account''s bot on each platform it has a channel on (needs bot-control:read)')
            [CompletionResult]::new('toggle', 'toggle', [CompletionResultType]::ParameterValue, 'Pause (`--off`) or resume (`--on`) an account''s bot on a platform (needs bot-control:edit; written to the audit log)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise')
            break
        }
        'lumio;admin;help;bots;list' {
            break
        }
        'lumio;admin;help;bots;toggle' {
            break
        }
        'lumio;admin;help;bots;rm' {
            break
        }
        'lumio;admin;help;audit' {
            break
        }
        'lumio;admin;help;help' {
            break
        }
        'lumio;connect' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('twitch', 'twitch', [CompletionResultType]::ParameterValue, 'Connect a Twitch channel: the broadcaster''s own account, or a bot account acting on it (needs bot-connections:create)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;connect;twitch' {
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'The Twitch channel the tokens act on (a bot''s; a broadcaster''s is its own)')
            [CompletionResult]::new('--scopes', '--scopes', [CompletionResultType]::ParameterName, 'Scopes to ask for, comma-separated [default: what lumio needs for the role]')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Whose tokens: the broadcaster''s (default) or a bot account''s')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for the approval at most (the code''s own life is shorter): 90s, 15m')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read pasted tokens from stdin instead of the device code grant')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;connect;help' {
            [CompletionResult]::new('twitch', 'twitch', [CompletionResultType]::ParameterValue, 'Connect a Twitch channel: the broadcaster''s own account, or a bot account acting on it (needs bot-connections:create)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;connect;help;twitch' {
            break
        }
        'lumio;connect;help;help' {
            break
        }
        'lumio;connections' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s channel connections and their credentials (needs bot-connections:read)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the account''s channel connections and their credentials (needs bot-connections:read)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;connections;list' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;connections;ls' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;connections;rm' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Only this credential')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;connections;remove' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Only this credential')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;connections;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s channel connections and their credentials (needs bot-connections:read)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;connections;help;list' {
            break
        }
        'lumio;connections;help;rm' {
            break
        }
        'lumio;connections;help;help' {
            break
        }
        'lumio;bots' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch refused a token it acts with (needs bot-connections:read)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause the bot on a platform: it leaves the account''s channels there (needs bot-connections:create)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume the bot on a platform (needs bot-connections:create)')
            [CompletionResult]::new('rejoin', 'rejoin', [CompletionResultType]::ParameterValue, 'Make the bot rejoin the account''s channels on a platform now (needs bot-connections:create)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;bots;status' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'lumio;bots;pause' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;bots;resume' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;bots;rejoin' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;bots;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch refused a token it acts with (needs bot-connections:read)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause the bot on a platform: it leaves the account''s channels there (needs bot-connections:create)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume the bot on a platform (needs bot-connections:create)')
            [CompletionResult]::new('rejoin', 'rejoin', [CompletionResultType]::ParameterValue, 'Make the bot rejoin the account''s channels on a platform now (needs bot-connections:create)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;bots;help;status' {
            break
        }
        'lumio;bots;help;pause' {
            break
        }
        'lumio;bots;help;resume' {
            break
        }
        'lumio;bots;help;rejoin' {
            break
        }
        'lumio;bots;help;help' {
            break
        }
        'lumio;completions' {
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write every page into this directory instead')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Server URL [default: the profile''s, else http://127.0.0.1:8080]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account to act in (id or slug), for users in several accounts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Configuration profile to use [default: the config''s default_profile, else "default"]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON for machines instead of tables')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: the NO_COLOR environment variable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only what was asked for: no confirmations or hints')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'lumio;help' {
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in and out, see who you are and what you may do, print your token')
            [CompletionResult]::new('chat', 'chat', [CompletionResultType]::ParameterValue, 'Chat: the live multichat screen (no subcommand), history, counts, a live tail for pipes, bulk ingest, sending')
            [CompletionResult]::new('commands', 'commands', [CompletionResultType]::ParameterValue, 'Bot commands: list, create, edit, override global ones, dry-run a message, stats, history, and import / export (Nightbot, StreamElements, Streamlabs, PhantomBot, Firebot, lumio)')
            [CompletionResult]::new('notes', 'notes', [CompletionResultType]::ParameterValue, 'Moderator notes on platform users: list, add, edit, remove')
            [CompletionResult]::new('emotes', 'emotes', [CompletionResultType]::ParameterValue, 'A channel''s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`')
            [CompletionResult]::new('mod', 'mod', [CompletionResultType]::ParameterValue, 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Chatters: a profile card')
            [CompletionResult]::new('raid', 'raid', [CompletionResultType]::ParameterValue, 'The channel''s Twitch raid: cancel it')
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'The channel''s Twitch polls: end one')
            [CompletionResult]::new('prediction', 'prediction', [CompletionResultType]::ParameterValue, 'The channel''s Twitch predictions: resolve, cancel or lock one')
            [CompletionResult]::new('discord', 'discord', [CompletionResultType]::ParameterValue, 'Discord servers of the account: add the bot, list, disconnect, channels, roles, and the channel each feature posts into')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Admin views: every account''s Discord guild mappings, the admin audit log')
            [CompletionResult]::new('connect', 'connect', [CompletionResultType]::ParameterValue, 'Connect a platform channel: the tokens lumio acts with there (Twitch''s device code, or pasted tokens)')
            [CompletionResult]::new('connections', 'connections', [CompletionResultType]::ParameterValue, 'The account''s channel connections and their credentials: list, remove')
            [CompletionResult]::new('bots', 'bots', [CompletionResultType]::ParameterValue, 'The account''s chat bots per platform: status, pause, resume, rejoin')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff): `lumio man | man -l -`; with --out-dir, write one page per command there (`lumio.1`, `lumio-mod-ban.1` …)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a lumio server and save the token in the profile, for that server''s host only: another --server needs its own login')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the server, user, accounts with roles and effective permissions, token source')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Revoke the server''s token on the server and remove it from the profile')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Print the profile''s token for the server (for scripts)')
            break
        }
        'lumio;help;auth;login' {
            break
        }
        'lumio;help;auth;status' {
            break
        }
        'lumio;help;auth;logout' {
            break
        }
        'lumio;help;auth;token' {
            break
        }
        'lumio;help;chat' {
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Chat history, newest first')
            [CompletionResult]::new('count', 'count', [CompletionResultType]::ParameterValue, 'How many messages the account has (matching the filters)')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a message to a platform''s chat (twitch, kick, trovo) as the channel''s bot')
            break
        }
        'lumio;help;chat;history' {
            break
        }
        'lumio;help;chat;count' {
            break
        }
        'lumio;help;chat;tail' {
            break
        }
        'lumio;help;chat;ingest' {
            break
        }
        'lumio;help;chat;send' {
            break
        }
        'lumio;help;commands' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s commands and the global ones it inherits')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one command (by name, alias or id)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a command')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a command; what is not given stays')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a command (asks on a terminal; --yes otherwise)')
            [CompletionResult]::new('override', 'override', [CompletionResultType]::ParameterValue, 'Override a global command for this account: response, platforms, cooldowns, a stricter min role, or disable it. What is not given stays as overridden before')
            [CompletionResult]::new('unoverride', 'unoverride', [CompletionResultType]::ParameterValue, 'Remove this account''s override of a global command')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'What a chat message would do, without consuming anything: prints the reply, or why it would not run (exit 1), with cooldowns and unknown variables')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'How often each command was used, most used first')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Every change of a command and of this account''s override of it')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import commands from another bot (or lumio''s own export) in one transaction')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print the account''s commands and overrides as lumio''s versioned export')
            break
        }
        'lumio;help;commands;list' {
            break
        }
        'lumio;help;commands;show' {
            break
        }
        'lumio;help;commands;create' {
            break
        }
        'lumio;help;commands;edit' {
            break
        }
        'lumio;help;commands;rm' {
            break
        }
        'lumio;help;commands;override' {
            break
        }
        'lumio;help;commands;unoverride' {
            break
        }
        'lumio;help;commands;test' {
            break
        }
        'lumio;help;commands;stats' {
            break
        }
        'lumio;help;commands;history' {
            break
        }
        'lumio;help;commands;import' {
            break
        }
        'lumio;help;commands;export' {
            break
        }
        'lumio;help;notes' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the notes on a user, newest first')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Write a note on a user')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change the text of a note')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a note')
            break
        }
        'lumio;help;notes;list' {
            break
        }
        'lumio;help;notes;add' {
            break
        }
        'lumio;help;notes;edit' {
            break
        }
        'lumio;help;notes;rm' {
            break
        }
        'lumio;help;emotes' {
            break
        }
        'lumio;help;demo' {
            break
        }
        'lumio;help;mod' {
            [CompletionResult]::new('ban', 'ban', [CompletionResultType]::ParameterValue, 'Ban a chatter')
            [CompletionResult]::new('unban', 'unban', [CompletionResultType]::ParameterValue, 'Lift a ban or a timeout')
            [CompletionResult]::new('timeout', 'timeout', [CompletionResultType]::ParameterValue, 'Time a chatter out')
            [CompletionResult]::new('warn', 'warn', [CompletionResultType]::ParameterValue, 'Warn a chatter (Twitch): they must acknowledge the reason before chatting again')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a message (by its lumio id, as `lumio chat history --json` shows)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply many actions from a CSV or NDJSON file (or `-` for standard input)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'A chatter''s moderation log, newest first; without a chatter, the whole account''s')
            [CompletionResult]::new('treatment', 'treatment', [CompletionResultType]::ParameterValue, 'Set a chatter''s treatment: none, active_monitoring or restricted')
            break
        }
        'lumio;help;mod;ban' {
            break
        }
        'lumio;help;mod;unban' {
            break
        }
        'lumio;help;mod;timeout' {
            break
        }
        'lumio;help;mod;warn' {
            break
        }
        'lumio;help;mod;delete' {
            break
        }
        'lumio;help;mod;apply' {
            break
        }
        'lumio;help;mod;log' {
            break
        }
        'lumio;help;mod;treatment' {
            break
        }
        'lumio;help;user' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A chatter''s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform''s own profile')
            [CompletionResult]::new('flag', 'flag', [CompletionResultType]::ParameterValue, 'Set, clear or list a chatter''s flags (seed 002): invulnerable (no bot timeouts), vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items)')
            break
        }
        'lumio;help;user;show' {
            break
        }
        'lumio;help;user;flag' {
            break
        }
        'lumio;help;raid' {
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel the channel''s pending Twitch raid (needs chat:raid)')
            break
        }
        'lumio;help;raid;cancel' {
            break
        }
        'lumio;help;poll' {
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a Twitch poll (needs chat:poll): its results stay visible, or with --archive they are hidden')
            break
        }
        'lumio;help;poll;end' {
            break
        }
        'lumio;help;prediction' {
            [CompletionResult]::new('end', 'end', [CompletionResultType]::ParameterValue, 'End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome, cancel it (refunds everyone) or lock it (no more predictions)')
            break
        }
        'lumio;help;prediction;end' {
            break
        }
        'lumio;help;discord' {
            [CompletionResult]::new('guilds', 'guilds', [CompletionResultType]::ParameterValue, 'List the Discord servers connected to the account (needs bot-connections:read)')
            [CompletionResult]::new('authorize', 'authorize', [CompletionResultType]::ParameterValue, 'Add lumio''s bot to a Discord server: prints the URL to open, then waits until the server shows up in the account (needs bot-connections:create)')
            [CompletionResult]::new('disconnect', 'disconnect', [CompletionResultType]::ParameterValue, 'Disconnect a Discord server (its feature mappings go with it; needs bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('channels', 'channels', [CompletionResultType]::ParameterValue, 'A connected server''s channels (cached by the server for an hour)')
            [CompletionResult]::new('commands', 'commands', [CompletionResultType]::ParameterValue, 'A connected server''s slash commands: which lumio registers there, how many of Discord''s 200 registrations a day it used today, and how the last one went (says so when the daily limit is reached)')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'A connected server''s roles (cached by the server for an hour)')
            [CompletionResult]::new('features', 'features', [CompletionResultType]::ParameterValue, 'Every lumio feature and the channel of the server it posts into')
            [CompletionResult]::new('set-feature', 'set-feature', [CompletionResultType]::ParameterValue, 'Choose the channel a feature posts into, pause it, or remove the mapping (needs bot-connections:create)')
            break
        }
        'lumio;help;discord;guilds' {
            break
        }
        'lumio;help;discord;authorize' {
            break
        }
        'lumio;help;discord;disconnect' {
            break
        }
        'lumio;help;discord;channels' {
            break
        }
        'lumio;help;discord;commands' {
            break
        }
        'lumio;help;discord;roles' {
            break
        }
        'lumio;help;discord;features' {
            break
        }
        'lumio;help;discord;set-feature' {
            break
        }
        'lumio;help;admin' {
            [CompletionResult]::new('guilds', 'guilds', [CompletionResultType]::ParameterValue, 'Every account''s Discord guild mappings: list, pause / resume the bot, remove')
            [CompletionResult]::new('bots', 'bots', [CompletionResultType]::ParameterValue, 'Every account''s bots: list, pause / resume, remove')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The admin audit log, newest first: who did what to which target, and how it ended')
            break
        }
        'lumio;help;admin;guilds' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every Discord guild mapped to any account (needs discord-guilds:read)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise')
            [CompletionResult]::new('toggle', 'toggle', [CompletionResultType]::ParameterValue, 'Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it: paused, it ingests no chat there and posts nothing there (needs bot-control:edit; audited)')
            break
        }
        'lumio;help;admin;guilds;list' {
            break
        }
        'lumio;help;admin;guilds;rm' {
            break
        }
        'lumio;help;admin;guilds;toggle' {
            break
        }
        'lumio;help;admin;bots' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Every account''s bot on each platform it has a channel on (needs bot-control:read)')
            [CompletionResult]::new('toggle', 'toggle', [CompletionResultType]::ParameterValue, 'Pause (`--off`) or resume (`--on`) an account''s bot on a platform (needs bot-control:edit; written to the audit log)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise')
            break
        }
        'lumio;help;admin;bots;list' {
            break
        }
        'lumio;help;admin;bots;toggle' {
            break
        }
        'lumio;help;admin;bots;rm' {
            break
        }
        'lumio;help;admin;audit' {
            break
        }
        'lumio;help;connect' {
            [CompletionResult]::new('twitch', 'twitch', [CompletionResultType]::ParameterValue, 'Connect a Twitch channel: the broadcaster''s own account, or a bot account acting on it (needs bot-connections:create)')
            break
        }
        'lumio;help;connect;twitch' {
            break
        }
        'lumio;help;connections' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the account''s channel connections and their credentials (needs bot-connections:read)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise')
            break
        }
        'lumio;help;connections;list' {
            break
        }
        'lumio;help;connections;rm' {
            break
        }
        'lumio;help;bots' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch refused a token it acts with (needs bot-connections:read)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause the bot on a platform: it leaves the account''s channels there (needs bot-connections:create)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume the bot on a platform (needs bot-connections:create)')
            [CompletionResult]::new('rejoin', 'rejoin', [CompletionResultType]::ParameterValue, 'Make the bot rejoin the account''s channels on a platform now (needs bot-connections:create)')
            break
        }
        'lumio;help;bots;status' {
            break
        }
        'lumio;help;bots;pause' {
            break
        }
        'lumio;help;bots;resume' {
            break
        }
        'lumio;help;bots;rejoin' {
            break
        }
        'lumio;help;completions' {
            break
        }
        'lumio;help;man' {
            break
        }
        'lumio;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
