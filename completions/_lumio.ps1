
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
            [CompletionResult]::new('notes', 'notes', [CompletionResultType]::ParameterValue, 'Moderator notes on platform users: list, add, edit, remove')
            [CompletionResult]::new('emotes', 'emotes', [CompletionResultType]::ParameterValue, 'A channel''s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`')
            [CompletionResult]::new('mod', 'mod', [CompletionResultType]::ParameterValue, 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Chatters: a profile card')
            [CompletionResult]::new('raid', 'raid', [CompletionResultType]::ParameterValue, 'The channel''s Twitch raid: cancel it')
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'The channel''s Twitch polls: end one')
            [CompletionResult]::new('prediction', 'prediction', [CompletionResultType]::ParameterValue, 'The channel''s Twitch predictions: resolve, cancel or lock one')
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
        'lumio;user;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A chatter''s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform''s own profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lumio;user;help;show' {
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
            [CompletionResult]::new('notes', 'notes', [CompletionResultType]::ParameterValue, 'Moderator notes on platform users: list, add, edit, remove')
            [CompletionResult]::new('emotes', 'emotes', [CompletionResultType]::ParameterValue, 'A channel''s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`')
            [CompletionResult]::new('mod', 'mod', [CompletionResultType]::ParameterValue, 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Chatters: a profile card')
            [CompletionResult]::new('raid', 'raid', [CompletionResultType]::ParameterValue, 'The channel''s Twitch raid: cancel it')
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'The channel''s Twitch polls: end one')
            [CompletionResult]::new('prediction', 'prediction', [CompletionResultType]::ParameterValue, 'The channel''s Twitch predictions: resolve, cancel or lock one')
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
            break
        }
        'lumio;help;user;show' {
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
