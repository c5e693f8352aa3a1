//! The typed API client: REST through reqwest, GraphQL through graphql_client operations in
//! `cli/graphql/*.graphql` checked against `schema/schema.graphql`, and the live WebSocket.
//! Every call of the CLI goes through here: URLs are built from path segments and typed
//! queries (never by hand), the token goes only to the server it was issued by (in the
//! `Authorization` header, never in a URL), and every server error becomes a [`CliError`]
//! with the exit code its `code` means.

pub mod admin;
pub mod auth;
pub mod bot_commands;
pub mod chat;
pub mod connections;
pub mod discord;
pub mod emotes;
pub mod live;
pub mod live_controls;
pub mod model;
pub mod moderation;
pub mod notes;
pub mod ops;
pub mod profiles;

use std::time::Duration;

use graphql_client::GraphQLQuery;
use reqwest::{Method, Url};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::config::Resolved;
use crate::error::{CliError, CliResult};

/// How long to wait for a connection, and for a whole answer.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// The header that names the account of a call, for users in several.
pub const ACCOUNT_HEADER: &str = "X-Lumio-Account";

#[derive(Clone)]
pub struct Client {
    base: Url,
    token: Option<String>,
    account: Option<String>,
    http: reqwest::Client,
}

impl std::fmt::Debug for Client {
    /// Never prints the token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.base.as_str())
            .field("token", &self.token.as_ref().map(|_| "…"))
            .field("account", &self.account)
            .finish()
    }
}

impl Client {
    /// A client of the server at `base` (checked: plain `http://` URLs only, without `/v1`).
    pub fn new(base: &str, token: Option<String>, account: Option<String>) -> CliResult<Client> {
        Ok(Client {
            base: check_server(base)?,
            token,
            account,
            http: reqwest::Client::builder()
                .user_agent(concat!("lumio/", env!("CARGO_PKG_VERSION")))
                .connect_timeout(CONNECT_TIMEOUT)
                .timeout(REQUEST_TIMEOUT)
                .build()
                .map_err(|e| CliError::failure(format!("cannot set up HTTP: {e}")))?,
        })
    }

    /// A client for the resolved settings, with the token of that server; exit 3
    /// (`not logged in to HOST`) when there is none for it.
    pub fn authed(r: &Resolved) -> CliResult<Client> {
        let base = check_server(&r.server)?;
        let Some((token, _)) = &r.token else {
            let host = host_key(&base);
            let mut hint = format!(
                "not logged in to {host}: run `lumio auth login --server {}` (or set LUMIO_TOKEN)",
                server_text(&base)
            );
            if !r.logged_in_hosts.is_empty() {
                hint.push_str(&format!(
                    "; profile '{}' is logged in to {}",
                    r.profile,
                    r.logged_in_hosts.join(", ")
                ));
            }
            return Err(CliError::not_authenticated(hint));
        };
        Client::new(&r.server, Some(token.clone()), r.account.clone())
    }

    /// The server's URL, as people wrote it (without a trailing slash).
    pub fn server(&self) -> String {
        server_text(&self.base)
    }

    /// The account the client acts in (`--account`, `LUMIO_ACCOUNT`, the profile's).
    pub fn account(&self) -> Option<String> {
        self.account.clone()
    }

    /// The URL of `segments` below the server's base, each one percent-encoded as a path
    /// segment.
    pub fn url(&self, segments: &[&str]) -> CliResult<Url> {
        let mut url = self.base.clone();
        url.path_segments_mut()
            .map_err(|()| CliError::usage(format!("{} cannot take a path", self.base)))?
            .pop_if_empty()
            .extend(segments);
        Ok(url)
    }

    /// A request to `/v1/<segments…>` with the token and the account.
    fn v1(&self, method: Method, segments: &[&str]) -> CliResult<reqwest::RequestBuilder> {
        let mut all = Vec::with_capacity(segments.len() + 1);
        all.push("v1");
        all.extend_from_slice(segments);
        Ok(self.with_auth(self.http.request(method, self.url(&all)?)))
    }

    fn with_auth(&self, mut req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        if let Some(t) = &self.token {
            req = req.bearer_auth(t);
        }
        if let Some(a) = &self.account {
            req = req.header(ACCOUNT_HEADER, a);
        }
        req
    }

    async fn send(&self, req: reqwest::RequestBuilder) -> CliResult<(u16, String, Url)> {
        let resp = req.send().await.map_err(|e| {
            let why = if e.is_timeout() {
                "timed out".to_string()
            } else if e.is_connect() {
                "connection refused or host unreachable".to_string()
            } else {
                e.to_string()
            };
            CliError::unreachable(&self.server(), &why)
        })?;
        let status = resp.status().as_u16();
        let url = resp.url().clone();
        let text = resp.text().await.map_err(|e| {
            CliError::failure(format!("reading the answer of {}: {e}", self.server()))
        })?;
        Ok((status, text, url))
    }

    /// Send a REST request; `T` is the success body (use `()` for 204).
    async fn call<T: DeserializeOwned>(&self, req: reqwest::RequestBuilder) -> CliResult<T> {
        let (status, text, url) = self.send(req).await?;
        if (200..300).contains(&status) {
            let text = if text.is_empty() { "null" } else { &text };
            return serde_json::from_str(text).map_err(|e| {
                CliError::failure(format!("unexpected answer from {}: {e}", url.path()))
            });
        }
        Err(error_of(status, &text))
    }

    /// A GraphQL operation.
    pub async fn graphql<Q: GraphQLQuery>(
        &self,
        variables: Q::Variables,
    ) -> CliResult<Q::ResponseData> {
        let body = Q::build_query(variables);
        let req = self.with_auth(self.http.post(self.url(&["graphql"])?).json(&body));
        let (status, text, _) = self.send(req).await?;
        if !(200..300).contains(&status) {
            return Err(error_of(status, &text));
        }
        let resp: graphql_client::Response<Q::ResponseData> =
            serde_json::from_str(&text).map_err(|e| {
                CliError::failure(format!(
                    "unexpected GraphQL answer from {}: {e}",
                    self.server()
                ))
            })?;
        if let Some(err) = resp.errors.as_ref().and_then(|e| e.first()) {
            let ext = err.extensions.as_ref();
            let text_of = |k: &str| ext.and_then(|x| x.get(k)).and_then(|v| v.as_str());
            return Err(CliError::from_server(
                text_of("code").unwrap_or("failure"),
                &err.message,
                text_of("permission"),
            ));
        }
        resp.data
            .ok_or_else(|| CliError::failure("the server answered without data"))
    }
}

/// A server URL as the client can use it: `http://HOST[:PORT][/PATH]`. Anything else is a
/// usage error that says what is expected.
pub fn check_server(url: &str) -> CliResult<Url> {
    let text = url.trim().trim_end_matches('/');
    let expected = "expected http://HOST[:PORT], e.g. http://127.0.0.1:8080";
    let parsed = Url::parse(text)
        .map_err(|e| CliError::usage(format!("invalid server URL '{text}' ({e}): {expected}")))?;
    match parsed.scheme() {
        "http" if parsed.host_str().is_some() && !parsed.cannot_be_a_base() => {}
        "https" => {
            return Err(CliError::usage(format!(
                "invalid server URL '{text}': this build of lumio speaks plain http only (no TLS \
                 yet); use an http:// URL"
            )))
        }
        _ => {
            return Err(CliError::usage(format!(
                "invalid server URL '{text}': {expected}"
            )))
        }
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(CliError::usage(format!(
            "invalid server URL '{text}': no query or fragment; {expected}"
        )));
    }
    if parsed
        .path_segments()
        .is_some_and(|mut s| s.any(|seg| seg.eq_ignore_ascii_case("v1")))
    {
        let mut bare = parsed.clone();
        bare.set_path("");
        return Err(CliError::usage(format!(
            "invalid server URL '{text}': the base URL must not include /v1 (lumio adds it); \
             use {}",
            server_text(&bare)
        )));
    }
    Ok(parsed)
}

/// `HOST[:PORT]` of a server, the key its token is kept under.
pub fn host_key(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host,
    }
}

/// A server URL as text, without a trailing slash.
fn server_text(url: &Url) -> String {
    url.as_str().trim_end_matches('/').to_string()
}

/// A lumio error body: `{"error": {"code", "message", "permission"}}`.
#[derive(Debug, Deserialize)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Deserialize)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub permission: Option<String>,
}

/// The error of a non-2xx answer.
pub fn error_of(status: u16, text: &str) -> CliError {
    match serde_json::from_str::<ErrorBody>(text) {
        Ok(ErrorBody { error: e }) => {
            CliError::from_server(&e.code, &e.message, e.permission.as_deref())
        }
        Err(_) => {
            let code = match status {
                401 => "unauthorized",
                403 => "forbidden",
                404 => "not_found",
                _ => "failure",
            };
            CliError::from_server(code, &format!("HTTP {status}"), None)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ExitCode;

    #[test]
    fn error_bodies_map_to_exit_codes() {
        let e = error_of(
            403,
            r#"{"error":{"code":"forbidden","message":"missing permission chat:notes","permission":"chat:notes"}}"#,
        );
        assert_eq!(e.code, ExitCode::Forbidden);
        assert_eq!(e.message, "forbidden: missing permission chat:notes");
        let e = error_of(
            404,
            r#"{"error":{"code":"not_found","message":"no note x"}}"#,
        );
        assert_eq!(
            (e.code, e.message.as_str()),
            (ExitCode::NotFound, "not found: no note x")
        );
        let e = error_of(
            401,
            r#"{"error":{"code":"unauthorized","message":"bad token"}}"#,
        );
        assert_eq!(e.code, ExitCode::NotAuthenticated);
        let e = error_of(
            422,
            r#"{"error":{"code":"validation_failed","message":"too long"}}"#,
        );
        assert_eq!(e.code, ExitCode::Failure);
        // Not a lumio answer (a proxy, say): the status decides.
        assert_eq!(error_of(401, "<html>").code, ExitCode::NotAuthenticated);
        assert_eq!(error_of(403, "").code, ExitCode::Forbidden);
        assert_eq!(error_of(404, "nope").code, ExitCode::NotFound);
        let e = error_of(502, "Bad Gateway");
        assert_eq!(e.code, ExitCode::Failure);
        assert!(e.message.contains("HTTP 502"), "{}", e.message);
    }

    #[test]
    fn server_urls_are_checked() {
        let ok = |u: &str| server_text(&check_server(u).unwrap());
        assert_eq!(ok("http://127.0.0.1:8080/"), "http://127.0.0.1:8080");
        assert_eq!(ok("http://lumio.example/api"), "http://lumio.example/api");
        for bad in ["127.0.0.1:8080", "lumio.example", "ftp://x", "", "http://"] {
            let e = check_server(bad).unwrap_err();
            assert_eq!(e.code, ExitCode::Usage, "{bad}");
            assert!(e.message.contains("http://HOST"), "{bad}: {}", e.message);
        }
        let e = check_server("https://lumio.example").unwrap_err();
        assert!(e.message.contains("plain http"), "{}", e.message);
        for with_v1 in [
            "http://127.0.0.1:8080/v1",
            "http://127.0.0.1:8080/v1/",
            "http://lumio.example/api/V1/chat",
        ] {
            let e = check_server(with_v1).unwrap_err();
            assert_eq!(e.code, ExitCode::Usage, "{with_v1}");
            assert!(e.message.contains("must not include /v1"), "{}", e.message);
        }
        let e = check_server("http://127.0.0.1:8080/v1").unwrap_err();
        assert!(
            e.message.ends_with("use http://127.0.0.1:8080"),
            "{}",
            e.message
        );
    }

    #[test]
    fn urls_are_built_from_segments() {
        let c = Client::new("http://127.0.0.1:8080/base/", None, None).unwrap();
        let u = c
            .url(&["v1", "chat", "users", "kick", "a b/c?d#e", "notes"])
            .unwrap();
        assert_eq!(
            u.as_str(),
            "http://127.0.0.1:8080/base/v1/chat/users/kick/a%20b%2Fc%3Fd%23e/notes"
        );
        let root = Client::new("http://127.0.0.1:8080", None, None).unwrap();
        assert_eq!(
            root.url(&["v1", "chat", "emotes", "twitch", "Über"])
                .unwrap()
                .as_str(),
            "http://127.0.0.1:8080/v1/chat/emotes/twitch/%C3%9Cber"
        );
        assert_eq!(host_key(&root.base), "127.0.0.1:8080");
        let default_port = check_server("http://Lumio.Example").unwrap();
        assert_eq!(host_key(&default_port), "lumio.example");
    }

    #[test]
    fn the_token_never_shows_in_debug_output() {
        let c = Client::new("http://127.0.0.1:1", Some("lum_secret".into()), None).unwrap();
        assert!(!format!("{c:?}").contains("lum_secret"));
    }
}
