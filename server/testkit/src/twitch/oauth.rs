//! `id.twitch.tv/oauth2` on the fake: `POST /token` (client credentials, refresh token, device
//! code), `POST /device`, `GET /validate`, `POST /revoke`.
//!
//! Sources: Twitch docs "Getting OAuth Access Tokens" (client credentials and device code grant
//! flows), "Refreshing Access Tokens", "Validating Tokens", "Revoking Access Tokens"; twitch-cli
//! `internal/mock_auth/{app_access_token,validate}.go`; twitch_oauth2 `src/id.rs`,
//! `src/tokens.rs`, `src/tokens/errors.rs` (`authorization_pending`), `src/lib.rs` (request
//! shapes: form-encoded bodies; `/validate` with `Authorization: OAuth <token>`).

use std::collections::HashMap;
use std::time::Instant;

use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::Utc;
use serde_json::Value;

use super::payloads::{device_response, oauth_error, token_response, validate_response};
use super::state::{self, Device, DeviceState, Refresh, State, Token, World};
use super::{form_pairs, random_token, Config};

pub fn router() -> Router<State> {
    Router::new()
        .route("/token", post(token))
        .route("/device", post(device))
        .route("/validate", get(validate))
        .route("/revoke", post(revoke_route))
}

fn err(status: StatusCode, message: &str) -> Response {
    (status, Json(oauth_error(status.as_u16(), message))).into_response()
}

/// Parameters from the query string and the form body (Twitch accepts either).
fn params(uri: &Uri, body: &str) -> HashMap<String, String> {
    let mut m: HashMap<String, String> = form_pairs(uri.query().unwrap_or_default())
        .into_iter()
        .collect();
    m.extend(form_pairs(body));
    m
}

fn split_scopes(s: Option<&String>) -> Vec<String> {
    s.map(|s| {
        s.split(' ')
            .filter(|x| !x.is_empty())
            .map(str::to_string)
            .collect()
    })
    .unwrap_or_default()
}

/// Issue a user access token and its refresh token.
pub fn issue(
    w: &mut World,
    config: &Config,
    client_id: &str,
    user_id: &str,
    scopes: &[String],
) -> (String, String) {
    let access = random_token(30);
    let refresh = random_token(50);
    w.tokens.insert(
        access.clone(),
        Token {
            client_id: client_id.to_string(),
            user_id: Some(user_id.to_string()),
            scopes: scopes.to_vec(),
            expires_at: Utc::now() + state::secs(config.user_token_lifetime),
            revoked: false,
        },
    );
    w.refresh.insert(
        refresh.clone(),
        Refresh {
            client_id: client_id.to_string(),
            user_id: user_id.to_string(),
            scopes: scopes.to_vec(),
            access_token: access.clone(),
        },
    );
    (access, refresh)
}

pub fn revoke(w: &mut World, access_token: &str) -> bool {
    let Some(t) = w.tokens.get_mut(access_token) else {
        return false;
    };
    t.revoked = true;
    w.refresh.retain(|_, r| r.access_token != access_token);
    true
}

pub fn set_device_state(w: &mut World, user_code: &str, new: DeviceState) -> bool {
    match w.devices.values_mut().find(|d| d.user_code == user_code) {
        Some(d) if d.state == DeviceState::Pending => {
            d.state = new;
            true
        }
        _ => false,
    }
}

fn expires_in(config_lifetime: std::time::Duration) -> i64 {
    config_lifetime.as_secs() as i64
}

/// `POST /oauth2/token`.
async fn token(
    axum::extract::State(st): axum::extract::State<State>,
    uri: Uri,
    body: String,
) -> Response {
    let p = params(&uri, &body);
    let client_id = p.get("client_id").cloned().unwrap_or_default();
    let mut w = st.lock();
    let Some(secret) = w.apps.get(&client_id).cloned() else {
        // Twitch: `{"status":400,"message":"invalid client"}`.
        return err(StatusCode::BAD_REQUEST, "invalid client");
    };
    match p.get("grant_type").map(String::as_str) {
        Some("client_credentials") => {
            if p.get("client_secret") != Some(&secret) {
                // Twitch: `{"status":403,"message":"invalid client secret"}`.
                return err(StatusCode::FORBIDDEN, "invalid client secret");
            }
            let access = random_token(30);
            w.tokens.insert(
                access.clone(),
                Token {
                    client_id,
                    user_id: None,
                    scopes: Vec::new(),
                    expires_at: Utc::now() + state::secs(st.config.app_token_lifetime),
                    revoked: false,
                },
            );
            // Client credentials: no refresh token (twitch-cli app_access_token.go).
            let mut v =
                token_response(&access, None, expires_in(st.config.app_token_lifetime), &[]);
            if let Value::Object(m) = &mut v {
                m.remove("scope");
            }
            Json(v).into_response()
        }
        Some("refresh_token") => {
            let given = p.get("refresh_token").cloned().unwrap_or_default();
            let valid = w
                .refresh
                .get(&given)
                .is_some_and(|r| r.client_id == client_id);
            if !valid {
                // The brief's (and Twitch's) body for a used, revoked or unknown refresh token.
                return err(StatusCode::BAD_REQUEST, "Invalid refresh token");
            }
            let Some(old) = w.refresh.remove(&given) else {
                return err(StatusCode::BAD_REQUEST, "Invalid refresh token");
            };
            // Refresh tokens rotate: the old one is gone, a new pair is issued.
            let (access, refresh) =
                issue(&mut w, &st.config, &client_id, &old.user_id, &old.scopes);
            Json(token_response(
                &access,
                Some(&refresh),
                expires_in(st.config.user_token_lifetime),
                &old.scopes,
            ))
            .into_response()
        }
        Some("urn:ietf:params:oauth:grant-type:device_code") => {
            let code = p.get("device_code").cloned().unwrap_or_default();
            let interval = st.config.device_poll_interval;
            let Some(d) = w.devices.get_mut(&code) else {
                return err(StatusCode::BAD_REQUEST, "invalid device code");
            };
            if d.client_id != client_id {
                return err(StatusCode::BAD_REQUEST, "invalid device code");
            }
            if d.expires_at <= Utc::now() {
                w.devices.remove(&code);
                return err(StatusCode::BAD_REQUEST, "invalid device code");
            }
            let now = Instant::now();
            let too_fast = d
                .last_poll
                .is_some_and(|t| now.duration_since(t) < interval);
            d.last_poll = Some(now);
            match d.state.clone() {
                DeviceState::Pending if too_fast => err(StatusCode::BAD_REQUEST, "slow_down"),
                DeviceState::Pending => err(StatusCode::BAD_REQUEST, "authorization_pending"),
                DeviceState::Denied => {
                    w.devices.remove(&code);
                    err(StatusCode::BAD_REQUEST, "access_denied")
                }
                DeviceState::Approved(user_id) => {
                    let scopes = d.scopes.clone();
                    w.devices.remove(&code);
                    let (access, refresh) =
                        issue(&mut w, &st.config, &client_id, &user_id, &scopes);
                    Json(token_response(
                        &access,
                        Some(&refresh),
                        expires_in(st.config.user_token_lifetime),
                        &scopes,
                    ))
                    .into_response()
                }
            }
        }
        _ => err(StatusCode::BAD_REQUEST, "unsupported grant type"),
    }
}

/// `POST /oauth2/device` (device code grant flow, step 1).
async fn device(
    axum::extract::State(st): axum::extract::State<State>,
    uri: Uri,
    body: String,
) -> Response {
    let p = params(&uri, &body);
    let client_id = p.get("client_id").cloned().unwrap_or_default();
    let mut w = st.lock();
    if !w.apps.contains_key(&client_id) {
        return err(StatusCode::BAD_REQUEST, "invalid client");
    }
    let scopes = split_scopes(p.get("scopes").or_else(|| p.get("scope")));
    let device_code = random_token(40);
    let user_code = random_token(8).to_ascii_uppercase();
    w.devices.insert(
        device_code.clone(),
        Device {
            client_id,
            scopes,
            user_code: user_code.clone(),
            expires_at: Utc::now() + state::device_expiry(),
            state: DeviceState::Pending,
            last_poll: None,
        },
    );
    // Twitch's URI has the shape https://www.twitch.tv/activate?public=true&device-code=CODE.
    let uri = format!(
        "{}/activate?public=true&device-code={user_code}",
        st.ws_base.replacen("ws://", "http://", 1)
    );
    Json(device_response(
        &device_code,
        &user_code,
        &uri,
        state::device_expiry().num_seconds(),
        st.config.device_poll_interval.as_secs(),
    ))
    .into_response()
}

/// `GET /oauth2/validate` with `Authorization: OAuth <token>` (Bearer accepted too).
async fn validate(
    axum::extract::State(st): axum::extract::State<State>,
    headers: HeaderMap,
) -> Response {
    let auth = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let lower = auth.to_ascii_lowercase();
    let token = if lower.starts_with("oauth ") || lower.starts_with("bearer ") {
        auth.split_once(' ')
            .map(|(_, t)| t.trim())
            .unwrap_or_default()
    } else {
        ""
    };
    if token.is_empty() {
        return err(StatusCode::UNAUTHORIZED, "missing authorization token");
    }
    let w = st.lock();
    match w.tokens.get(token) {
        Some(t) if !t.revoked && t.expires_at > Utc::now() => {
            let user = t.user_id.as_deref().and_then(|id| w.user(id));
            let left = (t.expires_at - Utc::now()).num_seconds().max(0);
            Json(validate_response(&t.client_id, user, &t.scopes, left)).into_response()
        }
        _ => err(StatusCode::UNAUTHORIZED, "invalid access token"),
    }
}

/// `POST /oauth2/revoke` with `client_id` and `token`.
async fn revoke_route(
    axum::extract::State(st): axum::extract::State<State>,
    uri: Uri,
    body: String,
) -> Response {
    let p = params(&uri, &body);
    let client_id = p.get("client_id").cloned().unwrap_or_default();
    let token = p.get("token").cloned().unwrap_or_default();
    let mut w = st.lock();
    if !w.apps.contains_key(&client_id) {
        return err(StatusCode::NOT_FOUND, "client does not exist");
    }
    let owned = w
        .tokens
        .get(&token)
        .is_some_and(|t| t.client_id == client_id);
    if !owned || !revoke(&mut w, &token) {
        return err(StatusCode::BAD_REQUEST, "Invalid token");
    }
    StatusCode::OK.into_response()
}
