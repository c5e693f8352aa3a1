//! OAuth2: the consent screen (`GET /oauth2/authorize`, which on Discord is a page a person
//! clicks through; here it approves at once as the user a test chose and redirects) and the
//! token endpoint (`POST /api/v10/oauth2/token`, authorization-code grant).
//!
//! Sources: Discord docs "OAuth2" (Authorization Code Grant: the redirect carries `code` and
//! `state`; Advanced Bot Authorization: `scope` with `bot`, `permissions`, `guild_id`,
//! `disable_guild_select`, and the redirect adds `guild_id` and `permissions`; the token
//! exchange takes `grant_type`, `code`, `redirect_uri` with the client credentials as HTTP
//! Basic auth or form fields, and answers with the `guild` when `bot` was in the scope);
//! RFC 6749 §4.1.2.1 and §5.2 for the error redirects and bodies (`access_denied`,
//! `invalid_grant`, `invalid_client`, `unsupported_grant_type`), which Discord follows.

use axum::body::Bytes;
use axum::extract::{RawQuery, State as AxState};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use chrono::Utc;

use super::payloads as p;
use super::state::{AccessToken, Code, State};
use super::{dispatch_guild_create, random_token};

/// What the consent screen does for the next authorization that reaches it over HTTP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    /// The Discord user who clicks "Authorize".
    pub user_id: String,
    /// The guild they pick when the URL does not name one (`guild_id`).
    pub guild_id: Option<String>,
    /// false: the user clicks "Cancel" (`error=access_denied`).
    pub approve: bool,
}

/// Approve or deny an authorization request (the query of an authorize URL); returns the URL
/// the browser is sent to (`redirect_uri` with `code`, `state`, `guild_id`, `permissions`, or
/// `error`), or why the request is invalid (Discord shows an error page then, and redirects
/// nowhere).
pub fn consent(st: &State, query: &str, c: &Consent) -> Result<String, String> {
    let params = crate::twitch::form_pairs(query);
    let get = |k: &str| params.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if get("client_id").as_deref() != Some(st.application_id.as_str()) {
        return Err("Unknown Application".into());
    }
    if get("response_type").as_deref() != Some("code") {
        return Err("Invalid response_type: this fake supports \"code\"".into());
    }
    let scopes: Vec<String> = get("scope")
        .unwrap_or_default()
        .split([' ', '+'])
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    if scopes.is_empty() {
        return Err("Invalid OAuth2 scope: none given".into());
    }
    let redirect_uri = get("redirect_uri");
    let Some(redirect) = redirect_uri.clone() else {
        return Err("Invalid OAuth2 redirect_uri: none given".into());
    };
    {
        let w = st.lock();
        if !w.redirect_uris.is_empty() && !w.redirect_uris.contains(&redirect) {
            return Err("Invalid OAuth2 redirect_uri".into());
        }
    }
    let mut url = url::Url::parse(&redirect).map_err(|_| "Invalid OAuth2 redirect_uri")?;
    let state = get("state");
    if !c.approve {
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("error", "access_denied");
            q.append_pair(
                "error_description",
                "The resource owner or authorization server denied the request",
            );
            if let Some(s) = &state {
                q.append_pair("state", s);
            }
        }
        return Ok(url.to_string());
    }
    let bot = scopes.iter().any(|s| s == "bot");
    let guild_id = if bot {
        let g = get("guild_id")
            .or_else(|| c.guild_id.clone())
            .ok_or("no guild chosen for the bot")?;
        let w = st.lock();
        let guild = w.guilds.get(&g).ok_or("Unknown Guild")?;
        if !guild.members.contains_key(&c.user_id) {
            return Err("the user is not a member of that guild".into());
        }
        Some(g)
    } else {
        None
    };
    let permissions = get("permissions").unwrap_or_else(|| "0".into());
    let code = random_token(30);
    st.lock().codes.insert(
        code.clone(),
        Code {
            client_id: st.application_id.clone(),
            redirect_uri,
            scopes,
            user_id: c.user_id.clone(),
            guild_id: guild_id.clone(),
            expires_at: Utc::now() + chrono::Duration::minutes(10),
        },
    );
    // Adding a bot makes it join at once: its gateway sessions get GUILD_CREATE.
    if let Some(g) = &guild_id {
        let joined = {
            let mut w = st.lock();
            match w.guilds.get_mut(g) {
                Some(guild) if !guild.bot_joined => {
                    guild.bot_joined = true;
                    guild.joined_at = Utc::now();
                    true
                }
                _ => false,
            }
        };
        if joined {
            dispatch_guild_create(st, g);
        }
    }
    {
        let mut q = url.query_pairs_mut();
        q.append_pair("code", &code);
        if let Some(s) = &state {
            q.append_pair("state", s);
        }
        if let Some(g) = &guild_id {
            q.append_pair("guild_id", g);
            q.append_pair("permissions", &permissions);
        }
    }
    Ok(url.to_string())
}

/// `GET /oauth2/authorize?…`: approves (or denies) as [`Consent`] says and answers 302 to the
/// redirect; an invalid request gets a 400 page, as Discord shows one.
pub async fn authorize(AxState(st): AxState<State>, RawQuery(q): RawQuery) -> Response {
    let c = st.lock().consent.clone();
    let Some(c) = c else {
        return (
            StatusCode::BAD_REQUEST,
            "no one is at the consent screen: call FakeDiscord::set_consent first",
        )
            .into_response();
    };
    match consent(&st, q.as_deref().unwrap_or_default(), &c) {
        Ok(to) => (StatusCode::FOUND, [(header::LOCATION, to)]).into_response(),
        Err(e) => (StatusCode::BAD_REQUEST, e).into_response(),
    }
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (status, Json(p::oauth_error(error, description))).into_response()
}

/// `POST /api/v10/oauth2/token` (form body).
pub async fn token(AxState(st): AxState<State>, headers: HeaderMap, body: Bytes) -> Response {
    let form = crate::twitch::form_pairs(&String::from_utf8_lossy(&body));
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    // Client credentials: HTTP Basic, else client_id / client_secret in the body.
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        .and_then(|b| String::from_utf8(b).ok())
        .and_then(|s| {
            s.split_once(':')
                .map(|(a, b)| (a.to_string(), b.to_string()))
        });
    let (client_id, secret) = match basic {
        Some(pair) => pair,
        None => (
            get("client_id").unwrap_or_default(),
            get("client_secret").unwrap_or_default(),
        ),
    };
    if client_id != st.application_id || secret != st.client_secret {
        return oauth_error(StatusCode::UNAUTHORIZED, "invalid_client", "Unknown client");
    }
    match get("grant_type").as_deref() {
        Some("authorization_code") => {}
        Some(_) | None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "Unsupported grant type",
            )
        }
    }
    let code = get("code").unwrap_or_default();
    // A code is good once: it is gone from the map whatever happens next.
    let issued = st.lock().codes.remove(&code);
    let Some(c) = issued.filter(|c| c.expires_at > Utc::now() && c.client_id == client_id) else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Invalid \"code\" in request.",
        );
    };
    if c.redirect_uri.is_some() && c.redirect_uri != get("redirect_uri") {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "Invalid \"redirect_uri\" in request.",
        );
    }
    let access = random_token(30);
    let refresh = random_token(30);
    let expires_in = 604_800;
    let guild = {
        let mut w = st.lock();
        w.tokens.insert(
            access.clone(),
            AccessToken {
                user_id: c.user_id.clone(),
                scopes: c.scopes.clone(),
                expires_at: Utc::now() + chrono::Duration::seconds(expires_in as i64),
            },
        );
        c.guild_id
            .as_ref()
            .and_then(|g| w.guilds.get(g))
            .map(p::guild)
    };
    Json(p::token_response(
        &access, &refresh, &c.scopes, expires_in, guild,
    ))
    .into_response()
}
