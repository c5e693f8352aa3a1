//! `{variable}` templates: parsing and rendering, replaced right to left (seed 004). Pure.
//!
//! A variable is `{name}` or `{name:argument}`, where the name is letters, digits and `_`
//! (`{user}`, `{random:a,b,c}`, `{1}`). Anything else between braces is plain text. The
//! spans are found once in the original text and replaced from the last to the first, so
//! offsets stay valid and a value that itself looks like `{count}` (a chatter named so) is
//! never expanded again. A variable the registry does not know is left as written and
//! reported.

use super::variables::{Fact, RenderCtx, Resolution, VariableRegistry};

/// One `{…}` of a template: its byte range in the text, its name and argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub arg: Option<String>,
}

impl Span {
    /// The variable as written, `{name}` or `{name:arg}`.
    pub fn written(&self) -> String {
        match &self.arg {
            Some(a) => format!("{{{}:{a}}}", self.name),
            None => format!("{{{}}}", self.name),
        }
    }
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub text: String,
    pub spans: Vec<Span>,
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 32 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Find the variables of `text`.
pub fn parse(text: &str) -> Template {
    let mut spans = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'{' {
            i += 1;
            continue;
        }
        // The closing brace, before any other opening brace or line break.
        let rest = &text[i + 1..];
        let close = rest.find(['}', '{', '\n']);
        match close {
            Some(j) if rest.as_bytes()[j] == b'}' => {
                let inner = &rest[..j];
                let (name, arg) = match inner.split_once(':') {
                    Some((n, a)) => (n, Some(a.to_string())),
                    None => (inner, None),
                };
                if is_name(name) {
                    spans.push(Span {
                        start: i,
                        end: i + 1 + j + 1,
                        name: name.to_ascii_lowercase(),
                        arg,
                    });
                    i += j + 2;
                    continue;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    Template {
        text: text.to_string(),
        spans,
    }
}

impl Template {
    /// Whether the template has any variable at all.
    pub fn has_variables(&self) -> bool {
        !self.spans.is_empty()
    }

    /// The facts the registry needs fetched to render this template (uptime, song, count).
    pub fn needs(&self, registry: &VariableRegistry) -> Vec<Fact> {
        let mut out = Vec::new();
        for s in &self.spans {
            if let Some(f) = registry.fact_of(&s.name) {
                if !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        out
    }

    /// The variables the registry does not know, as written, in order, once each.
    pub fn unknown(&self, registry: &VariableRegistry) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for s in &self.spans {
            if !registry.knows(&s.name) {
                let w = s.written();
                if !out.contains(&w) {
                    out.push(w);
                }
            }
        }
        out
    }
}

/// A rendered template and what did not render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    /// Variables left as written because no resolver knows them.
    pub unknown: Vec<String>,
    /// Variables that rendered empty, and why (a gated feature off, a missing argument…).
    pub warnings: Vec<String>,
}

/// Render `template`, replacing its variables from the last to the first.
pub fn render(template: &Template, registry: &VariableRegistry, ctx: &RenderCtx) -> Rendered {
    let mut text = template.text.clone();
    let mut unknown = Vec::new();
    let mut warnings = Vec::new();
    for span in template.spans.iter().rev() {
        match registry.resolve(&span.name, span.arg.as_deref(), ctx) {
            Resolution::Value(v) => text.replace_range(span.start..span.end, &v),
            Resolution::Empty(why) => {
                text.replace_range(span.start..span.end, "");
                let w = format!("{}: {why}", span.written());
                if !warnings.contains(&w) {
                    warnings.push(w);
                }
            }
            Resolution::Unknown => {
                let w = span.written();
                if !unknown.contains(&w) {
                    unknown.push(w);
                }
            }
        }
    }
    unknown.reverse();
    warnings.reverse();
    Rendered {
        text,
        unknown,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::variables::Uptime;

    fn ctx<'a>(args: &'a [String]) -> RenderCtx<'a> {
        RenderCtx {
            user: "Alice",
            channel: "lumio_demo",
            platform: "twitch",
            args,
            ..RenderCtx::default()
        }
    }

    #[test]
    fn finds_variables_and_leaves_other_braces() {
        let t = parse("hi {user}, {random:a,b,c} {not a var} {} {1} {{x}} {open");
        let names: Vec<&str> = t.spans.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["user", "random", "1", "x"]);
        assert_eq!(t.spans[1].arg.as_deref(), Some("a,b,c"));
        assert_eq!(&t.text[t.spans[0].start..t.spans[0].end], "{user}");
        assert!(!parse("plain text").has_variables());
        assert_eq!(parse("{User}").spans[0].name, "user");
    }

    #[test]
    fn renders_right_to_left_without_expanding_values() {
        let reg = VariableRegistry::builtin();
        let args: Vec<String> = vec!["@bob".into(), "extra".into()];
        let mut c = ctx(&args);
        c.user = "{count}";
        c.count = Some(7);
        let r = render(
            &parse("{user} hugs {touser} ({count}) {1}|{2}|{3}"),
            &reg,
            &c,
        );
        assert_eq!(r.text, "{count} hugs bob (7) @bob|extra|");
        assert!(r.unknown.is_empty());
        assert_eq!(r.warnings, ["{3}: no argument 3 was given"]);
        assert_eq!(
            render(&parse("{args}!"), &reg, &c).text,
            "@bob extra!",
            "all arguments"
        );
    }

    #[test]
    fn unknown_variables_are_left_as_written_and_reported() {
        let reg = VariableRegistry::builtin();
        let r = render(
            &parse("{user} has {points} {points} and {weather:paris}"),
            &reg,
            &ctx(&[]),
        );
        assert_eq!(r.text, "Alice has {points} {points} and {weather:paris}");
        assert_eq!(r.unknown, ["{points}", "{weather:paris}"]);
        assert_eq!(
            parse("{user} {x} {x}").unknown(&reg),
            ["{x}"],
            "reported once"
        );
    }

    #[test]
    fn the_builtins_render() {
        let reg = VariableRegistry::builtin();
        let mut c = ctx(&[]);
        c.uptime = Uptime::Live(chrono::Duration::seconds(3 * 3600 + 4 * 60 + 5));
        c.count = Some(42);
        let r = render(
            &parse("{channel} on {platform} up {uptime}, used {count} times"),
            &reg,
            &c,
        );
        assert_eq!(r.text, "lumio_demo on twitch up 3h 4m, used 42 times");
        c.uptime = Uptime::Offline;
        assert_eq!(render(&parse("{uptime}"), &reg, &c).text, "offline");
        for _ in 0..20 {
            let r = render(&parse("{random:rock, paper ,scissors}"), &reg, &c);
            assert!(
                ["rock", "paper", "scissors"].contains(&r.text.as_str()),
                "{r:?}"
            );
        }
        let r = render(&parse("[{random}]"), &reg, &c);
        assert_eq!(r.text, "[]");
        assert_eq!(r.warnings, ["{random}: give choices as {random:a,b,c}"]);
        // {touser} falls back to the invoker.
        assert_eq!(render(&parse("{touser}"), &reg, &c).text, "Alice");
    }

    #[test]
    fn song_is_gated_by_its_feature() {
        let reg = VariableRegistry::builtin();
        let mut c = ctx(&[]);
        c.song = Some("Daft Punk – One More Time");
        let r = render(&parse("now: {song}"), &reg, &c);
        assert_eq!(r.text, "now: ");
        assert_eq!(
            r.warnings,
            ["{song}: the feature widget:spotify_now_playing is off for this account"]
        );
        let features = vec!["widget:spotify_now_playing".to_string()];
        c.features = &features;
        assert_eq!(
            render(&parse("now: {song}"), &reg, &c).text,
            "now: Daft Punk – One More Time"
        );
        c.song = None;
        let r = render(&parse("now: {song}"), &reg, &c);
        assert_eq!(r.text, "now: ");
        assert_eq!(r.warnings, ["{song}: nothing is playing"]);
        assert_eq!(
            parse("{song} {uptime} {count} {user}").needs(&reg),
            [Fact::Song, Fact::Uptime, Fact::Count]
        );
    }
}
