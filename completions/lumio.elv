
use builtin;
use str;

set edit:completion:arg-completer[lumio] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'lumio'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'lumio'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand auth 'Log in and out, see who you are and what you may do, print your token'
            cand chat 'Chat: the live multichat screen (no subcommand), history, counts, a live tail for pipes, bulk ingest, sending'
            cand commands 'Bot commands: list, create, edit, override global ones, dry-run a message, stats, history, and import / export (Nightbot, StreamElements, Streamlabs, PhantomBot, Firebot, lumio)'
            cand notes 'Moderator notes on platform users: list, add, edit, remove'
            cand emotes 'A channel''s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)'
            cand demo 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`'
            cand mod 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment'
            cand user 'Chatters: a profile card'
            cand raid 'The channel''s Twitch raid: cancel it'
            cand poll 'The channel''s Twitch polls: end one'
            cand prediction 'The channel''s Twitch predictions: resolve, cancel or lock one'
            cand discord 'Discord servers of the account: add the bot, list, disconnect, channels, roles, and the channel each feature posts into'
            cand admin 'Admin views: every account''s Discord guild mappings, the admin audit log'
            cand connect 'Connect a platform channel: the tokens lumio acts with there (Twitch''s device code, or pasted tokens)'
            cand connections 'The account''s channel connections and their credentials: list, remove'
            cand bots 'The account''s chat bots per platform: status, pause, resume, rejoin'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Print the man page (roff): `lumio man | man -l -`; with --out-dir, write one page per command there (`lumio.1`, `lumio-mod-ban.1` …)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;auth'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand login 'Log in to a lumio server and save the token in the profile, for that server''s host only: another --server needs its own login'
            cand status 'Show the server, user, accounts with roles and effective permissions, token source'
            cand logout 'Revoke the server''s token on the server and remove it from the profile'
            cand token 'Print the profile''s token for the server (for scripts)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;auth;login'= {
            cand -u 'Username to log in as'
            cand --username 'Username to log in as'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --password-stdin 'Read the password from standard input'
            cand --with-token 'Read an API token from standard input instead of logging in with a password'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;auth;status'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;auth;logout'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;auth;token'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;auth;help'= {
            cand login 'Log in to a lumio server and save the token in the profile, for that server''s host only: another --server needs its own login'
            cand status 'Show the server, user, accounts with roles and effective permissions, token source'
            cand logout 'Revoke the server''s token on the server and remove it from the profile'
            cand token 'Print the profile''s token for the server (for scripts)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;auth;help;login'= {
        }
        &'lumio;auth;help;status'= {
        }
        &'lumio;auth;help;logout'= {
        }
        &'lumio;auth;help;token'= {
        }
        &'lumio;auth;help;help'= {
        }
        &'lumio;chat'= {
            cand --scrollback 'Messages the live screen keeps in memory [default: `[tui] scrollback` of the config file, else 5000]'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand history 'Chat history, newest first'
            cand count 'How many messages the account has (matching the filters)'
            cand tail 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off'
            cand ingest 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`'
            cand send 'Send a message to a platform''s chat (twitch, kick, trovo) as the channel''s bot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;chat;history'= {
            cand --platform 'Only these platforms (repeat, or comma-separate)'
            cand --user 'A platform user id or username; @name is resolved to the chatter lumio has seen by that name (as the mod commands do)'
            cand --contains 'Text the message contains (case-insensitive)'
            cand --from 'Messages at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a date (2026-01-02, local midnight) or how long ago (90m, 2h, 3d)'
            cand --to 'Messages before this time (the same formats as --from)'
            cand -n 'How many messages (pages through the server''s 500-message pages as needed)'
            cand --limit 'How many messages (pages through the server''s 500-message pages as needed)'
            cand --cursor 'Continue from a `next_cursor`'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --include-deleted 'Include deleted messages'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;chat;count'= {
            cand --platform 'Only these platforms (repeat, or comma-separate)'
            cand --user 'A platform user id or username; @name is resolved to the chatter lumio has seen by that name (as the mod commands do)'
            cand --contains 'Text the message contains (case-insensitive)'
            cand --from 'Messages at or after this time: RFC 3339 (2026-01-02T15:04:05Z), a date (2026-01-02, local midnight) or how long ago (90m, 2h, 3d)'
            cand --to 'Messages before this time (the same formats as --from)'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --include-deleted 'Include deleted messages'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;chat;tail'= {
            cand --since 'Start after this cursor (replays what came since)'
            cand --count 'Exit after this many events'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;chat;ingest'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --dry-run 'Check that every line is a JSON object, send nothing'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;chat;send'= {
            cand --reply-to 'The platform''s id of a message to reply to'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;chat;help'= {
            cand history 'Chat history, newest first'
            cand count 'How many messages the account has (matching the filters)'
            cand tail 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off'
            cand ingest 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`'
            cand send 'Send a message to a platform''s chat (twitch, kick, trovo) as the channel''s bot'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;chat;help;history'= {
        }
        &'lumio;chat;help;count'= {
        }
        &'lumio;chat;help;tail'= {
        }
        &'lumio;chat;help;ingest'= {
        }
        &'lumio;chat;help;send'= {
        }
        &'lumio;chat;help;help'= {
        }
        &'lumio;commands'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the account''s commands and the global ones it inherits'
            cand ls 'List the account''s commands and the global ones it inherits'
            cand show 'Show one command (by name, alias or id)'
            cand create 'Create a command'
            cand edit 'Change a command; what is not given stays'
            cand rm 'Delete a command (asks on a terminal; --yes otherwise)'
            cand delete 'Delete a command (asks on a terminal; --yes otherwise)'
            cand override 'Override a global command for this account: response, platforms, cooldowns, a stricter min role, or disable it. What is not given stays as overridden before'
            cand unoverride 'Remove this account''s override of a global command'
            cand test 'What a chat message would do, without consuming anything: prints the reply, or why it would not run (exit 1), with cooldowns and unknown variables'
            cand stats 'How often each command was used, most used first'
            cand history 'Every change of a command and of this account''s override of it'
            cand import 'Import commands from another bot (or lumio''s own export) in one transaction'
            cand export 'Print the account''s commands and overrides as lumio''s versioned export'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;commands;list'= {
            cand --platform 'Only commands active on this platform'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --global 'Only the global commands (admins)'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;commands;ls'= {
            cand --platform 'Only commands active on this platform'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --global 'Only the global commands (admins)'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;commands;show'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;create'= {
            cand --platform 'Where it answers (repeatable; default: every platform)'
            cand --discord-style 'On Discord: answer to !name (prefix) or /name (slash)'
            cand --min-role 'The lowest role that may use it'
            cand --cooldown 'Global cooldown, seconds'
            cand --user-cooldown 'Per-user cooldown, seconds'
            cand --cooldown-reply 'Sent when on cooldown ({user}, {remaining}); "" for silence (the default)'
            cand --alias 'Another name that calls it (repeatable)'
            cand --type 'text, template or automation (default: template when the response has variables)'
            cand --automation 'The automation an automation command triggers'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --mods-wait 'Moderators wait for cooldowns too (default: they skip them)'
            cand --enable 'enable'
            cand --disable 'disable'
            cand --global 'A global command, inherited by every account (admins)'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;edit'= {
            cand --response 'A new response (`-` reads it from standard input)'
            cand --rename 'A new name'
            cand --alias 'The aliases (repeatable; replaces them all)'
            cand --type 'type'
            cand --automation 'automation'
            cand --platform 'Where it answers (repeatable; default: every platform)'
            cand --discord-style 'On Discord: answer to !name (prefix) or /name (slash)'
            cand --min-role 'The lowest role that may use it'
            cand --cooldown 'Global cooldown, seconds'
            cand --user-cooldown 'Per-user cooldown, seconds'
            cand --cooldown-reply 'Sent when on cooldown ({user}, {remaining}); "" for silence (the default)'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --mods-wait 'Moderators wait for cooldowns too (default: they skip them)'
            cand --enable 'enable'
            cand --disable 'disable'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;rm'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'y'
            cand --yes 'yes'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;delete'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'y'
            cand --yes 'yes'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;override'= {
            cand --response 'response'
            cand --platform 'Where it answers (repeatable; default: every platform)'
            cand --discord-style 'On Discord: answer to !name (prefix) or /name (slash)'
            cand --min-role 'The lowest role that may use it'
            cand --cooldown 'Global cooldown, seconds'
            cand --user-cooldown 'Per-user cooldown, seconds'
            cand --cooldown-reply 'Sent when on cooldown ({user}, {remaining}); "" for silence (the default)'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --mods-wait 'Moderators wait for cooldowns too (default: they skip them)'
            cand --enable 'enable'
            cand --disable 'disable'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;unoverride'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;test'= {
            cand --as 'The invoker''s role'
            cand --platform 'platform'
            cand --user 'The invoker''s name'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;stats'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;history'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;import'= {
            cand --from 'from'
            cand --on-conflict 'When a name is taken by a command not from this source'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --dry-run 'Report only; write nothing'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;commands;export'= {
            cand --format 'format'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;commands;help'= {
            cand list 'List the account''s commands and the global ones it inherits'
            cand show 'Show one command (by name, alias or id)'
            cand create 'Create a command'
            cand edit 'Change a command; what is not given stays'
            cand rm 'Delete a command (asks on a terminal; --yes otherwise)'
            cand override 'Override a global command for this account: response, platforms, cooldowns, a stricter min role, or disable it. What is not given stays as overridden before'
            cand unoverride 'Remove this account''s override of a global command'
            cand test 'What a chat message would do, without consuming anything: prints the reply, or why it would not run (exit 1), with cooldowns and unknown variables'
            cand stats 'How often each command was used, most used first'
            cand history 'Every change of a command and of this account''s override of it'
            cand import 'Import commands from another bot (or lumio''s own export) in one transaction'
            cand export 'Print the account''s commands and overrides as lumio''s versioned export'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;commands;help;list'= {
        }
        &'lumio;commands;help;show'= {
        }
        &'lumio;commands;help;create'= {
        }
        &'lumio;commands;help;edit'= {
        }
        &'lumio;commands;help;rm'= {
        }
        &'lumio;commands;help;override'= {
        }
        &'lumio;commands;help;unoverride'= {
        }
        &'lumio;commands;help;test'= {
        }
        &'lumio;commands;help;stats'= {
        }
        &'lumio;commands;help;history'= {
        }
        &'lumio;commands;help;import'= {
        }
        &'lumio;commands;help;export'= {
        }
        &'lumio;commands;help;help'= {
        }
        &'lumio;notes'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the notes on a user, newest first'
            cand ls 'List the notes on a user, newest first'
            cand add 'Write a note on a user'
            cand edit 'Change the text of a note'
            cand rm 'Delete a note'
            cand delete 'Delete a note'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;notes;list'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;notes;ls'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;notes;add'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;notes;edit'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;notes;rm'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;notes;delete'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;notes;help'= {
            cand list 'List the notes on a user, newest first'
            cand add 'Write a note on a user'
            cand edit 'Change the text of a note'
            cand rm 'Delete a note'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;notes;help;list'= {
        }
        &'lumio;notes;help;add'= {
        }
        &'lumio;notes;help;edit'= {
        }
        &'lumio;notes;help;rm'= {
        }
        &'lumio;notes;help;help'= {
        }
        &'lumio;emotes'= {
            cand --provider 'Only these providers (twitch, 7tv, bttv, ffz, trovo, discord; repeat or comma-separate)'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --user 'The Twitch emotes of the user lumio''s Twitch token belongs to, instead of a channel''s'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;demo'= {
            cand --rate 'Simulated messages per second (on average, with bursts and lulls)'
            cand --data-dir 'Keep the demo''s database here (kept after exit) instead of a temporary directory'
            cand --bind 'Address for the embedded server'
            cand --scrollback 'Messages the live screen keeps in memory [default: `[tui] scrollback`, else 5000]'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --no-tui 'Run only the server (print its URL and a token for `mod`) until Ctrl-C'
            cand --platform-fake 'Twitch from lumio-testkit''s fake Twitch instead of the simulator: the demo channel is connected with a pasted bot token, its chat arrives over EventSub, and a ban reaches the fake and comes back `confirmed` (only in a build with `--features platform-fake`; other builds refuse it with a usage error)'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;mod'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand ban 'Ban a chatter'
            cand unban 'Lift a ban or a timeout'
            cand timeout 'Time a chatter out'
            cand warn 'Warn a chatter (Twitch): they must acknowledge the reason before chatting again'
            cand delete 'Delete a message (by its lumio id, as `lumio chat history --json` shows)'
            cand apply 'Apply many actions from a CSV or NDJSON file (or `-` for standard input)'
            cand log 'A chatter''s moderation log, newest first; without a chatter, the whole account''s'
            cand treatment 'Set a chatter''s treatment: none, active_monitoring or restricted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;mod;ban'= {
            cand -r 'Why (kept in the moderation log)'
            cand --reason 'Why (kept in the moderation log)'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;mod;unban'= {
            cand -r 'r'
            cand --reason 'reason'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;mod;timeout'= {
            cand -d 'How long: 90s, 10m, 1h30m, 1d (or plain seconds); up to 14 days'
            cand --duration 'How long: 90s, 10m, 1h30m, 1d (or plain seconds); up to 14 days'
            cand -r 'r'
            cand --reason 'reason'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;mod;warn'= {
            cand -r 'What the chatter is warned about (1–500 characters; they see it)'
            cand --reason 'What the chatter is warned about (1–500 characters; they see it)'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;mod;delete'= {
            cand -r 'r'
            cand --reason 'reason'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;mod;apply'= {
            cand -f 'The file, or `-` for standard input'
            cand --file 'The file, or `-` for standard input'
            cand --format 'csv or ndjson (default: from the file''s name, else from its first character)'
            cand --concurrency 'How many chatters are worked on at once; the rows of one chatter always run in file order (results are printed in row order)'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --dry-run 'Check every row and resolve every @username, change nothing'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;mod;log'= {
            cand --page 'Page (1-based)'
            cand -n 'Entries per page (1–200)'
            cand --limit 'Entries per page (1–200)'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;mod;treatment'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;mod;help'= {
            cand ban 'Ban a chatter'
            cand unban 'Lift a ban or a timeout'
            cand timeout 'Time a chatter out'
            cand warn 'Warn a chatter (Twitch): they must acknowledge the reason before chatting again'
            cand delete 'Delete a message (by its lumio id, as `lumio chat history --json` shows)'
            cand apply 'Apply many actions from a CSV or NDJSON file (or `-` for standard input)'
            cand log 'A chatter''s moderation log, newest first; without a chatter, the whole account''s'
            cand treatment 'Set a chatter''s treatment: none, active_monitoring or restricted'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;mod;help;ban'= {
        }
        &'lumio;mod;help;unban'= {
        }
        &'lumio;mod;help;timeout'= {
        }
        &'lumio;mod;help;warn'= {
        }
        &'lumio;mod;help;delete'= {
        }
        &'lumio;mod;help;apply'= {
        }
        &'lumio;mod;help;log'= {
        }
        &'lumio;mod;help;treatment'= {
        }
        &'lumio;mod;help;help'= {
        }
        &'lumio;user'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'A chatter''s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform''s own profile'
            cand flag 'Set, clear or list a chatter''s flags (seed 002): invulnerable (no bot timeouts), vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;user;show'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;user;flag'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --off 'Clear the flag instead of setting it'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;user;help'= {
            cand show 'A chatter''s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform''s own profile'
            cand flag 'Set, clear or list a chatter''s flags (seed 002): invulnerable (no bot timeouts), vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;user;help;show'= {
        }
        &'lumio;user;help;flag'= {
        }
        &'lumio;user;help;help'= {
        }
        &'lumio;raid'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand cancel 'Cancel the channel''s pending Twitch raid (needs chat:raid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;raid;cancel'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;raid;help'= {
            cand cancel 'Cancel the channel''s pending Twitch raid (needs chat:raid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;raid;help;cancel'= {
        }
        &'lumio;raid;help;help'= {
        }
        &'lumio;poll'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand end 'End a Twitch poll (needs chat:poll): its results stay visible, or with --archive they are hidden'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;poll;end'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --archive 'End it ARCHIVED (hidden) instead of TERMINATED'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;poll;help'= {
            cand end 'End a Twitch poll (needs chat:poll): its results stay visible, or with --archive they are hidden'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;poll;help;end'= {
        }
        &'lumio;poll;help;help'= {
        }
        &'lumio;prediction'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand end 'End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome, cancel it (refunds everyone) or lock it (no more predictions)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;prediction;end'= {
            cand --status 'How it ends'
            cand --winner 'The winning outcome''s id (required with --status resolved)'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;prediction;help'= {
            cand end 'End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome, cancel it (refunds everyone) or lock it (no more predictions)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;prediction;help;end'= {
        }
        &'lumio;prediction;help;help'= {
        }
        &'lumio;discord'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand guilds 'List the Discord servers connected to the account (needs bot-connections:read)'
            cand ls 'List the Discord servers connected to the account (needs bot-connections:read)'
            cand authorize 'Add lumio''s bot to a Discord server: prints the URL to open, then waits until the server shows up in the account (needs bot-connections:create)'
            cand disconnect 'Disconnect a Discord server (its feature mappings go with it; needs bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise'
            cand channels 'A connected server''s channels (cached by the server for an hour)'
            cand commands 'A connected server''s slash commands: which lumio registers there, how many of Discord''s 200 registrations a day it used today, and how the last one went (says so when the daily limit is reached)'
            cand roles 'A connected server''s roles (cached by the server for an hour)'
            cand features 'Every lumio feature and the channel of the server it posts into'
            cand set-feature 'Choose the channel a feature posts into, pause it, or remove the mapping (needs bot-connections:create)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;discord;guilds'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;discord;ls'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;discord;authorize'= {
            cand --timeout 'How long to wait for the server to appear: 90s, 5m, 1h'
            cand --poll-every 'How often to ask the server, in seconds'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --web 'Also open the URL in the browser (when there is none, the URL is still printed)'
            cand --no-wait 'Print the URL (or with --json the authorization) and exit without waiting'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;discord;disconnect'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;discord;channels'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;discord;commands'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;discord;roles'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;discord;features'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;discord;set-feature'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --off 'Remove the feature''s mapping'
            cand --paused 'Map it, but paused'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;discord;help'= {
            cand guilds 'List the Discord servers connected to the account (needs bot-connections:read)'
            cand authorize 'Add lumio''s bot to a Discord server: prints the URL to open, then waits until the server shows up in the account (needs bot-connections:create)'
            cand disconnect 'Disconnect a Discord server (its feature mappings go with it; needs bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise'
            cand channels 'A connected server''s channels (cached by the server for an hour)'
            cand commands 'A connected server''s slash commands: which lumio registers there, how many of Discord''s 200 registrations a day it used today, and how the last one went (says so when the daily limit is reached)'
            cand roles 'A connected server''s roles (cached by the server for an hour)'
            cand features 'Every lumio feature and the channel of the server it posts into'
            cand set-feature 'Choose the channel a feature posts into, pause it, or remove the mapping (needs bot-connections:create)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;discord;help;guilds'= {
        }
        &'lumio;discord;help;authorize'= {
        }
        &'lumio;discord;help;disconnect'= {
        }
        &'lumio;discord;help;channels'= {
        }
        &'lumio;discord;help;commands'= {
        }
        &'lumio;discord;help;roles'= {
        }
        &'lumio;discord;help;features'= {
        }
        &'lumio;discord;help;set-feature'= {
        }
        &'lumio;discord;help;help'= {
        }
        &'lumio;admin'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand guilds 'Every account''s Discord guild mappings: list, pause / resume the bot, remove'
            cand bots 'Every account''s bots: list, pause / resume, remove'
            cand audit 'The admin audit log, newest first: who did what to which target, and how it ended'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;admin;guilds'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Every Discord guild mapped to any account (needs discord-guilds:read)'
            cand ls 'Every Discord guild mapped to any account (needs discord-guilds:read)'
            cand rm 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise'
            cand delete 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise'
            cand toggle 'Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it: paused, it ingests no chat there and posts nothing there (needs bot-control:edit; audited)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;admin;guilds;list'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;admin;guilds;ls'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;admin;guilds;rm'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;admin;guilds;delete'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;admin;guilds;toggle'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --on 'Resume the bot in the guild'
            cand --off 'Pause the bot in the guild'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;admin;guilds;help'= {
            cand list 'Every Discord guild mapped to any account (needs discord-guilds:read)'
            cand rm 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise'
            cand toggle 'Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it: paused, it ingests no chat there and posts nothing there (needs bot-control:edit; audited)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;admin;guilds;help;list'= {
        }
        &'lumio;admin;guilds;help;rm'= {
        }
        &'lumio;admin;guilds;help;toggle'= {
        }
        &'lumio;admin;guilds;help;help'= {
        }
        &'lumio;admin;bots'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'Every account''s bot on each platform it has a channel on (needs bot-control:read)'
            cand ls 'Every account''s bot on each platform it has a channel on (needs bot-control:read)'
            cand toggle 'Pause (`--off`) or resume (`--on`) an account''s bot on a platform (needs bot-control:edit; written to the audit log)'
            cand rm 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise'
            cand delete 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;admin;bots;list'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;admin;bots;ls'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;admin;bots;toggle'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --on 'Resume the bot'
            cand --off 'Pause the bot'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;admin;bots;rm'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;admin;bots;delete'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;admin;bots;help'= {
            cand list 'Every account''s bot on each platform it has a channel on (needs bot-control:read)'
            cand toggle 'Pause (`--off`) or resume (`--on`) an account''s bot on a platform (needs bot-control:edit; written to the audit log)'
            cand rm 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;admin;bots;help;list'= {
        }
        &'lumio;admin;bots;help;toggle'= {
        }
        &'lumio;admin;bots;help;rm'= {
        }
        &'lumio;admin;bots;help;help'= {
        }
        &'lumio;admin;audit'= {
            cand -n 'How many entries (1–500)'
            cand --limit 'How many entries (1–500)'
            cand --before 'Only entries older than this one (its id), to page back'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;admin;help'= {
            cand guilds 'Every account''s Discord guild mappings: list, pause / resume the bot, remove'
            cand bots 'Every account''s bots: list, pause / resume, remove'
            cand audit 'The admin audit log, newest first: who did what to which target, and how it ended'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;admin;help;guilds'= {
            cand list 'Every Discord guild mapped to any account (needs discord-guilds:read)'
            cand rm 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise'
            cand toggle 'Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it: paused, it ingests no chat there and posts nothing there (needs bot-control:edit; audited)'
        }
        &'lumio;admin;help;guilds;list'= {
        }
        &'lumio;admin;help;guilds;rm'= {
        }
        &'lumio;admin;help;guilds;toggle'= {
        }
        &'lumio;admin;help;bots'= {
            cand list 'Every account''s bot on each platform it has a channel on (needs bot-control:read)'
            cand toggle 'Pause (`--off`) or resume (`--on`) an account''s bot on a platform (needs bot-control:edit; written to the audit log)'
            cand rm 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise'
        }
        &'lumio;admin;help;bots;list'= {
        }
        &'lumio;admin;help;bots;toggle'= {
        }
        &'lumio;admin;help;bots;rm'= {
        }
        &'lumio;admin;help;audit'= {
        }
        &'lumio;admin;help;help'= {
        }
        &'lumio;connect'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand twitch 'Connect a Twitch channel: the broadcaster''s own account, or a bot account acting on it (needs bot-connections:create)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;connect;twitch'= {
            cand --channel 'The Twitch channel the tokens act on (a bot''s; a broadcaster''s is its own)'
            cand --scopes 'Scopes to ask for, comma-separated [default: what lumio needs for the role]'
            cand --as 'Whose tokens: the broadcaster''s (default) or a bot account''s'
            cand --timeout 'How long to wait for the approval at most (the code''s own life is shorter): 90s, 15m'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --token-stdin 'Read pasted tokens from stdin instead of the device code grant'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;connect;help'= {
            cand twitch 'Connect a Twitch channel: the broadcaster''s own account, or a bot account acting on it (needs bot-connections:create)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;connect;help;twitch'= {
        }
        &'lumio;connect;help;help'= {
        }
        &'lumio;connections'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand list 'List the account''s channel connections and their credentials (needs bot-connections:read)'
            cand ls 'List the account''s channel connections and their credentials (needs bot-connections:read)'
            cand rm 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise'
            cand remove 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;connections;list'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;connections;ls'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;connections;rm'= {
            cand --as 'Only this credential'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;connections;remove'= {
            cand --as 'Only this credential'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;connections;help'= {
            cand list 'List the account''s channel connections and their credentials (needs bot-connections:read)'
            cand rm 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;connections;help;list'= {
        }
        &'lumio;connections;help;rm'= {
        }
        &'lumio;connections;help;help'= {
        }
        &'lumio;bots'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
            cand status 'The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch refused a token it acts with (needs bot-connections:read)'
            cand pause 'Pause the bot on a platform: it leaves the account''s channels there (needs bot-connections:create)'
            cand resume 'Resume the bot on a platform (needs bot-connections:create)'
            cand rejoin 'Make the bot rejoin the account''s channels on a platform now (needs bot-connections:create)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;bots;status'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'lumio;bots;pause'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;bots;resume'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;bots;rejoin'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;bots;help'= {
            cand status 'The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch refused a token it acts with (needs bot-connections:read)'
            cand pause 'Pause the bot on a platform: it leaves the account''s channels there (needs bot-connections:create)'
            cand resume 'Resume the bot on a platform (needs bot-connections:create)'
            cand rejoin 'Make the bot rejoin the account''s channels on a platform now (needs bot-connections:create)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;bots;help;status'= {
        }
        &'lumio;bots;help;pause'= {
        }
        &'lumio;bots;help;resume'= {
        }
        &'lumio;bots;help;rejoin'= {
        }
        &'lumio;bots;help;help'= {
        }
        &'lumio;completions'= {
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;man'= {
            cand --out-dir 'Write every page into this directory instead'
            cand --server 'Server URL [default: the profile''s, else http://127.0.0.1:8080]'
            cand --account 'Account to act in (id or slug), for users in several accounts'
            cand --profile 'Configuration profile to use [default: the config''s default_profile, else "default"]'
            cand --json 'Print JSON for machines instead of tables'
            cand --no-color 'Never use colour (also: the NO_COLOR environment variable)'
            cand -q 'Print only what was asked for: no confirmations or hints'
            cand --quiet 'Print only what was asked for: no confirmations or hints'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'lumio;help'= {
            cand auth 'Log in and out, see who you are and what you may do, print your token'
            cand chat 'Chat: the live multichat screen (no subcommand), history, counts, a live tail for pipes, bulk ingest, sending'
            cand commands 'Bot commands: list, create, edit, override global ones, dry-run a message, stats, history, and import / export (Nightbot, StreamElements, Streamlabs, PhantomBot, Firebot, lumio)'
            cand notes 'Moderator notes on platform users: list, add, edit, remove'
            cand emotes 'A channel''s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)'
            cand demo 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`'
            cand mod 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment'
            cand user 'Chatters: a profile card'
            cand raid 'The channel''s Twitch raid: cancel it'
            cand poll 'The channel''s Twitch polls: end one'
            cand prediction 'The channel''s Twitch predictions: resolve, cancel or lock one'
            cand discord 'Discord servers of the account: add the bot, list, disconnect, channels, roles, and the channel each feature posts into'
            cand admin 'Admin views: every account''s Discord guild mappings, the admin audit log'
            cand connect 'Connect a platform channel: the tokens lumio acts with there (Twitch''s device code, or pasted tokens)'
            cand connections 'The account''s channel connections and their credentials: list, remove'
            cand bots 'The account''s chat bots per platform: status, pause, resume, rejoin'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Print the man page (roff): `lumio man | man -l -`; with --out-dir, write one page per command there (`lumio.1`, `lumio-mod-ban.1` …)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;help;auth'= {
            cand login 'Log in to a lumio server and save the token in the profile, for that server''s host only: another --server needs its own login'
            cand status 'Show the server, user, accounts with roles and effective permissions, token source'
            cand logout 'Revoke the server''s token on the server and remove it from the profile'
            cand token 'Print the profile''s token for the server (for scripts)'
        }
        &'lumio;help;auth;login'= {
        }
        &'lumio;help;auth;status'= {
        }
        &'lumio;help;auth;logout'= {
        }
        &'lumio;help;auth;token'= {
        }
        &'lumio;help;chat'= {
            cand history 'Chat history, newest first'
            cand count 'How many messages the account has (matching the filters)'
            cand tail 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off'
            cand ingest 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`'
            cand send 'Send a message to a platform''s chat (twitch, kick, trovo) as the channel''s bot'
        }
        &'lumio;help;chat;history'= {
        }
        &'lumio;help;chat;count'= {
        }
        &'lumio;help;chat;tail'= {
        }
        &'lumio;help;chat;ingest'= {
        }
        &'lumio;help;chat;send'= {
        }
        &'lumio;help;commands'= {
            cand list 'List the account''s commands and the global ones it inherits'
            cand show 'Show one command (by name, alias or id)'
            cand create 'Create a command'
            cand edit 'Change a command; what is not given stays'
            cand rm 'Delete a command (asks on a terminal; --yes otherwise)'
            cand override 'Override a global command for this account: response, platforms, cooldowns, a stricter min role, or disable it. What is not given stays as overridden before'
            cand unoverride 'Remove this account''s override of a global command'
            cand test 'What a chat message would do, without consuming anything: prints the reply, or why it would not run (exit 1), with cooldowns and unknown variables'
            cand stats 'How often each command was used, most used first'
            cand history 'Every change of a command and of this account''s override of it'
            cand import 'Import commands from another bot (or lumio''s own export) in one transaction'
            cand export 'Print the account''s commands and overrides as lumio''s versioned export'
        }
        &'lumio;help;commands;list'= {
        }
        &'lumio;help;commands;show'= {
        }
        &'lumio;help;commands;create'= {
        }
        &'lumio;help;commands;edit'= {
        }
        &'lumio;help;commands;rm'= {
        }
        &'lumio;help;commands;override'= {
        }
        &'lumio;help;commands;unoverride'= {
        }
        &'lumio;help;commands;test'= {
        }
        &'lumio;help;commands;stats'= {
        }
        &'lumio;help;commands;history'= {
        }
        &'lumio;help;commands;import'= {
        }
        &'lumio;help;commands;export'= {
        }
        &'lumio;help;notes'= {
            cand list 'List the notes on a user, newest first'
            cand add 'Write a note on a user'
            cand edit 'Change the text of a note'
            cand rm 'Delete a note'
        }
        &'lumio;help;notes;list'= {
        }
        &'lumio;help;notes;add'= {
        }
        &'lumio;help;notes;edit'= {
        }
        &'lumio;help;notes;rm'= {
        }
        &'lumio;help;emotes'= {
        }
        &'lumio;help;demo'= {
        }
        &'lumio;help;mod'= {
            cand ban 'Ban a chatter'
            cand unban 'Lift a ban or a timeout'
            cand timeout 'Time a chatter out'
            cand warn 'Warn a chatter (Twitch): they must acknowledge the reason before chatting again'
            cand delete 'Delete a message (by its lumio id, as `lumio chat history --json` shows)'
            cand apply 'Apply many actions from a CSV or NDJSON file (or `-` for standard input)'
            cand log 'A chatter''s moderation log, newest first; without a chatter, the whole account''s'
            cand treatment 'Set a chatter''s treatment: none, active_monitoring or restricted'
        }
        &'lumio;help;mod;ban'= {
        }
        &'lumio;help;mod;unban'= {
        }
        &'lumio;help;mod;timeout'= {
        }
        &'lumio;help;mod;warn'= {
        }
        &'lumio;help;mod;delete'= {
        }
        &'lumio;help;mod;apply'= {
        }
        &'lumio;help;mod;log'= {
        }
        &'lumio;help;mod;treatment'= {
        }
        &'lumio;help;user'= {
            cand show 'A chatter''s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform''s own profile'
            cand flag 'Set, clear or list a chatter''s flags (seed 002): invulnerable (no bot timeouts), vulnerable (grenade / tnt / silverbullet may hit them), greedy, itemlock (no items)'
        }
        &'lumio;help;user;show'= {
        }
        &'lumio;help;user;flag'= {
        }
        &'lumio;help;raid'= {
            cand cancel 'Cancel the channel''s pending Twitch raid (needs chat:raid)'
        }
        &'lumio;help;raid;cancel'= {
        }
        &'lumio;help;poll'= {
            cand end 'End a Twitch poll (needs chat:poll): its results stay visible, or with --archive they are hidden'
        }
        &'lumio;help;poll;end'= {
        }
        &'lumio;help;prediction'= {
            cand end 'End a Twitch prediction (needs chat:prediction): resolve it with a winning outcome, cancel it (refunds everyone) or lock it (no more predictions)'
        }
        &'lumio;help;prediction;end'= {
        }
        &'lumio;help;discord'= {
            cand guilds 'List the Discord servers connected to the account (needs bot-connections:read)'
            cand authorize 'Add lumio''s bot to a Discord server: prints the URL to open, then waits until the server shows up in the account (needs bot-connections:create)'
            cand disconnect 'Disconnect a Discord server (its feature mappings go with it; needs bot-connections:delete). Asks first on a terminal; `--yes` is required otherwise'
            cand channels 'A connected server''s channels (cached by the server for an hour)'
            cand commands 'A connected server''s slash commands: which lumio registers there, how many of Discord''s 200 registrations a day it used today, and how the last one went (says so when the daily limit is reached)'
            cand roles 'A connected server''s roles (cached by the server for an hour)'
            cand features 'Every lumio feature and the channel of the server it posts into'
            cand set-feature 'Choose the channel a feature posts into, pause it, or remove the mapping (needs bot-connections:create)'
        }
        &'lumio;help;discord;guilds'= {
        }
        &'lumio;help;discord;authorize'= {
        }
        &'lumio;help;discord;disconnect'= {
        }
        &'lumio;help;discord;channels'= {
        }
        &'lumio;help;discord;commands'= {
        }
        &'lumio;help;discord;roles'= {
        }
        &'lumio;help;discord;features'= {
        }
        &'lumio;help;discord;set-feature'= {
        }
        &'lumio;help;admin'= {
            cand guilds 'Every account''s Discord guild mappings: list, pause / resume the bot, remove'
            cand bots 'Every account''s bots: list, pause / resume, remove'
            cand audit 'The admin audit log, newest first: who did what to which target, and how it ended'
        }
        &'lumio;help;admin;guilds'= {
            cand list 'Every Discord guild mapped to any account (needs discord-guilds:read)'
            cand rm 'Remove a guild''s mapping, whichever account holds it (needs discord-guilds:delete; written to the audit log). Asks first on a terminal; `--yes` is required otherwise'
            cand toggle 'Pause (`--off`) or resume (`--on`) the bot in one guild, whichever account holds it: paused, it ingests no chat there and posts nothing there (needs bot-control:edit; audited)'
        }
        &'lumio;help;admin;guilds;list'= {
        }
        &'lumio;help;admin;guilds;rm'= {
        }
        &'lumio;help;admin;guilds;toggle'= {
        }
        &'lumio;help;admin;bots'= {
            cand list 'Every account''s bot on each platform it has a channel on (needs bot-control:read)'
            cand toggle 'Pause (`--off`) or resume (`--on`) an account''s bot on a platform (needs bot-control:edit; written to the audit log)'
            cand rm 'Remove an account''s bot on a platform: its channel connections there (needs bot-control:edit; audited). Asks first on a terminal; `--yes` is required otherwise'
        }
        &'lumio;help;admin;bots;list'= {
        }
        &'lumio;help;admin;bots;toggle'= {
        }
        &'lumio;help;admin;bots;rm'= {
        }
        &'lumio;help;admin;audit'= {
        }
        &'lumio;help;connect'= {
            cand twitch 'Connect a Twitch channel: the broadcaster''s own account, or a bot account acting on it (needs bot-connections:create)'
        }
        &'lumio;help;connect;twitch'= {
        }
        &'lumio;help;connections'= {
            cand list 'List the account''s channel connections and their credentials (needs bot-connections:read)'
            cand rm 'Remove a channel connection with its credentials, or with --as only one credential (needs bot-connections:delete). Tokens are revoked at Twitch. Asks first on a terminal; `--yes` is required otherwise'
        }
        &'lumio;help;connections;list'= {
        }
        &'lumio;help;connections;rm'= {
        }
        &'lumio;help;bots'= {
            cand status 'The bot on every platform: Active, Paused, No Connection, or Needs Reauth when Twitch refused a token it acts with (needs bot-connections:read)'
            cand pause 'Pause the bot on a platform: it leaves the account''s channels there (needs bot-connections:create)'
            cand resume 'Resume the bot on a platform (needs bot-connections:create)'
            cand rejoin 'Make the bot rejoin the account''s channels on a platform now (needs bot-connections:create)'
        }
        &'lumio;help;bots;status'= {
        }
        &'lumio;help;bots;pause'= {
        }
        &'lumio;help;bots;resume'= {
        }
        &'lumio;help;bots;rejoin'= {
        }
        &'lumio;help;completions'= {
        }
        &'lumio;help;man'= {
        }
        &'lumio;help;help'= {
        }
    ]
    $completions[$command]
}
