//! The typed API client: REST through reqwest, GraphQL through graphql_client operations in
//! `cli/graphql/*.graphql` checked against `schema/schema.graphql`. Every server error
//! becomes a [`CliError`] with the exit code its `code` means.

pub mod auth;
pub mod bot_commands;
pub mod live;
pub mod model;
pub mod moderation;
pub mod notes;
pub mod ops;

use std::time::Duration;

use graphql_client::GraphQLQuery;
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::config::Resolved;
use crate::error::{CliError, CliResult};

/// How long to wait for a connection, and for a whole answer.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Clone)]
pub struct Client {
    pub base: String,
    token: Option<String>,
    account: Option<String>,
    http: reqwest::Client,
}

impl Client {
    /// A client of the server at `base` (checked: plain `http://` URLs only).
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

    /// A client for the resolved settings; fails with exit 3 when there is no token.
    pub fn authed(r: &Resolved) -> CliResult<Client> {
        let Some((token, _)) = &r.token else {
            return Err(CliError::not_authenticated(format!(
                "not logged in to {}: run `lumio auth login` (or set LUMIO_TOKEN)",
                r.server
            )));
        };
        Client::new(&r.server, Some(token.clone()), r.account.clone())
    }

    /// The account the client acts in (`--account`, `LUMIO_ACCOUNT`, the profile's).
    pub fn account(&self) -> Option<String> {
        self.account.clone()
    }

    fn request(&self, method: Method, path: &str) -> reqwest::RequestBuilder {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if let Some(t) = &self.token {
            req = req.bearer_auth(t);
        }
        if let Some(a) = &self.account {
            req = req.header("X-Lumio-Account", a);
        }
        req
    }

    async fn send(&self, req: reqwest::RequestBuilder) -> CliResult<(u16, String)> {
        let resp = req.send().await.map_err(|e| {
            let why = if e.is_timeout() {
                "timed out".to_string()
            } else if e.is_connect() {
                "connection refused or host unreachable".to_string()
            } else {
                e.to_string()
            };
            CliError::unreachable(&self.base, &why)
        })?;
        let status = resp.status().as_u16();
        let text = resp
            .text()
            .await
            .map_err(|e| CliError::failure(format!("reading the answer of {}: {e}", self.base)))?;
        Ok((status, text))
    }

    /// A REST call; `T` is the success body (use `()` for 204).
    pub async fn rest<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<&(impl Serialize + ?Sized)>,
    ) -> CliResult<T> {
        let mut req = self.request(method, path);
        if let Some(b) = body {
            req = req.json(b);
        }
        let (status, text) = self.send(req).await?;
        if (200..300).contains(&status) {
            let text = if text.is_empty() { "null" } else { &text };
            return serde_json::from_str(text).map_err(|e| {
                CliError::failure(format!("unexpected answer from {}{path}: {e}", self.base))
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
        let req = self.request(Method::POST, "/graphql").json(&body);
        let (status, text) = self.send(req).await?;
        if !(200..300).contains(&status) {
            return Err(error_of(status, &text));
        }
        let resp: graphql_client::Response<Value> = serde_json::from_str(&text).map_err(|e| {
            CliError::failure(format!("unexpected GraphQL answer from {}: {e}", self.base))
        })?;
        if let Some(err) = resp.errors.as_ref().and_then(|e| e.first()) {
            let ext = err.extensions.as_ref();
            let code = ext
                .and_then(|x| x.get("code"))
                .and_then(Value::as_str)
                .unwrap_or("failure");
            let permission = ext
                .and_then(|x| x.get("permission"))
                .and_then(Value::as_str);
            return Err(CliError::from_server(code, &err.message, permission));
        }
        let data = resp
            .data
            .ok_or_else(|| CliError::failure("the server answered without data"))?;
        serde_json::from_value(data)
            .map_err(|e| CliError::failure(format!("unexpected GraphQL data: {e}")))
    }
}

/// A server URL as the client can use it: `http://HOST[:PORT][/PATH]`, without the trailing
/// slash. Anything else is a usage error that says what is expected.
pub fn check_server(url: &str) -> CliResult<String> {
    let url = url.trim().trim_end_matches('/');
    let parsed = reqwest::Url::parse(url).map_err(|e| {
        CliError::usage(format!(
            "invalid server URL '{url}' ({e}): expected http://HOST[:PORT], e.g. http://127.0.0.1:8080"
        ))
    })?;
    match parsed.scheme() {
        "http" if parsed.host_str().is_some() => Ok(url.to_string()),
        "https" => Err(CliError::usage(format!(
            "invalid server URL '{url}': this build of lumio speaks plain http only (no TLS yet); \
             use an http:// URL"
        ))),
        _ => Err(CliError::usage(format!(
            "invalid server URL '{url}': expected http://HOST[:PORT], e.g. http://127.0.0.1:8080"
        ))),
    }
}

/// The error of a non-2xx answer.
fn error_of(status: u16, text: &str) -> CliError {
    let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let e = &v["error"];
    match (e["code"].as_str(), e["message"].as_str()) {
        (Some(code), Some(message)) => {
            CliError::from_server(code, message, e["permission"].as_str())
        }
        _ => {
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
        assert_eq!(
            check_server("http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            check_server("http://lumio.example/api").unwrap(),
            "http://lumio.example/api"
        );
        for bad in ["127.0.0.1:8080", "lumio.example", "ftp://x", "", "http://"] {
            let e = check_server(bad).unwrap_err();
            assert_eq!(e.code, ExitCode::Usage, "{bad}");
            assert!(e.message.contains("http://HOST"), "{bad}: {}", e.message);
        }
        let e = check_server("https://lumio.example").unwrap_err();
        assert!(e.message.contains("plain http"), "{}", e.message);
    }
}
