//! One error type for the CLI; each kind has its exit code.

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
}

pub type CliResult<T> = Result<T, CliError>;

impl CliError {
    pub fn new(code: ExitCode, message: impl Into<String>) -> Self {
        CliError {
            code,
            message: message.into(),
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

    /// The error a server answer with this machine code means.
    pub fn from_server(code: &str, message: &str, permission: Option<&str>) -> Self {
        let exit = match code {
            "unauthorized" => ExitCode::NotAuthenticated,
            "forbidden" => ExitCode::Forbidden,
            "not_found" => ExitCode::NotFound,
            _ => ExitCode::Failure,
        };
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
        CliError::failure(e.to_string())
    }
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
        assert_eq!(
            CliError::from_server("unauthorized", "x", None).code,
            ExitCode::NotAuthenticated
        );
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
        assert_eq!(ExitCode::Usage as i32, 2);
    }
}
