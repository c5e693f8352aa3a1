//! One error type for the CLI; each kind has its exit code, and its message is the one line
//! `lumio: …` printed on stderr.

use std::fmt;

/// 0 ok, 1 failure, 2 usage, 3 not authenticated, 4 forbidden, 5 not found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    Failure = 1,
    Usage = 2,
    NotAuthenticated = 3,
    Forbidden = 4,
    NotFound = 5,
}

#[derive(Debug)]
pub struct CliError {
    pub code: ExitCode,
    pub message: String,
    /// The server could not be reached (no answer at all), as opposed to an answer that is
    /// an error.
    pub unreachable: bool,
    /// The reader of stdout went away (`lumio … | head`): end quietly, with success.
    pub broken_pipe: bool,
}

pub type CliResult<T> = Result<T, CliError>;

impl CliError {
    pub fn new(code: ExitCode, message: impl Into<String>) -> Self {
        CliError {
            code,
            message: message.into(),
            unreachable: false,
            broken_pipe: false,
        }
    }
    pub fn failure(message: impl Into<String>) -> Self {
        Self::new(ExitCode::Failure, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(ExitCode::Usage, message)
    }
    pub fn not_authenticated(message: impl Into<String>) -> Self {
        Self::new(ExitCode::NotAuthenticated, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ExitCode::NotFound, message)
    }

    /// No answer from the server at `url`.
    pub fn unreachable(url: &str, why: &str) -> Self {
        CliError {
            unreachable: true,
            ..Self::failure(format!("cannot reach the server at {url}: {why}"))
        }
    }

    /// The error a server answer with this machine code means.
    pub fn from_server(code: &str, message: &str, permission: Option<&str>) -> Self {
        let exit = match code {
            "unauthorized" => ExitCode::NotAuthenticated,
            "forbidden" => ExitCode::Forbidden,
            "not_found" => ExitCode::NotFound,
            _ => ExitCode::Failure,
        };
        // The server speaks to every client; a CLI user chooses the account with --account.
        let message = message.replace(
            "with the X-Lumio-Account header or the accountId argument",
            "with --account SLUG (or `lumio auth login --account SLUG` to remember it)",
        );
        let text = match (code, permission) {
            ("forbidden", Some(p)) if !message.contains(p) => {
                format!("forbidden: {message} (missing permission {p})")
            }
            ("unauthorized", _) => {
                format!("not authenticated: {message} (run `lumio auth login`)")
            }
            _ => format!("{}: {message}", code.replace('_', " ")),
        };
        CliError::new(exit, text)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        CliError {
            broken_pipe: e.kind() == std::io::ErrorKind::BrokenPipe,
            ..CliError::failure(e.to_string())
        }
    }
}

/// What `main` does with the result of a command: the exit code, and the line for stderr.
pub fn report(result: &CliResult<()>) -> (u8, Option<String>) {
    match result {
        Ok(()) => (0, None),
        Err(e) if e.broken_pipe => (0, None),
        Err(e) => (
            e.code as u8,
            Some(format!("lumio: {}", one_line(&e.message))),
        ),
    }
}

/// Messages are one line on stderr, whatever the server put in them.
fn one_line(s: &str) -> String {
    s.split(['\r', '\n'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_codes_map_to_exit_codes() {
        let e = CliError::from_server(
            "forbidden",
            "missing permission chat:notes",
            Some("chat:notes"),
        );
        assert_eq!(e.code, ExitCode::Forbidden);
        assert_eq!(e.message, "forbidden: missing permission chat:notes");
        let e = CliError::from_server("forbidden", "not allowed", Some("chat:ban"));
        assert_eq!(
            e.message,
            "forbidden: not allowed (missing permission chat:ban)"
        );
        let e = CliError::from_server("unauthorized", "token expired", None);
        assert_eq!(e.code, ExitCode::NotAuthenticated);
        assert!(e.message.contains("lumio auth login"), "{}", e.message);
        assert_eq!(
            CliError::from_server("not_found", "no note", None).code,
            ExitCode::NotFound
        );
        let v = CliError::from_server("validation_failed", "note must not be empty", None);
        assert_eq!(
            (v.code, v.message.as_str()),
            (
                ExitCode::Failure,
                "validation failed: note must not be empty"
            )
        );
        for code in [
            "bad_request",
            "conflict",
            "payload_too_large",
            "rate_limited",
            "unavailable",
            "internal",
            "something_new",
        ] {
            assert_eq!(
                CliError::from_server(code, "x", None).code,
                ExitCode::Failure,
                "{code}"
            );
        }
    }

    #[test]
    fn exit_codes_are_the_documented_numbers() {
        assert_eq!(ExitCode::Failure as u8, 1);
        assert_eq!(ExitCode::Usage as u8, 2);
        assert_eq!(ExitCode::NotAuthenticated as u8, 3);
        assert_eq!(ExitCode::Forbidden as u8, 4);
        assert_eq!(ExitCode::NotFound as u8, 5);
        assert_eq!(report(&Ok(())), (0, None));
        assert_eq!(
            report(&Err(CliError::not_found("note x not found"))),
            (5, Some("lumio: note x not found".to_string()))
        );
    }

    #[test]
    fn several_accounts_points_at_the_flag() {
        let e = CliError::from_server(
            "bad_request",
            "you are a member of several accounts (demo, other): choose one with the \
             X-Lumio-Account header or the accountId argument",
            None,
        );
        assert!(e.message.contains("--account SLUG"), "{}", e.message);
        assert!(!e.message.contains("X-Lumio-Account"), "{}", e.message);
    }

    #[test]
    fn errors_print_as_one_line_and_broken_pipes_quietly() {
        let e = CliError::failure("first\nsecond\r\n  third  ");
        assert_eq!(
            report(&Err(e)).1.as_deref(),
            Some("lumio: first second third")
        );
        let pipe: CliError = std::io::Error::from(std::io::ErrorKind::BrokenPipe).into();
        assert_eq!(report(&Err(pipe)), (0, None));
        let other: CliError = std::io::Error::from(std::io::ErrorKind::PermissionDenied).into();
        assert_eq!(report(&Err(other)).0, 1);
        assert!(CliError::unreachable("http://127.0.0.1:9", "refused").unreachable);
    }
}
