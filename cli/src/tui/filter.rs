//! The live filter's query language, after Chatterino's search, parsed once into a tree:
//!
//! - terms: `from:user`, `in:channel`, `platform:twitch`, `is:deleted|first|mod|sub|vip|
//!   restricted|system|highlighted`, `has:link|emote|reply`, `regex:PATTERN` (the `regex`
//!   crate, case-insensitive; the pattern runs to the next space, `|` and parentheses
//!   included) and free text (case-insensitive);
//! - `!term` negates a term (`-key:value` too);
//! - terms side by side must all match; `a | b` matches either side (`|` binds loosest), and
//!   `a|b` inside one word binds tightest: `from:ann platform:kick|platform:trovo`.
//!
//! An invalid query is an error naming the term; it never becomes an empty filter.

use regex::{Regex, RegexBuilder};

use super::state::Line;
use crate::platform::Platform;

/// A parsed query.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// `None`: the empty query (everything matches).
    root: Option<Expr>,
}

#[derive(Debug, Clone)]
enum Expr {
    Any(Vec<Expr>),
    All(Vec<Expr>),
    Not(Box<Expr>),
    Term(Term),
}

#[derive(Debug, Clone)]
enum Term {
    From(String),
    In(String),
    Platform(Platform),
    Is(Is),
    Has(Has),
    Regex(Regex),
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Is {
    Deleted,
    First,
    Mod,
    Sub,
    Vip,
    Restricted,
    System,
    Highlighted,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Has {
    Link,
    Emote,
    Reply,
}

const IS: [(&str, Is); 8] = [
    ("deleted", Is::Deleted),
    ("first", Is::First),
    ("mod", Is::Mod),
    ("sub", Is::Sub),
    ("vip", Is::Vip),
    ("restricted", Is::Restricted),
    ("system", Is::System),
    ("highlighted", Is::Highlighted),
];
const HAS: [(&str, Has); 3] = [
    ("link", Has::Link),
    ("emote", Has::Emote),
    ("reply", Has::Reply),
];

/// The terms, for the prompt's label and the help.
pub const SYNTAX: &str = "from:USER in:CHANNEL platform:P is:deleted|first|mod|sub|vip|restricted|system|highlighted has:link|emote|reply regex:RE TEXT · !term negates · a | b either";

/// A regex error in one line: the pattern and what is wrong with it.
fn regex_error(pattern: &str, e: &regex::Error) -> String {
    let text = e.to_string();
    let why = text
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or(text.lines().next().unwrap_or("invalid"))
        .to_string();
    format!("regex:{pattern} is not a regular expression: {why}")
}

/// One term (without its negation).
fn term(w: &str) -> Result<Term, String> {
    let Some((key, value)) = w.split_once(':') else {
        return Ok(Term::Text(w.to_lowercase()));
    };
    let need = |what: &str| {
        if value.is_empty() {
            Err(format!("{key}: needs {what}"))
        } else {
            Ok(())
        }
    };
    Ok(match key.to_ascii_lowercase().as_str() {
        "from" => {
            need("a name")?;
            Term::From(value.trim_start_matches('@').to_lowercase())
        }
        "in" => {
            need("a channel")?;
            Term::In(value.trim_start_matches('#').to_lowercase())
        }
        "platform" => {
            need("a platform")?;
            Term::Platform(value.parse::<Platform>().map_err(|e| e.message)?)
        }
        "is" => IS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(value))
            .map(|(_, i)| Term::Is(*i))
            .ok_or_else(|| {
                let all: Vec<&str> = IS.iter().map(|(n, _)| *n).collect();
                format!("unknown is:{value} ({})", all.join(", "))
            })?,
        "has" => HAS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(value))
            .map(|(_, h)| Term::Has(*h))
            .ok_or_else(|| format!("unknown has:{value} (link, emote, reply)"))?,
        "regex" => {
            need("a pattern")?;
            Term::Regex(
                RegexBuilder::new(value)
                    .case_insensitive(true)
                    .size_limit(1 << 20)
                    .build()
                    .map_err(|e| regex_error(value, &e))?,
            )
        }
        // `http://…` and other colons in free text.
        _ => Term::Text(w.to_lowercase()),
    })
}

/// One word: `!`/`-` negation, a `regex:` that runs to the end of the word, or terms joined
/// by `|` inside the word.
fn word(w: &str) -> Result<Expr, String> {
    let (neg, body) = match w.strip_prefix('!') {
        Some(rest) if !rest.is_empty() => (true, rest),
        Some(_) => return Err("! needs a term after it".into()),
        // `-key:value` (the older spelling); `-` before plain text is text (`-_-`).
        None => match w.strip_prefix('-') {
            Some(rest) if rest.contains(':') && !rest.starts_with(':') => (true, rest),
            _ => (false, w),
        },
    };
    let expr = if body.to_ascii_lowercase().starts_with("regex:") || !body.contains('|') {
        Expr::Term(term(body)?)
    } else {
        let parts = body
            .split('|')
            .map(|p| {
                if p.is_empty() {
                    Err(format!("'{body}': | needs a term on each side"))
                } else {
                    word(p)
                }
            })
            .collect::<Result<Vec<_>, _>>()?;
        Expr::Any(parts)
    };
    Ok(if neg { Expr::Not(Box::new(expr)) } else { expr })
}

impl Filter {
    /// Parse a query; an empty query matches everything.
    pub fn parse(q: &str) -> Result<Filter, String> {
        let mut any: Vec<Expr> = Vec::new();
        let mut all: Vec<Expr> = Vec::new();
        let mut words = q.split_whitespace().peekable();
        if words.peek().is_none() {
            return Ok(Filter::default());
        }
        while let Some(w) = words.next() {
            if w == "|" {
                if all.is_empty() || words.peek().is_none() {
                    return Err("| needs a term on each side".into());
                }
                any.push(group(std::mem::take(&mut all)));
                continue;
            }
            all.push(word(w)?);
        }
        any.push(group(all));
        let root = if any.len() == 1 {
            any.pop()
        } else {
            Some(Expr::Any(any))
        };
        Ok(Filter { root })
    }

    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }

    pub fn matches(&self, l: &Line) -> bool {
        self.root.as_ref().is_none_or(|e| eval(e, l))
    }
}

fn group(mut all: Vec<Expr>) -> Expr {
    if all.len() == 1 {
        all.remove(0)
    } else {
        Expr::All(all)
    }
}

fn eval(e: &Expr, l: &Line) -> bool {
    match e {
        Expr::Any(xs) => xs.iter().any(|x| eval(x, l)),
        Expr::All(xs) => xs.iter().all(|x| eval(x, l)),
        Expr::Not(x) => !eval(x, l),
        Expr::Term(t) => hit(t, l),
    }
}

/// Whether `needle` (lower case) is in `hay`, ignoring case.
fn contains_ci(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        return n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    hay.to_lowercase().contains(needle)
}

fn hit(t: &Term, l: &Line) -> bool {
    match t {
        Term::From(u) => {
            l.login.eq_ignore_ascii_case(u) || l.name.to_lowercase() == *u || l.user_id == *u
        }
        Term::In(c) => l.channel.trim_start_matches('#').eq_ignore_ascii_case(c),
        Term::Platform(p) => l.platform == *p,
        Term::Is(i) => match i {
            Is::Deleted => l.deleted_by.is_some(),
            Is::First => l.marks.first,
            Is::Mod => l.marks.moderator,
            Is::Sub => l.marks.sub,
            Is::Vip => l.marks.vip,
            Is::Restricted => l.marks.restricted,
            Is::System => l.system.is_some(),
            Is::Highlighted => l.highlight.is_some(),
        },
        Term::Has(h) => match h {
            Has::Link => has_link(&l.text),
            Has::Emote => !l.emotes.is_empty(),
            Has::Reply => l.reply_to.is_some(),
        },
        Term::Regex(r) => r.is_match(&l.text),
        Term::Text(w) => contains_ci(&l.text, w),
    }
}

/// A link, or what spam bots write instead of one.
pub fn has_link(text: &str) -> bool {
    ["http://", "https://", "www.", " dot ", "bit.ly/"]
        .iter()
        .any(|m| contains_ci(text, m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::state::{Line, System};

    fn line(user: &str, platform: Platform, text: &str) -> Line {
        crate::tui::state::test_line(user, platform, text)
    }

    fn m(q: &str, l: &Line) -> bool {
        Filter::parse(q).unwrap().matches(l)
    }

    #[test]
    fn terms() {
        let a = line("Alice", Platform::Twitch, "check https://spam.example now");
        let b = line("bob", Platform::Kick, "hello there");
        assert!(m("from:alice has:link", &a) && !m("from:alice has:link", &b));
        assert!(!m("platform:kick hello", &a) && m("platform:kick hello", &b));
        assert!(m("-platform:kick", &a) && !m("-platform:kick", &b));
        assert!(m("!platform:kick", &a) && !m("!platform:kick", &b));
        assert!(m("in:lumio_demo", &a) && !m("in:other", &a));
        assert!(m("in:#LUMIO_DEMO", &a));
        let mut c = line("carl", Platform::Youtube, "hi");
        c.marks.first = true;
        c.deleted_by = Some("Milo Mod".into());
        assert!(m("is:first is:deleted", &c));
        assert!(!m("is:mod", &c));
        assert!(Filter::parse("").unwrap().is_empty());
        assert!(Filter::parse("   ").unwrap().is_empty());
        // `-` before plain text is text.
        assert!(m("-_-", &line("x", Platform::Kick, "so tired -_-")));
    }

    /// Issue 16: `regex:` is the regex crate's, `|` and groups included.
    #[test]
    fn regexes_are_regular_expressions() {
        let free = line("x", Platform::Twitch, "FREE FOLLOWERS at bit.ly/cheap");
        let click = line("y", Platform::Twitch, "CLICK HERE for free gift  cards");
        let hello = line("z", Platform::Twitch, "hello chat");
        for q in ["regex:free|click", "regex:(click|free)"] {
            assert!(m(q, &free) && m(q, &click) && !m(q, &hello), "{q}");
        }
        assert!(m(r"regex:gift\s+cards", &click));
        assert!(!m(r"regex:gift\s+cards", &free));
        assert!(m("regex:^hello", &hello) && !m("regex:^chat", &hello));
        assert!(m("!regex:free", &hello) && !m("!regex:free", &free));
        let e = Filter::parse("regex:([").unwrap_err();
        assert!(e.starts_with("regex:([ is not a regular expression"), "{e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }

    #[test]
    fn or_and_precedence() {
        let kick = line("ann", Platform::Kick, "hi");
        let trovo = line("ann", Platform::Trovo, "hi");
        let tw_bob = line("bob", Platform::Twitch, "hi");
        let q = "from:ann platform:kick|platform:trovo";
        assert!(m(q, &kick) && m(q, &trovo) && !m(q, &tw_bob));
        let q = "from:ann platform:kick | platform:twitch";
        assert!(m(q, &kick) && !m(q, &trovo) && m(q, &tw_bob));
        let q = "!from:ann|from:bob";
        assert!(!m(q, &kick) && !m(q, &tw_bob));
        for bad in [
            "| a",
            "a |",
            "a||b",
            "!",
            "from:",
            "platform:myspace",
            "is:cool",
            "has:cats",
        ] {
            assert!(Filter::parse(bad).is_err(), "{bad}");
        }
        assert!(Filter::parse("platform:myspace")
            .unwrap_err()
            .contains("unknown platform 'myspace'"));
    }

    #[test]
    fn system_and_highlighted_lines() {
        let mut s = line(
            "loudguy",
            Platform::Twitch,
            "loudguy was banned by Milo Mod",
        );
        s.system = Some(System::Ban);
        assert!(m("is:system", &s) && m("from:loudguy", &s));
        let mut h = line("x", Platform::Twitch, "hey @mod");
        h.highlight = Some(crate::tui::state::Highlight::Mention);
        assert!(m("is:highlighted", &h) && !m("is:highlighted", &s));
    }
}
