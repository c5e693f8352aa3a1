
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
            cand notes 'Moderator notes on platform users: list, add, edit, remove'
            cand emotes 'A channel''s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)'
            cand demo 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`'
            cand mod 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment'
            cand user 'Chatters: a profile card'
            cand raid 'The channel''s Twitch raid: cancel it'
            cand poll 'The channel''s Twitch polls: end one'
            cand prediction 'The channel''s Twitch predictions: resolve, cancel or lock one'
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
        &'lumio;user;help'= {
            cand show 'A chatter''s profile: first and last seen, messages, ban or timeout with the time left, treatment, flags, notes, follower status, and the platform''s own profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;user;help;show'= {
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
            cand notes 'Moderator notes on platform users: list, add, edit, remove'
            cand emotes 'A channel''s emotes (Twitch, 7TV, BTTV, FFZ, Trovo, Discord)'
            cand demo 'A first look: an embedded server with simulated five-platform chat, and the live screen logged in as `mod`'
            cand mod 'Moderation: ban, unban, timeout, delete (one at a time or in bulk), the log, treatment'
            cand user 'Chatters: a profile card'
            cand raid 'The channel''s Twitch raid: cancel it'
            cand poll 'The channel''s Twitch polls: end one'
            cand prediction 'The channel''s Twitch predictions: resolve, cancel or lock one'
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
        }
        &'lumio;help;user;show'= {
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
        &'lumio;help;completions'= {
        }
        &'lumio;help;man'= {
        }
        &'lumio;help;help'= {
        }
    ]
    $completions[$command]
}
