//! Input checks every feature's service shares: text without control characters, bounded
//! identifiers, and how a bad value is quoted back in an error message.
//!
//! The rule of thumb for statuses: a value that cannot be taken as the text or identifier
//! it claims to be (control characters, an identifier longer than any real one, a malformed
//! platform id) is a 400 that names the field; a well-formed value that breaks a rule of the
//! domain (an empty note, a message over 2,000 characters) is a 422. Either way the message
//! names the field, and never echoes more than a short, escaped excerpt of the value.

use crate::error::{AppError, AppResult};

/// The longest username (login, chatter names, look-ups), in characters. Platform handles are
/// shorter (Twitch 25, Discord 32); display names share the bound.
pub const MAX_USERNAME_CHARS: usize = 100;
/// The longest account slug or id a caller may name (`X-Lumio-Account`, `accountId`).
pub const MAX_ACCOUNT_REF_CHARS: usize = 100;
/// The longest password accepted at login.
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// The longest bearer token accepted (ours are 52 characters).
pub const MAX_TOKEN_CHARS: usize = 256;
/// The longest chat-history `contains` search, in characters.
pub const MAX_SEARCH_CHARS: usize = 500;

/// At most this many characters of a bad value are quoted back in an error message.
const QUOTE_CHARS: usize = 40;

/// A bad value as an error message quotes it: at most 40 characters, control characters
/// escaped, `…` when cut.
pub fn quote(value: &str) -> String {
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i == QUOTE_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A control character other than the line breaks and tabs that chat text and notes may hold.
fn is_forbidden_in_multiline(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

/// Refuse control characters (NUL included) in a single-line value: 400 naming the field.
pub fn no_control(field: &str, value: &str) -> AppResult<()> {
    match value.chars().position(char::is_control) {
        None => Ok(()),
        Some(at) => Err(AppError::BadRequest(format!(
            "{field} must not contain control characters (found {} at character {at})",
            escaped(value, at)
        ))),
    }
}

/// Refuse control characters other than line breaks and tabs (chat text, notes, reasons).
pub fn no_control_multiline(field: &str, value: &str) -> AppResult<()> {
    match value.chars().position(is_forbidden_in_multiline) {
        None => Ok(()),
        Some(at) => Err(AppError::BadRequest(format!(
            "{field} must not contain control characters other than line breaks and tabs \
             (found {} at character {at})",
            escaped(value, at)
        ))),
    }
}

fn escaped(value: &str, at: usize) -> String {
    value
        .chars()
        .nth(at)
        .map(|c| c.escape_unicode().to_string())
        .unwrap_or_default()
}

/// An identifier-like value at the edge: at most `max` characters and no control
/// characters, else a 400 naming the field. Checked before the value reaches a key, a query
/// or a log line.
pub fn bounded(field: &str, value: &str, max: usize) -> AppResult<()> {
    if value.chars().nth(max).is_some() {
        return Err(AppError::BadRequest(format!(
            "{field} is longer than {max} characters ('{}')",
            quote(value)
        )));
    }
    no_control(field, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short_and_escaped() {
        assert_eq!(quote("abc"), "abc");
        assert_eq!(quote("a\0b"), "a\\u{0}b");
        let long = quote(&"x".repeat(1_000_000));
        assert_eq!(long.chars().count(), QUOTE_CHARS + 1);
        assert!(long.ends_with('…'));
    }

    #[test]
    fn control_characters_are_refused_by_field() {
        assert!(no_control("username", "mod").is_ok());
        let e = no_control("username", "mo\0d").unwrap_err();
        assert!(matches!(e, AppError::BadRequest(_)));
        assert!(e.to_string().starts_with("username must not"), "{e}");
        assert!(e.to_string().contains("\\u{0}"), "{e}");
        assert!(no_control_multiline("note", "line\nline\ttab\r\n").is_ok());
        assert!(no_control_multiline("note", "bell\u{7}").is_err());
        assert!(no_control_multiline("note", "c1 \u{85}").is_err());
    }

    #[test]
    fn bounded_identifiers() {
        assert!(bounded("username", &"x".repeat(100), 100).is_ok());
        let e = bounded("username", &"x".repeat(1_000_000), 100).unwrap_err();
        assert!(
            e.to_string().starts_with("username is longer than 100"),
            "{e}"
        );
        assert!(e.to_string().len() < 200, "the value is not echoed whole");
        assert!(bounded("username", "a\u{1b}[31m", 100).is_err());
    }
}
