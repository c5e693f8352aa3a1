
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
            cand chat 'Chat: history, counts, a live tail, bulk ingest'
            cand notes 'Moderator notes on platform users: list, add, edit, remove'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Print the man page (roff): `lumio man | man -l -`'
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
            cand login 'Log in to a lumio server and save the token in the profile'
            cand status 'Show the server, user, accounts with roles and effective permissions, token source'
            cand logout 'Revoke the token on the server and remove it from the profile'
            cand token 'Print the token of the profile (for scripts)'
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
            cand -h 'Print help'
            cand --help 'Print help'
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
            cand login 'Log in to a lumio server and save the token in the profile'
            cand status 'Show the server, user, accounts with roles and effective permissions, token source'
            cand logout 'Revoke the token on the server and remove it from the profile'
            cand token 'Print the token of the profile (for scripts)'
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
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;chat;history'= {
            cand --platform 'Only these platforms (repeat, or comma-separate)'
            cand --user 'A platform user id or username'
            cand --contains 'Text the message contains (case-insensitive)'
            cand --from 'Messages at or after this time (RFC 3339)'
            cand --to 'Messages before this time (RFC 3339)'
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
            cand --user 'A platform user id or username'
            cand --contains 'Text the message contains (case-insensitive)'
            cand --from 'Messages at or after this time (RFC 3339)'
            cand --to 'Messages before this time (RFC 3339)'
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
        &'lumio;chat;help'= {
            cand history 'Chat history, newest first'
            cand count 'How many messages the account has (matching the filters)'
            cand tail 'Follow the live chat, one line per event (NDJSON with --json); reconnects by itself and resumes where it left off'
            cand ingest 'Ingest chat messages from NDJSON (one message object per line), from FILE or `-`'
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
            cand chat 'Chat: history, counts, a live tail, bulk ingest'
            cand notes 'Moderator notes on platform users: list, add, edit, remove'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand man 'Print the man page (roff): `lumio man | man -l -`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lumio;help;auth'= {
            cand login 'Log in to a lumio server and save the token in the profile'
            cand status 'Show the server, user, accounts with roles and effective permissions, token source'
            cand logout 'Revoke the token on the server and remove it from the profile'
            cand token 'Print the token of the profile (for scripts)'
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
        }
        &'lumio;help;chat;history'= {
        }
        &'lumio;help;chat;count'= {
        }
        &'lumio;help;chat;tail'= {
        }
        &'lumio;help;chat;ingest'= {
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
        &'lumio;help;completions'= {
        }
        &'lumio;help;man'= {
        }
        &'lumio;help;help'= {
        }
    ]
    $completions[$command]
}
