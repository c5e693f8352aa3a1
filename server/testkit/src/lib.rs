//! # lumio-testkit — fakes of the outside world, for tests only
//!
//! lumio talks to live-stream platforms. Its tests must not, so this dev-only crate (never a
//! normal dependency of a shipped binary; `publish = false`) runs local fakes of those platforms
//! that speak their **real protocols**: the same paths, JSON shapes, status codes, error bodies,
//! headers and WebSocket messages. It does not depend on `lumio-server`.
//!
//! | module | platform |
//! |---|---|
//! | [`twitch`] | Twitch: id.twitch.tv OAuth, Helix, EventSub over WebSocket |
//! | [`discord`] | Discord: REST v10, the OAuth2 consent screen and token endpoint, the gateway |
//! | [`emote_providers`] | 7TV, BetterTTV, FrankerFaceZ, Trovo and Discord emote endpoints |
//!
//! ## Twitch — what is faked
//!
//! Start one with [`twitch::FakeTwitch::start`]; it listens on `127.0.0.1:<free port>` and
//! gives the base URLs to point a client at: [`helix_url`](twitch::FakeTwitch::helix_url)
//! (`https://api.twitch.tv/helix`), [`oauth_url`](twitch::FakeTwitch::oauth_url)
//! (`https://id.twitch.tv/oauth2`) and [`eventsub_ws_url`](twitch::FakeTwitch::eventsub_ws_url)
//! (`wss://eventsub.wss.twitch.tv/ws`). It starts with an app (30-character client id and a
//! secret), a broadcaster `lumio_demo` (100000001), the bot `lumio_bot` (200000002, a moderator),
//! another moderator `other_mod` (300000003) and a viewer `some_viewer` (400000004).
//!
//! **OAuth** (`/oauth2`): `POST /token` with `grant_type` `client_credentials` (app token, no
//! refresh token), `refresh_token` (rotating: the used refresh token is gone; an unknown, used or
//! revoked one gets `400 {"status":400,"message":"Invalid refresh token"}`) and
//! `urn:ietf:params:oauth:grant-type:device_code` (`authorization_pending` until the test approves
//! the code, `slow_down` when polled faster than `interval`, `access_denied` when denied,
//! `invalid device code` once expired); `POST /device` (`device_code`, `user_code`,
//! `verification_uri`, `expires_in`, `interval`); `GET /validate` (`client_id`, `login`,
//! `scopes`, `user_id`, `expires_in`; `401 invalid access token`); `POST /revoke`. Tokens carry
//! scopes and an expiry a test can end now.
//!
//! **Helix** (`/helix`): `GET /users`; `POST`/`DELETE /moderation/bans` (ban, timeout, unban);
//! `DELETE /moderation/chat`; `POST /moderation/warnings`; `POST`/`DELETE
//! /moderation/moderators`; `POST`/`DELETE /moderation/suspicious_users` (Helix has it: "Add /
//! Remove Suspicious Status To Chat User"); `POST /chat/messages`; `GET /chat/emotes`,
//! `GET /chat/emotes/user`; `DELETE /raids`; `PATCH /polls`; `PATCH /predictions`;
//! `GET /channels/followers`; `POST`/`GET`/`DELETE /eventsub/subscriptions` (WebSocket transport,
//! live session required, `cost`, `total`, `total_cost`, `max_total_cost`). `Authorization:
//! Bearer` and `Client-Id` are required (401 `Invalid OAuth token`, `Client ID and OAuth token do
//! not match`); a missing scope is `401 Missing scope: <scope>`; a non-moderator is 403; errors
//! are `{"error","status","message"}`. Every response has `Ratelimit-Limit`,
//! `Ratelimit-Remaining`, `Ratelimit-Reset` from a token bucket per client id + user (800 points
//! a minute by default); an empty bucket answers 429.
//!
//! **EventSub WebSocket** (`/ws`): `session_welcome` (honouring `?keepalive_timeout_seconds=`,
//! 10–600, nearest valid value), `session_keepalive` after silence, `notification` (metadata
//! `message_id`, `message_type`, `message_timestamp`, `subscription_type`,
//! `subscription_version`; payload `subscription` + `event`) only for subscriptions created
//! through Helix on that session, `session_reconnect` with a `reconnect_url` (the old connection
//! keeps delivering until the client connects there, then is closed with 4004; 4004 too when the
//! grace time passes; a bad reconnect URL gets 4007), `revocation`, and the close codes 4000–4007
//! (4001 on inbound traffic, 4003 for a connection left without a subscription). Events:
//! `channel.chat.message`, `channel.chat.message_delete`, `channel.chat.clear_user_messages`,
//! `channel.chat.clear`, `channel.ban`, `channel.unban`, `channel.moderate` (v1 and v2),
//! `channel.raid`, `channel.suspicious_user.update`, `stream.online`, `stream.offline`.
//!
//! **Echo**: a ban, timeout, unban, delete, warn, mod, unmod or suspicious-status change made
//! through Helix is sent back as the EventSub events Twitch sends for it (`channel.ban` +
//! `channel.moderate` + `channel.chat.clear_user_messages`, `channel.unban` + `channel.moderate`,
//! `channel.chat.message_delete` + `channel.moderate`, …) with the token's user as the moderator,
//! so a client can mark its action confirmed.
//!
//! **Control** (methods on [`twitch::FakeTwitch`], a few also under `/_control`): add users,
//! moderators and followers; issue, expire and revoke tokens; approve, deny or expire a device
//! code; resize or empty a rate-limit bucket; make the next ban calls answer 409; inject chat and
//! actions taken by another moderator on Twitch itself; raids and stream online/offline; drop or
//! close a WebSocket (any documented code), send `session_reconnect`, stop keepalives, revoke a
//! subscription; read every recorded HTTP call (method, path, query, body, headers); and a chat
//! load generator ([`twitch::FakeTwitch::start_chat_load`]) for benchmarks.
//!
//! ## Sources
//!
//! Each payload builder in [`twitch::payloads`] names its source. In short: the Twitch
//! developer docs (API reference, EventSub subscription types and WebSocket reference, the
//! authentication guides); twitchdev's own mock server, `twitchdev/twitch-cli`
//! (`internal/mock_api`, `internal/mock_auth`, `internal/events/types`,
//! `internal/events/websocket/mock_server`); and the example payloads that
//! `twitch-rs/twitch_api` and `twitch-rs/twitch_oauth2` copy from the docs into their tests.
//!
//! ## Cross-checked against twitch_api
//!
//! `tests/twitch_api_crosscheck.rs` parses every EventSub message the fake sends with
//! `twitch_api`'s own `Event::parse_websocket` (built with `deny_unknown_fields`, so an extra or
//! misspelt field fails as surely as a missing one) and deserializes Helix bodies into its Helix
//! types. `twitch_api` is a dev-dependency only.
//!
//! ## Not faithful (on purpose or not yet)
//!
//! - Only the WebSocket transport; webhooks and conduits are not faked.
//! - No ping/pong from the server (Twitch sends pings; tungstenite answers them anyway).
//! - The new session after a reconnect gets a new session id (as twitch-cli does).
//! - Keepalives are sent after ¾ of `keepalive_timeout_seconds` of silence.
//! - Chat clears (`DELETE /moderation/chat` without `message_id`) send `channel.chat.clear` but
//!   no `channel.moderate` `clear` action.
//! - Some error messages are not in the docs word for word (see the report / comments).

//! ## Discord — what is faked
//!
//! Start one with [`discord::FakeDiscord::start`]: [`api_url`](discord::FakeDiscord::api_url)
//! (`https://discord.com/api/v10`), [`authorize_url`](discord::FakeDiscord::authorize_url)
//! (`https://discord.com/oauth2/authorize`, the consent screen) and
//! [`gateway_url`](discord::FakeDiscord::gateway_url) (`wss://gateway.discord.gg`). It starts with
//! an application (its id is the client id and the bot's user id, a client secret, a bot
//! token), a guild "Lumio Demo Server" with the bot in it (`#general`, `#announcements`,
//! `#mod-log`, a voice channel, a category; `@everyone`, `Moderator` and the bot's managed
//! role), its owner and a chatter `moonlight`. Ids are real snowflakes.
//!
//! **REST** (`/api/v10`): `GET /users/@me`, `/users/@me/guilds`, `/gateway`, `/gateway/bot`,
//! `/guilds/{id}`, `/guilds/{id}/channels`, `/guilds/{id}/roles`; `POST /channels/{id}/messages`
//! (also dispatched as MESSAGE_CREATE); `DELETE /channels/{id}/messages/{mid}`;
//! `PUT`/`DELETE /guilds/{id}/bans/{uid}`; `PATCH /guilds/{id}/members/{uid}`
//! (`communication_disabled_until`, at most 28 days); `PUT /applications/{app}/guilds/{id}/commands`
//! (bulk overwrite, 200 creates per guild per day, then 30034); `POST /oauth2/token`
//! (authorization code; the answer has the `guild` when the scope had `bot`; `invalid_grant`,
//! `invalid_client`, `unsupported_grant_type`). `Authorization: Bot <token>` (or a user's
//! Bearer token where Discord takes one); errors are Discord's JSON errors (`{"message":
//! "Unknown Channel", "code": 10003}`, 10004, 10007, 10008, 10013, 10026, 50001, 50006, 50013,
//! 50035 with its `errors` tree). Rate limits: a bucket per route and major parameter
//! (`POST /channels/{id}/messages`: 5 per 5 s; others 50 per second; any route can be set),
//! plus a global 50 per second; headers `X-RateLimit-Limit`, `-Remaining`, `-Reset`,
//! `-Reset-After`, `-Bucket`, and on a 429 `-Scope` (`-Global`), `Retry-After` and
//! `{"message": "You are being rate limited.", "retry_after", "global"}`.
//!
//! **OAuth2 consent** (`GET /oauth2/authorize`): approves (or denies) at once as the user a
//! test chose with [`set_consent`](discord::FakeDiscord::set_consent) and answers 302 to the
//! `redirect_uri` with `code`, `state`, `guild_id`, `permissions` (or `error=access_denied`);
//! the bot joins the guild and its sessions get GUILD_CREATE. Codes are single-use and expire
//! after 10 minutes; registered redirect URIs are enforced once one is registered.
//!
//! **Gateway** (`/gateway?v=10&encoding=json`): HELLO, HEARTBEAT → HEARTBEAT_ACK (and op 1
//! from the gateway on request), IDENTIFY → READY (`session_id`, `resume_gateway_url`) +
//! GUILD_CREATE per guild, RESUME → the missed dispatches + RESUMED, RECONNECT (op 7),
//! INVALID_SESSION (op 9, d true/false), dispatches (op 0 with `s` and `t`) filtered by
//! intents (GUILDS, GUILD_MESSAGES; MESSAGE_CONTENT or empty content): GUILD_CREATE,
//! GUILD_DELETE with and without `unavailable`, MESSAGE_CREATE, MESSAGE_DELETE; close codes
//! 4001–4014 where they apply (4002 bad payload, 4003 before IDENTIFY, 4004 bad token, 4005
//! second IDENTIFY, 4007 bad resume seq, 4008 over 120 events a minute, 4009 no heartbeat for
//! 1.5 intervals, 4010 bad shard, 4012 bad version, 4013 bad intents, 4014 privileged intents
//! not allowed) and any of them on request. Frames put `t`, `s`, `op` before `d`, as Discord
//! does, because twilight-gateway scans for them.
//!
//! **Control** (methods on [`discord::FakeDiscord`]): add users, guilds, members, channels,
//! roles; rename a guild; take a permission from the bot (50013); kick the bot from a guild or
//! put it in an outage (GUILD_DELETE) and back (GUILD_CREATE); approve or deny the consent
//! screen; set route limits, empty a bucket; send op 7, op 9, a heartbeat request, close with
//! a code or drop a connection; answer the next IDENTIFY with op 9; inject and delete messages;
//! a message load generator ([`discord::FakeDiscord::start_message_load`]); read bans,
//! timeouts, commands and every recorded HTTP call.
//!
//! **Cross-checked against twilight**: `tests/discord_twilight.rs` parses every gateway frame
//! with `twilight-model`'s `GatewayEventDeserializer` and REST bodies into its `Guild`,
//! `Channel`, `Role`, `Message`, `Member`, `CurrentUser` and `Command` (a dev-dependency only).
//! It caught an icon hash that was not 32 hex digits and a heartbeat request without a
//! sequence.
//!
//! **Not faithful**: no ETF encoding or zlib compression; one shard holds every guild; no
//! CHANNEL_*/GUILD_ROLE_* dispatches when a test adds channels or roles; OAuth refresh tokens
//! are issued but cannot be used; guild member lists are not chunked; the daily command
//! counter never resets by itself.

#![forbid(unsafe_code)]

pub mod discord;
pub mod emote_providers;
pub mod twitch;
