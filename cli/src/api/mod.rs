//! The typed API client: REST through reqwest, GraphQL through graphql_client operations in
//! `cli/graphql/*.graphql` checked against `schema/schema.graphql`. Every server error
//! becomes a [`CliError`] with the exit code its `code` means.

pub mod model;
pub mod ops;

use graphql_client::GraphQLQuery;
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::config::Resolved;
use crate::error::{CliError, CliResult};

pub struct Client {
    pub base: String,
    token: Option<String>,
    account: Option<String>,
    http: reqwest::Client,
}

impl Client {
    pub fn new(base: &str, token: Option<String>, account: Option<String>) -> Client {
        Client {
            base: base.trim_end_matches('/').to_string(),
            token,
            account,
            http: reqwest::Client::builder()
                .user_agent(concat!("lumio/", env!("CARGO_PKG_VERSION")))
                .build()
                .unwrap_or_default(),
        }
    }

    /// A client for the resolved settings; fails with exit 3 when there is no token.
    pub fn authed(r: &Resolved) -> CliResult<Client> {
        let Some((token, _)) = &r.token else {
            return Err(CliError::not_authenticated(format!(
                "not logged in to {}: run `lumio auth login` (or set LUMIO_TOKEN)",
                r.server
            )));
        };
        Ok(Client::new(
            &r.server,
            Some(token.clone()),
            r.account.clone(),
        ))
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
            let why = if e.is_connect() {
                "connection refused or host unreachable".to_string()
            } else if e.is_timeout() {
                "timed out".to_string()
            } else {
                e.to_string()
            };
            CliError::failure(format!("cannot reach the server at {}: {why}", self.base))
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
