//! The live WebSocket, `/v1/chat/ws`: typed events, each with a cursor. The token travels
//! in the `Authorization` header of the upgrade request (never in the URL: URLs end up in
//! access logs), the account in `X-Lumio-Account`, and only `since` in the query.

use futures::StreamExt;
use serde::Deserialize;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::handshake::client::Request;
use tokio_tungstenite::tungstenite::http::header::{HeaderValue, AUTHORIZATION};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use super::chat::ChatMessage;
use super::{error_of, Client, ACCOUNT_HEADER};
use crate::error::{CliError, CliResult};

/// What a moderation event says about a chatter.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct UserEvent {
    pub platform: String,
    pub user_id: String,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub duration_seconds: Option<i64>,
    #[serde(default)]
    pub expires_at: Option<String>,
    #[serde(default)]
    pub treatment: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub moderator: Option<String>,
}

/// A live event, as the server sends it (`type` names the kind).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveEvent {
    /// The first frame: the connection is live.
    Hello,
    /// The client fell behind and is disconnected; resume from this cursor.
    Lagged { cursor: Option<String> },
    Message {
        cursor: String,
        message: Box<ChatMessage>,
    },
    MessageDeleted {
        cursor: String,
        message_id: String,
        platform: String,
        user_id: String,
        deleted_by: String,
    },
    UserBanned {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    UserUnbanned {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    UserTimedOut {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    TreatmentChanged {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    NoteCreated {
        cursor: String,
        #[serde(flatten)]
        user: UserEvent,
    },
    StreamStatus {
        cursor: String,
        platform: String,
        live: bool,
    },
    LiveControl {
        cursor: String,
        platform: String,
        action: String,
        target_id: String,
        status: String,
        /// Who used it.
        #[serde(default)]
        by: Option<String>,
    },
    /// The account's bot on a platform changed (paused, resumed, a connection added or
    /// removed, a credential that needs re-authorization).
    BotStatus {
        cursor: String,
        platform: String,
        /// `active`, `paused`, `no_connection` or `needs_reauth`.
        status: String,
        /// Who changed it.
        #[serde(default)]
        by: Option<String>,
    },
    /// A moderation action's delivery to the platform changed status.
    ModerationDelivery {
        cursor: String,
        platform: String,
        action: String,
        user_id: String,
        status: String,
        #[serde(default)]
        error: Option<String>,
    },
    /// A kind this version of lumio does not know yet.
    #[serde(other)]
    Other,
}

impl LiveEvent {
    /// The event's cursor (None for `hello`, `lagged` and kinds this lumio does not know).
    pub fn cursor(&self) -> Option<&str> {
        match self {
            LiveEvent::Message { cursor, .. }
            | LiveEvent::MessageDeleted { cursor, .. }
            | LiveEvent::UserBanned { cursor, .. }
            | LiveEvent::UserUnbanned { cursor, .. }
            | LiveEvent::UserTimedOut { cursor, .. }
            | LiveEvent::TreatmentChanged { cursor, .. }
            | LiveEvent::NoteCreated { cursor, .. }
            | LiveEvent::StreamStatus { cursor, .. }
            | LiveEvent::LiveControl { cursor, .. }
            | LiveEvent::BotStatus { cursor, .. }
            | LiveEvent::ModerationDelivery { cursor, .. } => Some(cursor),
            LiveEvent::Hello | LiveEvent::Lagged { .. } | LiveEvent::Other => None,
        }
    }
}

/// The cursor of an event, when it has one.
#[derive(Deserialize)]
struct CursorOnly {
    #[serde(default)]
    cursor: Option<String>,
}

/// One frame of the live stream: its text as sent (for `--json`) and what it says.
#[derive(Debug, Clone)]
pub struct LiveFrame {
    pub text: String,
    pub event: LiveEvent,
    /// Where to resume after this frame (every event but `hello` has one).
    pub cursor: Option<String>,
}

impl LiveFrame {
    pub fn parse(text: &str) -> Result<LiveFrame, String> {
        let event: LiveEvent = serde_json::from_str(text).map_err(|e| e.to_string())?;
        // A known event says its cursor; only others are read a second time for it.
        let cursor = match event.cursor() {
            Some(c) => Some(c.to_string()),
            None => serde_json::from_str::<CursorOnly>(text)
                .ok()
                .and_then(|c| c.cursor),
        };
        Ok(LiveFrame {
            text: text.to_string(),
            event,
            cursor,
        })
    }
}

/// Why a connection could not be opened.
#[derive(Debug)]
pub enum ConnectError {
    /// The server answered, and refused (no token, a revoked one, a missing permission, a
    /// bad cursor): trying again will not help.
    Refused(CliError),
    /// No answer (the server is down or restarting): try again later.
    Unreachable(String),
}

/// An open live connection.
pub struct LiveSocket {
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl LiveSocket {
    /// The next frame; `None` when the connection ended (`Err` says why it broke).
    pub async fn next(&mut self) -> Option<Result<LiveFrame, String>> {
        loop {
            match self.ws.next().await? {
                Ok(Message::Text(text)) => match LiveFrame::parse(&text) {
                    Ok(f) => return Some(Ok(f)),
                    Err(_) => continue,
                },
                Ok(Message::Close(_)) => {
                    return Some(Err("the server closed the connection".into()))
                }
                Ok(_) => continue,
                Err(e) => return Some(Err(e.to_string())),
            }
        }
    }
}

impl Client {
    /// The upgrade request of `/v1/chat/ws`: `ws://` URL with `since` only, the token in
    /// the `Authorization` header.
    pub fn live_request(&self, since: Option<&str>) -> CliResult<Request> {
        let mut url = self.url(&["v1", "chat", "ws"])?;
        url.set_scheme("ws")
            .map_err(|()| CliError::usage(format!("{} cannot be a WebSocket URL", url)))?;
        if let Some(c) = since {
            url.query_pairs_mut().append_pair("since", c);
        }
        let mut req = url
            .as_str()
            .into_client_request()
            .map_err(|e| CliError::usage(format!("{}: {e}", self.server())))?;
        let header = |v: &str, what: &str| {
            HeaderValue::from_str(v).map_err(|_| {
                CliError::usage(format!("the {what} is not a valid HTTP header value"))
            })
        };
        if let Some(t) = &self.token {
            let mut value = header(&format!("Bearer {t}"), "token")?;
            value.set_sensitive(true);
            req.headers_mut().insert(AUTHORIZATION, value);
        }
        if let Some(a) = &self.account {
            req.headers_mut()
                .insert(ACCOUNT_HEADER, header(a, "account")?);
        }
        Ok(req)
    }

    /// Open the live stream, resuming after `since`.
    pub async fn connect_live(&self, since: Option<&str>) -> Result<LiveSocket, ConnectError> {
        let req = self.live_request(since).map_err(ConnectError::Refused)?;
        match tokio_tungstenite::connect_async(req).await {
            Ok((ws, _)) => Ok(LiveSocket { ws }),
            Err(tokio_tungstenite::tungstenite::Error::Http(resp)) => {
                let body = resp
                    .body()
                    .as_ref()
                    .map(|b| String::from_utf8_lossy(b).to_string())
                    .unwrap_or_default();
                Err(ConnectError::Refused(error_of(
                    resp.status().as_u16(),
                    &body,
                )))
            }
            Err(e) => Err(ConnectError::Unreachable(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_a_header_never_in_the_url() {
        let c = Client::new(
            "http://127.0.0.1:8080",
            Some("lum_secret".into()),
            Some("demo".into()),
        )
        .unwrap();
        let req = c.live_request(Some("0193a4c2-5b1e&x=1")).unwrap();
        assert_eq!(
            req.uri().to_string(),
            "ws://127.0.0.1:8080/v1/chat/ws?since=0193a4c2-5b1e%26x%3D1"
        );
        assert_eq!(req.headers()[AUTHORIZATION], "Bearer lum_secret");
        assert_eq!(req.headers()["x-lumio-account"], "demo");
        let none = c.live_request(None).unwrap();
        assert!(!none.uri().to_string().contains("token"));
    }

    #[test]
    fn events_are_typed_and_unknown_kinds_pass() {
        let f = LiveFrame::parse(
            r#"{"type":"user_banned","cursor":"c1","platform":"twitch","user_id":"1234","username":"loudguy","reason":"spam","moderator":"Milo Mod"}"#,
        )
        .unwrap();
        assert_eq!(f.cursor.as_deref(), Some("c1"));
        match f.event {
            LiveEvent::UserBanned { user, .. } => {
                assert_eq!(user.username.as_deref(), Some("loudguy"))
            }
            other => panic!("{other:?}"),
        }
        let hello = LiveFrame::parse(r#"{"type":"hello","account_id":"a","cursor":null}"#).unwrap();
        assert_eq!((hello.event, hello.cursor), (LiveEvent::Hello, None));
        let new = LiveFrame::parse(r#"{"type":"raid_started","cursor":"c9"}"#).unwrap();
        assert_eq!(new.event, LiveEvent::Other);
        assert_eq!(new.cursor.as_deref(), Some("c9"));
        assert!(LiveFrame::parse("not json").is_err());
    }
}
