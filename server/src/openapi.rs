//! The OpenAPI document of the REST API, as checked in at `schema/openapi.json`.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "lumio", description = "REST API of lumio-server. Errors are \
        {\"error\": {\"code\", \"message\"}} with the status of the failure."),
    paths(
        crate::admin::rest::discord_guilds,
        crate::admin::rest::delete_discord_guild,
        crate::admin::rest::toggle_discord_guild,
        crate::admin::rest::bots,
        crate::admin::rest::toggle_bot,
        crate::admin::rest::delete_bot,
        crate::admin::rest::audit_log,
        crate::auth::rest::login,
        crate::auth::rest::logout,
        crate::auth::rest::me,
        crate::auth::rest::list_tokens,
        crate::auth::rest::create_token,
        crate::auth::rest::revoke_token,
        crate::bots::rest::bot_status,
        crate::bots::rest::bot_toggle,
        crate::bots::rest::bot_rejoin,
        crate::bots::rest::bot_channels,
        crate::chat::rest::ingest,
        crate::chat::rest::history,
        crate::chat::rest::count,
        crate::chat::ws::chat_ws,
        crate::chatter::rest::streams,
        crate::chatter::rest::report_stream,
        crate::chatter::rest::get_settings,
        crate::chatter::rest::patch_settings,
        crate::commands::rest::list,
        crate::commands::rest::create,
        crate::commands::rest::show,
        crate::commands::rest::update,
        crate::commands::rest::delete,
        crate::commands::rest::set_override,
        crate::commands::rest::remove_override,
        crate::commands::rest::history,
        crate::commands::rest::test,
        crate::commands::rest::import_commands,
        crate::commands::rest::export,
        crate::commands::rest::stats,
        crate::commands::rest::chatter_flags,
        crate::commands::rest::set_flag,
        crate::commands::rest::clear_flag,
        crate::commands::rest::set_welcome,
        crate::connections::rest::list,
        crate::connections::rest::start_device,
        crate::connections::rest::poll_device,
        crate::connections::rest::connect_tokens,
        crate::connections::rest::remove,
        crate::discord::rest::list_guilds,
        crate::discord::rest::authorize,
        crate::discord::rest::exchange,
        crate::discord::rest::disconnect,
        crate::discord::rest::channels,
        crate::discord::rest::roles,
        crate::discord::rest::slash_commands,
        crate::discord::rest::features,
        crate::discord::rest::set_feature,
        crate::discord::rest::bot_guilds,
        crate::discord::rest::update_guild_info,
        crate::discord::rest::remove_by_bot,
        crate::discord::rest::callback,
        crate::emotes::rest::emotes,
        crate::emotes::rest::user_emotes,
        crate::live_controls::rest::cancel_raid,
        crate::live_controls::rest::end_poll,
        crate::live_controls::rest::end_prediction,
        crate::live_controls::rest::send,
        crate::moderation::rest::moderate,
        crate::moderation::rest::moderation_log,
        crate::moderation::rest::account_moderation_log,
        crate::moderation::rest::update_treatment,
        crate::notes::rest::list_notes,
        crate::notes::rest::create_note,
        crate::notes::rest::update_note,
        crate::notes::rest::delete_note,
        crate::profiles::rest::profile,
        crate::profiles::rest::follow_status,
    ),
    modifiers(&BearerAuth),
    tags((name = "admin", description = "Admin views (every account's Discord guild mappings) and the admin audit log"),
        (name = "auth", description = "Login, the caller, API tokens"),
        (name = "bot-commands", description = "Bot commands: account and global commands, overrides, dry runs, imports, statistics, history"),
        (name = "bots", description = "Bot control (seed 001): status per platform, pause / resume, rejoin; the bots' channel list (system key)"),
        (name = "chat", description = "The chat pipeline: ingest, history, counts"),
        (name = "chatters", description = "Live chatter state: stream-live reports, chatter settings"),
        (name = "connections", description = "Channel connections and the platform credentials lumio acts with: connect Twitch (device code or pasted tokens), list, remove"),
        (name = "discord", description = "Discord servers mapped to the account: add the bot (OAuth), channels, roles, feature channels; the bot's system calls"),
        (name = "emotes", description = "Emote sets of channels from Twitch, 7TV, BTTV, FFZ, Trovo and Discord"),
        (name = "live", description = "Live controls: cancel a raid, end a poll or a prediction, send to a platform"),
        (name = "moderation", description = "Ban, timeout, delete, treatment, the moderation log"),
        (name = "notes", description = "Moderator notes on platform users"),
        (name = "profiles", description = "Chatter profiles with enrichment from the platforms"))
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The document, pretty-printed, with a trailing newline.
pub fn document() -> String {
    let mut doc = ApiDoc::openapi();
    doc.info.version = env!("CARGO_PKG_VERSION").to_string();
    let mut s = doc
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
