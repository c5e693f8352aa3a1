//! The `:` command line: `ban`, `unban`, `timeout`, `note`, `treat`, `card` on a chatter, and
//! `filter`, `help`. A chatter is `name`, `@name` or `platform:name` (the platform picks one
//! when the name chats on several; without it the screen asks). Parsing is pure; the update
//! resolves the name.

use crate::duration::parse_duration;
use crate::platform::Platform;

use super::state::TREATMENTS;

/// What to do to a chatter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verb {
    Ban {
        reason: Option<String>,
    },
    Unban,
    Timeout {
        seconds: i64,
        reason: Option<String>,
    },
    Note {
        text: String,
    },
    Treat {
        treatment: String,
    },
    Card,
}

impl Verb {
    pub fn name(&self) -> &'static str {
        match self {
            Verb::Ban { .. } => "ban",
            Verb::Unban => "unban",
            Verb::Timeout { .. } => "timeout",
            Verb::Note { .. } => "note",
            Verb::Treat { .. } => "treat",
            Verb::Card => "card",
        }
    }
}

/// A chatter as typed: a name, maybe on a platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub platform: Option<Platform>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    On {
        who: Who,
        verb: Verb,
    },
    /// Set the filter (empty: clear it).
    Filter(String),
    Help,
}

/// The commands, for the usage line, the help and Tab.
pub const COMMANDS: [(&str, &str); 8] = [
    ("ban", "ban USER [reason]"),
    ("unban", "unban USER"),
    ("timeout", "timeout USER 10m [reason]"),
    ("note", "note USER TEXT"),
    ("treat", "treat USER none|active_monitoring|restricted"),
    ("card", "card USER"),
    ("filter", "filter [QUERY]"),
    ("help", "help"),
];

pub fn usage() -> String {
    let all: Vec<&str> = COMMANDS.iter().map(|(_, u)| *u).collect();
    format!("{} · USER is name, @name or platform:name", all.join(" · "))
}

/// `name`, `@name`, `platform:name`, `platform:@name`.
pub fn who(w: &str) -> Result<Who, String> {
    let (platform, name) = match w.split_once(':') {
        Some((p, n)) => (Some(p.parse::<Platform>().map_err(|e| e.message)?), n),
        None => (None, w),
    };
    let name = name.trim_start_matches('@');
    if name.is_empty() {
        return Err("the user must not be empty".into());
    }
    Ok(Who {
        platform,
        name: name.to_string(),
    })
}

/// Parse a command line (a leading `:` is allowed).
pub fn parse(input: &str) -> Result<Command, String> {
    let input = input.trim().trim_start_matches(':').trim_start();
    let (verb, rest) = input
        .split_once(char::is_whitespace)
        .map_or((input, ""), |(v, r)| (v, r.trim()));
    let verb = verb.to_ascii_lowercase();
    if verb.is_empty() {
        return Err(usage());
    }
    match verb.as_str() {
        "filter" | "f" => return Ok(Command::Filter(rest.to_string())),
        "help" | "h" | "?" => return Ok(Command::Help),
        _ => {}
    }
    let Some(&(name, shape)) = COMMANDS.iter().find(|(n, _)| {
        *n == verb || (verb == "to" && *n == "timeout") || (verb == "treatment" && *n == "treat")
    }) else {
        return Err(format!("unknown command '{verb}': {}", usage()));
    };
    let (user, rest) = rest
        .split_once(char::is_whitespace)
        .map_or((rest, ""), |(u, r)| (u, r.trim()));
    if user.is_empty() {
        return Err(format!("usage: {shape}"));
    }
    let who = who(user)?;
    let text = |r: &str| (!r.is_empty()).then(|| r.to_string());
    let verb = match name {
        "ban" => Verb::Ban { reason: text(rest) },
        "unban" => Verb::Unban,
        "timeout" => {
            let (d, reason) = rest
                .split_once(char::is_whitespace)
                .map_or((rest, ""), |(d, r)| (d, r.trim()));
            if d.is_empty() {
                return Err(format!("usage: {shape}"));
            }
            Verb::Timeout {
                seconds: parse_duration(d)?,
                reason: text(reason),
            }
        }
        "note" => Verb::Note {
            text: text(rest).ok_or(format!("usage: {shape}"))?,
        },
        "treat" => {
            if !TREATMENTS.contains(&rest) {
                return Err(format!(
                    "unknown treatment '{rest}' (none, active_monitoring, restricted)"
                ));
            }
            Verb::Treat {
                treatment: rest.to_string(),
            }
        }
        _ => Verb::Card,
    };
    Ok(Command::On { who, verb })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(s: &str) -> (Who, Verb) {
        match parse(s).unwrap() {
            Command::On { who, verb } => (who, verb),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn commands() {
        let (w, v) = on("timeout loudguy 10m caps lock");
        assert_eq!(
            w,
            Who {
                platform: None,
                name: "loudguy".into()
            }
        );
        assert_eq!(
            v,
            Verb::Timeout {
                seconds: 600,
                reason: Some("caps lock".into())
            }
        );
        let (w, v) = on(":ban kick:@f0llow_b0t_1 spam bot");
        assert_eq!(w.platform, Some(Platform::Kick));
        assert_eq!(w.name, "f0llow_b0t_1");
        assert_eq!(
            v,
            Verb::Ban {
                reason: Some("spam bot".into())
            }
        );
        assert_eq!(on("unban twitch:loudguy").1, Verb::Unban);
        assert_eq!(on("card @ann").1, Verb::Card);
        assert_eq!(
            on("note ann spams links").1,
            Verb::Note {
                text: "spams links".into()
            }
        );
        assert_eq!(
            on("treat ann restricted").1,
            Verb::Treat {
                treatment: "restricted".into()
            }
        );
        assert_eq!(
            parse("filter from:ann | regex:a|b").unwrap(),
            Command::Filter("from:ann | regex:a|b".into())
        );
        assert_eq!(parse("filter").unwrap(), Command::Filter(String::new()));
        assert_eq!(parse("help").unwrap(), Command::Help);
    }

    #[test]
    fn errors_say_what_to_type() {
        let e = |s: &str| parse(s).unwrap_err();
        assert!(e("").contains("ban USER"));
        assert!(e("nuke ann").contains("unknown command 'nuke'"));
        assert!(e("ban").contains("usage: ban USER"));
        assert!(e("timeout ann").contains("usage: timeout"));
        assert!(e("timeout ann soon").contains("not a duration"));
        assert!(e("note ann").contains("usage: note"));
        assert!(e("treat ann cool").contains("unknown treatment 'cool'"));
        assert!(e("ban myspace:ann").contains("unknown platform 'myspace'"));
        assert!(e("ban twitch:").contains("must not be empty"));
    }
}
