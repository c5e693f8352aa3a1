//! Translating other bots' variables into lumio's `{variable}`s. Pure.
//!
//! | source | syntax | example |
//! |---|---|---|
//! | Nightbot | `$(name args)` | `$(user)`, `$(touser)`, `$(query)`, `$(1)`, `$(count)` |
//! | StreamElements | `${name args}` | `${user}`, `${sender}`, `${1}`, `${1:}`, `${random.pick 'a' 'b'}` |
//! | Streamlabs Chatbot | `$name`, `$name(args)` | `$user`, `$target`, `$param1`, `$readapi(url)` |
//! | PhantomBot | `(name args)` | `(sender)`, `(touser)`, `(1)`, `(count)`, `(customapi url)` |
//! | Firebot | `$name`, `$name[args]` | `$user`, `$target`, `$arg[1]`, `$arg[all]` |
//! | others (Deepbot, Streamer.bot…) | `%name%` | `%user%`, `%channel%` |
//!
//! Each maps onto lumio's `{user}`, `{touser}`, `{args}`, `{1}`…`{9}`, `{count}`,
//! `{channel}`, `{uptime}`, `{song}`, `{platform}`, `{random:a,b,c}`. What has no lumio
//! equivalent (points, API calls, counters by name, random chatters…) is left as written and
//! listed, so the import's lossiness report names it.

use std::fmt;
use std::str::FromStr;

use crate::error::AppError;

/// Whose variable syntax a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// lumio's own: nothing to translate.
    Lumio,
    Nightbot,
    StreamElements,
    Streamlabs,
    PhantomBot,
    Firebot,
    /// Any of the above plus `%name%`, for files of other bots.
    Other,
}

impl Dialect {
    pub const ALL: [Dialect; 7] = [
        Dialect::Lumio,
        Dialect::Nightbot,
        Dialect::StreamElements,
        Dialect::Streamlabs,
        Dialect::PhantomBot,
        Dialect::Firebot,
        Dialect::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::Lumio => "lumio",
            Dialect::Nightbot => "nightbot",
            Dialect::StreamElements => "streamelements",
            Dialect::Streamlabs => "streamlabs",
            Dialect::PhantomBot => "phantombot",
            Dialect::Firebot => "firebot",
            Dialect::Other => "other",
        }
    }
}

impl fmt::Display for Dialect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Dialect {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Self, AppError> {
        let l = s.trim().to_ascii_lowercase();
        Dialect::ALL
            .into_iter()
            .find(|d| d.as_str() == l)
            .ok_or_else(|| {
                AppError::Validation(format!(
                    "source: unknown format '{s}' (expected lumio, nightbot, streamelements, \
                     streamlabs, phantombot, firebot or other)"
                ))
            })
    }
}

/// A translated text and what could not be translated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translation {
    pub text: String,
    /// Each untranslated variable, as written, once.
    pub lost: Vec<String>,
}

/// PhantomBot's tags (javascript-source/core/transformers): a `(word …)` that is one of
/// these is a tag; any other parenthesis is plain text.
const PHANTOMBOT_TAGS: &[&str] = &[
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "@sender",
    "adminonlyedit",
    "age",
    "alert",
    "baresender",
    "channelname",
    "code",
    "command",
    "commandslist",
    "count",
    "currenttime",
    "customapi",
    "customapijson",
    "downtime",
    "echo",
    "encodeurl",
    "encodeurlparam",
    "followage",
    "followdate",
    "follows",
    "game",
    "gameinfo",
    "gameonly",
    "gamesplayed",
    "help",
    "hours",
    "keywordcount",
    "lasttip",
    "math",
    "nonickname",
    "offlineonly",
    "onlineonly",
    "pay",
    "playsound",
    "playtime",
    "pointname",
    "points",
    "pointtouser",
    "price",
    "random",
    "randomint",
    "randomrank",
    "readfile",
    "readfilerand",
    "repeat",
    "sender",
    "senderrank",
    "senderrankonly",
    "status",
    "subscribers",
    "team_member_followers",
    "team_members",
    "team_name",
    "team_url",
    "titleinfo",
    "touser",
    "unescape",
    "uptime",
    "useronly",
    "viewers",
    "writefile",
];

/// The lumio variable for a name and argument of another bot, if there is one.
fn lumio_var(name: &str, arg: Option<&str>) -> Option<String> {
    let name = name.trim().trim_start_matches('@').to_ascii_lowercase();
    let arg = arg.map(str::trim).filter(|a| !a.is_empty());
    // Numbered arguments: 1, param1, arg[1].
    let number = name
        .strip_prefix("param")
        .unwrap_or(&name)
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=9).contains(n));
    if let Some(n) = number {
        return match arg {
            // StreamElements `${1:}`: from the first argument on.
            None => Some(format!("{{{n}}}")),
            Some(_) => None,
        };
    }
    if name == "1:" {
        return Some("{args}".into());
    }
    if name == "arg" {
        return match arg.map(|a| a.to_ascii_lowercase()) {
            Some(a) if a == "all" || a == "1-" || a == "*" => Some("{args}".into()),
            Some(a) => a
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=9).contains(n))
                .map(|n| format!("{{{n}}}")),
            None => None,
        };
    }
    if name == "random.pick" {
        let choices = split_quoted(arg?);
        return (!choices.is_empty()).then(|| format!("{{random:{}}}", choices.join(",")));
    }
    let simple = match name.as_str() {
        "user" | "sender" | "username" | "displayname" | "user.name" | "sender.name"
        | "baresender" => "user",
        "touser" | "target" | "touser.name" | "targetname" => "touser",
        "query" | "args" | "allargs" | "msg" | "echo" | "rawargs" => "args",
        "count" => "count",
        "channel" | "channelname" | "channel.name" | "streamer" | "mychannel" | "broadcaster" => {
            "channel"
        }
        "uptime" | "channel.uptime" => "uptime",
        "song" | "currentsong" | "spotify.song" | "nowplaying" => "song",
        "platform" => "platform",
        _ => return None,
    };
    match arg {
        None => Some(format!("{{{simple}}}")),
        Some(_) => None,
    }
}

/// `'a' 'b c' d` → `a`, `b c`, `d`.
fn split_quoted(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '\'' || c == '"' {
            chars.next();
            let item: String = chars.by_ref().take_while(|&x| x != c).collect();
            out.push(item.replace(',', " "));
        } else {
            let mut item = String::new();
            while let Some(&x) = chars.peek() {
                if x.is_whitespace() {
                    break;
                }
                item.push(x);
                chars.next();
            }
            out.push(item.replace(',', " "));
        }
    }
    out.retain(|i| !i.trim().is_empty());
    out
}

/// The index just after the bracket matching the one at `open` (nesting counted).
fn matching(text: &str, open: usize, o: char, c: char) -> Option<usize> {
    let mut depth = 0;
    for (i, ch) in text[open..].char_indices() {
        if ch == o {
            depth += 1;
        } else if ch == c {
            depth -= 1;
            if depth == 0 {
                return Some(open + i + ch.len_utf8());
            }
        }
    }
    None
}

fn word_end(text: &str, from: usize) -> usize {
    text[from..]
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
        .map(|(i, _)| from + i)
        .unwrap_or(text.len())
}

fn split_inner(inner: &str) -> (&str, Option<&str>) {
    let inner = inner.trim();
    match inner.find(char::is_whitespace) {
        Some(i) => (&inner[..i], Some(&inner[i..])),
        None => (inner, None),
    }
}

/// Translate `text` written in `dialect`.
pub fn translate(text: &str, dialect: Dialect) -> Translation {
    if dialect == Dialect::Lumio {
        return Translation {
            text: text.to_string(),
            lost: Vec::new(),
        };
    }
    let any = dialect == Dialect::Other;
    let mut out = String::with_capacity(text.len());
    let mut lost: Vec<String> = Vec::new();
    let keep = |written: &str, lost: &mut Vec<String>, out: &mut String| {
        out.push_str(written);
        if !lost.iter().any(|l| l == written) {
            lost.push(written.to_string());
        }
    };
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let ch = rest.chars().next().unwrap_or_default();
        let next = rest[ch.len_utf8()..].chars().next();
        // $(…) Nightbot
        if ch == '$' && next == Some('(') && (any || dialect == Dialect::Nightbot) {
            if let Some(end) = matching(text, i + 1, '(', ')') {
                let written = &text[i..end];
                let (name, arg) = split_inner(&text[i + 2..end - 1]);
                match lumio_var(name, arg) {
                    Some(v) => out.push_str(&v),
                    None => keep(written, &mut lost, &mut out),
                }
                i = end;
                continue;
            }
        }
        // ${…} StreamElements
        if ch == '$' && next == Some('{') && (any || dialect == Dialect::StreamElements) {
            if let Some(end) = matching(text, i + 1, '{', '}') {
                let written = &text[i..end];
                let (name, arg) = split_inner(&text[i + 2..end - 1]);
                // `${random.pick'a''b'}` is written without a space too.
                let (name, arg) = match name.find('\'') {
                    Some(q) if name.starts_with("random.pick") => {
                        (&name[..q], Some(&text[i + 2 + q..end - 1]))
                    }
                    _ => (name, arg),
                };
                match lumio_var(name, arg) {
                    Some(v) => out.push_str(&v),
                    None => keep(written, &mut lost, &mut out),
                }
                i = end;
                continue;
            }
        }
        // $name, $name(…) Streamlabs; $name, $name[…] Firebot
        if ch == '$'
            && next.is_some_and(|c| c.is_ascii_alphabetic())
            && (any || dialect == Dialect::Streamlabs || dialect == Dialect::Firebot)
        {
            let name_end = word_end(text, i + 1);
            let name = &text[i + 1..name_end];
            let after = text[name_end..].chars().next();
            let (end, arg) = match after {
                Some('(') if any || dialect == Dialect::Streamlabs => {
                    match matching(text, name_end, '(', ')') {
                        Some(e) => (e, Some(&text[name_end + 1..e - 1])),
                        None => (name_end, None),
                    }
                }
                Some('[') if any || dialect == Dialect::Firebot => {
                    match matching(text, name_end, '[', ']') {
                        Some(e) => (e, Some(&text[name_end + 1..e - 1])),
                        None => (name_end, None),
                    }
                }
                _ => (name_end, None),
            };
            match lumio_var(name, arg) {
                Some(v) => out.push_str(&v),
                None => keep(&text[i..end], &mut lost, &mut out),
            }
            i = end;
            continue;
        }
        // (tag …) PhantomBot
        if ch == '(' && dialect == Dialect::PhantomBot {
            if let Some(end) = matching(text, i, '(', ')') {
                let (name, arg) = split_inner(&text[i + 1..end - 1]);
                let lname = name.to_ascii_lowercase();
                if PHANTOMBOT_TAGS.contains(&lname.as_str()) {
                    match lumio_var(&lname, arg) {
                        Some(v) => out.push_str(&v),
                        None => keep(&text[i..end], &mut lost, &mut out),
                    }
                    i = end;
                    continue;
                }
            }
        }
        // %name%
        if ch == '%' && any {
            let name_end = word_end(text, i + 1);
            if name_end > i + 1 && text[name_end..].starts_with('%') {
                let name = &text[i + 1..name_end];
                let written = &text[i..name_end + 1];
                match lumio_var(name, None) {
                    Some(v) => out.push_str(&v),
                    None => keep(written, &mut lost, &mut out),
                }
                i = name_end + 1;
                continue;
            }
        }
        out.push(ch);
        i += ch.len_utf8();
    }
    Translation { text: out, lost }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, d: Dialect) -> (String, Vec<String>) {
        let r = translate(text, d);
        (r.text, r.lost)
    }

    #[test]
    fn each_dialect_maps_user() {
        assert_eq!(t("hi $(user)", Dialect::Nightbot).0, "hi {user}");
        assert_eq!(t("hi ${user}", Dialect::StreamElements).0, "hi {user}");
        assert_eq!(t("hi (sender)", Dialect::PhantomBot).0, "hi {user}");
        assert_eq!(t("hi $user", Dialect::Streamlabs).0, "hi {user}");
        assert_eq!(t("hi $user", Dialect::Firebot).0, "hi {user}");
        assert_eq!(t("hi %user%", Dialect::Other).0, "hi {user}");
        assert_eq!(
            t("hi $(user) ${user}", Dialect::Other).0,
            "hi {user} {user}"
        );
        assert_eq!(
            t("hi $(user)", Dialect::Lumio).0,
            "hi $(user)",
            "lumio: as is"
        );
    }

    #[test]
    fn nightbot() {
        let (text, lost) = t(
            "$(touser) was hugged by $(user) ($(count)) $(query) $(1) $(urlfetch https://x.y/$(1)) $(channel) up $(uptime)",
            Dialect::Nightbot,
        );
        assert_eq!(
            text,
            "{touser} was hugged by {user} ({count}) {args} {1} $(urlfetch https://x.y/$(1)) {channel} up {uptime}"
        );
        assert_eq!(lost, ["$(urlfetch https://x.y/$(1))"]);
    }

    #[test]
    fn streamelements() {
        let (text, lost) = t(
            "${sender} -> ${touser}: ${random.pick 'rock' 'paper' 'scissors'} ${1} ${1:} ${user.points} ${count deaths}",
            Dialect::StreamElements,
        );
        assert_eq!(
            text,
            "{user} -> {touser}: {random:rock,paper,scissors} {1} {args} ${user.points} ${count deaths}"
        );
        assert_eq!(lost, ["${user.points}", "${count deaths}"]);
        assert_eq!(
            t("${random.pick'a''b'}", Dialect::StreamElements).0,
            "{random:a,b}"
        );
    }

    #[test]
    fn streamlabs_and_firebot() {
        let (text, lost) = t(
            "$user hugs $target $param1 $readapi(https://x.y) costs $points $currencyname",
            Dialect::Streamlabs,
        );
        assert_eq!(
            text,
            "{user} hugs {touser} {1} $readapi(https://x.y) costs $points $currencyname"
        );
        assert_eq!(lost, ["$readapi(https://x.y)", "$points", "$currencyname"]);
        let (text, lost) = t(
            "$user -> $arg[1] ($arg[all]) $streamer $randomNumber[1,6] costs $5",
            Dialect::Firebot,
        );
        assert_eq!(
            text,
            "{user} -> {1} ({args}) {channel} $randomNumber[1,6] costs $5"
        );
        assert_eq!(lost, ["$randomNumber[1,6]"]);
    }

    #[test]
    fn phantombot_tags_and_plain_parentheses() {
        let (text, lost) = t(
            "(sender) slaps (touser) (1) (count) times (brb) (customapi http://x.y) :(",
            Dialect::PhantomBot,
        );
        assert_eq!(
            text,
            "{user} slaps {touser} {1} {count} times (brb) (customapi http://x.y) :("
        );
        assert_eq!(lost, ["(customapi http://x.y)"]);
        assert_eq!(t("(@sender)", Dialect::PhantomBot).0, "{user}");
    }

    #[test]
    fn dialect_names() {
        for d in Dialect::ALL {
            assert_eq!(d.as_str().parse::<Dialect>().unwrap(), d);
        }
        assert!("deepbot".parse::<Dialect>().is_err());
        assert_eq!(
            t("50% off, 100%", Dialect::Other).0,
            "50% off, 100%",
            "not a %name%"
        );
    }
}
