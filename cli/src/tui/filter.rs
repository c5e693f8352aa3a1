//! The live filter's query language, after Chatterino's search: `from:user`,
//! `platform:twitch`, `is:deleted`, `is:first`, `is:mod`, `is:restricted`, `has:link`,
//! `regex:…` and free text; terms are combined with AND, `-term` negates one.

use super::app::Line;

#[derive(Debug, Clone, PartialEq)]
enum Term {
    From(String),
    Platform(String),
    Deleted,
    First,
    Mod,
    Restricted,
    Link,
    Regex(String),
    Text(String),
}

#[derive(Debug, Clone, Default)]
pub struct Filter {
    terms: Vec<(bool, Term)>,
    regexes: Vec<Option<Matcher>>,
}

/// A tiny pattern matcher for `regex:` terms: `^`/`$` anchors, `.` any char, `*` repeats
/// the previous char (or `.*`), and literal text — enough for moderators' searches without a
/// regex engine dependency.
#[derive(Debug, Clone)]
struct Matcher {
    pattern: Vec<char>,
}

impl Matcher {
    fn new(p: &str) -> Matcher {
        Matcher {
            pattern: p.to_lowercase().chars().collect(),
        }
    }

    fn is_match(&self, text: &str) -> bool {
        let t: Vec<char> = text.to_lowercase().chars().collect();
        let p = &self.pattern;
        if let Some(rest) = p.strip_prefix(&['^']) {
            return match_here(rest, &t);
        }
        (0..=t.len()).any(|i| match_here(p, &t[i..]))
    }
}

fn match_here(p: &[char], t: &[char]) -> bool {
    if p.is_empty() {
        return true;
    }
    if p == ['$'] {
        return t.is_empty();
    }
    if p.len() >= 2 && p[1] == '*' {
        let c = p[0];
        let mut i = 0;
        loop {
            if match_here(&p[2..], &t[i..]) {
                return true;
            }
            if i < t.len() && (c == '.' || t[i] == c) {
                i += 1;
            } else {
                return false;
            }
        }
    }
    if !t.is_empty() && (p[0] == '.' || p[0] == t[0]) {
        return match_here(&p[1..], &t[1..]);
    }
    false
}

impl Filter {
    /// Parse a query; an empty query matches everything.
    pub fn parse(q: &str) -> Result<Filter, String> {
        let mut terms = Vec::new();
        for word in q.split_whitespace() {
            let (neg, w) = match word.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, word),
            };
            let term = match w.split_once(':') {
                Some(("from", u)) if !u.is_empty() => {
                    Term::From(u.trim_start_matches('@').to_lowercase())
                }
                Some(("platform", p)) => {
                    let p = p.to_lowercase();
                    if !["twitch", "youtube", "kick", "trovo", "discord"].contains(&p.as_str()) {
                        return Err(format!("unknown platform '{p}'"));
                    }
                    Term::Platform(p)
                }
                Some(("is", what)) => match what {
                    "deleted" => Term::Deleted,
                    "first" => Term::First,
                    "mod" => Term::Mod,
                    "restricted" => Term::Restricted,
                    other => {
                        return Err(format!(
                            "unknown is:{other} (deleted, first, mod, restricted)"
                        ))
                    }
                },
                Some(("has", "link")) => Term::Link,
                Some(("has", other)) => return Err(format!("unknown has:{other} (link)")),
                Some(("regex", r)) if !r.is_empty() => Term::Regex(r.to_string()),
                _ => Term::Text(w.to_lowercase()),
            };
            terms.push((neg, term));
        }
        let regexes = terms
            .iter()
            .map(|(_, t)| match t {
                Term::Regex(r) => Some(Matcher::new(r)),
                _ => None,
            })
            .collect();
        Ok(Filter { terms, regexes })
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn matches(&self, l: &Line) -> bool {
        self.terms.iter().enumerate().all(|(i, (neg, t))| {
            let hit = match t {
                Term::From(u) => l.username.to_lowercase() == *u || l.user_id.to_lowercase() == *u,
                Term::Platform(p) => l.platform == *p,
                Term::Deleted => l.deleted_by.is_some(),
                Term::First => l.first,
                Term::Mod => l.is_mod,
                Term::Restricted => l.restricted,
                Term::Link => {
                    let t = l.text.to_lowercase();
                    t.contains("http://")
                        || t.contains("https://")
                        || t.contains("www.")
                        || t.contains(" dot ")
                }
                Term::Regex(_) => self.regexes[i]
                    .as_ref()
                    .is_some_and(|m| m.is_match(&l.text)),
                Term::Text(w) => l.text.to_lowercase().contains(w.as_str()),
            };
            hit != *neg
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(user: &str, platform: &str, text: &str) -> Line {
        Line {
            platform: platform.into(),
            username: user.into(),
            user_id: format!("id-{user}"),
            text: text.into(),
            ..Line::default()
        }
    }

    #[test]
    fn queries() {
        let a = line("Alice", "twitch", "check https://spam.example now");
        let b = line("bob", "kick", "hello there");
        let f = Filter::parse("from:alice has:link").unwrap();
        assert!(f.matches(&a) && !f.matches(&b));
        let f = Filter::parse("platform:kick hello").unwrap();
        assert!(!f.matches(&a) && f.matches(&b));
        let f = Filter::parse("-platform:kick").unwrap();
        assert!(f.matches(&a) && !f.matches(&b));
        let f = Filter::parse("regex:^hel.*re$").unwrap();
        assert!(f.matches(&b) && !f.matches(&a));
        let mut c = line("carl", "youtube", "hi");
        c.first = true;
        c.deleted_by = Some("Milo Mod".into());
        assert!(Filter::parse("is:first is:deleted").unwrap().matches(&c));
        assert!(!Filter::parse("is:mod").unwrap().matches(&c));
        assert!(Filter::parse("").unwrap().is_empty());
        assert!(Filter::parse("platform:myspace").is_err());
        assert!(Filter::parse("is:cool").is_err());
    }
}
